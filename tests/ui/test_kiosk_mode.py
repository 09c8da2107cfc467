"""Kiosk mode as a patient and staff meet it: no way out, idle wipe, staff access, recovery."""

from __future__ import annotations

import logging
import sys

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QContextMenuEvent, QDragEnterEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from kiosk.config import Settings
from kiosk.staff_pin import hash_pin
from kiosk.ui.staff.staff_gesture import HOLD_SECONDS

PIN = "2468"
SECRET = "Mon secret très personnel ?"


@pytest.fixture
def kiosk(qtbot, make_window):
    """A kiosk-mode window with its supervisor, a session started, timers shortened."""
    from kiosk.ui.kiosk.supervisor import Supervisor

    def build(**overrides):
        settings = Settings(**{"staff_pin_hash": hash_pin(PIN), **overrides})
        window = make_window(settings=settings, start=False)
        supervisor = Supervisor(window, reload_library=lambda: window.library)
        supervisor.idle.set_timeout(0.3)
        window.still_there._tick.setInterval(20)
        qtbot.mouseClick(window.attract.language_buttons["fr"], Qt.MouseButton.LeftButton)
        return window, supervisor

    return build


KEYS = [
    (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier, "Alt+F4"),
    (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier, "Escape"),
    (Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier, "F11"),
    (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier, "Ctrl+Q"),
    (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier, "Ctrl+W"),
]


def test_no_route_out_in_kiosk_mode(qtbot, kiosk):
    window, supervisor = kiosk()
    for key, modifier, name in KEYS:
        QTest.keyClick(window.home, key, modifier)
        assert supervisor.guard.blocked[-1] == name
        assert window.isVisible()
    window.close()
    assert window.isVisible()
    menu = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, QPoint(5, 5), window.mapToGlobal(QPoint(5, 5))
    )
    QApplication.sendEvent(window.home, menu)
    assert supervisor.guard.blocked[-1] == "context menu"
    mime = QMimeData()
    mime.setText("dehors")
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier)  # fmt: skip
    try:
        drag = QDragEnterEvent(QPointF(5, 5), *args)  # PySide6 6.12 deprecates QPoint here
    except TypeError:
        drag = QDragEnterEvent(QPoint(5, 5), *args)  # 6.11 has only this one
    qtbot.mouseClick(window.home.tiles[0], Qt.MouseButton.LeftButton)  # text that takes drops
    QApplication.sendEvent(window.reader.body.viewport(), drag)
    assert supervisor.guard.blocked[-1] == "drag and drop"
    assert not drag.isAccepted()


def test_windowed_mode_lets_staff_close_and_use_keys(qtbot, kiosk):
    window, supervisor = kiosk(windowed=True)
    QTest.keyClick(window.home, Qt.Key.Key_Escape)
    assert supervisor.guard.blocked == []
    window.close()
    assert not window.isVisible()


def test_selected_text_never_leaves_through_copy_or_drag(qtbot, kiosk):
    window, _ = kiosk()
    qtbot.mouseClick(window.home.tiles[0], Qt.MouseButton.LeftButton)
    window.show_questions()
    screen = window.questions
    screen.open_tab(screen.writer)
    editor = screen.writer.editor
    editor.setPlainText(SECRET)
    editor.selectAll()
    editor.copy()
    assert SECRET not in (QApplication.clipboard().text() or "")


def wait_for_attract(qtbot, window):
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.attract, timeout=5000)


