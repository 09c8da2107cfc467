"""Sizes in physical units, converted to pixels for the screen in use.

Body text is sized by visual angle (EN 301 549 5.1.4: capital letters at least 0.7 degrees
at the viewing distance), touch targets in millimetres. Nothing else in the UI should
hard-code a pixel size.
"""

from __future__ import annotations

import math
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


def physical_dpi(screen: QScreen | None) -> float:
    """The screen's real DPI, or a sane fallback when it reports nonsense."""
    if screen is None:
        return FALLBACK_DPI
    dpi = screen.physicalDotsPerInch()
    return dpi if 60.0 <= dpi <= 400.0 else FALLBACK_DPI


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

    def mm(self, millimetres: float) -> int:
        return round(millimetres * self.dpi / 25.4)

    @classmethod
    def for_screen(
        cls, screen: QScreen | None, family: str, viewing_distance_mm: float, scale: float = 1.0
    ) -> Metrics:
        dpi = physical_dpi(screen)
        cap_px = cap_height_mm(viewing_distance_mm) * dpi / 25.4
        # Cap height is a property of the font: measure it instead of assuming a ratio.
        probe = QFont(family)
        probe.setPixelSize(100)
        cap_ratio = QFontMetricsF(probe).capHeight() / 100 or 0.7
        base = cap_px / cap_ratio
        body = math.ceil(base * scale)
        ui = math.ceil(base * min(scale, CONTROL_SCALE_CAP))

        def mm(value: float) -> int:
            return round(value * dpi / 25.4)

        return cls(
            dpi=dpi,
            body_px=body,
            ui_px=ui,
            title_px=round(body * 1.3),
            small_px=max(round(ui * 0.8), math.ceil(base * 0.8)),
            touch_px=mm(MIN_TOUCH_MM),
            primary_px=mm(PRIMARY_TOUCH_MM),
            gap_px=mm(GAP_MM),
        )
