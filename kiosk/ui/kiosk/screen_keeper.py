"""Kiosk mode under a window manager: the kiosk wins the screen back by itself.

A window manager's own keys and menus (show desktop, iconify, another desktop, a program
that opens above) can hide the kiosk without passing through the application. Whenever the
window is hidden, minimised, unexposed (another desktop), not full screen or not active
(covered), the keeper asks for it back, within about a second, and logs each attempt.
On X11 it also asks the window manager the way a pager does (``x11_requests``): openbox
refuses an application's own activation request once start-up is over.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QWidget

from kiosk.ui.kiosk.x11_requests import X11Requests

log = logging.getLogger(__name__)
CHECK_MS = 500  # a periodic look: some window-manager moves send the app no event at all
SOON_MS = 150  # after an event that may mean the screen was lost


class ScreenKeeper(QObject):
    def __init__(self, window: QWidget, parent: QObject | None = None):
        super().__init__(parent)
        self.window = window
        self.attempts: list[str] = []  # why each reclaim happened, for tests and staff
        self.enabled = True
        self.requests = X11Requests.for_platform()  # None off X11: Qt's own requests only
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(CHECK_MS)
        window.installEventFilter(self)

    def lost(self) -> str | None:
        """Why the kiosk does not hold the screen now, or None when it does."""
        window = self.window
        handle = window.windowHandle()
        if not window.isVisible():
            return "hidden"
        if window.windowState() & Qt.WindowState.WindowMinimized:
            return "minimised"
        if handle is not None and not handle.isExposed():
            return "not shown (another desktop or shown desktop)"
        if not window.windowState() & Qt.WindowState.WindowFullScreen:
            return "no longer full screen"
        # The window's own QWindow, not QApplication.activeWindow(): under openbox the
        # latter stayed None while the kiosk had the keyboard, and every check "took back"
        # a screen it held.
        active = handle.isActive() if handle is not None else window.isActiveWindow()
        if not active:
            return "covered by another window"
        return None

    def check(self) -> None:
        if not self.enabled:
            return
        reason = self.lost()
        if reason is not None:
            self.reclaim(reason)

    def reclaim(self, reason: str) -> None:
        self.attempts.append(reason)
        window = self.window
        window.setWindowState(
            (window.windowState() & ~Qt.WindowState.WindowMinimized)
            | Qt.WindowState.WindowFullScreen
            | Qt.WindowState.WindowActive
        )
        window.setGeometry(window.screen().geometry())
        window.showFullScreen()
        window.raise_()
        window.activateWindow()
        asked = self.requests.take_back(int(window.winId())) if self.requests else []
        how = f" (asked the window manager to {', '.join(asked)})" if asked else ""
        log.warning("kiosk mode: the screen was lost (%s); taking it back%s", reason, how)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.enabled and event.type() in (
            QEvent.Type.Hide,
            QEvent.Type.WindowStateChange,
            QEvent.Type.WindowDeactivate,
        ):
            QTimer.singleShot(SOON_MS, self.check)
        return False
