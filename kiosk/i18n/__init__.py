"""UI languages through Qt's translation system.

Source strings are French (the default language). Each other language is one compiled file
``kiosk_<code>.qm`` beside this module; adding a language adds files, not code.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

SOURCE_LANGUAGE = "fr"
FOLDER = Path(__file__).resolve().parent
_translators: dict[str, QTranslator] = {}
_installed: QTranslator | None = None


def translator(language: str) -> QTranslator | None:
    """The loaded translator for a language, or None for French or a missing file."""
    if language == SOURCE_LANGUAGE:
        return None
    if language not in _translators:
        candidate = QTranslator()
        if not candidate.load(str(FOLDER / f"kiosk_{language}.qm")):
            return None
        _translators[language] = candidate
    return _translators[language]


def use_language(language: str) -> bool:
    """Switch the whole UI's language; False when no translation exists for it."""
    global _installed
    app = QCoreApplication.instance()
    if _installed is not None and app is not None:
        app.removeTranslator(_installed)
        _installed = None
    found = translator(language)
    if found is not None and app is not None:
        app.installTranslator(found)
        _installed = found
    return language == SOURCE_LANGUAGE or found is not None


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
