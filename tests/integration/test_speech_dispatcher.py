"""Read-aloud in French through the real speech-dispatcher and espeak-ng, with no sound card.

Without audio output speech-dispatcher never leaves "Speaking". So these tests spawn a private
speech-dispatcher whose HOME, XDG_CONFIG_HOME and XDG_RUNTIME_DIR are a temporary folder
holding speechd.conf (AudioOutputMethod "libao") and ~/.libao (default_driver=null): /etc and
any daemon already running are left alone. libspeechd autospawns the daemon with our
environment; its socket lives in our XDG_RUNTIME_DIR.

Locally these tests need the Debian packages below; in CI (CI set) their absence is a failure.
"""

from __future__ import annotations

import os
import shutil
import signal
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from shiboken6 import Shiboken

from kiosk.speech import Speaker, default_engine

try:  # at collection, not in a test: loading it logs a Qt warning when PipeWire is absent
    from PySide6.QtTextToSpeech import QTextToSpeech

    IMPORT_ERROR = ""
except ImportError as error:
    QTextToSpeech = None  # type: ignore[assignment,misc]
    IMPORT_ERROR = str(error)

PACKAGES = "speech-dispatcher speech-dispatcher-espeak-ng espeak-ng libao4"
SENTENCE = "Bonjour. Le médecin va vous expliquer la cimentoplastie."
SPEECHD_CONF = """\
# Written by tests/integration/test_speech_dispatcher.py: no sound card, so play into
# libao, whose ~/.libao selects the null driver. LogLevel 5 logs the audio sent.
AudioOutputMethod "libao"
LogLevel 5
Timeout 2
"""


def missing() -> str:
    """What this machine lacks for the real engine, or ""."""
    if shutil.which("speech-dispatcher") is None or shutil.which("espeak-ng") is None:
        return f"speech-dispatcher or espeak-ng not installed (apt-get install {PACKAGES})"
    if QTextToSpeech is None:
        return f"QtTextToSpeech cannot be loaded (PySide6-Addons, libpulse0): {IMPORT_ERROR}"
    if "speechd" not in QTextToSpeech.availableEngines():
        return "Qt's speechd engine is not available (libspeechd2 missing?)"
    return ""


@pytest.fixture(scope="module")
def private_speechd(tmp_path_factory, qapp) -> Iterator[Path]:
    """A HOME for a speech-dispatcher that plays into libao's null driver; yields its run dir."""
    reason = missing()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    home = tmp_path_factory.mktemp("speechd-home")
    config = home / ".config"
    (config / "speech-dispatcher").mkdir(parents=True)
    (config / "speech-dispatcher" / "speechd.conf").write_text(SPEECHD_CONF)
    (home / ".libao").write_text("default_driver=null\n")
    run = home / "run"
    run.mkdir(mode=0o700)
    with pytest.MonkeyPatch.context() as env:
        env.setenv("HOME", str(home))
        env.setenv("XDG_CONFIG_HOME", str(config))
        env.setenv("XDG_RUNTIME_DIR", str(run))
        env.delenv("SPEECHD_ADDRESS", raising=False)
        yield run / "speech-dispatcher"
    for pid_file in (run / "speech-dispatcher" / "pid").glob("*.pid"):
        stop_daemon(int(pid_file.read_text().split()[0]))


def stop_daemon(pid: int) -> None:
    """Stop the daemon these tests spawned (it also exits by itself, Timeout 2 s after us)."""
    try:
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            os.kill(pid, 0)  # raises once the process is gone
            time.sleep(0.05)
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


@pytest.fixture(scope="module")
def speaker(private_speechd) -> Iterator[Speaker]:
    speaker = Speaker("speechd")  # ~1.5 s: Qt lists espeak-ng's 13,000 voices; so only once
    yield speaker
    Shiboken.delete(speaker)  # closes the connection now, before the daemon is stopped


def test_speechd_has_a_french_voice(speaker):
    assert speaker.state == "ready", speaker.unavailable_reason("fr")
    assert speaker.can_speak("fr")
    assert speaker.unavailable_reason("fr") == ""
    assert speaker.can_speak("en")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="speechd is Linux's engine")
def test_default_engine_on_linux_is_speechd(private_speechd):
    assert default_engine(QTextToSpeech.availableEngines()) == "speechd"


def speak_french_to_the_end(qtbot, speaker) -> None:
    """The sentence is spoken: "speaking", then "ready" once it has been said."""
    seen: list[str] = []
    speaker.state_changed.connect(seen.append)
    with qtbot.waitSignal(speaker.state_changed, timeout=15_000, check_params_cb="speaking".__eq__):
        speaker.speak(SENTENCE, "fr")
    qtbot.waitUntil(lambda: speaker.state == "ready", timeout=15_000)
    assert seen == ["speaking", "ready"]


def test_french_sentence_is_spoken_and_ends(qtbot, speaker, private_speechd):
    speak_french_to_the_end(qtbot, speaker)
    # espeak-ng really produced sound for the null driver (not an instant no-op).
    log = (private_speechd / "log" / "speech-dispatcher.log").read_text(errors="replace")
    assert "Using libao audio output method" in log
    assert "samples to audio" in log
