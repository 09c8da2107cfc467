"""Switching language mid-visit: the page stays in range, a topic missing in the other
language never leaves a French page under an English interface, and Home follows."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kiosk.content import Library, load_library
from kiosk.resources import content_dir
from tests.ui.taps import tap

TOPIC = "cimentoplastie"


def library_copy(tmp_path: Path, change) -> Library:
    root = tmp_path / "content"
    shutil.copytree(content_dir(), root)
    change(root)
    return load_library(root)


@pytest.fixture
def fewer_english_pages(tmp_path) -> Library:
    """An English topic one page short (the loader skips a broken page the same way)."""
    return library_copy(
        tmp_path, lambda root: (root / f"en/{TOPIC}/23-vis-impossibles.md").unlink()
    )


@pytest.fixture
def no_english_topic(tmp_path) -> Library:
    """English offers another topic, but not the one the patient reads in French."""
    return library_copy(tmp_path, lambda root: (root / f"en/{TOPIC}").rename(root / "en/autre"))


def switch_language_from_the_reader(qtbot, window, language: str) -> None:
    reader = window.reader
    tap(qtbot, reader.display_button)
    tap(qtbot, reader.display_bar.language_buttons[language])


def test_next_after_switching_to_a_language_with_fewer_pages(
    qtbot, make_window, fewer_english_pages
):
    window = make_window(lib=fewer_english_pages)
    tap(qtbot, window.home.tiles[0])
    window.toggle_question("sejour")
    window.jump_to_page(23)  # the French topic's last page
    switch_language_from_the_reader(qtbot, window, "en")
    english = window.current_topic()
    assert english is not None and len(english.pages) == 23
    assert window.session.page_index == 22 and window.session.page_count == 23
    # "Next" to the very end: never past the last English page, nothing raised.
    for _ in range(12):
        if window.stack.currentWidget() is not window.reader:
            break
        tap(qtbot, window.reader.next_button)
    assert window.session.page_index == 22
    assert window.session.questions.chosen_ids == ["sejour"]  # no recovery wiped them
    assert window.stack.currentWidget() is not window.message


def test_back_to_the_language_with_more_pages_reaches_its_last_page(
    qtbot, make_window, fewer_english_pages
):
    window = make_window(lib=fewer_english_pages, language="en")
    tap(qtbot, window.home.tiles[0])
    window.jump_to_page(22)
    switch_language_from_the_reader(qtbot, window, "fr")
    assert window.session.page_count == 24
    window.jump_to_page(23)
    assert window.reader.current_page is window.current_topic().pages[23]


def test_a_language_without_the_topic_goes_home_and_keeps_the_questions(
    qtbot, make_window, no_english_topic
):
    window = make_window(lib=no_english_topic)
    tap(qtbot, window.home.tiles[0])
    window.toggle_question("sejour")
    switch_language_from_the_reader(qtbot, window, "en")
    # Not a French page under an English interface: Home, in English, saying why.
    assert window.stack.currentWidget() is window.home
    assert [t.title_label.text() for t in window.home.tiles] == [
        t.title for t in no_english_topic.topics_for("en")
    ]
    assert window.home.language_buttons["en"].isChecked()
    assert not window.home.language_buttons["fr"].isChecked()
    assert window.home.notice.isVisibleTo(window.home)
    assert "English" in window.home.notice.text() or "language" in window.home.notice.text()
    assert window.reader.topic is None  # nothing French left behind on the reader
    assert window.session.questions.chosen_ids == ["sejour"]
    # Back in French, the topic and the question are there again.
    tap(qtbot, window.home.language_buttons["fr"])
    assert not window.home.notice.isVisibleTo(window.home)
    tap(qtbot, window.home.tiles[0])
    assert window.reader.topic is not None and window.reader.topic.language == "fr"
    assert window.session.questions.chosen_ids == ["sejour"]
    tap(qtbot, window.reader.questions_button)
    tap(qtbot, window.questions.summary_button)
    assert window.stack.currentWidget() is window.summary  # "Mon résumé" works


def test_summary_is_never_a_dead_button_after_a_switch(qtbot, make_window, no_english_topic):
    """From "Mes questions", switching to a language without the topic: the summary cannot
    be made (no English topic), so the patient is taken Home with the reason, not left on a
    button that does nothing."""
    window = make_window(lib=no_english_topic)
    tap(qtbot, window.home.tiles[0])
    tap(qtbot, window.reader.questions_button)
    questions = window.questions
    tap(qtbot, questions.display_button)
    tap(qtbot, questions.display_bar.language_buttons["en"])
    assert window.stack.currentWidget() is window.home
    assert window.home.notice.isVisibleTo(window.home)


def test_on_home_english_shows_english_tiles_and_selects_english(qtbot, make_window):
    window = make_window()
    tap(qtbot, window.home.tiles[0])
    tap(qtbot, window.reader.home_button)  # a topic was opened: Home shows it in French
    assert window.stack.currentWidget() is window.home
    tap(qtbot, window.home.language_buttons["en"])
    assert window.session.language == "en"
    assert window.home.tiles[0].title_label.text() == (
        "Cementoplasty and percutaneous osteosynthesis"
    )
    assert window.home.language_buttons["en"].isChecked()
    assert not window.home.language_buttons["fr"].isChecked()
    assert window.home.welcome.text() == "Welcome"
