"""The real French topic loads cleanly and has what patients and the summary need."""

from __future__ import annotations

import unicodedata

import pytest

REQUIRED_TERMS = [
    "trocart",
    "scopie",
    "scanner",
    "sédation",
    "anesthésie locale",
    "anesthésie générale",
    "métastase",
    "myélome",
    "ostéoporose",
    "embolie",
    "asepsie",
    "fuite de ciment",
    "anticoagulant",
]


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


def test_bundled_content_has_no_problem(library):
    assert [str(p) for p in library.problems] == []


def test_french_topic_pages_and_metadata(library):
    topic = library.topic("fr", "cimentoplastie")
    assert topic is not None
    assert topic.title == "Cimentoplastie et ostéosynthèse percutanée"
    assert 20 <= len(topic.pages) <= 30  # one idea a page
    assert topic.version and topic.reviewed and topic.source
    for page in topic.pages:
        assert page.title and page.key_point, page.source
        assert page.text.strip(), page.source
    last_page_text = topic.pages[-1].text + topic.pages[0].text
    assert "Source" in last_page_text


def test_glossary_covers_required_terms(library):
    topic = library.topic("fr", "cimentoplastie")
    forms = {_fold(form) for entry in topic.glossary for form in entry.forms}
    missing = [term for term in REQUIRED_TERMS if _fold(term) not in forms]
    assert missing == []


def test_questions_grouped_by_category_and_referenced_by_pages(library):
    topic = library.topic("fr", "cimentoplastie")
    assert len(topic.categories) >= 4
    ids = [q.id for q in topic.all_questions]
    assert len(ids) == len(set(ids))
    referenced = {qid for page in topic.pages for qid in page.question_ids}
    assert referenced and referenced <= set(ids)


def test_seed_facts_are_kept(library):
    """Spot-check facts of the source text that must survive simplification."""
    topic = library.topic("fr", "cimentoplastie")
    text = " ".join(page.text for page in topic.pages)
    for fact in ["3 jours", "24 à 48 heures", "80 à 95", "90", "une à deux minutes"]:
        assert fact in text, fact


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_suggested_question_is_offered_on_a_page(library, language):
    topic = library.topic(language, "cimentoplastie")
    referenced = {qid for page in topic.pages for qid in page.question_ids}
    assert {q.id for q in topic.all_questions} - referenced == set()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_pages_are_short_with_a_one_sentence_key_point(library, language):
    topic = library.topic(language, "cimentoplastie")
    for page in topic.pages:
        body = [line for line in page.text.splitlines() if not line.startswith("Source")]
        words = [w for w in " ".join(body).split() if any(ch.isalnum() for ch in w)]
        budget = 105 if page.recap_points else 60  # the recap is a grouped list of the essentials
        assert len(words) <= budget, (page.slug, len(words))
        key = page.key_point.strip()
        assert key and key.count(". ") == 0 and key[-1] in ".!?", page.slug


def test_before_page_puts_tell_the_team_first_and_recap_comes_last(library):
    topic = library.topic("fr", "cimentoplastie")
    before = next(p for p in topic.pages if p.title.startswith("Avant le geste"))
    assert before.html.lstrip().startswith("<table"), "the 'tell the team' box comes first"
    assert "Dites à l'équipe si" in before.text
    for word in ("anticoagulant", "fièvre", "toux", "veille", "douche", "poils"):
        assert word in before.text
    assert {"arret-medicaments", "jeun"} <= set(before.question_ids)
    recap = topic.pages[-1]
    assert recap.title == "À retenir" and len(recap.recap_points) >= 5
    assert any("24 à 48 heures" in point for point in recap.recap_points)
    assert any("80 à 95 personnes sur 100" in point for point in recap.recap_points)
    assert any("90 sur 100" in point for point in recap.recap_points)
