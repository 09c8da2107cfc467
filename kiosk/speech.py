"""Read-aloud: the one module that talks to a speech engine, offline engines only.

No widgets. QtTextToSpeech (PySide6-Addons) is imported lazily: without it, an engine or a
voice, the Speaker is simply unavailable and the staff log says why; never the text spoken.

An engine that is installed but not ready yet (speech-dispatcher still starting after a
fresh boot, its voice modules still loading) is tried again on a timer with a growing,
bounded delay, and ``voices_changed`` tells the reader to show "Écouter" once a voice is
there: read-aloud no longer needs a restart of the kiosk to come back.

Starting speech-dispatcher's engine takes seconds (it connects and lists ~13,000 voices in
QTextToSpeech's constructor). With ``background=True`` (the kiosk's wiring) the engine lives
on the process's speech thread, built there by Qt's event loop, not by Python code, so the
GUI thread keeps the interpreter lock and serves taps and paints meanwhile; the engine is
then asked for voices, and told what to say, only through queued calls (see EngineHost).
"""

from __future__ import annotations

import atexit
import logging
import sys
from types import ModuleType
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QThread, QTimer, Signal

from kiosk.process import qt_messages_through
from kiosk.speech_start import EngineHost

log = logging.getLogger(__name__)

# Offline engines by platform, best first: never a network engine, nor Qt's silent "mock".
PLATFORM_ENGINES = {"linux": ("speechd",), "win32": ("winrt", "sapi"), "darwin": ("darwin",)}
STATES = ("ready", "speaking", "paused", "error", "speaking")  # QTextToSpeech.State order
STOP_WAIT_MS = 10_000  # at shutdown, for an engine still starting on the speech thread
WATCHDOG_MS = (10_000, 200)  # longest believable reading: 10 s + 200 ms a character
# Delays between attempts to start the engine or find its voices: quick at first (the
# daemon is usually up within a second or two), then sparser, for about two minutes in all.
# Each attempt runs on the event loop (or the speech thread) and a failed one returns at once.
RETRY_DELAYS_MS = (500, 1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000)


def _tts_module() -> tuple[ModuleType | None, str]:
    """QtTextToSpeech, or None and why (the add-on missing, or a system library it needs,
    such as libpulse.so.0, missing: the import error names it)."""

    # Loading QtMultimedia (under QtTextToSpeech) warns when PipeWire is absent, which is
    # normal here; a Qt warning would also fail the UI tests. Log it for staff instead.
    def quiet(kind: Any, context: Any, message: str) -> bool:
        if context.category != "qt.multimedia.symbolsresolver":
            return False  # on to the handler before, e.g. pytest-qt's
        log.info("Qt, loading QtTextToSpeech: %s", message)
        return True

    try:
        with qt_messages_through(quiet):
            from PySide6 import QtTextToSpeech
    except ModuleNotFoundError:
        return None, "speech add-on QtTextToSpeech not installed (PySide6-Addons)"
    except ImportError as error:  # the add-on is there, a system library it needs is not
        return None, f"cannot load QtTextToSpeech: {error} (see the README's package list)"
    return QtTextToSpeech, ""


def default_engine(available: list[str]) -> str | None:
    preferred = PLATFORM_ENGINES.get(sys.platform, PLATFORM_ENGINES["linux"])
    return next((name for name in preferred if name in available), None)


class _SpeechThread:
    """The one speech thread of the process, shared by the background Speakers: two speechd
    engines starting at once on two threads crashed inside libspeechd here (tests), so
    engines start one after the other on it. It starts with its first user and ends,
    waited for, with its last (a QThread deleted while it runs aborts the process); at exit
    at the latest."""

    def __init__(self) -> None:
        self.thread: QThread | None = None
        self.users = 0
        # Every host moved to the thread is kept referenced until the thread ends: its Python
        # wrapper owns it and must never delete it from the GUI thread; each is deleted on
        # the speech thread instead (by deleteLater(), once: "hosts" are those not yet told).
        self.hosts: list[EngineHost] = []
        self.retired: list[EngineHost] = []

    def join(self, host: EngineHost) -> QThread:
        if self.thread is None:
            self.thread = QThread()
            self.thread.setObjectName("speech")
            self.thread.start()
        self.users += 1
        self.hosts.append(host)
        host.moveToThread(self.thread)
        return self.thread

    def leave(self, host: EngineHost) -> None:
        if host not in self.hosts:  # the thread ended already (at exit, say)
            return
        self.hosts.remove(host)
        self.retired.append(host)
        host.deleteLater()  # with its engine, in the speech thread
        self.users -= 1
        if self.users == 0:
            self.stop()

    def stop(self) -> None:
        thread, self.thread, self.users = self.thread, None, 0
        if thread is None:
            return
        for host in self.hosts:
            host.deleteLater()
        thread.quit()  # what was deleteLater()'d is deleted as the thread ends
        if not thread.wait(STOP_WAIT_MS):  # an engine still starting cannot be cut short
            log.warning("read-aloud: the speech engine did not stop in time")
            _STUCK.append((thread, self.hosts + self.retired))  # never deleted while it runs
        self.hosts, self.retired = [], []


