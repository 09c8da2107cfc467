"""The checker's per-page note and its newer warnings, each on a fixture that triggers
exactly that finding (and nothing else but the score notes)."""

from __future__ import annotations

import json

import pytest

from kiosk.checker import Limits
from kiosk.checker.cli import main
from kiosk.checker.explanations import unexplained
from kiosk.checker.readability import scored_text, stats

from .helpers import FIXTURES, NO_QUIZ, rows, run

W, N = "warning", "note"


def warnings(name: str, limits: Limits | None = None) -> list[tuple]:
    return [r for r in rows(run(name, limits)) if r[2] != N]


def test_every_page_has_a_note_with_its_score_and_size():
    notes = [r for r in rows(run("hard")) if r[2] == N]
    assert {r[0] for r in notes} == {
        f"{lang}/t/{page}.md"
        for lang in ("en", "fr")
        for page in ("01-phrase-longue", "02-difficile", "03-paragraphes", "04-termes")
    }
    assert {r[3] for r in notes} == {"score"}
    assert (
        "fr/t/01-phrase-longue.md",
        None,
        N,
        "score",
        "Kandel–Moles 103, 30 words, 15.0 words a sentence, longest 26",
    ) in notes
    assert (
        "en/t/04-termes.md",
        None,
        N,
        "score",
        "Flesch reading ease 94, 23 words, 5.8 words a sentence, longest 8",
    ) in notes


def test_the_source_line_is_not_scored():
    # Its 25 words would make a long sentence and weigh on the score: they are left out.
    assert rows(run("scores")) == [
        (
            "fr/t/01-source.md",
            None,
            N,
            "score",
            "Kandel–Moles 88, 11 words, 5.5 words a sentence, longest 6",
        )
    ]
    text = "Le médecin vous explique le geste.\nSource : une fiche.\nSources: deux fiches."
    assert scored_text(text) == "Le médecin vous explique le geste."
    assert stats(scored_text(text), "fr").words == 6


def test_french_pages_need_70_and_the_floor_is_an_option():
    assert warnings("low-score") == [
        (
            "fr/t/01-difficile.md",
            None,
            W,
            "readability",
            "readability 69.1 is below 70 (Kandel–Moles: 7.3 words per sentence, 1.77 syllables "
            "per word); use shorter sentences and shorter words",
        )
    ]
    assert warnings("low-score", Limits(min_readability=60)) == []
    assert Limits().readability_floor("fr") == 70
    assert Limits().readability_floor("en") == 60


def test_page_over_the_word_budget():
    assert warnings("words") == [
        (
            "fr/t/01-longue.md",
            None,
            W,
            "words",
            "page has 65 words (more than 60; aim for about 55): move some text to another "
            "page, or say it shorter",
        )
    ]
    assert warnings("words", Limits(max_page_words=65)) == []


def test_key_point_of_two_sentences_or_without_words():
    assert warnings("key-point") == [
        (
            "fr/t/01-deux-phrases.md",
            2,
            W,
            "key-point",
            'key point has 2 sentences: keep one short sentence (the summary prints it under "À '
            'retenir")',
        ),
        (
            "fr/t/02-vide.md",
            2,
            W,
            "key-point",
            "key point is empty: write the page's point in one sentence",
        ),
    ]


def test_glossary_word_used_on_no_page():
    assert warnings("glossary-unused") == [
        (
            "fr/t/glossary.md",
            3,
            W,
            "glossary-unused",
            'glossary word "Canule" is used on no page: use it where it helps, or remove it',
        )
    ]


def test_question_attached_to_no_page():
    assert warnings("question-unused") == [
        (
            "fr/t/questions.md",
            8,
            W,
            "question-unused",
            "question 'douleur' is attached to no page: add its id to the 'questions:' line of "
            "the page it belongs to",
        )
    ]


def test_medical_word_without_a_plain_explanation_on_the_page():
    # 01: "trocart" bare (its second use does not matter). 02: trocart, sédation, embolie
    # and scopie each explained a different way. 03: "hématome" explained by the next
    # sentence.
    assert warnings("explain") == [
        (
            "fr/t/01-nu.md",
            5,
            W,
            "explanation",
            'medical word "trocart" is not explained on the page: say what it means in plain '
            'words where it is first used ("un trocart, une grosse aiguille creuse", "… est …", '
            '"c\'est-à-dire …")',
        )
    ]


