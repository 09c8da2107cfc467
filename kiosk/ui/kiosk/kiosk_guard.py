"""Kiosk mode: no route out of the app for a patient.

An application-wide event filter swallows the keys that quit, close or switch, context
menus and drag and drop. Each blocked route is logged for staff (never any patient text).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent

log = logging.getLogger(__name__)
Key, Mod = Qt.Key, Qt.KeyboardModifier

BLOCKED_KEYS: dict[tuple[Qt.Key, Qt.KeyboardModifier], str] = {
    (Key.Key_F4, Mod.AltModifier): "Alt+F4",
    (Key.Key_Escape, Mod.NoModifier): "Escape",
    (Key.Key_F11, Mod.NoModifier): "F11",
    (Key.Key_Q, Mod.ControlModifier): "Ctrl+Q",
    (Key.Key_W, Mod.ControlModifier): "Ctrl+W",
    (Key.Key_Tab, Mod.AltModifier): "Alt+Tab",
    (Key.Key_Meta, Mod.MetaModifier): "Super",
    (Key.Key_Super_L, Mod.NoModifier): "Super",
    (Key.Key_Super_R, Mod.NoModifier): "Super",
}
BLOCKED_EVENTS = {
    QEvent.Type.ContextMenu: "context menu",
    QEvent.Type.DragEnter: "drag and drop",
    QEvent.Type.DragMove: "drag and drop",
    QEvent.Type.Drop: "drag and drop",
}
MODIFIERS = Mod.ShiftModifier | Mod.ControlModifier | Mod.AltModifier | Mod.MetaModifier


def blocked_key(event: QKeyEvent) -> str | None:
    modifiers = event.modifiers() & MODIFIERS
    return BLOCKED_KEYS.get((Qt.Key(event.key()), Mod(modifiers)))


class KioskGuard(QObject):
    EVENT_TYPES = frozenset(BLOCKED_EVENTS) | {QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride}

    def __init__(self, enabled: bool, parent: QObject | None = None):
        super().__init__(parent)
        self.enabled = enabled
        self.blocked: list[str] = []  # routes tried, for tests and the staff panel

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.enabled:
            return False
        kind = event.type()
        route = BLOCKED_EVENTS.get(kind)
        if route is None and kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            route = blocked_key(event) if isinstance(event, QKeyEvent) else None
            if route and kind == QEvent.Type.ShortcutOverride:
                event.accept()  # no shortcut may act on it either
                return True
        if route is None:
            return False
        self.note(route)
        event.ignore()
        return True

    def note(self, route: str) -> None:
        self.blocked.append(route)
        log.info("kiosk mode: blocked %s", route)
