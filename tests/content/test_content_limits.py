"""Unreasonable amounts of content (found by a hostile tester: a 10,000-page topic froze the
kiosk for 28 s, a 5,000-word glossary for 9 s). Each limit is reported with the file and
the line where it is passed, by the loader and by `kiosk check`; the rest of the content
loads and the kiosk starts on it. Content at the limits opens and answers a tap.

Speed is measured by bench/run.py (case "limits"), not here.
"""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kiosk.content import load_library
from kiosk.content.glossary_links import TermLinker, fold
from kiosk.content.limits import (
    MAX_GLOSSARY_TERMS,
    MAX_PAGE_BYTES,
    MAX_PAGES,
    MAX_QUESTIONS,
    MAX_QUIZ_ITEMS,
    MAX_TOPIC_BYTES,
)
from kiosk.resources import content_dir
from tests.content.test_hostile_files import run_kiosk_check
from tests.content.test_loader_errors import GOOD_PAGE, write_topic


def glossary(count: int) -> str:
    """``count`` entries; entry k (from 0) has its definition on line 4 + 3 k."""
    entries = "".join(f"Mot{k:04d}\n:   Un mot.\n\n" for k in range(count))
    return "title: Glossaire\n\n" + entries


def questions(count: int) -> str:
    """``count`` questions; question k (from 0) is on line 5 + 2 k."""
    items = "".join(f"- Question {k} ?\n  {{: #q{k} }}\n" for k in range(count))
    return "title: Questions\n\n## Avant {: #avant }\n\n" + items


def quiz(count: int, page: str = "01-a") -> str:
    """``count`` quiz questions; question k (from 0) starts on line 3 + 9 k."""
    items = "".join(
        f"## Question {k} ? {{: #quiz{k} }}\n\n- Oui\n- [x] Non\n\n"
        f"explain: Non.\npage: {page}\n\n\n"
        for k in range(count)
    )
    return "title: Ai-je bien compris ?\n\n" + items


OVER = {
    "glossary.md": (
        glossary(MAX_GLOSSARY_TERMS + 1),
        4 + 3 * MAX_GLOSSARY_TERMS,
        f"glossary.md has {MAX_GLOSSARY_TERMS + 1} definitions, more than "
        f"{MAX_GLOSSARY_TERMS} (the limit)",
    ),
    "questions.md": (
        questions(MAX_QUESTIONS + 1),
        5 + 2 * MAX_QUESTIONS,
        f"questions.md has {MAX_QUESTIONS + 1} questions, more than {MAX_QUESTIONS} (the limit)",
    ),
    "quiz.md": (
        quiz(MAX_QUIZ_ITEMS + 1),
        3 + 9 * MAX_QUIZ_ITEMS,
        f"quiz.md has {MAX_QUIZ_ITEMS + 1} questions, more than {MAX_QUIZ_ITEMS} (the limit)",
    ),
}


@pytest.mark.parametrize("name", list(OVER))
def test_a_file_over_its_limit_is_left_out_with_file_and_line(tmp_path, name):
    body, line, message = OVER[name]
    write_topic(tmp_path, {"01-a.md": GOOD_PAGE, "02-b.md": GOOD_PAGE, name: body})
    library = load_library(tmp_path)
    problems = [str(problem) for problem in library.problems]
    path = tmp_path / "fr" / "t" / name
    assert any(p.startswith(f"{path}:{line}: error: {message}") for p in problems), problems
    assert f"{path}: error: {name} left out because of the errors above" in problems
    topic = library.topic("fr", "t")  # the topic itself loads, without that file
    assert [page.slug for page in topic.pages] == ["01-a", "02-b"]
    assert topic.glossary == () and topic.categories == () and topic.quiz is None


@pytest.mark.parametrize("name", list(OVER))
def test_a_file_at_its_limit_loads(tmp_path, name):
    at_limit = {
        "glossary.md": glossary(MAX_GLOSSARY_TERMS),
        "questions.md": questions(MAX_QUESTIONS),
        "quiz.md": quiz(MAX_QUIZ_ITEMS),
    }
    write_topic(tmp_path, {"01-a.md": GOOD_PAGE, name: at_limit[name]})
    library = load_library(tmp_path)
    assert library.errors == []
    topic = library.topic("fr", "t")
    counts = {
        "glossary.md": len(topic.glossary),
        "questions.md": len(topic.all_questions),
        "quiz.md": len(topic.quiz.items) if topic.quiz else 0,
    }
    assert counts[name] == {"glossary.md": MAX_GLOSSARY_TERMS, "questions.md": MAX_QUESTIONS}.get(
        name, MAX_QUIZ_ITEMS
    )


