"""Measure a laid-out page document as items for pagination (see kiosk.pagination).

The document is laid out once at the reader's width; each top-level block (paragraph, list
item, heading) or call-out table becomes one item spanning from its top to the next one's,
so margins between blocks belong to the block above. A block taller than a whole screen
is split at its line boundaries (the only case where a screen ends inside a paragraph).
The reader and ``kiosk check`` share this, so authors see what patients get.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument

from kiosk.pagination import Item

OBJECT = "\ufffc"  # how an image stands in the text


class TextSpan(NamedTuple):
    top: float
    bottom: float
    start: int  # document positions, for read-aloud
    end: int


def text_items(document: QTextDocument, available: float) -> tuple[list[Item], list[TextSpan]]:
    """Items and their vertical spans for a document already set to its text width."""
    layout = document.documentLayout()
    units: list[tuple[float, int, int, bool, float]] = []  # top, start, end, heading, bottom
    block = document.begin()
    while block.isValid():
        table = QTextCursor(block).currentTable()
        if table is not None:
            frame_rect = layout.frameBoundingRect(table)
            last = table.lastCursorPosition().block()
            # The rect Qt gives starts inside the cell padding: the box is drawn above it,
            # and as far below the last cell's text.
            fmt = table.format()
            edge = fmt.cellPadding() + fmt.border() + fmt.cellSpacing()
            box_bottom = layout.blockBoundingRect(last).bottom() + edge
            units.append(
                (
                    max(0.0, frame_rect.top() - edge),
                    block.position(),
                    _block_end(last),
                    False,
                    box_bottom,
                )
            )
            block = last.next()
            continue
        if not block.text().strip():
            # Nothing is drawn (Qt's empty block after a call-out at the end of a page is
            # even placed inside the call-out's box): its room belongs to the block above.
            block = block.next()
            continue
        rect = layout.blockBoundingRect(block)
        # Headings, lead-ins ("Les risques graves sont :") and figures stay with what
        # follows (a figure's caption).
        heading = (
            block.blockFormat().headingLevel() > 0
            or block.text().rstrip().endswith(":")
            or block.text() == OBJECT
        )
        units.append((rect.top(), block.position(), _block_end(block), heading, rect.bottom()))
        block = block.next()

    height = document.size().height()
    items: list[Item] = []
    spans: list[TextSpan] = []
    previous_bottom = 0.0
    for number, (top, start, end, heading, drawn_bottom) in enumerate(units):
        # The first block owns the document's top margin; no block starts inside the one
        # above it, and none ends before what it draws.
        top = 0.0 if number == 0 else max(top, previous_bottom)
        bottom = units[number + 1][0] if number + 1 < len(units) else height
        bottom = previous_bottom = max(bottom, drawn_bottom)
        for part, (part_top, part_bottom) in enumerate(
            _split(document, start, end, top, bottom, available)
        ):
            items.append(Item((0, number, part), part_bottom - part_top, heading))
            spans.append(TextSpan(part_top, part_bottom, start, end))
    return items, spans


def _block_end(block: QTextBlock) -> int:
    return block.position() + max(0, block.length() - 1)


def _split(
    document: QTextDocument, start: int, end: int, top: float, bottom: float, available: float
) -> list[tuple[float, float]]:
    """One span, or several cut at line tops when it cannot fit on any screen (a call-out
    table is cut between any of its lines; its box simply continues on the next screen)."""
    if bottom - top <= available:
        return [(top, bottom)]
    layout = document.documentLayout()
    cuts: list[float] = []
    block = document.findBlock(start)
    while block.isValid() and block.position() <= end:
        origin = layout.blockBoundingRect(block).top()
        lines = block.layout()
        cuts += [origin + lines.lineAt(i).y() for i in range(lines.lineCount())]
        block = block.next()
    cuts = sorted(cut for cut in cuts if top < cut < bottom)
    parts: list[tuple[float, float]] = []
    part_top = previous = top
    for cut in [*cuts, bottom]:
        if cut - part_top > available and previous > part_top:
            parts.append((part_top, previous))
            part_top = previous
        previous = cut
    parts.append((part_top, bottom))
    return parts


def plain_text(
    document: QTextDocument, start: int, end: int, describe: Callable[[str], str] = str
) -> str:
    """The text between two positions; each image is replaced by ``describe(its name)``."""
    cursor = QTextCursor(document)
    cursor.setPosition(start)
    cursor.setPosition(min(end, document.characterCount() - 1), QTextCursor.MoveMode.KeepAnchor)
    text = cursor.selectedText().replace("\u2029", "\n").replace("\u2028", "\n")
    if OBJECT in text:
        names = iter(image_names(document, start, end))
        text = "".join(describe(next(names, "")) if c == OBJECT else c for c in text)
    return text


def image_names(document: QTextDocument, start: int, end: int) -> list[str]:
    """Names (URLs) of the images between two positions, in order."""
    names: list[str] = []
    block = document.findBlock(start)
    while block.isValid() and block.position() <= end:
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            fmt = fragment.charFormat()
            if fmt.isImageFormat() and start <= fragment.position() <= end:
                names += [fmt.toImageFormat().name()] * fragment.length()
            iterator += 1
        block = block.next()
    return names
