"""Words, sentences, syllables and readability scores for French and English text.

Syllables are spoken syllables, counted by rule (:mod:`~kiosk.checker.syllables_fr`,
:mod:`~kiosk.checker.syllables_en`): both formulas were calibrated on what is said, and
hyphenation points undercount exactly the long medical words ("ostéoporose" 4 for 5).

- French, Kandel–Moles: L = 207 − 1.015 × words/sentence − 73.6 × syllables/word.
- English, Flesch reading ease: 206.835 − 1.015 × words/sentence − 84.6 × syllables/word.

Higher is easier. Only what the patient reads as the page's text is scored: headers are
not part of it, and metadata lines such as "Source : …" are left out (:func:`scored_text`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kiosk.checker import syllables_en, syllables_fr

COUNTERS = {"fr": syllables_fr.count, "en": syllables_en.count}
FORMULA_NAMES = {"fr": "Kandel–Moles", "en": "Flesch reading ease"}
VOWELS = set("aeiouyàâäéèêëîïôöùûüÿœæ")
APOSTROPHES = "'’"
# Lines that say where the text comes from, not what the patient should understand.
METADATA_LINE = re.compile(r"^\s*sources?\s*:", re.IGNORECASE)

# A word is letters, possibly joined by hyphens or apostrophes ("l'os", "mini-invasif");
# a number is digits, possibly with a decimal separator ("1,5", "2.5").
TOKEN = re.compile(r"(?P<word>[^\W\d_]+(?:['’-][^\W\d_]+)*)|(?P<number>\d+(?:[.,]\d+)*)")
# A sentence ends with . ! ? or … (possibly followed by closing quotes or brackets) and a
# space. A decimal point ("1.5") is not followed by a space, so it never ends a sentence.
SENTENCE_END = re.compile(r"(?<=[.!?…])[»\"”’)\]]*\s+")


@dataclass(frozen=True)
class Stats:
    sentences: int
    words: int
    syllables: int
    longest: int = 0  # words in the longest sentence

    @property
    def words_per_sentence(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def syllables_per_word(self) -> float:
        return self.syllables / self.words if self.words else 0.0


def supports(language: str) -> bool:
    return language in COUNTERS


def scored_text(text: str) -> str:
    """The page text without metadata lines ("Source : …"), which patients do not need
    to understand and which would drag every score down."""
    return "\n".join(line for line in text.split("\n") if not METADATA_LINE.match(line))


def split_sentences(text: str) -> list[str]:
    """Sentences of plain text; each line (a paragraph, a list item) ends a sentence."""
    sentences: list[str] = []
    for line in text.split("\n"):
        for sentence in SENTENCE_END.split(line.strip()):
            if words(sentence):
                sentences.append(sentence.strip())
    return sentences


def words(text: str) -> list[str]:
    """Words and numbers of ``text``, without punctuation."""
    return [match.group(0) for match in TOKEN.finditer(text)]


def syllables(token: str, language: str) -> int:
    """Syllables of one word or number in ``language`` ("fr" or "en")."""
    if token[0].isdigit():
        # A number is read aloud: about one syllable per digit ("24" vingt-quatre,
        # "100" one hundred), which is close enough in both languages.
        return max(1, sum(ch.isdigit() for ch in token))
    parts = re.split(r"(['’-])", token)
    total = 0
    for index in range(0, len(parts), 2):
        part = parts[index]
        before_apostrophe = index + 1 < len(parts) and parts[index + 1] in APOSTROPHES
        after_apostrophe = index > 0 and parts[index - 1] in APOSTROPHES
        if language == "fr" and before_apostrophe:
            # Elision: "l'os", "d'une", "qu'il", "jusqu'à" lose their vowel ("qu" is /k/).
            part = re.sub(r"qu$", "", part, flags=re.IGNORECASE)
            if not _has_vowel(part):
                continue
        if language == "en" and after_apostrophe and not _has_vowel(part):
            continue  # "don't", "it's", "doctor's": the ending adds no syllable
        total += _part_syllables(part, language)
    return max(1, total)


def _has_vowel(text: str) -> bool:
    return any(ch in VOWELS for ch in text.lower())


def _part_syllables(part: str, language: str) -> int:
    if part.isupper() and (len(part) in (2, 3, 4) or not _has_vowel(part)):
        # An acronym is spelled ("IRM", "CT", the "X" of "X-ray"): a syllable a letter,
        # three for W ("double-vé", "double-you").
        return sum(3 if ch == "W" else 1 for ch in part)
    return COUNTERS[language](part)


def stats(text: str, language: str) -> Stats:
    """Sentences, words, syllables (0 in a language without a counter) and the longest
    sentence of ``text``."""
    per_sentence = [words(sentence) for sentence in split_sentences(text)]
    tokens = [token for sentence in per_sentence for token in sentence]
    return Stats(
        sentences=len(per_sentence),
        words=len(tokens),
        syllables=sum(syllables(token, language) for token in tokens) if supports(language) else 0,
        longest=max((len(sentence) for sentence in per_sentence), default=0),
    )


def score(s: Stats, language: str) -> float:
    """Readability of text with these statistics; higher is easier."""
    if language == "fr":
        return 207 - 1.015 * s.words_per_sentence - 73.6 * s.syllables_per_word
    if language == "en":
        return 206.835 - 1.015 * s.words_per_sentence - 84.6 * s.syllables_per_word
    raise ValueError(f"no readability formula for {language!r}")
