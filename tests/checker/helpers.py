"""Shared helpers for the checker tests: the fixture folders and a compact view of findings."""

from __future__ import annotations

import shutil
from pathlib import Path

from kiosk.checker import Limits, Options, Report, check

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "check"


def run(name: str | Path, limits: Limits | None = None) -> Report:
    """Check a fixture folder (or any folder) without layout."""
    folder = FIXTURES / name if isinstance(name, str) else name
    return check(folder, Options(limits or Limits(), layout=False))


def broken_content(tmp_path: Path) -> Path:
    """The "broken" fixture plus a file that is not UTF-8 (made here: tools that read the
    repository, such as ruff, would choke on it)."""
    folder = tmp_path / "broken"
    shutil.copytree(FIXTURES / "broken", folder)
    latin1 = "title: Encodage\nkey: Mauvais encodage.\n\nUn texte accentué.\n"
    (folder / "fr" / "t" / "06-latin1.md").write_bytes(latin1.encode("latin-1"))
    return folder


# The fixture topics have no quiz.md: each warns about it (one per topic and language),
# which rows() leaves out so that each fixture shows only the finding it is about.
# tests/content/test_quiz.py checks that warning.
NO_QUIZ = "quiz-missing"


def rows(report: Report) -> list[tuple[str, int | None, str, str, str]]:
    return [
        (f.path, f.line, f.severity, f.category, f.message)
        for f in report.sorted()
        if f.category != NO_QUIZ
    ]
