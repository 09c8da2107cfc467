"""Read-aloud: the one module that talks to a speech engine, offline engines only.

No widgets. QtTextToSpeech (PySide6-Addons) is imported lazily: without it, an engine or a
voice, the Speaker is simply unavailable and the staff log says why; never the text spoken.

An engine that is installed but not ready yet (speech-dispatcher still starting after a
fresh boot, its voice modules still loading) is tried again on a timer with a growing,
bounded delay, and ``voices_changed`` tells the reader to show "Écouter" once a voice is
there: read-aloud no longer needs a restart of the kiosk to come back.
"""

from __future__ import annotations

import logging
import sys
from types import ModuleType
from typing import Any

from PySide6.QtCore import QLocale, QObject, QTimer, Signal

from kiosk.process import qt_messages_through

log = logging.getLogger(__name__)

# Offline engines by platform, best first: never a network engine, nor Qt's silent "mock".
PLATFORM_ENGINES = {"linux": ("speechd",), "win32": ("winrt", "sapi"), "darwin": ("darwin",)}
# Else QLocale(code).name(); espeak-ng's en_US voice is "English (Caribbean)".
PREFERRED_LOCALES = {"en": "en_GB"}
STATES = ("ready", "speaking", "paused", "error", "speaking")  # QTextToSpeech.State order
WATCHDOG_MS = (10_000, 200)  # longest believable reading: 10 s + 200 ms a character
# Delays between attempts to start the engine or find its voices: quick at first (the
# daemon is usually up within a second or two), then sparser, for about two minutes in all.
# Each attempt runs on the event loop and a failed one returns at once.
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


class Speaker(QObject):
    state_changed = Signal(str)  # "ready", "speaking", "paused", "error"
    voices_changed = Signal()  # the engine came up or found voices: ask can_speak() again

    def __init__(
        self,
        engine: str | None = None,
        parent: QObject | None = None,
        languages: tuple[str, ...] | list[str] = (),
        retry_delays_ms: tuple[int, ...] = RETRY_DELAYS_MS,
    ) -> None:
        """``languages``: those the kiosk offers; attempts go on while one has no voice."""
        super().__init__(parent)
        self._tts: Any = None
        self._reason, self._state, self.engine = "", "error", ""  # engine: its name once it works
        self._voices: dict[str, Any] = {}  # language -> voice; speechd lists 13,000 voices
        self._watchdog = QTimer(self, singleShot=True)
        self._watchdog.timeout.connect(self._on_stuck)
        self._wanted = tuple(languages)
        self._delays = tuple(retry_delays_ms)
        self.attempts = 0  # made so far, the first one included
        self._given_up = False  # nothing to start, or an engine that got stuck speaking
        self._retry = QTimer(self, singleShot=True)
        self._retry.timeout.connect(self._attempt)
        self._module: Any
        self._module, why = _tts_module()
        available = self._module.QTextToSpeech.availableEngines() if self._module else []
        self._name: str = engine or default_engine(available) or ""
        if self._module is None:
            self._reason = why
        elif not self._name:
            self._reason = f"no speech engine (found: {', '.join(available) or 'none'})"
        elif self._name not in available:  # checked first: Qt logs a critical for unknown ones
            self._reason = f"speech engine {self._name} not installed"
        if self._reason:  # nothing will change while the kiosk runs: no point trying again
            log.warning("read-aloud unavailable: %s", self._reason)
            self._given_up = True
            return
        self._attempt()

    @property
    def retrying(self) -> bool:
        return self._retry.isActive()

    def retry(self) -> None:
        """Try again from the shortest delay (e.g. between two visits); no-op if all is well
        or if nothing can change (no add-on, no engine installed, an engine stuck speaking)."""
        if self._given_up:
            return
        self.attempts = 0
        if not self._retry.isActive():
            self._attempt()

    def _attempt(self) -> None:
        """Start the engine if it is not up, then look for voices; plan the next attempt
        while something is missing. Never waits: a failed start returns at once."""
        self.attempts += 1
        found_before = {lang for lang in self._wanted if self._voices.get(lang) is not None}
        started = self._tts is None and self._start_engine()
        self._voices.clear()  # a language with no voice a moment ago may have one now
        missing = self._missing()
        found = {lang for lang in self._wanted if lang not in missing}
        if started or found != found_before:
            if not missing:
                log.info("read-aloud ready (engine %s, attempt %d)", self.engine, self.attempts)
            self.voices_changed.emit()
        if missing:
            self._plan_next(missing)

    def _start_engine(self) -> bool:
        tts = self._module.QTextToSpeech(self._name, self)
        if tts.state() == tts.State.Error:  # e.g. speech-dispatcher not reachable yet
            self._reason = f"speech engine {self._name} failed to start: {tts.errorString()}"
            tts.deleteLater()
            return False
        self._tts, self._state, self.engine, self._reason = tts, "ready", self._name, ""
        tts.stateChanged.connect(self._on_state)
        tts.errorOccurred.connect(lambda _, msg: log.error("read-aloud error: %s", msg))
        return True

    def _missing(self) -> list[str]:
        """What is still lacking: the engine ("engine"), any voice ("voices"), or languages."""
        if self._tts is None:
            return ["engine"]
        if not self._tts.allVoices(None):
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
        if self._tts is not None and self._voice_for(language) is None:
            name = QLocale.languageToString(QLocale(language).language())
            return f"no {name} voice in engine {self.engine}"
        return self._reason  # "" while the engine works

    def speak(self, text: str, language: str) -> None:
        """Read plain text aloud in the language, interrupting anything being read."""
        voice = self._voice_for(language)
        if voice is None:
            log.warning("read-aloud refused: %s", self.unavailable_reason(language))
            return
        if self._tts.voice() != voice:
            self._tts.setLocale(voice.locale())
            self._tts.setVoice(voice)
        self._watchdog.start(WATCHDOG_MS[0] + len(text) * WATCHDOG_MS[1])
        self._tts.say(text)

    def pause(self) -> None:
        if self._state == "speaking":  # so never without an engine
            self._tts.pause()

    def resume(self) -> None:
        if self._state == "paused":
            self._tts.resume()

    def stop(self) -> None:
        if self._tts is not None:
            self._tts.stop()

    def _voice_for(self, language: str) -> Any:
        """The engine's first (plain, no "+variant") voice for the language's best locale."""
        if self._tts is None:
            return None
        if language in self._voices:
            return self._voices[language]
        wanted = QLocale(language).language()  # QLocale.Language.C for an unknown code
        voices = [v for v in self._tts.allVoices(None) if v.locale().language() == wanted]
        names = {v.locale().name() for v in voices if wanted != QLocale.Language.C}
        preferred = PREFERRED_LOCALES.get(language, QLocale(language).name())
        locale = preferred if preferred in names else min(names, default="")
        self._voices[language] = next((v for v in voices if v.locale().name() == locale), None)
        return self._voices[language]

    def _on_state(self, state: Any) -> None:
        name = STATES[state.value] if self._tts is not None else "error"
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
            self._tts.stop()
            self._tts = None
            self._on_state(None)
