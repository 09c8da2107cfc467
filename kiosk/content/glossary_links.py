"""Make glossary terms tappable in page text: the first occurrence of each term per page.

Matching is whole-word, case- and accent-insensitive, over every form the glossary lists
("Métastase", "Métastases"...). Works on the element tree Python-Markdown builds.
"""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping

SKIP_TAGS = {"a", "h1", "h2", "h3", "h4", "code", "pre", "abbr"}
TERM_SCHEME = "term:"


def fold(text: str) -> str:
    """Lower case without accents, one output character per input character."""
    out = []
    for ch in text:
        base = unicodedata.normalize("NFD", ch)[0]
        out.append(base.casefold()[:1] or ch)
    return "".join(out)


def term_id(headword: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(headword)).strip("-")


def term_pattern(forms_by_id: Mapping[str, Iterable[str]]) -> re.Pattern[str] | None:
    """One regex over the folded text; longest forms first so 'fuite de ciment' beats 'fuite'."""
    alternatives = sorted(
        ((fold(form), tid) for tid, forms in forms_by_id.items() for form in forms if form.strip()),
        key=lambda pair: -len(pair[0]),
    )
    if not alternatives:
        return None
    groups = "|".join(re.escape(form) for form, _ in alternatives)
    return re.compile(rf"(?<!\w)({groups})(?!\w)")


def link_terms(root: ET.Element, forms_by_id: Mapping[str, Iterable[str]]) -> set[str]:
    """Wrap first occurrences in <a href="term:ID">; return the ids linked."""
    pattern = term_pattern(forms_by_id)
    if pattern is None:
        return set()
    by_form = {fold(form): tid for tid, forms in forms_by_id.items() for form in forms}
    linked: set[str] = set()

    def split(text: str) -> list[str | ET.Element]:
        pieces: list[str | ET.Element] = []
        folded, start = fold(text), 0
        for match in pattern.finditer(folded):
            tid = by_form.get(match.group(1))
            if tid is None or tid in linked:
                continue
            linked.add(tid)
            pieces.append(text[start : match.start()])
            anchor = ET.Element("a", {"href": TERM_SCHEME + tid})
            anchor.text = text[match.start() : match.end()]
            pieces.append(anchor)
            start = match.end()
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
