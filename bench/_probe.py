"""First-paint probe shared by the kiosk and the floor start-up scripts (not run directly).

The parent passes the wall-clock time it launched us at in ``KIOSK_BENCH_T0``. The probe
watches the application until the first QMainWindow exists, then watches only that window,
and at its first Paint event records the time. Once that paint has finished it prints one
JSON line and leaves the event loop with ``exit()`` (``quit()`` would ask windows to close,
and the kiosk may refuse).
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget
from shiboken6 import Shiboken

T0_ENV = "KIOSK_BENCH_T0"


def rss_mb() -> float:
    """Resident memory now (Linux), in MiB."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


class FirstPaint(QObject):
    """Time of the first Paint event of the main window or of any widget in it.

    A window whose children are opaque gets no Paint event itself, so the probe watches
    every widget, but only while it must: until the QMainWindow exists (few events), then
    that window alone until it is shown, then everything until the first paint. Building
    the kiosk's screens (thousands of events) happens while only the window is watched.
    """

    def __init__(self, app: QApplication):
        super().__init__()
        self.t0 = float(os.environ[T0_ENV])
        self.app = app
        self.window: QMainWindow | None = None
        self.address = 0  # of the C++ window: events during its constructor come with
        # a temporary Python wrapper, so identity of wrappers cannot be trusted
        self.marks: dict[str, float] = {"app": time.time()}
        self.watched_events = 0
        self.peak_at_paint = 0.0
        app.installEventFilter(self)

    def mark(self, name: str) -> None:
        self.marks[name] = time.time()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        self.watched_events += 1
        kind = event.type()
        if self.window is None:
            if isinstance(watched, QMainWindow):
                self.window = watched
                self.address = Shiboken.getCppPointer(watched)[0]
                self.mark("window")
                self.app.removeEventFilter(self)
                watched.installEventFilter(self)
            return False
        if "show" not in self.marks:
            if kind == QEvent.Type.Show and self._is_window(watched):
                self.mark("show")
                watched.removeEventFilter(self)
                self.app.installEventFilter(self)
            return False
        if (
            kind == QEvent.Type.Paint
            and "paint" not in self.marks
            and isinstance(watched, QWidget)
            and self._is_window(watched.window())
        ):
            self.mark("paint")
            self.app.removeEventFilter(self)
            QTimer.singleShot(0, self.finish)
        return False

    def _is_window(self, widget: QObject) -> bool:
        return Shiboken.getCppPointer(widget)[0] == self.address

    def finish(self) -> None:
        self.mark("painted")
        self.peak_at_paint = peak_rss_mb()
        window = self.app.activeWindow() or next(
            (w for w in self.app.topLevelWidgets() if isinstance(w, QMainWindow)), None
        )
        if window is not None and getattr(window, "is_ready", True) is False:
            # The kiosk builds everything but its first screen after the first frame:
            # also time when it is done (the next event-loop pass, supervisor included).
            window.ready.connect(lambda: QTimer.singleShot(0, lambda: self.report(window)))
            return
        self.report(window)

    def report(self, window: QWidget | None) -> None:
        if "ready" not in self.marks and window is not None and hasattr(window, "is_ready"):
            self.mark("ready")
        result = {f"{name}_ms": (t - self.t0) * 1000 for name, t in self.marks.items()}
        result.update(
            first_paint_ms=result["paint_ms"],
            peak_rss_mb=self.peak_at_paint,
            peak_rss_ready_mb=peak_rss_mb(),
            rss_mb=rss_mb(),
            platform=self.app.platformName(),
            watched_events=self.watched_events,
        )
        if window is not None:
            result["window_size"] = [window.width(), window.height()]
        print(json.dumps(result), flush=True)
        self.app.exit(0)
