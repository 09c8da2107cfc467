"""'Ai-je bien compris ?' driven by taps on the real content: right and wrong answers, reread
the page and come back, add a related question, skip, and nothing left for the next person."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.taps import tap


def reach_quiz_by_reading(qtbot, window):
    """The patient reads to the end: the last screen's button opens the quiz."""
    qtbot.mouseClick(window.home.tiles[0], Qt.MouseButton.LeftButton)
    topic = window.current_topic()
    window.jump_to_page(len(topic.pages) - 1)
    QApplication.processEvents()  # the page settles (its title may take two lines)
    reader = window.reader
    reader.view.show_screen(reader.view.screen_count - 1)
    # A moment later (the tap guard ignores a tap just after a screen change).
    qtbot.mouseClick(reader.next_button, Qt.MouseButton.LeftButton, delay=600)
    assert window.stack.currentWidget() is window.quiz
    return window.quiz


def option(quiz, right: bool):
    item = quiz.item
    number = next(n for n, o in enumerate(item.options) if o.right == right)
    return quiz.option_tiles[number]


def test_a_right_answer_says_so_warmly_with_its_explanation(qtbot, make_window):
    window = make_window()
    quiz = reach_quiz_by_reading(qtbot, window)
    assert quiz.start_button.isVisible() and "rien n'est enregistré" in quiz.prompt.text()
    tap(qtbot, quiz.start_button)
    QApplication.processEvents()
    assert quiz.progress_label.text() == "Question 1 sur 6"
    item = quiz.item
    assert quiz.prompt.text() == item.prompt
    assert len(quiz.option_tiles) == len(item.options) and all(
        t.isVisible() and t.height() >= window.applied_metrics.touch_px for t in quiz.option_tiles
    )
    assert not quiz.feedback.isVisible() and not quiz.next_button.isVisible()
    right = option(quiz, True)
    tap(qtbot, right)
    assert quiz.feedback.isVisible()
    assert quiz.verdict.text() == "Oui, c'est bien ça !"
    assert quiz.explanation.text() == item.explanation
    assert "La bonne réponse" in right.description_label.text()
    assert not quiz.reread_button.isVisible() and not quiz.add_button.isVisible()
    # Nothing is graded: no score anywhere on the screen.
    texts = " ".join(label.text() for label in quiz.findChildren(type(quiz.verdict)))
    assert "/6" not in texts and "score" not in texts.lower() and "%" not in texts


def test_a_wrong_answer_shows_the_right_one_and_offers_to_reread_and_ask(qtbot, make_window):
    window = make_window()
    quiz = reach_quiz_by_reading(qtbot, window)
    tap(qtbot, quiz.start_button)
    item = quiz.item
    wrong, right = option(quiz, False), option(quiz, True)
    tap(qtbot, wrong)
    assert quiz.verdict.text() == "Pas tout à fait."
    right_text = next(o.text for o in item.options if o.right)
    assert right_text in quiz.verdict.accessibleName()
    assert "La bonne réponse" in right.description_label.text()
    assert wrong.description_label.text() == "Votre réponse"
    tap(qtbot, right)  # the choice stands: a second answer changes nothing
    assert window.session.quiz_answers[item.id] == quiz.option_tiles.index(wrong)

    # Add the related question: it is in "Mes questions" and on the summary.
    question = window.current_topic().question(item.question_id)
    assert quiz.add_button.isVisible()
    assert quiz.add_button.description_label.text() == question.text
    tap(qtbot, quiz.add_button)
    assert window.session.questions.is_chosen(question.id)
    assert quiz.add_button.title_label.text() == "✓ Ajoutée à mes questions"
    tap(qtbot, quiz.add_button)  # a second tap never takes it away again
    assert window.session.questions.is_chosen(question.id)

    # Reread the page the answer comes from, then come back to the same question.
    tap(qtbot, quiz.reread_button)
    reader = window.reader
    assert window.stack.currentWidget() is reader
    assert window.current_topic().pages[window.session.page_index].slug == item.page_slug
    assert reader.quiz_button.isVisible() and reader.quiz_button.text() == "Retour au quiz"
    tap(qtbot, reader.quiz_button)
    assert window.stack.currentWidget() is quiz and quiz.item is item
    assert quiz.feedback.isVisible()
    assert not reader.toolbar.is_wanted(reader.quiz_button)


def test_every_question_then_the_end_leads_to_my_questions(qtbot, make_window):
    window = make_window(800, 1280, language="en")
    quiz = reach_quiz_by_reading(qtbot, window)
    assert quiz.title.text() == "Did I understand?"
    tap(qtbot, quiz.start_button)
    count = len(window.current_topic().quiz.items)
    for number in range(count):
        assert quiz.progress_label.text() == f"Question {number + 1} of {count}"
        tap(qtbot, option(quiz, number % 2 == 0))
        QApplication.processEvents()
        # The feedback is brought into view on a portrait tablet too.
        area = quiz.scroll_area
        top = quiz.feedback.mapTo(area.widget(), quiz.feedback.rect().topLeft()).y()
        assert (
            area.verticalScrollBar().value()
            <= top
            < area.verticalScrollBar().value() + (area.viewport().height())
        )
        tap(qtbot, quiz.next_button)
    assert quiz.at_end and quiz.questions_button.isVisible()
    assert "Thank you" in quiz.prompt.text()
    tap(qtbot, quiz.questions_button)
    assert window.stack.currentWidget() is window.questions


def test_the_patient_can_skip_at_any_time(qtbot, make_window):
    window = make_window()
    quiz = reach_quiz_by_reading(qtbot, window)
    tap(qtbot, quiz.skip_button)  # from the introduction
    assert window.stack.currentWidget() is window.questions
    window.show_quiz()
    tap(qtbot, quiz.start_button)
    tap(qtbot, option(quiz, False))
    tap(qtbot, quiz.skip_button)  # in the middle, after an answer
    assert window.stack.currentWidget() is window.questions


def test_finishing_or_walking_away_leaves_nothing_of_the_quiz(qtbot, make_window):
    window = make_window()
    quiz = reach_quiz_by_reading(qtbot, window)
    tap(qtbot, quiz.start_button)
    tap(qtbot, option(quiz, False))
    tap(qtbot, quiz.add_button)
    tap(qtbot, quiz.reread_button)
    window.end_session()  # "Terminer", the idle wipe and staff actions all end here
    assert window.session.quiz_answers == {} and window.session.quiz_index == -1
    assert not window.reader.toolbar.is_wanted(window.reader.quiz_button)
    assert quiz.option_tiles == [] and not quiz.feedback.isVisible()
    # The next patient finds the introduction, with nothing of the last one's answers.
    qtbot.mouseClick(window.attract.language_buttons["fr"], Qt.MouseButton.LeftButton)
    quiz = reach_quiz_by_reading(qtbot, window)
    assert quiz.start_button.isVisible() and not quiz.feedback.isVisible()
    tap(qtbot, quiz.start_button)
    assert all(not t.description_label.isVisible() for t in quiz.option_tiles)


def test_the_nurse_opens_the_quiz_from_the_contents(qtbot, make_window):
    window = make_window()
    window.set_presenter(True)
    qtbot.mouseClick(window.home.tiles[0], Qt.MouseButton.LeftButton)
    tap(qtbot, window.reader.contents_button)
    tile = window.contents.page_buttons[-1]
    assert tile.title_label.text() == "Ai-je bien compris ?"
    tap(qtbot, tile)
    assert window.stack.currentWidget() is window.quiz
