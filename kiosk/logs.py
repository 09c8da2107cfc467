"""Staff log: a rotating file, plus hard-crash reports from faulthandler.

Never log patient text: log counts and events, not what a patient chose or wrote.
"""

from __future__ import annotations

import faulthandler
import logging
from pathlib import Path
from typing import TextIO

LOG_FILE = "kiosk.log"
CRASH_FILE = "crash.txt"
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_crash_stream: TextIO | None = None
_handlers: list[logging.Handler] = []  # ours, replaced when logging is set up again


def setup_logging(log_dir: Path, level: str = "INFO") -> Path:
    """Log to a rotating file (5 x 1 MB) and to stderr; return the log file path."""
    import logging.handlers  # imported here: ~8 ms the first screen need not wait for

    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / LOG_FILE
    root = logging.getLogger()
    for old in _handlers:
        root.removeHandler(old)
        old.close()
    _handlers.clear()
    file_handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
    )
    stream_handler = logging.StreamHandler()
    for handler in (file_handler, stream_handler):
        handler.setFormatter(logging.Formatter(FORMAT))
        root.addHandler(handler)
        _handlers.append(handler)
    root.setLevel(level)
    return path


def enable_crash_reports(log_dir: Path) -> str | None:
    """Write hard crashes to a file; return the previous crash report, if any, for staff."""
    global _crash_stream
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / CRASH_FILE
    previous = None
    if path.is_file() and path.stat().st_size:
        previous = path.read_text(encoding="utf-8", errors="replace")
        path.rename(log_dir / "crash-previous.txt")
    _crash_stream = path.open("w", encoding="utf-8")
    faulthandler.enable(_crash_stream)
    return previous


def last_lines(log_file: Path, count: int = 30) -> list[str]:
    try:
        return log_file.read_text(encoding="utf-8", errors="replace").splitlines()[-count:]
    except OSError:
        return []
