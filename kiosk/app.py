"""Composition root: build settings, logging, content, session, window and supervisor."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from kiosk import __version__
from kiosk.config import Settings, load_settings
from kiosk.content_source import ContentSource
from kiosk.resources import content_dir, fonts_dir, resource_path
from kiosk.session import Session

if TYPE_CHECKING:  # Qt stays unimported for --help, --version and check
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QWidget

    from kiosk.content import Library
    from kiosk.speech import Speaker
    from kiosk.ui.kiosk.supervisor import Supervisor
    from kiosk.ui.reading.figures_hook import FigureCounter

log = logging.getLogger("kiosk")
EXIT_ALREADY_RUNNING = 3
EXIT_START_FAILED = 4
# Staff tapped "Quitter l'application": the one exit that the service files in deploy/ do
# not restart (systemd's RestartPreventExitStatus=, deploy/kiosk-session). Any other end
# (a crash, a signal, exit 0 from elsewhere) is restarted.
EXIT_STAFF_QUIT = 10
STOP_SIGNALS = ("SIGTERM", "SIGINT", "SIGHUP")  # logged, then a clean stop: 128 + number
SPEECH_DELAY_MS = 1500


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


def run_kiosk(args: argparse.Namespace) -> int:
    """Paint the attract screen first, from the topic titles alone; load the content and
    build everything else right after that first frame (see MainWindow)."""
    # Qt is imported only once we know we will show a window (fast --help/--version).
    from PySide6.QtCore import QLockFile, QTimer
    from PySide6.QtWidgets import QApplication

    from kiosk.content.titles import peek_titles
    from kiosk.logs import enable_crash_reports, last_lines, setup_logging
    from kiosk.paths import AppPaths
    from kiosk.ui.main_window import MainWindow
    from kiosk.ui.style.fonts import register_bundled_fonts

    if os.name == "posix" and not any(os.environ.get(k) for k in ("LC_ALL", "LC_CTYPE", "LANG")):
        os.environ["LC_CTYPE"] = "C.UTF-8"  # under systemd or env -i Qt warns without one
    app = cast(QApplication, QApplication.instance() or QApplication([sys.argv[0]]))
    paths = AppPaths.standard()
    settings, config_problems = load_settings(args.config or paths.config_file)
    settings = apply_flags(settings, args)
    lock_path = paths.data_dir / "kiosk.lock"
    lock = QLockFile(str(lock_path))
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    # A clean stop removes the lock; one left behind means the last run was killed
    # (SIGKILL, power lost) with no chance to log anything. Said once the log is set up.
    unclean_stop = lock_path.exists()
    if not lock.tryLock(100):
        setup_logging(paths.log_dir, settings.log_level)
        log.error("another kiosk is already running; this one stops")
        print("kiosk: already running", file=sys.stderr)
        return EXIT_ALREADY_RUNNING
    crash_report = enable_crash_reports(paths.log_dir)  # after the lock: never another's

    family = register_bundled_fonts(fonts_dir())
    source = ContentSource(settings, paths.data_dir / "updates", content_dir())
    content_root = source.root()
    titles = peek_titles(content_root)
    session = Session(default_language=_start_language(settings.language, list(titles)))
    window = MainWindow(None, session, settings, family, titles=titles)
    window.may_close = settings.windowed
    stop_on_signals(app, window)

    def second_step() -> None:
        from PySide6.QtGui import QIcon  # its Python type takes ~1.3 ms to set up

        from kiosk.ui.kiosk.supervisor import Supervisor

        tune_allocator()
        app.setWindowIcon(QIcon(str(resource_path("assets") / "icon.png")))
        level = "DEBUG" if os.environ.get("KIOSK_DEBUG") else settings.log_level
        log_file = setup_logging(paths.log_dir, level)
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
        library = load_and_log(content_root)
        if not library.languages and source.is_release(content_root):
            # An installed release that does not load: back to the one before it.
            first = library.errors[0] if library.errors else "no usable topic"
            library = load_and_log(source.give_up_release(f"it did not load: {first}"))
        language = _start_language(settings.language, library.languages)
        if language != settings.language:
            log.warning("no content in %s; using %s", settings.language, language)
        session.default_language = session.language = language
        window.build(library)
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
        # The speech engine blocks up to 2 s while it lists its voices: well after. If it is
        # not ready then, the Speaker tries again by itself and "Écouter" appears later.
        QTimer.singleShot(
            SPEECH_DELAY_MS,
            lambda: window.reader.set_speaker(make_speaker(window, settings.languages)),
        )

    def second_step_or_stop() -> None:
        try:
            second_step()
        except Exception:  # half-built, the kiosk cannot serve: stop, so it is restarted
            log.exception("start-up failed after the first screen")
            app.exit(EXIT_START_FAILED)

    window.attract.call_after_first_paint(second_step_or_stop)
    if settings.windowed:
        window.resize(1280, 800)
        window.show()
    else:
        show_full_screen(window)  # made frameless too in the second step
    code = app.exec()
    log.info("kiosk stopped (exit code %d)", code)
    lock.unlock()
    return code


def stop_on_signals(app: QObject, window: QWidget) -> None:
    """SIGTERM, SIGINT and SIGHUP: log the signal, end the visit through the normal wipe,
    and leave the event loop with 128 + the signal's number (a service restarts that).

    Python runs its signal handlers only between bytecodes, never while Qt's event loop
    waits in C++: the handler here does nothing itself, but Python writes each signal's
    number to a socket (signal.set_wakeup_fd) that a QSocketNotifier watches."""
    import signal
    import socket

    from PySide6.QtCore import QCoreApplication, QSocketNotifier

    numbers = [getattr(signal, name) for name in STOP_SIGNALS if hasattr(signal, name)]
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    try:
        signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
    except ValueError:  # not the main thread (a test harness): keep Python's defaults
        reader.close()
        writer.close()
        return
    for number in numbers:
        signal.signal(number, lambda *_: None)  # the wakeup socket carries the number
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)
    stopping: list[int] = []

    def woken() -> None:
        try:
            received = reader.recv(64)
        except (BlockingIOError, InterruptedError):
            return
        for number in received:
            if number not in numbers or stopping:
                continue
            stopping.append(number)
            log.warning("%s received: ending the visit and stopping", signal.Signals(number).name)
            if hasattr(window, "visit"):  # built: a patient may be there, wipe as usual
                window.end_session("stopped")  # type: ignore[attr-defined]
            window.may_close = True  # type: ignore[attr-defined]
            QCoreApplication.exit(128 + number)

    notifier.activated.connect(woken)
    app._stop_signals = (notifier, reader, writer)  # type: ignore[attr-defined]  # kept alive


def start_updates(
    window: QWidget,
    supervisor: Supervisor,
    settings: Settings,
    state: Path,
    figures: FigureCounter | None = None,
) -> None:
    """Signed content updates, when configured: checks on a schedule and from the staff
    panel; a new release is shown from the next patient on (docs/fleet.md)."""
    panel = supervisor.panel
    if not (settings.update_source and settings.trusted_root):
        panel.show_updates(False, "")
        return
    from kiosk.ui.staff.updates import UpdateService

    updates = UpdateService(settings, state, window)

    def checked(result) -> None:
        panel.show_updates(True, updates.status_text())
        if figures is not None:  # the release shown and the last check, for monitoring
            from kiosk.fleet.update import current_release, last_check_hour

            figures.figures.set_status(current_release(state), last_check_hour(state))
        if result.changed:
            supervisor.on_content_changed()  # between two patients

    updates.checked.connect(checked)
    panel.update_requested.connect(updates.check_now)
    panel.show_updates(True, updates.status_text())
    updates.start()


def count_figures(app: QObject, window: QWidget, folder: Path) -> FigureCounter:
    """Anonymous usage figures for the hospital's monitoring (docs/fleet.md)."""
    from kiosk.fleet.figures import Figures
    from kiosk.ui.reading.figures_hook import FigureCounter

    counter = FigureCounter(window, Figures(folder))
    app.aboutToQuit.connect(counter.close)  # type: ignore[attr-defined]
    return counter


