"""Words, sentences, syllables and readability scores for French and English text.

Syllables come from the ``pyphen`` hyphenation dictionaries (fr, en_US): a word has as many
syllables as hyphenation points, plus one. Hyphenation dictionaries never split a
typographic mute syllable ("vertèbre" is "ver-tèbre"), so French counts are written-word
syllables, a little below spoken ones; that is the usual way to feed Kandel–Moles.

- French, Kandel–Moles: L = 207 − 1.015 × words/sentence − 0.736 × syllables per 100 words.
- English, Flesch reading ease: 206.835 − 1.015 × words/sentence − 84.6 × syllables/word.

Higher is easier; 60 and above reads as plain language for most adults.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import pyphen

DICTIONARIES = {"fr": "fr_FR", "en": "en_US"}
FORMULA_NAMES = {"fr": "Kandel–Moles", "en": "Flesch reading ease"}
VOWELS = set("aeiouyàâäéèêëîïôöùûüÿœæ")
APOSTROPHES = "'’"

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

    @property
    def words_per_sentence(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def syllables_per_word(self) -> float:
        return self.syllables / self.words if self.words else 0.0


def supports(language: str) -> bool:
    return language in DICTIONARIES


@cache
def _dictionary(language: str) -> pyphen.Pyphen:
    # left=1 keeps a one-letter first syllable ("a-gain"); right=2 avoids splitting off a
    # final consonant ("ce-men-t"), which right=1 does with the English patterns.
    return pyphen.Pyphen(lang=DICTIONARIES[language], left=1, right=2)


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
    if not _has_vowel(part):
        # Letters said one by one ("CT", the "X" of "X-ray"); a stray letter is silent.
        return len(part) if part.isupper() else 0
    return len(_dictionary(language).positions(part.lower())) + 1


def stats(text: str, language: str) -> Stats:
    sentences = split_sentences(text)
    tokens = [token for sentence in sentences for token in words(sentence)]
    return Stats(
        sentences=len(sentences),
        words=len(tokens),
        syllables=sum(syllables(token, language) for token in tokens),
    )


def score(s: Stats, language: str) -> float:
    """Readability of text with these statistics; higher is easier."""
    if language == "fr":
        return 207 - 1.015 * s.words_per_sentence - 0.736 * (100 * s.syllables_per_word)
    if language == "en":
        return 206.835 - 1.015 * s.words_per_sentence - 84.6 * s.syllables_per_word
    raise ValueError(f"no readability formula for {language!r}")
