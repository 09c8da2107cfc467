"""Start the kiosk exactly as ``kiosk`` does and report its first paint (run by bench/run.py).

The QApplication is created first (as ``kiosk.app.run`` would: same arguments) so the probe
can watch it; then ``kiosk.app.run`` itself builds settings, fonts, content, session and
window and shows them full screen (``--windowed`` if given), unchanged.
"""

from __future__ import annotations

import os
import sys

from kiosk import app as kiosk_app


def main() -> None:
    from _probe import FirstPaint
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])
    probe = FirstPaint(app)
    kiosk_app.run(sys.argv[1:])
    del probe
    sys.stdout.flush()
    os._exit(0)  # the figures are out; skip tearing down Qt


if __name__ == "__main__":
    main()
