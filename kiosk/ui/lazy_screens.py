"""Screens a visit may never open (summary, contents, glossary, quiz, error page): built on
first use, not at start-up. Each is ready within a frame of the tap that opens it
(bench/README.md has the figures); MainWindow then joins it to the visit and styles it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from kiosk.ui.main_window import MainWindow

LAZY_SCREENS = ("summary", "contents", "glossary", "quiz", "error")


def build_screen(window: MainWindow, name: str) -> QWidget:
    """The screen called ``name``, made and wired to the window's actions."""
    screen: QWidget
    if name == "summary":
        from kiosk.ui.screens.summary_screen import SummaryScreen

        screen = summary = SummaryScreen(
            window.session, window.settings, window.family, qr_for=window.qr_ahead.payload
        )
        summary.back_requested.connect(window.show_questions)
        summary.print_started.connect(window.tap_guard.screen_changed)
    elif name == "contents":
        from kiosk.ui.screens.contents import ContentsScreen

        screen = contents = ContentsScreen()
        contents.quiz_requested.connect(window.show_quiz)
        contents.page_chosen.connect(window.jump_to_page)
        contents.covered_changed.connect(window.set_page_covered)
        contents.back_requested.connect(window.back_to_reader)
    elif name == "glossary":
        from kiosk.ui.screens.glossary_view import GlossaryScreen

        screen = glossary = GlossaryScreen()
        glossary.back_requested.connect(window.back_to_reader)
    elif name == "quiz":
        from kiosk.ui.screens.quiz_screen import QuizScreen

        screen = quiz = QuizScreen(window.visit)
        quiz.skip_requested.connect(window.show_questions)
        quiz.reread_requested.connect(window.reread_page)
        quiz.question_add_requested.connect(window.toggle_question)
        quiz.step_changed.connect(window.tap_guard.screen_changed)
    elif name == "error":
        from kiosk.ui.screens.message_screen import MessageScreen

        screen = MessageScreen()
    else:
        raise AttributeError(name)
    return screen


class LazyScreen:
    """``window.quiz`` builds the quiz screen the first time it is read (after ``build``);
    it is then an ordinary attribute of the window, found before this descriptor."""

    def __init__(self, name: str):
        self.name = name

    def __get__(self, window: MainWindow | None, owner: type | None = None) -> QWidget:
        if window is None:
            return self  # type: ignore[return-value]
        if "visit" not in window.__dict__:  # not built yet: as if it did not exist
            raise AttributeError(self.name)
        return window._build_lazy(self.name)
