"""The "Ai-je bien compris ?" check (quiz.md): the bundled quizzes, every broken variant
reported with its file and line while the rest still loads, and the checker's rules."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kiosk.checker import Options, check
from kiosk.content import load_library
from kiosk.content.quiz import Quiz, QuizItem, QuizOption

from .test_loader_errors import write_topic

GUIDE = Path(__file__).resolve().parents[2] / "content" / "README.md"

PAGE = """title: Le séjour
key: Vous restez 3 jours à l'hôpital.
questions: sejour

Vous restez 3 jours à l'hôpital.
Vous entrez la veille du geste.
"""

QUESTIONS = """title: Questions à poser

## Avant le geste {: #avant }

- Combien de temps vais-je rester ?
  {: #sejour }
"""

# Line numbers matter: the tests below point at them.
QUIZ = """title: Ai-je bien compris ?

## Combien de jours restez-vous ? {: #duree }

- 1 jour
- [x] 3 jours

explain: Vous restez 3 jours.
page: 01-sejour
question: sejour

## Quand entrez-vous à l'hôpital ? {: #entree }

- [x] La veille du geste
- Le jour du geste
- Une semaine avant

explain: Vous entrez la veille du geste.
page: 01-sejour
question: sejour

## Où restez-vous ? {: #lieu }

- [x] À l'hôpital
- À la maison

explain: Vous restez à l'hôpital.
page: 01-sejour
"""
ENTREE_LINE = 12  # the heading of the second question


def write(root: Path, quiz: str | None = QUIZ, lang: str = "fr") -> Path:
    files = {"01-sejour.md": PAGE, "questions.md": QUESTIONS}
    if quiz is not None:
        files["quiz.md"] = quiz
    folder = write_topic(root, files, lang=lang)
    if lang != "fr":
        topic = folder / "topic.md"
        topic.write_text(topic.read_text().replace("language: fr", f"language: {lang}"))
    return folder


def quiz_problems(root: Path) -> list[tuple[int | None, str, str]]:
    library = load_library(root)
    assert all(p.path.name == "quiz.md" for p in library.problems), library.problems
    return [(p.line, p.severity, p.message) for p in library.problems]


# The bundled topic


@pytest.mark.parametrize("language", ["fr", "en"])
def test_bundled_quiz_loads_with_six_checked_items(library, language):
    topic = library.topic(language, "cimentoplastie")
    quiz = topic.quiz
    assert isinstance(quiz, Quiz)
    assert quiz.title == {"fr": "Ai-je bien compris ?", "en": "Did I understand?"}[language]
    assert len(quiz.items) == 6
    slugs = {page.slug for page in topic.pages}
    for item in quiz.items:
        assert 2 <= len(item.options) <= 4, item.id
        assert sum(option.right for option in item.options) == 1, item.id
        assert not any(option.text.startswith("[") for option in item.options), item.id
        assert item.page_slug in slugs, item.id
        assert item.explanation and item.prompt, item.id
        assert item.question_id is not None and topic.question(item.question_id), item.id


def test_bundled_quizzes_have_the_same_ids_in_both_languages(library):
    ids = {
        lang: [item.id for item in library.topic(lang, "cimentoplastie").quiz.items]
        for lang in ("fr", "en")
    }
    assert ids["fr"] == ids["en"] == ["but", "avant", "sejour", "images", "fuite", "douleur"]
    pages = {
        lang: [item.page_slug for item in library.topic(lang, "cimentoplastie").quiz.items]
        for lang in ("fr", "en")
    }
    assert pages["fr"] == pages["en"]


def test_bundled_answers_keep_the_sources_facts(library):
    items = {item.id: item for item in library.topic("fr", "cimentoplastie").quiz.items}
    assert items["sejour"].right_option.text == "3 jours"
    assert items["douleur"].right_option.text == "En 24 à 48 heures"
    assert "anticoagulant" in items["avant"].right_option.text
    assert "fuite de ciment" in items["fuite"].right_option.text


# The format


def test_good_quiz_loads(tmp_path):
    write(tmp_path)
    library = load_library(tmp_path)
    assert library.problems == []
    quiz = library.topic("fr", "t").quiz
    assert quiz is not None and quiz.title == "Ai-je bien compris ?"
    assert quiz.items[0] == QuizItem(
        "duree",
        "Combien de jours restez-vous ?",
        (QuizOption("1 jour", False), QuizOption("3 jours", True)),
        "Vous restez 3 jours.",
        "01-sejour",
        "sejour",
    )
    assert quiz.items[1].right_option.text == "La veille du geste"
    assert quiz.items[2].question_id is None  # question: is optional


def test_a_topic_without_quiz_md_has_no_quiz(tmp_path):
    write(tmp_path, quiz=None)
    library = load_library(tmp_path)
    assert library.problems == [] and library.topic("fr", "t").quiz is None


ENTREE_OPTIONS = "- [x] La veille du geste\n- Le jour du geste\n- Une semaine avant\n"
ENTREE_VALUES = "explain: Vous entrez la veille du geste.\npage: 01-sejour\nquestion: sejour\n"


@pytest.mark.parametrize(
    ("old", "new", "line", "message"),
    [
        (
            " {: #entree }",
            "",
            ENTREE_LINE,
            'question "Quand entrez-vous à l\'hôpital ?" needs an id: '
            "'## Quand entrez-vous à l'hôpital ? {: #its-id }'; question skipped",
        ),
        ("{: #entree }", "{: #duree }", ENTREE_LINE, "question id 'duree' is used twice"),
        (
            ENTREE_OPTIONS,
            "- [x] La veille du geste\n",
            ENTREE_LINE,
            "question 'entree' has 1 answer(s): give 2 to 4, one per '- ' line",
        ),
        (ENTREE_OPTIONS, ENTREE_OPTIONS + "- A\n- B\n", ENTREE_LINE, "has 5 answer(s)"),
        (
            "- [x] La veille",
            "- La veille",
            ENTREE_LINE,
            "question 'entree' has 0 right answers: mark exactly one by starting its line "
            "with '[x] '",
        ),
        ("- Le jour", "- [x] Le jour", ENTREE_LINE, "has 2 right answers"),
        (
            ENTREE_VALUES,
            "page: 01-sejour\nquestion: sejour\n",
            ENTREE_LINE,
            "question 'entree' needs an 'explain:' line, shown after the answer; question skipped",
        ),
        (
            ENTREE_VALUES,
            "explain: Vous entrez la veille du geste.\nquestion: sejour\n",
            ENTREE_LINE,
            "question 'entree' needs a 'page:' line: the page the answer is on",
        ),
        (
            ENTREE_VALUES,
            "explain: Vous entrez la veille du geste.\npage: 09-absente\nquestion: sejour\n",
            19,
            "page '09-absente' of question 'entree' is not a page of this topic",
        ),
    ],
    ids=[
        "no-id",
        "duplicate-id",
        "one-option",
        "five-options",
        "no-right-answer",
        "two-right-answers",
        "no-explain",
        "no-page",
        "unknown-page",
    ],
)
def test_a_broken_question_is_reported_and_skipped(tmp_path, old, new, line, message):
    assert QUIZ.count(old) == 1
    write(tmp_path, QUIZ.replace(old, new))
    problems = quiz_problems(tmp_path)
    assert len(problems) == 1, problems
    found_line, severity, found = problems[0]
    assert (found_line, severity) == (line, "error")
    assert message in found and found.endswith("; question skipped")
    topic = load_library(tmp_path).topic("fr", "t")
    assert [page.slug for page in topic.pages] == ["01-sejour"]  # the rest still loads
    assert topic.quiz is not None
    assert [item.id for item in topic.quiz.items] == ["duree", "lieu"]


def test_an_unknown_question_id_is_reported_and_the_item_kept(tmp_path):
    write(
        tmp_path,
        QUIZ.replace(
            ENTREE_VALUES, ENTREE_VALUES.replace("question: sejour", "question: inconnue")
        ),
    )
    assert quiz_problems(tmp_path) == [
        (20, "error", "question id 'inconnue' is not defined in questions.md")
    ]
    quiz = load_library(tmp_path).topic("fr", "t").quiz
    assert [(item.id, item.question_id) for item in quiz.items] == [
        ("duree", "sejour"),
        ("entree", None),
        ("lieu", None),
    ]


def test_text_outside_a_question_is_reported(tmp_path):
    quiz = QUIZ.replace("\n## Combien", "\nUne ligne perdue.\n\n## Combien").replace(
        "explain: Vous restez 3 jours.", "explication: Vous restez 3 jours."
    )
    write(tmp_path, quiz)
    problems = quiz_problems(tmp_path)
    assert problems[0][:2] == (3, "error") and "comes before the first question" in problems[0][2]
    assert problems[1] == (
        10,
        "warning",
        "unknown line 'explication:' (did you mean 'explain'?); known: explain, page, question",
    )
    assert "question 'duree' needs an 'explain:' line" in problems[2][2]


def test_a_quiz_with_fewer_than_two_good_questions_is_left_out(tmp_path):
    quiz = QUIZ.replace("page: 01-sejour", "page: 09-absente")
    quiz = quiz.replace("- [x] À l'hôpital", "- À l'hôpital", 1)
    write(tmp_path, quiz)
    problems = quiz_problems(tmp_path)
    assert problems[-1] == (
        None,
        "error",
        "quiz has 0 usable question(s), at least 2 are needed; quiz left out",
    )
    topic = load_library(tmp_path).topic("fr", "t")
    assert topic.quiz is None and [page.slug for page in topic.pages] == ["01-sejour"]


def test_a_quiz_without_title_is_left_out(tmp_path):
    write(tmp_path, QUIZ.replace("title: Ai-je bien compris ?\n", "", 1))
    assert quiz_problems(tmp_path) == [(1, "error", "header 'title:' is missing or empty")]
    assert load_library(tmp_path).topic("fr", "t").quiz is None


def test_guide_quiz_example_loads_with_the_guide_topic(tmp_path):
    text = GUIDE.read_text(encoding="utf-8")
    files = dict(re.findall(r"`content/(fr/exemple/[\w.-]+)`:\n\n```\n(.*?)```", text, re.S))
    example = re.search(r"<!-- quiz example[^\n]*\n```\n(.*?)```", text, re.S)
    assert example is not None
    files["fr/exemple/quiz.md"] = example.group(1)
    for name, body in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")
    library = load_library(tmp_path)
    assert [str(p) for p in library.problems] == []
    quiz = library.topic("fr", "exemple").quiz
    assert quiz is not None and [item.id for item in quiz.items] == ["duree", "signaler"]
    findings = check(tmp_path, Options(layout=False)).findings
    assert [f.message for f in findings if f.category == "quiz"] == [
        "quiz has 2 questions: aim for 5 to 8"
    ]


# The checker


def quiz_findings(root: Path) -> list[tuple[str, int | None, str, str, str]]:
    report = check(root, Options(layout=False))
    return [
        (f.path, f.line, f.severity, f.category, f.message)
        for f in report.sorted()
        if f.category in ("quiz", "quiz-missing", "parity") or f.path.endswith("quiz.md")
    ]


FEW = ("warning", "quiz", "quiz has 3 questions: aim for 5 to 8")


def test_checker_warns_about_a_missing_or_short_quiz(tmp_path):
    write(tmp_path / "a")
    assert quiz_findings(tmp_path / "a") == [("fr/t/quiz.md", None, *FEW)]
    write(tmp_path / "b", quiz=None)
    assert quiz_findings(tmp_path / "b") == [
        (
            "fr/t",
            None,
            "warning",
            "quiz-missing",
            'topic has no quiz.md: add 5 to 8 "Ai-je bien compris ?" questions '
            "(see content/README.md)",
        )
    ]


def test_checker_warns_when_a_right_answer_is_not_on_its_page(tmp_path):
    write(tmp_path, QUIZ.replace("- [x] À l'hôpital", "- [x] Dans une clinique"))
    assert quiz_findings(tmp_path) == [
        (
            "fr/t/quiz.md",
            24,
            "warning",
            "quiz",
            "the right answer of 'lieu' shares no word with page 01-sejour: take the answer "
            "from that page, or cite the page it comes from",
        ),
        ("fr/t/quiz.md", None, *FEW),
    ]


def test_checker_warns_about_long_sentences(tmp_path):
    long = "Vous entrez à l'hôpital la veille du geste, le soir, avec vos papiers et vos affaires."
    write(tmp_path, QUIZ.replace("explain: Vous entrez la veille du geste.", f"explain: {long}"))
    assert quiz_findings(tmp_path)[:-1] == [
        (
            "fr/t/quiz.md",
            18,
            "warning",
            "long-sentence",
            "sentence has 16 words (more than 15): \"Vous entrez à l'hôpital la veille du "
            'geste, …"; split it',
        )
    ]


def test_checker_parity_same_ids_in_the_same_order(tmp_path):
    write(tmp_path)
    second, third = QUIZ.index("## Quand"), QUIZ.index("## Où")
    swapped = QUIZ[:second] + QUIZ[third:] + "\n" + QUIZ[second:third].rstrip("\n") + "\n"
    write(tmp_path, swapped, lang="en")
    assert [f for f in quiz_findings(tmp_path) if f[3] == "parity"] == [
        (
            "en/t/quiz.md",
            12,
            "error",
            "parity",
            "quiz ids (duree, lieu, entree) differ from fr/t/quiz.md (duree, entree, lieu): "
            "use the same ids in the same order",
        )
    ]


def test_checker_parity_a_quiz_missing_in_one_language(tmp_path):
    write(tmp_path)
    write(tmp_path, quiz=None, lang="en")
    assert ("en/t", None, "error", "parity", "quiz.md of fr/t has no translation here") in (
        quiz_findings(tmp_path)
    )
    (tmp_path / "en" / "t" / "quiz.md").write_text(QUIZ, encoding="utf-8")
    (tmp_path / "fr" / "t" / "quiz.md").unlink()
    assert (
        "en/t/quiz.md",
        None,
        "error",
        "parity",
        "quiz is not in fr/t: translate it there too",
    ) in (quiz_findings(tmp_path))


def test_bundled_content_has_no_quiz_finding():
    content = GUIDE.parent
    assert quiz_findings(content) == []
