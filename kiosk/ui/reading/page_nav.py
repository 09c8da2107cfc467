"""The reader's foot: "Précédent", where the patient is, "Suivant".

Buttons and progress share a row; on a narrow (portrait) screen the progress gets a row of
its own above the buttons, so the buttons keep their size. The progress says the page and,
when a page takes several screens, the screen ("Page 5 sur 14 / suite 2 sur 3"); its bar
follows screens.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QProgressBar, QVBoxLayout, QWidget

from kiosk.i18n import fill
from kiosk.ui.style.metrics import Metrics
from kiosk.ui.widgets.buttons import BigButton, make_label

PROGRESS_STEPS = 60  # the progress bar's share of one page, divided among its screens


class PageNav(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.previous_button = BigButton(role="primary")
        self.next_button = BigButton(role="primary")
        for button in (self.previous_button, self.next_button):
            button.setProperty("nav", True)
        # Page, then screen within the page, on two deliberate lines: short enough to sit
        # between the buttons on a landscape tablet.
        self.progress_label = make_label(role="muted")
        self.progress_label.setWordWrap(False)
        self.progress_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.progress_bar = QProgressBar()
        self.progress_bar.setTextVisible(False)
        self.progress = QWidget()
        progress = QVBoxLayout(self.progress)
        progress.setContentsMargins(0, 0, 0, 0)
        progress.addWidget(self.progress_label)
        progress.addWidget(self.progress_bar)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._narrow: bool | None = None
        self.quiz_next = False  # the topic ends with "Ai-je bien compris ?"
        self._arrange(narrow=False)

    def retranslate(self) -> None:
        self.previous_button.setText(self.tr("Précédent"))

    def apply_metrics(self, m: Metrics) -> None:
        self._grid.setHorizontalSpacing(m.gap_px * 2)
        self._grid.setVerticalSpacing(m.gap_px)

    def set_page_count(self, pages: int) -> None:
        self.progress_bar.setRange(0, pages * PROGRESS_STEPS)

    def show_position(self, page: int, pages: int, screen: int, screens: int) -> None:
        """Where the patient is: 0-based page and screen, out of how many."""
        self.progress_label.setText(self.position_text(page, pages, screen, screens, "\n"))
        # setValue repaints at once; batch it with the rest of the page turn's paint.
        done = (screen + 1) / max(1, screens)
        self.progress_bar.setUpdatesEnabled(False)
        self.progress_bar.setValue(round((page + done) * PROGRESS_STEPS))
        self.progress_bar.setUpdatesEnabled(True)
        self._fit_label()
        spoken = self.position_text(page, pages, screen, screens)
        self.progress_bar.setAccessibleName(spoken)
        self.progress_label.setAccessibleName(spoken)
        self.previous_button.setEnabled(page > 0 or screen > 0)
        last = page == pages - 1 and screen >= screens - 1
        self.next_button.setText(self._last_label() if last else self.tr("Suivant"))

    def _last_label(self) -> str:
        return self.tr("Ai-je compris ?") if self.quiz_next else self.tr("Mes questions")

    def position_text(
        self, page: int, pages: int, screen: int, screens: int, separator: str = " — "
    ) -> str:
        """ "Page 5 sur 14 — suite 2 sur 3" (the screen only when the page has several)."""
        text = fill(self.tr("Page %1 sur %2"), str(page + 1), str(pages))
        if screens > 1:
            text += separator + fill(self.tr("suite %1 sur %2"), str(screen + 1), str(screens))
        return text

    # Layout -----------------------------------------------------------------
    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.arrange()

    def arrange(self) -> None:
        """One row or two for the width now (a hidden foot gets no resize events)."""
        self._fit_label()
        self._arrange(narrow=self._needed_width() > self.width())

    def _fit_label(self) -> None:
        """Always two lines high, so the page does not jump between pages of one and of
        several screens (and the room left for the page is known before the first)."""
        self.progress_label.ensurePolished()
        self.progress_label.setMinimumHeight(
            2 * self.progress_label.fontMetrics().lineSpacing() + 4
        )

    def _needed_width(self) -> int:
        """Both buttons (the next one at its longest label) and the progress on one row."""
        texts = (self.tr("Suivant"), self._last_label())  # what "next" may say
        buttons = self.previous_button.width_for(self.previous_button.text())
        buttons += max(self.next_button.width_for(text) for text in texts)
        self.progress_label.ensurePolished()
        label_metrics = self.progress_label.fontMetrics()
        label = max(
            label_metrics.horizontalAdvance(fill(self.tr("Page %1 sur %2"), "10")),
            label_metrics.horizontalAdvance(fill(self.tr("suite %1 sur %2"), "10")),
        )
        return buttons + label + 4 * self._grid.horizontalSpacing()

    def _arrange(self, narrow: bool) -> None:
        if narrow == self._narrow:
            return
        self._narrow = narrow
        for widget in (self.previous_button, self.progress, self.next_button):
            self._grid.removeWidget(widget)
        for column in range(3):
            self._grid.setColumnStretch(column, 0)
        if narrow:
            # Two columns, so the buttons share the width with one gap between them, not two.
            self._grid.addWidget(self.progress, 0, 0, 1, 2)
            self._grid.addWidget(self.previous_button, 1, 0, Qt.AlignmentFlag.AlignLeft)
            self._grid.addWidget(self.next_button, 1, 1, Qt.AlignmentFlag.AlignRight)
            self._grid.setColumnStretch(0, 1)
        else:
            self._grid.addWidget(self.previous_button, 0, 0)
            self._grid.addWidget(self.progress, 0, 1)
            self._grid.addWidget(self.next_button, 0, 2)
        self._grid.setColumnStretch(1, 1)
        # The reader's layout takes the new height now, even while hidden.
        self._grid.activate()
        self.updateGeometry()
