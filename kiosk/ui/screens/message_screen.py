"""Screens shown when there is nothing else to show: content errors, work in progress."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.ui.style.metrics import Metrics
from kiosk.ui.widgets.buttons import BigButton, make_label


class MessageScreen(QWidget):
    """A calm full-screen message with an optional button back."""

    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("screen")
        self.title = make_label(role="title")
        self.message = make_label()
        self.details = make_label(role="muted")
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.back_button = BigButton(role="primary")
        self.back_button.setVisible(False)  # shown with a label by show_message
        self.back_button.clicked.connect(self.back_requested)
        self._layout = QVBoxLayout(self)
        self._layout.addStretch(1)
        for widget in (self.title, self.message, self.details):
            self._layout.addWidget(widget)
        self._layout.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._layout.addStretch(2)

    def apply_metrics(self, m: Metrics) -> None:
        margin = m.mm(15)
        self._layout.setContentsMargins(margin, margin, margin, margin)
        self._layout.setSpacing(m.gap_px * 2)

    def show_message(self, title: str, message: str, details: str = "", button: str = "") -> None:
        self.title.setText(title)
        self.message.setText(message)
        self.details.setText(details)
        self.details.setVisible(bool(details))
        self.back_button.setText(button)
        self.back_button.setVisible(bool(button))

    def wipe(self) -> None:
        """A message of the last visit is never shown to the next one."""
        self.show_message("", "")
