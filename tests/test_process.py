"""Process-wide set-up shared by the kiosk, the self-test and the checker (kiosk/process.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.process import chain_qt_messages, qt_messages_through, utf8_locale

REPO = Path(__file__).resolve().parent.parent


def test_utf8_locale_only_when_none_is_set(monkeypatch: pytest.MonkeyPatch):
    for name in ("LC_ALL", "LC_CTYPE", "LANG"):
        monkeypatch.delenv(name, raising=False)
    utf8_locale()
    assert os.environ["LC_CTYPE"] == "C.UTF-8"
    monkeypatch.delenv("LC_CTYPE")
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    utf8_locale()
    assert "LC_CTYPE" not in os.environ


def test_a_filter_is_chained_in_front_and_then_taken_away(qapp):
    from PySide6.QtCore import qInstallMessageHandler, qWarning

    seen: list[str] = []
    before = qInstallMessageHandler(lambda kind, context, message: seen.append(message))
    try:
        with qt_messages_through(lambda kind, context, message: message == "quiet"):
            qWarning("quiet")
            qWarning("loud")
        restore = chain_qt_messages(lambda kind, context, message: True)
        qWarning("swallowed")
        restore()
        qWarning("after")
    finally:
        qInstallMessageHandler(before)
    assert seen == ["loud", "after"]


def test_the_checker_keeps_the_handler_installed_before_it():
    """`kiosk check` made its own application and replaced any Qt message handler with one
    that printed to stderr: a handler installed before (a test harness's) saw nothing."""
    code = (
        "from PySide6.QtCore import qInstallMessageHandler, qWarning\n"
        "seen = []\n"
        "qInstallMessageHandler(lambda kind, context, message: seen.append(message))\n"
        "from kiosk.checker.qt_app import ensure_application\n"
        "ensure_application()\n"
        "qWarning('This plugin does not support propagateSizeHints()')\n"
        "qWarning('something else')\n"
        "print(seen)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['something else']"
