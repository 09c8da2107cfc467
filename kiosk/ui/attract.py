"""Attract screen: shown while nobody uses the kiosk. Topic titles, a calm invitation to
touch the screen in each language, and a language choice with each language named in itself.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content import Library
from kiosk.i18n import language_name, translate_in
from kiosk.ui.metrics import Metrics
from kiosk.ui.widgets import BigButton, clear_layout, make_label

INVITATION = "Touchez l'écran pour commencer"


def _mark_for_translation() -> None:
    # Lets pyside6-lupdate see the invitation, which is shown in every language at once.
    QCoreApplication.translate("AttractScreen", "Touchez l'écran pour commencer")


class AttractScreen(QWidget):
    start_requested = Signal(str)  # language code

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("screen")
        self.default_language = "fr"
        self._layout = QVBoxLayout(self)
        self._titles = QVBoxLayout()
        self._invitations = QVBoxLayout()
        self._languages = QHBoxLayout()
        self._layout.addStretch(2)
        self._layout.addLayout(self._titles)
        self._layout.addStretch(1)
        self._layout.addLayout(self._invitations)
        self._layout.addStretch(1)
        self._layout.addLayout(self._languages)
        self._layout.addStretch(2)
        self.language_buttons: dict[str, BigButton] = {}

    def apply_metrics(self, m: Metrics) -> None:
        margin = m.mm(15)
        self._layout.setContentsMargins(margin, margin, margin, margin)
        for box in (self._titles, self._invitations):
            box.setSpacing(m.gap_px * 2)
        self._languages.setSpacing(m.gap_px * 4)
        for button in self.language_buttons.values():
            button.setMinimumWidth(m.mm(60))

    def show_library(self, library: Library, languages: list[str], default: str) -> None:
        self.default_language = default
        for box in (self._titles, self._invitations, self._languages):
            clear_layout(box)
        self.language_buttons = {}
        # Everything in every offered language: nobody has chosen yet.
        for language in languages:
            for topic in library.topics_for(language):
                title = make_label(topic.title, "title")
                title.setAlignment(Qt.AlignmentFlag.AlignCenter)
                self._titles.addWidget(title)
            invitation = make_label(translate_in(language, "AttractScreen", INVITATION))
            invitation.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self._invitations.addWidget(invitation)
        self._languages.addStretch(1)
        for language in languages:
            button = BigButton(language_name(language), role="primary")
            button.setAccessibleName(language_name(language))
            button.clicked.connect(lambda _=False, lang=language: self.start_requested.emit(lang))
            self._languages.addWidget(button)
            self.language_buttons[language] = button
        self._languages.addStretch(1)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.start_requested.emit(self.default_language)  # a touch anywhere starts
