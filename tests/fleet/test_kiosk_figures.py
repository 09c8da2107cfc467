"""The running kiosk counts what happens, anonymously: a visit driven by taps shows up in
the Prometheus file, and nothing the patient wrote does."""

from __future__ import annotations

from prometheus_client.parser import text_string_to_metric_families
from PySide6.QtCore import Qt

from kiosk.fleet.figures import Figures
from kiosk.ui.reading.figures_hook import FigureCounter

SECRET = "Mon secret : la tumeur de Mme Martin ?"


def samples(folder) -> dict[tuple[str, tuple], float]:
    text = (folder / "kiosk.prom").read_text(encoding="utf-8")
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


def test_a_visit_is_counted_without_a_word_of_the_patient(qtbot, make_window, tmp_path):
    window = make_window(start=False)
    counter = FigureCounter(window, Figures(tmp_path))
    qtbot.mouseClick(window.attract.language_buttons["fr"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.home.tiles[0], Qt.MouseButton.LeftButton)
    window.toggle_question("sejour")
    window.visit.write_question(SECRET)
    window.set_text_scale(1)
    window.show_quiz()
    quiz = window.quiz
    quiz.start_button.click()
    right = next(n for n, o in enumerate(quiz.item.options) if o.right)
    quiz.option_tiles[right].click()
    window.end_session("idle")
    counter.save()
    found = samples(tmp_path)

    def value(name: str, **labels: str) -> float:
        return found.get((name, tuple(sorted(labels.items()))), 0.0)

    assert value("kiosk_sessions_started_total") == 1
    assert value("kiosk_sessions_ended_total", reason="idle") == 1
    assert value("kiosk_topics_chosen_total", topic="cimentoplastie", language="fr") == 1
    assert value("kiosk_suggested_questions_chosen_total", question="sejour") == 1
    assert value("kiosk_own_questions_written_total") == 1
    assert value("kiosk_text_size_total", size="A+") == 1
    first = window.current_topic() or window.library.topic("fr", "cimentoplastie")
    assert value("kiosk_quiz_answers_total", item=first.quiz.items[0].id, result="right") == 1
    for path in tmp_path.iterdir():
        assert "secret" not in path.read_text(encoding="utf-8", errors="replace").lower()
