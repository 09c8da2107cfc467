"""Process-wide set-up shared by the kiosk, its self-test and the content checker: the
locale Qt expects, Qt's message handler (chained, never replaced), stop signals, the
allocator, and the helper processes they start (CPUs, reading a helper's answer, ending
it)."""

from __future__ import annotations

import contextlib
import logging
import os
import select
import signal
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QWidget

# Sees one Qt message (kind, context, text); True when it has dealt with it, False to pass
# it on to the handler installed before (pytest-qt's, say) or to Qt's default.
QtMessageFilter = Callable[[Any, Any, str], bool]

log = logging.getLogger("kiosk")
STOP_SIGNALS = ("SIGTERM", "SIGINT", "SIGHUP")  # logged, then a clean stop: 128 + number


def utf8_locale() -> None:
    """Before a QApplication is made: under systemd or ``env -i`` no locale is set and Qt
    warns that it is not UTF-8; C.UTF-8 is there on every Linux."""
    if os.name == "posix" and not any(os.environ.get(k) for k in ("LC_ALL", "LC_CTYPE", "LANG")):
        os.environ["LC_CTYPE"] = "C.UTF-8"


def chain_qt_messages(
    message_filter: QtMessageFilter, *, print_unhandled: bool = True
) -> Callable[[], None]:
    """Put ``message_filter`` in front of Qt's current message handler; return the call that
    puts the previous handler back. What the filter passes on goes to the handler before
    it, or, when there was none, is printed as Qt would (unless ``print_unhandled`` is
    False: the filter reports messages itself)."""
    from PySide6.QtCore import qFormatLogMessage, qInstallMessageHandler

    def handler(kind: Any, context: Any, message: str) -> None:
        if message_filter(kind, context, message):
            return
        if previous is not None:
            previous(kind, context, message)
        elif print_unhandled:  # what Qt's default handler does
            print(qFormatLogMessage(kind, context, message), file=sys.stderr)

    previous = qInstallMessageHandler(handler)

    def restore() -> None:
        qInstallMessageHandler(previous)

    return restore


@contextmanager
def qt_messages_through(
    message_filter: QtMessageFilter, *, print_unhandled: bool = True
) -> Iterator[None]:
    """``chain_qt_messages`` for the time of a ``with`` block."""
    restore = chain_qt_messages(message_filter, print_unhandled=print_unhandled)
    try:
        yield
    finally:
        restore()


def stop_on_signals(app: QObject, window: QWidget) -> Callable[[], None]:
    """SIGTERM, SIGINT and SIGHUP: log the signal, end the visit through the normal wipe,
    and leave the event loop with 128 + the signal's number (a service restarts that).
    Returns the call that puts the process's signal handling back as it was.

    Python runs its signal handlers only between bytecodes, never while Qt's event loop
    waits in C++: the handler here does nothing itself, but Python writes each signal's
    number to a pipe (signal.set_wakeup_fd; a socket pair on Windows, where it must be a
    socket) that a QSocketNotifier watches. A pipe keeps ``socket`` (~3-5 ms to import)
    off the path to the first frame."""
    import signal

    from PySide6.QtCore import QCoreApplication, QSocketNotifier

    numbers = [getattr(signal, name) for name in STOP_SIGNALS if hasattr(signal, name)]
    read_fd, write_fd, close = _wakeup_channel()
    try:
        previous_fd = signal.set_wakeup_fd(write_fd, warn_on_full_buffer=False)
    except ValueError:  # not the main thread (a test harness): keep Python's defaults
        close()
        return lambda: None
    previous = {number: signal.getsignal(number) for number in numbers}
    for number in numbers:
        signal.signal(number, lambda *_: None)  # the wakeup socket carries the number
    notifier = QSocketNotifier(read_fd, QSocketNotifier.Type.Read, app)
    stopping: list[int] = []

    def woken() -> None:
        try:
            received = _receive(read_fd)
        except (BlockingIOError, InterruptedError):
            return
        for number in received:
            if number not in numbers or stopping:
                continue
            stopping.append(number)
            log.warning("%s received: ending the visit and stopping", signal.Signals(number).name)
            if hasattr(window, "visit"):  # built: a patient may be there, wipe as usual
                window.end_session("stopped")  # type: ignore[attr-defined]
            window.may_close = True  # type: ignore[attr-defined]
            QCoreApplication.exit(128 + number)

    notifier.activated.connect(woken)

    def restore() -> None:
        notifier.setEnabled(False)
        notifier.setParent(None)  # deleted with the last reference, below
        signal.set_wakeup_fd(previous_fd)
        for number, handler in previous.items():
            signal.signal(number, handler if handler is not None else signal.SIG_DFL)
        close()

    return restore


