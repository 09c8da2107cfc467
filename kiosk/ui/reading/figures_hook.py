"""Anonymous usage figures from the running kiosk (see kiosk.fleet.figures): what happens is
counted from the visit's and the screens' signals; nothing of what patients write is read
beyond a count, and the figures are saved at the end of each visit and every 15 minutes."""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QObject, QTimer

from kiosk.fleet.figures import Figures

log = logging.getLogger(__name__)
SAVE_EVERY_MS = 15 * 60_000
SIZES = ("A", "A+", "A++")
REASONS = {"finished": "finished", "idle": "idle"}  # every other end is the staff's doing


class FigureCounter(QObject):
    def __init__(self, window, figures: Figures) -> None:
        super().__init__(window)
        self.window, self.figures = window, figures
        self._page_since: float | None = None
        self._own = 0  # the most own questions the patient had at once (a count only)
        self._chosen: set[str] = set()
        visit = window.visit
        visit.started.connect(self._started)
        visit.ended.connect(self._ended)
        visit.topic_changed.connect(self._topic)
        visit.page_changed.connect(self._page)
        visit.questions_changed.connect(self._questions)
        visit.look_changed.connect(self._look)
        window.summary.print_started.connect(lambda: self._count("summaries", how="printed"))
        window.quiz.answered.connect(self._answered)
        window.reader.listen_button.clicked.connect(lambda: self._count("read_aloud"))
        self._timer = QTimer(self)
        self._timer.setInterval(SAVE_EVERY_MS)
        self._timer.timeout.connect(self.save)
        self._timer.start()

    def _count(self, name: str, **labels: str) -> None:
        self.figures.count(name, 1, **labels)

    def _started(self, language: str) -> None:
        self._count("sessions_started")
        self._count("languages_chosen", language=language)

    def _topic(self, topic, _keep: bool) -> None:
        if topic is not None:
            self._count("topics_chosen", topic=topic.id, language=topic.language)
            self._page(0)

    def _page(self, _index: int = 0, _at_end: bool = False) -> None:
        now = time.monotonic()
        if self._page_since is not None:
            self.figures.page_viewed(now - self._page_since)
        self._page_since = now

    def _questions(self) -> None:
        questions = self.window.session.questions
        for question_id in set(questions.chosen_ids) - self._chosen:
            self._count("suggested_questions_chosen", question=question_id)
        self._chosen |= set(questions.chosen_ids)
        self._own = max(self._own, len(questions.own))

    def _look(self, scale: int, _high_contrast: bool) -> None:
        self._count("text_size", size=SIZES[min(scale, len(SIZES) - 1)])

    def _answered(self, item_id: str, right: bool) -> None:
        self._count("quiz_answers", item=item_id, result="right" if right else "wrong")

    def _ended(self, reason: str) -> None:
        if self._page_since is not None:
            self._page(0)
        self._page_since = None
        if self._own:
            self.figures.count("own_questions_written", self._own)
        self._own, self._chosen = 0, set()
        self._count("sessions_ended", reason=REASONS.get(reason, "staff"))
        if reason == "recovery":  # an unexpected error reached the screen, then was wiped
            self._count("errors")
            self._count("recoveries")
        self.save()

    def save(self) -> None:
        try:
            self.figures.save()
        except OSError as error:  # a full disk never stops the kiosk
            log.error("figures not saved: %s", error.strerror)

    def close(self) -> None:
        try:
            self.figures.close()
        except OSError as error:
            log.error("figures not closed: %s", error.strerror)
