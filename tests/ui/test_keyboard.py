"""Type a real question with the on-screen keyboard, by tapping keys like a patient."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.style.metrics import MIN_TOUCH_MM, Metrics, physical_dpi
from kiosk.ui.style.theme import CALM, style_sheet
from kiosk.ui.widgets.keyboard import OnScreenKeyboard
from tests.ui.taps import tap, type_by_taps

QUESTION = "Combien de temps vais-je rester à l'hôpital ?"


@pytest.fixture
def build(qtbot, family):
    """A 1280x800 window with the app's style sheet: an editor above the keyboard."""
    alive: list[QWidget] = []  # qtbot keeps only weak references to windows

    def make(editor_type=QLineEdit, layout_name: str = "azerty"):
        window = QWidget()
        qtbot.addWidget(window)
        alive.append(window)
        m = Metrics.for_screen(window.screen(), family, 500.0)
        window.setStyleSheet(style_sheet(CALM, m, family))
        editor = editor_type()
        keyboard = OnScreenKeyboard(layout_name)
        keyboard.apply_metrics(m)
        keyboard.set_target(editor)
        box = QVBoxLayout(window)
        box.addWidget(editor, 1)
        box.addWidget(keyboard)
        window.resize(1280, 800)
        with qtbot.waitExposed(window):
            window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        editor.setFocus()
        qtbot.waitUntil(editor.hasFocus)
        return window, editor, keyboard, m

    return make


def text_of(editor: QLineEdit | QPlainTextEdit) -> str:
    return editor.text() if isinstance(editor, QLineEdit) else editor.toPlainText()


@pytest.mark.parametrize("editor_type", [QLineEdit, QPlainTextEdit])
def test_question_typed_by_taps_then_backspace(qtbot, build, editor_type):
    _, editor, keyboard, _ = build(editor_type)
    type_by_taps(qtbot, keyboard, QUESTION)
    assert text_of(editor) == QUESTION
    tap(qtbot, keyboard.key_for("backspace"))
    assert text_of(editor) == QUESTION[:-1]
    # Taps never steal the editor's focus, so its cursor stays where the patient put it.
    assert editor.hasFocus()
    for key in keyboard.findChildren(QPushButton):
        assert key.focusPolicy() == Qt.FocusPolicy.NoFocus


def test_typing_inserts_at_cursor_and_respects_max_length(qtbot, build):
    _, editor, keyboard, _ = build(QLineEdit)
    editor.setMaxLength(4)
    editor.setText("ab")
    editor.setCursorPosition(1)
    tap(qtbot, keyboard.key_for("x"))
    assert editor.text() == "axb"
    type_by_taps(qtbot, keyboard, "yz")  # "z" would make five characters
    assert editor.text() == "axyb"


def test_shift_is_one_shot_and_changes_labels(qtbot, build):
    _, editor, keyboard, _ = build()
    shift = keyboard.key_for("shift")
    assert shift.isCheckable()
    assert not shift.isChecked()
    assert keyboard.key_for("œ").text() == "œ"
    tap(qtbot, shift)
    assert shift.isChecked()
    assert keyboard.key_for("Œ").text() == "Œ"
    assert keyboard.key_for("É").accessibleName() == "É"
    with pytest.raises(KeyError):
        keyboard.key_for("é")
    tap(qtbot, keyboard.key_for("É"))
    tap(qtbot, keyboard.key_for("t"))
    assert editor.text() == "Ét"
    assert not shift.isChecked()
    # Shift again, then the session ends: the next patient starts in lowercase.
    tap(qtbot, shift)
    keyboard.reset()
    assert not shift.isChecked()
    assert keyboard.key_for("a").text() == "a"


def first_letter_row(keyboard: OnScreenKeyboard, first: str) -> str:
    letters = [keyboard.key_for(c) for c in "abcdefghijklmnopqrstuvwxyz"]
    top = min(key.y() for key in letters)
    row = sorted((key for key in letters if key.y() == top), key=lambda key: key.x())
    assert row[0] is keyboard.key_for(first)
    return "".join(key.text() for key in row)


def test_layouts(qtbot, build):
    _, _, keyboard, _ = build(layout_name="qwerty")
    assert first_letter_row(keyboard, "q").startswith("qwerty")
    keyboard.set_layout("azerty")
    qtbot.waitUntil(lambda: keyboard.key_for("a").isVisible())
    assert first_letter_row(keyboard, "a").startswith("azerty")
    with pytest.raises(ValueError):
        keyboard.set_layout("dvorak")


def test_special_keys_labels_and_submit(qtbot, build):
    _, _, keyboard, _ = build()
    for name, label in [
        ("shift", "Maj"),
        ("digits", "123"),
        ("space", "Espace"),
        ("backspace", "Effacer"),
        ("submit", "Ajouter"),
    ]:
        assert keyboard.key_for(name).text() == label
        assert keyboard.key_for(name).accessibleName() == label
    assert keyboard.key_for("submit").property("role") == "primary"
    with qtbot.waitSignal(keyboard.submitted, timeout=1000):
        tap(qtbot, keyboard.key_for("submit"))


def test_keys_are_finger_sized_and_apart(qtbot, build):
    window, _, keyboard, m = build()
    px_per_mm = physical_dpi(window.screen()) / 25.4
    keys = keyboard.findChildren(QPushButton)
    assert len(keys) == 10 + 26 + 5 + 13 + 5
    for key in keys:
        assert key.width() / px_per_mm >= MIN_TOUCH_MM, key.text()
        assert key.height() / px_per_mm >= MIN_TOUCH_MM, key.text()
        assert keyboard.rect().contains(key.geometry()), key.text()
    e_acute, e_grave = keyboard.key_for("é"), keyboard.key_for("è")
    assert e_grave.x() - e_acute.geometry().right() > m.mm(3)
    assert keyboard.key_for("a").y() - e_acute.geometry().bottom() > m.mm(3)
    # Five rows: accents (or digits), three letter rows, special keys.
    assert keyboard.height() <= 5 * (m.touch_px + m.gap_px) + 5 * m.mm(1)


def test_digits_share_the_accent_row(qtbot, build):
    _, editor, keyboard, _ = build()
    with pytest.raises(KeyError):
        keyboard.key_for("3")
    tap(qtbot, keyboard.key_for("digits"))
    qtbot.waitUntil(lambda: keyboard.key_for("3").isVisible())
    tap(qtbot, keyboard.key_for("3"))
    tap(qtbot, keyboard.key_for("0"))
    assert editor.text() == "30"
    with pytest.raises(KeyError):
        keyboard.key_for("é")
    keyboard.reset()
    assert keyboard.key_for("é").text() == "é"


def test_deleted_editor_is_forgotten(qtbot, build):
    _, editor, keyboard, _ = build()
    shiboken6.delete(editor)
    tap(qtbot, keyboard.key_for("a"))  # must not touch the dead editor
    other = QLineEdit()
    qtbot.addWidget(other)
    keyboard.set_target(other)
    tap(qtbot, keyboard.key_for("a"))
    assert other.text() == "a"
