"""The summary builder: what the sheet says, and that patient text is never markup."""

from __future__ import annotations

import pytest

from kiosk.questions import QuestionList
from kiosk.summary import (
    QR_MAX_VERSION,
    ServiceInfo,
    build_summary_html,
    key_point_groups,
    key_points,
    make_qr,
    qr_payload,
)


@pytest.fixture
def topic(library):
    return library.topic("fr", "cimentoplastie")


def build(topic, questions: QuestionList, **kwargs):
    return build_summary_html(
        topic,
        questions.items(topic),
        "28 novembre 2026",
        ServiceInfo("Radiologie", "01 02"),
        **kwargs,
    )


def _plain(html: str) -> str:
    import re
    from html import unescape

    return unescape(re.sub(r"<[^>]+>", " ", html)).replace("\u00a0", " ")


def test_key_points_grouped_team_signals_care_team_and_footer(topic):
    html = build(topic, QuestionList())
    text = " ".join(_plain(html).split())
    # The recap page's list, under its headings, is the sheet's "À retenir", figures included.
    groups = key_point_groups(topic)
    assert [heading for heading, _ in groups] == [
        "Ce que c'est",
        "Comment ça se passe",
        "Le séjour",
        "Les risques",
        "Les résultats",
    ]
    assert [p for _, points in groups for p in points] == key_points(topic)
    for heading, points in groups:
        assert f"{heading} : {' '.join(points)}" in text
    assert "24 à 48 heures" in text and "80 à 95 personnes sur 100" in text
    for line in topic.tell_the_team:
        assert f"\u2610 {line}" in text  # a box to tick
    assert "Équipe soignante : Radiologie" in text and "Téléphone : 01 02" in text
    assert f"Contenu version {topic.version}, relu le {topic.reviewed}" in text
    assert "Résumé préparé le 28 novembre 2026" in text


def test_no_care_team_set_leaves_lines_to_fill_in(topic):
    html = build_summary_html(topic, [], "d", ServiceInfo())
    text = _plain(html)
    assert "Équipe soignante : ____" in text and "Téléphone : ____" in text


def test_questions_first_in_order_with_answer_lines(topic):
    questions = QuestionList()
    questions.toggle("anticoagulants")
    questions.toggle("sejour")
    questions.add_own("Et après ?")
    text = " ".join(_plain(build(topic, questions, answer_lines=3)).split())
    first = text.index(topic.question("sejour").text)  # in the topic's order
    second = text.index(topic.question("anticoagulants").text)
    own = text.index("3. Et après ?")
    key = text.index("À retenir")
    assert text.index("Mes questions pour le médecin") < first < second < own < key
    assert text.count("Réponse :") == 3
    assert build(topic, questions, answer_lines=3).count('class="line"') == 9


def test_questions_that_do_not_fit_continue_under_the_same_heading(topic):
    questions = QuestionList()
    for n in range(8):
        questions.add_own(f"Question {n} ?")
    html = build(topic, questions, first_page_questions=5)
    text = " ".join(_plain(html).split())
    assert text.index("4. Question 3 ?") < text.index("À retenir")
    assert text.index("À retenir") < text.index("Mes questions pour le médecin (suite)")
    assert text.index("(suite)") < text.index("6. Question 5 ?")
    assert 'class="heading continued"' in html  # starts a new page


def test_patient_text_is_escaped(topic):
    questions = QuestionList()
    questions.add_own("<script>alert(\"x\")</script> & <b>gras</b> 'ok'")
    html = build(topic, questions)
    assert "<script>" not in html and "<b>gras" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;gras&lt;/b&gt;" in html
    assert "&#x27;ok&#x27;" in html


def test_empty_list_leaves_room_to_write(topic):
    html = build(topic, QuestionList())
    assert "Vous n'avez pas choisi de question" in html.replace("&#x27;", "'")
    assert html.count('class="line"') == 3


def test_no_patient_identity_fields(topic):
    html = build(topic, QuestionList()).lower()
    for word in ("nom", "prénom", "né le", "date de naissance", "patient :"):
        assert word not in html


def test_qr_carries_everything_when_it_fits():
    payload = qr_payload("Titre", ["Première ?", "Deuxième à l'hôpital ?"])
    assert payload.complete and payload.carried == 2
    assert payload.text == "Titre\n1. Première ?\n2. Deuxième à l'hôpital ?"


def test_a_code_carries_every_question_or_none_and_the_sheet_says_so(topic):
    questions = QuestionList()
    for n in range(6):
        questions.add_own(f"Question numéro {n} : " + "é" * 120)
    payload = qr_payload("Titre", [item.text for item in questions.items(topic)])
    assert payload.carried == 0 and not payload.complete  # no half list, no unreadable code
    html = build(topic, questions, qr=payload)
    assert "trop longues pour un code lisible" in html and "kiosk-qr" not in html
    short = qr_payload("Titre", ["Première ?", "Deuxième ?"])
    assert short.carried == 2 and make_qr(short.text).version <= QR_MAX_VERSION


def test_qr_cache_gives_the_same_code_and_keeps_only_the_last_lists():
    from kiosk.summary import QrCache, qr_payload

    cache = QrCache()
    first = cache.payload("Titre", ["Une question ?"])
    assert first == qr_payload("Titre", ["Une question ?"])
    assert cache.payload("Titre", ["Une question ?"]) is first  # not encoded again
    for n in range(QrCache.KEEP + 2):
        cache.payload("Titre", [f"Question {n} ?"])
    assert len(cache) == QrCache.KEEP
    cache.wipe()
    assert len(cache) == 0
