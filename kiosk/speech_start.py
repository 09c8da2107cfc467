"""The speech engine's side of read-aloud: one QObject that builds the QTextToSpeech engine,
looks up its voices and reads text, in the thread it lives in.

The Speaker (GUI thread) talks to it only through signals: on the kiosk's speech thread they
are queued, so nothing the engine does waits on the GUI thread; left in the GUI thread (the
tests' mock engine) they are direct calls and everything happens at once.

PySide6 keeps the interpreter lock while a Qt function runs, so building the engine from
Python on another thread would still freeze every Python slot of the GUI thread for the
~2.6 s speechd takes. The engine is therefore created empty ("none") and started by
``setEngine``, a Q_INVOKABLE queued to the speech thread: Qt's event loop calls it there,
without the lock. Looking up voices takes a few milliseconds (a handful of locales, not the
13,000 voices).

No widgets here, and never the text spoken in a log line.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import (
    Q_ARG,
    QCoreApplication,
    QLocale,
    QMetaObject,
    QObject,
    Qt,
    QThread,
    Signal,
    Slot,
)

log = logging.getLogger("kiosk.speech")

# Else QLocale(code).name(); espeak-ng's en_US voice is "English (Caribbean)".
PREFERRED_LOCALES = {"en": "en_GB"}


def voice_for(tts: Any, language: str, locales: list[Any] | None = None) -> Any:
    """The engine's first (plain, no "+variant") voice for the language's best locale, or
    None. ``locales``: the engine's availableLocales(), if already asked."""
    wanted = QLocale(language).language()  # QLocale.Language.C for an unknown code
    if wanted == QLocale.Language.C:
        return None
    locales = tts.availableLocales() if locales is None else locales
    names = {locale.name() for locale in locales if locale.language() == wanted}
    preferred = PREFERRED_LOCALES.get(language, QLocale(language).name())
    name = preferred if preferred in names else min(names, default="")
    if not name:
        return None
    voices = [v for v in tts.allVoices(QLocale(name)) if v.locale().name() == name]
    return voices[0] if voices else None


def voices_for(tts: Any, languages: tuple[str, ...]) -> dict[str, Any] | None:
    """A voice or None per language; None when the engine has no voice at all yet."""
    locales = tts.availableLocales()
    if not locales:
        return None
    return {language: voice_for(tts, language, locales) for language in languages}


class EngineHost(QObject):
    """Owns the QTextToSpeech engine; lives on the speech thread (or the GUI thread)."""

    # Outcome of start(): why it failed ("" when up), voices as voices_for() gives them.
    started = Signal(str, object)
    voices_found = Signal(object)  # voices_for() again, on request
    state_changed = Signal(int)  # QTextToSpeech.State's value

    def __init__(self, module: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._module = module  # QtTextToSpeech (or a stand-in)
        self._tts: Any = None
        self._starting: Any = None  # an engine being built, kept referenced until it is
        self._languages: tuple[str, ...] = ()

    @Slot(str, object)
    def start(self, name: str, languages: tuple[str, ...]) -> None:
        """Build the engine; answers by ``started``. Off the GUI thread the slow part runs in
        Qt's event loop (see the module's docstring)."""
        self._languages = tuple(languages)
        tts = self._module.QTextToSpeech("none", self)  # empty: quick
        self._starting = tts
        tts.engineChanged.connect(self._on_engine)
        if self.thread() == self._main_thread():
            tts.setEngine(name)  # in the GUI thread anyway: at once
        else:
            QMetaObject.invokeMethod(
                tts, "setEngine", Qt.ConnectionType.QueuedConnection, Q_ARG(str, name)
            )

    @staticmethod
    def _main_thread() -> QThread | None:
        app = QCoreApplication.instance()
        return app.thread() if app is not None else None

    def _on_engine(self, _name: str = "") -> None:
        tts, self._starting = self._starting, None
        if tts is None:
            return
        if tts.state() == tts.State.Error:  # e.g. speech-dispatcher not reachable yet
            reason = tts.errorString() or "no engine"
            tts.deleteLater()
            self.started.emit(reason, None)
            return
        self._tts = tts
        tts.stateChanged.connect(self._on_state)
        tts.errorOccurred.connect(self._on_error)
        self.started.emit("", voices_for(tts, self._languages))

    @Slot()
    def find_voices(self) -> None:
        if self._tts is not None:
            self.voices_found.emit(voices_for(self._tts, self._languages))

    def voice_for(self, language: str) -> Any:
        """Direct lookup, for a host in the caller's thread only."""
        return None if self._tts is None else voice_for(self._tts, language)

    @Slot(str, object)
    def say(self, text: str, voice: Any) -> None:
        tts = self._tts
        if tts is None:
            return
        if tts.voice() != voice:
            tts.setLocale(voice.locale())
            tts.setVoice(voice)
        tts.say(text)

    @Slot(str)
    def control(self, action: str) -> None:
        """ "pause", "resume", "stop", or "drop" (stop, then let the engine go)."""
        tts = self._tts
        if tts is None:
            return
        if action == "drop":
            self._tts = None
            tts.stop()
            tts.deleteLater()
        elif action in ("pause", "resume", "stop"):
            getattr(tts, action)()

    def _on_state(self, state: Any) -> None:
        self.state_changed.emit(int(getattr(state, "value", state)))

    def _on_error(self, _reason: Any, message: str) -> None:
        log.error("read-aloud error: %s", message)
