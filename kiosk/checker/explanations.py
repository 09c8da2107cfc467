"""Medical words must be explained in plain words on the page where a patient meets them.

The glossary lets a patient tap a word, but many never do: the page itself should say what
the word means. A word is medical when it is a glossary word of the topic (the headword or
one of its forms) or a line of the topic's ``terms.txt``. On each page only its FIRST use
in the text needs the explanation (headers and "Source : …" lines are not the text). That
use counts as explained when:

- the word is directly followed by ``(``, by ``est``/``sont``/``is``/``are`` ("Un trocart
  est une grosse aiguille creuse"), or by a comma and an article or "qui"/"which"/"that"
  ("un trocart, une grosse aiguille creuse"; "une anesthésie locale, qui endort la zone";
  "a trocar, a hollow needle");
- later in its sentence a colon is followed by more words ("une anesthésie locale : un
  médicament vous détend"), or the rest of the sentence or the next sentence says
  "c'est-à-dire", "veut dire", "signifie", "autrement dit", "c'est un/une/…", "ce sont
  des", "est un/une", "means", "that is", "i.e.", "in other words", "is a/an", "it is a".

This is a simple rule on purpose: it cannot tell a good explanation from a bad one, but
it finds the bare word that nothing around it explains, which is the common mistake.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from kiosk.checker.readability import split_sentences
from kiosk.checker.terms import fold, pattern, text_at

# After a comma, these start an apposition or a relative clause that says what it is.
_ARTICLE = r"(?:un|une|des|le|la|les|l['’]|c['’]est|qui|a|an|the|which|that)\b"
_RIGHT_AFTER = re.compile(r"^\s*(?:\(|(?:est|sont|is|are)\b|,\s*" + _ARTICLE + ")", re.IGNORECASE)
_COLON_THEN_WORDS = re.compile(r":\s*\w")
_SAYS_WHAT_IT_MEANS = re.compile(
    r"c['’]est-à-dire|veut dire|veulent dire|signifie|autrement dit"
    r"|c['’]est (?:un|une|des|le|la|les|l['’]|quand|comme)\b|ce sont (?:des|les)\b"
    r"|\b(?:est|sont) (?:un|une|des)\b"
    r"|\bmeans?\b|\bthat is\b|\bi\.e\.|\bin other words\b|\b(?:is|are) (?:a|an|the)\b"
    r"|\bit is (?:a|an|when)\b|\bthey are\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Unexplained:
    word: str  # as written at its first use
    sentence: str


def unexplained(text: str, medical: Iterable[tuple[str, ...]]) -> list[Unexplained]:
    """First uses of medical words in ``text`` that nothing explains, in order of use.

    ``medical`` holds one tuple of forms per word (a glossary entry's forms, or a single
    ``terms.txt`` line)."""
    sentences = split_sentences(text)
    folded = [fold(s) for s in sentences]
    found: list[tuple[int, int, Unexplained]] = []
    for forms in medical:
        first = _first_use(folded, forms)
        if first is None:
            continue
        index, match = first
        sentence = sentences[index]
        rest = folded[index][match.end() :]
        following = folded[index + 1] if index + 1 < len(folded) else ""
        if not _explained(rest, following):
            word = text_at(sentence, folded[index], match)
            found.append((index, match.start(), Unexplained(word, sentence)))
    return [item for *_, item in sorted(found, key=lambda f: (f[0], f[1]))]


def _first_use(sentences: list[str], forms: tuple[str, ...]) -> tuple[int, re.Match[str]] | None:
    for index, sentence in enumerate(sentences):
        matches = [m for form in forms if (m := pattern(form).search(sentence))]
        if matches:
            return index, min(matches, key=lambda m: (m.start(), -m.end()))
    return None


def _explained(rest: str, following: str) -> bool:
    return bool(
        _RIGHT_AFTER.match(rest)
        or _COLON_THEN_WORDS.search(rest)
        or _SAYS_WHAT_IT_MEANS.search(rest)
        or _SAYS_WHAT_IT_MEANS.search(following)
    )
