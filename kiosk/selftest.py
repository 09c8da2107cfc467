"""``kiosk --self-test``: prove an installation works, headless, then exit 0 or 1.

Loads every topic in every language, builds the real main window, shows and renders every
page, builds each topic's summary and writes it as a PDF into a temporary folder. Prints a
short report of what ran and what failed. There is no patient here, so no patient text
either: the report names files, topics and counts only.

Runs on the offscreen platform unless ``QT_QPA_PLATFORM`` says otherwise, so it needs no
display (CI runs the frozen bundle this way with an otherwise empty environment).
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from kiosk.system_libraries import explain

T = TypeVar("T")
PDF_PAGE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")
WINDOW_SIZE = (1280, 800)
# Qt messages that say nothing about the installation.
HARMLESS = ("This plugin does not support propagateSizeHints",)


class Report:
    """What ran and what failed, printed as it goes."""

    def __init__(self) -> None:
        self.failures: list[str] = []

    def say(self, line: str) -> None:
        # A windowed Windows bundle has no stdout at all; the exit code still tells.
        stream = sys.stdout or sys.stderr
        if stream is not None:
            print(line, file=stream, flush=True)

    def ok(self, step: str, detail: str = "") -> None:
        self.say(f"  ok    {step}" + (f": {detail}" if detail else ""))

    def qt_message(self, kind, _context, message: str) -> None:
        from PySide6.QtCore import QtMsgType

        if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            self.fail("Qt", message)
        elif kind == QtMsgType.QtWarningMsg and not message.startswith(HARMLESS):
            self.say(f"  warn  Qt: {message}")

    def fail(self, step: str, detail: str) -> None:
        self.failures.append(f"{step}: {detail}")
        self.say(f"  FAIL  {step}: {detail}")

    def attempt(self, step: str, action: Callable[[], T]) -> T | None:
        """Run one step; an exception is a failure of that step, not of the whole test."""
        try:
            return action()
        except Exception as error:  # the self-test reports every failure and carries on
            self.fail(step, explain(error) or f"{type(error).__name__}: {error}")
            return None


def pdf_page_count(path: Path) -> int:
    """Pages in a PDF written by Qt (its page objects are not compressed)."""
    return len(PDF_PAGE.findall(path.read_bytes()))


def _application():
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        from kiosk.process import utf8_locale

        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        utf8_locale()
        app = QApplication([sys.argv[0] if sys.argv and sys.argv[0] else "kiosk"])
    return app


def run_self_test(content_dir: Path | None = None) -> int:
    """Exercise content, every page, the summary and its PDF; return 0 if all went well."""
    report = Report()
    try:
        import PySide6.QtCore  # noqa: F401
    except ImportError as error:  # a system library Qt needs is missing
        line = explain(error)
        if line is None:
            raise
        report.fail("Qt", line)
        return _finish(report, time.perf_counter())
    from kiosk.process import qt_messages_through

    def on_qt_message(kind: Any, context: Any, message: str) -> bool:
        report.qt_message(kind, context, message)
        return False  # passed on to e.g. pytest-qt's, which fails tests on Qt warnings

    with qt_messages_through(on_qt_message, print_unhandled=False):  # the report says them
        return _run(report, content_dir)


def _run(report: Report, content_dir: Path | None) -> int:
    from kiosk import __version__, resources

    started = time.perf_counter()
    report.say(f"kiosk {__version__} self-test")
    app = report.attempt("Qt", _application)
    if app is None:
        return _finish(report, started)
    from PySide6 import __version__ as pyside_version

    report.ok("Qt", f"PySide6 {pyside_version}, platform {app.platformName()}")

    from kiosk.content import load_library
    from kiosk.ui.style.fonts import FALLBACK_FAMILY, register_bundled_fonts

    family = report.attempt("fonts", lambda: register_bundled_fonts(resources.fonts_dir()))
    if family is None:
        family = FALLBACK_FAMILY
    elif family == FALLBACK_FAMILY:
        report.fail("fonts", "no bundled font could be loaded")
    else:
        report.ok("fonts", family)

    folder = content_dir
    if folder is None:
        folder = report.attempt("content", resources.content_dir)
    library = report.attempt("content", lambda: load_library(folder)) if folder else None
    if library is None:
        return _finish(report, started)
    topics = [topic for language in library.languages for topic in library.topics_for(language)]
    pages = sum(len(topic.pages) for topic in topics)
    warnings = len(library.problems) - len(library.errors)
    detail = f"{len(library.languages)} languages, {len(topics)} topics, {pages} pages"
    report.ok("content", detail + (f", {warnings} warnings" if warnings else ""))
    for problem in library.errors:
        report.fail("content", str(problem))
    if not topics:
        report.fail("content", f"no topic in {folder}")
    report.attempt("translations", lambda: _check_translations(report, library.languages))

    with tempfile.TemporaryDirectory(prefix="kiosk-selftest-") as temp:
        for language in library.languages:
            report.attempt(
                f"window {language}",
                partial(_check_language, report, library, language, family, Path(temp)),
            )
    return _finish(report, started)


def _check_translations(report: Report, languages: list[str]) -> None:
    """Every content language other than the source one has its compiled UI translation."""
    from kiosk import i18n

    missing = [
        language
        for language in languages
        if language != i18n.SOURCE_LANGUAGE and i18n.translator(language) is None
    ]
    if missing:
        report.fail("translations", f"no compiled UI translation for {', '.join(missing)}")
    else:
        others = [language for language in languages if language != i18n.SOURCE_LANGUAGE]
        report.ok("translations", ", ".join(others) or "source language only")


def _check_language(report: Report, library, language: str, family: str, temp: Path) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent

    from kiosk.config import Settings
    from kiosk.session import Session
    from kiosk.ui.main_window import MainWindow

    session = Session(default_language=language)
    window = MainWindow(library, session, Settings(windowed=True), family)
    try:
        window.resize(*WINDOW_SIZE)
        window.show()
        QCoreApplication.processEvents()
        if window.stack.currentWidget() is window.error:
            report.fail(f"{language} start", "the window shows the content error screen")
        window.start_session(language)
        for topic in library.topics_for(language):
            name = f"{language}/{topic.id}"
            report.attempt(name, partial(_check_topic, report, window, topic, name, temp))
    finally:
        window.close()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _check_topic(report: Report, window, topic, name: str, temp: Path) -> None:
    from kiosk import printing

    window.open_topic(topic.id)
    reader = window.reader
    if window.stack.currentWidget() is not reader:
        report.fail(name, "the reader did not open")
        return
    for index, page in enumerate(topic.pages):
        window.session.go_to(index)
        reader.show_page()
        image = window.grab()
        if reader.page_title.text() != page.title:
            report.fail(f"{name} page {index + 1}", "wrong page shown")
        elif reader.body.document().isEmpty():
            report.fail(f"{name} page {index + 1}", "page text is empty")
        elif image.isNull():
            report.fail(f"{name} page {index + 1}", "page did not render")
    # One suggested question, so the summary carries a list and a QR code.
    suggested = topic.all_questions[:1]
    for question in suggested:
        window.toggle_question(question.id)
    window.show_summary()
    document = window.summary.document
    if document is None:
        report.fail(f"{name} summary", "no summary document")
        return
    path = temp / f"summary-{topic.language}-{topic.id}.pdf"
    printing.write_pdf(document, path, "A4")
    count = pdf_page_count(path) if path.is_file() else 0
    if count < 1:
        report.fail(f"{name} summary PDF", "the PDF has no page")
        return
    window.end_session()
    report.ok(
        name,
        f"{len(topic.pages)} pages rendered, summary PDF {count} page(s), "
        f"{path.stat().st_size // 1024} KB",
    )


def _finish(report: Report, started: float) -> int:
    seconds = time.perf_counter() - started
    if report.failures:
        report.say(f"self-test FAILED: {len(report.failures)} problem(s) in {seconds:.1f} s")
        return 1
    report.say(f"self-test passed in {seconds:.1f} s")
    return 0
