"""Findings and the two ways of printing them: for people, and ``--json`` for tools."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from kiosk.content import ContentProblem

Severity = Literal["error", "warning", "note"]
SEVERITY_ORDER = {"error": 0, "warning": 1, "note": 2}


@dataclass(frozen=True)
class Finding:
    path: str  # relative to the content folder, with "/" separators
    line: int | None
    severity: Severity
    # content, parity, score (note), readability, words, long-sentence, paragraphs,
    # key-point, term, explanation, glossary-unused, question-unused, quiz, quiz-missing,
    # layout (note)
    category: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.severity}: {self.message}"

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "severity": self.severity,
            "category": self.category,
            "message": self.message,
        }


def relative(path: Path, root: Path) -> str:
    """``path`` relative to the content folder, as shown to editors; the folder itself is
    shown as given."""
    if path == root:
        return path.as_posix()
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def from_problem(problem: ContentProblem, root: Path) -> Finding:
    return Finding(
        relative(problem.path, root), problem.line, problem.severity, "content", problem.message
    )


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    files: int = 0
    seconds: float = 0.0

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    @property
    def errors(self) -> int:
        return self.count("error")

    @property
    def warnings(self) -> int:
        return self.count("warning")

    def sorted(self) -> list[Finding]:
        def key(f: Finding) -> tuple[str, bool, bool, int, int]:
            # In a file: findings by line, then those about the whole file, notes last.
            note = f.severity == "note"
            return (f.path, note, f.line is None, f.line or 0, SEVERITY_ORDER[f.severity])

        return sorted(self.findings, key=key)

    def exit_code(self, strict: bool = False) -> int:
        return 1 if self.errors or (strict and self.warnings) else 0

    def summary(self) -> str:
        parts = [_plural(self.errors, "error"), _plural(self.warnings, "warning")]
        notes = self.count("note")
        if notes:
            parts.append(_plural(notes, "note"))
        files = _plural(self.files, "file")
        return f"{', '.join(parts)} in {files} ({self.seconds:.1f} s)"

    def to_text(self) -> str:
        """Findings grouped by file (a blank line between files), notes last, then the
        summary."""
        lines: list[str] = []
        previous = None
        for finding in self.sorted():
            if previous is not None and finding.path != previous:
                lines.append("")
            lines.append(str(finding))
            previous = finding.path
        if lines:
            lines.append("")
        lines.append(self.summary())
        return "\n".join(lines)

    def to_json(self) -> str:
        data = {
            "errors": self.errors,
            "warnings": self.warnings,
            "problems": [f.as_dict() for f in self.sorted()],
            "seconds": round(self.seconds, 3),
        }
        return json.dumps(data, ensure_ascii=False, indent=2)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"
