"""The patient's visit, changed in one place.

``Visit`` is the one writer of the visit's language, topic, page, questions chosen by tap,
covered pages and display choices; it announces each change with a signal and the main
window and its screens render from them. It also owns the end of a visit: ``end(reason)``
wipes the session and then every member that joined with ``join`` (screens, widgets, the
supervisor), each step on its own, so one failing step never stops the others and the
caller learns which steps failed (the supervisor then restarts the kiosk).

Screens only read the session: `tests/ui/test_one_writer.py` fails on any write to it
outside this module.
"""

from __future__ import annotations

import logging
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QObject, Signal

from kiosk.content import Library, Topic
from kiosk.questions import ListItem, Refusal, Removed
from kiosk.session import Session

log = logging.getLogger(__name__)

# Why a visit ended, as logged (never anything of the patient's).
END_REASONS = ("finished", "idle", "recovery", "mode", "staff", "start")


@runtime_checkable
class PatientState(Protocol):
    """Anything that can hold something of the patient: it forgets it all in ``wipe``."""

    def wipe(self) -> None: ...


class Visit(QObject):
    started = Signal(str)  # a patient chose a language on the attract screen
    language_changed = Signal(str)
    # The topic to show (None: none in this language) and whether to keep the passage.
    topic_changed = Signal(object, bool)
    page_changed = Signal(int, bool)  # the page, and whether to land on its last screen
    questions_changed = Signal()
    look_changed = Signal(int, bool)  # text scale index, high contrast
    ended = Signal(str)  # the reason

    def __init__(self, session: Session, library: Library, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self.library = library
        self._members: list[tuple[str, PatientState]] = []

    # Members ------------------------------------------------------------------
    def join(self, name: str, member: PatientState) -> None:
        """``member.wipe()`` runs at every end of a visit, in the order members joined."""
        if not any(m is member for _, m in self._members):
            self._members.append((name, member))

    def has_joined(self, member: object) -> bool:
        return any(m is member for _, m in self._members)

    @property
    def members(self) -> list[tuple[str, PatientState]]:
        return list(self._members)

    # What is shown -------------------------------------------------------------
    @property
    def topic(self) -> Topic | None:
        """The topic being read, in the visit's language (None: none, or not offered)."""
        if self.session.topic_id is None:
            return None
        return self.library.topic(self.session.language, self.session.topic_id)

    @property
    def topic_missing(self) -> bool:
        """A topic is open but the current language does not offer it."""
        return self.session.topic_id is not None and self.topic is None

    # Changes ----------------------------------------------------------------------
    def start(self, language: str) -> None:
        self.session.started = True
        self.set_language(language)
        log.info("session started (%s)", language)
        self.started.emit(language)

    def set_language(self, language: str) -> None:
        """Interface and content change together; page, questions and choices stay. The
        other language may have fewer pages (a broken page skipped): stay in range."""
        self.session.language = language
        topic = self.topic
        same_page = True
        if topic is not None:
            before = self.session.page_index
            self.session.keep_topic(len(topic.pages))
            same_page = self.session.page_index == before
        self.language_changed.emit(language)
        if self.session.topic_id is not None:
            self.topic_changed.emit(topic, same_page)
        log.info("language: %s", language)

    def open_topic(self, topic_id: str) -> Topic | None:
        topic = self.library.topic(self.session.language, topic_id)
        if topic is None:
            log.error("topic %s not found for language %s", topic_id, self.session.language)
            return None
        self.session.open_topic(topic.id, len(topic.pages))
        self.topic_changed.emit(topic, False)
        return topic

    def go_to(self, index: int) -> bool:
        """Another page of the topic (the contents, a link, a quiz answer): always shown
        afresh, from its top. False when there is no such page (nothing changes)."""
        if not self.session.go_to(index):
            return False
        self.page_changed.emit(self.session.page_index, False)
        return True

    def turn_page(self, step: int) -> bool:
        """The next page (step > 0) or the previous one, shown from its last screen so the
        patient goes on reading backwards. False on the first or last page."""
        moved = self.session.next_page() if step > 0 else self.session.previous_page()
        if moved:
            self.page_changed.emit(self.session.page_index, step < 0)
        return moved

    # Questions ------------------------------------------------------------------
    def toggle_question(self, question_id: str) -> Refusal | None:
        refusal = self.session.questions.toggle(question_id)
        if refusal is not None:
            log.info("question not added: list full")
        self.questions_changed.emit()
        return refusal

    def write_question(self, raw: str, editing: int | None = None) -> Refusal | None:
        """The patient's own question: a new one, or their question number ``editing``."""
        questions = self.session.questions
        refusal = questions.add_own(raw) if editing is None else questions.edit_own(editing, raw)
        if refusal is None:
            self.questions_changed.emit()
        return refusal

    def take_question(self, item: ListItem) -> Removed | None:
        """Out of the list, kept aside so that "Annuler" can put it back."""
        removed = self.session.questions.take(item)
        self.questions_changed.emit()
        return removed

    def put_back_question(self, removed: Removed) -> Refusal | None:
        refusal = self.session.questions.put_back(removed)
        self.questions_changed.emit()
        return refusal

    # Pages seen with the nurse, the quiz, the look ---------------------------------
    def set_covered(self, index: int, covered: bool) -> None:
        if covered:
            self.session.pages_covered.add(index)
        else:
            self.session.pages_covered.discard(index)

    def set_quiz_step(self, index: int) -> None:
        """Which quiz question is shown (``INTRO`` before the first)."""
        self.session.quiz_index = index

    def answer_quiz(self, item_id: str, option: int) -> bool:
        """The first answer to a quiz question stands: False when it was answered already."""
        if item_id in self.session.quiz_answers:
            return False
        self.session.quiz_answers[item_id] = option
        return True

    def set_default_language(self, language: str) -> None:
        """Staff's choice: the language each new visit starts in."""
        self.session.default_language = language

    def set_look(self, scale: int | None = None, high_contrast: bool | None = None) -> None:
        if scale is not None:
            self.session.text_scale = scale
        if high_contrast is not None:
            self.session.high_contrast = high_contrast
        self.look_changed.emit(self.session.text_scale, self.session.high_contrast)

    # The end ------------------------------------------------------------------------
    def end(self, reason: str) -> list[str]:
        """Forget the patient: the session, then every member. Returns the names of the
        steps that failed (logged by name and error type only: no patient text)."""
        was_started = self.session.started
        failed = []
        for name, member in [("session", self.session), *self._members]:
            try:
                member.wipe()
            except Exception as error:  # each step on its own: the others still run
                log.error("wipe step %s failed (%s)", name, type(error).__name__)
                failed.append(name)
        if was_started:
            log.info("session ended (%s)", reason)
        self.ended.emit(reason)
        return failed
