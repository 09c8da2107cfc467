"""Composition root: build settings, content, session and window, then run."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from kiosk import __version__
from kiosk.config import Settings
from kiosk.content import load_library
from kiosk.resources import content_dir, fonts_dir
from kiosk.session import Session

log = logging.getLogger("kiosk")


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="kiosk", description="Offline patient-education kiosk (full screen by default)."
    )
    parser.add_argument("--windowed", action="store_true", help="run in a normal window")
    parser.add_argument("--content", type=Path, metavar="DIR", help="content folder to show")
    parser.add_argument("--lang", choices=["fr", "en"], help="language to start in")
    parser.add_argument("--version", action="version", version=f"kiosk {__version__}")
    return parser.parse_args(argv)


def settings_from_args(args: argparse.Namespace) -> Settings:
    defaults = Settings()
    return Settings(
        language=args.lang or defaults.language,
        content_dir=args.content,
        windowed=args.windowed,
    )


def run(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    settings = settings_from_args(args)

    # Qt is imported only once we know we will show a window (fast --help/--version).
    from PySide6.QtWidgets import QApplication

    from kiosk.ui.fonts import register_bundled_fonts
    from kiosk.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([sys.argv[0]])
    family = register_bundled_fonts(fonts_dir())
    library = load_library(settings.content_dir or content_dir())
    for problem in library.problems:
        log.warning("content: %s", problem)
    language = settings.language
    if library.languages and language not in library.languages:
        log.warning("no content in %s; using %s", language, library.languages[0])
        language = library.languages[0]
    session = Session(default_language=language)
    window = MainWindow(library, session, settings, family)
    if settings.windowed:
        window.resize(1280, 800)
        window.show()
    else:
        window.showFullScreen()
    return app.exec()
