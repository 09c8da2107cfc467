"""'Mes questions' driven by taps on the real content, as a patient would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from kiosk.questions import MAX_LENGTH
from tests.ui.taps import tap, type_by_taps

OWN = "Combien de temps vais-je rester à l'hôpital ?"


def reader_pages_with_questions(window):
    topic = window.reader.topic
    return [page for page in topic.pages if page.question_ids]


def go_to_page(window, index: int) -> None:
    window.session.go_to(index)
    window.reader.show_page()


@pytest.fixture
def reading(qtbot, make_window):
    window = make_window()
    tap(qtbot, window.home.tiles[0])
    return window


def test_full_question_journey(qtbot, reading):
    window, reader, screen = reading, reading.reader, reading.questions
    questions = window.session.questions

    # Two questions added from reader pages.
    pages = reader_pages_with_questions(window)
    for page in pages[:2]:
        go_to_page(window, page.number - 1)
        toggle = reader.view.toggles[0]
        assert toggle.question_id == page.question_ids[0]
        tap(qtbot, toggle)
        assert toggle.isChecked() and toggle.state_label.text() == "Ajoutée"
    assert questions.chosen_ids == [pages[0].question_ids[0], pages[1].question_ids[0]]
    assert reader.questions_button.text() == "Mes questions (2)"

    # Three more toggled on the questions screen; the ones from pages show as chosen.
    tap(qtbot, reader.questions_button)
    assert window.stack.currentWidget() is screen
    checked = [t.question_id for t in screen.toggles if t.isChecked()]
    assert sorted(checked) == sorted(questions.chosen_ids)
    unchosen = [t for t in screen.toggles if not t.isChecked()][:3]
    for toggle in unchosen:
        tap(qtbot, toggle)
    assert questions.count == 5
    assert screen.list_tab.accessibleName() == "Ma liste (5)"

    # Own question typed entirely on the on-screen keyboard.
    tap(qtbot, screen.write_tab)
    assert screen.stack.currentWidget() is screen.writer
    keyboard = screen.writer.keyboard
    type_by_taps(qtbot, keyboard, OWN)
    assert screen.writer.editor.toPlainText() == OWN
    tap(qtbot, keyboard.key_for("submit"))
    assert questions.own == [OWN]
    assert screen.writer.editor.toPlainText() == ""
    assert "noté" in screen.writer.message.text()

    # It is in "Ma liste", after the suggested ones.
    tap(qtbot, screen.writer.cancel_button)  # "Retour à mes questions"
    assert screen.stack.currentWidget() is screen.list_view
    rows = screen.list_view.rows
    assert len(rows) == 6 and rows[-1].text_label.text() == f"6. {OWN}"
    assert rows[0].edit_button is None and rows[-1].edit_button is not None

    # Edit it by tapping: remove " ?" and add "exactement ?".
    tap(qtbot, rows[-1].edit_button)
    assert screen.writer.editor.toPlainText() == OWN
    assert screen.writer.cancel_button.text() == "Annuler"
    for _ in range(2):
        tap(qtbot, keyboard.key_for("backspace"))
    type_by_taps(qtbot, keyboard, " exactement ?")
    tap(qtbot, keyboard.key_for("submit"))
    edited = OWN[:-2] + " exactement ?"
    assert questions.own == [edited]

    # Remove one suggested question from the list.
    tap(qtbot, screen.list_tab)
    first = screen.list_view.rows[0]
    tap(qtbot, first.remove_button)
    assert questions.count == 5
    assert screen.list_tab.accessibleName() == "Ma liste (5)"

    # Back in the reader, the count follows.
    tap(qtbot, screen.back_button)
    assert reader.questions_button.text() == "Mes questions (5)"


def test_refusals_are_friendly_and_nothing_is_lost(qtbot, reading):
    screen = reading.questions
    reading.show_questions()
    tap(qtbot, screen.write_tab)
    writer = screen.writer
    tap(qtbot, writer.keyboard.key_for("submit"))
    assert writer.message.text() == "Écrivez d'abord votre question."

    writer.editor.setPlainText("a" * 5000)
    tap(qtbot, writer.keyboard.key_for("submit"))
    assert writer.message.text() == (
        f"Votre question est un peu longue (5000 caractères). Raccourcissez-la à {MAX_LENGTH}."
    )
    assert len(writer.editor.toPlainText()) == 5000  # nothing silently cut
    assert writer.counter.text() == f"5000 / {MAX_LENGTH} caractères"
    assert reading.session.questions.count == 0


def test_pasted_rich_text_becomes_plain(qtbot, reading):
    screen = reading.questions
    reading.show_questions()
    tap(qtbot, screen.write_tab)
    editor = screen.writer.editor
    mime = QMimeData()
    mime.setHtml("<b>Et</b> <script>x</script>la <i>douleur</i> ?")
    mime.setText("Et\nla   douleur ?")
    clipboard = QGuiApplication.clipboard()
    clipboard.setMimeData(mime)
    editor.paste()
    clipboard.clear()
    assert editor.toPlainText() == "Et la douleur ?"
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # a hardware keyboard's Enter adds it
    assert reading.session.questions.own == ["Et la douleur ?"]


def test_emoji_do_not_break_the_list(qtbot, reading):
    screen = reading.questions
    reading.show_questions()
    tap(qtbot, screen.write_tab)
    screen.writer.editor.setPlainText("Et après 😀 ?")
    tap(qtbot, screen.writer.keyboard.key_for("submit"))
    screen.open_tab(screen.list_view)
    assert screen.list_view.rows[0].text_label.text() == "1. Et après 😀 ?"


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
def test_keyboard_never_covers_the_field(qtbot, make_window, size):
    window = make_window(*size)
    qtbot.mouseClick(window.home.tiles[0], Qt.MouseButton.LeftButton)
    window.show_questions()
    screen = window.questions
    tap(qtbot, screen.write_tab)
    qtbot.waitUntil(lambda: screen.writer.keyboard.isVisible())
    editor, keyboard = screen.writer.editor, screen.writer.keyboard
    field = editor.rect().translated(editor.mapTo(window, editor.rect().topLeft()))
    keys = keyboard.rect().translated(keyboard.mapTo(window, keyboard.rect().topLeft()))
    assert field.bottom() < keys.top()
    assert window.rect().contains(field) and window.rect().contains(keys)
    assert window.height() == size[1]  # no screen forces the window to grow


def test_ending_the_session_leaves_no_trace(qtbot, reading):
    window, screen = reading, reading.questions
    secret = "Mon secret médical ?"
    go_to_page(window, reader_pages_with_questions(window)[0].number - 1)
    tap(qtbot, window.reader.view.toggles[0])
    window.show_questions()
    tap(qtbot, screen.write_tab)
    screen.writer.editor.setPlainText(secret)
    tap(qtbot, screen.writer.keyboard.key_for("submit"))
    screen.writer.editor.setPlainText("brouillon")
    tap(qtbot, screen.writer.keyboard.key_for("shift"))
    tap(qtbot, screen.writer.cancel_button)

    tap(qtbot, screen.end_button)
    assert screen.stack.currentWidget() is screen.confirm
    tap(qtbot, screen.confirm_yes)

    assert window.stack.currentWidget() is window.attract
    assert window.session.questions.count == 0 and window.session.topic_id is None
    editor = screen.writer.editor
    assert editor.toPlainText() == ""
    assert not editor.document().isUndoAvailable() and not editor.document().isRedoAvailable()
    assert not screen.writer.keyboard.key_for("shift").isChecked()
    assert window.reader.questions_button.text() == "Mes questions (0)"
    for widget in window.findChildren(QWidget):
        for getter in ("text", "toPlainText", "accessibleName"):
            value = getattr(widget, getter, None)
            if callable(value):
                text = value()
                assert secret not in text and "brouillon" not in text, widget


def test_opening_a_topic_does_not_wait_for_the_suggested_questions(qtbot, make_window):
    """Opening a topic is a tap on its tile: it must not wait for the ~30 suggested-question
    rows of a screen the patient may never open. They are made a few at a time while the
    patient reads, with what was chosen on the pages meanwhile ticked."""
    from kiosk.ui.reading.question_toggle import QuestionToggle

    window = make_window()
    screen = window.questions
    topic = window.library.topics_for("fr")[0]
    window.open_topic(topic.id)  # what the tile's tap runs, before any other event
    assert screen.suggested_view.findChildren(QuestionToggle) == []
    chosen = topic.categories[0].questions[-1].id
    window.toggle_question(chosen)  # a tap on a page's suggestion meanwhile
    count = sum(len(c.questions) for c in topic.categories)
    qtbot.waitUntil(lambda: len(screen.suggested_view.findChildren(QuestionToggle)) == count)
    assert window.stack.currentWidget() is window.reader  # made while the patient reads
    tap(qtbot, window.reader.questions_button)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is screen)
    rows = screen.suggested_view.findChildren(QuestionToggle)
    assert [r.question_id for r in rows if r.isChecked()] == [chosen]


def test_suggested_questions_follow_the_language_when_shown(qtbot, reading):
    """Rows made in one language are made again in the other, checked as the list stands."""
    from kiosk.ui.reading.question_toggle import QuestionToggle

    window = reading
    screen = window.questions
    tap(qtbot, window.reader.questions_button)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is screen)
    first = screen.toggles[0]
    tap(qtbot, first)
    window.set_language("en")
    english = {q.id: q.text for c in window.current_topic().categories for q in c.questions}
    shown = [r for r in screen.suggested_view.findChildren(QuestionToggle) if r.isVisibleTo(screen)]
    assert {r.text_label.text() for r in shown} == set(english.values())
    assert [r.question_id for r in shown if r.isChecked()] == [first.question_id]
