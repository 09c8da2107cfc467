"""The printed sheet keeps its text: what reaches the CUPS PDF queue (see .ci/run) reads back
with pdftotext, accents included, and a stopped or rejecting printer is a failure, not a
silent success.

Through a PostScript queue (cups-pdf is one) Qt's own print job came out with Type 3 fonts
whose text extracts as Dingbats. The patient's questions are checked word for word.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kiosk import printing
from kiosk.config import Settings
from tests.integration.private_cups import QUEUE as PRIVATE_QUEUE
from tests.integration.private_cups import machine_scheduler_running
from tests.integration.test_cups_printing import (  # the same queue, the same skip rules
    QUEUE,
    cups_available,  # noqa: F401 (autouse fixture)
    cups_pdf_output_dir,
)

QUESTIONS = (
    "Pourrai-je conduire après le geste ?",
    "Éviter les efforts, à quelle échéance ?",
    "Faut-il être à jeun ? Ça dure combien de temps ?",
    "Où dois-je me présenter le matin ?",
)


def words(text: str) -> str:
    """Text with any run of white space (line ends, no-break spaces) as one space."""
    return " ".join(text.split())


def pdf_text(path: Path) -> str:
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    )
    return words(done.stdout.decode("utf-8"))


def pdf_fonts(path: Path) -> list[str]:
    """pdffonts' table rows, one a font."""
    done = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    return done.stdout.splitlines()[2:]


def assert_text_and_fonts(path: Path) -> None:
    text = pdf_text(path)
    for question in QUESTIONS:
        assert words(question) in text, f"{question!r} not in the PDF's text: {text[:300]!r}"
    fonts = pdf_fonts(path)
    assert fonts, "no font in the PDF: the text was drawn as shapes"
    assert not [row for row in fonts if re.search(r"\bType 3\b", row)], "\n".join(fonts)


def cups(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, capture_output=True, text=True, env=dict(os.environ, LC_ALL="C"), check=False
    )


def queue_jobs(which: str = "all") -> set[str]:
    """Ids of the queue's jobs ("all", "completed" or "not-completed")."""
    listing = cups("lpstat", "-W", which, "-o", QUEUE).stdout
    return {line.split()[0] for line in listing.splitlines() if line.startswith(f"{QUEUE}-")}


def wait_for_output(qtbot, before: set[Path], job_id: str) -> Path:
    """The cups-pdf file of the job, once the job has completed (the file is then whole)."""
    out = cups_pdf_output_dir()
    qtbot.waitUntil(lambda: not queue_jobs("not-completed"), timeout=30_000)
    new = set(out.glob("*.pdf")) - before if out.is_dir() else set()
    mine = [path for path in new if job_id and path.stem.endswith(f"job_{job_id.split('-')[-1]}")]
    assert len(mine or new) == 1, f"expected one new PDF in {out}, found {sorted(new)}"
    return (mine or sorted(new))[0]


def pdf_files() -> set[Path]:
    out = cups_pdf_output_dir()
    return set(out.glob("*.pdf")) if out.is_dir() else set()


@pytest.fixture
def sheet(qtbot, make_window):
    """The patient's summary, built by the app as in test_cups_printing."""
    window = make_window(settings=Settings(printer=QUEUE, service_phone="01 23 45 67 89"))
    qtbot.mouseClick(window.home.tiles[0], Qt.MouseButton.LeftButton)
    for question in QUESTIONS:
        assert window.session.questions.add_own(question) is None
    window.show_summary()
    return window.summary.document


@pytest.fixture
def small_sheet(family):
    items = "".join(f"<li>{question}</li>" for question in QUESTIONS)
    return printing.summary_document(f"<h1>Mes questions</h1><ol>{items}</ol>", family, None)


def test_printed_sheet_keeps_its_text(qtbot, sheet, caplog):
    before = pdf_files()
    caplog.set_level("DEBUG")
    result = printing.print_silently(sheet, QUEUE, "A4")
    assert result.ok, result
    output = wait_for_output(qtbot, before, getattr(result, "job_id", ""))
    assert_text_and_fonts(output)
    assert "Kiosk_summary" in output.name  # the neutral job name, not the patient's words
    logged = caplog.text
    assert not [question for question in QUESTIONS if question in logged]


def test_pdf_file_keeps_its_text(sheet, tmp_path):
    path = tmp_path / "resume.pdf"
    printing.write_pdf(sheet, path, "A4")
    assert_text_and_fonts(path)
    for row in pdf_fonts(path):  # embedded, with a map back to Unicode
        emb, _sub, uni = row.split()[-5:-2]
        assert (emb, uni) == ("yes", "yes"), row


def test_each_print_is_exactly_one_job(qtbot, small_sheet):
    for _ in range(2):
        before = queue_jobs()
        result = printing.print_silently(small_sheet, QUEUE, "A4")
        assert result.ok, result
        assert queue_jobs() - before == {result.job_id}
    qtbot.waitUntil(lambda: not queue_jobs("not-completed"), timeout=30_000)


def test_stopped_printer_is_a_failure(small_sheet, private_cups):
    assert private_cups.run("cupsdisable", PRIVATE_QUEUE).returncode == 0
    result = printing.print_silently(small_sheet, PRIVATE_QUEUE, "A4")
    assert result.failure is printing.PrintFailure.JOB_FAILED
    assert result.printer == PRIVATE_QUEUE
    assert private_cups.jobs() == set()  # nothing left to come out later, for someone else


def test_rejecting_printer_is_a_failure(small_sheet, private_cups):
    assert private_cups.run("cupsreject", PRIVATE_QUEUE).returncode == 0
    result = printing.print_silently(small_sheet, PRIVATE_QUEUE, "A4")
    assert result.failure is printing.PrintFailure.JOB_FAILED
    assert private_cups.jobs() == set()


def test_a_stopped_scheduler_is_no_printer(small_sheet, stoppable_cups):
    machine_before = machine_scheduler_running()
    stoppable_cups.stop()
    assert machine_scheduler_running() == machine_before  # only the private one stopped
    result = printing.print_silently(small_sheet, PRIVATE_QUEUE, "A4")
    assert result.failure is printing.PrintFailure.NO_PRINTER


def test_unknown_queue_is_no_printer(small_sheet):
    result = printing.print_silently(small_sheet, "Pas_de_file_ici", "A4")
    assert result.failure is printing.PrintFailure.NO_PRINTER