def test_idle_warns_then_wipes_everything(qtbot, kiosk, tmp_path, monkeypatch, request):
    from kiosk.logs import StaffLog

    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    staff_log = StaffLog(tmp_path / "logs")
    log_file = staff_log.start()
    request.addfinalizer(staff_log.close)  # its handlers off the root logger after the test
    window, _ = kiosk()
    qtbot.mouseClick(window.home.tiles[0], Qt.MouseButton.LeftButton)
    window.show_questions()
    screen = window.questions
    screen.open_tab(screen.writer)
    screen.writer.editor.setPlainText(SECRET)
    qtbot.mouseClick(screen.writer.keyboard.key_for("submit"), Qt.MouseButton.LeftButton)
    screen.writer.editor.setPlainText("brouillon secret")
    screen.open_tab(screen.list_view)  # typing is over: the clock runs again
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.still_there, timeout=3000)
    assert window.still_there.title.text() == "Êtes-vous toujours là ?"
    assert window.still_there.continue_button.text() == "Je continue"
    wait_for_attract(qtbot, window)

    assert window.session.questions.count == 0 and not window.session.started
    editor = screen.writer.editor
    assert editor.toPlainText() == "" and not editor.document().isUndoAvailable()
    for widget in window.findChildren(QWidget):
        for getter in ("text", "toPlainText", "accessibleName", "placeholderText"):
            value = getattr(widget, getter, None)
            if callable(value):
                assert "secret" not in value(), widget
    for handler in staff_log.handlers:
        handler.flush()
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert log_file in written
    for path in written:
        assert "secret" not in path.read_text(encoding="utf-8", errors="replace")
    assert "session ended" in log_file.read_text(encoding="utf-8")


def test_input_during_warning_keeps_the_session(qtbot, kiosk):
    window, supervisor = kiosk()
    window.still_there._tick.setInterval(1000)
    qtbot.mouseClick(window.home.tiles[0], Qt.MouseButton.LeftButton)
    window.toggle_question("sejour")
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.still_there, timeout=3000)
    qtbot.mouseClick(window.still_there.continue_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.reader
    assert window.session.questions.chosen_ids == ["sejour"]
    assert supervisor.idle.running


def test_a_draft_left_on_the_writer_is_still_wiped_on_time(qtbot, kiosk):
    """Seen: with 30 s + 20 s configured, a draft left on "Écrire ma question" was warned
    about after 150 s, wiped after 170 s. Only keys being pressed hold the clock."""
    window, supervisor = kiosk()
    qtbot.mouseClick(window.home.tiles[0], Qt.MouseButton.LeftButton)
    window.show_questions()
    qtbot.mouseClick(window.questions.write_tab, Qt.MouseButton.LeftButton)
    assert supervisor.idle.running and not supervisor.idle.paused
    # Nobody types: "still there?" comes after the ordinary timeout (0.3 s here).
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.still_there, timeout=1500)


def test_typing_holds_the_idle_clock_only_for_a_short_grace(qtbot, kiosk):
    window, supervisor = kiosk()
    supervisor.idle.typing_grace_ms = 400
    qtbot.mouseClick(window.home.tiles[0], Qt.MouseButton.LeftButton)
    window.show_questions()
    qtbot.mouseClick(window.questions.write_tab, Qt.MouseButton.LeftButton)
    editor = window.questions.writer.editor
    # A patient typing slowly, a key every 0.25 s for about a second: never interrupted.
    with qtbot.assertNotEmitted(supervisor.idle.idle, wait=0):
        for _ in range(4):
            QTest.keyClicks(editor, "a")
            assert supervisor.idle.paused and not supervisor.idle.running
            # The next key when the grace (0.4 s) is nearly over, on its own clock.
            qtbot.waitUntil(lambda: supervisor.idle._typing.remainingTime() <= 150)
    # Then the patient stops: grace (0.4 s) plus timeout (0.3 s), then "still there?".
    qtbot.waitUntil(lambda: not supervisor.idle.paused, timeout=1000)
    assert supervisor.idle.running
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.still_there, timeout=1500)


def hold_then_tap(qtbot, window, clock, taps=3):
    top_left, bottom_right = QPoint(2, 2), QPoint(window.width() - 3, window.height() - 3)
    QTest.mousePress(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, top_left)
    clock[0] += HOLD_SECONDS + 0.1
    QTest.mouseRelease(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, top_left)
    for _ in range(taps):
        clock[0] += 0.3
        QTest.mouseClick(
            window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, bottom_right
        )