def show_full_screen(window: QWidget) -> None:
    """Full screen, and covering the screen even where no window manager honours the
    request (a bare X server started with just the kiosk)."""
    window.setGeometry(window.screen().geometry())
    window.showFullScreen()


def _start_language(wanted: str, available: list[str]) -> str:
    return sorted(available)[0] if available and wanted not in available else wanted


def tune_allocator() -> None:
    """glibc keeps freed large buffers (summary previews) in the heap for reuse, so the
    resident size of a long-running kiosk creeps up; returning them at once keeps it flat.
    Same as MALLOC_MMAP_THRESHOLD_=1048576; a no-op where glibc is absent."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt(-3, 1024 * 1024)  # M_MMAP_THRESHOLD
    except (OSError, AttributeError):
        log.debug("allocator tuning unavailable")


def make_speaker(parent: QObject, languages: tuple[str, ...] = ("fr", "en")) -> Speaker:
    from kiosk.speech import Speaker

    speaker = Speaker(parent=parent, languages=languages)
    if not speaker.retrying:  # else the speaker logs what it waits for, and when it is ready
        for language in languages:
            reason = speaker.unavailable_reason(language)
            if reason:
                log.warning("read-aloud in %s unavailable: %s", language, reason)
    return speaker


def load_and_log(root: Path) -> Library:
    from kiosk.content.loader import load_library

    library = load_library(root)
    topics = sum(len(topics) for topics in library.topics.values())
    log.info(
        "content loaded: %d topics in %s, %d problems",
        topics,
        library.languages,
        len(library.problems),
    )
    for problem in library.problems:
        log.warning("content: %s", problem)
    return library


def set_pin(argv: list[str]) -> int:
    """`kiosk set-pin [--config FILE] [--min-digits N]`: store a new staff PIN as a salted
    hash, editing the configuration file as TOML (see kiosk.staff_pin.write_pin_hash)."""
    from kiosk.staff_pin import FLOOR_DIGITS, MIN_DIGITS, check_new_pin, hash_pin, write_pin_hash

    parser = argparse.ArgumentParser(prog="kiosk set-pin", description="Set the staff PIN.")
    parser.add_argument("--config", type=Path, metavar="FILE", help="configuration file")
    parser.add_argument(
        "--min-digits",
        type=int,
        default=MIN_DIGITS,
        metavar="N",
        help=f"shortest PIN accepted (default {MIN_DIGITS}, at least {FLOOR_DIGITS}); a "
        "4-digit PIN falls to offline guessing in minutes if the file is read",
    )
    args = parser.parse_args(argv)
    if args.min_digits < FLOOR_DIGITS:
        parser.error(f"--min-digits must be at least {FLOOR_DIGITS}")
    path = args.config or _standard_config_file()
    _, problems = load_settings(path)
    if any(problem.message.startswith(("syntax error", "cannot read")) for problem in problems):
        print(f"kiosk set-pin: fix {path} first: {problems[0]}", file=sys.stderr)
        return 2
    import getpass

    try:
        pin = getpass.getpass("New staff PIN (digits): ")
        again = getpass.getpass("Same PIN again: ")
    except (EOFError, KeyboardInterrupt):  # no input, Ctrl-D or Ctrl-C
        print("\nkiosk set-pin: cancelled; nothing changed", file=sys.stderr)
        return 1
    if pin != again:
        print("kiosk set-pin: the two PINs differ; nothing changed", file=sys.stderr)
        return 2
    try:
        check_new_pin(pin, args.min_digits)
        pin_hash = hash_pin(pin)
    except ValueError as error:
        print(f"kiosk set-pin: {error}; nothing changed", file=sys.stderr)
        return 2
    try:
        write_pin_hash(path, pin_hash)
    except (OSError, ValueError) as error:
        print(f"kiosk set-pin: {error}; no PIN set", file=sys.stderr)
        return 2
    print(f"Staff PIN set in {path}")
    return 0


def _standard_config_file() -> Path:
    from kiosk.paths import AppPaths

    return AppPaths.standard().config_file
