"""One end of a visit: every trigger goes through MainWindow.end_session, which every
screen and widget that can hold something of the patient joins (Visit.join). The next
person finds nothing of the last one: no text, no toggle, no scroll position, no open
sheet, no quiz answer, no covered page, and the default text size and colours."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QWidget

from kiosk.config import Settings
from kiosk.staff_pin import hash_pin
from kiosk.ui.kiosk.kiosk_states import State
from kiosk.ui.style.theme import CALM
from kiosk.ui.visit import PatientState
from tests.ui.taps import tap

PIN = "2468"


@pytest.fixture
def kiosk(qtbot, make_window):
    """A kiosk-mode window with its supervisor; a visit started in French."""
    from kiosk.ui.kiosk.supervisor import Supervisor

    window = make_window(settings=Settings(staff_pin_hash=hash_pin(PIN)), start=False)
    supervisor = Supervisor(window, reload_library=lambda: window.library)
    supervisor.exit_app = lambda code: pytest.fail(f"the kiosk exited ({code})")
    supervisor.idle.set_timeout(60)  # shortened by the idle trigger only
    window.still_there._tick.setInterval(10)
    tap(qtbot, window.attract.language_buttons["fr"])
    return window, supervisor


def members_to_wipe(window, supervisor) -> list[object]:
    """Every screen of the window, every page of its stack, and the widgets that hold
    state of their own (display bars, the definition panel, the quiz, the supervisor)."""
    stack = [window.stack.widget(i) for i in range(window.stack.count())]
    return [
        *window.screens,
        *(screen for screen in stack if screen not in window.screens),
        *window.display_bars,
        window.reader.definition,
        window.quiz,
        window.qr_ahead,
        supervisor,
    ]


def not_joined(window, supervisor) -> list[str]:
    return [
        type(member).__name__
        for member in members_to_wipe(window, supervisor)
        if not window.visit.has_joined(member)
    ]


def test_every_screen_and_stateful_widget_joins_the_wipe(qtbot, kiosk):
    window, supervisor = kiosk
    assert not_joined(window, supervisor) == []
    for name, member in window.visit.members:
        assert isinstance(member, PatientState), name
    # A new screen that does not join is caught.
    window.stack.addWidget(QWidget())
    assert not_joined(window, supervisor) == ["QWidget"]


def fill_the_visit(qtbot, window) -> None:
    """A patient who used everything: each place that can keep something of them."""
    tap(qtbot, window.home.language_buttons["fr"])
    tap(qtbot, window.home.tiles[0])
    topic = window.current_topic()
    window.toggle_question("sejour")
    # The summary's QR code of that list, encoded ahead once the taps stop.
    qtbot.waitUntil(lambda: not window.qr_ahead.pending)
    assert len(window.qr_ahead.cache) == 1
    reader = window.reader
    # Text size A++ and high contrast, chosen on the display sheet.
    tap(qtbot, reader.display_button)
    tap(qtbot, reader.display_bar.size_buttons[2])
    tap(qtbot, reader.display_button)
    tap(qtbot, reader.display_bar.contrast_button)
    window.jump_to_page(4)
    window.set_page_covered(2, True)
    # The list of words, scrolled down, its display sheet open.
    window.show_glossary()
    glossary = window.glossary
    glossary.scroll_area.verticalScrollBar().setValue(
        glossary.scroll_area.verticalScrollBar().maximum()
    )
    tap(qtbot, glossary.display_button)
    # A question too long for the list: its message stays on the writer.
    window.show_questions()
    questions = window.questions
    questions.open_tab(questions.writer)
    questions.writer.editor.setPlainText("Une question beaucoup trop longue " * 12)
    tap(qtbot, questions.writer.keyboard.key_for("submit"))
    assert questions.writer.message.text()
    questions.open_tab(questions.list_view)
    tap(qtbot, questions.display_button)
    # The quiz: started, one answer given, scrolled.
    window.show_quiz()
    quiz = window.quiz
    tap(qtbot, quiz.start_button)
    tap(qtbot, quiz.option_tiles[0])
    assert window.session.quiz_answers and window.session.quiz_index == 0
    # The contents (presenter's list), a page ticked, scrolled.
    window.show_contents()
    window.contents.checks[3].setChecked(True)
    bar = window.contents.scroll_area.verticalScrollBar()
    bar.setValue(bar.maximum())
    # Back on a page, with a word explained open and the display sheet open.
    window.back_to_reader()
    reader.definition.show_entry(topic.glossary[0], False)
    tap(qtbot, reader.display_button)
    assert window.session.text_scale == 2 and window.session.high_contrast
    assert window.session.pages_covered == {2, 3}


def assert_nothing_of_the_patient(window, supervisor) -> None:
    session = window.session
    assert not session.started and session.topic_id is None
    assert session.questions.count == 0 and session.page_index == 0
    assert session.pages_covered == set()
    assert session.quiz_answers == {} and session.quiz_index == -1
    assert session.text_scale == 0 and not session.high_contrast
    assert session.language == session.default_language == "fr"
    assert window.palette_ is CALM
    for bar in window.display_bars:
        assert not bar.isVisibleTo(bar.parentWidget())
        assert bar.size_buttons[0].isChecked() and not bar.contrast_button.isChecked()
    for button in (
        window.reader.display_button,
        window.questions.display_button,
        window.glossary.display_button,
    ):
        assert not button.isChecked()
    definition = window.reader.definition
    assert not definition.isVisibleTo(window.reader) and definition.entry is None
    assert definition.term.text() == "" and definition.definition.text() == ""
    for area in (window.glossary.scroll_area, window.contents.scroll_area, window.quiz.scroll_area):
        assert area.verticalScrollBar().value() == 0
    assert not any(check.isChecked() for check in window.contents.checks)
    assert window.quiz.option_tiles == []
    home = window.home
    assert not any(button.isChecked() for button in home.language_buttons.values())
    assert not home.notice.isVisibleTo(home) and home.notice.text() == ""
    writer = window.questions.writer
    assert writer.message.text() == "" and writer.editor.toPlainText() == ""
    assert not window.questions.status.isVisibleTo(window.questions)
    assert window.reader.topic is None
    ahead = window.qr_ahead
    assert not ahead.pending and (ahead.cache is None or len(ahead.cache) == 0)
    assert supervisor._return_to is None
    assert not window.still_there._tick.isActive()
    assert not supervisor.pin_pad._lock_timer.isActive()
    assert not supervisor.pin_pad._inactivity.isActive()


def enter_pin(qtbot, supervisor) -> None:
    supervisor.open_staff()
    for digit in PIN:
        tap(qtbot, supervisor.pin_pad.keys[digit])
    tap(qtbot, supervisor.pin_pad.ok_key)
    assert supervisor.state is State.STAFF


def finish(qtbot, window, supervisor) -> None:
    window.show_questions()
    tap(qtbot, window.questions.end_button)
    tap(qtbot, window.questions.confirm_yes)


def idle(qtbot, window, supervisor) -> None:
    supervisor.idle.set_timeout(0.2)
    supervisor.idle.poke()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.still_there, timeout=3000)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.attract, timeout=3000)


def recovery(qtbot, window, supervisor) -> None:
    def broken(step: int) -> None:
        raise RuntimeError("boom")

    window.reader.turn = broken
    previous, sys.excepthook = sys.excepthook, supervisor.recover
    try:
        tap(qtbot, window.reader.next_button)
    finally:
        sys.excepthook = previous
    assert window.stack.currentWidget() is window.message
    tap(qtbot, window.message.back_button)


def mode_switch(qtbot, window, supervisor) -> None:
    enter_pin(qtbot, supervisor)
    tap(qtbot, supervisor.panel.mode_button)
    assert supervisor.mode == "presenter"
    tap(qtbot, supervisor.panel.back_button)


def staff_reload(qtbot, window, supervisor) -> None:
    enter_pin(qtbot, supervisor)
    tap(qtbot, supervisor.panel.reload_button)
    assert window.stack.currentWidget() is supervisor.panel  # staff stay in the panel
    tap(qtbot, supervisor.panel.back_button)


@pytest.mark.parametrize(
    "trigger",
    [
        finish,
        idle,
        pytest.param(recovery, marks=pytest.mark.qt_no_exception_capture),
        mode_switch,
        staff_reload,
    ],
    ids=["terminer", "idle", "recovery", "mode switch", "staff reload then back"],
)
def test_every_end_of_a_visit_leaves_nothing_of_the_patient(qtbot, kiosk, trigger):
    window, supervisor = kiosk
    fill_the_visit(qtbot, window)
    trigger(qtbot, window, supervisor)
    assert window.stack.currentWidget() is window.attract
    assert supervisor.state is State.ATTRACT and not supervisor.idle.active
    assert_nothing_of_the_patient(window, supervisor)
    # The next patient starts afresh, with the idle clock on (in kiosk mode).
    tap(qtbot, window.attract.language_buttons["fr"])
    assert window.stack.currentWidget() is window.home
    assert supervisor.state is State.READING
    assert supervisor.idle.active == (supervisor.mode == "kiosk")


def test_the_attract_screen_language_is_the_only_one_selected_next_time(qtbot, kiosk):
    window, supervisor = kiosk
    tap(qtbot, window.home.language_buttons["en"])
    assert window.home.language_buttons["en"].isChecked()
    finish(qtbot, window, supervisor)
    assert not any(b.isChecked() for b in window.home.language_buttons.values())
    tap(qtbot, window.attract.language_buttons["fr"])
    assert window.home.language_buttons["fr"].isChecked()
    assert not window.home.language_buttons["en"].isChecked()
