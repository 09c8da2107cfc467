"""Medical words a patient may not know: built-in lists, extended per topic by ``terms.txt``.

A topic folder may hold ``terms.txt``: UTF-8, one term per line, blank lines and lines
starting with ``#`` ignored. Terms are matched whole-word and case-insensitively, with a
plural or feminine ending (s, x, e, es) allowed; write irregular forms on their own line
("metastases"). A term counts as explained when a glossary word or one of its other forms
contains it ("anesthésie" is explained by "Anesthésie générale").
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from kiosk.content import ContentProblem, Topic
from kiosk.content.source_text import read_source

TERMS_FILE = "terms.txt"

BUILT_IN: dict[str, tuple[str, ...]] = {
    "fr": (
        "abcès", "anémie", "anesthésie", "anévrisme", "angiographie", "antalgique",
        "antiagrégant", "antibiotique", "anticoagulant", "arthrose", "asepsie", "biopsie",
        "canule", "cathéter", "chimiothérapie", "cimentoplastie", "contre-indication",
        "cyphoplastie", "embolie", "embolisation", "endoscopie", "échographie", "hématome",
        "hémorragie", "infiltration", "intubation", "IRM", "lésion", "métastase", "myélome",
        "nécrose", "ostéoporose", "ostéosynthèse", "percutané", "prothèse", "radiothérapie",
        "scanner", "scintigraphie", "scopie", "sédation", "thrombose", "trocart", "tumeur",
        "vertèbre", "vertébroplastie",
    ),
    "en": (
        "abscess", "anaesthesia", "analgesic", "anemia", "anesthesia", "aneurysm",
        "angiography", "antibiotic", "anticoagulant", "asepsis", "biopsy", "cannula",
        "catheter", "cementoplasty", "chemotherapy", "contraindication", "embolism",
        "embolization", "endoscopy", "fluoroscopy", "haematoma", "hematoma", "hemorrhage",
        "infiltration", "intubation", "kyphoplasty", "lesion", "metastases", "metastasis",
        "MRI", "myeloma", "necrosis", "osteoporosis", "osteosynthesis", "percutaneous",
        "prosthesis", "radiotherapy", "scintigraphy", "sedation", "thrombosis", "trocar",
        "tumor", "tumour", "ultrasound", "vertebra", "vertebroplasty",
    ),
}  # fmt: skip


def fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


@cache
def pattern(term: str) -> re.Pattern[str]:
    """Whole-word, case-insensitive match of ``term`` with an optional plural ending."""
    words = [re.escape(word) + r"(?:s|x|e|es)?" for word in fold(term).split()]
    return re.compile(r"(?<![\w-])" + r"\s+".join(words) + r"(?![\w-])", re.IGNORECASE)


def load_terms(topic: Topic, problems: list[ContentProblem]) -> tuple[str, ...]:
    """Built-in terms for the topic's language, plus the topic's own ``terms.txt``."""
    return combined(topic.language, own_terms(topic, problems))


def combined(language: str, own: tuple[str, ...]) -> tuple[str, ...]:
    """Built-in terms for ``language`` followed by a topic's own, without repeats."""
    return tuple(dict.fromkeys(BUILT_IN.get(language, ()) + own))


def own_terms(topic: Topic, problems: list[ContentProblem]) -> tuple[str, ...]:
    """The topic's ``terms.txt`` alone (empty without one); reading problems are added to
    ``problems``."""
    path = topic.folder / TERMS_FILE
    # A link or a pipe there is reported by read_source, never silently skipped.
    return tuple(_read_terms(path, problems)) if os.path.lexists(path) else ()


def _read_terms(path: Path, problems: list[ContentProblem]) -> list[str]:
    text, read_problems = read_source(path)  # the same size and encoding rules as content
    problems.extend(read_problems)
    if text is None:
        return []
    terms = []
    for line in text.splitlines():
        term = " ".join(line.split())
        if term and not term.startswith("#"):
            terms.append(term)
    return terms


def undefined_terms(text: str, terms: Iterable[str], glossary_forms: Iterable[str]) -> list[str]:
    """Terms used in ``text`` that no glossary form explains, in order of first use.

    Each is returned as written in the text (first occurrence).
    """
    forms = [fold(form) for form in glossary_forms]
    folded = fold(text)
    found: list[tuple[int, str]] = []
    for term in terms:
        words = fold(term).split()
        if not words or words[0] not in folded:  # cheap test first: most terms are absent
            continue
        match = pattern(term).search(folded)
        if match is None or any(pattern(term).search(form) for form in forms):
            continue
        found.append((match.start(), text_at(text, folded, match)))
    unique = dict(sorted(found, reverse=True))  # two terms matching one place: keep one
    return [word for _, word in sorted(unique.items())]


def text_at(text: str, folded: str, match: re.Match[str]) -> str:
    """The matched words as written in the original text (folding keeps lengths for the
    scripts used here; fall back to the folded form otherwise)."""
    if len(text) == len(folded):
        return text[match.start() : match.end()]
    return match.group(0)
