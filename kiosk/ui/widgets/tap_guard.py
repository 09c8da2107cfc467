"""A tap lands once: just after a screen changes, a second tap is ignored.

An unsteady or impatient finger taps "Suivant" twice; the first tap changes the screen and
the second would land on whatever is now under the finger (a suggested question on the
next screen). Presses and releases that arrive within the platform's double-click interval
(about 400 ms) of the tap that changed the screen are swallowed. Time is read from the
events' own timestamps, so it follows the finger, not how busy the machine is; each kind of
device (mouse, touch screen) is timed on its own clock, as some platforms keep one each.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QGuiApplication, QPointerEvent, QWindow
from PySide6.QtWidgets import QWidget

from kiosk.ui.widgets.pointer import PRESSES as FIRST_PRESSES
from kiosk.ui.widgets.pointer import RELEASES

PRESSES = FIRST_PRESSES | {QEvent.Type.MouseButtonDblClick}  # a double click presses too


class TapGuard(QObject):
    EVENT_TYPES = PRESSES | RELEASES

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.window = window
        hints = QGuiApplication.styleHints()
        self.interval_ms = hints.mouseDoubleClickInterval() if hints else 400
        self._last: dict[object, int] = {}  # per device kind: timestamp of its last tap event
        self._quiet_until: dict[object, int] = {}
        self._last_kind: object = None
        self._blocked: dict[object, bool] = {}  # per device kind: its current press was

    def screen_changed(self) -> None:
        """Call on every change of screen: taps right after it are not for the new one."""
        kind = self._last_kind
        if kind in self._last:
            self._quiet_until[kind] = self._last[kind] + self.interval_ms

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in PRESSES | RELEASES or not isinstance(event, QPointerEvent):
            return False
        # Installed on the application: look only at this window's taps.
        if isinstance(watched, QWidget):
            if watched.window() is not self.window:
                return False
        elif not isinstance(watched, QWindow) or watched is not self.window.windowHandle():
            return False
        device = event.device()
        kind = device.type() if device is not None else None
        stamp = event.timestamp()
        last = self._last.get(kind, -1)
        if event.type() in PRESSES:
            # The second tap of a double tap, on a screen it was not meant for?
            self._blocked[kind] = last < stamp < self._quiet_until.get(kind, -1)
        # A release goes wherever its press went: a tap is never cut in half.
        if self._blocked.get(kind, False):
            return True
        self._last[kind], self._last_kind = max(last, stamp), kind
        return False
