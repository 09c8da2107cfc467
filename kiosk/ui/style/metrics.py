"""Sizes in physical units, converted to pixels for the screen in use.

Body text is sized by visual angle (EN 301 549 5.1.4: capital letters at least 0.7 degrees
at the viewing distance), touch targets in millimetres. Nothing else in the UI should
hard-code a pixel size.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtGui import QFont, QFontMetricsF, QScreen

FALLBACK_DPI = 96.0
MIN_TOUCH_MM = 15.0
PRIMARY_TOUCH_MM = 20.0
GAP_MM = 4.0
CAP_ANGLE_DEGREES = 0.7
TEXT_SCALES = (1.0, 1.3, 1.6)  # A, A+, A++
# Controls grow with the text up to this factor; beyond it only the reading text grows,
# so at A++ on a 10-inch tablet the page keeps room to be read.
CONTROL_SCALE_CAP = 1.3
# A line of page text is this many body-font pixels high (Atkinson's 1.24 line spacing at
# the page's 135 % line height), and every reader screen shows at least six of them.
LINE_RATIO = 1.68
MIN_BODY_LINES = 6
TITLE_RATIO = 1.3  # titles are this much larger than body text, when there is room
# Six lines and their paragraph spacing, in body-font pixels (the estimates below).
SIX_LINES_EM = MIN_BODY_LINES * LINE_RATIO + 0.5


def physical_dpi(screen: QScreen | None, diagonal_in: float = 0.0) -> float:
    """The screen's real DPI: from the configured diagonal when staff set one (some displays
    report no or a wrong size), else as reported, else a sane fallback."""
    if screen is None:
        return FALLBACK_DPI
    if diagonal_in > 0:
        size = screen.size()
        return math.hypot(size.width(), size.height()) / diagonal_in
    dpi = screen.physicalDotsPerInch()
    return dpi if 60.0 <= dpi <= 400.0 else FALLBACK_DPI


def body_line_px(family: str, body_px: int) -> float:
    """One line of page text: the font's line spacing at the page's 135 % line height."""
    font = QFont(family)
    font.setPixelSize(body_px)
    return QFontMetricsF(font).lineSpacing() * 1.35


def largest_body_for_six_lines(
    natural: int,
    room_at: Callable[[int], float],
    line_at: Callable[[int], float],
    first: int | None = None,
    lowest: int = 12,
    tries: int = 10,
) -> int:
    """The largest body size, at most ``natural``, with which six lines fit the page.

    ``room_at(px)`` lays the screen out with that body size and returns the height left for
    body lines (slow: a layout); ``line_at(px)`` is one line's height. A search between the
    largest size known to fit and the smallest known not to: each try is the size that
    would fit the room just measured, or the middle when that guess says nothing (the room
    jumps where a bar of buttons needs a second row). ``first``: the size tried first (an
    estimate, see six_line_guess); ``lowest`` is the floor, never tried.
    """

    def fitting(room: float) -> int:
        size = lowest
        while size < natural and MIN_BODY_LINES * line_at(size + 1) <= room:
            size += 1
        return size

    fits_up_to, too_large_from = lowest, natural + 1
    size = max(lowest + 1, min(natural, first or natural))
    for _ in range(tries):
        room = room_at(size)
        if room >= MIN_BODY_LINES * line_at(size):
            fits_up_to = size
        else:
            too_large_from = size
        if too_large_from - fits_up_to <= 1:
            break
        size = min(max(fitting(room), fits_up_to + 1), too_large_from - 1)
        if size == fits_up_to + 1 and too_large_from - fits_up_to > 3:
            size = (fits_up_to + too_large_from) // 2
    return fits_up_to


def six_line_guess(dpi: float, window: tuple[int, int]) -> int:
    """An estimate of the body size with which six lines fit the reader in this window,
    from the height its bars usually take: where largest_body_for_six_lines starts."""
    room = window[1] - reader_chrome_px(dpi, *window)
    return max(12, math.floor(room / (SIX_LINES_EM + 1.25)))  # and a title at body size


def reader_chrome_px(dpi: float, window_width: int, window_height: int) -> float:
    """Height the reader's bars, margins and gaps take (see ReaderScreen's layout): what is
    left is for the page title and text. A portrait window stacks progress above the buttons.
    """
    per_mm = dpi / 25.4
    # Margins, the top bar and the bottom bar (each as high as a primary button), the gaps
    # between bars, title and page, and a little slack for rounding.
    chrome_mm = 2 * 3 + 2 * PRIMARY_TOUCH_MM + 3 * GAP_MM + 2
    if window_width < window_height:
        # The progress line on a row of its own, and room for a second row of the top bar.
        chrome_mm += 16 + PRIMARY_TOUCH_MM + GAP_MM
    return chrome_mm * per_mm


def control_px_for_width(dpi: float, window_width: int) -> int:
    """Largest control font with which "Précédent" and "Ai-je compris ?" (24 characters,
    bold) sit side by side on the window's width, with margins, padding and a gap: a narrow
    portrait tablet gets smaller button labels instead of buttons off the screen."""
    per_mm = dpi / 25.4
    room = window_width - (2 * 8 + 4 * 2 + 2 * GAP_MM) * per_mm
    return max(12, math.floor(room / (24 * 0.62)))


def cap_height_mm(viewing_distance_mm: float) -> float:
    return 2 * viewing_distance_mm * math.tan(math.radians(CAP_ANGLE_DEGREES / 2))


class Metrics(NamedTuple):  # NamedTuple, not a dataclass: ~1 ms less at start-up
    dpi: float
    body_px: int  # font pixel size of the reading text (page body, page title)
    ui_px: int  # font pixel size of controls and other labels
    title_px: int
    small_px: int
    touch_px: int  # minimum side of any control
    primary_px: int  # minimum side of a primary action
    gap_px: int
    reduced: bool = False  # text made smaller than the physical rule so six lines fit

    def mm(self, millimetres: float) -> int:
        return round(millimetres * self.dpi / 25.4)

    def with_body_cap(self, cap: int) -> Metrics:
        """The same, with body text (and all text no larger than it) at most ``cap`` px."""
        if cap >= self.body_px:
            return self
        return self._replace(
            body_px=cap,
            title_px=min(self.title_px, cap),
            ui_px=min(self.ui_px, cap),
            small_px=min(self.small_px, cap),
            reduced=True,
        )

    @classmethod
    def for_screen(
        cls,
        screen: QScreen | None,
        family: str,
        viewing_distance_mm: float,
        scale: float = 1.0,
        diagonal_in: float = 0.0,
        window: tuple[int, int] | None = None,
    ) -> Metrics:
        """Sizes for this screen at this text size. Given the window's size, controls fit
        its width and titles shrink to body size where six lines look tight; the body text
        itself is fitted to six lines by measuring the reader (largest_body_for_six_lines)."""
        dpi = physical_dpi(screen, diagonal_in)
        cap_px = cap_height_mm(viewing_distance_mm) * dpi / 25.4
        # Cap height is a property of the font: measure it instead of assuming a ratio.
        probe = QFont(family)
        probe.setPixelSize(100)
        cap_ratio = QFontMetricsF(probe).capHeight() / 100 or 0.7
        base = cap_px / cap_ratio
        body = math.ceil(base * scale)
        ui = math.ceil(base * min(scale, CONTROL_SCALE_CAP))
        title = round(body * TITLE_RATIO)
        if window is not None:
            ui = min(ui, control_px_for_width(dpi, window[0]))
            room = window[1] - reader_chrome_px(dpi, *window)
            if room < SIX_LINES_EM * body + 1.25 * title:
                title = body  # titles give way first

        def mm(value: float) -> int:
            return round(value * dpi / 25.4)

        return cls(
            dpi=dpi,
            body_px=body,
            ui_px=ui,
            title_px=title,
            small_px=min(ui, max(round(ui * 0.8), math.ceil(base * 0.8))),
            touch_px=mm(MIN_TOUCH_MM),
            primary_px=mm(PRIMARY_TOUCH_MM),
            gap_px=mm(GAP_MM),
        )
