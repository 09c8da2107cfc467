"""Silent printing through a real CUPS scheduler and a cups-pdf queue (see .ci/run).

Locally these tests need the scheduler running with the queue below; in CI (CI=true) a
missing scheduler is a failure, not a skip.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kiosk.config import Settings

QUEUE = "Kiosque_PDF"
PRINTED = "C'est imprimé. Prenez votre feuille à l'imprimante."
FAILED = "L'imprimante ne répond pas."


def scheduler_running() -> bool:
    if shutil.which("lpstat") is None:
        return False
    result = subprocess.run(["lpstat", "-r"], capture_output=True, text=True)
    return "is running" in result.stdout and "not running" not in result.stdout


def queue_exists() -> bool:
    result = subprocess.run(["lpstat", "-p", QUEUE], capture_output=True, text=True)
    return result.returncode == 0


@pytest.fixture(autouse=True)
def cups_available():
    if not (scheduler_running() and queue_exists()):
        message = f"CUPS scheduler with queue {QUEUE} not available (.ci/run sets it up)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def cups_pdf_output_dir() -> Path:
    out = "${HOME}/PDF"
    config = Path("/etc/cups/cups-pdf.conf")
    if config.is_file():
        for line in config.read_text().splitlines():
            if line.startswith("Out "):
                out = line.split(None, 1)[1]
    return Path(
        out.replace("${HOME}", str(Path.home())).replace("${USER}", os.environ.get("USER", ""))
    )


@pytest.fixture
def printing_window(qtbot, make_window, tmp_path, monkeypatch):
    spool = tmp_path / "tmp"
    spool.mkdir()
    monkeypatch.setenv("TMPDIR", str(spool))  # Qt spools print jobs in the temp folder
    # Kiosk mode (not windowed): printing is silent, without any dialog.
    settings = Settings(printer=QUEUE, service_phone="01 23 45 67 89")
    window = make_window(settings=settings)
    qtbot.mouseClick(window.home.tiles[0], Qt.MouseButton.LeftButton)
    window.session.questions.toggle("sejour")
    window.session.questions.add_own("Mon secret à l'imprimante ?")
    window.show_summary()
    window.spool = spool
    return window


def test_silent_print_reaches_the_queue(qtbot, printing_window):
    out = cups_pdf_output_dir()
    before = set(out.glob("*.pdf")) if out.is_dir() else set()
    screen = printing_window.summary
    qtbot.mouseClick(screen.print_button, Qt.MouseButton.LeftButton)
    assert screen.status.text() == "Impression en cours…"
    qtbot.waitUntil(lambda: screen.status.text() == PRINTED, timeout=10_000)
    qtbot.waitUntil(lambda: bool(out.is_dir() and set(out.glob("*.pdf")) - before), timeout=30_000)
    (new,) = set(out.glob("*.pdf")) - before
    qtbot.waitUntil(lambda: new.stat().st_size > 1000, timeout=30_000)  # cups-pdf still writing
    assert "secret" not in new.name  # the job name is neutral
    assert list(printing_window.spool.iterdir()) == []  # nothing of the patient left behind


def test_stopped_scheduler_gives_a_calm_message(qtbot, make_window, stoppable_cups):
    # The tests' own scheduler: the machine's is never stopped.
    from tests.integration.private_cups import QUEUE as PRIVATE_QUEUE
    from tests.integration.private_cups import machine_scheduler_running

    machine_before = machine_scheduler_running()

    window = make_window(settings=Settings(printer=PRIVATE_QUEUE))
    qtbot.mouseClick(window.home.tiles[0], Qt.MouseButton.LeftButton)
    window.session.questions.toggle("sejour")
    window.show_summary()
    stoppable_cups.stop()
    assert machine_scheduler_running() == machine_before  # only the private one stopped
    screen = window.summary
    qtbot.mouseClick(screen.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.status.text().startswith(FAILED), timeout=10_000)
    assert "scannez le code" in screen.status.text()
    assert screen.print_button.isEnabled()
