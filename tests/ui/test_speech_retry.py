"""Read-aloud comes back by itself: an engine that is not ready at start-up (speech-dispatcher
still starting after a fresh boot) is tried again with growing delays, and "Écouter"
appears as soon as a voice for the page's language is there, without a restart.

Simulated with Qt's mock engine; delays are injected, so nothing here sleeps for long."""

from __future__ import annotations

import itertools
import logging
import types

import pytest
from PySide6.QtCore import Qt

from kiosk import speech
from kiosk.speech import Speaker

try:
    from PySide6.QtTextToSpeech import QTextToSpeech
except ImportError:  # pragma: no cover - CI installs the add-on
    pytest.skip("PySide6-Addons (QtTextToSpeech) not installed", allow_module_level=True)

FAST = (10, 10, 10, 10, 10, 10)


class FailedEngine:
    """What QTextToSpeech looks like when speech-dispatcher cannot be reached."""

    class State:
        Error = "error"

    def state(self) -> str:
        return self.State.Error

    def errorString(self) -> str:
        return "Connection to speech-dispatcher failed"

    def deleteLater(self) -> None:
        pass


def engine_failing(monkeypatch, times: int) -> list[str]:
    """The mock engine, failing to start ``times`` times first; returns the attempts made."""
    made: list[str] = []

    def create(name, parent):
        made.append(name)
        return FailedEngine() if len(made) <= times else QTextToSpeech(name, parent)

    create.availableEngines = lambda: ["mock"]  # type: ignore[attr-defined]
    monkeypatch.setattr(
        speech, "_tts_module", lambda: (types.SimpleNamespace(QTextToSpeech=create), "")
    )
    return made


def english_reader(qtbot, make_window):
    window = make_window(language="en")
    qtbot.mouseClick(window.home.tiles[0], Qt.MouseButton.LeftButton)
    return window, window.reader


def test_listen_appears_when_a_voice_arrives_later(qtbot, make_window, monkeypatch):
    """The engine is up but has no voice yet (its voice module still loading)."""
    loaded = False
    real = QTextToSpeech.allVoices
    monkeypatch.setattr(
        QTextToSpeech, "allVoices", lambda tts, locale=None: real(tts, locale) if loaded else []
    )
    window, reader = english_reader(qtbot, make_window)
    speaker = Speaker("mock", parent=window, languages=("en",), retry_delays_ms=(30,) * 50)
    reader.set_speaker(speaker)
    assert not reader.listen_button.isVisible() and speaker.retrying

    loaded = True
    with qtbot.waitSignal(speaker.voices_changed, timeout=3_000):
        pass
    assert reader.listen_button.isVisible() and reader.listen_button.text() == "Listen"
    assert not speaker.retrying  # everything wanted is there: no more attempts
    with qtbot.waitSignal(speaker.state_changed, check_params_cb="speaking".__eq__):
        qtbot.mouseClick(reader.listen_button, Qt.MouseButton.LeftButton)
    speaker.stop()


def test_an_engine_that_fails_to_start_is_started_again(qtbot, make_window, monkeypatch):
    made = engine_failing(monkeypatch, times=2)
    window, reader = english_reader(qtbot, make_window)
    speaker = Speaker(parent=window, engine="mock", languages=("en",), retry_delays_ms=FAST)
    reader.set_speaker(speaker)
    # The first attempt returned at once, without waiting for the engine.
    assert made == ["mock"] and speaker.retrying and not reader.listen_button.isVisible()
    assert "failed to start" in speaker.unavailable_reason("en")
    qtbot.waitUntil(reader.listen_button.isVisible, timeout=3_000)
    assert speaker.attempts == 3 and speaker.can_speak("en")
    assert speaker.unavailable_reason("en") == ""


def test_attempts_stop_after_a_bounded_number(qtbot, monkeypatch, caplog):
    made = engine_failing(monkeypatch, times=1_000)
    with caplog.at_level(logging.WARNING, logger="kiosk.speech"):
        speaker = Speaker("mock", languages=("en",), retry_delays_ms=(5, 10, 20))
        qtbot.waitUntil(lambda: not speaker.retrying and speaker.attempts == 4, timeout=3_000)
    # No retry timer left running: nothing can start another attempt.
    assert len(made) == 4  # the first attempt and one per delay, then no more
    assert "gave up after 4 attempts" in caplog.text
    speaker.retry()  # between two visits, say: one more round
    assert len(made) == 5 and speaker.retrying


def test_real_delays_grow_from_half_a_second_up_to_a_minute():
    delays = speech.RETRY_DELAYS_MS
    assert delays[0] == 500
    assert all(a < b for a, b in itertools.pairwise(delays))
    assert max(delays) <= 60_000 and 60_000 <= sum(delays) <= 180_000


def test_nothing_is_retried_when_nothing_can_change(qapp):
    speaker = Speaker("nosuch", languages=("fr",))
    assert not speaker.retrying and speaker.attempts == 0
    speaker.retry()
    assert not speaker.retrying


def test_a_language_without_voice_does_not_hide_the_others(qtbot, make_window):
    """The mock has English voices and no French one: English reads at once while the
    French voice is still looked for."""
    window, reader = english_reader(qtbot, make_window)
    speaker = Speaker("mock", parent=window, languages=("fr", "en"), retry_delays_ms=(10_000,))
    reader.set_speaker(speaker)
    assert reader.listen_button.isVisible() and speaker.retrying
