"""Broken and hard-to-read content: each case has its exact message and location."""

from __future__ import annotations

import shutil

from kiosk.checker import Limits
from kiosk.checker.terms import load_terms, undefined_terms
from kiosk.content import load_library

from .helpers import FIXTURES, broken_content, rows, run

E, W = "error", "warning"
SKIPPED = "page skipped because of the errors above"
NOT_UTF8 = "text is not valid UTF-8 (save the file as UTF-8)"
NOT_ENTRY = "is not a glossary entry: write the term, then its definition on the next line starting with ':   '"  # noqa: E501


def test_broken_content_reports_the_loaders_problems_with_file_and_line(tmp_path):
    report = run(broken_content(tmp_path))
    assert [r for r in rows(report) if r[3] == "content"] == [
        ("fr/t/02-html.md", 6, E, "content", "raw HTML is not allowed in content: '<div>Une boîte</div>'"),  # noqa: E501
        ("fr/t/02-html.md", None, E, "content", SKIPPED),
        ("fr/t/03-liens.md", 4, E, "content", "link 'https://example.org' refused: links may only point to pages of this topic"),  # noqa: E501
        ("fr/t/03-liens.md", 6, E, "content", "link target '09-absente.md' is not a page of this topic"),  # noqa: E501
        ("fr/t/03-liens.md", 8, E, "content", "image 'images/absent.png' not found in the topic folder"),  # noqa: E501
        ("fr/t/03-liens.md", None, E, "content", SKIPPED),  # an error is never shown
        ("fr/t/04-vide.md", None, E, "content", "page has no text; page skipped"),
        ("fr/t/05-sans-titre.md", 1, E, "content", "header 'title:' is missing or empty"),
        ("fr/t/06-latin1.md", 4, E, "content", NOT_UTF8),
        ("fr/t/glossary.md", 3, E, "content", f"\"Un paragraphe qui n'est pas une entrée.\" {NOT_ENTRY}"),  # noqa: E501
        ("fr/t/glossary.md", 8, E, "content", f"'Canule' {NOT_ENTRY}"),
        ("fr/t/questions.md", 5, E, "content", "question needs an id on the next line, indented: '  {: #sejour }'"),  # noqa: E501
    ]  # fmt: skip
    assert (report.errors, report.files) == (12, 9)
    # What loaded is checked too: a glossary word and a question that no page uses.
    assert {r[3] for r in rows(report) if r[2] == W} == {"glossary-unused", "question-unused"}


def test_broken_content_findings_are_the_loaders_own(tmp_path):
    folder = broken_content(tmp_path)
    assert len(load_library(folder).problems) == run(folder).errors


def test_long_sentences_in_key_point_and_text():
    found = [r for r in rows(run("hard")) if r[3] == "long-sentence"]
    assert found == [
        ("fr/t/01-phrase-longue.md", 2, W, "long-sentence", 'sentence has 25 words (more than 20): "Vous restez à l\'hôpital le temps qu\'il faut …"; split it'),  # noqa: E501
        ("fr/t/01-phrase-longue.md", 6, W, "long-sentence", 'sentence has 26 words (more than 20): "Vous entrez la veille du geste, le médecin …"; split it'),  # noqa: E501
    ]  # fmt: skip


def test_hard_to_read_pages_in_both_languages():
    found = [r for r in rows(run("hard")) if r[3] == "readability"]
    # French pages need 70, English ones 60: "04-termes" (68.2) is fine in English only.
    assert found == [
        ("en/t/02-difficile.md", None, W, "readability", "readability -162.8 is below 60 (Flesch reading ease: 7.0 words per sentence, 4.29 syllables per word); use shorter sentences and shorter words"),  # noqa: E501
        ("fr/t/02-difficile.md", None, W, "readability", "readability -80.3 is below 70 (Kandel–Moles: 7.5 words per sentence, 3.80 syllables per word); use shorter sentences and shorter words"),  # noqa: E501
        ("fr/t/04-termes.md", None, W, "readability", "readability 68.2 is below 70 (Kandel–Moles: 5.3 words per sentence, 1.81 syllables per word); use shorter sentences and shorter words"),  # noqa: E501
    ]  # fmt: skip


