"""The patient's list of questions for the doctor: chosen suggestions and their own words.

Pure logic, no Qt. Lives inside the session, in memory only: never logged, never saved.
"""

from __future__ import annotations

import unicodedata
from enum import Enum
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from kiosk.content import Topic

# Generous for a consultation, and the printed summary still fits on two pages.
MAX_QUESTIONS = 10
MAX_LENGTH = 150  # characters in one question the patient writes (about 25 words)


class Refusal(Enum):
    """Why a question was not added; the UI turns it into a friendly sentence."""

    EMPTY = "empty"
    TOO_LONG = "too_long"
    TOO_MANY = "too_many"
    DUPLICATE = "duplicate"


class ListItem(NamedTuple):
    text: str
    question_id: str | None  # set for a suggested question
    own_index: int | None  # set for the patient's own question

    @property
    def is_own(self) -> bool:
        return self.own_index is not None


class Removed:
    """A question just removed and where it was; a plain class: its repr has no words."""

    __slots__ = ("position", "question_id", "text")

    def __init__(self, text: str, question_id: str | None, position: int) -> None:
        self.text, self.question_id, self.position = text, question_id, position


def clean_text(raw: str) -> str:
    """Plain, trimmed, single-spaced text: no control characters, no stray line breaks."""
    text = unicodedata.normalize("NFC", raw)
    text = "".join(" " if unicodedata.category(ch)[0] in "CZ" else ch for ch in text)
    return " ".join(text.split())


class QuestionList:
    # A plain class for the same reasons as Session: no repr of the patient's words.
    def __init__(self) -> None:
        self.chosen_ids: list[str] = []  # in the order tapped
        self.own: list[str] = []  # the patient's own words

    @property
    def count(self) -> int:
        return len(self.chosen_ids) + len(self.own)

    @property
    def is_full(self) -> bool:
        return self.count >= MAX_QUESTIONS

    def is_chosen(self, question_id: str) -> bool:
        return question_id in self.chosen_ids

    def toggle(self, question_id: str) -> Refusal | None:
        """Choose or unchoose a suggested question."""
        if question_id in self.chosen_ids:
            self.chosen_ids.remove(question_id)
            return None
        if self.is_full:
            return Refusal.TOO_MANY
        self.chosen_ids.append(question_id)
        return None

    def check_own(self, raw: str, replacing: int | None = None) -> Refusal | None:
        text = clean_text(raw)
        if not text:
            return Refusal.EMPTY
        if len(text) > MAX_LENGTH:
            return Refusal.TOO_LONG
        others = [q for i, q in enumerate(self.own) if i != replacing]
        if text.casefold() in (q.casefold() for q in others):
            return Refusal.DUPLICATE
        if replacing is None and self.is_full:
            return Refusal.TOO_MANY
        return None

    def add_own(self, raw: str) -> Refusal | None:
        refusal = self.check_own(raw)
        if refusal is None:
            self.own.append(clean_text(raw))
        return refusal

    def edit_own(self, index: int, raw: str) -> Refusal | None:
        refusal = self.check_own(raw, replacing=index)
        if refusal is None:
            self.own[index] = clean_text(raw)
        return refusal

    def remove(self, item: ListItem) -> None:
        if item.own_index is not None:
            del self.own[item.own_index]
        elif item.question_id in self.chosen_ids:
            self.chosen_ids.remove(item.question_id)

    def take(self, item: ListItem) -> Removed | None:
        """Remove the item and return what puts it back in the same place (undo)."""
        if item.own_index is not None and item.own_index < len(self.own):
            return Removed(self.own.pop(item.own_index), None, item.own_index)
        if item.question_id in self.chosen_ids:
            position = self.chosen_ids.index(item.question_id)
            del self.chosen_ids[position]
            return Removed(item.text, item.question_id, position)
        return None

    def put_back(self, removed: Removed) -> Refusal | None:
        """Undo ``take``: the question returns where it was, unless the list changed so
        much meanwhile that it no longer fits (full, or the same words added again)."""
        if self.is_full:
            return Refusal.TOO_MANY
        if removed.question_id is not None:
            if removed.question_id in self.chosen_ids:
                return Refusal.DUPLICATE
            self.chosen_ids.insert(removed.position, removed.question_id)
            return None
        if removed.text.casefold() in (q.casefold() for q in self.own):
            return Refusal.DUPLICATE
        self.own.insert(removed.position, removed.text)
        return None

    def items(self, topic: Topic | None) -> list[ListItem]:
        """Suggested questions in the topic's order (before, during, after...), then own ones."""
        items: list[ListItem] = []
        if topic is not None:
            for question in topic.all_questions:
                if question.id in self.chosen_ids:
                    items.append(ListItem(question.text, question.id, None))
        items.extend(ListItem(text, None, i) for i, text in enumerate(self.own))
        return items

    def clear(self) -> None:
        self.chosen_ids.clear()
        self.own.clear()
