"""Widget helpers that leave PySide6's ``Qt`` namespace alone, so the first screen painted
at start-up can use them (creating that namespace costs ~16 ms; see kiosk.ui.screens.attract)."""

from __future__ import annotations

from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLayout, QPushButton

ENTER_KEYS = (0x01000004, 0x01000005)  # Qt.Key.Key_Return, Qt.Key.Key_Enter


class EnterButton(QPushButton):
    """A button that Enter activates too, not only Space: keyboard and switch users."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in ENTER_KEYS and self.isEnabled():
            self.click()
            return
        super().keyPressEvent(event)


def clear_layout(layout: QLayout) -> None:
    """Remove and delete everything in a layout, nested layouts included."""
    while layout.count():
        item = layout.takeAt(0)
        if item is None:
            continue
        widget, child = item.widget(), item.layout()
        if widget is not None:
            widget.deleteLater()
        elif child is not None:
            clear_layout(child)
