"""UI languages through Qt's translation system.

Source strings are French (the default language). Each other language is one compiled file
``kiosk_<code>.qm`` beside this module; adding a language adds files, not code.

The translators live in a ``Translations`` object, a child of the Qt application: the app
object (kiosk/app.py) makes it and releases it when it ends. This module only lists the
live ones, to find an application's own without asking the application for its children
(that makes a Python object, and a Python type, of each: its style's among them, ~6-12 ms
before the first frame).
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTranslator
from shiboken6 import Shiboken

SOURCE_LANGUAGE = "fr"
FOLDER = Path(__file__).resolve().parent


class Translations(QObject):
    """The loaded translators (its children) and the one installed in the application."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.setObjectName("kiosk translations")
        self._loaded: dict[str, QTranslator] = {}
        self.installed: QTranslator | None = None
        _LIVE.append(self)

    def translator(self, language: str) -> QTranslator | None:
        """The loaded translator for a language, or None for French or a missing file."""
        if language == SOURCE_LANGUAGE:
            return None
        if language not in self._loaded:
            candidate = QTranslator(self)
            if not candidate.load(str(FOLDER / f"kiosk_{language}.qm")):
                candidate.setParent(None)
                return None
            self._loaded[language] = candidate
        return self._loaded[language]

    def use(self, language: str) -> bool:
        """Switch the whole UI's language; False when no translation exists for it."""
        app = QCoreApplication.instance()
        if self.installed is not None and app is not None:
            app.removeTranslator(self.installed)
            self.installed = None
        found = self.translator(language)
        if found is not None and app is not None:
            app.installTranslator(found)
            self.installed = found
        return language == SOURCE_LANGUAGE or found is not None

    def release(self) -> None:
        """Out of the application: no translator installed, none kept."""
        self.use(SOURCE_LANGUAGE)
        self.setParent(None)
        self._loaded.clear()
        if self in _LIVE:
            _LIVE.remove(self)


_LIVE: list[Translations] = []


def of_application(app: QCoreApplication) -> list[Translations]:
    """The Translations objects that ``app`` holds (one, or none)."""
    _LIVE[:] = [t for t in _LIVE if Shiboken.isValid(t)]  # gone with an earlier application
    return [t for t in _LIVE if t.parent() is app]


def translations() -> Translations | None:
    """The running application's translations, made on first use when no app object made
    them (the checker, the self-test, a test's bare window); None without an application."""
    app = QCoreApplication.instance()
    if app is None:
        return None
    found = of_application(app)
    return found[0] if found else Translations(app)


def translator(language: str) -> QTranslator | None:
    """The loaded translator for a language, or None for French or a missing file."""
    owner = translations()
    if owner is not None:
        return owner.translator(language)
    candidate = QTranslator()  # no application: loaded for this call only
    return candidate if candidate.load(str(FOLDER / f"kiosk_{language}.qm")) else None


def use_language(language: str) -> bool:
    """Switch the whole UI's language; False when no translation exists for it."""
    owner = translations()
    if owner is None:
        return language == SOURCE_LANGUAGE or translator(language) is not None
    return owner.use(language)


def translate_in(language: str, context: str, text: str) -> str:
    """One string in a given language, whatever the UI language is (attract screen)."""
    found = translator(language)
    return (found.translate(context, text) or text) if found is not None else text


NAMES = {"fr": "Français", "en": "English"}  # Qt would say "American English"


def language_name(code: str) -> str:
    """A language named in itself: "Français", "English", or Qt's native name for others."""
    if code in NAMES:
        return NAMES[code]
    name = QLocale(code).nativeLanguageName()
    return name[:1].upper() + name[1:] if name else code


_PLACEHOLDER = re.compile(r"%(\d)")


def fill(text: str, *values: object) -> str:
    """Qt-style placeholders (%1, %2, …) of a translated text, filled in one pass: a value
    that itself contains "%2" (a patient's question) is never filled again."""

    def value(match: re.Match[str]) -> str:
        number = int(match.group(1))
        return str(values[number - 1]) if 0 < number <= len(values) else match.group(0)

    return _PLACEHOLDER.sub(value, text)
