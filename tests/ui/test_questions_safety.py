"""'Mes questions' forgives slips: undo after "Retirer", "Enregistrer" for an edit that
returns to the list, a "Terminer" confirmation whose safe choice is the obvious one, and no
message that outlives the patient. Driven by taps on the real content."""

from __future__ import annotations

import pytest

from tests.ui.taps import tap

FIRST = "Combien de temps vais-je rester ?"
SECOND = "Puis-je conduire après ?"
THIRD = "Quand pourrai-je reprendre le sport ?"


@pytest.fixture
def screen(qtbot, make_window):
    window = make_window()
    tap(qtbot, window.home.tiles[0])
    window.show_questions()
    return window.questions


def write(qtbot, screen, text: str) -> None:
    tap(qtbot, screen.write_tab)
    screen.writer.editor.setPlainText(text)
    tap(qtbot, screen.writer.keyboard.key_for("submit"))


def own_rows(screen) -> list[str]:
    return [row.text_label.text() for row in screen.list_view.rows]


def test_removed_question_comes_back_in_its_place(qtbot, screen):
    for text in (FIRST, SECOND, THIRD):
        write(qtbot, screen, text)
    tap(qtbot, screen.list_tab)
    banner = screen.undo_banner
    assert not banner.isVisible()

    tap(qtbot, screen.list_view.rows[1].remove_button)
    assert screen.session.questions.own == [FIRST, THIRD]
    assert banner.isVisible()
    assert banner.label.text() == "Question retirée."
    assert banner.undo_button.text() == "Annuler"
    assert banner.undo_button.height() >= screen._metrics.touch_px  # a large button

    tap(qtbot, banner.undo_button)
    assert screen.session.questions.own == [FIRST, SECOND, THIRD]
    assert own_rows(screen) == [f"1. {FIRST}", f"2. {SECOND}", f"3. {THIRD}"]
    assert not banner.isVisible()


def test_a_removed_suggestion_can_be_undone_too(qtbot, screen):
    first, second = screen.toggles[0], screen.toggles[3]
    tap(qtbot, first)
    tap(qtbot, second)
    chosen = list(screen.session.questions.chosen_ids)
    tap(qtbot, screen.list_tab)
    tap(qtbot, screen.list_view.rows[0].remove_button)
    assert screen.session.questions.count == 1
    tap(qtbot, screen.undo_banner.undo_button)
    assert screen.session.questions.chosen_ids == chosen


def test_undo_is_offered_for_a_while_or_until_the_next_action(qtbot, screen, monkeypatch):
    write(qtbot, screen, FIRST)
    write(qtbot, screen, SECOND)
    tap(qtbot, screen.list_tab)
    banner = screen.undo_banner

    tap(qtbot, screen.list_view.rows[0].remove_button)
    assert banner.isVisible()
    tap(qtbot, screen.suggested_tab)  # the next action: the removal is final
    assert not banner.isVisible()
    assert screen.session.questions.own == [SECOND]

    monkeypatch.setattr("kiosk.ui.widgets.undo_banner.UNDO_MS", 50)
    tap(qtbot, screen.list_tab)
    tap(qtbot, screen.list_view.rows[0].remove_button)
    assert banner.isVisible()
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=2_000)
    assert screen.session.questions.own == []
    assert banner.undo_button.accessibleName() == banner.undo_button.text()  # no words kept


def test_editing_saves_with_enregistrer_and_returns_to_the_list(qtbot, screen):
    write(qtbot, screen, FIRST)
    submit = screen.writer.keyboard.key_for("submit")
    assert submit.text() == "Ajouter"
    tap(qtbot, screen.list_tab)
    tap(qtbot, screen.list_view.rows[0].edit_button)
    assert screen.stack.currentWidget() is screen.writer
    assert submit.text() == "Enregistrer" and submit.accessibleName() == "Enregistrer"

    screen.writer.editor.setPlainText(SECOND)
    tap(qtbot, submit)
    assert screen.session.questions.own == [SECOND]
    assert screen.stack.currentWidget() is screen.list_view
    assert own_rows(screen) == [f"1. {SECOND}"]
    assert screen.status.isVisible() and "enregistrée" in screen.status.text()

    tap(qtbot, screen.write_tab)  # a new question again: "Ajouter", an empty field
    assert submit.text() == "Ajouter" and screen.writer.editor.toPlainText() == ""


def test_end_confirmation_keeps_the_safe_choice_first_and_apart(qtbot, screen):
    tap(qtbot, screen.end_button)
    assert screen.stack.currentWidget() is screen.confirm
    no, yes = screen.confirm_no, screen.confirm_yes
    assert no.text() == "Non, revenir" and yes.text() == "Oui, terminer"
    assert no.property("role") == "primary"  # the choice that keeps everything
    assert yes.property("role") != "primary"  # erasing is the secondary style
    left, right = sorted((no, yes), key=lambda b: b.mapTo(screen, b.rect().topLeft()).x())
    left_edge = left.mapTo(screen, left.rect().topRight()).x()
    right_edge = right.mapTo(screen, right.rect().topLeft()).x()
    same_row = (
        abs(
            left.mapTo(screen, left.rect().center()).y()
            - right.mapTo(screen, right.rect().center()).y()
        )
        < left.height()
    )
    if same_row:
        gap = right_edge - left_edge
    else:  # stacked on a narrow screen
        upper, lower = sorted((no, yes), key=lambda b: b.mapTo(screen, b.rect().topLeft()).y())
        gap = (
            lower.mapTo(screen, lower.rect().topLeft()).y()
            - upper.mapTo(screen, upper.rect().bottomLeft()).y()
        )
    assert gap >= screen._metrics.mm(8)
    tap(qtbot, no)
    assert screen.stack.currentWidget() is screen.list_view


def test_wipe_clears_every_transient_message(qtbot, screen):
    write(qtbot, screen, FIRST)
    assert "noté" in screen.writer.message.text()
    screen.writer.editor.setPlainText("a" * 500)
    tap(qtbot, screen.writer.keyboard.key_for("submit"))
    assert "longue" in screen.writer.message.text()
    tap(qtbot, screen.list_tab)
    tap(qtbot, screen.list_view.rows[0].remove_button)
    assert screen.undo_banner.isVisible()
    screen.set_status("Vous avez déjà 10 questions.")

    screen.wipe()

    assert screen.writer.message.text() == ""
    assert not screen.status.isVisible() and screen.status.text() == ""
    assert not screen.undo_banner.isVisible()
    assert screen.undo_banner.pending is None  # nothing of theirs kept to put back
    write(qtbot, screen, SECOND)  # a later tap on "Annuler" cannot bring FIRST back
    assert screen.session.questions.own == [SECOND]


def test_language_change_drops_messages_in_the_old_language(qtbot, screen, make_window):
    write(qtbot, screen, FIRST)
    assert "noté" in screen.writer.message.text()
    screen.retranslate()
    assert screen.writer.message.text() == ""
