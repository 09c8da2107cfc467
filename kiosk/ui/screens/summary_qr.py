"""The QR code of the patient's list, encoded ahead: soon after the list (or the topic, or
the language) changes, when the patient has stopped tapping, not when "Mon résumé" opens.

Encoding takes 15-20 ms (segno's mask search, in Python): done while the patient reads,
the summary opens without it. It holds the patient's questions, so it joins the visit's
wipe (``MainWindow._join_visit``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from kiosk.ui.visit import Visit

if TYPE_CHECKING:  # kiosk.summary is imported on first use: the kiosk is ready sooner
    from kiosk.summary import QrCache, QrPayload

# After the last change: taps that come in a burst (several questions ticked) are not
# each followed by an encoding, and a tap is never kept waiting by one it just caused.
QUIET_MS = 400


class QrAhead(QObject):
    def __init__(self, visit: Visit, parent: QObject | None = None):
        super().__init__(parent)
        self.visit = visit
        self.cache: QrCache | None = None  # made on first use
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(QUIET_MS)
        self._timer.timeout.connect(self.encode_now)
        visit.questions_changed.connect(self._soon)
        visit.topic_changed.connect(self._soon)  # another title on the code
        visit.language_changed.connect(self._soon)

    def _soon(self, *_: object) -> None:
        self._timer.start()  # again from zero: once the taps have stopped

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    def encode_now(self) -> None:
        """The code of the list as it is now, into the cache (nothing without questions)."""
        self._timer.stop()
        topic = self.visit.topic
        if topic is None:
            return
        items = self.visit.session.questions.items(topic)
        if items:
            self.payload(topic.title, [item.text for item in items])

    def payload(self, title: str, questions: list[str]) -> QrPayload:
        """The code for these questions: ready when encoded ahead, else encoded now."""
        if self.cache is None:
            from kiosk.summary import QrCache

            self.cache = QrCache()
        return self.cache.payload(title, questions)

    def wipe(self) -> None:
        self._timer.stop()
        if self.cache is not None:
            self.cache.wipe()
