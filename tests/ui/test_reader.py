"""Drive home -> reader -> home the way a patient does: taps, swipes, finger scrolling."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFontInfo, QFontMetricsF
from PySide6.QtTest import QTest

from kiosk.ui.metrics import physical_dpi


def open_topic(qtbot, window):
    tile = window.home.tiles[0]
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.reader
    return window.reader


def progress(reader) -> str:
    return reader.progress_label.text()


def swipe_with_mouse(qtbot, widget, dx: int):
    start = widget.rect().center() - QPoint(dx // 2, 0)
    end = start + QPoint(dx, 0)
    QTest.mousePress(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(widget, start + QPoint(dx // 2, 0))
    QTest.mouseRelease(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)


def finger_drag(widget, start: QPoint, end: QPoint, steps: int = 8):
    device = QTest.createTouchDevice()
    QTest.touchEvent(widget, device).press(0, start).commit()
    for i in range(1, steps + 1):
        point = start + (end - start) * i / steps
        QTest.touchEvent(widget, device).move(0, point).commit()
    QTest.touchEvent(widget, device).release(0, end).commit()


def test_every_page_by_tap_then_home(qtbot, make_window, library):
    window = make_window()
    topic = library.topic("fr", "cimentoplastie")
    total = len(topic.pages)
    reader = open_topic(qtbot, window)
    for number in range(1, total + 1):
        assert progress(reader) == f"Page {number} sur {total}"
        assert reader.page_title.text() == topic.pages[number - 1].title
        assert reader.progress_bar.value() == number
        assert reader.previous_button.isEnabled() == (number > 1)
        if number < total:
            assert reader.next_button.text() == "Suivant"
            qtbot.mouseClick(reader.next_button, Qt.MouseButton.LeftButton)
    # Last page: "Next" offers the questions screen instead.
    assert reader.next_button.text() == "Mes questions"
    qtbot.mouseClick(reader.next_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.questions
    qtbot.mouseClick(window.questions.back_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is reader
    qtbot.mouseClick(reader.previous_button, Qt.MouseButton.LeftButton)
    assert progress(reader) == f"Page {total - 1} sur {total}"
    qtbot.mouseClick(reader.home_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.home


def test_every_page_by_finger_swipe_and_back_by_mouse_drag(qtbot, make_window, library):
    window = make_window()
    total = len(library.topic("fr", "cimentoplastie").pages)
    reader = open_topic(qtbot, window)
    viewport = reader.view.viewport()
    centre = viewport.rect().center()
    for number in range(2, total + 1):
        finger_drag(viewport, centre + QPoint(200, 0), centre - QPoint(200, 0))
        assert progress(reader) == f"Page {number} sur {total}"
    finger_drag(viewport, centre - QPoint(200, 0), centre + QPoint(200, 0))
    assert progress(reader) == f"Page {total - 1} sur {total}"
    swipe_with_mouse(qtbot, viewport, 400)  # drag to the right: previous page
    assert progress(reader) == f"Page {total - 2} sur {total}"
    swipe_with_mouse(qtbot, viewport, -400)
    assert progress(reader) == f"Page {total - 1} sur {total}"


def test_short_or_vertical_movements_do_not_turn_the_page(qtbot, make_window):
    window = make_window()
    reader = open_topic(qtbot, window)
    viewport = reader.view.viewport()
    centre = viewport.rect().center()
    finger_drag(viewport, centre, centre - QPoint(20, 0))  # a shaky tap
    finger_drag(viewport, centre + QPoint(0, 150), centre - QPoint(60, 150))  # a scroll
    swipe_with_mouse(qtbot, viewport, -15)
    assert progress(reader).startswith("Page 1 sur")


def test_arrow_keys_turn_pages(qtbot, make_window):
    window = make_window()
    reader = open_topic(qtbot, window)
    reader.next_button.setFocus()
    QTest.keyClick(reader.next_button, Qt.Key.Key_Right)
    assert progress(reader).startswith("Page 2 sur")
    QTest.keyClick(reader.next_button, Qt.Key.Key_Left)
    assert progress(reader).startswith("Page 1 sur")
    reader.body.setFocus()
    QTest.keyClick(reader.body, Qt.Key.Key_Right)
    assert progress(reader).startswith("Page 2 sur")


def test_long_page_scrolls_with_a_finger_and_shows_a_cue(qtbot, make_window, library):
    window = make_window(1280, 800)
    reader = open_topic(qtbot, window)
    topic = library.topic("fr", "cimentoplastie")
    longest = max(range(len(topic.pages)), key=lambda i: len(topic.pages[i].text))
    window.session.go_to(longest)
    reader.show_page()
    bar = reader.view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    assert reader.more_cue.text().startswith("La suite est plus bas")
    viewport = reader.view.viewport()
    bottom = viewport.rect().center() + QPoint(0, viewport.height() // 3)
    finger_drag(viewport, bottom, bottom - QPoint(0, viewport.height() // 2))
    qtbot.waitUntil(lambda: bar.value() > 0)
    # Kinetic: the page stays where the finger left it, and the page did not turn.
    assert progress(reader).startswith(f"Page {longest + 1} sur")
    bar.setValue(bar.maximum())
    assert reader.more_cue.text().strip() == ""


def test_bundled_font_is_registered_and_used(qtbot, make_window, family):
    assert family == "Atkinson Hyperlegible"
    window = make_window()
    reader = open_topic(qtbot, window)
    assert QFontInfo(reader.page_title.font()).family() == family
    assert QFontInfo(reader.next_button.font()).family() == family
    document_font = reader.body.document().defaultFont()
    assert QFontInfo(document_font).family() == family


def test_sizes_are_physical(qtbot, make_window):
    window = make_window()
    reader = open_topic(qtbot, window)
    px_per_mm = physical_dpi(window.screen()) / 25.4
    body_font = reader.body.document().defaultFont()
    cap_mm = QFontMetricsF(body_font).capHeight() / px_per_mm
    assert cap_mm >= 6.0  # 0.7 degrees at 50 cm
    for button in (reader.home_button, reader.questions_button):
        assert button.height() / px_per_mm >= 15
    for button in (reader.previous_button, reader.next_button):
        assert button.height() / px_per_mm >= 20
        assert button.width() / px_per_mm >= 20


def test_content_error_screen_when_nothing_loads(qtbot, make_window, tmp_path):
    from kiosk.content import load_library

    window = make_window(lib=load_library(tmp_path / "missing"))
    assert window.stack.currentWidget() is window.error
    assert "content folder not found" in window.error.details.text()
