"""The main window: a stack of screens wired to one session."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QSizePolicy, QStackedWidget

from kiosk.config import Settings
from kiosk.content import Library
from kiosk.session import Session
from kiosk.ui.home import HomeScreen
from kiosk.ui.metrics import TEXT_SCALES, Metrics
from kiosk.ui.placeholder import MessageScreen
from kiosk.ui.questions_screen import QuestionsScreen
from kiosk.ui.reader import ReaderScreen
from kiosk.ui.summary_screen import SummaryScreen
from kiosk.ui.theme import CALM, Palette, style_sheet

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    def __init__(self, library: Library, session: Session, settings: Settings, family: str):
        super().__init__()
        self.library, self.session, self.settings, self.family = library, session, settings, family
        self.palette_ = CALM
        self.setWindowTitle("Kiosk")
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)

        self.stack = QStackedWidget()
        # Each screen fits itself to the window; none may force the window to grow.
        self.stack.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.home = HomeScreen()
        self.reader = ReaderScreen(session)
        self.questions = QuestionsScreen(session)
        self.summary = SummaryScreen(session, settings, family)
        self.error = MessageScreen()
        for screen in (self.home, self.reader, self.questions, self.summary, self.error):
            self.stack.addWidget(screen)
        self.setCentralWidget(self.stack)

        self.home.topic_chosen.connect(self.open_topic)
        self.reader.home_requested.connect(self.go_home)
        self.reader.questions_requested.connect(self.show_questions)
        self.questions.back_requested.connect(self.back_to_reader)
        self.questions.changed.connect(self.reader.sync_questions)
        self.questions.end_requested.connect(self.end_session)
        self.questions.summary_requested.connect(self.show_summary)
        self.summary.back_requested.connect(self.show_questions)
        self.reader.question_toggled.connect(self.toggle_question)

        self.apply_style()
        if library.languages:
            self.go_home()
        else:
            self.show_content_error()

    # Look -----------------------------------------------------------------
    def metrics(self) -> Metrics:
        screen = self.screen() or QGuiApplication.primaryScreen()
        scale = TEXT_SCALES[0]
        return Metrics.for_screen(screen, self.family, self.settings.viewing_distance_mm, scale)

    def apply_style(self, palette: Palette | None = None) -> None:
        self.palette_ = palette or self.palette_
        m = self.metrics()
        self.setStyleSheet(style_sheet(self.palette_, m, self.family))
        self.home.apply_metrics(m)
        self.questions.apply_style(m, self.palette_)
        self.error.apply_metrics(m)
        self.summary.apply_metrics(m)
        self.reader.apply_style(m, self.palette_, self.family)

    # Navigation -------------------------------------------------------------
    def go_home(self) -> None:
        self.home.show_topics(self.library.topics_for(self.session.language), self.session.language)
        self.stack.setCurrentWidget(self.home)

    def open_topic(self, topic_id: str) -> None:
        topic = self.library.topic(self.session.language, topic_id)
        if topic is None:
            log.error("topic %s not found for language %s", topic_id, self.session.language)
            return
        self.session.open_topic(topic.id, len(topic.pages))
        self.reader.show_topic(topic)
        self.questions.show_topic(topic)
        self.stack.setCurrentWidget(self.reader)

    def back_to_reader(self) -> None:
        self.stack.setCurrentWidget(self.reader)

    def show_questions(self) -> None:
        self.questions.refresh()
        self.stack.setCurrentWidget(self.questions)

    def show_summary(self) -> None:
        topic = self.current_topic()
        if topic is None:
            return
        self.stack.setCurrentWidget(self.summary)
        self.summary.show_summary(topic)

    def current_topic(self):
        if self.session.topic_id is None:
            return None
        return self.library.topic(self.session.language, self.session.topic_id)

    def toggle_question(self, question_id: str) -> None:
        refusal = self.session.questions.toggle(question_id)
        if refusal is not None:
            log.info("question not added: list full")
        self.reader.sync_questions()
        self.questions.refresh()

    def end_session(self) -> None:
        """Forget this patient entirely, then go back to the start."""
        self.session.wipe()
        self.questions.wipe()
        self.summary.wipe()
        self.reader.sync_questions()
        log.info("session ended")
        self.go_home()

    def show_content_error(self) -> None:
        details = "\n".join(str(p) for p in self.library.errors[:8])
        self.error.show_message(
            self.tr("Le contenu n'est pas disponible"),
            self.tr("Merci de prévenir l'équipe. Les informations ci-dessous sont pour elle."),
            details,
        )
        self.stack.setCurrentWidget(self.error)
