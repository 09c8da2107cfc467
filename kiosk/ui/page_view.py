"""The scrolling part of the reader: the page text, then the questions it suggests.

One QScrollArea (kinetic, finger-driven) holds a text browser that is exactly as tall as
its document, so text and question rows scroll together as one page.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QSizePolicy,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kiosk.content import Question
from kiosk.ui.metrics import Metrics
from kiosk.ui.question_toggle import QuestionToggle
from kiosk.ui.theme import Palette
from kiosk.ui.widgets import TouchScrollArea, make_label


class PageText(QTextBrowser):
    """A read-only browser without its own scrolling: its height follows the document."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        # Let touches fall through to the scroll area, which scrolls and sees swipes.
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, False)

    def fit_height(self) -> None:
        document = self.document()
        document.setTextWidth(self.viewport().width())
        self.setFixedHeight(math.ceil(document.size().height()) + 2 * self.frameWidth())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_height()


class PageView(TouchScrollArea):
    question_toggled = Signal(str)  # question id

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)

        self.text = PageText()
        self.suggestions_title = make_label(role="subtitle")
        self.suggestions = QWidget()
        self._suggestions_layout = QVBoxLayout(self.suggestions)
        self._suggestions_layout.setContentsMargins(0, 0, 0, 0)
        self._suggestions_layout.addWidget(self.suggestions_title)
        self.toggles: list[QuestionToggle] = []  # the current page's
        self._pool: dict[str, QuestionToggle] = {}  # every toggle made for this topic

        inner = QWidget()
        inner.setObjectName("page")
        self._layout = QVBoxLayout(inner)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.text)
        self._layout.addWidget(self.suggestions)
        self._layout.addStretch(1)
        self.setWidget(inner)
        self._metrics: Metrics | None = None
        self._palette: Palette | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Page à lire"))
        self.suggestions_title.setText(self.tr("Questions à poser à votre médecin :"))

    def apply_style(self, m: Metrics, palette: Palette) -> None:
        self._metrics, self._palette = m, palette
        self._layout.setSpacing(m.gap_px * 3)
        self._suggestions_layout.setSpacing(m.gap_px * 2)
        self.setMinimumHeight(m.touch_px * 2)
        for toggle in self._pool.values():
            toggle.apply_style(m, palette)

    def show_suggestions(self, questions: list[Question], chosen: set[str]) -> None:
        """Show this page's questions; toggles are made once per topic and reused (fast turns)."""
        for toggle in self.toggles:
            toggle.setVisible(False)
        self.toggles = []
        for question in questions:
            toggle = self._pool.get(question.id) or self._make_toggle(question)
            toggle.setChecked(question.id in chosen)
            toggle.setVisible(True)
            self.toggles.append(toggle)
        self.suggestions.setVisible(bool(questions))

    def forget_suggestions(self) -> None:
        """Another topic or language: drop the toggles made for this one."""
        for toggle in self._pool.values():
            toggle.deleteLater()
        self._pool.clear()
        self.toggles = []
        self.suggestions.setVisible(False)

    def _make_toggle(self, question: Question) -> QuestionToggle:
        toggle = QuestionToggle(question.id, question.text)
        if self._metrics is not None and self._palette is not None:
            toggle.apply_style(self._metrics, self._palette)
        toggle.clicked.connect(lambda _=False, qid=question.id: self.question_toggled.emit(qid))
        self._suggestions_layout.addWidget(toggle)
        self._pool[question.id] = toggle
        return toggle

    def sync_checked(self, chosen: set[str]) -> None:
        for toggle in self.toggles:
            toggle.setChecked(toggle.question_id in chosen)
