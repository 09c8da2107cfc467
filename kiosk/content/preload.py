"""Read the start language's content in a helper process while the kiosk starts Qt and
paints its first frame.

Python-Markdown's import and the conversion of a topic's pages take ~60-80 ms of the start,
all of it Python: a thread would hold the interpreter's lock against the first frame, a
second process does not (on a machine with more than one CPU). The helper is forked before
Qt starts (one thread: a fork is safe), reads the content with ``load_library`` exactly as
the kiosk would, and sends the result back through a pipe; the kiosk waits for it only when
it needs the content. Where it cannot fork (Windows, one CPU, a QApplication already
running), or the helper gives nothing back in time, the kiosk reads the content itself:
the result is the same either way (``tests/content/test_preload.py``).
"""

from __future__ import annotations

import logging
import os
import pickle
import select
import signal
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.content.model import Library

log = logging.getLogger(__name__)

WAIT_S = 10.0  # far beyond the ~0.1 s it takes: a helper that has not answered is stuck


def _cpus() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def can_fork() -> bool:
    """A fork is safe before Qt starts: one thread, no QApplication."""
    if not hasattr(os, "fork") or _cpus() < 2 or threading.active_count() != 1:
        return False
    qt_core = sys.modules.get("PySide6.QtCore")
    return qt_core is None or qt_core.QCoreApplication.instance() is None


class ContentPreload:
    """The content of ``root``, ``first`` language now and the others later (as
    ``load_library(root, first=first)``), read by a helper process if one could start."""

    def __init__(self, root: Path, first: str):
        self.root, self.first = root, first
        self.pid = 0
        self.read_end = -1
        self.helped = False  # the library came from the helper (for the log and tests)

    @classmethod
    def start(cls, root: Path, first: str) -> ContentPreload:
        preload = cls(root, first)
        if can_fork():
            preload._fork()
        return preload

    def _fork(self) -> None:
        read_end, write_end = os.pipe()
        sys.stdout.flush()  # nothing buffered here is written twice
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            os.close(read_end)
            _read_and_send(self.root, self.first, write_end)  # never returns
        os.close(write_end)
        self.pid, self.read_end = pid, read_end

    def library(self) -> Library:
        """The helper's library, or (no helper, or it failed) one read here now."""
        if self.pid:
            data = self._receive()
            if data:
                try:
                    library: Library = pickle.loads(data)  # from our own fork, never a file
                    self.helped = True
                    return library
                except Exception:  # a half-written result: read it here
                    log.warning("content helper's result unreadable; reading here")
        from kiosk.content.loader import load_library

        return load_library(self.root, first=self.first)

    def _receive(self) -> bytes:
        chunks: list[bytes] = []
        deadline = time.monotonic() + WAIT_S
        try:
            while (left := deadline - time.monotonic()) > 0:
                ready, _, _ = select.select([self.read_end], [], [], left)
                if not ready:
                    break
                chunk = os.read(self.read_end, 1 << 16)
                if not chunk:  # the helper is done
                    return b"".join(chunks)
                chunks.append(chunk)
            log.warning("content helper did not answer in %.0f s; reading here", WAIT_S)
            os.kill(self.pid, signal.SIGKILL)
            return b""
        finally:
            os.close(self.read_end)
            os.waitpid(self.pid, 0)
            self.pid, self.read_end = 0, -1


def _read_and_send(root: Path, first: str, write_end: int) -> None:
    """In the helper: read, send, and leave at once (nothing of the kiosk's own state is
    torn down or flushed twice). A failure sends nothing: the kiosk reads it itself."""
    code = 1
    try:
        from kiosk.content.loader import load_library

        data = pickle.dumps(load_library(root, first=first), protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(data)
        code = 0
    except BaseException as error:  # the kiosk reads the content itself
        print(f"kiosk: content helper: {error!r}", file=sys.stderr)
    finally:
        os._exit(code)
