"""Presenter mode: a page that stays on screen for a few seconds counts as covered.

The nurse used to tick "Vue" by hand for every page while talking with the patient; now a
page shown for COVER_AFTER_MS is ticked by itself. A page flicked past is not, and a page
the nurse unticked on the Sommaire is never ticked again in that visit: her choice stands.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

COVER_AFTER_MS = 4_000  # long enough to have been looked at, not just passed through


class CoverTicker(QObject):
    page_covered = Signal(int)  # 0-based page index, just ticked (the visit records it)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.presenter = False
        self.timer = QTimer(self, singleShot=True)
        self.timer.timeout.connect(self._tick)
        self._page = -1
        self._ticked: set[int] = set()  # pages ticked automatically in this visit

    def set_presenter(self, on: bool) -> None:
        self.presenter = on
        if not on:
            self.timer.stop()

    def page_shown(self, index: int) -> None:
        """A page is (again) on screen: count from now."""
        self._page = index
        if self.presenter:
            self.timer.start(COVER_AFTER_MS)

    def hidden(self) -> None:
        self.timer.stop()

    def forget(self) -> None:
        """A new visit or another topic: nothing ticked yet."""
        self.timer.stop()
        self._ticked.clear()
        self._page = -1

    def _tick(self) -> None:
        page = self._page
        if page < 0 or page in self._ticked:
            return
        self._ticked.add(page)
        self.page_covered.emit(page)