def _wakeup_channel() -> tuple[int, int, Callable[[], None]]:
    """A non-blocking (read end, write end, close) for signal.set_wakeup_fd."""
    if os.name == "posix":
        read_fd, write_fd = os.pipe()
        os.set_blocking(read_fd, False)
        os.set_blocking(write_fd, False)

        def close_pipe() -> None:
            os.close(read_fd)
            os.close(write_fd)

        return read_fd, write_fd, close_pipe
    import socket

    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    _sockets[reader.fileno()] = reader

    def close_sockets() -> None:
        _sockets.pop(reader.fileno(), None)
        reader.close()
        writer.close()

    return reader.fileno(), writer.fileno(), close_sockets


_sockets: dict[int, Any] = {}  # Windows: the socket behind a wakeup read end


def _receive(read_fd: int) -> bytes:
    sock = _sockets.get(read_fd)
    return sock.recv(64) if sock is not None else os.read(read_fd, 64)


def tune_allocator() -> None:
    """glibc keeps freed large buffers (summary previews) in the heap for reuse, so the
    resident size of a long-running kiosk creeps up; returning them at once keeps it flat.
    Same as MALLOC_MMAP_THRESHOLD_=1048576; a no-op where glibc is absent."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt(-3, 1024 * 1024)  # M_MMAP_THRESHOLD
    except (OSError, AttributeError):
        log.debug("allocator tuning unavailable")


def quicker_pyside_imports() -> None:
    """Once PySide6 is imported: every module imported after it is looked at by PySide to
    see whether it uses PySide (PYSIDE-2029: ``shibokensupport.feature``), by reading its
    source through ``inspect.getsource`` (line cache, decoding, ~0.1 ms a module: ~20 ms
    of the kiosk's start from an installed package, where the sources are .py files; a
    bundle has none and is not slowed). The same question is asked here of the file's
    bytes. Nothing changes where PySide has no such function (another version)."""
    feature = sys.modules.get("shibokensupport.feature")
    slow = getattr(feature, "_mod_uses_pyside", None)
    if slow is None or getattr(slow, "reads_bytes", False):
        return

    def uses_pyside(module: Any) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return bool(slow(module))

    uses_pyside.reads_bytes = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[union-attr]


def usable_cpus() -> int:
    """The CPUs this process may run on (a container or ``taskset`` may allow fewer)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def read_to_end(fd: int, deadline: float) -> bytes | None:
    """Everything written to a pipe until its writer closes it, or None when that has not
    happened by ``deadline`` (``time.monotonic``)."""
    chunks: list[bytes] = []
    while (left := deadline - time.monotonic()) > 0:
        ready, _, _ = select.select([fd], [], [], left)
        if not ready:
            break
        chunk = os.read(fd, 1 << 16)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
    return None


def end_child(pid: int, kill: bool = True) -> int | None:
    """Reap a child process, killed first unless ``kill`` is False; its exit code
    (negative: the signal that ended it), or None when the system reaped it already
    (SIGCHLD ignored by whoever started this process)."""
    if kill:
        with contextlib.suppress(ProcessLookupError):  # gone already
            os.kill(pid, signal.SIGKILL)
    try:
        return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
    except ChildProcessError:
        return None
