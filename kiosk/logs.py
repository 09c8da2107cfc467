"""Staff log: a rotating file, plus hard-crash reports from faulthandler.

Never log patient text: log counts and events, not what a patient chose or wrote.

A ``StaffLog`` belongs to the app object (kiosk/app.py): it adds its handlers to the root
logger and points faulthandler at its crash file, and ``close()`` takes all of that back, so
a second app in the same process (tests) starts from a clean slate.
"""

from __future__ import annotations

import faulthandler
import logging
import sys
from pathlib import Path
from typing import TextIO

LOG_FILE = "kiosk.log"
CRASH_FILE = "crash.txt"
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class StaffLog:
    def __init__(self, log_dir: Path) -> None:
        self.log_dir = log_dir
        self.handlers: list[logging.Handler] = []  # ours, replaced when started again
        self._crash_stream: TextIO | None = None
        self._faulthandler_before = False

    @property
    def file(self) -> Path:
        return self.log_dir / LOG_FILE

    def start(self, level: str = "INFO") -> Path:
        """Log to a rotating file (5 x 1 MB) and to stderr; return the log file path."""
        import logging.handlers  # imported here: ~8 ms the first screen need not wait for

        self.log_dir.mkdir(parents=True, exist_ok=True)
        self._remove_handlers()
        file_handler = logging.handlers.RotatingFileHandler(
            self.file, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
        stream_handler = logging.StreamHandler()
        root = logging.getLogger()
        for handler in (file_handler, stream_handler):
            handler.setFormatter(logging.Formatter(FORMAT))
            root.addHandler(handler)
            self.handlers.append(handler)
        root.setLevel(level)
        return self.file

    def enable_crash_reports(self) -> str | None:
        """Write hard crashes to a file; return the previous crash report, if any, for staff."""
        self.log_dir.mkdir(parents=True, exist_ok=True)
        path = self.log_dir / CRASH_FILE
        previous = None
        if path.is_file() and path.stat().st_size:
            previous = path.read_text(encoding="utf-8", errors="replace")
            path.rename(self.log_dir / "crash-previous.txt")
        if self._crash_stream is None:
            self._faulthandler_before = faulthandler.is_enabled()
        else:
            self._crash_stream.close()
        self._crash_stream = path.open("w", encoding="utf-8")
        faulthandler.enable(self._crash_stream)
        return previous

    def close(self) -> None:
        """Handlers off the root logger and closed; faulthandler back to how it was."""
        self._remove_handlers()
        if self._crash_stream is not None:
            faulthandler.disable()
            if self._faulthandler_before:  # e.g. pytest's, on stderr
                faulthandler.enable(sys.__stderr__ or sys.stderr)
            self._crash_stream.close()
            self._crash_stream = None

    def _remove_handlers(self) -> None:
        root = logging.getLogger()
        for old in self.handlers:
            root.removeHandler(old)
            old.close()
        self.handlers.clear()


def last_lines(log_file: Path, count: int = 30) -> list[str]:
    try:
        return log_file.read_text(encoding="utf-8", errors="replace").splitlines()[-count:]
    except OSError:
        return []
