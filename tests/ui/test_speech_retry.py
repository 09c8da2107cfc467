"""Read-aloud comes back by itself: an engine that is not ready at start-up (speech-dispatcher
still starting after a fresh boot) is tried again with growing delays, and "Écouter"
appears as soon as a voice for the page's language is there, without a restart.

Simulated with Qt's mock engine; delays are injected, so nothing here sleeps for long."""

from __future__ import annotations

import itertools
import logging
import types
from typing import ClassVar

import pytest
from PySide6.QtCore import QObject, Qt, Signal, Slot

from kiosk import speech
from kiosk.speech import Speaker

try:
    from PySide6.QtTextToSpeech import QTextToSpeech
except ImportError:  # pragma: no cover - CI installs the add-on
    pytest.skip("PySide6-Addons (QtTextToSpeech) not installed", allow_module_level=True)

FAST = (10, 10, 10, 10, 10, 10)


class FlakyEngine(QObject):
    """QTextToSpeech as the Speaker builds it (empty, "none", then setEngine()): the first
    ``fails`` starts fail as when speech-dispatcher cannot be reached, then Qt's mock."""

    State = QTextToSpeech.State
    engineChanged = Signal(str)
    stateChanged = Signal(object)
    errorOccurred = Signal(object, str)
    made: ClassVar[list[str]] = []  # the engine of each start
    fails: ClassVar[int] = 0

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        assert name == "none"  # started by setEngine(), never in the constructor
        self._real: QTextToSpeech | None = None

    @staticmethod
    def availableEngines() -> list[str]:
        return ["mock"]

    @Slot(str, result=bool)
    def setEngine(self, name: str) -> bool:
        FlakyEngine.made.append(name)
        if len(FlakyEngine.made) > FlakyEngine.fails:
            self._real = QTextToSpeech(name, self)
            self._real.stateChanged.connect(self.stateChanged.emit)
        self.engineChanged.emit(name if self._real else "")
        return self._real is not None

    def state(self) -> QTextToSpeech.State:
        return self._real.state() if self._real else self.State.Error

    def errorString(self) -> str:
        return "" if self._real else "Connection to speech-dispatcher failed"

    def __getattr__(self, name: str):  # allVoices(), say()... of the mock engine
        return getattr(self._real, name)


def engine_failing(monkeypatch, times: int) -> list[str]:
    """The mock engine, failing to start ``times`` times first; returns the attempts made."""
    FlakyEngine.made, FlakyEngine.fails = [], times
    module = types.SimpleNamespace(QTextToSpeech=FlakyEngine)
    monkeypatch.setattr(speech, "_tts_module", lambda: (module, ""))
    return FlakyEngine.made


def english_reader(qtbot, make_window):
    window = make_window(language="en")
    qtbot.mouseClick(window.home.tiles[0], Qt.MouseButton.LeftButton)
    return window, window.reader


def test_listen_appears_when_a_voice_arrives_later(qtbot, make_window, monkeypatch):
    """The engine is up but has no voice yet (its voice module still loading)."""
    loaded = False
    real = QTextToSpeech.availableLocales
    monkeypatch.setattr(QTextToSpeech, "availableLocales", lambda tts: real(tts) if loaded else [])
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


def test_on_the_speech_thread_a_failed_start_is_tried_again(qtbot, make_window, monkeypatch):
    made = engine_failing(monkeypatch, times=2)
    window, reader = english_reader(qtbot, make_window)
    speaker = Speaker(
        "mock", parent=window, languages=("en",), retry_delays_ms=FAST, background=True
    )
    reader.set_speaker(speaker)
    assert speaker.retrying  # the first answer is due from the speech thread
    qtbot.waitUntil(reader.listen_button.isVisible, timeout=5_000)
    assert made == ["mock"] * 3 and speaker.attempts == 3 and not speaker.retrying
    assert speaker.unavailable_reason("en") == ""
    with qtbot.waitSignal(speaker.state_changed, check_params_cb="speaking".__eq__):
        qtbot.mouseClick(reader.listen_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(speaker.state_changed, check_params_cb="ready".__eq__):
        speaker.stop()
