"""A tap lands once, and long lists follow a dragging finger or pointer."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

# Far beyond the event clock QTest keeps for its own clicks in this session.
BASE = 10**9


def send_tap(window, global_pos: QPoint, stamp: int) -> None:
    """A real finger's tap: press and release at one place, with their timestamps, sent to
    whatever widget is under that place at that moment."""
    for kind, offset in ((QEvent.Type.MouseButtonPress, 0), (QEvent.Type.MouseButtonRelease, 60)):
        local = window.mapFromGlobal(global_pos)
        target = window.childAt(local) or window
        pos = QPointF(target.mapFromGlobal(global_pos))
        event = QMouseEvent(
            kind,
            pos,
            QPointF(global_pos),
            Qt.MouseButton.LeftButton,
            Qt.MouseButton.LeftButton if offset == 0 else Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
        )
        event.setTimestamp(stamp + offset)
        QApplication.sendEvent(target, event)


def go_to_last_screen(window) -> None:
    topic = window.current_topic()
    window.jump_to_page(len(topic.pages) - 1)
    view = window.reader.view
    view.show_screen(view.screen_count - 1)
    QApplication.processEvents()


def test_a_double_tap_on_the_last_screen_does_not_start_the_quiz(qtbot, make_window):
    window = make_window(1280, 800)
    window.open_topic("cimentoplastie")
    go_to_last_screen(window)
    reader = window.reader
    assert reader.next_button.text() == "Ai-je compris ?"
    where = reader.next_button.mapToGlobal(reader.next_button.rect().center())
    window.show_quiz()
    QApplication.processEvents()
    start = window.quiz.start_button
    assert start.rect().contains(start.mapFromGlobal(where))  # under the same finger
    window.back_to_reader()
    QApplication.processEvents()

    send_tap(window, where, stamp=BASE)
    assert window.stack.currentWidget() is window.quiz
    send_tap(window, where, stamp=BASE + 200)  # the second tap of a double tap
    assert window.session.quiz_index == -1  # still the introduction
    # A deliberate tap a moment later does land.
    send_tap(window, where, stamp=BASE + 1500)
    assert window.session.quiz_index == 0


def test_a_double_tap_on_next_moves_one_screen(qtbot, make_window):
    window = make_window(1280, 800)
    window.open_topic("cimentoplastie")
    reader = window.reader
    where = reader.next_button.mapToGlobal(reader.next_button.rect().center())
    send_tap(window, where, stamp=BASE + 20_000)
    after_one = (window.session.page_index, reader.view.screen_index)
    send_tap(window, where, stamp=BASE + 20_150)
    assert (window.session.page_index, reader.view.screen_index) == after_one


def test_the_suggested_list_follows_a_dragging_pointer_and_says_there_is_more(qtbot, make_window):
    window = make_window(1280, 800)
    window.open_topic("cimentoplastie")
    window.show_questions()
    area = window.questions.suggested_view
    bar = area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    assert area.more_cue.isVisible() and area.more_cue.text() == "La suite est plus bas"
    # Seen: the cue covered half of the last row shown. It has its own strip under the list.
    assert area.more_cue.geometry().top() > area.viewport().geometry().bottom()
    assert bar.accessibleName() == "Faire défiler : Questions proposées"
    viewport = area.viewport()
    start = viewport.rect().center() + QPoint(0, viewport.height() // 3)
    end = start - QPoint(0, viewport.height() // 2)
    # A pointer held down and dragged up (a finger-emulating mouse, a stylus), with the
    # button held during the moves as a real device reports it.
    stamp = 50_000
    pointer(viewport, QEvent.Type.MouseButtonPress, start, stamp)
    for step in range(1, 11):
        QTest.qWait(15)
        point = start + (end - start) * step / 10
        pointer(viewport, QEvent.Type.MouseMove, point, stamp + 15 * step)
    pointer(viewport, QEvent.Type.MouseButtonRelease, end, stamp + 170)
    qtbot.waitUntil(lambda: bar.value() > 0, timeout=3000)
    assert window.session.questions.count == 0  # dragging over a row does not choose it
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: not area.more_cue.isVisible())
    # A finger does the same.
    bar.setValue(0)
    device = QTest.createTouchDevice()
    QTest.touchEvent(viewport, device).press(0, start).commit()
    for step in range(1, 11):
        QTest.qWait(15)
        QTest.touchEvent(viewport, device).move(0, start + (end - start) * step / 10).commit()
    QTest.touchEvent(viewport, device).release(0, end).commit()
    qtbot.waitUntil(lambda: bar.value() > 0, timeout=3000)
    assert window.session.questions.count == 0


def test_every_list_scroll_bar_has_a_name(qtbot, make_window):
    from kiosk.ui.lazy_screens import LAZY_SCREENS
    from kiosk.ui.widgets.buttons import TouchScrollArea

    window = make_window(1280, 800)
    for name in LAZY_SCREENS:  # built on first use: build them all
        getattr(window, name)
    areas = window.findChildren(TouchScrollArea)
    assert len(areas) >= 6
    for area in areas:
        assert area.accessibleName(), type(area.parent()).__name__
        assert area.verticalScrollBar().accessibleName().startswith("Faire défiler : ")


def pointer(widget, kind, point: QPoint, stamp: int) -> None:
    held = (
        Qt.MouseButton.NoButton
        if kind == QEvent.Type.MouseButtonRelease
        else (Qt.MouseButton.LeftButton)
    )
    event = QMouseEvent(
        kind,
        QPointF(point),
        QPointF(widget.mapToGlobal(point)),
        Qt.MouseButton.LeftButton if kind != QEvent.Type.MouseMove else Qt.MouseButton.NoButton,
        held,
        Qt.KeyboardModifier.NoModifier,
    )
    event.setTimestamp(stamp)
    QApplication.sendEvent(widget, event)
