"""Idle detection: no touch for a while means the patient may have left.

Any touch, click or key restarts the clock. The clock pauses while read-aloud plays, and
for a short grace after each key the patient types (a slow typist is not interrupted, but a
draft left on screen is wiped on time); a long safety limit still ends a session nobody
touches at all.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

INPUT_EVENTS = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.KeyPress,
    QEvent.Type.Wheel,
}
TYPING_GRACE_MS = 5000  # after the last key typed, then the ordinary timeout runs
SAFETY_FACTOR = 5  # paused or not, this many timeouts without any input ends the session


class IdleWatcher(QObject):
    EVENT_TYPES = frozenset(INPUT_EVENTS)
    idle = Signal()

    def __init__(self, timeout_s: float, parent: QObject | None = None):
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle)
        self._safety = QTimer(self)
        self._safety.setSingleShot(True)
        self._safety.timeout.connect(self.idle)
        self._pauses: set[str] = set()
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.timeout.connect(lambda: self.resume("typing"))
        self.typing_grace_ms = TYPING_GRACE_MS
        self.active = False
        self.set_timeout(timeout_s)

    def set_timeout(self, timeout_s: float) -> None:
        self._timer.setInterval(round(timeout_s * 1000))
        self._safety.setInterval(round(timeout_s * 1000 * SAFETY_FACTOR))

    def start(self) -> None:
        self.active = True
        self.poke()

    def stop(self) -> None:
        self.active = False
        self._timer.stop()
        self._safety.stop()
        self._typing.stop()
        self._pauses.discard("typing")

    def typed(self) -> None:
        """A key was typed: hold the clock until a short grace after the last one."""
        if not self.active:
            return
        self.pause("typing")
        self._typing.start(self.typing_grace_ms)

    def pause(self, reason: str) -> None:
        self._pauses.add(reason)
        self._timer.stop()

    def resume(self, reason: str) -> None:
        self._pauses.discard(reason)
        self.poke()

    @property
    def paused(self) -> bool:
        return bool(self._pauses)

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def poke(self) -> None:
        if not self.active:
            return
        self._safety.start()
        if self._pauses:
            self._timer.stop()
        else:
            self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self.poke()
        return False
