"""Drive home -> reader -> home the way a patient does: taps, swipes, finger scrolling."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFontInfo, QFontMetricsF
from PySide6.QtTest import QTest

from kiosk.ui.style.metrics import physical_dpi


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


def go_to_longest_page(window, library) -> int:
    """Show the French page with the most text (several screens at 1280x800); its index."""
    topic = library.topic("fr", "cimentoplastie")
    longest = max(range(len(topic.pages)), key=lambda i: len(topic.pages[i].text))
    window.jump_to_page(longest)
    return longest


def page_number(reader) -> int:
    return int(progress(reader).split()[1])


def test_every_screen_of_every_page_by_tap_then_home(qtbot, make_window, library):
    window = make_window()
    topic = library.topic("fr", "cimentoplastie")
    total = len(topic.pages)
    reader = open_topic(qtbot, window)
    seen: list[tuple[int, int]] = []
    values: list[int] = []
    while True:
        view = reader.view
        number = page_number(reader)
        seen.append((number, view.screen_index))
        values.append(reader.progress_bar.value())
        expected = f"Page {number} sur {total}"
        if view.screen_count > 1:
            expected += f"\nsuite {view.screen_index + 1} sur {view.screen_count}"
        assert progress(reader) == expected
        assert reader.page_title.text() == topic.pages[number - 1].title
        assert reader.previous_button.isEnabled() == (seen != [(1, 0)])
        if reader.on_last_screen:
            break
        assert reader.next_button.text() == "Suivant"
        qtbot.mouseClick(reader.next_button, Qt.MouseButton.LeftButton)
    # Every page was shown, in order, each screen once; the bar followed the screens.
    assert [n for n, _ in seen] == sorted(n for n, _ in seen)
    assert {n for n, _ in seen} == set(range(1, total + 1))
    assert len(seen) > total, "at 1280x800 some pages take more than one screen"
    assert values == sorted(values) and values[-1] == reader.progress_bar.maximum()
    # Last screen: "Next" offers the teach-back quiz, which the patient may skip.
    assert reader.next_button.text() == "Ai-je compris ?"
    qtbot.mouseClick(reader.next_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.quiz
    qtbot.mouseClick(window.quiz.skip_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.questions
    qtbot.mouseClick(window.questions.back_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is reader
    # Back from a page's first screen lands on the previous page's last screen.
    while reader.view.screen_index > 0:
        qtbot.mouseClick(reader.previous_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(reader.previous_button, Qt.MouseButton.LeftButton)
    assert page_number(reader) == total - 1
    assert reader.view.screen_index == reader.view.screen_count - 1
    qtbot.mouseClick(reader.home_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.home


def test_screens_by_finger_swipe_and_back_by_mouse_drag(qtbot, make_window, library):
    window = make_window()
    reader = open_topic(qtbot, window)
    target = reader.view
    centre = target.rect().center()
    positions = [(page_number(reader), reader.view.screen_index)]
    # A finger swipe to the left: next screen. (QTest's touch clock hardly moves between
    # gestures, so the following swipes, as quick as a double tap, use a pointer instead.)
    finger_drag(target, centre + QPoint(200, 0), centre - QPoint(200, 0))
    positions.append((page_number(reader), reader.view.screen_index))
    for _ in range(5):
        swipe_with_mouse(qtbot, target, -400)
        positions.append((page_number(reader), reader.view.screen_index))
    assert positions == sorted(positions) and len(set(positions)) == len(positions)
    swipe_with_mouse(qtbot, target, 400)  # drag to the right: previous screen
    assert (page_number(reader), reader.view.screen_index) == positions[-2]
    swipe_with_mouse(qtbot, target, -400)
    assert (page_number(reader), reader.view.screen_index) == positions[-1]


def test_short_or_vertical_movements_do_not_turn_the_page(qtbot, make_window):
    window = make_window()
    reader = open_topic(qtbot, window)
    target = reader.view
    centre = target.rect().center()
    finger_drag(target, centre, centre - QPoint(20, 0))  # a shaky tap
    finger_drag(target, centre + QPoint(0, 150), centre - QPoint(60, 150))  # a vertical drag
    swipe_with_mouse(qtbot, target, -15)
    assert page_number(reader) == 1 and reader.view.screen_index == 0


def test_arrow_keys_turn_screens(qtbot, make_window):
    window = make_window(1920, 1080)
    reader = open_topic(qtbot, window)
    reader.next_button.setFocus()
    QTest.keyClick(reader.next_button, Qt.Key.Key_Right)
    second = (page_number(reader), reader.view.screen_index)
    assert second != (1, 0)
    QTest.keyClick(reader.next_button, Qt.Key.Key_Left)
    assert (page_number(reader), reader.view.screen_index) == (1, 0)
    reader.body.setFocus()
    QTest.keyClick(reader.body, Qt.Key.Key_Right)
    assert (page_number(reader), reader.view.screen_index) == second


def test_a_long_page_is_cut_into_screens_never_scrolled(qtbot, make_window, library):
    """At 1280x800 and text size A the longest page takes several screens; together they
    show the whole page, each one whole blocks, with no scroll bar anywhere."""
    window = make_window(1280, 800)
    reader = open_topic(qtbot, window)
    go_to_longest_page(window, library)
    view = reader.view
    assert view.screen_count > 1
    document = reader.body.document()
    covered_to = 0.0
    for number in range(view.screen_count):
        view.show_screen(number)
        qtbot.waitUntil(lambda: reader.body.height() <= view.height())
        assert not reader.body.verticalScrollBar().isVisible()
        screen = view.screens[number]
        items = view.items[screen.first : screen.end]
        text = [i for i, item in enumerate(items) if item.key[0] == 0]
        if text:
            span_top = view._spans[screen.first + text[0]].top
            assert abs(span_top - covered_to) < 1, "screens must follow on without a gap"
            covered_to = view._spans[screen.first + text[-1]].bottom
        # A heading or a lead-in never ends a screen that has more after it.
        if number < view.screen_count - 1:
            assert not items[-1].keep_with_next
    assert abs(covered_to - document.size().height()) < 1, "the whole page was shown"


def test_text_size_change_keeps_the_passage(qtbot, make_window, library):
    window = make_window(1280, 800)
    reader = open_topic(qtbot, window)
    longest = go_to_longest_page(window, library)
    view = reader.view
    view.show_screen(view.screen_count - 1)
    key = view.current_key()
    window.set_text_scale(2)
    qtbot.waitUntil(lambda: view.screen_count > 1)
    assert page_number(reader) == longest + 1
    screen = view.screens[view.screen_index]
    assert key in [item.key for item in view.items[screen.first : screen.end]] or (
        view.items[screen.first].key <= key
    )
    assert view.screen_index > 0, "not back at the top of the page"
    window.set_language("en")
    assert page_number(reader) == longest + 1 and view.screen_index > 0


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


def test_each_page_shows_its_key_point(qtbot, make_window, library):
    window = make_window(1280, 800)
    reader = open_topic(qtbot, window)
    topic = library.topic("fr", "cimentoplastie")
    for index, page in enumerate(topic.pages):
        window.jump_to_page(index)
        shown = []
        for number in range(reader.view.screen_count):
            reader.view.show_screen(number)
            shown.append(" ".join(reader.view.screen_text().split()))
        assert any(f"À retenir : {page.key_point}" in text for text in shown), page.slug
