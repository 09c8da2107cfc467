"""Notice edits in the content folder (editors save files while the kiosk runs)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

DEBOUNCE_MS = 800  # an editor saves several files in a burst: reload once, after it


class ContentWatcher(QObject):
    changed = Signal()

    def __init__(self, root: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.root = root
        self._watcher = QFileSystemWatcher(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._settled)
        self._watcher.directoryChanged.connect(self._poke)
        self._watcher.fileChanged.connect(self._poke)
        self._watch_all()

    def _watch_all(self) -> None:
        """Watch every folder and file; new ones appear after each change."""
        if not self.root.is_dir():
            return
        paths = [str(self.root), *(str(p) for p in self.root.rglob("*"))]
        known = set(self._watcher.files()) | set(self._watcher.directories())
        missing = [path for path in paths if path not in known]
        if missing:
            self._watcher.addPaths(missing)

    def _poke(self, _path: str) -> None:
        self._timer.start()

    def _settled(self) -> None:
        self._watch_all()
        self.changed.emit()
