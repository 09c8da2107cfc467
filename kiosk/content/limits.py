"""How much content one topic may hold. No Qt.

A topic is read page by page by one patient, in one visit: real topics have a few dozen
pages, glossary words, quiz questions and suggested questions (the bundled one: 24 pages,
32 words, 6 quiz questions, 31 suggested questions). The limits are several times that,
and far below what would stall the kiosk (a 10,000-page topic froze it for 28 s, a
5,000-word glossary for 9 s). They are counted on the source before it is converted, so
even an unreasonable file costs little; what is over a limit is refused with an error
naming the file and the line where the limit is passed, and the rest of the content loads.
"""

from __future__ import annotations

import re
import stat
from dataclasses import dataclass
from pathlib import Path

from kiosk.content.model import ContentProblem

# Measured by `bench/run.py --only limits` (bench/README.md, "Content at the limits"): a
# topic at every limit opens and answers a tap in 1.5× the bundled topic's time and loads
# in about 3× the bundled content's; the lists built when first shown (the words, the
# suggested questions, the nurse's contents) take 1 to 4 ms a row.
MAX_PAGES = 100  # page files in one topic folder
MAX_PAGE_BYTES = 32 * 1024  # one page's file: about 5,000 words (cut into screens at once)
# All the pages of a topic together (the bundled topic: 12 KiB): converting them is most of
# a topic's loading, at start-up and on reload (100 pages of 32 KiB took 1.6 s).
MAX_TOPIC_BYTES = 128 * 1024  # ten times the bundled topic
MAX_GLOSSARY_TERMS = 100  # definitions in glossary.md
MAX_QUIZ_ITEMS = 30  # questions in quiz.md (shown one at a time)
MAX_QUESTIONS = 60  # suggested questions in questions.md


@dataclass(frozen=True)
class Limit:
    """A count in a file's source, and how many are allowed."""

    pattern: re.Pattern[str]  # one match per counted thing, at the start of its line
    most: int
    things: str  # what is counted, for the message: "definitions"
    advice: str


# Definitions start with ':' (a definition list); quiz questions with '## '; suggested
# questions are list items. Counting on the source may count a little more than what
# loads (a nested list item...), never less.
GLOSSARY = Limit(
    re.compile(r"^ {0,3}:[ \t]", re.MULTILINE),
    MAX_GLOSSARY_TERMS,
    "definitions",
    "keep the words the pages of this topic use",
)
QUIZ = Limit(
    re.compile(r"^##(?!#)[ \t]", re.MULTILINE),
    MAX_QUIZ_ITEMS,
    "questions",
    "keep a few questions on what matters most",
)
QUESTIONS = Limit(
    re.compile(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]", re.MULTILINE),
    MAX_QUESTIONS,
    "questions",
    "keep the questions patients ask most",
)
LIMITS = {"glossary.md": GLOSSARY, "quiz.md": QUIZ, "questions.md": QUESTIONS}


def over_limit(path: Path, source: str) -> ContentProblem | None:
    """An error when ``source`` (the text of ``path``) holds more than its limit allows:
    at the line of the first one too many. None for files without a limit."""
    limit = LIMITS.get(path.name)
    if limit is None:
        return None
    for count, match in enumerate(limit.pattern.finditer(source), start=1):
        if count > limit.most:
            line = source.count("\n", 0, match.start()) + 1
            total = count + sum(1 for _ in limit.pattern.finditer(source, match.end()))
            message = (
                f"{path.name} has {total} {limit.things}, more than {limit.most} (the limit): "
                f"{limit.advice}"
            )
            return ContentProblem(path, line, message)
    return None


def too_many_pages(folder: Path, names: list[str]) -> ContentProblem | None:
    """An error when a topic has more pages, or more text in them, than allowed: told from
    the page files' names and sizes, before any page is read."""
    if len(names) > MAX_PAGES:
        message = (
            f"topic has {len(names)} pages, more than {MAX_PAGES} (the limit); "
            "topic skipped: split it into smaller topics"
        )
        return ContentProblem(folder, None, message)
    inside = folder.resolve()
    total = sum(_size(folder / name, inside) for name in names)
    if total > MAX_TOPIC_BYTES:
        message = (
            f"the pages of this topic total {total // 1024} KiB, more than "
            f"{MAX_TOPIC_BYTES // 1024} KiB (the limit); topic skipped: split it into "
            "smaller topics"
        )
        return ContentProblem(folder, None, message)
    return None


def _size(path: Path, folder: Path) -> int:
    """The size of a regular page file in the folder; 0 for anything else (a link out of
    the folder, a device, a pipe, a page over its own limit: each is refused alone when it
    is read, and the other pages load)."""
    try:
        if not path.resolve().is_relative_to(folder):
            return 0
        status = path.stat()
    except OSError:
        return 0
    if not stat.S_ISREG(status.st_mode) or status.st_size > MAX_PAGE_BYTES:
        return 0
    return status.st_size
