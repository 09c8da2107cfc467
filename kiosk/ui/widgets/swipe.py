"""Recognise a one-finger (or mouse) horizontal swipe on a widget.

Qt's QSwipeGesture needs three fingers, so we watch press/release ourselves. Vertical
movement is left alone for kinetic scrolling. The filter may sit on several nested
viewports, and a touch may also arrive as a synthesized mouse event: events are counted
once by their timestamp.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Signal
from PySide6.QtGui import QMouseEvent, QTouchEvent

from kiosk.ui.widgets.pointer import PRESSES, RELEASES, global_position


class SwipeFilter(QObject):
    """Emits ``swiped(+1)`` for a swipe to the left (next page), ``swiped(-1)`` to the right."""

    swiped = Signal(int)

    def __init__(self, min_distance_px: int, parent: QObject | None = None):
        super().__init__(parent)
        self.min_distance_px = min_distance_px
        self._start: QPointF | None = None
        self._start_time = -1
        self._finish_time = -1
        self.last_was_drag = False  # the last press-release moved: not a tap on a link

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.TouchCancel:
            self._start = None
        elif kind in PRESSES | RELEASES and isinstance(event, QMouseEvent | QTouchEvent):
            position = global_position(event, one_finger=True)
            if position is None:
                self._start = None
            elif kind in PRESSES and event.timestamp() != self._start_time:
                self._start, self._start_time = position, event.timestamp()
            elif kind in RELEASES and event.timestamp() != self._finish_time:
                self._finish_time = event.timestamp()
                self._finish(position)
        return False  # observe only: scrolling and taps still work

    def _finish(self, end: QPointF) -> None:
        if self._start is None:
            return
        dx = end.x() - self._start.x()
        dy = end.y() - self._start.y()
        self._start = None
        self.last_was_drag = max(abs(dx), abs(dy)) > self.min_distance_px / 4
        if abs(dx) >= self.min_distance_px and abs(dx) > 1.5 * abs(dy):
            self.swiped.emit(1 if dx < 0 else -1)
