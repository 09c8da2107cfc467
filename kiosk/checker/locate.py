"""Find the source line of a piece of rendered text, to report findings where editors look.

The loader keeps only rendered text; a finding about a sentence or a paragraph is placed
by looking its first words up in the Markdown source, with Markdown markup removed.
"""

from __future__ import annotations

import re
from pathlib import Path

from kiosk.content.source_text import meta_line_numbers

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"\*\*|__|[*_`]")
_ATTR = re.compile(r"\{:[^}]*\}")
_PREFIX = re.compile(r"^\s*(?:[-*+]\s+|\d+[.)]\s+|!!!\s*\w+\s*)")


def _plain(line: str) -> str:
    line = _LINK.sub(r"\1", line)
    line = _ATTR.sub("", line)
    line = _PREFIX.sub("", line)
    line = _MARKUP.sub("", line)
    return " ".join(line.split())


class SourceLines:
    """The lines of one content file, searchable by the words of the rendered text."""

    def __init__(self, path: Path):
        from kiosk.content.source_text import ContentFileError, read_limited

        try:
            source = read_limited(path).decode("utf-8-sig").replace("\r\n", "\n")
        except (OSError, UnicodeDecodeError, ContentFileError):
            source = ""
        self.raw = source.split("\n")
        self.lines = [_plain(line) for line in self.raw]
        self.meta = meta_line_numbers(source)
        self.body_start = max(self.meta.values(), default=0) + 1
        self._cursor = self.body_start

    def find(self, text: str) -> int | None:
        """1-based line where ``text`` starts, searching forward from the last match."""
        words = text.split()
        for count in (6, 4, 2, 1):
            needle = " ".join(words[:count])
            if not needle:
                return None
            for start in (self._cursor, self.body_start):
                line = self._search(needle, start)
                if line is not None:
                    self._cursor = line
                    return line
        return None

    def find_pattern(
        self,
        pattern: re.Pattern[str],
        headers: bool = True,
        skip: re.Pattern[str] | None = None,
    ) -> int | None:
        """First body line (or title/key header line, with ``headers``) matching
        ``pattern``; body lines matching ``skip`` ("Source : …") are passed over."""
        for key in ("title", "key") if headers else ():
            number = self.meta.get(key)
            if number and pattern.search(self.lines[number - 1].split(":", 1)[-1]):
                return number
        for number in range(self.body_start, len(self.lines) + 1):
            line = self.lines[number - 1]
            if pattern.search(line) and not (skip and skip.match(line)):
                return number
        return None

    def find_id(self, element_id: str) -> int | None:
        """Line of an attribute list giving this id, e.g. ``{: #sejour }``."""
        needle = re.compile(r"\{:[^}]*#" + re.escape(element_id) + r"(?![\w-])")
        for number, line in enumerate(self.raw, start=1):
            if needle.search(line):
                return number
        return None

    def _search(self, needle: str, start: int) -> int | None:
        for number in range(start, len(self.lines) + 1):
            if needle in self.lines[number - 1]:
                return number
        return None
