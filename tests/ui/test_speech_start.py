"""The speech engine starts without freezing the kiosk: speech-dispatcher's Qt engine takes
~2.6 s in its constructor (it connects and lists ~13,000 voices), so the kiosk builds it on a
speech thread while the interface keeps serving taps and paints; "Listen" appears once ready.

The slow plugin is stood for by the mock engine behind a constructor that sleeps 1.5 s (the
one fixed wait in these tests: it is the engine, not the test, that takes time)."""

from __future__ import annotations

import sys
import time
import types
from typing import ClassVar

import pytest
from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal, Slot
from shiboken6 import Shiboken

from kiosk import speech
from kiosk.services import make_speaker
from kiosk.speech import Speaker

try:
    from PySide6.QtTextToSpeech import QTextToSpeech
except ImportError:  # pragma: no cover - CI installs the add-on
    pytest.skip("PySide6-Addons (QtTextToSpeech) not installed", allow_module_level=True)

START_S = 1.5  # how long the stand-in engine takes to start


class SlowEngine(QObject):
    """Looks like QTextToSpeech built for speechd: slow to start, then Qt's mock engine.

    Built with an engine name it starts at once, as QTextToSpeech(name) does; built with
    "none" it waits for setEngine(), a slot, as QTextToSpeech's Q_INVOKABLE one."""

    State = QTextToSpeech.State
    engineChanged = Signal(str)
    stateChanged = Signal(object)
    errorOccurred = Signal(object, str)
    started_in: ClassVar[list[QThread]] = []  # the thread of each start, read by tests

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._real: QTextToSpeech | None = None
        if name != "none":
            self.setEngine(name)

    @staticmethod
    def availableEngines() -> list[str]:
        return ["speechd"]

    @Slot(str, result=bool)
    def setEngine(self, name: str) -> bool:
        SlowEngine.started_in.append(QThread.currentThread())
        time.sleep(START_S)  # the plugin connecting and listing its voices
        self._real = QTextToSpeech("mock", self)
        self._real.stateChanged.connect(self.stateChanged.emit)
        self._real.errorOccurred.connect(self.errorOccurred.emit)
        self.engineChanged.emit(name)
        return True

    def __getattr__(self, name: str):  # state(), allVoices(), say()... of the real engine
        return getattr(self._real, name)


@pytest.fixture(autouse=True)
def own_speech_thread(monkeypatch):
    """A speech thread of the test's own, whatever other tests left on the shared one."""
    shared = speech._SpeechThread()
    monkeypatch.setattr(speech, "_SPEECH_THREAD", shared)
    yield shared
    shared.stop()


@pytest.fixture
def slow_engine(monkeypatch):
    SlowEngine.started_in.clear()
    module = types.SimpleNamespace(QTextToSpeech=SlowEngine)
    monkeypatch.setattr(speech, "_tts_module", lambda: (module, ""))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="speechd is Linux's engine")
def test_taps_and_paints_are_served_while_the_engine_starts(qtbot, make_window, slow_engine):
    window = make_window(language="en")
    qtbot.mouseClick(window.home.tiles[0], Qt.MouseButton.LeftButton)
    reader = window.reader
    ticks: list[int] = []
    clock = QTimer(window)
    clock.timeout.connect(lambda: ticks.append(1))
    clock.start(50)
    served: list[tuple[bool, bool]] = []  # (the reader moved on, "Listen" shown) per tap

    def where() -> tuple[int, int]:
        return reader.session.page_index, reader.view.screen_index

    def tap_next() -> None:
        before = where()
        qtbot.mouseClick(reader.next_button, Qt.MouseButton.LeftButton)
        served.append((where() != before, reader.listen_button.isVisible()))

    QTimer.singleShot(200, window, tap_next)
    speaker = make_speaker(window, ("en",))  # the kiosk's own wiring, as app.py calls it
    reader.set_speaker(speaker)

    qtbot.waitUntil(reader.listen_button.isVisible, timeout=15_000)
    # The event loop went on while the engine started: the clock ticked (~30 times in
    # 1.5 s; never when the GUI thread builds the engine itself) and the tap was served.
    assert len(ticks) >= 5, ticks
    assert served == [(True, False)]
    assert SlowEngine.started_in and SlowEngine.started_in[0] is not window.thread()
    with qtbot.waitSignal(speaker.state_changed, check_params_cb="speaking".__eq__):
        qtbot.mouseClick(reader.listen_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(speaker.state_changed, check_params_cb="ready".__eq__):
        speaker.stop()


def test_the_speech_thread_ends_with_its_last_speaker(qtbot, qapp, own_speech_thread):
    """Nothing is left running: deleting the speakers (their window closing) deletes their
    engines and ends the one speech thread they share."""
    owner = QObject()
    speakers = [Speaker("mock", parent=owner, languages=("en",), background=True) for _ in range(2)]
    thread = speakers[0].speech_thread
    assert thread is not None and thread.isRunning() and speakers[1].speech_thread is thread
    for speaker in speakers:
        qtbot.waitUntil(lambda s=speaker: not s.retrying, timeout=5_000)
        assert speaker.can_speak("en") and not speaker.can_speak("fr")
    hosts = [speaker._host for speaker in speakers]  # each owns its engine, on the thread
    assert own_speech_thread.users == 2
    speakers[0].close()
    assert thread.isRunning() and own_speech_thread.users == 1
    qtbot.waitUntil(lambda: not Shiboken.isValid(hosts[0]), timeout=5_000)
    Shiboken.delete(owner)  # the other speaker goes with it
    assert thread.isFinished() and own_speech_thread.users == 0
    assert not Shiboken.isValid(hosts[1])  # deleted, with its engine, as the thread ended


def test_the_speech_thread_ends_while_the_engine_is_still_starting(qtbot, qapp, slow_engine):
    speaker = Speaker("speechd", languages=("en",), background=True)
    thread = speaker.speech_thread
    assert speaker.unavailable_reason("en") == "speech engine speechd still starting"
    qtbot.waitUntil(lambda: bool(SlowEngine.started_in), timeout=5_000)
    speaker.close()  # waits for the start under way, then ends the thread
    assert thread is not None and thread.isFinished()
    assert not speaker.can_speak("en") and speaker.speech_thread is None
