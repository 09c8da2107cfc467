"""Attract screen: shown while nobody uses the kiosk. Topic titles, a calm invitation to
touch the screen in each language, and a language choice with each language named in itself.

It is the first screen painted at start-up, before the content is loaded and the other
screens exist, so it is built from topic titles alone and without touching PySide6's
``Qt`` namespace: creating that namespace takes ~16 ms, a tenth of a bare window's start.
Alignment, plain-text format and button width therefore come from the style sheet
(kiosk.ui.style.theme).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtGui import QMouseEvent, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.i18n import language_name, translate_in
from kiosk.ui.style.metrics import Metrics
from kiosk.ui.widgets.basics import EnterButton, clear_layout

INVITATION = "Touchez l'écran pour commencer"


def _mark_for_translation() -> None:
    # Lets pyside6-lupdate see the invitation, which is shown in every language at once.
    QCoreApplication.translate("AttractScreen", "Touchez l'écran pour commencer")


class AttractScreen(QWidget):
    start_requested = Signal(str)  # language code

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("screen")
        self.setProperty("role", "attract")
        self.default_language = "fr"
        self.shown: tuple[object, ...] = ()
        self._after_first_paint: list[Callable[[], None]] = []
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
        self.language_buttons: dict[str, EnterButton] = {}

    def apply_metrics(self, m: Metrics) -> None:
        margin = m.mm(8)
        self._layout.setContentsMargins(margin, margin, margin, margin)
        for box in (self._titles, self._invitations):
            box.setSpacing(m.gap_px * 2)
        self._languages.setSpacing(m.gap_px * 2)

    def show_titles(self, titles: dict[str, list[str]], languages: list[str], default: str) -> None:
        """Every topic title and the invitation in every offered language: nobody has
        chosen yet. Nothing is rebuilt when the same titles are shown again."""
        self.default_language = default
        if self.shown == (titles, languages):
            return
        self.shown = (titles, languages)
        for box in (self._titles, self._invitations, self._languages):
            clear_layout(box)
        self.language_buttons = {}
        for language in languages:
            for title in titles.get(language, []):
                self._titles.addWidget(_label(title, "title"))
            self._invitations.addWidget(
                _label(translate_in(language, "AttractScreen", INVITATION), "invitation")
            )
        self._languages.addStretch(1)
        for language in languages:
            button = EnterButton(language_name(language))
            button.setProperty("role", "primary")
            button.setAccessibleName(language_name(language))
            button.clicked.connect(lambda _=False, lang=language: self.start_requested.emit(lang))
            self._languages.addWidget(button)
            self.language_buttons[language] = button
        self._languages.addStretch(1)

    def wipe(self) -> None:
        """The last patient's language button keeps no focus (nor its highlight)."""
        focused = self.focusWidget()
        if focused is not None:
            focused.clearFocus()

    def call_after_first_paint(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` once this screen has been painted (the start-up's second half)."""
        self._after_first_paint.append(callback)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        while self._after_first_paint:
            # Queued, so the frame reaches the screen before the rest is built.
            QTimer.singleShot(0, self._after_first_paint.pop(0))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.start_requested.emit(self.default_language)  # a touch anywhere starts


def _label(text: str, role: str) -> QLabel:
    label = QLabel(text)  # plain text and centred: see "attract" in the style sheet
    label.setWordWrap(True)
    label.setProperty("role", role)
    return label
