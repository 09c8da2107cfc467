"""Run every check on a content folder and collect the findings in one :class:`Report`.

Content is loaded exactly as the app loads it (:func:`kiosk.content.load_library`); its
problems are reported as they are. Then come the checks the app does not need to run:
parity across languages, plain language (each page, then what a topic offers that no page
uses), and (optionally) layout.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.checker.parity import check_parity
from kiosk.checker.plain_language import Limits, check_page
from kiosk.checker.quiz_rules import check_quizzes
from kiosk.checker.report import Finding, Report, from_problem, relative
from kiosk.checker.terms import combined, own_terms
from kiosk.checker.usage import check_usage
from kiosk.content import ContentProblem, Library, load_library
from kiosk.content.titles import LANGUAGE_DIR

if TYPE_CHECKING:
    from kiosk.checker.layout_workers import LayoutWorkers


@dataclass(frozen=True)
class Options:
    limits: Limits = field(default_factory=Limits)
    layout: bool = True  # makes an offscreen QApplication if none is running
    jobs: int = 1  # processes for the layout (see layout_workers)


def check(content_dir: Path, options: Options | None = None) -> Report:
    options = options or Options()
    started = time.perf_counter()
    root = content_dir
    library = load_library(root)
    # The other displays are laid out by other processes while the checks below run.
    workers = start_layout_workers(library, options.jobs) if options.layout else None
    try:
        problems: list[ContentProblem] = list(library.problems)  # terms.txt may add some
        plain = plain_language_findings(library, options.limits, problems)
        findings = [from_problem(p, root) for p in problems] + check_parity(library) + plain
        findings += check_quizzes(library, options.limits)
        if workers is not None:
            findings += layout_findings(library, workers)
    finally:
        if workers is not None:
            workers.stop()  # any not collected, after a failure
    return Report(findings, files=count_files(root), seconds=time.perf_counter() - started)


def plain_language_findings(
    library: Library, limits: Limits, problems: list[ContentProblem]
) -> list[Finding]:
    findings: list[Finding] = []
    for language in library.languages:
        for topic in library.topics_for(language):
            own = own_terms(topic, problems)
            forms = tuple(form for entry in topic.glossary for form in entry.forms)
            # Medical words the page must explain: the glossary's and the topic's own.
            medical = tuple(entry.forms for entry in topic.glossary) + tuple((t,) for t in own)
            for page in topic.pages:
                path = relative(page.source, library.root)
                for f in check_page(
                    page, language, limits, combined(language, own), forms, medical
                ):
                    findings.append(Finding(path, f.line, f.severity, f.category, f.message))
            findings += check_usage(topic, library.root)
    return findings


def start_layout_workers(library: Library, jobs: int) -> LayoutWorkers:
    import PySide6.QtCore  # noqa: F401 - Qt only when layout checks run

    from kiosk.process import quicker_pyside_imports

    quicker_pyside_imports()  # before the reader's modules are imported
    from kiosk.checker.layout import DISPLAYS
    from kiosk.checker.layout_workers import LayoutWorkers

    return LayoutWorkers.start(library, DISPLAYS, jobs)


def layout_findings(library: Library, workers: LayoutWorkers) -> list[Finding]:
    """One note per page: how many screens it takes on each reference display and text
    size (the reader never scrolls; a long page is cut into screens)."""
    from kiosk.checker.layout import measure_with
    from kiosk.checker.qt_app import ensure_application

    ensure_application()
    return [
        Finding(relative(result.page.source, library.root), None, "note", "layout", result.detail())
        for result in measure_with(library, workers)
    ]


def count_files(root: Path) -> int:
    """Content files the check read: the Markdown files of every topic folder."""
    if not root.is_dir():
        return 0
    count = 0
    for lang_dir in root.iterdir():
        if lang_dir.is_dir() and LANGUAGE_DIR.match(lang_dir.name):
            count += sum(1 for path in lang_dir.glob("*/*.md") if path.is_file())
            count += sum(1 for path in lang_dir.glob("*/terms.txt") if path.is_file())
    return count
