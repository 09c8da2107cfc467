"""Cut a laid-out page into screens, e-reader style. Pure logic: no Qt.

A page is a column of items (text blocks, then suggested-question rows), each with the
height it takes. Screens break only between items; a heading is never left alone at the
bottom of a screen; an item taller than a whole screen gets one to itself (the reader splits
such a block at its line boundaries before it gets here).
"""

from __future__ import annotations

from typing import NamedTuple


class Item(NamedTuple):
    # What the item is, stable across text sizes and languages, in reading order:
    # (0, block, line part) for page text, (1, question, 0) for suggested questions.
    key: tuple[int, int, int]
    height: float  # vertical space it takes
    keep_with_next: bool = False  # a heading, a list's title: never last on a screen
    gap_before: float = 0.0  # space above it, unless it starts a screen


class Screen(NamedTuple):
    first: int  # index of the first item on this screen
    end: int  # one past the last


def paginate(items: list[Item], available: float) -> list[Screen]:
    """Greedy fill, then pull a heading forward when it would end a screen."""
    screens: list[Screen] = []
    first, used = 0, 0.0
    index = 0
    while index < len(items):
        item = items[index]
        height = item.height if index == first else item.gap_before + item.height
        if index == first or used + height <= available:
            used += height
            index += 1
            continue
        end = index
        # Keep headings with what follows: move trailing keep-with-next items forward,
        # unless that would empty the screen.
        while end - 1 > first and items[end - 1].keep_with_next:
            end -= 1
        screens.append(Screen(first, end))
        first, index, used = end, end, 0.0
    if first < len(items) or not screens:
        screens.append(Screen(first, len(items)))
    return screens


def screen_of(screens: list[Screen], items: list[Item], key: tuple[int, int, int]) -> int:
    """The screen showing the item with this key (or the nearest one before it)."""
    best = 0
    for number, screen in enumerate(screens):
        keys = [item.key for item in items[screen.first : screen.end]]
        if key in keys:
            return number
        if keys and keys[0] <= key:
            best = number
    return best