_STUCK: list[tuple[QThread, list[EngineHost]]] = []
_SPEECH_THREAD = _SpeechThread()
atexit.register(_SPEECH_THREAD.stop)


class _Leave:
    """Hands a Speaker's host back to the speech thread once: on close() or deletion (kept
    apart from the Speaker, whose ``destroyed`` signal comes when it is half gone)."""

    def __init__(self, host: EngineHost, shared: _SpeechThread) -> None:
        self.host: EngineHost | None = host
        self.shared = shared

    def __call__(self, *_: object) -> None:
        host, self.host = self.host, None
        if host is not None:
            self.shared.leave(host)


class Speaker(QObject):
    state_changed = Signal(str)  # "ready", "speaking", "paused", "error"
    voices_changed = Signal()  # the engine came up or found voices: ask can_speak() again
    # To the engine host (queued when it is on the speech thread):
    _start = Signal(str, object)  # engine name, languages
    _find = Signal()
    _say = Signal(str, object)  # text, voice
    _control = Signal(str)  # "pause", "resume", "stop", "drop"

    def __init__(
        self,
        engine: str | None = None,
        parent: QObject | None = None,
        languages: tuple[str, ...] | list[str] = (),
        retry_delays_ms: tuple[int, ...] = RETRY_DELAYS_MS,
        background: bool = False,
    ) -> None:
        """``languages``: those the kiosk offers; attempts go on while one has no voice.
        ``background``: start and use the engine on a speech thread, so that a slow engine
        never blocks the GUI thread (answers then come later, by ``voices_changed``);
        without it everything is done at once, in the caller's thread."""
        super().__init__(parent)
        self._up = False  # the engine started and was not given up
        self._waiting = False  # an answer from the engine host is due
        self._reason, self._state, self.engine = "", "error", ""  # engine: its name once it works
        self._voices: dict[str, Any] = {}  # language -> voice or None
        self._no_voice = False  # the engine is up but has no voice at all yet
        self._watchdog = QTimer(self, singleShot=True)
        self._watchdog.timeout.connect(self._on_stuck)
        self._wanted = tuple(languages)
        self._delays = tuple(retry_delays_ms)
        self.attempts = 0  # made so far, the first one included
        self._given_up = False  # nothing to start, or an engine that got stuck speaking
        self._retry = QTimer(self, singleShot=True)
        self._retry.timeout.connect(self._attempt)
        self._host: EngineHost | None = None
        self._thread: QThread | None = None  # the speech thread, while this one uses it
        self._leave: _Leave | None = None
        module, why = _tts_module()
        available = module.QTextToSpeech.availableEngines() if module else []
        self._name: str = engine or default_engine(available) or ""
        if module is None:
            self._reason = why
        elif not self._name:
            self._reason = f"no speech engine (found: {', '.join(available) or 'none'})"
        elif self._name not in available:  # checked first: Qt logs a critical for unknown ones
            self._reason = f"speech engine {self._name} not installed"
        if self._reason:  # nothing will change while the kiosk runs: no point trying again
            log.warning("read-aloud unavailable: %s", self._reason)
            self._given_up = True
            return
        host = EngineHost(module, None if background else self)
        self._host = host
        if background:
            self._thread = _SPEECH_THREAD.join(host)
            self._leave = _Leave(host, _SPEECH_THREAD)
            self.destroyed.connect(self._leave)
            app = QCoreApplication.instance()
            if app is not None:
                app.aboutToQuit.connect(self.close)
        self._start.connect(host.start)
        self._find.connect(host.find_voices)
        self._say.connect(host.say)
        self._control.connect(host.control)
        host.started.connect(self._on_started)
        host.voices_found.connect(self._on_voices)
        host.state_changed.connect(self._on_state)
        self._attempt()

    @property
    def retrying(self) -> bool:
        """Attempts go on: one is planned, or its answer is awaited."""
        return self._retry.isActive() or self._waiting

    @property
    def speech_thread(self) -> QThread | None:
        """The thread the engine lives on, while this Speaker uses it (background only)."""
        return self._thread

    def close(self) -> None:
        """Let the engine go, and end the speech thread if no other Speaker uses it (waits
        for an engine still starting); also done when the Speaker is deleted or the
        application quits."""
        self._retry.stop()
        self._watchdog.stop()
        self._given_up = True
        self._up, self._voices, self._waiting = False, {}, False
        self._thread = None
        if self._leave is not None:
            self._leave()

    def retry(self) -> None:
        """Try again from the shortest delay (e.g. between two visits); no-op if all is well
        or if nothing can change (no add-on, no engine installed, an engine stuck speaking)."""
        if self._given_up:
            return
        self.attempts = 0
        if not self._retry.isActive() and not self._waiting:
            self._attempt()

    def _attempt(self) -> None:
        """Start the engine if it is not up, else look for voices again; the answer comes by
        _on_started or _on_voices (at once without a speech thread). Never waits."""
        self.attempts += 1
        self._waiting = True
        if self._up:
            self._find.emit()
        else:
            self._start.emit(self._name, self._wanted)

    def _on_started(self, reason: str, voices: dict[str, Any] | None) -> None:
        if self._given_up:  # closed meanwhile
            return
        if reason:
            self._reason = f"speech engine {self._name} failed to start: {reason}"
        else:
            self._up, self._state, self.engine, self._reason = True, "ready", self._name, ""
        self._settle(started=not reason, voices=voices)

    def _on_voices(self, voices: dict[str, Any] | None) -> None:
        if not self._given_up:
            self._settle(started=False, voices=voices)

    def _settle(self, started: bool, voices: dict[str, Any] | None) -> None:
        """Tell the reader what changed; plan the next attempt while something is missing."""
        self._waiting = False
        found_before = {lang for lang in self._wanted if self._voices.get(lang) is not None}
        # A language with no voice a moment ago may have one now: the old answers go.
        self._voices = dict(voices or {}) if self._up else {}
        self._no_voice = self._up and voices is None
        missing = self._missing()
        found = {lang for lang in self._wanted if lang not in missing}
        if started or found != found_before:
            if not missing:
                log.info("read-aloud ready (engine %s, attempt %d)", self.engine, self.attempts)
            self.voices_changed.emit()
        if missing:
            self._plan_next(missing)

    def _missing(self) -> list[str]:
        """What is still lacking: the engine ("engine"), any voice ("voices"), or languages."""
        if not self._up:
            return ["engine"]
        if self._no_voice:
            return ["voices"]
        return [lang for lang in self._wanted if self._voice_for(lang) is None]

    def _plan_next(self, missing: list[str]) -> None:
        what = self._reason or f"no voice yet for {', '.join(missing)}"
        if self.attempts == 1:
            log.warning("read-aloud not available yet: %s; trying again", what)
        if self.attempts > len(self._delays):
            log.warning("read-aloud: gave up after %d attempts: %s", self.attempts, what)
            return
        self._retry.start(self._delays[self.attempts - 1])

    @property
    def state(self) -> str:
        return self._state

    def can_speak(self, language: str) -> bool:
        return self._voice_for(language) is not None

    def unavailable_reason(self, language: str) -> str:
        """Why `language` cannot be read aloud, for the staff log; "" when it can."""
        if self._up and self._voice_for(language) is None:
            name = QLocale.languageToString(QLocale(language).language())
            return f"no {name} voice in engine {self.engine}"
        if not self._up and not self._reason and self._waiting:
            return f"speech engine {self._name} still starting"
        return self._reason  # "" while the engine works

    def speak(self, text: str, language: str) -> None:
        """Read plain text aloud in the language, interrupting anything being read."""
        voice = self._voice_for(language)
        if voice is None:
            log.warning("read-aloud refused: %s", self.unavailable_reason(language))
            return
        self._watchdog.start(WATCHDOG_MS[0] + len(text) * WATCHDOG_MS[1])
        self._say.emit(text, voice)

    def pause(self) -> None:
        if self._state == "speaking":  # so never without an engine
            self._control.emit("pause")

    def resume(self) -> None:
        if self._state == "paused":
            self._control.emit("resume")

    def stop(self) -> None:
        if self._up:
            self._control.emit("stop")

    def _voice_for(self, language: str) -> Any:
        """The voice found for the language (see speech_start.voice_for), or None. Without a
        speech thread any language can be asked at once; with one, those wanted only."""
        if not self._up:
            return None
        if language not in self._voices and self._thread is None and self._host is not None:
            self._voices[language] = self._host.voice_for(language)
        return self._voices.get(language)

    def _on_state(self, value: int) -> None:
        name = STATES[value] if self._up and 0 <= value < len(STATES) else "error"
        if name != "speaking":
            self._watchdog.stop()
        elif not self._watchdog.isActive():  # resumed: paused time does not count
            self._watchdog.start()
        if name != self._state:
            self._state = name
            self.state_changed.emit(name)

    def _on_stuck(self) -> None:
        # speechd without a working audio output never leaves "Speaking", and stop() does
        # not help. The idle wipe waits for speech to end: give up rather than block it.
        if self._state == "speaking":
            self._reason = f"engine {self.engine} never finished speaking (no audio output?)"
            log.error("read-aloud disabled: %s", self._reason)
            self._retry.stop()
            self._given_up = True
            self._control.emit("drop")
            self._up = False
            self._on_state(-1)