def test_too_many_paragraphs_points_at_the_first_one_over_the_limit():
    found = [r for r in rows(run("hard")) if r[3] == "paragraphs"]
    # Six paragraphs; the list and the "Bon à savoir" box do not count.
    assert found == [
        ("fr/t/03-paragraphes.md", 17, W, "paragraphs", "page has 6 paragraphs (more than 4): keep one idea per page, or move some text to another page"),  # noqa: E501
    ]  # fmt: skip


def test_medical_terms_missing_from_the_glossary():
    found = [r for r in rows(run("hard")) if r[3] == "term"]
    # "ponction" comes from the topic's terms.txt, "hématome" from the built-in list;
    # "anticoagulant" is in the glossary, and the comment line of terms.txt is no term.
    assert found == [
        ("fr/t/04-termes.md", 2, W, "term", 'medical term "ponction" is not explained in glossary.md: add it to the glossary, or use a simpler word'),  # noqa: E501
        ("fr/t/04-termes.md", 6, W, "term", 'medical term "hématomes" is not explained in glossary.md: add it to the glossary, or use a simpler word'),  # noqa: E501
    ]  # fmt: skip


def test_hard_content_has_warnings_only():
    report = run("hard")
    assert (report.errors, report.warnings) == (0, 11 + 2)  # and the two missing quiz.md
    assert {r[3] for r in rows(report) if r[2] == W} == {
        "long-sentence",
        "readability",
        "paragraphs",
        "term",
        "explanation",
    }


def test_limits_are_options():
    def found(category: str, **limits) -> list[tuple]:
        return [r for r in rows(run("hard", Limits(**limits))) if r[3] == category]

    assert found("paragraphs", max_paragraphs=6) == []
    two = "page has 2 paragraphs (more than 1): keep one idea per page, or move some text to "
    paragraphs = ("en/t/03-paragraphes.md", 6, W, "paragraphs", two + "another page")
    assert paragraphs in found("paragraphs", max_paragraphs=1)
    assert found("readability", min_readability=-200) == []
    eight = 'sentence has 8 words (more than 7): "The doctor takes a small piece of bone."'
    sentence = ("en/t/04-termes.md", 5, W, "long-sentence", eight + "; split it")
    assert sentence in found("long-sentence", max_sentence_words=7)


def test_terms_file_format():
    library = load_library(FIXTURES / "hard")
    topic = library.topic("fr", "t")
    problems = []
    terms = load_terms(topic, problems)
    assert problems == []
    assert terms[-1] == "ponction"  # after the built-in terms, such as "hématome"
    assert "hématome" in terms
    assert not any(term.startswith("#") for term in terms)


def test_terms_file_that_is_not_utf8_is_an_error(tmp_path):
    shutil.copytree(FIXTURES / "hard", tmp_path / "c")
    (tmp_path / "c" / "fr" / "t" / "terms.txt").write_bytes(
        "ponction\ncathéter\n".encode("latin-1")
    )
    assert ("fr/t/terms.txt", 2, E, "content", NOT_UTF8) in rows(run(tmp_path / "c"))


def test_a_glossary_form_that_contains_the_term_explains_it():
    text = "Vous aurez une anesthésie générale. Le geste est mini-invasif. Des métastases."
    glossary = ("Anesthésie générale", "Métastase", "Métastases")
    assert undefined_terms(text, ("anesthésie", "invasif", "métastase", "scopie"), glossary) == []
    # Whole words only, with plural or feminine endings; first use, as written.
    assert undefined_terms("Deux Vertèbres. Une vertèbre.", ("vertèbre",), ()) == ["Vertèbres"]
    assert undefined_terms("Les percutanées", ("percutané",), ()) == ["percutanées"]
