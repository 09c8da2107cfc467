"""Text as large as six lines allow: the largest body size with which the reader shows at
least six lines of a page, found by laying the reader out (MainWindow and ``kiosk check``
both use it, so authors see the screens patients get)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect

from kiosk.ui.style.metrics import (
    Metrics,
    body_line_px,
    largest_body_for_six_lines,
    six_line_guess,
)
from kiosk.ui.style.theme import Palette, style_sheet

if TYPE_CHECKING:
    from kiosk.ui.screens.reader import ReaderScreen


def fit_body_px(
    reader: ReaderScreen,
    area: QRect,
    wanted: Metrics,
    palette: Palette,
    family: str,
    window: tuple[int, int],
    restyle: Callable[[Metrics], None] | None = None,
) -> int:
    """The body size for ``wanted`` (the text size's own sizes) in a window of ``window``
    size whose reader fills ``area``. Each size tried is applied by ``restyle``: by default
    to the reader alone (its own sheet overrides the window's, which would repolish every
    screen, ~40 ms), without rendering its page; the caller then applies the size found to
    everything."""

    def restyle_reader(m: Metrics) -> None:
        reader.setStyleSheet(style_sheet(palette, m, family))

    def room_at(px: int) -> float:
        m = wanted.with_body_cap(px)
        (restyle or restyle_reader)(m)
        reader.apply_style(m, palette, family, render=False)
        return reader.body_room(area)

    try:
        return largest_body_for_six_lines(
            wanted.body_px,
            room_at,
            lambda px: body_line_px(family, px),
            first=six_line_guess(wanted.dpi, window),
        )
    finally:
        if restyle is None:
            reader.setStyleSheet("")  # the window's sheet again
