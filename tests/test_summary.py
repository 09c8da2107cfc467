"""The summary builder: what the sheet says, and that patient text is never markup."""

from __future__ import annotations

import pytest

from kiosk.questions import QuestionList
from kiosk.summary import (
    QR_MAX_VERSION,
    ServiceInfo,
    build_summary_html,
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


def test_key_points_team_signals_service_and_footer(topic):
    html = build(topic, QuestionList())
    # The recap page's list is the sheet's "À retenir", figures included.
    points = key_points(topic)
    assert points == list(topic.pages[-1].recap_points) and len(points) >= 5
    for point in points:
        assert point.replace("'", "&#x27;") in html
    for line in topic.tell_the_team:
        assert line.replace("'", "&#x27;") in html
    assert "Service : Radiologie" in html and "Téléphone : 01\u00a002" in html
    assert f"Contenu version {topic.version}, relu le {topic.reviewed}" in html
    assert "Résumé préparé le 28 novembre 2026" in html


def test_questions_in_order_with_answer_lines(topic):
    questions = QuestionList()
    questions.toggle("anticoagulants")
    questions.toggle("sejour")
    questions.add_own("Et après ?")
    html = build(topic, questions)
    first = html.index(
        topic.question("sejour").text.replace("'", "&#x27;").replace(" ?", "&nbsp;?")
    )
    second = html.index("Je prends un anticoagulant")
    own = html.index("3. Et après&nbsp;?")
    assert first < second < own
    assert html.count("Réponse :") == 3


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


def test_qr_carries_what_fits_and_says_so(topic):
    long_questions = [f"Question numéro {n} : " + "é" * 180 for n in range(20)]
    payload = qr_payload("Titre", long_questions)
    assert 0 < payload.carried < 20 and not payload.complete
    assert make_qr(payload.text).version <= QR_MAX_VERSION
    html = build_summary_html(topic, [], "d", ServiceInfo(), qr=payload)
    assert f"Ce code contient vos {payload.carried} premières questions sur 20" in html
