"""The hidden staff gesture: hold the top-left corner for 3 s, then tap the bottom-right
corner 3 times within 6 s. A patient will not do this by accident; a tap near a corner
does nothing. Touches in the corner zones are kept from the widgets below them.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QMouseEvent, QTouchEvent
from PySide6.QtWidgets import QWidget

from kiosk.ui.widgets.pointer import PRESSES, RELEASES, global_position

HOLD_SECONDS = 3.0
TAPS = 3
WINDOW_SECONDS = 6.0


class StaffGesture(QObject):
    EVENT_TYPES = PRESSES | RELEASES
    triggered = Signal()

    def __init__(
        self,
        window: QWidget,
        zone_px: int,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.window, self.zone_px, self.clock = window, zone_px, clock
        self._hold_started: float | None = None
        self._armed_until = 0.0
        self._taps = 0
        self._last_seen: tuple[QEvent.Type, int] | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in PRESSES | RELEASES or not isinstance(event, QMouseEvent | QTouchEvent):
            return False
        if isinstance(event, QMouseEvent) and event.source() != _NOT_SYNTHESIZED:
            return False  # the touch itself was counted
        point = global_position(event)
        if point is None:
            return False
        corner = self._corner(point)
        seen = (kind, event.timestamp())
        if seen == self._last_seen:  # the same event, propagating to a parent widget
            return corner is not None
        self._last_seen = seen
        if kind in PRESSES:
            self._on_press(corner)
        else:
            self._on_release(corner)
        return corner is not None  # corners belong to the gesture, not to the widgets

    def _corner(self, point: QPointF) -> str | None:
        local = self.window.mapFromGlobal(point.toPoint())
        near_left, near_top = local.x() < self.zone_px, local.y() < self.zone_px
        near_right = local.x() > self.window.width() - self.zone_px
        near_bottom = local.y() > self.window.height() - self.zone_px
        if near_left and near_top:
            return "top-left"
        if near_right and near_bottom:
            return "bottom-right"
        return None

    def _on_press(self, corner: str | None) -> None:
        now = self.clock()
        if corner == "top-left":
            self._hold_started = now
        elif corner != "bottom-right" or now > self._armed_until:
            self._reset()

    def _on_release(self, corner: str | None) -> None:
        now = self.clock()
        if corner == "top-left" and self._hold_started is not None:
            held = now - self._hold_started
            self._hold_started = None
            if held >= HOLD_SECONDS:
                self._armed_until, self._taps = now + WINDOW_SECONDS, 0
            else:
                self._reset()
        elif corner == "bottom-right" and now <= self._armed_until:
            self._taps += 1
            if self._taps >= TAPS:
                self._reset()
                self.triggered.emit()

    def _reset(self) -> None:
        self._hold_started, self._armed_until, self._taps = None, 0.0, 0


_NOT_SYNTHESIZED = Qt.MouseEventSource.MouseEventNotSynthesized
