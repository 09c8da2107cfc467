"""The floor: a bare PySide6 window (QApplication + QMainWindow + QLabel), full screen.

Run by bench/run.py for start-up (with KIOSK_BENCH_T0 set it reports its first paint and
exits), and bundled by bench/minimal.spec to compare bundle sizes.
Usage: python bench/minimal_window.py [--windowed]
"""

from __future__ import annotations

import os
import sys

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


def main() -> int:
    app = QApplication([sys.argv[0]])
    probe = None
    if os.environ.get("KIOSK_BENCH_T0"):
        from _probe import FirstPaint

        probe = FirstPaint(app)
    window = QMainWindow()
    window.setWindowTitle("Minimal")
    window.setCentralWidget(QLabel("Bonjour"))
    if "--windowed" in sys.argv:
        window.resize(1280, 800)
        window.show()
    else:
        window.showFullScreen()
    code = app.exec()
    if probe is not None:
        sys.stdout.flush()
        os._exit(code)
    return code


if __name__ == "__main__":
    sys.exit(main())
