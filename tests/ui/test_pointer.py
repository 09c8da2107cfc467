"""Where a press is, for the swipe, the staff gesture and the tap guard (one helper)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QEventPoint, QMouseEvent, QPointingDevice, QTouchEvent

from kiosk.ui.widgets.pointer import PRESSES, RELEASES, global_position


def touch(*positions: tuple[float, float]) -> QTouchEvent:
    points = [
        QEventPoint(number, QEventPoint.State.Pressed, QPointF(x, y), QPointF(x, y))
        for number, (x, y) in enumerate(positions)
    ]
    device = QPointingDevice.primaryPointingDevice()
    return QTouchEvent(QEvent.Type.TouchBegin, device, Qt.KeyboardModifier.NoModifier, points)


def test_a_touch_is_where_its_first_finger_is(qapp):
    assert global_position(touch((10, 20))) == QPointF(10, 20)
    assert global_position(touch((10, 20), (300, 40))) == QPointF(10, 20)
    assert global_position(touch((10, 20), (300, 40)), one_finger=True) is None  # a pinch
    assert global_position(touch()) is None


def test_a_click_is_where_the_mouse_is(qapp):
    where = QPointF(120, 45)
    click = QMouseEvent(
        QEvent.Type.MouseButtonPress,
        where,
        where,
        Qt.MouseButton.LeftButton,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    assert global_position(click, one_finger=True) == where
    assert click.type() in PRESSES and QEvent.Type.TouchEnd in RELEASES
