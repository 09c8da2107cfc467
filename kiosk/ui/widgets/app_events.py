"""The kiosk's one application-wide event filter, handing each event to the handlers that
asked for its kind.

Qt calls every application-wide filter for every event of every object, and each Python
filter is a call from C++ into Python: a page turn is ~200 events, and four filters (tap
guard, kiosk guard, idle clock, staff gesture) made it four calls each. Handlers declare the
event types they look at (``EVENT_TYPES``); the others never leave the dispatch table.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QEvent, QObject


class EventHandler(Protocol):
    EVENT_TYPES: frozenset[QEvent.Type]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool: ...


class AppEvents(QObject):
    """``install`` it on the application; ``add`` handlers, each a QObject that Qt deletes
    (it leaves the table then). The last handler added is asked first, as with Qt's own
    filters, and an event a handler keeps (returns True) goes no further.

    When its owner (the window) is about to be deleted, it leaves the application first:
    the hundreds of widgets then destroyed, half gone, are never handed to Python."""

    def __init__(self, owner: QObject):
        super().__init__(owner)
        self._owner = owner
        self._handlers: list[EventHandler] = []
        self._by_type: dict[QEvent.Type, tuple[EventHandler, ...]] = {}

    def install(self) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def leave(self) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def add(self, *handlers: EventHandler) -> None:
        """Handlers asked before the ones already there, the first given first."""
        for handler in handlers:
            if isinstance(handler, QObject):
                handler.destroyed.connect(lambda _=None, h=handler: self._remove(h))
        self._handlers[:0] = handlers
        self._index()

    def _remove(self, handler: EventHandler) -> None:
        self._handlers = [h for h in self._handlers if h is not handler]
        self._index()

    def _index(self) -> None:
        kinds: Iterable[QEvent.Type] = {k for h in self._handlers for k in h.EVENT_TYPES}
        self._by_type = {
            kind: tuple(h for h in self._handlers if kind in h.EVENT_TYPES) for kind in kinds
        }

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        handlers = self._by_type.get(kind)
        if handlers:
            for handler in handlers:
                if handler.eventFilter(watched, event):
                    return True
        elif kind == QEvent.Type.DeferredDelete and watched is self._owner:
            self.leave()
        return False
