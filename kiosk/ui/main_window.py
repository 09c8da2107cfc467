"""The main window: a stack of screens wired to one session."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QStackedWidget

from kiosk.config import Settings
from kiosk.content import Library
from kiosk.session import Session
from kiosk.ui.home import HomeScreen
from kiosk.ui.metrics import TEXT_SCALES, Metrics
from kiosk.ui.placeholder import MessageScreen
from kiosk.ui.reader import ReaderScreen
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
        self.home = HomeScreen()
        self.reader = ReaderScreen(session)
        self.questions = MessageScreen()
        self.error = MessageScreen()
        for screen in (self.home, self.reader, self.questions, self.error):
            self.stack.addWidget(screen)
        self.setCentralWidget(self.stack)

        self.home.topic_chosen.connect(self.open_topic)
        self.reader.home_requested.connect(self.go_home)
        self.reader.questions_requested.connect(self.show_questions)
        self.questions.back_requested.connect(self.back_to_reader)

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
        self.questions.apply_metrics(m)
        self.error.apply_metrics(m)
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
        self.stack.setCurrentWidget(self.reader)

    def back_to_reader(self) -> None:
        self.stack.setCurrentWidget(self.reader)

    def show_questions(self) -> None:
        self.questions.show_message(
            self.tr("Mes questions"),
            self.tr("Cet écran arrive bientôt."),
            button=self.tr("Retour à la lecture"),
        )
        self.stack.setCurrentWidget(self.questions)

    def show_content_error(self) -> None:
        details = "\n".join(str(p) for p in self.library.errors[:8])
        self.error.show_message(
            self.tr("Le contenu n'est pas disponible"),
            self.tr("Merci de prévenir l'équipe. Les informations ci-dessous sont pour elle."),
            details,
        )
        self.stack.setCurrentWidget(self.error)
