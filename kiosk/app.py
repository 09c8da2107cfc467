"""Composition root: build settings, logging, content, session, window and supervisor."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from kiosk import __version__
from kiosk.config import Settings, load_settings
from kiosk.content_source import ContentSource
from kiosk.resources import content_dir, fonts_dir, resource_path
from kiosk.session import Session

if TYPE_CHECKING:  # Qt stays unimported for --help, --version and check
    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtWidgets import QWidget

    from kiosk.content import ContentProblem, Library
    from kiosk.content.preload import ContentPreload


log = logging.getLogger("kiosk")
EXIT_ALREADY_RUNNING = 3
EXIT_START_FAILED = 4
# Staff tapped "Quitter l'application": the one exit that the service files in deploy/ do
# not restart (systemd's RestartPreventExitStatus=, deploy/kiosk-session). Any other end
# (a crash, a signal, exit 0 from elsewhere) is restarted.
EXIT_STAFF_QUIT = 10
SPEECH_DELAY_MS = 1500
# The other languages' content is read this long after the kiosk is ready (or as soon as
# it is asked for): converting their Markdown is not on the way to the first tap.
LATER_LANGUAGES_MS = 1000


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="kiosk",
        description="Offline patient-education kiosk (full screen by default).",
        epilog="Also: 'kiosk check [DIR]' checks content; 'kiosk set-pin' sets the staff PIN; "
        "'kiosk publish CONTENT_DIR REPO_DIR --keys DIR' publishes signed content updates; "
        "'kiosk stats' prints the anonymous usage figures.",
    )
    parser.add_argument("--windowed", action="store_true", help="run in a normal window")
    parser.add_argument("--content", type=Path, metavar="DIR", help="content folder to show")
    parser.add_argument("--lang", choices=["fr", "en"], help="language to start in")
    parser.add_argument("--config", type=Path, metavar="FILE", help="configuration file (TOML)")
    parser.add_argument(
        "--mode", choices=["kiosk", "presenter"], help="kiosk (default) or presenter"
    )
    parser.add_argument("--self-test", action="store_true", help="check the install and exit")
    parser.add_argument("--version", action="version", version=f"kiosk {__version__}")
    return parser.parse_args(argv)


def apply_flags(settings: Settings, args: argparse.Namespace) -> Settings:
    """Command-line flags win over the configuration file."""
    changes: dict[str, Any] = {"windowed": args.windowed or settings.windowed}
    if args.content:
        changes["content_dir"] = args.content
    if args.lang:
        changes["language"] = args.lang
    if args.mode:
        changes["mode"] = args.mode
    return settings._replace(**changes)


def run(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["check"]:
        from kiosk.checker.cli import main as check_main

        return check_main(argv[1:])
    if argv[:1] == ["set-pin"]:
        from kiosk.pin_command import set_pin

        return set_pin(argv[1:])
    if argv[:1] == ["publish"]:
        from kiosk.fleet.cli import publish_main

        return publish_main(argv[1:])
    if argv[:1] == ["stats"]:
        from kiosk.fleet.cli import stats_main

        return stats_main(argv[1:])
    args = parse_args(argv)
    if args.self_test:
        from kiosk.selftest import run_self_test

        return run_self_test(args.content)
    return run_kiosk(args)


class KioskApp:
    """The app object: what one running kiosk puts into the process (its log handlers and
    crash report, its UI translators, its stop-signal handlers, sys.excepthook), given back
    by ``close()`` so that two kiosks run one after the other in one process (tests) share
    and leak none of it."""

    def __init__(self, qt_app: QCoreApplication, log_dir: Path) -> None:
        from kiosk.i18n import Translations, of_application
        from kiosk.logs import StaffLog

        self.log = StaffLog(log_dir)
        for earlier in of_application(qt_app):  # made on first use, before us
            earlier.release()
        self.translations = Translations(qt_app)
        self.restore_signals: Callable[[], None] = lambda: None
        self._excepthook = sys.excepthook

    def close(self) -> None:
        sys.excepthook = self._excepthook
        self.restore_signals()
        self.restore_signals = lambda: None
        self.translations.release()
        self.log.close()


def run_kiosk(args: argparse.Namespace) -> int:
    """Paint the attract screen first, from the topic titles alone; load the content and
    build everything else right after that first frame (see MainWindow)."""
    # Qt is imported only once we know we will show a window (fast --help/--version).
    from PySide6.QtCore import QLockFile, QTimer

    from kiosk.process import quicker_pyside_imports, stop_on_signals, utf8_locale

    quicker_pyside_imports()  # before the window's modules are imported
    from kiosk.content.preload import ContentPreload
    from kiosk.content.titles import peek_titles
    from kiosk.paths import AppPaths

    utf8_locale()
    paths = AppPaths.standard()
    settings, config_problems = load_settings(args.config or paths.config_file)
    settings = apply_flags(settings, args)
    source = ContentSource(settings, paths.data_dir / "updates", content_dir())
    content_root = source.root()
    titles = peek_titles(content_root)
    start_language = _start_language(settings.language, list(titles))
    # The content is read by a helper process while this one starts Qt and paints.
    preload = ContentPreload.start(content_root, start_language)

    from PySide6.QtWidgets import QApplication

    from kiosk.logs import last_lines
    from kiosk.ui.main_window import MainWindow
    from kiosk.ui.style.fonts import register_bundled_fonts

    app = cast(QApplication, QApplication.instance() or QApplication([sys.argv[0]]))
    owner = KioskApp(app, paths.log_dir)
    # Locked once Qt has started: a start that Qt stops (no display yet) leaves no lock.
    lock_path = paths.data_dir / "kiosk.lock"
    lock = QLockFile(str(lock_path))
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    # A clean stop removes the lock; one left behind means the last run was killed
    # (SIGKILL, power lost) with no chance to log anything. Said once the log is set up.
    unclean_stop = lock_path.exists()
    if not lock.tryLock(100):
        preload.cancel()
        owner.log.start(settings.log_level)
        log.error("another kiosk is already running; this one stops")
        print("kiosk: already running", file=sys.stderr)
        owner.close()
        return EXIT_ALREADY_RUNNING
    crash_report = owner.log.enable_crash_reports()  # after the lock: never another's

    family = register_bundled_fonts(fonts_dir())
    session = Session(default_language=start_language)
    window = MainWindow(None, session, settings, family, titles=titles)
    window.may_close = settings.windowed
    owner.restore_signals = stop_on_signals(app, window)

    def second_step() -> None:
        from PySide6.QtGui import QIcon  # its Python type takes ~1.3 ms to set up

        from kiosk.process import tune_allocator
        from kiosk.services import count_figures, load_and_log, make_speaker, start_updates
        from kiosk.ui.kiosk.supervisor import Supervisor

        tune_allocator()
        app.setWindowIcon(QIcon(str(resource_path("assets") / "icon.png")))
        level = "DEBUG" if os.environ.get("KIOSK_DEBUG") else settings.log_level
        log_file = owner.log.start(level)
        log.info("kiosk %s starting (mode %s)", __version__, settings.mode)
        for problem in config_problems:
            log.warning("configuration: %s", problem)
        if crash_report:
            log.warning("the previous run ended in a hard crash; report kept for staff")
        elif unclean_stop:
            log.warning(
                "the last run did not stop cleanly (killed, e.g. SIGKILL or out of memory, "
                "or the power was lost); nothing of a patient outlives the process"
            )
        library = _load_first(preload)
        if not library.languages and source.is_release(content_root):
            # An installed release that does not load: back to the one before it.
            first = library.errors[0] if library.errors else "no usable topic"
            library = load_and_log(source.give_up_release(f"it did not load: {first}"))
        language = _start_language(settings.language, library.languages)
        if language != settings.language:
            log.warning("no content in %s; using %s", settings.language, language)
        session.default_language = session.language = language
        window.build(library)
        _load_rest_later(window, library, later_timer)
        if not settings.windowed:
            # Frameless too, should a window manager ever take it out of full screen. Set
            # here, not before the first frame: PySide6's Qt namespace takes ~16 ms to create,
            # and changing flags hides the window, hence showing it again.
            from PySide6.QtCore import Qt

            window.setWindowFlag(Qt.WindowType.FramelessWindowHint)
            show_full_screen(window)
        supervisor = Supervisor(
            window,
            reload_library=lambda: load_and_log(source.root()),
            config_problems=config_problems,
            log_lines=lambda: last_lines(log_file),
            crash_report=crash_report,
            content_root=content_root,
        )
        sys.excepthook = supervisor.recover
        figures = count_figures(app, window, settings.figures_dir) if settings.figures_dir else None
        start_updates(window, supervisor, settings, paths.data_dir / "updates", figures)
        # Read-aloud once the kiosk is up (the engine starts on its own thread, see
        # kiosk/speech_start.py). If it is not ready then, the Speaker tries again by
        # itself and "Écouter" appears later. Never after this run: see the end of run_kiosk.
        speech_timer.timeout.connect(
            lambda: window.reader.set_speaker(make_speaker(window, settings.languages))
        )
        speech_timer.start(SPEECH_DELAY_MS)

    def second_step_or_stop() -> None:
        try:
            second_step()
        except Exception:  # half-built, the kiosk cannot serve: stop, so it is restarted
            log.exception("start-up failed after the first screen")
            app.exit(EXIT_START_FAILED)

    speech_timer = QTimer(window, singleShot=True)
    later_timer = QTimer(window, singleShot=True)  # the other languages' content
    window.attract.call_after_first_paint(second_step_or_stop)
    if settings.windowed:
        window.resize(1280, 800)
        window.show()
    else:
        show_full_screen(window)  # made frameless too in the second step
    try:
        code = app.exec()
        log.info("kiosk stopped (exit code %d)", code)
    finally:
        # A window left alive after the run (tests run kiosks one after another in one
        # process) must not start a speech engine later.
        speech_timer.stop()
        later_timer.stop()
        lock.unlock()
        owner.close()
    return code


def _load_first(preload: ContentPreload) -> Library:
    """The start language's content now (read by the helper process if there was one),
    the others' later (see _load_rest_later)."""
    library = preload.library()
    later = f" ({', '.join(sorted(library.pending))} later)" if library.pending else ""
    helper = " (read by a helper process)" if preload.helped else ""
    _log_loaded(library, library.problems, later + helper)
    return library


