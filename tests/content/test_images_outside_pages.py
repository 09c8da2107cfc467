"""Pictures belong on pages, where they are checked, kept as bytes and drawn with their
alternative text and caption. In a glossary definition, a quiz question or answer, or a
suggested question, an image was left in the text as a file: link (a definition's HTML
kept ``<img src="file:///…">``) or silently dropped with its meaning. It is refused with an
error naming the file and the line, the file is left out like any file with an error, and
the picture's file is never opened."""

from __future__ import annotations

import os

import pytest

from kiosk.content import load_library
from tests.content.test_figure_bytes import BLUE, svg
from tests.content.test_hostile_files import run_kiosk_check
from tests.content.test_loader_errors import GOOD_PAGE, write_topic

GLOSSARY = """title: Glossaire

Trocart
:   Une grosse aiguille. ![Un trocart.](images/d.svg)

Canule
:   Un petit tube.
"""

QUIZ = """title: Ai-je bien compris ?

## Combien de jours ? {: #jours }

- 1 jour
- [x] 3 jours

explain: En général, 3 jours.
page: 01-a

## Quel dessin ? ![Un dessin.](images/d.svg) {: #dessin }

- Celui-ci
- [x] Celui-là

explain: Celui-là.
page: 01-a
"""

QUESTIONS = """title: Questions

## Avant {: #avant }

- Combien de jours ?
  {: #jours }
- Et ce dessin ? ![Un dessin.](images/d.svg)
  {: #dessin }
"""

CASES = {"glossary.md": (GLOSSARY, 4), "quiz.md": (QUIZ, 11), "questions.md": (QUESTIONS, 7)}


def message(name: str) -> str:
    return (
        f"image 'images/d.svg' refused: pictures go on pages only (a line of their own, "
        f"with a caption), not in {name}"
    )


@pytest.mark.parametrize("name", list(CASES))
def test_an_image_outside_a_page_is_refused_with_file_and_line(tmp_path, name):
    body, line = CASES[name]
    folder = write_topic(tmp_path, {"01-a.md": GOOD_PAGE, name: body, "images/d.svg": svg(BLUE)})
    library = load_library(tmp_path)
    problems = [str(problem) for problem in library.problems]
    assert f"{folder / name}:{line}: error: {message(name)}" in problems, problems
    assert f"{folder / name}: error: {name} left out because of the errors above" in problems
    topic = library.topic("fr", "t")
    assert [page.slug for page in topic.pages] == ["01-a"]  # the rest loads
    assert topic.glossary == () and topic.quiz is None and topic.categories == ()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_the_picture_file_is_never_opened(tmp_path):
    """A pipe in its place would be reported as 'not a regular file' if it were opened."""
    folder = write_topic(tmp_path, {"01-a.md": GOOD_PAGE, "glossary.md": GLOSSARY})
    (folder / "images").mkdir()
    os.mkfifo(folder / "images" / "d.svg")
    problems = [str(problem) for problem in load_library(tmp_path).problems]
    assert f"{folder / 'glossary.md'}:4: error: {message('glossary.md')}" in problems
    assert not any("regular file" in problem for problem in problems), problems


def test_kiosk_check_reports_them(tmp_path):
    files = {name: body for name, (body, _) in CASES.items()}
    write_topic(tmp_path, {"01-a.md": GOOD_PAGE, **files, "images/d.svg": svg(BLUE)})
    result = run_kiosk_check(tmp_path)
    assert result.returncode == 1
    for name, (_, line) in CASES.items():
        assert f"fr/t/{name}:{line}: error: {message(name)}" in result.stdout, result.stdout
