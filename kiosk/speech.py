"""Read-aloud: the one module that talks to a speech engine, offline engines only.

No widgets. QtTextToSpeech (PySide6-Addons) is imported lazily: without it, an engine or a
voice, the Speaker is simply unavailable and the staff log says why; never the text spoken.
"""

from __future__ import annotations

import logging
import sys
from types import ModuleType
from typing import Any

from PySide6.QtCore import QLocale, QObject, QTimer, Signal, qInstallMessageHandler

log = logging.getLogger(__name__)

# Offline engines by platform, best first: never a network engine, nor Qt's silent "mock".
PLATFORM_ENGINES = {"linux": ("speechd",), "win32": ("winrt", "sapi"), "darwin": ("darwin",)}
# Else QLocale(code).name(); espeak-ng's en_US voice is "English (Caribbean)".
PREFERRED_LOCALES = {"en": "en_GB"}
STATES = ("ready", "speaking", "paused", "error", "speaking")  # QTextToSpeech.State order
WATCHDOG_MS = (10_000, 200)  # longest believable reading: 10 s + 200 ms a character


def _tts_module() -> ModuleType | None:
    # Loading QtMultimedia (under QtTextToSpeech) warns when PipeWire is absent, which is
    # normal here; a Qt warning would also fail the UI tests. Log it for staff instead.
    def quiet(kind: Any, context: Any, message: str) -> None:
        if context.category != "qt.multimedia.symbolsresolver" and previous is not None:
            previous(kind, context, message)  # e.g. pytest-qt's
        else:
            log.info("Qt, loading QtTextToSpeech: %s", message)

    previous = qInstallMessageHandler(quiet)
    try:
        from PySide6 import QtTextToSpeech
    except ImportError as error:  # no PySide6-Addons, or a missing system library (libpulse)
        log.warning("read-aloud unavailable: cannot load QtTextToSpeech (%s)", error)
        return None
    finally:
        qInstallMessageHandler(previous)
    return QtTextToSpeech


def default_engine(available: list[str]) -> str | None:
    preferred = PLATFORM_ENGINES.get(sys.platform, PLATFORM_ENGINES["linux"])
    return next((name for name in preferred if name in available), None)


class Speaker(QObject):
    state_changed = Signal(str)  # "ready", "speaking", "paused", "error"

    def __init__(self, engine: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tts: Any = None
        self._reason, self._state, self.engine = "", "error", ""  # engine: its name once it works
        self._voices: dict[str, Any] = {}  # language -> voice; speechd lists 13,000 voices
        self._watchdog = QTimer(self, singleShot=True)
        self._watchdog.timeout.connect(self._on_stuck)
        module = _tts_module()
        available = module.QTextToSpeech.availableEngines() if module else []
        name = engine or default_engine(available)
        if module is None:
            self._reason = "speech add-on QtTextToSpeech not installed (PySide6-Addons)"
        elif name is None:
            self._reason = f"no speech engine (found: {', '.join(available) or 'none'})"
        elif name not in available:  # checked first: Qt logs a critical for unknown plugins
            self._reason = f"speech engine {name} not installed"
        elif (tts := module.QTextToSpeech(name, self)).state() == tts.State.Error:
            self._reason = f"speech engine {name} failed to start: {tts.errorString()}"
        else:
            self._tts, self._state, self.engine = tts, "ready", name
            tts.stateChanged.connect(self._on_state)
            tts.errorOccurred.connect(lambda _, msg: log.error("read-aloud error: %s", msg))
        if self._reason:
            log.warning("read-aloud unavailable: %s", self._reason)

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
            self._tts.stop()
            self._tts = None
            self._on_state(None)