def test_a_page_over_the_size_limit_is_left_out_and_the_others_load(tmp_path):
    sentence = "Un texte simple pour remplir la page. "
    big = GOOD_PAGE + "\n" + sentence * (MAX_PAGE_BYTES // len(sentence) + 1) + "\n"
    fits = GOOD_PAGE + "\n" + sentence * (MAX_PAGE_BYTES // len(sentence) - 10) + "\n"
    assert len(fits.encode()) <= MAX_PAGE_BYTES < len(big.encode())
    write_topic(tmp_path, {"01-a.md": fits, "02-grande.md": big, "03-c.md": GOOD_PAGE})
    library = load_library(tmp_path)
    assert [p.slug for p in library.topic("fr", "t").pages] == ["01-a", "03-c"]
    problems = "\n".join(str(problem) for problem in library.problems)
    assert (
        f"02-grande.md: error: file is too large (over {MAX_PAGE_BYTES // 1024} KiB, the limit) "
        "for a page: split it into several pages"
    ) in problems


def test_a_topic_whose_pages_are_too_large_together_is_left_out(tmp_path):
    """Each page within its limit, but together more text than a topic may hold."""
    sentence = "Un texte simple pour remplir la page. "
    page = GOOD_PAGE + "\n" + sentence * ((MAX_PAGE_BYTES - 200) // len(sentence)) + "\n"
    count = MAX_TOPIC_BYTES // len(page.encode()) + 1
    write_topic(tmp_path, {f"{n:02d}-p.md": page for n in range(count)}, topic="long")
    write_topic(tmp_path, {"01-a.md": GOOD_PAGE}, topic="court")
    library = load_library(tmp_path)
    assert [t.id for t in library.topics_for("fr")] == ["court"]
    total = count * len(page.encode()) // 1024
    assert (
        f"{tmp_path / 'fr' / 'long'}: error: the pages of this topic total {total} KiB, more "
        f"than {MAX_TOPIC_BYTES // 1024} KiB (the limit); topic skipped"
    ) in "\n".join(str(problem) for problem in library.problems)


def hostile_library(tmp_path: Path) -> Path:
    """The bundled content, with a French glossary over its limit and a topic with one
    page too many."""
    root = tmp_path / "content"
    shutil.copytree(content_dir(), root)
    (root / "fr" / "cimentoplastie" / "glossary.md").write_text(
        glossary(MAX_GLOSSARY_TERMS + 1), encoding="utf-8"
    )
    big = write_topic(root, {}, topic="enorme")
    for number in range(MAX_PAGES + 1):
        (big / f"{number:03d}-page.md").write_text(GOOD_PAGE, encoding="utf-8")
    return root


def test_kiosk_check_reports_the_limits_with_file_and_line(tmp_path):
    root = hostile_library(tmp_path)
    result = run_kiosk_check(root)
    assert result.returncode == 1, result.stdout[-2000:] + result.stderr[-2000:]
    assert (
        f"fr/enorme: error: topic has {MAX_PAGES + 1} pages, more than {MAX_PAGES} (the limit)"
    ) in result.stdout
    assert (
        f"fr/cimentoplastie/glossary.md:{4 + 3 * MAX_GLOSSARY_TERMS}: error: glossary.md has "
        f"{MAX_GLOSSARY_TERMS + 1} definitions, more than {MAX_GLOSSARY_TERMS} (the limit)"
    ) in result.stdout


def test_the_kiosk_starts_on_the_rest(qtbot, make_window, tmp_path):
    library = load_library(hostile_library(tmp_path))
    assert [t.id for t in library.topics_for("fr")] == ["cimentoplastie"]
    window = make_window(lib=library)
    qtbot.mouseClick(window.home.tiles[0], Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.reader
    topic = window.current_topic()
    assert topic.id == "cimentoplastie" and topic.glossary == ()
    assert "term:" not in window.reader.body.document().toHtml()
    turn_to_the_next_page(qtbot, window)


def turn_to_the_next_page(qtbot, window) -> None:
    """Taps on "Suivant" until the second page is shown (a page may take a few screens)."""
    reader = window.reader
    for _ in range(reader.view.screen_count + 10):  # one tap a screen, then the next page
        if window.session.page_index == 1:
            break
        qtbot.mouseClick(reader.nav.next_button, Qt.MouseButton.LeftButton)
    assert window.session.page_index == 1
    assert reader.page_title.text() == window.current_topic().pages[1].title


def topic_at_the_limits(root: Path) -> Path:
    """A topic with as many pages, words, suggested and quiz questions as allowed, each
    page using many of the words and the largest page at the size limit."""
    rng = random.Random(20)
    words = [f"Mot{k:04d}" for k in range(MAX_GLOSSARY_TERMS)]
    files: dict[str, str] = {
        "glossary.md": glossary(MAX_GLOSSARY_TERMS),
        "questions.md": questions(MAX_QUESTIONS),
        "quiz.md": quiz(MAX_QUIZ_ITEMS, "001-page"),
    }
    for number in range(MAX_PAGES):
        text = " ".join(rng.choice(words) for _ in range(60))
        files[f"{number:03d}-page.md"] = (
            f"title: Page {number + 1}\nkey: Un point.\nquestions: q{number % MAX_QUESTIONS}\n\n"
            f"Une phrase avec {text}.\n"
        )
    sentence = "Une phrase simple avec Mot0001 et Mot0002 pour la page. "
    first = files["000-page.md"]
    files["000-page.md"] = first + ("\n" + sentence * 6) * (
        (MAX_PAGE_BYTES - len(first.encode()) - 1) // (len(sentence) * 6 + 1)
    )
    return write_topic(root, files, topic="limite")


def test_a_topic_at_the_limits_opens_and_a_tap_is_served(qtbot, make_window, tmp_path):
    topic_at_the_limits(tmp_path)
    library = load_library(tmp_path)
    assert library.errors == []
    topic = library.topic("fr", "limite")
    assert len(topic.pages) == MAX_PAGES and len(topic.glossary) == MAX_GLOSSARY_TERMS
    assert len(topic.pages[0].source.read_bytes()) > MAX_PAGE_BYTES - 400
    window = make_window(lib=library)
    qtbot.mouseClick(window.home.tiles[0], Qt.MouseButton.LeftButton)
    assert window.current_topic() is topic
    assert window.reader.view.screen_count > 1  # the long first page, cut into screens
    turn_to_the_next_page(qtbot, window)
    qtbot.mouseClick(window.reader.glossary_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.glossary
    assert window.glossary.terms == [entry.term for entry in topic.glossary]


# Linking the glossary in one pass gives what one regex per topic gave -----------------
def regex_links(forms_by_id: dict[str, tuple[str, ...]], folded: str) -> list[tuple]:
    """The former implementation: one alternation, longest forms first."""
    alternatives = sorted(
        ((fold(form), tid) for tid, forms in forms_by_id.items() for form in forms if form.strip()),
        key=lambda pair: -len(pair[0]),
    )
    by_form = {fold(form): tid for tid, forms in forms_by_id.items() for form in forms}
    groups = "|".join(re.escape(form) for form, _ in alternatives)
    pattern = re.compile(rf"(?<!\w)({groups})(?!\w)")
    return [(m.start(), m.end(), by_form[m.group(1)]) for m in pattern.finditer(folded)]


def test_the_one_pass_linker_finds_what_the_regex_found():
    forms = {
        "fuite": ("Fuite", "Fuites"),
        "fuite-de-ciment": ("Fuite de ciment", "fuites de ciment"),
        "os": ("os",),
        "l-os": ("l'os",),
        "ains": ("(AINS)", "AINS"),
        "irm": ("IRM", "I.R.M."),
        "metastase": ("Métastase", "métastases"),
        "anti": ("anti-douleur",),
    }
    rng = random.Random(7)
    pieces = ["fuite", "Fuites de ciment", "os", "l'os", "(AINS)", "AINS", "I.R.M.", "IRM",
              "Métastases", "métastase", "anti-douleur", "antidouleur", "osseux", "dos", "—",
              "(", ")", " ", " ", "'", "-", "é", "x", "ciment", ".", "\n"]  # fmt: skip
    linker = TermLinker(forms)
    for _ in range(400):
        text = fold("".join(rng.choice(pieces) for _ in range(rng.randint(1, 40))))
        assert list(linker.find(text)) == regex_links(forms, text), text
