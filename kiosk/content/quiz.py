"""The optional teach-back check of a topic, "Ai-je bien compris ?" (``quiz.md``). No Qt.

Each question is a ``##`` heading with an id, a list of 2 to 4 answers (the right one
starts with ``[x]``) and the lines ``explain:``, ``page:`` and, optionally, ``question:``::

    ## Combien de jours dure le séjour à l'hôpital, en général ? {: #sejour }

    - 1 jour
    - [x] 3 jours
    - 1 semaine

    explain: En général, vous restez 3 jours.
    page: 10-sejour
    question: sejour

A broken question is left out with a problem naming its file and line; the others load.
A quiz with fewer than :data:`MIN_ITEMS` usable questions is left out.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.content.model import ContentProblem
from kiosk.content.source_text import line_of
from kiosk.suggestions import did_you_mean

if TYPE_CHECKING:  # a quiz read from another process needs no Markdown here
    from kiosk.content.markdown_pipeline import Rendered

ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
# "[x] " marks the right answer ({: .right } does not survive on a list item); a "[ ] "
# on a wrong one, as in a task list, is allowed and dropped too.
MARK = re.compile(r"^\[([ xX])\]\s*")
KEY_LINE = re.compile(r"^([A-Za-z]+)\s*:\s*(.*)$")
KEYS = ("explain", "page", "question")
HEADING = re.compile(r"^##(?!#)\s")
MIN_OPTIONS, MAX_OPTIONS = 2, 4
MIN_ITEMS = 2


@dataclass(frozen=True)
class QuizOption:
    text: str  # plain text, without the [x] mark
    right: bool


@dataclass(frozen=True)
class QuizItem:
    id: str  # the same in every language
    prompt: str
    options: tuple[QuizOption, ...]  # in the author's order; exactly one is right
    explanation: str  # one line shown once the patient has answered
    page_slug: str  # the page the answer comes from, e.g. "10-sejour"
    question_id: str | None = None  # a questions.md id to offer after a wrong answer

    @property
    def right_option(self) -> QuizOption:
        return next(option for option in self.options if option.right)


@dataclass(frozen=True)
class Quiz:
    title: str
    items: tuple[QuizItem, ...]


@dataclass
class _Draft:
    """One question as written, before it is checked."""

    prompt: str
    id: str
    line: int | None
    end: int | None  # the line before the next question (None: end of file)
    options: list[QuizOption] = field(default_factory=list)
    option_lines: list[int | None] = field(default_factory=list)
    values: dict[str, str] = field(default_factory=dict)


def parse_quiz(
    doc: Rendered,
    path: Path,
    title: str,
    page_slugs: set[str],
    question_ids: set[str],
    problems: list[ContentProblem],
) -> Quiz | None:
    """The quiz of a rendered ``quiz.md``; problems go to ``problems``."""
    drafts = _drafts(doc, path, problems)
    items: list[QuizItem] = []
    seen: set[str] = set()
    for draft in drafts:
        item = _item(draft, doc.source, path, seen, page_slugs, question_ids, problems)
        if item is not None:
            items.append(item)
    if len(items) < MIN_ITEMS:
        problems.append(
            ContentProblem(
                path,
                None,
                f"quiz has {len(items)} usable question(s), at least {MIN_ITEMS} are needed; "
                "quiz left out",
            )
        )
        return None
    return Quiz(title, tuple(items))


def _text(element: ET.Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _drafts(doc: Rendered, path: Path, problems: list[ContentProblem]) -> list[_Draft]:
    source = doc.source
    lines = source.split("\n")
    body_start = max(doc.meta_lines.values(), default=0) + 1
    headings = [n for n, line in enumerate(lines, 1) if n >= body_start and HEADING.match(line)]
    h2_count = sum(1 for element in doc.root if element.tag == "h2")
    drafts: list[_Draft] = []
    cursor = body_start
    for element in doc.root:
        if element.tag == "h2":
            prompt = _text(element)
            if h2_count == len(headings):  # ATX headings: the n-th "## " line
                line: int | None = headings[len(drafts)]
            else:
                line = line_of(source, prompt[:40], cursor)
            cursor = line or cursor
            if drafts and line is not None:
                drafts[-1].end = line - 1
            drafts.append(_Draft(prompt, element.get("id", ""), line, None))
            continue
        text = _text(element)
        if not drafts:
            problems.append(
                ContentProblem(
                    path,
                    line_of(source, text[:40], body_start),
                    f"{text[:40]!r} comes before the first question: start each question "
                    "with '## The question? {: #its-id }'",
                )
            )
        elif element.tag in ("ul", "ol"):
            draft = drafts[-1]
            for item in element.findall("li"):
                option = _text(item)
                mark = MARK.match(option)
                right = mark is not None and mark.group(1) in "xX"
                option = MARK.sub("", option)
                draft.options.append(QuizOption(option, right))
                draft.option_lines.append(line_of(source, option[:40], draft.line or cursor))
        elif element.tag == "p":
            _read_values(element, drafts[-1], source, path, problems)
        else:
            problems.append(
                ContentProblem(
                    path,
                    line_of(source, text[:40], cursor),
                    f"{text[:40]!r} is not part of a question: a question has a list of "
                    "answers and the lines 'explain:', 'page:' and 'question:'",
                )
            )
    return drafts


def _read_values(
    paragraph: ET.Element,
    draft: _Draft,
    source: str,
    path: Path,
    problems: list[ContentProblem],
) -> None:
    """``explain:``, ``page:`` and ``question:`` lines; a line without a name continues
    the explanation."""
    key = ""
    for number, raw in enumerate("".join(paragraph.itertext()).split("\n")):
        line = " ".join(raw.split())
        match = KEY_LINE.match(line)
        if match and (match.group(1).lower() in KEYS or number == 0):
            key = match.group(1).lower()
            if key not in KEYS:
                suggestion = did_you_mean(key, KEYS)
                problems.append(
                    ContentProblem(
                        path,
                        line_of(source, line[:40], draft.line or 1),
                        f"unknown line {key + ':'!r}{suggestion}; known: explain, page, question",
                        "warning",
                    )
                )
                key = ""
                continue
            draft.values[key] = match.group(2).strip()
        elif key == "explain" and line:
            draft.values["explain"] += " " + line
        elif line:
            problems.append(
                ContentProblem(
                    path,
                    line_of(source, line[:40], draft.line or 1),
                    f"{line[:40]!r} is not part of the question: start the line with "
                    "'explain:', 'page:' or 'question:'",
                )
            )


def _item(
    draft: _Draft,
    source: str,
    path: Path,
    seen: set[str],
    page_slugs: set[str],
    question_ids: set[str],
    problems: list[ContentProblem],
) -> QuizItem | None:
    """The checked question, or None (with its problems) when it must be left out."""
    name = repr(draft.id) if draft.id else repr(draft.prompt[:40])
    errors: list[tuple[int | None, str]] = []
    if not ID.match(draft.id):
        errors.append(
            (draft.line, f"question {name} needs an id: '## {draft.prompt} {{: #its-id }}'")
        )
    elif draft.id in seen:
        errors.append((draft.line, f"question id {name} is used twice"))
    if not draft.prompt:
        errors.append((draft.line, f"question {name} has no text"))
    count = len(draft.options)
    if not MIN_OPTIONS <= count <= MAX_OPTIONS:
        errors.append(
            (
                draft.line,
                f"question {name} has {count} answer(s): give {MIN_OPTIONS} to {MAX_OPTIONS}, "
                "one per '- ' line",
            )
        )
    right = sum(option.right for option in draft.options)
    if count and right != 1:
        errors.append(
            (
                draft.line,
                f"question {name} has {right} right answers: mark exactly one by starting "
                "its line with '[x] '",
            )
        )
    for option, line in zip(draft.options, draft.option_lines, strict=True):
        if not option.text:
            errors.append((line or draft.line, f"question {name} has an empty answer"))
    if not draft.values.get("explain"):
        errors.append(
            (draft.line, f"question {name} needs an 'explain:' line, shown after the answer")
        )
    slug = draft.values.get("page", "")
    if not slug:
        errors.append(
            (draft.line, f"question {name} needs a 'page:' line: the page the answer is on")
        )
    elif slug not in page_slugs:
        errors.append(
            (
                _key_line(source, "page", draft),
                f"page {slug!r} of question {name} is not a page of this topic "
                "(write the file name without '.md', e.g. '10-sejour')",
            )
        )
    if draft.id:
        seen.add(draft.id)
    problems.extend(
        ContentProblem(path, line, f"{message}; question skipped") for line, message in errors
    )
    question_id: str | None = draft.values.get("question") or None
    if question_id is not None and question_id not in question_ids:
        # Like a page's unknown question: reported, and the item loads without it.
        problems.append(
            ContentProblem(
                path,
                _key_line(source, "question", draft),
                f"question id {question_id!r} is not defined in questions.md",
            )
        )
        question_id = None
    if errors:
        return None
    return QuizItem(
        draft.id,
        draft.prompt,
        tuple(draft.options),
        draft.values["explain"],
        slug,
        question_id,
    )


def _key_line(source: str, key: str, draft: _Draft) -> int | None:
    """Line of ``key:`` inside the question's part of the file."""
    pattern = re.compile(rf"^\s*{key}\s*:", re.IGNORECASE)
    for number, line in enumerate(source.split("\n"), start=1):
        if number < (draft.line or 1) or (draft.end is not None and number > draft.end):
            continue
        if pattern.match(line):
            return number
    return draft.line
