"""Text as large as six lines allow: the largest body size with which the reader shows at
least six lines of a page, found by laying the reader out (MainWindow and ``kiosk check``
both use it, so authors see the screens patients get)."""

from __future__ import annotations

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
) -> int:
    """The body size for ``wanted`` (the text size's own sizes) in a window of ``window``
    size whose reader fills ``area``. Each size tried restyles the reader alone (its own
    sheet overrides the window's, which would repolish every screen, ~40 ms) without
    rendering its page; the caller then applies the size found to everything."""

    def room_at(px: int) -> float:
        m = wanted.with_body_cap(px)
        reader.setStyleSheet(style_sheet(palette, m, family))
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
        reader.setStyleSheet("")  # the window's sheet again
