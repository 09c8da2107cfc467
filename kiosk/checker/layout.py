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
from PySide6.QtWidgets import QApplication, QMainWindow, QSizePolicy, QStackedWidget

from kiosk.checker.layout_workers import Display, LayoutWorkers
from kiosk.config import Settings
from kiosk.content import Library, Page, Topic
from kiosk.i18n import use_language
from kiosk.resources import fonts_dir
from kiosk.session import Session
from kiosk.ui.reading.six_lines import fit_body_px
from kiosk.ui.screens.reader import ReaderScreen
from kiosk.ui.style.fonts import register_bundled_fonts
from kiosk.ui.style.metrics import TEXT_SCALES, Metrics
from kiosk.ui.style.theme import CALM, style_sheet
from kiosk.ui.visit import Visit

# A kiosk screen, a landscape ward tablet, the same tablet held upright.
DISPLAYS: tuple[Display, ...] = ((1920, 1080), (1280, 800), (800, 1280))
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


def measure(library: Library, displays: tuple[Display, ...] = DISPLAYS) -> list[PageScreens]:
    """Every page with the number of screens it takes on each display and text size."""
    if QApplication.instance() is None:
        raise RuntimeError("layout checks need a QApplication")
    languages = library.languages
    counts: dict[Page, list[tuple[int, int, int, int]]] = {
        page: [] for language in languages for t in library.topics_for(language) for page in t.pages
    }
    settings = reference_settings(languages[0] if languages else "fr")
    probe = ReaderProbe(_font_family(), settings, library)
    try:
        # One style per display and size (restyling is the costly step), then every page
        # of every language laid out in it.
        for width, height in displays:
            for size in range(len(TEXT_SCALES)):
                probe.style(width, height, size)
                for language in languages:
                    probe.use_language(language)
                    for topic in library.topics_for(language):
                        for page, screens in zip(topic.pages, probe.screens(topic), strict=True):
                            counts[page].append((width, height, size, screens))
    finally:
        probe.close()
    return [PageScreens(page, tuple(found)) for page, found in counts.items()]


def measure_with(library: Library, workers: LayoutWorkers) -> list[PageScreens]:
    """``measure`` of every display, taking the counts of those that ``workers`` (started
    before Qt) laid out; the others, and any a worker failed, are laid out here."""
    mine = tuple(display for display in DISPLAYS if display not in workers.running)
    results = measure(library, mine)
    found = workers.collect()
    missing = tuple(display for display in DISPLAYS if display not in mine and display not in found)
    parts = list(found.values())
    if missing:
        parts.append([r.counts for r in measure(library, missing)])
    order = {display: n for n, display in enumerate(DISPLAYS)}
    merged = []
    for number, result in enumerate(results):
        counts = [*result.counts, *(c for part in parts for c in part[number])]
        counts.sort(key=lambda c: (order[(c[0], c[1])], c[2]))  # DISPLAYS order, then size
        merged.append(PageScreens(result.page, tuple(counts)))
    return merged


class ReaderProbe:
    """The reader screen alone, in a window styled as MainWindow styles it (the same
    metrics, style sheet and six-line cap; tests/checker/test_layout.py compares every
    count with the kiosk's window): no other screen is built, nothing is painted."""

    def __init__(self, family: str, settings: Settings, library: Library):
        self.family, self.settings = family, settings
        self.session = Session(default_language=settings.language)
        # The reader reads the visit's page; nothing here is a patient's visit.
        self.visit = Visit(self.session, library)
        self.windows: list[tuple[QMainWindow, QStackedWidget, ReaderScreen]] = []
        self._display = (0, 0)

    def _open(self, width: int, height: int) -> None:
        """A window with a new reader: restyling repolishes only this one."""
        window = QMainWindow()
        window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        stack = QStackedWidget()  # as in MainWindow: the reader fills its contentsRect
        stack.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        window.setCentralWidget(stack)
        reader = ReaderScreen(self.visit)
        reader.view.illustrations.paint = False  # the layout needs the figures' sizes only
        reader.view.counting_only = True  # screens are counted, not shown
        stack.addWidget(reader)
        window.resize(width, height)
        window.show()
        window.setUpdatesEnabled(False)  # layouts run, nothing is painted
        reader.retranslate()
        self.windows.append((window, stack, reader))

    @property
    def window(self) -> QMainWindow:
        return self.windows[-1][0]

    @property
    def stack(self) -> QStackedWidget:
        return self.windows[-1][1]

    def metrics(self, size: int) -> Metrics:
        window = self.window
        return Metrics.for_screen(
            window.screen() or QGuiApplication.primaryScreen(),
            self.family,
            self.settings.viewing_distance_mm,
            TEXT_SCALES[size],
            diagonal_in=self.settings.screen_diagonal,
            window=(window.width(), window.height()),
        )

    @property
    def reader(self) -> ReaderScreen:
        return self.windows[-1][2]

    def style(self, width: int, height: int, size: int) -> None:
        """The reader as a kiosk started at this window size has it once the patient has
        chosen this text size, going up from A (a new reader for each display: the reader
        keeps some sizes from the text sizes shown before), styled as MainWindow.apply_style
        does. Each display has its window, closed at the end."""
        if (width, height) != self._display:
            self._display = (width, height)
            self._open(width, height)
        reader = self.reader
        self.visit.set_look(scale=size)
        wanted = self.metrics(size)
        area = self.stack.contentsRect()
        # The window holds the reader alone: each size tried restyles it.
        fitted = fit_body_px(
            reader, area, wanted, CALM, self.family, (width, height), restyle=self._restyle
        )
        m = wanted.with_body_cap(fitted)
        self._restyle(m)
        reader.apply_style(m, CALM, self.family)

    def _restyle(self, m: Metrics) -> None:
        sheet = style_sheet(CALM, m, self.family)
        if sheet != self.window.styleSheet():
            self.window.setStyleSheet(sheet)

    def use_language(self, language: str) -> None:
        self.visit.set_language(language)
        use_language(language)
        self.reader.retranslate()

    def screens(self, topic: Topic) -> Iterator[int]:
        """Screens each page of the topic takes, laid out by the reader's own code."""
        reader = self.reader
        self.visit.open_topic(topic.id)  # its first page
        reader.show_topic(topic)
        for index in range(len(topic.pages)):
            if index:
                self.visit.go_to(index)
                reader.show_page()
            yield reader.view.screen_count

    def close(self) -> None:
        for window, _stack, reader in self.windows:
            reader.wipe()
            window.close()
            window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
