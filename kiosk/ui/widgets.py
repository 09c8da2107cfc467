"""Small shared widgets: buttons sized for a finger, topic tiles."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QScrollArea,
    QScroller,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.basics import EnterButton, clear_layout
from kiosk.ui.metrics import Metrics

__all__ = ["BigButton", "EnterButton", "Tile", "TouchScrollArea", "clear_layout", "make_label"]


def make_label(text: str = "", role: str = "", parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if role:
        label.setProperty("role", role)
    return label


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


class TouchScrollArea(QScrollArea):
    """A frameless vertical scroll area a finger scrolls, with kinetic motion."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        QScroller.grabGesture(self.viewport(), QScroller.ScrollerGestureType.TouchGesture)
