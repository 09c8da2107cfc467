"""Small shared widgets: buttons sized for a finger, topic tiles."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QScroller,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.metrics import Metrics


def make_label(text: str = "", role: str = "", parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if role:
        label.setProperty("role", role)
    return label


class EnterButton(QPushButton):
    """A button that Enter activates too, not only Space: keyboard and switch users."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.isEnabled():
            self.click()
            return
        super().keyPressEvent(event)


class BigButton(EnterButton):
    """A push button styled by role: "primary" (20 mm high) or secondary (15 mm)."""

    def __init__(self, text: str = "", role: str = "", parent: QWidget | None = None):
        super().__init__(text, parent)
        if role:
            self.setProperty("role", role)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)


class Tile(EnterButton):
    """A large button showing a title and a wrapped description (QPushButton cannot wrap)."""

    def __init__(self, title: str, description: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setProperty("role", "tile")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        layout = QVBoxLayout(self)
        self.title_label = make_label(title, "title")
        self.description_label = make_label(description)
        for label in (self.title_label, self.description_label):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(label)
        self._layout = layout
        self.setAccessibleName(title)
        self.setAccessibleDescription(description)

    def apply_metrics(self, m: Metrics) -> None:
        pad = m.mm(6)
        self._layout.setContentsMargins(pad, pad, pad, pad)
        self._layout.setSpacing(m.gap_px)

    def sizeHint(self):
        layout = self.layout()
        hint = super().sizeHint()
        if layout is not None:
            hint = hint.expandedTo(layout.sizeHint())
        return hint

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        layout = self.layout()
        return layout.totalHeightForWidth(width) if layout is not None else -1


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


class TouchScrollArea(QScrollArea):
    """A frameless vertical scroll area a finger scrolls, with kinetic motion."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        QScroller.grabGesture(self.viewport(), QScroller.ScrollerGestureType.TouchGesture)
