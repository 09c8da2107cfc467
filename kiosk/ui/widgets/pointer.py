"""Presses and releases of a finger or a mouse, for the event filters that watch them (swipe,
staff gesture, tap guard)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF
from PySide6.QtGui import QSinglePointEvent, QTouchEvent

PRESSES = frozenset({QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin})
RELEASES = frozenset({QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd})


def global_position(
    event: QSinglePointEvent | QTouchEvent, *, one_finger: bool = False
) -> QPointF | None:
    """Where on the screen (viewports differ) a press or release is: a touch's first point;
    None for a touch without points, or with several when ``one_finger`` is asked."""
    if isinstance(event, QTouchEvent):
        points = event.points()
        if not points or (one_finger and len(points) > 1):
            return None
        return points[0].globalPosition()
    return event.globalPosition()
