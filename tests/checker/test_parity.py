"""Every language of a topic has the same pages, glossary entries and questions."""

from __future__ import annotations

from .helpers import rows, run

E = "error"


def test_parity_mismatches():
    report = run("parity")
    assert [r for r in rows(report) if r[3] == "parity"] == [
        ("en/t", None, E, "parity", "page 02-b.md of fr/t has no translation here"),
        ("en/t/03-c.md", None, E, "parity", "page is not in fr/t: use the same file names"),
        ("en/t/glossary.md", None, E, "parity", "1 glossary entry here, fr/t/glossary.md has 2: translate every entry, in the same order"),  # noqa: E501
        ("en/t/questions.md", 11, E, "parity", "question 'q2' is in category 'apres' here but in 'avant' in fr/t/questions.md"),  # noqa: E501
        ("en/t/questions.md", 13, E, "parity", "question 'q4' is not in fr/t/questions.md"),
        ("en/t/questions.md", None, E, "parity", "question 'q3' of fr/t/questions.md has no translation here"),  # noqa: E501
        ("en/u", None, E, "parity", "topic 'u' is missing in 'en' (it is in fr/u)"),
        ("en/v/glossary.md", 6, E, "parity", "glossary entry 'Anticoagulant' is number 2 here but number 1 in fr/v/glossary.md: keep the same order"),  # noqa: E501
        ("en/v/questions.md", 6, E, "parity", "question 'q1' is in category 'apres' here but in 'avant' in fr/v/questions.md"),  # noqa: E501
        ("en/v/questions.md", None, E, "parity", "category ids (apres) differ from fr/v/questions.md (avant): use the same ids in the same order"),  # noqa: E501
    ]  # fmt: skip


def test_matching_languages_have_no_parity_finding():
    assert [r for r in rows(run("hard")) if r[3] == "parity"] == []
