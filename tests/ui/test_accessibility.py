"""Reading comfort, keyboard use, glossary, screen-reader names and languages."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible, QFontInfo, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QWidget

from kiosk.ui.style.metrics import TEXT_SCALES
from kiosk.ui.style.theme import CALM, HIGH_CONTRAST, text_pairs


def luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(foreground: str, background: str) -> float:
    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("palette", [CALM, HIGH_CONTRAST], ids=lambda p: p.name)
def test_every_text_colour_pair_reaches_aaa(palette):
    for name, (foreground, background) in text_pairs(palette).items():
        ratio = contrast(foreground, background)
        assert ratio >= 7.0, f"{palette.name} {name}: {ratio:.2f}"


def open_reader(qtbot, window):
    qtbot.mouseClick(window.home.tiles[0], Qt.MouseButton.LeftButton)
    return window.reader


def test_text_size_changes_fonts_and_returns_to_default(qtbot, make_window):
    window = make_window(1920, 1080)
    reader = open_reader(qtbot, window)
    sizes = []
    for index in range(len(TEXT_SCALES)):
        # "Affichage" is a sheet over the page that closes once the patient has chosen.
        qtbot.mouseClick(reader.display_button, Qt.MouseButton.LeftButton)
        assert reader.display_bar.isVisible()
        qtbot.mouseClick(reader.display_bar.size_buttons[index], Qt.MouseButton.LeftButton)
        assert not reader.display_bar.isVisible()
        sizes.append(reader.body.document().defaultFont().pixelSize())
        assert QFontInfo(reader.next_button.font()).pixelSize() > 0
    assert sizes[0] < sizes[1] < sizes[2]
    assert sizes[2] / sizes[0] == pytest.approx(TEXT_SCALES[-1], rel=0.05)
    window.end_session()
    window.start_session("fr")
    reader = open_reader(qtbot, window)
    assert reader.body.document().defaultFont().pixelSize() == sizes[0]


def test_largest_text_on_a_tablet_clips_nothing(qtbot, make_window, library):
    window = make_window(1280, 800)
    reader = open_reader(qtbot, window)
    window.set_text_scale(len(TEXT_SCALES) - 1)
    topic = library.topic("fr", "cimentoplastie")
    for index in range(len(topic.pages)):
        window.jump_to_page(index)
        for number in range(reader.view.screen_count):
            reader.view.show_screen(number)
            QTest.qWait(0)
            # Each screen's text fits the page area: nothing to scroll, nothing cut.
            assert reader.body.height() <= reader.view.height()
            assert not reader.body.verticalScrollBar().isVisible()
    for button in window.findChildren(QAbstractButton):
        if button.isVisible() and button.text():
            assert button.width() >= button.sizeHint().width() - 2, button.text()
            assert button.geometry().right() <= button.parentWidget().width(), button.text()


def test_high_contrast_switches_colours_and_resets(qtbot, make_window):
    window = make_window()
    reader = open_reader(qtbot, window)
    qtbot.mouseClick(reader.display_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(reader.display_bar.contrast_button, Qt.MouseButton.LeftButton)
    assert window.palette_ is HIGH_CONTRAST and HIGH_CONTRAST.background in window.styleSheet()
    window.end_session()
    assert window.palette_ is CALM


def test_keyboard_only_walk_home_reader_questions(qtbot, make_window):
    window = make_window()
    tile = window.home.tiles[0]
    tile.setFocus()
    assert tile.hasFocus()
    QTest.keyClick(tile, Qt.Key.Key_Space)
    reader = window.reader
    assert window.stack.currentWidget() is reader
    reader.next_button.setFocus()
    steps = [reader.progress_label.text()]
    QTest.keyClick(reader.next_button, Qt.Key.Key_Space)
    steps.append(reader.progress_label.text())
    QTest.keyClick(reader.next_button, Qt.Key.Key_Right)
    steps.append(reader.progress_label.text())
    assert len(set(steps)) == 3, steps  # each key moved one screen on
    # Tab reaches every button of the reader, in order, and focus is visible (style rule).
    reached = set()
    for _ in range(30):
        QTest.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
        reached.add(window.focusWidget())
    for button in (reader.home_button, reader.questions_button, reader.previous_button):
        assert button in reached
    assert "QPushButton:focus" in window.styleSheet()
    reader.questions_button.setFocus()
    QTest.keyClick(reader.questions_button, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.questions


def term_position(reader, term_id: str) -> QPoint:
    document = reader.body.document()
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.charFormat().anchorHref() == f"term:{term_id}":
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position() + 1)
                return reader.body.cursorRect(cursor).center()
            iterator += 1
        block = block.next()
    raise AssertionError(f"no link to {term_id}")


def test_tapping_a_word_opens_its_definition(qtbot, make_window, library):
    window = make_window()
    reader = open_reader(qtbot, window)
    topic = library.topic("fr", "cimentoplastie")
    page = next(p for p in topic.pages if 'href="term:trocart"' in p.html)
    window.session.go_to(page.number - 1)
    reader.show_page()
    position = term_position(reader, "trocart")
    qtbot.mouseClick(reader.body.viewport(), Qt.MouseButton.LeftButton, pos=position)
    assert reader.definition.isVisible()
    assert reader.definition.term.text() == "Trocart"
    assert reader.definition.definition.text() == topic.glossary_entry("trocart").definition_text
    qtbot.mouseClick(reader.definition.close_button, Qt.MouseButton.LeftButton)
    assert not reader.definition.isVisible()
    qtbot.mouseClick(reader.glossary_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.glossary
    assert window.glossary.terms == [entry.term for entry in topic.glossary]


def test_language_switch_changes_ui_and_content_keeps_page_and_questions(qtbot, make_window):
    window = make_window()
    reader = open_reader(qtbot, window)
    window.toggle_question("sejour")
    window.session.questions.add_own("Et ma voiture ?")
    window.session.go_to(4)
    reader.show_page()
    qtbot.mouseClick(reader.display_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(reader.display_bar.language_buttons["en"], Qt.MouseButton.LeftButton)
    english = window.library.topic("en", "cimentoplastie")
    assert reader.next_button.text() == "Next"
    assert reader.progress_label.text().startswith(f"Page 5 of {len(english.pages)}")
    assert reader.page_title.text() == english.pages[4].title
    assert reader.questions_button.text() == "My questions (2)"
    window.show_questions()
    items = [row.text_label.text() for row in window.questions.list_view.rows]
    assert items == [f"1. {english.question('sejour').text}", "2. Et ma voiture ?"]
    assert window.questions.write_tab.accessibleName() == "Write my question"
    assert window.questions.writer.keyboard.layout_name == "qwerty"
    window.set_language("fr")
    assert window.questions.write_tab.accessibleName() == "Écrire ma question"


def test_every_focusable_widget_has_an_accessible_name(qtbot, make_window):
    window = make_window()
    open_reader(qtbot, window)
    window.show_questions()
    for screen in window.screens:
        window.stack.setCurrentWidget(screen)
        for widget in screen.findChildren(QWidget):
            if widget.isVisible() and widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
                interface = QAccessible.queryAccessibleInterface(widget)
                assert interface is not None
                name = interface.text(QAccessible.Text.Name)
                assert name.strip(), f"{type(widget).__name__} on {type(screen).__name__}"


def test_language_choice_on_the_home_screen(qtbot, make_window):
    window = make_window()
    home = window.home
    assert home.welcome.text() == "Bienvenue"
    qtbot.mouseClick(home.language_buttons["en"], Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is home
    assert home.welcome.text() == "Welcome"
    assert home.tiles[0].title_label.text() == "Cementoplasty and percutaneous osteosynthesis"
    assert home.language_buttons["en"].isChecked()
