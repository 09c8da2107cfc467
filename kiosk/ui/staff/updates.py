"""Signed content updates on the running kiosk (see kiosk.fleet and docs/fleet.md).

Checks run on a schedule and when staff ask, in a worker thread (they may wait on the
network); the result comes back to the interface thread as a signal. A new release is
switched to between two patients, through the supervisor's content reload.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.config import Settings
from kiosk.fleet.update import UpdateResult, check_for_update, current_release
from kiosk.i18n import fill

log = logging.getLogger(__name__)
FIRST_CHECK_MS = 60_000  # a minute after start-up: the first patient comes first


class UpdateService(QObject):
    checked = Signal(object)  # UpdateResult, in the interface thread
    _done = Signal(object)  # from the worker thread

    def __init__(self, settings: Settings, state_dir: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.settings, self.state_dir = settings, state_dir
        self.last: UpdateResult | None = None
        self._busy = False
        self._timer = QTimer(self)
        self._timer.setInterval(settings.update_interval * 60_000)
        self._timer.timeout.connect(self.check_now)
        self._done.connect(self._finish)

    @property
    def enabled(self) -> bool:
        return bool(self.settings.update_source and self.settings.trusted_root)

    def start(self) -> None:
        if self.enabled:
            self._timer.start()
            QTimer.singleShot(FIRST_CHECK_MS, self.check_now)

    def check_now(self) -> None:
        if not self.enabled or self._busy:
            return
        self._busy = True
        threading.Thread(target=self._run, name="content-update", daemon=True).start()

    def _run(self) -> None:
        assert self.settings.trusted_root is not None
        result = check_for_update(
            self.settings.update_source, self.settings.trusted_root, self.state_dir
        )
        self._done.emit(result)  # queued to the interface thread

    def _finish(self, result: UpdateResult) -> None:
        self._busy = False
        self.last = result
        log.info("content update check: %s", result.reason)
        self.checked.emit(result)

    def status_text(self) -> str:
        release = current_release(self.state_dir) if self.enabled else None
        version = str(release) if release is not None else self.tr("intégrée")
        text = fill(self.tr("Contenu : version %1"), version)
        if self.last is not None:
            text += " — " + self.last.reason
        return text
