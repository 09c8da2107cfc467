"""Recognise a one-finger (or mouse) horizontal swipe on a widget.

Qt's QSwipeGesture needs three fingers, so we watch press/release ourselves. Vertical
movement is left alone for kinetic scrolling.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Signal
from PySide6.QtGui import QMouseEvent, QTouchEvent


class SwipeFilter(QObject):
    """Emits ``swiped(+1)`` for a swipe to the left (next page), ``swiped(-1)`` to the right."""

    swiped = Signal(int)

    def __init__(self, min_distance_px: int, parent: QObject | None = None):
        super().__init__(parent)
        self.min_distance_px = min_distance_px
        self._start: QPointF | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            self._start = event.position()
        elif kind == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent):
            self._finish(event.position())
        elif kind == QEvent.Type.TouchBegin and isinstance(event, QTouchEvent):
            points = event.points()
            self._start = points[0].position() if len(points) == 1 else None
        elif kind == QEvent.Type.TouchEnd and isinstance(event, QTouchEvent):
            points = event.points()
            if points:
                self._finish(points[0].position())
        elif kind == QEvent.Type.TouchCancel:
            self._start = None
        return False  # observe only: scrolling and taps still work

    def _finish(self, end: QPointF) -> None:
        if self._start is None:
            return
        dx = end.x() - self._start.x()
        dy = end.y() - self._start.y()
        self._start = None
        if abs(dx) >= self.min_distance_px and abs(dx) > 1.5 * abs(dy):
            self.swiped.emit(1 if dx < 0 else -1)
