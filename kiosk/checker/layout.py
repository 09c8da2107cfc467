"""Lay every page out offscreen in the real reader and count the screens it takes.

The reader never scrolls: a page longer than the display is cut into several screens
("suite 2 sur 3"). Authors see, for each page, how many screens it takes at each text size
(A, A+, A++) on the reference displays, laid out by the very reader patients use, at 96
dots per inch. A ``QApplication`` must exist; the window is never shown on a real screen.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication

from kiosk.config import Settings
from kiosk.content import Library, Page
from kiosk.resources import fonts_dir
from kiosk.session import Session
from kiosk.ui.main_window import MainWindow
from kiosk.ui.style.fonts import register_bundled_fonts
from kiosk.ui.style.metrics import TEXT_SCALES

# A kiosk screen, a landscape ward tablet, the same tablet held upright.
DISPLAYS = ((1920, 1080), (1280, 800), (800, 1280))
REFERENCE_DPI = 96
SIZE_NAMES = ("A", "A+", "A++")


@dataclass(frozen=True)
class PageScreens:
    page: Page
    counts: tuple[tuple[int, int, int, int], ...]  # (width, height, text size index, screens)

    def screens(self, width: int, height: int, size: int) -> int:
        return next(c for w, h, s, c in self.counts if (w, h, s) == (width, height, size))

    def detail(self) -> str:
        """E.g. "screens at A / A+ / A++: 1920×1080 1/1/2, 1280×800 1/2/3, 800×1280 1/1/2"."""
        parts = []
        for width, height in DISPLAYS:
            per_size = "/".join(
                str(self.screens(width, height, size)) for size in range(len(TEXT_SCALES))
            )
            parts.append(f"{width}×{height} {per_size}")
        return f"screens at {' / '.join(SIZE_NAMES[: len(TEXT_SCALES)])}: " + ", ".join(parts)


_family: str | None = None


def _font_family() -> str:
    global _family
    if _family is None or _family not in QFontDatabase.families():
        _family = register_bundled_fonts(fonts_dir())
    return _family


def reference_settings(language: str) -> Settings:
    """Settings that make the window's screen count as a 96 dpi display."""
    screen = QGuiApplication.primaryScreen()
    size = screen.size() if screen is not None else None
    diagonal = math.hypot(size.width(), size.height()) / REFERENCE_DPI if size else 0.0
    return Settings(language=language, windowed=True, screen_diagonal=diagonal)


def measure(library: Library) -> list[PageScreens]:
    """Every page with the number of screens it takes on each display and text size."""
    if QApplication.instance() is None:
        raise RuntimeError("layout checks need a QApplication")
    family = _font_family()
    results: list[PageScreens] = []
    for language in library.languages:
        session = Session(default_language=language)
        window = MainWindow(library, session, reference_settings(language), family)
        window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        try:
            results += _measure_language(window, library, language)
        finally:
            window.close()
            window.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return results


def _measure_language(window: MainWindow, library: Library, language: str) -> Iterator[PageScreens]:
    reader = window.reader
    window.resize(*DISPLAYS[0])
    window.show()
    window.setUpdatesEnabled(False)  # layouts run, nothing is painted: much faster
    window.start_session(language)
    for topic in library.topics_for(language):
        window.open_topic(topic.id)
        counts: dict[Page, list[tuple[int, int, int, int]]] = {p: [] for p in topic.pages}
        for width, height in DISPLAYS:
            window.resize(width, height)
            for size in range(len(TEXT_SCALES)):
                window.set_text_scale(size)
                for index, page in enumerate(topic.pages):
                    window.jump_to_page(index)
                    QCoreApplication.processEvents()
                    counts[page].append((width, height, size, reader.view.screen_count))
        for page in topic.pages:
            yield PageScreens(page, tuple(counts[page]))
