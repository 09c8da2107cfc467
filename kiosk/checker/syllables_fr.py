"""Spoken syllables of a French word, by rule.

Hyphenation dictionaries split written syllables and never split vowels, so they count
"ostéoporose" as 4 and "myélome" as 2; Kandel–Moles wants what is said. The rules:

1. Silent endings go first: a final ``e`` or ``es`` ("vertèbre", "fractures"), and a final
   ``ent`` of a verb in the plural ("ils restent"). Not when nothing else would be left
   ("le", "des", "dent"). Final ``ent`` is kept in ``-ment`` words (not in the few verbs
   listed), in ``-tient``/``-vient`` and in the nouns and adjectives of :data:`SPOKEN_ENT`.
   The ``e`` of ``-ement`` after one consonant is silent too ("saignement", 2).
2. Then each group of vowel letters is one syllable: "eau", "ou", "ai", "oi", "œu",
   "ie" ("lésion") are one sound. ``qu`` and ``gu`` before a vowel are consonants, and so
   is ``y`` between two vowels ("voyage") or before a vowel at the start ("yeux").
3. Some groups are two syllables (hiatus): ``é`` followed by a vowel ("ostéo", "géant"),
   ``o`` or ``a`` followed by another full vowel ("coagulation", "poésie", "aorte"; "coo"
   at the start: "coopérer"), a vowel
   with a diaeresis ("naïf"), ``y`` after a consonant ("myélome"), and ``i``/``u`` after
   a consonant followed by ``l`` or ``r`` ("crier", "client", "cruel"). Elsewhere ``i``,
   ``u`` and ``ou`` before a vowel glide: "radio" and "sédation" have 2 and 3.

Elision ("l'os", "qu'il") is handled by the caller, which counts word parts.
"""

from __future__ import annotations

import re
import unicodedata

VOWELS = frozenset("aeiouyàâäéèêëîïôöùûüÿœæ")
DIAERESIS = frozenset("ëïüÿ")
# A second vowel that keeps its own syllable after "o" or "a" ("coagulation", "aorte").
HIATUS_AFTER = {"o": frozenset("aàâéèêë"), "a": frozenset("oéèê")}

# "-ent" words where the ending is spoken (the rest are verbs: "ils restent").
SPOKEN_ENT = frozenset(
    """
    absent accent accident adhérent adolescent agent ambivalent apparent ardent argent
    arpent auvent client coefficient cohérent compétent concurrent conscient content
    continent convalescent décent détergent diligent différent efficient éminent équivalent
    évent évident excellent expédient fluorescent fréquent grandparent imminent impatient
    incident incohérent incompétent indulgent inconvénient ingrédient inhérent innocent
    insolent intelligent latent lent négligent onguent orient paravent parent patient
    permanent pertinent précédent présent président prudent récent récipient récurrent
    référent régent résident serpent somnolent souvent strident talent torrent
    transparent trident urgent violent
    """.split()
)
# "-ment" words that are verbs in the plural ("ils forment"): the ending is silent.
SILENT_MENT = frozenset(
    """
    affirment aiment alarment allument animent arment calment compriment confirment
    consument déforment dorment endorment enferment estiment expriment ferment forment
    fument impriment informent nomment consomment priment referment résument riment
    suppriment transforment
    """.split()
)
EXCEPTIONS = {"pays": 2, "paysage": 3, "paysan": 3, "paysans": 3, "paysages": 3}

_ENDING_EMENT = re.compile(
    r"(?<=[aeiouyéèêâîôû])(gn|ch|ll|ss|tt|[^aeiouyéèêâîôûàäëïöüœæ])e(?=ments?$)"
)
_CLUSTER = re.compile(r"[bcdfgkptv][lr]$")


def count(word: str) -> int:
    """Spoken syllables of one French word (letters only, no apostrophe or hyphen)."""
    word = unicodedata.normalize("NFC", word).lower()
    if word in EXCEPTIONS:
        return EXCEPTIONS[word]
    if not any(ch in VOWELS for ch in word):
        return 0
    return max(1, _count_groups(_drop_silent_ending(word)))


def _drop_silent_ending(word: str) -> str:
    stem = word
    if word.endswith("ent") and _silent_ent(word):
        stem = word[:-3]
    elif word.endswith("es"):
        stem = word[:-2]
    elif word.endswith("e"):
        stem = word[:-1]
    if stem.endswith(("qu", "gu")):  # "que", "langue": the u is no vowel
        stem = stem[:-1]
    if not any(ch in VOWELS for ch in stem):
        return word  # "le", "des", "dent": the ending is the only vowel
    return _ENDING_EMENT.sub(r"\1", stem)


def _silent_ent(word: str) -> bool:
    if word in SPOKEN_ENT or word.endswith(("tient", "vient")):
        return False
    if word.endswith("ment"):
        return word in SILENT_MENT
    return True


def _is_vowel(word: str, i: int) -> bool:
    ch = word[i]
    if ch not in VOWELS:
        return False
    before = word[i - 1] if i > 0 else ""
    after = word[i + 1] if i + 1 < len(word) else ""
    if ch == "u" and before in ("q", "g") and after in VOWELS:
        return False  # "quand", "guide", "aiguille"
    # "yeux", "voyage", "payer": y before a vowel, at the start or after one, is /j/.
    return not (ch == "y" and after in VOWELS and (i == 0 or before in VOWELS))


def _count_groups(word: str) -> int:
    total = 0
    i = 0
    while i < len(word):
        if not _is_vowel(word, i):
            i += 1
            continue
        start = i
        while i < len(word) and _is_vowel(word, i):
            i += 1
        total += 1 + _hiatus(word, start, i)
    return total


def _hiatus(word: str, start: int, end: int) -> int:
    """Extra syllables inside one group of vowel letters ``word[start:end]``."""
    extra = 0
    for i in range(start, end - 1):
        ch, nxt = word[i], word[i + 1]
        if nxt in DIAERESIS:
            extra += 1  # "naïf", "Noël"
        elif ch == "é":
            extra += 1  # "ostéo", "géant", "créé"
        elif nxt in HIATUS_AFTER.get(ch, ()) or (word[: i + 2] == "coo"):
            extra += 1  # "coagulation", "poésie", "aorte", "coopérer" (not "alcool")
        elif i == start and ch == "y" and start > 0:
            extra += 1  # "myélome"
        elif (
            i == start
            and ch in "iu"
            and _CLUSTER.search(word[:start])
            and not (ch == "u" and nxt == "i")  # "bruit", "pluie" glide
        ):
            extra += 1  # "crier", "client", "cruel"
    return extra
