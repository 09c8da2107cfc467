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


_END = ""  # in a trie node: the form that ends there (no character is the empty string)
_Node = dict[str, "_Node | str"]


class TermLinker:
    """A topic's glossary forms, ready to be found in its pages.

    Same result as one regex ``(?<!\\w)(form1|form2|...)(?!\\w)`` over the folded text
    with the longest forms first (so 'fuite de ciment' beats 'fuite'), in one pass: the
    forms are a trie of characters, walked from each place a form may start (a word's
    start, or a sign no word precedes). A walk stops where the text leaves every form, so
    a page costs about its length, however many forms the glossary has.
    """

    def __init__(self, forms_by_id: Mapping[str, Iterable[str]]) -> None:
        self.id_of: dict[str, str] = {}  # folded form -> term id (a later form wins)
        for tid, forms in forms_by_id.items():
            for form in forms:
                if form.strip():
                    self.id_of[fold(form)] = tid
        self._root: _Node = {}
        for form in self.id_of:
            node = self._root
            for char in form:
                node = node.setdefault(char, {})  # type: ignore[assignment]
            node[_END] = form
        first = "".join(self._root)
        self._starts = re.compile(rf"(?<!\w)[{re.escape(first)}]") if first else None

    def __bool__(self) -> bool:
        return bool(self.id_of)

    def find(self, folded: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, term id) of each match in folded text, left to right, never
        overlapping."""
        if self._starts is None:
            return
        after = 0  # no match may start before the end of the last one
        size = len(folded)
        for start_match in self._starts.finditer(folded):
            start = start_match.start()
            if start < after:
                continue
            node, index, found = self._root, start, None
            while index < size:
                child = node.get(folded[index])
                if child is None:
                    break
                node, index = child, index + 1  # type: ignore[assignment]
                if _END in node and not _WORD_CHAR.match(folded, index):
                    found = index  # the longest form ending at a word's end, so far
            if found is not None:
                form = folded[start:found]
                yield start, found, self.id_of[form]
                after = found


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
