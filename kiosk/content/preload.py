"""Read the start language's content in a helper process while the kiosk starts Qt and
paints its first frame.

Python-Markdown's import and the conversion of a topic's pages take ~60-80 ms of the start,
all of it Python: a thread would hold the interpreter's lock against the first frame; a
second process does not, on a machine with more than one CPU. The helper is a fresh
``kiosk`` process (``python -m kiosk``, or the bundle's own executable) started with
``posix_spawn``: a fork would share the kiosk's memory, and every page the kiosk then
wrote would be copied first (~20 ms of CPU before the first frame, measured). It reads the
content with ``load_library`` exactly as the kiosk would and sends it back through a pipe;
the kiosk waits for it only when it needs the content.

No helper where there is one CPU or no ``posix_spawn`` (Windows), nor when the kiosk runs
inside an application that already started Qt (tests, tools): the content is then read
in the kiosk's own process, as it is when the helper fails or does not answer in time.
The result is the same either way (``tests/content/test_preload.py``).
"""

from __future__ import annotations

import logging
import os
import pickle
import signal
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.process import end_child, read_to_end, usable_cpus

if TYPE_CHECKING:
    from kiosk.content.model import Library

log = logging.getLogger(__name__)

HELPER_ARG = "--read-content-for-start"  # internal: kiosk/__main__.py hands it over here
# A helper that has not answered by then is stuck (the bundled topic takes ~0.1 s; a
# library of 50 topics on a slow machine some seconds): the kiosk reads it itself.
WAIT_S = 60.0


def can_help() -> bool:
    if not hasattr(os, "posix_spawn") or usable_cpus() < 2:
        return False
    qt_core = sys.modules.get("PySide6.QtCore")
    return qt_core is None or qt_core.QCoreApplication.instance() is None


def helper_command(root: Path, first: str) -> list[str]:
    """The helper: this kiosk's executable when bundled, else this Python running this
    kiosk package."""
    if getattr(sys, "frozen", False):
        return [sys.executable, HELPER_ARG, str(root), first]
    # -P: nothing is imported from the working directory (as the `kiosk` script does not).
    return [sys.executable, "-P", "-m", "kiosk", HELPER_ARG, str(root), first]


class ContentPreload:
    """The content of ``root``, ``first`` language now and the others later (as
    ``load_library(root, first=first)``), read by a helper process if one could start."""

    command = staticmethod(helper_command)  # tests replace it

    def __init__(self, root: Path, first: str):
        self.root, self.first = root, first
        self.pid = 0
        self.read_end = -1
        self.helped = False  # the library came from the helper (for the log and tests)
        self.start_problem = ""  # said in the log once it is set up (see library)

    @classmethod
    def start(cls, root: Path, first: str) -> ContentPreload:
        preload = cls(root, first)
        if can_help():
            try:
                preload._spawn()
            except OSError as error:
                preload.start_problem = f"content helper could not start ({error}); reading here"
        return preload

    def _spawn(self) -> None:
        argv = self.command(self.root, self.first)
        env = dict(os.environ)
        if not getattr(sys, "frozen", False):
            # The helper imports the same kiosk package as this process, wherever it is.
            package = str(Path(__file__).resolve().parents[2])
            env["PYTHONPATH"] = os.pathsep.join(filter(None, [package, env.get("PYTHONPATH")]))
        read_end, write_end = os.pipe()
        try:
            self.pid = os.posix_spawn(
                argv[0],
                argv,
                env,
                file_actions=[
                    (os.POSIX_SPAWN_DUP2, write_end, 1),  # its stdout is the pipe
                    (os.POSIX_SPAWN_CLOSE, read_end),
                ],
            )
        except OSError:
            os.close(read_end)
            raise
        finally:
            os.close(write_end)
        self.read_end = read_end

    def library(self) -> Library:
        """The helper's library, or (no helper, or it failed) one read here now."""
        if self.start_problem:
            log.warning("%s", self.start_problem)
        if self.pid:
            try:
                data = self._receive()
                if data:
                    library: Library = pickle.loads(data)  # from our own helper, not a file
                    self.helped = True
                    return library
            except Exception as error:  # a half-written result, say: read it here
                log.warning("content helper's result unusable (%r); reading here", error)
        from kiosk.content.loader import load_library

        return load_library(self.root, first=self.first)

    def cancel(self) -> None:
        """The kiosk stops before it needs the content: the helper too."""
        if self.pid:
            os.close(self.read_end)
            end_child(self.pid)
            self.pid, self.read_end = 0, -1

    def _receive(self) -> bytes:
        data = None
        try:
            data = read_to_end(self.read_end, time.monotonic() + WAIT_S)
        finally:
            os.close(self.read_end)
            code = end_child(self.pid, kill=data is None)
            self.pid, self.read_end = 0, -1
        if data is None:
            log.warning("content helper did not answer in %.0f s; reading here", WAIT_S)
            return b""
        if code:  # (None: the system reaped it; what it wrote is judged by reading it)
            how = f"signal {signal.Signals(-code).name}" if code < 0 else f"exit code {code}"
            log.warning("content helper failed (%s); reading here", how)
            return b""
        return data


def helper_main(argv: list[str]) -> int:
    """In the helper: read the content, write it to stdout, and stop."""
    # Ctrl-C reaches the whole process group: the helper just ends (no traceback).
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    root, first = Path(argv[0]), argv[1]
    from kiosk.content.loader import load_library

    data = pickle.dumps(load_library(root, first=first), protocol=pickle.HIGHEST_PROTOCOL)
    try:
        with os.fdopen(1, "wb", closefd=False) as out:
            out.write(data)
    except BrokenPipeError:  # the kiosk stopped meanwhile (Qt could not start, say)
        return 1
    return 0
