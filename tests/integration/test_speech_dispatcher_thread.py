"""The real speech-dispatcher engine started on the speech thread, as the kiosk does: the GUI
thread's event loop keeps running (Python slots included: PySide6 keeps the interpreter lock
during a Qt call, so a Python thread building the engine would still freeze them), and
French is then read aloud to the end.

Same private daemon as test_speech_dispatcher.py (its fixture, hence its skips)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from kiosk.speech import Speaker
from tests.integration.test_speech_dispatcher import private_speechd, speak_french_to_the_end

__all__ = ["private_speechd"]  # the fixture, used by name below


@pytest.fixture(scope="module")
def started(private_speechd, qapp) -> Iterator[tuple[Speaker, int]]:
    """The speaker once its engine is up, and how often a 20 ms timer of the GUI thread
    fired while it started (the engine's constructor takes ~2.6 s here)."""
    # libspeechd asks GLib for XDG_RUNTIME_DIR, which GLib reads once per process: after the
    # other module's daemon, it would look for the socket there. Name ours explicitly.
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SPEECHD_ADDRESS", f"unix_socket:{private_speechd / 'speechd.sock'}")
        yield from _started(qapp)


def _started(qapp) -> Iterator[tuple[Speaker, int]]:
    ticks: list[int] = []
    clock = QTimer()
    clock.timeout.connect(lambda: ticks.append(1))
    clock.start(20)
    speaker = Speaker("speechd", languages=("fr", "en"), background=True)
    thread = speaker.speech_thread
    QtBot(qapp).waitUntil(lambda: not speaker.retrying, timeout=30_000)
    clock.stop()
    yield speaker, len(ticks)
    speaker.close()  # closes the connection now, before the daemon is stopped
    assert thread is not None and thread.isFinished()


def test_the_event_loop_runs_while_speechd_starts(started):
    speaker, ticks = started
    assert speaker.state == "ready", speaker.unavailable_reason("fr")
    assert speaker.can_speak("fr") and speaker.can_speak("en")
    assert ticks >= 10  # ~100 at 20 ms over the start; none when it blocks the GUI thread


def test_french_sentence_is_spoken_and_ends_from_the_speech_thread(qtbot, started):
    speaker, _ = started
    speak_french_to_the_end(qtbot, speaker)
