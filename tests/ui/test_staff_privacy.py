"""The two privacy holes found by a hostile tester and a maintainer: an abandoned PIN pad,
and "Recharger" then "Retour" on the staff panel. In both, the last patient's questions
must never be shown to the next person."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kiosk.config import Settings
from kiosk.staff_pin import hash_pin

PIN = "2468"


@pytest.fixture
def kiosk(qtbot, make_window):
    from kiosk.ui.kiosk.supervisor import Supervisor

    def build(idle_s: float = 0.3):
        window = make_window(settings=Settings(staff_pin_hash=hash_pin(PIN)), start=False)
        supervisor = Supervisor(window, reload_library=lambda: window.library)
        supervisor.idle.set_timeout(idle_s)
        window.still_there._tick.setInterval(10)  # the countdown's seconds, shortened
        qtbot.mouseClick(window.attract.language_buttons["fr"], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(window.home.tiles[0], Qt.MouseButton.LeftButton)
        window.toggle_question("sejour")
        assert window.session.questions.count == 1
        return window, supervisor

    return build


def enter_pin(qtbot, supervisor) -> None:
    """Staff open the panel: the gesture, then the PIN typed on the pad."""
    supervisor.open_staff()
    pad = supervisor.pin_pad
    for digit in PIN:
        qtbot.mouseClick(pad.keys[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(pad.ok_key, Qt.MouseButton.LeftButton)
    assert supervisor.window.stack.currentWidget() is supervisor.panel


def patient_gone(window) -> bool:
    return (
        window.stack.currentWidget() is window.attract
        and window.session.questions.count == 0
        and not window.session.started
    )


def test_the_idle_clock_runs_under_an_abandoned_pin_pad(qtbot, kiosk):
    window, supervisor = kiosk(idle_s=0.3)
    supervisor.pin_pad.inactivity_ms = 60_000  # the pad's own time-out is not what acts here
    supervisor.open_staff()  # the gesture, made by accident
    assert window.stack.currentWidget() is supervisor.pin_pad
    assert supervisor.idle.active
    qtbot.waitUntil(lambda: patient_gone(window), timeout=5000)
    # The next person taps "Annuler": nothing of the last patient is there.
    assert window.stack.currentWidget() is not supervisor.pin_pad


def test_the_idle_clock_runs_under_the_lock_out_message(qtbot, kiosk):
    window, supervisor = kiosk(idle_s=0.5)
    supervisor.pin_pad.inactivity_ms = 60_000
    supervisor.open_staff()
    pad = supervisor.pin_pad
    for _ in range(5):
        for digit in "1111":
            qtbot.mouseClick(pad.keys[digit], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(pad.ok_key, Qt.MouseButton.LeftButton)
    assert pad.message.text().startswith("Trop d'essais")
    qtbot.waitUntil(lambda: patient_gone(window), timeout=5000)
    assert not pad._lock_timer.isActive()  # no timer ticking on a closed pad


def test_an_untouched_pin_pad_closes_by_itself(qtbot, kiosk):
    window, supervisor = kiosk(idle_s=60)
    pad = supervisor.pin_pad
    pad.inactivity_ms = 300
    supervisor.open_staff()
    assert window.stack.currentWidget() is pad
    qtbot.waitUntil(lambda: window.stack.currentWidget() is not pad, timeout=3000)
    assert window.stack.currentWidget() is window.reader  # back where the patient was
    assert supervisor.idle.active  # and their idle clock still runs
    assert not pad._lock_timer.isActive()


def test_cancel_stops_the_pin_pad_clock(qtbot, kiosk):
    window, supervisor = kiosk(idle_s=60)
    supervisor.open_staff()
    qtbot.mouseClick(supervisor.pin_pad.cancel_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.reader
    assert not supervisor.pin_pad._lock_timer.isActive()


def test_staff_inside_the_panel_are_not_thrown_out(qtbot, kiosk):
    window, supervisor = kiosk(idle_s=0.2)
    enter_pin(qtbot, supervisor)
    # Idle timeouts go by: no clock runs under the panel, staff stay there.
    assert not supervisor.idle.active
    with qtbot.assertNotEmitted(supervisor.idle.idle, wait=600):
        pass
    assert window.stack.currentWidget() is supervisor.panel


def test_reload_then_back_never_returns_to_the_last_patient(qtbot, kiosk):
    window, supervisor = kiosk(idle_s=60)
    enter_pin(qtbot, supervisor)
    qtbot.mouseClick(supervisor.panel.reload_button, Qt.MouseButton.LeftButton)
    assert window.session.questions.count == 0
    qtbot.mouseClick(supervisor.panel.back_button, Qt.MouseButton.LeftButton)
    # Not a stale reader with the idle clock off: the attract screen, ready for the next.
    assert patient_gone(window)
    qtbot.mouseClick(window.attract.language_buttons["fr"], Qt.MouseButton.LeftButton)
    assert window.session.started and supervisor.idle.active


def test_mode_switch_then_back_returns_to_the_attract_screen(qtbot, kiosk):
    window, supervisor = kiosk(idle_s=60)
    enter_pin(qtbot, supervisor)
    qtbot.mouseClick(supervisor.panel.mode_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(supervisor.panel.back_button, Qt.MouseButton.LeftButton)
    assert patient_gone(window)