def test_terms_file_words_must_be_explained_too():
    found = [(*r[:2], r[4].split(":")[0]) for r in rows(run("hard")) if r[3] == "explanation"]
    assert found == [
        ("en/t/04-termes.md", 4, 'medical word "anticoagulant" is not explained on the page'),
        ("fr/t/04-termes.md", 4, 'medical word "anticoagulant" is not explained on the page'),
        ("fr/t/04-termes.md", 5, 'medical word "ponction" is not explained on the page'),
    ]


TROCAR = (("trocar", "trocars"),)


@pytest.mark.parametrize(
    "text",
    [
        "The doctor uses a trocar, a large hollow needle.",
        "A trocar is a large hollow needle.",
        "The doctor uses a trocar (a large hollow needle).",
        "The doctor uses a trocar: it is a large hollow needle.",
        "The doctor uses a trocar. This means a large hollow needle.",
        "The doctor uses a trocar. It is a large hollow needle.",
        "Trocars are hollow needles.",
    ],
)
def test_english_explanations(text):
    assert unexplained(text, TROCAR) == []


@pytest.mark.parametrize(
    "text",
    [
        "The doctor uses a trocar.",
        "The doctor uses a trocar, then removes it.",
        "The doctor uses a trocar. You stay still. A trocar is a needle.",  # too far
        "The trocar goes in. You feel a push :",  # nothing after the colon
    ],
)
def test_bare_english_uses(text):
    assert [u.word for u in unexplained(text, TROCAR)] == [text.split("rocar")[0][-1] + "rocar"]


@pytest.mark.parametrize(
    ("text", "bare"),
    [
        ("Une anesthésie locale, qui endort la zone, suffit.", []),
        ("Une anesthésie locale : la zone est endormie.", []),
        ("On fait une anesthésie locale, c'est-à-dire qu'on endort la zone.", []),
        ("On fait une anesthésie locale. C'est un produit qui endort la zone.", []),
        ("On fait une anesthésie locale. Elle dure peu.", ["anesthésie locale"]),
        ("Des anesthésies locales, puis le geste.", ["anesthésies locales"]),
    ],
)
def test_french_explanations(text, bare):
    forms = (("Anesthésie locale", "Anesthésies locales"),)
    assert [u.word for u in unexplained(text, forms)] == bare


def test_strict_fails_on_each_new_warning(capsys):
    for name in ("explain", "words", "key-point", "glossary-unused", "question-unused"):
        assert main([str(FIXTURES / name), "--no-layout"]) == 0, name
        assert main([str(FIXTURES / name), "--no-layout", "--strict"]) == 1, name
    # Notes never fail: "scores" has notes only, and the warning about its missing quiz.md.
    assert [f.category for f in run("scores").findings if f.severity != N] == [NO_QUIZ]
    capsys.readouterr()


def test_text_and_json_show_the_note(capsys):
    main([str(FIXTURES / "scores"), "--no-layout"])
    out = capsys.readouterr().out
    assert (
        "\nfr/t/01-source.md: note: Kandel–Moles 88, 11 words, 5.5 words a sentence, longest 6\n"
    ) in out
    main([str(FIXTURES / "scores"), "--no-layout", "--json"])
    data = json.loads(capsys.readouterr().out)
    assert [p for p in data["problems"] if p["category"] != NO_QUIZ] == [
        {
            "path": "fr/t/01-source.md",
            "line": None,
            "severity": "note",
            "category": "score",
            "message": "Kandel–Moles 88, 11 words, 5.5 words a sentence, longest 6",
        }
    ]


def test_the_recap_page_may_list_words_explained_earlier(tmp_path):
    """A page with ``recap: yes`` is the topic's summary: the words it lists were explained
    on earlier pages, and it gets a little more room."""
    import shutil

    from kiosk.checker import Options, check

    root = tmp_path / "content"
    shutil.copytree(FIXTURES / "explain", root)
    page = next((root / "fr").glob("*/01-*.md"))
    text = page.read_text(encoding="utf-8")
    head, body = text.split("\n\n", 1)
    listed = "\n".join(f"- {line}" for line in body.strip().splitlines())
    page.write_text(head + "\nrecap: oui\n\n" + listed + "\n", encoding="utf-8")
    report = check(root, Options(layout=False))
    before = check(FIXTURES / "explain", Options(layout=False))
    name = page.name
    assert [f for f in before.findings if f.category == "explanation" and f.path.endswith(name)]
    assert not [f for f in report.findings if f.category == "explanation" and f.path.endswith(name)]
