"""Syllables of words in context (elision, acronyms, numbers), sentences, and the two
readability formulas, checked by hand. Word lists: test_syllables.py."""

from __future__ import annotations

import pytest

from kiosk.checker.readability import score, split_sentences, stats, syllables, words


def test_kandel_moles_on_a_known_sentence():
    # Le (1) mé-de-cin (3) in-jecte (2) du (1) ci-ment (2): 5 words, 9 syllables, 1 sentence.
    s = stats("Le médecin injecte du ciment.", "fr")
    assert (s.sentences, s.words, s.syllables) == (1, 5, 9)
    expected = 207 - 1.015 * 5 - 0.736 * (100 * 9 / 5)  # 69.445
    assert score(s, "fr") == pytest.approx(expected)
    assert score(s, "fr") == pytest.approx(69.445)


def test_kandel_moles_averages_over_sentences():
    # 2 sentences, 8 words, 12 syllables (le chat dort: one each).
    s = stats("Le chat dort. Le médecin injecte du ciment.", "fr")
    assert (s.sentences, s.words, s.syllables) == (2, 8, 12)
    assert score(s, "fr") == pytest.approx(207 - 1.015 * 4 - 0.736 * 150)  # 92.54


def test_flesch_reading_ease_on_a_known_sentence():
    # The (1) doc-tor (2) in-jects (2) ce-ment (2) in-to (2) the (1) bone (1): 7 words, 11.
    s = stats("The doctor injects cement into the bone.", "en")
    assert (s.sentences, s.words, s.syllables) == (1, 7, 11)
    expected = 206.835 - 1.015 * 7 - 84.6 * 11 / 7  # 66.787...
    assert score(s, "en") == pytest.approx(expected)
    assert score(s, "en") == pytest.approx(66.7871, abs=1e-4)


@pytest.mark.parametrize(
    ("word", "language", "count"),
    [
        ("cimentoplastie", "fr", 5),  # ci-men-to-plas-tie
        ("ostéosynthèse", "fr", 5),  # os-té-o-syn-thèse: "éo" is two vowels
        ("IRM", "fr", 3),  # acronyms are spelled: i-èr-èm
        ("c'est-à-dire", "fr", 3),
        ("l'os", "fr", 1),  # elided article: no syllable of its own
        ("qu'il", "fr", 1),
        ("jusqu'à", "fr", 2),  # "qu" before an apostrophe is a consonant
        ("aujourd'hui", "fr", 3),
        ("mini-invasif", "fr", 5),  # mi-ni in-va-sif
        ("procedure", "en", 3),
        ("don't", "en", 1),
        ("doctor's", "en", 2),
        ("X-ray", "en", 2),  # a letter said aloud is a syllable
        ("CT", "en", 2),
        ("3", "fr", 1),  # numbers: about one syllable per digit
        ("24", "fr", 2),
        ("100", "en", 3),
    ],
)
def test_syllables(word, language, count):
    assert syllables(word, language) == count


def test_words_and_sentences():
    text = "Vous sortez le jour d'après, s'il n'y a pas eu de problème.\nUne liste sans point"
    assert split_sentences(text) == [
        "Vous sortez le jour d'après, s'il n'y a pas eu de problème.",
        "Une liste sans point",
    ]
    assert words("En 24 à 48 heures : « mini-invasif » !") == [
        "En",
        "24",
        "à",
        "48",
        "heures",
        "mini-invasif",
    ]
    # A decimal point does not end a sentence; a question mark does.
    assert split_sentences("Une dose de 1.5 ml. Pourquoi ? Parce que.") == [
        "Une dose de 1.5 ml.",
        "Pourquoi ?",
        "Parce que.",
    ]
