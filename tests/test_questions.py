"""The question list: toggling, own questions, limits, order, and clean plain text."""

from __future__ import annotations

from kiosk.questions import MAX_LENGTH, MAX_QUESTIONS, QuestionList, Refusal, clean_text


def test_toggle_adds_then_removes():
    questions = QuestionList()
    assert questions.toggle("sejour") is None and questions.is_chosen("sejour")
    assert questions.toggle("sejour") is None and not questions.is_chosen("sejour")


def test_own_questions_are_trimmed_plain_text():
    questions = QuestionList()
    assert questions.add_own("  Combien   de temps\n vais-je rester ?\t") is None
    assert questions.own == ["Combien de temps vais-je rester ?"]
    assert clean_text("<b>gras</b> &amp;\x00\u200b") == "<b>gras</b> &amp;"


def test_refusals_are_explicit_never_silent():
    questions = QuestionList()
    assert questions.add_own("   \n ") is Refusal.EMPTY
    assert questions.add_own("x" * (MAX_LENGTH + 1)) is Refusal.TOO_LONG
    assert questions.add_own("a" * 5000) is Refusal.TOO_LONG
    assert questions.add_own("Une question ?") is None
    assert questions.add_own("une QUESTION ?") is Refusal.DUPLICATE
    assert questions.own == ["Une question ?"]


def test_limit_on_number_of_questions():
    questions = QuestionList()
    for n in range(MAX_QUESTIONS):
        assert questions.add_own(f"Question {n} ?") is None
    assert questions.add_own("Encore une ?") is Refusal.TOO_MANY
    assert questions.toggle("sejour") is Refusal.TOO_MANY
    assert questions.count == MAX_QUESTIONS


def test_edit_own_checks_like_add():
    questions = QuestionList()
    questions.add_own("Première ?")
    questions.add_own("Deuxième ?")
    assert questions.edit_own(0, "Deuxième ?") is Refusal.DUPLICATE
    assert questions.edit_own(0, "Première, corrigée ?") is None
    assert questions.own == ["Première, corrigée ?", "Deuxième ?"]


def test_items_follow_the_topic_order_then_own(library):
    topic = library.topic("fr", "cimentoplastie")
    questions = QuestionList()
    last, first = topic.all_questions[-1], topic.all_questions[0]
    questions.toggle(last.id)
    questions.toggle(first.id)
    questions.add_own("Ma question ?")
    items = questions.items(topic)
    assert [i.text for i in items] == [first.text, last.text, "Ma question ?"]
    questions.remove(items[2])
    questions.remove(items[0])
    assert [i.text for i in questions.items(topic)] == [last.text]


def test_emoji_and_unusual_characters_are_kept_as_text():
    questions = QuestionList()
    assert questions.add_own("Douleur 😀 après ? 你好") is None
    assert questions.own == ["Douleur 😀 après ? 你好"]


def test_chosen_questions_survive_a_language_change(library):
    """Ids are shared across languages: the same list reads in the other language."""
    french, english = library.topic("fr", "cimentoplastie"), library.topic("en", "cimentoplastie")
    questions = QuestionList()
    questions.toggle("sejour")
    questions.add_own("Et ma voiture ?")
    assert questions.items(french)[0].text == french.question("sejour").text
    assert [i.text for i in questions.items(english)] == [
        english.question("sejour").text,
        "Et ma voiture ?",
    ]
