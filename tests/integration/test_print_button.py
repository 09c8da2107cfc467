"""The 'Imprimer' button as a patient uses it, through the real CUPS queue: one tap is one
sheet, a second copy is deliberate, the code on screen stays whole and readable after
printing, and a stopped printer sends the patient to the code and the PDF."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication

from kiosk.config import Settings
from tests.integration.private_cups import QUEUE as PRIVATE_QUEUE
from tests.integration.test_cups_printing import (  # the same queue, the same skip rules
    PRINTED,
    QUEUE,
    cups_available,  # noqa: F401 (autouse fixture)
)
from tests.integration.test_cups_text import queue_jobs
from tests.ui.test_taps_and_lists import BASE, send_tap


@pytest.fixture
def summary(qtbot, make_window, tmp_path):
    settings = Settings(printer=QUEUE, pdf_dir=tmp_path, allow_pdf=True, max_prints=2)
    window = make_window(settings=settings)  # kiosk mode: silent printing, no dialog
    qtbot.mouseClick(window.home.tiles[0], Qt.MouseButton.LeftButton)
    window.session.questions.toggle("sejour")
    window.session.questions.add_own("Pourrai-je conduire après le geste ?")
    window.show_summary()
    QApplication.processEvents()
    return window


def wait_for_jobs(qtbot, screen, before: set[str], count: int) -> None:
    qtbot.waitUntil(lambda: len(queue_jobs() - before) >= count, timeout=20_000)
    settled(qtbot, screen)


def settled(qtbot, screen) -> None:
    """The screen hands a job to ``lp`` and waits for it: once it is not printing (and the
    tap's events are processed), any job it made, a stray one too, is in the queue."""
    QApplication.processEvents()
    qtbot.waitUntil(lambda: not screen._printing, timeout=20_000)


def test_a_double_tap_prints_one_sheet_and_a_copy_is_deliberate(qtbot, summary):
    screen = summary.summary
    button = screen.print_button
    where = button.mapToGlobal(button.rect().center())
    before = queue_jobs()
    send_tap(summary, where, stamp=BASE + 100_000)
    qtbot.waitUntil(lambda: screen.status.text() == PRINTED, timeout=20_000)
    assert button.text() == "Imprimer encore" and button.isEnabled()
    send_tap(summary, where, stamp=BASE + 100_150)  # the second tap of a double tap
    QApplication.processEvents()
    wait_for_jobs(qtbot, screen, before, 1)
    assert len(queue_jobs() - before) == 1
    # A deliberate "Imprimer encore" a moment later prints a second copy, and that is all.
    send_tap(summary, where, stamp=BASE + 102_000)
    wait_for_jobs(qtbot, screen, before, 2)
    assert len(queue_jobs() - before) == 2
    assert not button.isEnabled()  # max_prints reached
    send_tap(summary, where, stamp=BASE + 104_000)
    settled(qtbot, screen)
    assert len(queue_jobs() - before) == 2


def test_after_printing_the_code_on_screen_is_whole_and_reads(qtbot, summary, tmp_path):
    if shutil.which("zbarimg") is None:
        pytest.fail("zbarimg is missing: install zbar-tools (see README)")
    screen = summary.summary
    qtbot.mouseClick(screen.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.status.text() == PRINTED, timeout=20_000)
    QApplication.processEvents()
    code = QRect(screen.qr_label.mapTo(summary, screen.qr_label.rect().topLeft()),
                 screen.qr_label.size())  # fmt: skip
    banner = QRect(screen.status.mapTo(summary, screen.status.rect().topLeft()),
                   screen.status.size())  # fmt: skip
    assert screen.status.isVisible() and summary.rect().contains(code)
    assert not code.intersects(banner)  # the news never covers the code
    shot = tmp_path / "screen.png"
    summary.grab().save(str(shot))
    decoded = subprocess.run(
        ["zbarimg", "--quiet", "--raw", str(shot)], capture_output=True, text=True
    ).stdout.rstrip("\n")
    assert decoded == screen.qr.text and "après" in decoded


def test_a_stopped_printer_offers_the_code_and_the_pdf(qtbot, make_window, tmp_path, private_cups):
    settings = Settings(printer=PRIVATE_QUEUE, pdf_dir=tmp_path, allow_pdf=True)
    window = make_window(settings=settings)
    qtbot.mouseClick(window.home.tiles[0], Qt.MouseButton.LeftButton)
    window.session.questions.add_own("Pourrai-je conduire après le geste ?")
    window.show_summary()
    assert private_cups.run("cupsdisable", PRIVATE_QUEUE).returncode == 0
    screen = window.summary
    qtbot.mouseClick(screen.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.status.text().startswith("L'imprimante"), timeout=20_000)
    message = screen.status.text()
    assert "scannez le code" in message and "PDF" in message
    assert screen.qr_label.isVisible() and not screen.qr_label.pixmap().isNull()
    assert screen.pdf_button.isVisible() and screen.pdf_button.isEnabled()
    assert screen.print_button.text() == "Imprimer" and screen.print_button.isEnabled()
    assert private_cups.jobs() == set()  # nothing left to print later, for someone else
