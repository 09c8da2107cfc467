"""The supervisor as a state machine: the idle clock, the "still there?" countdown, the
staff pages and content reloads each follow the state, never the widget on screen."""

from __future__ import annotations

import shutil

import pytest

from kiosk.config import Settings
from kiosk.content import load_library
from kiosk.resources import content_dir
from kiosk.staff_pin import hash_pin
from kiosk.ui.kiosk.kiosk_states import TRANSITIONS, Event, State, next_state
from tests.ui.taps import tap

PIN = "2468"
PAGE = "fr/cimentoplastie/10-sejour.md"


def test_every_state_recovers_from_an_error_and_resume_is_never_entered():
    for state in State:
        if state is not State.RESUME:
            assert next_state(state, Event.ERROR) is State.RECOVERING
    assert all(source is not State.RESUME for source, _event in TRANSITIONS)
    assert next_state(State.STAFF, Event.IDLE) is None  # staff are never thrown out


@pytest.fixture
def kiosk(qtbot, make_window, tmp_path):
    from kiosk.ui.kiosk.supervisor import Supervisor

    def build(start: bool = True, content=None):
        lib = load_library(content) if content else None
        window = make_window(lib=lib, settings=Settings(staff_pin_hash=hash_pin(PIN)), start=False)
        supervisor = Supervisor(
            window,
            reload_library=(lambda: load_library(content)) if content else lambda: window.library,
            content_root=content,
        )
        supervisor.exit_app = lambda code: pytest.fail(f"the kiosk exited ({code})")
        supervisor.idle.set_timeout(60)
        window.still_there._tick.setInterval(20)  # 30 "seconds" = 0.6 s
        if start:
            tap(qtbot, window.attract.language_buttons["fr"])
            tap(qtbot, window.home.tiles[0])
            window.toggle_question("sejour")
        return window, supervisor

    return build


def enter_pin(qtbot, supervisor) -> None:
    supervisor.open_staff()
    for digit in PIN:
        tap(qtbot, supervisor.pin_pad.keys[digit])
    tap(qtbot, supervisor.pin_pad.ok_key)
    assert supervisor.window.stack.currentWidget() is supervisor.panel


def wait_for_still_there(qtbot, window, supervisor) -> None:
    supervisor.idle.set_timeout(0.1)
    supervisor.idle.poke()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.still_there, timeout=3000)
    supervisor.idle.set_timeout(60)


def test_the_countdown_stops_under_the_staff_panel(qtbot, kiosk):
    window, supervisor = kiosk()
    wait_for_still_there(qtbot, window, supervisor)
    enter_pin(qtbot, supervisor)
    assert not window.still_there._tick.isActive()  # no countdown left to run out
    # The clocks driven to their end instead of waited for: the patient's idle clock
    # running out under the panel changes nothing, staff are not thrown out.
    supervisor.idle.idle.emit()
    assert window.stack.currentWidget() is supervisor.panel
    assert window.session.questions.count == 1
    tap(qtbot, supervisor.panel.back_button)
    # Back to the patient's page (not a countdown that no longer counts), clock running.
    assert window.stack.currentWidget() is window.reader
    assert supervisor.state is State.READING and supervisor.idle.running


def test_a_gesture_during_the_countdown_then_cancel_goes_back_to_the_page(qtbot, kiosk):
    window, supervisor = kiosk()
    wait_for_still_there(qtbot, window, supervisor)
    supervisor.open_staff()
    assert window.stack.currentWidget() is supervisor.pin_pad
    assert supervisor.idle.active  # the patient's clock runs under the pad, afresh
    tap(qtbot, supervisor.pin_pad.cancel_button)
    assert window.stack.currentWidget() is window.reader
    assert supervisor.idle.running and not window.still_there._tick.isActive()


def test_the_lock_out_clock_stops_when_the_pad_is_cancelled(qtbot, kiosk):
    window, supervisor = kiosk()
    supervisor.open_staff()
    pad = supervisor.pin_pad
    for _ in range(5):
        for digit in "1111":
            tap(qtbot, pad.keys[digit])
        tap(qtbot, pad.ok_key)
    assert pad.message.text().startswith("Trop d'essais")
    tap(qtbot, pad.cancel_button)
    assert not pad._lock_timer.isActive() and not pad._inactivity.isActive()
    assert window.stack.currentWidget() is window.reader
    # Opened again, it counts again; closed by the idle clock, it stops again.
    supervisor.open_staff()
    assert pad._lock_timer.isActive()
    supervisor.on_idle()
    assert not pad._lock_timer.isActive()
    assert supervisor.state is State.STILL_THERE


def test_reload_then_back_from_a_countdown_never_shows_a_stale_page(qtbot, kiosk):
    window, supervisor = kiosk()
    wait_for_still_there(qtbot, window, supervisor)
    enter_pin(qtbot, supervisor)
    tap(qtbot, supervisor.panel.reload_button)
    assert window.stack.currentWidget() is supervisor.panel
    tap(qtbot, supervisor.panel.back_button)
    assert window.stack.currentWidget() is window.attract
    assert window.session.questions.count == 0 and not supervisor.idle.active
    tap(qtbot, window.attract.language_buttons["fr"])
    assert supervisor.idle.active


def test_staff_choices_without_a_wipe_go_back_to_the_patient(qtbot, kiosk):
    window, supervisor = kiosk()
    enter_pin(qtbot, supervisor)
    tap(qtbot, supervisor.panel.back_button)
    assert window.stack.currentWidget() is window.reader
    assert window.reader.topic is not None and supervisor.idle.running


@pytest.fixture
def content(tmp_path):
    root = tmp_path / "content"
    shutil.copytree(content_dir(), root)
    return root


def edit(root) -> None:
    path = root / PAGE
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("title: Votre séjour à l'hôpital", "title: Votre séjour"), encoding="utf-8"
    )


def stay_title(window) -> str:
    return window.library.topic("fr", "cimentoplastie").pages[9].title


def test_content_saved_while_the_panel_is_open_applies_when_staff_close_it(qtbot, kiosk, content):
    window, supervisor = kiosk(start=False, content=content)
    enter_pin(qtbot, supervisor)
    with qtbot.waitSignal(supervisor.watcher.changed, timeout=5000):
        edit(content)
    assert supervisor.reload_pending  # not under the staff's fingers
    tap(qtbot, supervisor.panel.back_button)
    # Between two patients: the edit is there for the next one.
    assert window.stack.currentWidget() is window.attract
    assert stay_title(window) == "Votre séjour" and not supervisor.reload_pending


def test_content_saved_while_the_panel_is_open_during_a_visit_waits_for_its_end(
    qtbot, kiosk, content
):
    window, supervisor = kiosk(content=content)
    enter_pin(qtbot, supervisor)
    with qtbot.waitSignal(supervisor.watcher.changed, timeout=5000):
        edit(content)
    tap(qtbot, supervisor.panel.back_button)
    assert window.stack.currentWidget() is window.reader  # the patient's page, unchanged
    assert stay_title(window) == "Votre séjour à l'hôpital" and supervisor.reload_pending
    window.end_session("finished")
    assert stay_title(window) == "Votre séjour" and not supervisor.reload_pending
