"""The summary as a patient gets it: preview on screen, a real PDF, a QR code a phone reads."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from PySide6.QtCore import Qt

from kiosk import printing
from kiosk.config import Settings
from kiosk.summary import key_points, qr_png

CHOSEN = ["sejour", "anesthesie", "anticoagulants"]
OWN = ["Pourrai-je conduire après le geste ?", "Quand reprendre l'école & le sport ?"]


def needs(tool: str) -> None:
    if shutil.which(tool) is None:
        pytest.fail(f"{tool} is missing: install poppler-utils and zbar-tools (see README)")


@pytest.fixture
def summary_window(qtbot, make_window, tmp_path):
    settings = Settings(
        windowed=True,
        service_name="Radiologie",
        service_phone="01 23 45 67 89",
        pdf_dir=tmp_path,
        allow_pdf=True,
    )
    window = make_window(settings=settings)
    qtbot.mouseClick(window.home.tiles[0], Qt.MouseButton.LeftButton)
    for question_id in CHOSEN:
        window.session.questions.toggle(question_id)
    for text in OWN:
        window.session.questions.add_own(text)
    window.show_questions()
    qtbot.mouseClick(window.questions.summary_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.summary
    return window


def test_preview_shows_the_printed_pages(summary_window):
    screen = summary_window.summary
    assert 1 <= len(screen.page_labels) <= 2
    assert not screen.page_labels[0].pixmap().isNull()
    assert not screen.qr_label.pixmap().isNull()
    assert screen.qr_caption.text().startswith("Scannez ce code")
    assert screen.pdf_button.isVisible()


def test_pdf_has_key_points_questions_phone_and_at_most_two_pages(
    qtbot, summary_window, library, tmp_path
):
    needs("pdftotext")
    screen = summary_window.summary
    qtbot.mouseClick(screen.pdf_button, Qt.MouseButton.LeftButton)
    (pdf,) = tmp_path.glob("resume-cimentoplastie-*.pdf")
    assert screen.status.text() == f"PDF enregistré : {pdf.name}"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    flat = " ".join(text.split())
    topic = library.topic("fr", "cimentoplastie")
    for point in key_points(topic):
        assert " ".join(point.split()) in flat, point
    # Dates are in words for patients, never "2026-12-06".
    assert re.search(r"relu le \d{1,2} [a-zéû]+ \d{4}", flat) and topic.reviewed not in flat
    for question_id in CHOSEN:
        assert topic.question(question_id).text in flat
    for question in OWN:
        assert question in flat
    assert "Téléphone : 01 23 45 67 89" in flat.replace("\u00a0", " ")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert pages in (1, 2)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "p")]
    )
    assert (tmp_path / "p-1.png").stat().st_size > 10_000


def test_long_questions_wrap_on_paper(qtbot, summary_window, tmp_path):
    needs("pdftotext")
    words = "très " * 25
    summary_window.session.questions.add_own(f"Une question {words}longue ?")
    summary_window.show_summary()
    pdf = tmp_path / "long.pdf"
    printing.write_pdf(summary_window.summary.document, pdf, "A4")
    layout = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True
    ).stdout
    assert "Une question très" in layout and "longue ?" in layout
    assert max(len(line) for line in layout.splitlines()) < 120  # wrapped, not off the page


def test_qr_code_decodes_to_the_questions_with_accents(summary_window, tmp_path):
    needs("zbarimg")
    screen = summary_window.summary
    image = tmp_path / "qr.png"
    image.write_bytes(qr_png(screen.qr.text))
    decoded = subprocess.run(
        ["zbarimg", "--quiet", "--raw", str(image)], capture_output=True, text=True
    ).stdout.rstrip("\n")
    topic = summary_window.reader.topic
    expected = [topic.title] + [
        f"{n}. {text}"
        for n, text in enumerate(
            [topic.question(q).text for q in ("sejour", "anesthesie", "anticoagulants")] + OWN,
            start=1,
        )
    ]
    assert decoded == "\n".join(expected)


def test_ending_the_session_clears_the_summary(qtbot, summary_window):
    from PySide6.QtGui import QPixmap, QPixmapCache

    # Qt's pixmap cache keeps what labels painted, this patient's QR code included.
    QPixmapCache.insert("painted-this-session", QPixmap(8, 8))
    summary_window.end_session()
    screen = summary_window.summary
    assert screen.document is None and screen.qr is None and screen.page_labels == []
    assert screen.qr_label.pixmap().isNull()
    assert QPixmapCache.find("painted-this-session") is None


def test_the_code_is_encoded_ahead_and_forgotten_with_the_visit(qtbot, make_window, monkeypatch):
    """Encoding the code is the slowest part of the summary: it is done when the list
    changes, once the taps stop, not when the summary opens; it holds the patient's
    questions, so the end of the visit forgets it."""
    from kiosk import summary

    window = make_window()
    qtbot.mouseClick(window.home.tiles[0], Qt.MouseButton.LeftButton)
    ahead = window.qr_ahead
    for question_id in CHOSEN:
        window.toggle_question(question_id)
    assert ahead.pending  # not on the tap itself
    qtbot.waitUntil(lambda: not ahead.pending)
    assert ahead.cache is not None and len(ahead.cache) == 1
    encoded = []
    real = summary.qr_payload
    monkeypatch.setattr(summary, "qr_payload", lambda *args: encoded.append(args) or real(*args))
    window.show_summary()
    assert encoded == []  # found ready
    screen = window.summary
    assert screen.qr is not None and screen.qr.carried == len(CHOSEN)
    topic = window.current_topic()
    assert screen.qr.text.splitlines()[1] == f"1. {topic.question(CHOSEN[0]).text}"
    # Another list: encoded on opening when the patient was quicker than the quiet time.
    window.toggle_question(CHOSEN[0])
    window.show_summary()
    assert len(encoded) == 1 and screen.qr.carried == len(CHOSEN) - 1
    window.end_session()
    assert len(ahead.cache) == 0 and not ahead.pending
