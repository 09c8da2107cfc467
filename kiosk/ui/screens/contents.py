"""Presenter mode: a table of contents to jump to any page and tick pages covered.

The page on screen is marked (a border, and "Page affichée en ce moment" under its title,
which screen readers announce as the tile's description), so the nurse finds her place.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from kiosk.content import Topic
from kiosk.i18n import fill
from kiosk.ui.style.metrics import Metrics
from kiosk.ui.widgets.buttons import BigButton, Tile, TouchScrollArea, make_label


class ContentsScreen(QWidget):
    page_chosen = Signal(int)  # 0-based
    covered_changed = Signal(int, bool)
    back_requested = Signal()
    quiz_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("screen")
        self.title = make_label(self.tr("Sommaire"), "title")
        self.back_button = BigButton(self.tr("Retour à la page"))
        top = QHBoxLayout()  # the title has a row of its own: the button keeps its width
        top.addWidget(self.back_button)
        top.addStretch(1)
        self.scroll_area = TouchScrollArea()
        self._layout = QVBoxLayout(self)
        self._layout.addLayout(top)
        self._layout.addWidget(self.title)
        self._layout.addWidget(self.scroll_area, 1)
        self.page_buttons: list[Tile] = []
        self.checks: list[QCheckBox] = []
        self.back_button.clicked.connect(self.back_requested)
        self.scroll_area.set_name(self.tr("Liste des pages"))
        self._metrics: Metrics | None = None
        self._shown: Topic | None = None

    def apply_metrics(self, m: Metrics) -> None:
        self._metrics = m
        for button in self.page_buttons:
            button.apply_metrics(m)
        margin = m.mm(10)
        self._layout.setContentsMargins(margin, m.mm(5), margin, m.mm(5))
        self._layout.setSpacing(m.gap_px * 2)

    def show_topic(self, topic: Topic, covered: set[int], current: int | None = None) -> None:
        """The topic's pages with their ticks; ``current``: the page on screen (0-based)."""
        if self._shown is topic:  # the same pages: only the ticks and the mark may change
            for index, check in enumerate(self.checks):
                check.blockSignals(True)
                check.setChecked(index in covered)
                check.blockSignals(False)
            self._mark_current(current)
            return
        self._shown = topic
        inner = QWidget()
        inner.setObjectName("page")
        grid = QGridLayout(inner)
        self.page_buttons, self.checks = [], []
        for index, page in enumerate(topic.pages):
            button = Tile(f"{page.number}. {page.title}", "")  # a long title wraps
            if self._metrics is not None:
                button.apply_metrics(self._metrics)
            button.clicked.connect(lambda _=False, i=index: self.page_chosen.emit(i))
            check = QCheckBox(self.tr("Vue"))
            check.setChecked(index in covered)
            check.setAccessibleName(fill(self.tr("Page %1 vue avec le patient"), str(page.number)))
            check.toggled.connect(lambda on, i=index: self.covered_changed.emit(i, on))
            grid.addWidget(button, index, 0)
            grid.addWidget(check, index, 1)
            self.page_buttons.append(button)
            self.checks.append(check)
        if topic.quiz is not None:  # a good conversation starter for the nurse too
            quiz = Tile(topic.quiz.title, self.tr("Quelques questions pour vérifier"))
            if self._metrics is not None:
                quiz.apply_metrics(self._metrics)
            quiz.clicked.connect(self.quiz_requested)
            grid.addWidget(quiz, len(topic.pages), 0)
            self.page_buttons.append(quiz)
        grid.setColumnStretch(0, 1)
        if self._metrics is not None:
            grid.setSpacing(self._metrics.gap_px)
        grid.setRowStretch(len(topic.pages) + 1, 1)
        self.scroll_area.replace_content(inner)
        self.title.setText(fill(self.tr("Sommaire : %1"), topic.title))
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self._mark_current(current)

    def _mark_current(self, current: int | None) -> None:
        pages = self.page_buttons[: len(self.checks)]  # not the quiz tile
        for index, tile in enumerate(pages):
            on = index == current
            tile.setProperty("current", on)
            note = self.tr("Page affichée en ce moment") if on else ""
            tile.description_label.setText(note)
            tile.description_label.setVisible(on)
            tile.setAccessibleDescription(note)
            tile.style().unpolish(tile)
            tile.style().polish(tile)
        if current is not None and 0 <= current < len(pages):
            self.scroll_area.ensureWidgetVisible(pages[current])  # her place, in view

    def wipe(self) -> None:
        """Forget the visit: no topic shown, nothing ticked, the list back at its top."""
        self._shown = None
        self.page_buttons, self.checks = [], []
        self.scroll_area.replace_content(QWidget())
        self.scroll_area.verticalScrollBar().setValue(0)
        self.title.setText(self.tr("Sommaire"))
