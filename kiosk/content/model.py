"""Plain data for loaded content. Everything here is immutable once loaded."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from kiosk.content.quiz import Quiz  # quiz.py imports this module

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class ContentProblem:
    """Something wrong in a content file, with where it is, for staff and editors."""

    path: Path
    line: int | None
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return f"{where}: {self.severity}: {self.message}"


@dataclass(frozen=True)
class Figure:
    """An illustration on a page: the file, what it shows (for read-aloud and screen
    readers) and its caption."""

    source: str  # file: URI inside the topic folder, as in the page's HTML
    alt: str
    caption: str
    # The file's bytes as they were checked when the page loaded: what is drawn, never the
    # file on disk (which may have been replaced since, by a giant or a broken picture).
    data: bytes = field(default=b"", repr=False)


@dataclass(frozen=True)
class Page:
    number: int  # 1-based position in the topic
    slug: str  # file name without extension, e.g. "03-pourquoi"
    title: str
    html: str  # Qt rich-text subset
    text: str  # plain text, for read-aloud and checks
    key_point: str
    question_ids: tuple[str, ...]
    source: Path
    recap_points: tuple[str, ...] = ()  # the recap page's list: the summary's key points
    # The recap's points under its ### headings ("Ce que c'est", "Les risques"...): the
    # printed sheet keeps them grouped. One group with an empty heading when it has none.
    recap_groups: tuple[tuple[str, tuple[str, ...]], ...] = ()
    figures: tuple[Figure, ...] = ()


@dataclass(frozen=True)
class GlossaryEntry:
    id: str  # derived from the headword, for term: links
    term: str
    forms: tuple[str, ...]  # the term itself first, then other forms (plural...)
    definition_text: str


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    category_id: str


@dataclass(frozen=True)
class QuestionCategory:
    id: str
    title: str
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Topic:
    id: str
    language: str
    title: str
    description: str
    version: str
    reviewed: str
    source: str
    pages: tuple[Page, ...]
    glossary: tuple[GlossaryEntry, ...] = ()
    categories: tuple[QuestionCategory, ...] = ()
    tell_the_team: tuple[str, ...] = ()
    folder: Path = Path()
    picture: Figure | None = None  # the printed sheet's small picture (topic.md "picture:")
    quiz: Quiz | None = None  # the optional "Ai-je bien compris ?" check (quiz.md)

    def glossary_entry(self, entry_id: str) -> GlossaryEntry | None:
        return next((entry for entry in self.glossary if entry.id == entry_id), None)

    def question(self, question_id: str) -> Question | None:
        for category in self.categories:
            for question in category.questions:
                if question.id == question_id:
                    return question
        return None

    @property
    def all_questions(self) -> tuple[Question, ...]:
        return tuple(q for c in self.categories for q in c.questions)


@dataclass(frozen=True)
class ReadLater:
    """A language left for later (``Library.pending``), read when called. A plain value:
    a library can be handed from one process to another (kiosk.content.preload) without
    the loader, and Python-Markdown with it, being imported until the language is read."""

    lang_dir: Path

    def __call__(self, library: Library) -> None:
        from kiosk.content.loader import read_language

        read_language(library, self.lang_dir)


@dataclass
class Library:
    """All topics that loaded, by language, plus every problem found on the way."""

    root: Path
    topics: dict[str, list[Topic]] = field(default_factory=dict)
    problems: list[ContentProblem] = field(default_factory=list)
    # Languages not read yet (``load_library(root, first=...)``): each is read the first
    # time its topics are asked for, or by ``load_rest``. Their folders have topics.
    pending: dict[str, Callable[[Library], None]] = field(
        default_factory=dict, repr=False, compare=False
    )
    # Their topics' titles meanwhile, read from the headers alone (kiosk.content.titles).
    peeked_titles: dict[str, list[str]] = field(default_factory=dict, repr=False, compare=False)

    @property
    def languages(self) -> list[str]:
        """Languages with topics (those still to be read included)."""
        loaded = {lang for lang, topics in self.topics.items() if topics}
        return sorted(loaded | set(self.pending))

    def load_rest(self, language: str | None = None) -> None:
        """Read the languages left for later: all of them, or this one."""
        for name in list(self.pending) if language is None else [language]:
            load = self.pending.pop(name, None)
            if load is not None:
                load(self)
                self.peeked_titles.pop(name, None)

    def topics_for(self, language: str) -> list[Topic]:
        if language in self.pending:
            self.load_rest(language)
        return self.topics.get(language, [])

    def topic(self, language: str, topic_id: str) -> Topic | None:
        return next((t for t in self.topics_for(language) if t.id == topic_id), None)

    def titles(self) -> dict[str, list[str]]:
        """Topic titles per language, as the attract screen shows them (a language not
        read yet: the titles of its topics' headers; nothing is read for them here)."""
        return {
            lang: self.peeked_titles[lang]
            if lang in self.pending
            else [t.title for t in self.topics_for(lang)]
            for lang in self.languages
        }

    @property
    def errors(self) -> list[ContentProblem]:
        return [p for p in self.problems if p.severity == "error"]
