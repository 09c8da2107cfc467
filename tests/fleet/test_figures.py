"""Figures: a scripted day gives the expected counters in the Prometheus file and the CSV;
nothing written holds a patient's words or a time finer than the hour; a kill during a
write leaves the last complete file."""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from prometheus_client.parser import text_string_to_metric_families

import kiosk.fleet.atomic as atomic
from kiosk.fleet.cli import stats_main
from kiosk.fleet.figures import Figures

PLANTED = "Mon mari peut-il rester avec moi cette nuit ?"


class Clock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def scripted_day(folder: Path) -> tuple[Figures, Clock]:
    """Three patients on 2026-11-28: at 9:12, 9:40 and 14:05."""
    clock = Clock(datetime(2026, 11, 28, 9, 12, 31))
    figures = Figures(folder, clock)
    figures.set_status(release=4, last_check="2026-11-28T08Z")
    # 9:12, finishes: French, reads 3 pages, adds a question, writes one, prints.
    figures.count("sessions_started")
    figures.count("languages_chosen", language="fr")
    figures.count("topics_chosen", topic="cimentoplastie", language="fr")
    for seconds in (20, 40, 30):
        figures.page_viewed(seconds)
        clock.advance(seconds=seconds)
    figures.count("suggested_questions_chosen", question="anesthesie")
    figures.count("own_questions_written")
    figures.count("quiz_answers", item="but", result="right")
    figures.count("quiz_answers", item="risques", result="wrong")
    figures.count("text_size", size="A+")
    figures.count("summaries", how="printed")
    figures.count("sessions_ended", reason="finished")
    figures.save()
    # 9:40, walks away: English, one page, read aloud.
    clock.now = datetime(2026, 11, 28, 9, 40, 2)
    figures.count("sessions_started")
    figures.count("languages_chosen", language="en")
    figures.page_viewed(50)
    figures.count("read_aloud")
    figures.count("sessions_ended", reason="idle")
    figures.save()
    # 14:05, an error, recovered, then staff end it; the code is scanned.
    clock.now = datetime(2026, 11, 28, 14, 5, 44)
    figures.count("sessions_started")
    figures.count("suggested_questions_chosen", question="anesthesie")
    figures.count("summaries", how="scanned")
    figures.count("errors")
    figures.count("recoveries")
    figures.count("sessions_ended", reason="staff")
    figures.save()
    return figures, clock


def samples(folder: Path) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    text = (folder / "kiosk.prom").read_text()
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


def test_a_scripted_day_in_the_prometheus_file(tmp_path: Path):
    scripted_day(tmp_path)
    got = samples(tmp_path)
    assert got[("kiosk_up", ())] == 1
    assert got[("kiosk_content_release", ())] == 4
    assert got[("kiosk_last_update_check_timestamp_seconds", ())] == 1795852800  # 08:00Z
    assert got[("kiosk_sessions_started_total", ())] == 3
    for reason in ("finished", "idle", "staff"):
        assert got[("kiosk_sessions_ended_total", (("reason", reason),))] == 1
    assert got[("kiosk_pages_viewed_total", ())] == 4
    assert got[("kiosk_page_seconds_total", ())] == 140
    assert got[("kiosk_page_seconds_average", ())] == 35
    assert got[("kiosk_suggested_questions_chosen_total", (("question", "anesthesie"),))] == 2
    assert got[("kiosk_own_questions_written_total", ())] == 1
    assert got[("kiosk_quiz_answers_total", (("item", "but"), ("result", "right")))] == 1
    assert got[("kiosk_quiz_answers_total", (("item", "risques"), ("result", "wrong")))] == 1
    assert got[("kiosk_summaries_total", (("how", "printed"),))] == 1
    assert got[("kiosk_summaries_total", (("how", "scanned"),))] == 1
    assert (
        got[("kiosk_topics_chosen_total", (("language", "fr"), ("topic", "cimentoplastie")))] == 1
    )
    assert got[("kiosk_languages_chosen_total", (("language", "en"),))] == 1
    assert got[("kiosk_text_size_total", (("size", "A+"),))] == 1
    assert got[("kiosk_read_aloud_total", ())] == 1
    assert got[("kiosk_errors_total", ())] == got[("kiosk_recoveries_total", ())] == 1


