"""'Êtes-vous toujours là ?': a countdown and a big button; any touch means yes."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.i18n import fill
from kiosk.ui.style.metrics import Metrics
from kiosk.ui.widgets.buttons import BigButton, make_label


class StillThereScreen(QWidget):
    continued = Signal()
    expired = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("screen")
        self.title = make_label(role="title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown = make_label()
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.continue_button = BigButton(role="primary")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.countdown)
        layout.addWidget(self.continue_button, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(1)
        self._layout = layout
        self._remaining = 0
        self._tick = QTimer(self)
        self._tick.setInterval(1000)  # one second; tests may shorten it
        self._tick.timeout.connect(self._on_tick)
        self.continue_button.clicked.connect(self._continue)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Êtes-vous toujours là ?"))
        self.continue_button.setText(self.tr("Je continue"))
        self._show_remaining()

    def apply_metrics(self, m: Metrics) -> None:
        self._layout.setSpacing(m.gap_px * 4)
        self.continue_button.setMinimumSize(m.mm(90), m.mm(25))

    def start(self, seconds: int) -> None:
        self._remaining = seconds
        self._show_remaining()
        self._tick.start()

    def stop(self) -> None:
        self._tick.stop()

    def wipe(self) -> None:
        """No countdown survives the visit it was counting for."""
        self.stop()
        self._remaining = 0
        self._show_remaining()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._continue()  # a touch anywhere says "I am here"

    def _continue(self) -> None:
        self.stop()
        self.continued.emit()

    def _on_tick(self) -> None:
        self._remaining -= 1
        self._show_remaining()
        if self._remaining <= 0:
            self.stop()
            self.expired.emit()

    def _show_remaining(self) -> None:
        self.countdown.setText(
            fill(
                self.tr("Sans réponse, tout ce que vous avez noté sera effacé dans %1 secondes."),
                str(max(self._remaining, 0)),
            )
        )
