"""The printed sheet as the patient takes it into the consultation: real PDFs written by the
summary screen, read back with poppler and zbar."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from PySide6.QtCore import Qt

from kiosk.config import Settings
from kiosk.questions import MAX_LENGTH

# Full-length questions (150 characters), with accents that must survive the trip.
BASE = {
    "fr": "Pourrai-je reprendre le jardinage, porter mes enfants dans les bras et conduire "
    "après le geste ? À quel moment, et quels efforts éviter à la maison ?",
    "en": "Will I be able to garden, carry my grandchildren and drive after the "
    "procedure? When exactly, and which efforts should I avoid at home, café?",
}
HEADINGS = {
    "fr": ("Mes questions pour le médecin", "À retenir", "À signaler à l'équipe"),
    "en": ("My questions for the doctor", "Key points", "Tell the care team"),
}
PAGE_POINTS = {"A4": (595, 842), "Letter": (612, 792)}


def needs(*tools: str) -> None:
    for tool in tools:
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} is missing: install poppler-utils and zbar-tools (see README)")


def full_length(language: str, number: int) -> str:
    text = f"{number}. {BASE[language]} {BASE[language]}"
    return text[:MAX_LENGTH].rstrip()


def sheet(qtbot, make_window, tmp_path, language="fr", paper="A4", own=(), chosen=()):
    settings = Settings(windowed=True, paper=paper, pdf_dir=tmp_path, allow_pdf=True)
    window = make_window(language=language, settings=settings)
    qtbot.mouseClick(window.home.tiles[0], Qt.MouseButton.LeftButton)
    for question_id in chosen:
        window.session.questions.toggle(question_id)
    for text in own:
        assert window.session.questions.add_own(text) is None
    window.show_summary()
    return window


def save_pdf(qtbot, window, tmp_path):
    for old in tmp_path.glob("resume-*.pdf"):
        old.unlink()
    qtbot.mouseClick(window.summary.pdf_button, Qt.MouseButton.LeftButton)
    (pdf,) = tmp_path.glob("resume-*.pdf")
    return pdf


def run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def pages_of(pdf) -> int:
    info = run("pdfinfo", str(pdf))
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def flat_text(pdf, page: int | None = None, raw: bool = False) -> str:
    """The PDF's words; ``raw``: in the order the sheet writes them (pdftotext's own reading
    order mixes the two columns where their headings share a line)."""
    where = ["-f", str(page), "-l", str(page)] if page else []
    where += ["-raw"] if raw else []
    # (pdftotext joins words cut at a hyphen at the end of a line: the questions have none.)
    return " ".join(run("pdftotext", *where, str(pdf), "-").replace("\u00a0", " ").split())


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("language", ["fr", "en"])
def test_up_to_six_full_length_questions_fit_one_sheet(
    qtbot, make_window, tmp_path, language, paper
):
    needs("pdfinfo", "pdftotext")
    window = sheet(qtbot, make_window, tmp_path, language, paper)
    questions = window.session.questions
    for count in range(1, 7):
        assert questions.add_own(full_length(language, count)) is None
        window.show_summary()
        pdf = save_pdf(qtbot, window, tmp_path)
        assert pages_of(pdf) == 1, (language, paper, count)
        size = run("pdfinfo", str(pdf))
        width, height = PAGE_POINTS[paper]
        assert f"{width}" in size and f"{height}" in size
        text = flat_text(pdf, raw=True)
        assert all(full_length(language, n) in flat_text(pdf) for n in range(1, count + 1))
        title = window.current_topic().title
        mine, key, tell = (text.index(heading) for heading in HEADINGS[language])
        positions = [text.index(full_length(language, n)) for n in range(1, count + 1)]
        # Title, then the questions in order, then the key points and the boxes to tick.
        assert text.index(title) < mine < positions[0]
        assert positions == sorted(positions) and positions[-1] < key < tell
        # The answers have room: two lines each at least.
        document = window.summary.document
        assert document.toHtml().count("border-bottom") >= 2 * count


def test_few_questions_get_more_room_to_write(qtbot, make_window, tmp_path):
    one = sheet(qtbot, make_window, tmp_path, own=["Pourrai-je conduire après le geste ?"])
    lines_for_one = one.summary.document.toPlainText().count("Réponse")
    html_one = one.summary.document.toHtml().count("border-bottom")
    own = [full_length("fr", n) for n in range(1, 7)]
    six = sheet(qtbot, make_window, tmp_path, own=own)
    html_six = six.summary.document.toHtml().count("border-bottom")
    assert lines_for_one == 1 and html_one >= 4  # four lines or more for one question
    assert html_six // 6 < html_one


def test_body_text_is_at_least_12_points(qtbot, make_window, tmp_path):
    needs("pdftotext")
    window = sheet(qtbot, make_window, tmp_path, own=[full_length("fr", 1)])
    pdf = save_pdf(qtbot, window, tmp_path)
    boxes = run("pdftotext", "-bbox", str(pdf), "-")
    import re

    heights = [
        float(y2) - float(y1)
        for y1, y2, word in re.findall(
            r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]+)</word>', boxes
        )
        if word in ("jardinage,", "enfants", "Réponse")
    ]
    # A word's box is about 1.25 times the font size: 12 pt text is about 15 pt high.
    assert heights and min(heights) >= 14.5, heights


def test_more_questions_flow_onto_a_deliberate_second_page(qtbot, make_window, tmp_path):
    needs("pdfinfo", "pdftotext")
    own = [full_length("fr", n) for n in range(1, 11)]
    window = sheet(qtbot, make_window, tmp_path, own=own)
    pdf = save_pdf(qtbot, window, tmp_path)
    assert pages_of(pdf) == 2
    first, second = flat_text(pdf, 1), flat_text(pdf, 2)
    assert second.startswith("Mes questions pour le médecin (suite)")
    for number, question in enumerate(own, start=1):
        # Every question whole on one page, with its answer lines on that page.
        assert (question in first) != (question in second), number
    on_first = sum(question in first for question in own)
    assert first.count("Réponse :") == on_first and second.count("Réponse :") == 10 - on_first
    assert "À retenir" in first and "Scannez ce code" not in second


def test_covered_pages_are_a_readable_list(qtbot, make_window, tmp_path):
    window = sheet(qtbot, make_window, tmp_path, chosen=["sejour"])
    window.set_presenter(True)
    for index in (0, 4, 9):
        window.set_page_covered(index, True)
    window.show_summary()
    lines = [
        line.strip()
        for line in window.summary.document.toPlainText().replace("\u00a0", " ").splitlines()
    ]
    heading = lines.index("Pages vues avec l'équipe")
    titles = [window.current_topic().pages[i].title for i in (0, 4, 9)]
    assert lines[heading + 1 : heading + 4] == titles


def test_the_code_on_paper_reads_at_150_dpi_with_accents(qtbot, make_window, tmp_path):
    needs("pdftoppm", "zbarimg")
    own = ["Pourrai-je conduire après le geste ?", "Quand reprendre l'école & le sport ?"]
    window = sheet(qtbot, make_window, tmp_path, own=own, chosen=["sejour", "anesthesie"])
    pdf = save_pdf(qtbot, window, tmp_path)
    run("pdftoppm", "-png", "-r", "150", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "p"))
    (png,) = tmp_path.glob("p-*.png")
    decoded = run("zbarimg", "--quiet", "--raw", str(png)).rstrip("\n")
    assert decoded == window.summary.qr.text
    assert "après" in decoded and "l'école" in decoded
    text = flat_text(pdf)
    for question in own:
        assert question in text  # the same questions as on the sheet


def test_questions_too_long_for_a_readable_code_say_so(qtbot, make_window, tmp_path):
    needs("pdftotext")
    own = [full_length("fr", n) for n in range(1, 7)]
    window = sheet(qtbot, make_window, tmp_path, own=own)
    screen = window.summary
    assert screen.qr.carried == 0 and screen.qr_label.pixmap().isNull()
    assert "trop longues pour un code lisible" in screen.qr_caption.text()
    assert "trop longues pour un code lisible" in flat_text(save_pdf(qtbot, window, tmp_path))