def test_a_scripted_day_in_the_csv(tmp_path: Path):
    scripted_day(tmp_path)
    rows = list(csv.DictReader(io.StringIO((tmp_path / "figures-2026-11-28.csv").read_text())))
    by = {(r["hour"], r["counter"], r["labels"]): float(r["value"]) for r in rows}
    assert by[("2026-11-28T09", "sessions_started", "")] == 2
    assert by[("2026-11-28T14", "sessions_started", "")] == 1
    assert by[("2026-11-28T09", "sessions_ended", "reason=idle")] == 1
    assert by[("2026-11-28T09", "page_seconds_average", "")] == 35
    assert by[("2026-11-28T14", "summaries", "how=scanned")] == 1
    assert {r["hour"] for r in rows} == {"2026-11-28T09", "2026-11-28T14"}


def test_counters_survive_a_restart(tmp_path: Path):
    _, clock = scripted_day(tmp_path)
    clock.advance(days=1)
    again = Figures(tmp_path, clock)
    assert again.total("sessions_started") == 3 and again.release == 4
    again.count("sessions_started")
    again.save()
    assert samples(tmp_path)[("kiosk_sessions_started_total", ())] == 4
    assert (tmp_path / "figures-2026-11-29.csv").is_file()
    assert (tmp_path / "figures-2026-11-28.csv").is_file()
    again.close()
    assert samples(tmp_path)[("kiosk_up", ())] == 0


def test_nothing_written_holds_a_patients_words_or_a_time_finer_than_the_hour(tmp_path: Path):
    figures, _ = scripted_day(tmp_path)
    figures.count("own_questions_written")  # the app counts; it never passes the text
    figures.count("suggested_questions_chosen", question=PLANTED)  # a bug that tried to
    figures.count("topics_chosen", topic=PLANTED, language="fr")
    with pytest.raises(ValueError):
        figures.count("own_questions_written", text=PLANTED)
    figures.save()
    stats_main(
        [
            "--folder",
            str(tmp_path),
            "--csv",
            "2026-11-01",
            "2026-11-30",
            "--output",
            str(tmp_path / "export.csv"),
        ]
    )
    written = list(tmp_path.iterdir())
    assert {p.name for p in written} >= {"figures.json", "kiosk.prom", "figures-2026-11-28.csv"}
    for path in written:
        text = path.read_text(encoding="utf-8")
        assert PLANTED not in text and "rester avec moi" not in text, path.name
        assert not re.search(r"\d{1,2}:\d{2}", text), f"{path.name} has a time of day"
        assert not re.search(r"T\d{2}[0-5]\d", text), path.name
        if path.name != "export.csv":  # the export is the user's own file
            assert path.stat().st_mtime % 3600 == 0, f"{path.name}'s date is finer than the hour"
    assert (
        samples(tmp_path)[("kiosk_suggested_questions_chosen_total", (("question", "invalid"),))]
        == 1
    )
    assert samples(tmp_path)[("kiosk_last_update_check_timestamp_seconds", ())] % 3600 == 0


def test_a_kill_during_a_write_leaves_the_last_complete_file(tmp_path: Path, monkeypatch):
    figures, _ = scripted_day(tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    figures.count("sessions_started")

    def killed(temp_name, path):  # the temporary file is complete; the rename never happens
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic, "_replace", killed)
    with pytest.raises(KeyboardInterrupt):
        figures.save()
    monkeypatch.undo()
    after = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert after == before, "every file is the last complete one, and no temporary is left"
    assert Figures(tmp_path).total("sessions_started") == 3


def test_a_damaged_state_file_does_not_stop_the_kiosk(tmp_path: Path):
    (tmp_path / "figures.json").write_text("{not json")
    figures = Figures(tmp_path)
    assert figures.total("sessions_started") == 0
    assert (tmp_path / "figures.damaged").is_file()


def test_kiosk_stats_prints_and_exports(tmp_path: Path, capsys):
    scripted_day(tmp_path)
    assert stats_main(["--folder", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "content release: 4" in out and "sessions_ended reason=idle: 1" in out
    assert "average seconds per page: 35.0" in out
    assert stats_main(["--folder", str(tmp_path), "--csv", "2026-11-28", "2026-11-28"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0] == ["hour", "counter", "labels", "value"] and len(rows) > 10
    assert stats_main(["--folder", str(tmp_path), "--csv", "2026-12-01", "2026-12-02"]) == 0
    assert capsys.readouterr().out == "hour,counter,labels,value\n"
    assert stats_main(["--folder", str(tmp_path / "none")]) == 1
