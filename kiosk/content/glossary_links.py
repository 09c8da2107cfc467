"""Make glossary terms tappable in page text: the first occurrence of each term per page.

Matching is whole-word, case- and accent-insensitive, over every form the glossary lists
("Métastase", "Métastases"...). Works on the element tree Python-Markdown builds.

The glossary is prepared once per topic (:class:`TermLinker`) and each page is scanned in
one pass: forms are looked up by the word they start with, so the cost of a page grows
with its length, not with the size of the glossary.
"""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache

SKIP_TAGS = {"a", "h1", "h2", "h3", "h4", "code", "pre", "abbr"}
TERM_SCHEME = "term:"
_WORD = re.compile(r"\w+")
_WORD_CHAR = re.compile(r"\w")


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    base = unicodedata.normalize("NFD", ch)[0]
    return base.casefold()[:1] or ch


def fold(text: str) -> str:
    """Lower case without accents, one output character per input character."""
    return "".join(map(_fold_char, text))


def term_id(headword: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(headword)).strip("-")


class TermLinker:
    """A topic's glossary forms, ready to be found in its pages.

    Same result as one regex ``(?<!\\w)(form1|form2|...)(?!\\w)`` over the folded text with
    the longest forms first (so 'fuite de ciment' beats 'fuite'), without trying every form
    at every position: a form can only start where a word starting with its first word
    starts (or, for a form that starts with a sign, where that sign is).
    """

    def __init__(self, forms_by_id: Mapping[str, Iterable[str]]) -> None:
        self.id_of: dict[str, str] = {}  # folded form -> term id (a later form wins)
        for tid, forms in forms_by_id.items():
            for form in forms:
                if form.strip():
                    self.id_of[fold(form)] = tid
        by_length = sorted(self.id_of, key=len, reverse=True)
        self._by_word: dict[str, list[str]] = {}  # first word -> forms, longest first
        self._by_sign: dict[str, list[str]] = {}  # first character (not a word) -> forms
        for form in by_length:
            word = _WORD.match(form)
            if word:
                self._by_word.setdefault(word.group(), []).append(form)
            else:
                self._by_sign.setdefault(form[0], []).append(form)
        self._starts = re.compile(
            r"\w+" + ("|[" + re.escape("".join(self._by_sign)) + "]" if self._by_sign else "")
        )

    def __bool__(self) -> bool:
        return bool(self.id_of)

    def find(self, folded: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, term id) of each match in folded text, left to right, never
        overlapping."""
        after = 0  # no match may start before the end of the last one
        for start_match in self._starts.finditer(folded):
            start = start_match.start()
            if start < after:
                continue
            piece = start_match.group()
            if piece[0] in self._by_sign and not _WORD_CHAR.match(piece):
                if start and _WORD_CHAR.match(folded, start - 1):
                    continue  # a form starts after something that is not a word
                candidates = self._by_sign[piece]
            else:
                candidates = self._by_word.get(piece, ())
            for form in candidates:
                end = start + len(form)
                if folded.startswith(form, start) and not _WORD_CHAR.match(folded, end):
                    yield start, end, self.id_of[form]
                    after = end
                    break


def link_terms(
    root: ET.Element, terms: TermLinker | Mapping[str, Iterable[str]] | None
) -> set[str]:
    """Wrap first occurrences in <a href="term:ID">; return the ids linked."""
    linker = terms if isinstance(terms, TermLinker) else TermLinker(terms or {})
    if not linker:
        return set()
    linked: set[str] = set()

    def split(text: str) -> list[str | ET.Element]:
        pieces: list[str | ET.Element] = []
        start = 0
        for match_start, match_end, tid in linker.find(fold(text)):
            if tid in linked:
                continue
            linked.add(tid)
            pieces.append(text[start:match_start])
            anchor = ET.Element("a", {"href": TERM_SCHEME + tid})
            anchor.text = text[match_start:match_end]
            pieces.append(anchor)
            start = match_end
        pieces.append(text[start:])
        return pieces

    def walk(element: ET.Element) -> None:
        if element.tag in SKIP_TAGS:
            return
        if element.text:
            first, *anchors = split(element.text)
            if anchors:
                element.text = str(first)
                _place(element, 0, anchors)
        for child in list(element):
            walk(child)
            if child.tail:
                first, *anchors = split(child.tail)
                if anchors:
                    child.tail = str(first)
                    _place(element, list(element).index(child) + 1, anchors)

    walk(root)
    return linked


def _place(parent: ET.Element, position: int, anchors: list[str | ET.Element]) -> None:
    """Insert [anchor, text, anchor, text...] as children from ``position`` on."""
    for index in range(0, len(anchors), 2):
        anchor, tail = anchors[index], anchors[index + 1] if index + 1 < len(anchors) else ""
        assert isinstance(anchor, ET.Element) and isinstance(tail, str)
        anchor.tail = tail
        parent.insert(position, anchor)
        position += 1
