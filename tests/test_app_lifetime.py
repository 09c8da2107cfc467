"""The app object owns what a running kiosk puts into the process (log handlers, crash report
stream, UI translators, stop-signal handlers, sys.excepthook) and gives it all back when it
ends: two kiosks started one after the other in one process share and leak none of it."""

from __future__ import annotations

import faulthandler
import logging
import signal
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTimer

from kiosk import app as kiosk_app
from kiosk import services
from kiosk.i18n import Translations
from kiosk.ui.screens.attract import INVITATION


def process_state() -> dict[str, object]:
    return {
        "handlers": list(logging.getLogger().handlers),
        "excepthook": sys.excepthook,
        "signals": [signal.getsignal(number) for number in (signal.SIGTERM, signal.SIGINT)],
        "faulthandler": faulthandler.is_enabled(),
        "wakeup fd": signal.set_wakeup_fd(-1),
    }


def invitation() -> str:
    return QCoreApplication.translate("AttractScreen", INVITATION)


def test_two_kiosks_in_one_process_leave_nothing_behind(
    qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    started = services.start_updates
    seen: list[dict[str, object]] = []

    def started_then_stop(window, supervisor, *args, **kwargs) -> None:
        """The last step of the start: everything is built; a patient picks English."""
        started(window, supervisor, *args, **kwargs)
        from kiosk.i18n import use_language

        assert use_language("en") and invitation() != INVITATION
        seen.append({"handlers": len(logging.getLogger().handlers)})
        QTimer.singleShot(0, lambda: QCoreApplication.exit(0))

    monkeypatch.setattr(services, "start_updates", started_then_stop)
    before = process_state()
    signal.set_wakeup_fd(before["wakeup fd"])  # type: ignore[arg-type]
    try:
        for _ in range(2):
            assert kiosk_app.run(["--windowed"]) == 0
            after = process_state()
            signal.set_wakeup_fd(before["wakeup fd"])  # type: ignore[arg-type]
            assert after == before
            assert invitation() == INVITATION  # no translator left installed
            assert qapp.findChildren(Translations) == []
    finally:
        sys.excepthook = before["excepthook"]  # type: ignore[assignment]
        for number, handler in zip((signal.SIGTERM, signal.SIGINT), before["signals"], strict=True):  # type: ignore[call-overload]
            signal.signal(number, handler)
        for handler in logging.getLogger().handlers[:]:
            if handler not in before["handlers"]:  # type: ignore[operator]
                logging.getLogger().removeHandler(handler)
                handler.close()
    assert len(seen) == 2 and seen[0] == seen[1]  # the second kiosk did not add to the first's


def test_a_kiosk_that_has_stopped_starts_no_speech_engine_later(
    qapp, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """Its window may outlive the run (tests run kiosks one after another): the delayed
    read-aloud start must not fire then, starting an engine nobody will stop."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setattr(kiosk_app, "SPEECH_DELAY_MS", 50)
    speakers: list[object] = []
    monkeypatch.setattr(services, "make_speaker", lambda *args: speakers.append(args))
    started = services.start_updates

    def started_then_stop(window, supervisor, *args, **kwargs) -> None:
        started(window, supervisor, *args, **kwargs)
        QTimer.singleShot(0, lambda: QCoreApplication.exit(0))  # before the speech delay

    monkeypatch.setattr(services, "start_updates", started_then_stop)
    try:
        assert kiosk_app.run(["--windowed"]) == 0
        qtbot.wait(400)  # eight times the delay: it would have fired by now
    finally:
        for handler in logging.getLogger().handlers[:]:
            if isinstance(handler, logging.FileHandler):
                logging.getLogger().removeHandler(handler)
                handler.close()
    assert speakers == []
