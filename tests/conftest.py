"""Test setup: headless Qt, the real bundled content, and a main window built like the app's."""

from __future__ import annotations

import os

# Must be set before Qt is imported anywhere. The default offscreen screen is 800x800, and
# touch points outside a screen are clamped: give it a kiosk-sized screen instead.
SCREEN_CONFIG = os.path.join(os.path.dirname(__file__), "offscreen-screen.json")
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={SCREEN_CONFIG}")
os.environ.setdefault("LANG", "C.UTF-8")

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kiosk.content import Library, load_library
from kiosk.resources import content_dir, fonts_dir

REPO = Path(__file__).resolve().parent.parent


@pytest.hookimpl(trylast=True)  # after pytest's own faulthandler set-up, which it replaces
def pytest_configure(config: pytest.Config) -> None:
    """With KIOSK_TEST_FAULT_LOG set (CI sets it), a hard crash (a segmentation fault in Qt,
    say) writes every thread's Python stack to that file, which CI prints after the run."""
    path = os.environ.get("KIOSK_TEST_FAULT_LOG")
    if path:
        import faulthandler

        stream = open(path, "w")  # noqa: SIM115 - open for the whole run, closed at exit
        config.add_cleanup(stream.close)
        faulthandler.enable(file=stream, all_threads=True)


@pytest.fixture(scope="session")
def library() -> Library:
    return load_library(content_dir())


@pytest.fixture(scope="session")
def family(qapp) -> str:
    from kiosk.ui.style.fonts import register_bundled_fonts

    return register_bundled_fonts(fonts_dir())


@pytest.fixture
def make_window(qtbot, library, family):
    """Build a shown main window on the real content, like ``kiosk --windowed``."""
    from kiosk.config import Settings
    from kiosk.session import Session
    from kiosk.ui.main_window import MainWindow

    def build(
        width: int = 1280,
        height: int = 800,
        language: str = "fr",
        lib=None,
        settings: Settings | None = None,
        start: bool = True,
    ):
        session = Session(default_language=language)
        settings = settings or Settings(windowed=True)
        window = MainWindow(lib or library, session, settings, family)
        qtbot.addWidget(window)
        window.resize(width, height)
        with qtbot.waitExposed(window):
            window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        if start and window.stack.currentWidget() is window.attract:
            qtbot.mouseClick(window.attract.language_buttons[language], Qt.MouseButton.LeftButton)
        return window

    return build


@pytest.fixture(autouse=True)
def french_ui_after_each_test():
    """The UI language is application-wide: a test that switches it must not leak it."""
    yield
    from kiosk.i18n import use_language

    use_language("fr")
