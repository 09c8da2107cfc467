"""Read-aloud through Qt's "mock" engine: English voices only, speech simulated word by word.

The mock plugin ships with PySide6-Addons; without the add-on these tests are skipped
locally and an error in CI (CI set).
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys

import pytest

from kiosk import speech
from kiosk.speech import Speaker

try:  # at collection, not in a test: loading it logs a Qt warning when PipeWire is absent
    from PySide6.QtTextToSpeech import QTextToSpeech
except ImportError:
    if os.environ.get("CI"):  # CI installs the add-on: its absence is an error there
        raise
    pytest.skip("PySide6-Addons (QtTextToSpeech) not installed", allow_module_level=True)

TEXT = "This is a sentence long enough to pause it in the middle of a word or two."


@pytest.fixture
def speaker(qapp) -> Speaker:
    return Speaker("mock")


def wait_state(qtbot, speaker: Speaker, state: str, action) -> None:
    with qtbot.waitSignal(speaker.state_changed, timeout=5_000, check_params_cb=state.__eq__):
        action()
    assert speaker.state == state


def test_mock_engine_has_english_but_no_french_voice(speaker):
    assert speaker.state == "ready"
    assert speaker.can_speak("en")
    assert not speaker.can_speak("fr")  # the mock offers en_GB, en_US, nb_NO, nn_NO, fi_FI
    assert speaker.unavailable_reason("en") == ""
    assert speaker.unavailable_reason("fr") == "no French voice in engine mock"
    assert not speaker.can_speak("xx")


def test_speak_goes_speaking_then_ready(qtbot, speaker):
    seen: list[str] = []
    speaker.state_changed.connect(seen.append)
    wait_state(qtbot, speaker, "speaking", lambda: speaker.speak("Hello there.", "en"))
    qtbot.waitUntil(lambda: speaker.state == "ready", timeout=5_000)
    assert seen == ["speaking", "ready"]


def test_pause_resume_stop(qtbot, speaker):
    wait_state(qtbot, speaker, "speaking", lambda: speaker.speak(TEXT, "en"))
    wait_state(qtbot, speaker, "paused", speaker.pause)
    wait_state(qtbot, speaker, "speaking", speaker.resume)
    wait_state(qtbot, speaker, "ready", speaker.stop)


def test_an_engine_stuck_speaking_is_given_up(qtbot, speaker, monkeypatch, caplog):
    """speechd without audio output never leaves "speaking"; the idle wipe must not wait."""
    monkeypatch.setattr(speech, "WATCHDOG_MS", (50, 0))  # the mock takes ~1 s for TEXT
    with caplog.at_level(logging.ERROR, logger="kiosk.speech"):
        wait_state(qtbot, speaker, "speaking", lambda: speaker.speak(TEXT, "en"))
        wait_state(qtbot, speaker, "error", lambda: None)
    assert not speaker.can_speak("en")
    reason = "engine mock never finished speaking (no audio output?)"
    assert speaker.unavailable_reason("en") == reason
    assert reason in caplog.text
    assert "sentence" not in caplog.text


def test_speaking_french_without_a_voice_is_refused_calmly(qtbot, speaker, caplog):
    with caplog.at_level(logging.WARNING, logger="kiosk.speech"):
        speaker.speak("Secret du patient", "fr")
    assert speaker.state == "ready"
    assert "no French voice in engine mock" in caplog.text
    assert "Secret" not in caplog.text  # never the text spoken


def test_unknown_engine_is_unavailable_with_a_reason(qapp, caplog):
    with caplog.at_level(logging.WARNING, logger="kiosk.speech"):
        speaker = Speaker("nosuch")
    assert speaker.state == "error"
    assert not speaker.can_speak("fr")
    assert not speaker.can_speak("en")
    assert speaker.unavailable_reason("fr") == "speech engine nosuch not installed"
    assert "speech engine nosuch not installed" in caplog.text
    speaker.speak("Bonjour", "fr")  # no exception, nothing happens
    speaker.pause()
    speaker.resume()
    speaker.stop()
    assert speaker.state == "error"


def test_without_the_addon_the_speaker_is_unavailable(qapp, monkeypatch):
    monkeypatch.setattr(speech, "_tts_module", lambda: (None, "speech add-on missing"))
    speaker = Speaker()
    assert not speaker.can_speak("fr")
    assert "speech add-on missing" in speaker.unavailable_reason("fr")


def test_a_missing_system_library_is_named_not_blamed_on_the_addon(qapp, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def missing_libpulse(name, *args, **kwargs):
        if name == "PySide6" and args[2] and "QtTextToSpeech" in args[2]:
            raise ImportError("libpulse.so.0: cannot open shared object file")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", missing_libpulse)
    module, why = speech._tts_module()
    assert module is None and "libpulse.so.0" in why and "PySide6-Addons" not in why


def test_default_engine_is_an_offline_one():
    assert speech.default_engine(["mock"]) is None  # never Qt's silent mock
    if sys.platform.startswith("linux"):
        assert speech.default_engine(["mock", "speechd"]) == "speechd"
    for engines in speech.PLATFORM_ENGINES.values():
        assert "mock" not in engines


def test_only_the_mock_engine_means_no_engine(qapp, monkeypatch):
    monkeypatch.setattr(QTextToSpeech, "availableEngines", staticmethod(lambda: ["mock"]))
    speaker = Speaker()
    assert speaker.state == "error"
    assert speaker.unavailable_reason("fr") == "no speech engine (found: mock)"


LOAD_IN_APP = """
from PySide6.QtCore import QCoreApplication, QtMsgType, qInstallMessageHandler
seen = []
def handler(kind, context, message):
    if kind not in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg):
        seen.append(message)
qInstallMessageHandler(handler)
app = QCoreApplication([])
from kiosk.speech import Speaker
assert Speaker("mock").can_speak("en")
print(seen)
"""


def test_first_load_emits_no_qt_warning():
    """QtMultimedia warns on load without PipeWire; here that would fail any UI test."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8"}
    result = subprocess.run(
        [sys.executable, "-c", LOAD_IN_APP], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
