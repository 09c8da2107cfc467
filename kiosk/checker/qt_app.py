"""The checker's QApplication, made only when layout checks run: offscreen, so nothing
appears on screen and results do not depend on the monitor."""

from __future__ import annotations

import os
import sys

QUIET_QT_MESSAGES = ("This plugin does not support propagateSizeHints",)

_app = None  # keeps the QApplication made by the checker alive


def ensure_application() -> None:
    """Reuse the running QApplication, or make an offscreen one."""
    from PySide6.QtWidgets import QApplication

    from kiosk.process import chain_qt_messages, utf8_locale

    if QApplication.instance() is not None:
        return
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    utf8_locale()
    global _app
    _app = QApplication([sys.argv[0] if sys.argv else "kiosk", "check"])

    chain_qt_messages(lambda kind, context, message: message.startswith(QUIET_QT_MESSAGES))
