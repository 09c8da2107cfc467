"""Lay every page out offscreen in the real reader and measure how much it must scroll.

Each page is shown in a real :class:`MainWindow` with the bundled font, at the default and
the largest text size, at 1920×1080 (kiosk screen) and 1280×800 (ward tablet). A
``QApplication`` must exist; the window is never shown on a real screen.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from kiosk.config import Settings
from kiosk.content import Library, Page
from kiosk.resources import fonts_dir
from kiosk.session import Session
from kiosk.ui.fonts import register_bundled_fonts
from kiosk.ui.main_window import MainWindow
from kiosk.ui.metrics import TEXT_SCALES, Metrics
from kiosk.ui.theme import style_sheet

SCREENS = ((1920, 1080), (1280, 800))
TEXT_SIZES = ((TEXT_SCALES[0], "default text"), (TEXT_SCALES[-1], "largest text"))
MAX_SETTLE_ROUNDS = 8


@dataclass(frozen=True)
class Overflow:
    page: Page
    width: int
    height: int
    text_size: str
    pixels: int  # how far the page scrolls
    visible: int  # height of the visible part of the page

    @property
    def percent(self) -> int:
        return round(100 * self.pixels / self.visible) if self.visible else 0

    def detail(self) -> str:
        """E.g. "by 212 px (about 35%) at 1280×800 with default text"; the percentage is
        of the visible part of the page."""
        return (
            f"by {self.pixels} px (about {self.percent}%) "
            f"at {self.width}×{self.height} with {self.text_size}"
        )


_family: str | None = None


def _font_family() -> str:
    global _family
    if _family is None or _family not in QFontDatabase.families():
        _family = register_bundled_fonts(fonts_dir())
    return _family


def measure(library: Library) -> list[Overflow]:
    """Every page, screen size and text size where the page does not fit without scrolling."""
    if QApplication.instance() is None:
        raise RuntimeError("layout checks need a QApplication")
    family = _font_family()
    overflows: list[Overflow] = []
    for language in library.languages:
        session = Session(default_language=language)
        settings = Settings(language=language, windowed=True)
        window = MainWindow(library, session, settings, family)
        window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        try:
            overflows += _measure_language(window, library, language, family)
        finally:
            window.close()
            window.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return overflows


def _measure_language(
    window: MainWindow, library: Library, language: str, family: str
) -> Iterator[Overflow]:
    reader, session = window.reader, window.session
    bar = reader.view.verticalScrollBar()
    window.resize(*SCREENS[0])
    window.show()
    window.setUpdatesEnabled(False)  # layouts run, nothing is painted: much faster
    # Style sheets are the slow part: set each text size once, then vary the rest.
    for scale, label in TEXT_SIZES:
        metrics = Metrics.for_screen(
            window.screen(), family, window.settings.viewing_distance_mm, scale
        )
        window.setStyleSheet(style_sheet(window.palette_, metrics, family))
        reader.apply_style(metrics, window.palette_, family)
        for topic in library.topics_for(language):
            session.open_topic(topic.id, len(topic.pages))
            reader.show_topic(topic)
            window.stack.setCurrentWidget(reader)
            for width, height in SCREENS:
                window.resize(width, height)
                for index, page in enumerate(topic.pages):
                    session.go_to(index)
                    reader.show_page()
                    _settle(bar)
                    if bar.maximum() > 0:
                        visible = reader.view.viewport().height()
                        yield Overflow(page, width, height, label, bar.maximum(), visible)


def _settle(bar) -> None:
    """Let layouts finish: old question rows deleted, sizes propagated to the scroll area."""
    previous = None
    for _ in range(MAX_SETTLE_ROUNDS):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()
        current = (bar.maximum(), bar.pageStep())
        if current == previous:
            return
        previous = current