def _log_loaded(library: Library, problems: list[ContentProblem], later: str = "") -> None:
    topics = sum(len(topics) for topics in library.topics.values())
    languages = sorted(lang for lang, topics in library.topics.items() if topics)
    count = len(library.problems)
    log.info("content loaded: %d topics in %s, %d problems%s", topics, languages, count, later)
    for problem in problems:
        log.warning("content: %s", problem)


def _load_rest_later(window: Any, library: Library, timer: QTimer) -> None:
    """Read the other languages once the kiosk is ready, and log what they hold: a
    patient who chose one before that had it read then (Library.topics_for). ``timer``
    is stopped when the run ends."""
    if not library.pending:
        return
    logged = len(library.problems)

    def load_rest() -> None:
        if window.library is not library:
            return  # reloaded meanwhile: read whole, and logged
        library.load_rest()
        _log_loaded(library, library.problems[logged:])
        window.set_library(library)  # a language without a usable topic is no longer offered

    timer.timeout.connect(load_rest)
    timer.start(LATER_LANGUAGES_MS)


def show_full_screen(window: QWidget) -> None:
    """Full screen, and covering the screen even where no window manager honours the
    request (a bare X server started with just the kiosk)."""
    window.setGeometry(window.screen().geometry())
    window.showFullScreen()


def _start_language(wanted: str, available: list[str]) -> str:
    return sorted(available)[0] if available and wanted not in available else wanted