def test_staff_gesture_then_pin_with_lockout(qtbot, kiosk):
    window, supervisor = kiosk()
    clock = [100.0]
    supervisor.gesture.clock = lambda: clock[0]
    # Ordinary taps near the corners do nothing.
    for point in (QPoint(2, 2), QPoint(window.width() - 3, window.height() - 3)):
        for _ in range(4):
            QTest.mouseClick(
                window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point
            )
    hold_then_tap(qtbot, window, clock, taps=2)
    assert window.stack.currentWidget() is not supervisor.pin_pad
    hold_then_tap(qtbot, window, clock)
    pad = supervisor.pin_pad
    assert window.stack.currentWidget() is pad

    for _ in range(5):
        for digit in "1111":
            qtbot.mouseClick(pad.keys[digit], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(pad.ok_key, Qt.MouseButton.LeftButton)
    assert pad.message.text().startswith("Trop d'essais. Réessayez dans 60 secondes")
    assert not pad.keys["2"].isEnabled()
    supervisor.pin_guard.locked_until = 0  # a minute later
    pad.reset()
    for digit in PIN:
        qtbot.mouseClick(pad.keys[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(pad.ok_key, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is supervisor.panel
    assert "Kiosk" in supervisor.panel.info.toPlainText()


def test_no_pin_means_no_staff_access_in_kiosk_mode(qtbot, kiosk):
    window, supervisor = kiosk(staff_pin_hash="")
    supervisor.open_staff()
    assert window.stack.currentWidget() is supervisor.pin_pad
    assert "mode fenêtre" in supervisor.pin_pad.message.text()
    assert not supervisor.pin_pad.ok_key.isEnabled()
    window2, supervisor2 = kiosk(staff_pin_hash="", windowed=True)
    supervisor2.open_staff()
    assert window2.stack.currentWidget() is supervisor2.panel


def test_presenter_mode_contents_pages_covered_and_back_to_kiosk_wipes(qtbot, kiosk, tmp_path):
    window, supervisor = kiosk()
    supervisor.set_mode("presenter")
    assert not supervisor.idle.active
    qtbot.mouseClick(window.attract.language_buttons["fr"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.home.tiles[0], Qt.MouseButton.LeftButton)
    assert window.reader.contents_button.isVisible()
    qtbot.mouseClick(window.reader.contents_button, Qt.MouseButton.LeftButton)
    contents = window.contents
    contents.checks[0].setChecked(True)
    contents.checks[4].setChecked(True)
    qtbot.mouseClick(contents.page_buttons[6], Qt.MouseButton.LeftButton)
    assert window.reader.progress_label.text().startswith("Page 7 sur")
    # Longer than the idle timeout: presenter mode never asks "still there?".
    with qtbot.assertNotEmitted(supervisor.idle.idle, wait=500):
        pass
    assert window.stack.currentWidget() is window.reader
    window.show_summary()
    text = window.summary.document.toPlainText().replace("\u00a0", " ")
    topic = window.current_topic()
    # Covered pages are a readable list: one page title a line, under its heading.
    lines = [line.strip() for line in text.splitlines()]
    heading = lines.index("Pages vues avec l'équipe")
    assert topic.pages[4].title in lines[heading + 1 : heading + 4]
    supervisor.set_mode("kiosk")
    assert window.stack.currentWidget() is window.attract
    assert window.session.pages_covered == set() and window.session.topic_id is None


@pytest.mark.qt_no_exception_capture
def test_unexpected_error_returns_to_attract_and_is_logged(qtbot, kiosk, caplog, monkeypatch):
    window, supervisor = kiosk()
    monkeypatch.setattr(sys, "excepthook", supervisor.recover)
    qtbot.mouseClick(window.home.tiles[0], Qt.MouseButton.LeftButton)
    window.toggle_question("sejour")

    def broken(step: int) -> None:
        raise RuntimeError("boom in a handler")

    monkeypatch.setattr(window.reader, "turn", broken)
    with caplog.at_level(logging.ERROR):
        qtbot.mouseClick(window.reader.next_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.message
    assert window.message.title.text() == "Un petit souci technique"
    assert window.session.questions.count == 0
    assert "boom in a handler" in caplog.text and "Traceback" in caplog.text
    qtbot.mouseClick(window.message.back_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.attract


def test_attract_screen_names_languages_in_themselves(qtbot, make_window):
    window = make_window(start=False)
    assert window.stack.currentWidget() is window.attract
    assert {b.text() for b in window.attract.language_buttons.values()} == {"Français", "English"}
    qtbot.mouseClick(window.attract.language_buttons["en"], Qt.MouseButton.LeftButton)
    assert window.session.language == "en" and window.stack.currentWidget() is window.home
    assert (
        window.home.tiles[0].title_label.text() == "Cementoplasty and percutaneous osteosynthesis"
    )


def test_attract_screen_comes_first_from_titles_alone(qtbot, family, library):
    """Start-up's first step: only the attract screen, built from topic titles; a touch
    during the first instants is kept and acted on once everything is built."""
    from kiosk.session import Session
    from kiosk.ui.main_window import MainWindow

    titles = {"fr": ["Un <b>titre</b>"], "en": ["A title"]}
    window = MainWindow(None, Session("fr"), Settings(windowed=True), family, titles=titles)
    qtbot.addWidget(window)
    painted: list[bool] = []
    window.attract.call_after_first_paint(lambda: painted.append(True))
    QApplication.processEvents()
    assert not painted  # nothing runs before the screen is shown and painted
    window.resize(1280, 800)
    with qtbot.waitExposed(window):
        window.show()
    qtbot.waitUntil(lambda: painted == [True])
    assert window.screens == [window.attract] and not window.is_ready
    shown = [label.text() for label in window.attract.findChildren(QLabel)]
    assert "Un <b>titre</b>" in shown  # shown as typed, never as markup
    title = next(lb for lb in window.attract.findChildren(QLabel) if lb.text() == "A title")
    assert title.textFormat() == Qt.TextFormat.PlainText
    assert title.alignment() == Qt.AlignmentFlag.AlignCenter
    assert set(window.attract.language_buttons) == {"fr", "en"}
    wide = window.metrics().mm(45)  # at least 45 mm, as on the screen built from the full content

    def buttons_wide() -> bool:
        return all(b.width() >= wide for b in window.attract.language_buttons.values())

    assert buttons_wide()

    qtbot.mouseClick(window.attract.language_buttons["en"], Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.attract  # not built yet: kept for later
    with qtbot.waitSignal(window.ready):
        window.build(library)
    assert window.is_ready and window.session.language == "en"
    assert window.stack.currentWidget() is window.home
    window.end_session()  # the same attract screen, now from the loaded library
    qtbot.waitUntil(buttons_wide)


def test_the_first_screen_keeps_its_text_size_when_the_content_is_ready(qtbot, family, library):
    """Seen on an 8-inch 1280x800 tablet at 160 dpi: the welcome screen first showed
    58 px text, then shrank to 33 px once the content was loaded and six lines measured."""
    import math

    from kiosk.session import Session
    from kiosk.ui.main_window import MainWindow

    screen = QApplication.primaryScreen().size()
    diagonal = math.hypot(screen.width(), screen.height()) / 160
    settings = Settings(windowed=True, screen_diagonal=diagonal)
    titles = {"fr": ["Titre"], "en": ["Title"]}
    window = MainWindow(None, Session("fr"), settings, family, titles=titles)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    with qtbot.waitExposed(window):
        window.show()
    first = window.applied_metrics.body_px
    with qtbot.waitSignal(window.ready):
        window.build(library)
    ready = window.applied_metrics.body_px
    assert abs(first - ready) <= 0.15 * ready, f"{first} px, then {ready} px"


def test_attract_screen_keeps_no_focus_from_the_last_patient(qtbot, make_window):
    window = make_window(start=False)
    button = window.attract.language_buttons["en"]
    button.setFocus()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.home
    window.end_session()
    assert window.stack.currentWidget() is window.attract
    assert not any(b.hasFocus() for b in window.attract.language_buttons.values())


def test_a_touch_before_the_content_loads_needs_that_language(qtbot, family, library):
    """The first screen is built from titles alone; a language whose content then fails
    to load is not started."""
    from kiosk.content import Library
    from kiosk.session import Session
    from kiosk.ui.main_window import MainWindow

    titles = {"fr": ["Titre"], "en": ["Title"]}
    window = MainWindow(None, Session("fr"), Settings(windowed=True), family, titles=titles)
    qtbot.addWidget(window)
    window.attract.language_buttons["en"].click()
    french_only = Library(root=library.root, topics={"fr": library.topics["fr"]})
    window.build(french_only)
    assert window.stack.currentWidget() is window.attract
    assert not window.session.started and window.languages == ["fr"]
