"""A banner that offers to undo a removal, for a few seconds or until the next action.

Older patients tap "Retirer" by mistake: a question typed letter by letter on the screen
keyboard must not be lost to one slip. The banner holds what was removed only while it
is shown; dismissing it forgets it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QWidget

from kiosk.ui.style.metrics import Metrics
from kiosk.ui.widgets.buttons import BigButton, make_label

UNDO_MS = 8_000  # long enough to read the line and reach the button, short enough to end


class UndoBanner(QFrame):
    undo_requested = Signal(object)  # what was removed, as given to offer()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setProperty("role", "feedback")
        self.label = make_label(role="message")
        self.undo_button = BigButton(role="primary")
        layout = QHBoxLayout(self)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self._layout = layout
        self.pending: Any = None
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.dismiss)
        self.undo_button.clicked.connect(self._undo)
        self.setVisible(False)
        self.retranslate()

    def retranslate(self) -> None:
        self.label.setText(self.tr("Question retirée."))
        self.undo_button.setText(self.tr("Annuler"))
        self.undo_button.setAccessibleName(self.undo_button.text())

    def apply_metrics(self, m: Metrics) -> None:
        pad = m.mm(2)
        self._layout.setContentsMargins(pad, pad, pad, pad)
        self._layout.setSpacing(m.gap_px * 2)

    def offer(self, removed: Any) -> None:
        """Show the banner for ``removed``; a previous offer is dropped (its removal stays)."""
        self.pending = removed
        self.setVisible(True)
        self._timer.start(UNDO_MS)

    def dismiss(self) -> None:
        """The removal is final: hide and forget what could have been put back."""
        self._timer.stop()
        self.pending = None
        self.setVisible(False)

    def _undo(self) -> None:
        removed = self.pending
        self.dismiss()
        if removed is not None:
            self.undo_requested.emit(removed)
