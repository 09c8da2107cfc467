"""Process-wide set-up shared by the kiosk, the self-test and the checker (kiosk/process.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kiosk.process import chain_qt_messages, qt_messages_through, utf8_locale

from .fresh_python import run_fresh

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
    assert run_fresh(code).stdout.strip() == "['something else']"


def test_pyside_is_told_the_same_about_every_module_by_the_quicker_look():
    """PySide asks, for each module imported after it, whether its source names PySide6;
    quicker_pyside_imports answers from the file's bytes: the same answers, for every
    module loaded by the kiosk's window, and it is what PySide then uses."""
    code = (
        "import sys\n"
        "import PySide6.QtCore\n"
        "feature = sys.modules['shibokensupport.feature']\n"
        "slow = feature._mod_uses_pyside\n"
        "from kiosk.process import quicker_pyside_imports\n"
        "quicker_pyside_imports()\n"
        "quicker_pyside_imports()  # twice: still one layer\n"
        "fast = feature._mod_uses_pyside\n"
        "assert fast is not slow and fast.reads_bytes\n"
        "import kiosk.ui.main_window, kiosk.ui.screens.reader, kiosk.checker.check, json\n"
        "mods = [m for m in list(sys.modules.values()) if m is not None]\n"
        "differ = [m.__name__ for m in mods if fast(m) != slow(m)]\n"
        "users = {m.__name__ for m in mods if fast(m)}\n"
        "seen = feature.pyside_feature_dict\n"
        "from kiosk.ui.screens.home import HomeScreen\n"
        "print(differ, 'kiosk.ui.main_window' in users, 'json' in users,"
        " seen['kiosk.ui.screens.home'])\n"
    )
    assert run_fresh(code).stdout.strip() == "[] True False 0"
