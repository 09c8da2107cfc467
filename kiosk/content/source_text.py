"""Content files as text: read within their folder and size limit as UTF-8, checked for
nesting that would stall the Markdown parser, and searched for the line a problem is on
(every problem names its file and line)."""

from __future__ import annotations

import re
from pathlib import Path

from kiosk.content.model import ContentProblem
from kiosk.content.safe_read import MAX_FILE_BYTES, ContentFileError, read_in_folder

# Limits that keep one hostile file from stalling the kiosk or the checker: Python-Markdown
# recurses into each nested block quote or list, and looks ahead from every "[" for its
# link, so both cost far more than their size. No real page comes near them.
MAX_NESTING = 20  # block quotes or list levels inside one another
MAX_BRACKETS = 200  # "[" in one paragraph
_QUOTE_MARKS = re.compile(r"^[ \t]*(?:>[ \t]*)+")
_META_LINE = re.compile(r"^([A-Za-z0-9_-]+)\s*:")


def read_limited(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular content file, never more than ``limit`` + 1.

    The file (after following links) must be inside the folder holding it; devices, named
    pipes and folders are refused without being read (reading /dev/zero would never end, a
    pipe would block the kiosk). The size limit applies while reading, not after.
    """
    return read_in_folder(path, path.parent, limit)


def read_source(
    path: Path, limit: int = MAX_FILE_BYTES, advice: str = ""
) -> tuple[str | None, list[ContentProblem]]:
    """Read a content file as UTF-8, reporting size and encoding problems with a line.
    Nothing beyond ``limit`` bytes is read; ``advice`` follows the message when it is
    too large."""
    try:
        data = read_limited(path, limit)
    except ContentFileError as error:
        return None, [ContentProblem(path, None, f"file refused: it {error}")]
    except OSError as error:
        return None, [ContentProblem(path, None, f"cannot read file: {error.strerror}")]
    if len(data) > limit:
        message = f"file is too large (over {limit // 1024} KiB, the limit){advice}"
        return None, [ContentProblem(path, None, message)]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        message = "text is not valid UTF-8 (save the file as UTF-8)"
        return None, [ContentProblem(path, line, message)]
    return text.replace("\r\n", "\n"), []


def too_complex(source: str) -> tuple[int, str] | None:
    """(line, message) when the source nests deeper or links more than the limits allow.
    One pass over the text: the check itself stays linear in the file's size."""
    block_start, brackets = 1, 0
    for number, line in enumerate(source.split("\n"), start=1):
        if not line.strip():
            block_start, brackets = number + 1, 0
            continue
        quotes = _QUOTE_MARKS.match(line)
        depth = quotes.group().count(">") if quotes else 0
        if depth > MAX_NESTING:
            return number, (
                f"block quotes nested {depth} deep (at most {MAX_NESTING}); "
                "use fewer '>' at the start of the line"
            )
        expanded = line.expandtabs(4)
        indent = len(expanded) - len(expanded.lstrip())
        if indent > MAX_NESTING * 4:
            return number, (
                f"line indented {indent} columns: lists nested more than {MAX_NESTING} deep; "
                "indent less"
            )
        brackets += line.count("[")
        if brackets > MAX_BRACKETS:
            return block_start, (
                f"paragraph has more than {MAX_BRACKETS} '[' (links or pictures); "
                "split it or remove the stray brackets"
            )
    return None


def meta_line_numbers(source: str) -> dict[str, int]:
    lines: dict[str, int] = {}
    for number, line in enumerate(source.split("\n"), start=1):
        if not line.strip():
            break
        match = _META_LINE.match(line)
        if match:
            lines.setdefault(match.group(1).lower(), number)
    return lines


def line_of(source: str, needle: str, start_line: int = 1) -> int | None:
    for number, line in enumerate(source.split("\n"), start=1):
        if number >= start_line and needle and needle in line:
            return number
    return None
