"""Recovery from an unexpected error: never re-entered, each step on its own, and a wipe
that fails restarts the kiosk (exit code EXIT_WIPE_FAILED, for its service)."""

from __future__ import annotations

import logging
import sys

import pytest

from kiosk.config import Settings
from kiosk.ui.kiosk.kiosk_states import State
from tests.ui.taps import tap

SECRET = "Ma question très secrète ?"


@pytest.fixture
def kiosk(qtbot, make_window, monkeypatch):
    from kiosk.ui.kiosk.supervisor import Supervisor

    window = make_window(settings=Settings(), start=False)
    supervisor = Supervisor(window, reload_library=lambda: window.library)
    exits: list[int] = []
    supervisor.exit_app = exits.append
    monkeypatch.setattr(sys, "excepthook", supervisor.recover)
    tap(qtbot, window.attract.language_buttons["fr"])
    tap(qtbot, window.home.tiles[0])
    window.toggle_question("sejour")
    assert window.session.questions.add_own(SECRET) is None
    return window, supervisor, exits


def break_next(window, error: str = "boom in a handler") -> None:
    def broken(step: int) -> None:
        raise RuntimeError(error)

    window.reader.turn = broken


@pytest.mark.qt_no_exception_capture
def test_an_error_while_recovering_is_not_recovered_from_twice(qtbot, kiosk, caplog):
    window, supervisor, exits = kiosk
    failures = []

    def fails_twice() -> None:  # a slot of the end of the session that raises
        if len(failures) < 2:
            failures.append(1)
            raise RuntimeError("second error")

    window.session_ended.connect(fails_twice)
    break_next(window)
    with caplog.at_level(logging.INFO):
        tap(qtbot, window.reader.next_button)
    assert caplog.text.count("unexpected error:") == 1
    assert "another error while recovering" in caplog.text
    assert window.stack.currentWidget() is window.message
    assert supervisor.state is State.RECOVERING
    assert window.session.questions.count == 0 and exits == []


@pytest.mark.qt_no_exception_capture
def test_a_failing_step_of_the_recovery_does_not_stop_the_others(qtbot, kiosk, caplog, monkeypatch):
    window, supervisor, exits = kiosk

    def no_message(*_args) -> None:
        raise RuntimeError("cannot show the message")

    monkeypatch.setattr(window, "show_message", no_message)
    break_next(window)
    with caplog.at_level(logging.INFO):
        tap(qtbot, window.reader.next_button)
    assert "recovery step message failed (RuntimeError)" in caplog.text
    assert window.session.questions.count == 0
    assert supervisor._recovery_timer.isActive()  # the way back to attract still runs
    assert exits == []


@pytest.mark.qt_no_exception_capture
def test_a_wipe_that_fails_during_recovery_restarts_the_kiosk(qtbot, kiosk, caplog, monkeypatch):
    window, _supervisor, exits = kiosk

    def wipe_fails() -> None:
        raise ValueError(SECRET)  # even an error that carries patient text

    monkeypatch.setattr(window.glossary, "wipe", wipe_fails)
    break_next(window)
    with caplog.at_level(logging.INFO):
        tap(qtbot, window.reader.next_button)
    from kiosk.ui.kiosk.supervisor import EXIT_WIPE_FAILED

    assert exits == [EXIT_WIPE_FAILED] == [5]
    assert "wipe step glossary failed (ValueError)" in caplog.text
    assert "exiting with code 5 so that the service restarts the kiosk" in caplog.text
    assert SECRET not in caplog.text
    # Every other step ran: nothing of the patient is left on the other screens.
    assert window.session.questions.count == 0 and window.reader.topic is None
    assert not window.isVisible()


def test_a_wipe_that_fails_at_the_end_of_any_visit_restarts_the_kiosk(
    qtbot, kiosk, caplog, monkeypatch
):
    window, _supervisor, exits = kiosk

    def wipe_fails() -> None:
        raise RuntimeError("wipe broken")

    monkeypatch.setattr(window.quiz, "wipe", wipe_fails)
    with caplog.at_level(logging.INFO):
        assert window.end_session("finished") is False
    assert exits == [5]
    assert "wipe step quiz failed (RuntimeError)" in caplog.text
    assert window.questions.writer.editor.toPlainText() == ""
    assert window.session.questions.count == 0
