"""Start the kiosk exactly as ``kiosk`` does and report its first paint (run by bench/run.py).

``kiosk.app.run`` itself builds settings, fonts, content, session and window and shows them
full screen (``--windowed`` if given), unchanged. It also makes the QApplication, after it
has started the process that reads the content (a fork is only safe before Qt starts): the
probe is attached to that application as it is made, through a subclass the kiosk finds in
place of ``QApplication`` (same arguments, nothing else changed).
"""

from __future__ import annotations

import os
import sys

from kiosk import app as kiosk_app


def main() -> None:
    import PySide6.QtWidgets
    from _probe import FirstPaint

    class ProbedApplication(PySide6.QtWidgets.QApplication):
        probe: FirstPaint | None = None

        def __init__(self, argv: list[str]):
            super().__init__(argv)
            ProbedApplication.probe = FirstPaint(self)

    PySide6.QtWidgets.QApplication = ProbedApplication  # type: ignore[misc]
    kiosk_app.run(sys.argv[1:])
    sys.stdout.flush()
    os._exit(0)  # the figures are out; skip tearing down Qt


if __name__ == "__main__":
    main()
