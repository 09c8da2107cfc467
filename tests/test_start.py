"""The real start-up: the attract screen first, from titles alone, then everything else."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.content.titles import peek_titles
from kiosk.resources import content_dir

from .fresh_python import run_fresh

MANY_CPUS = hasattr(os, "sched_getaffinity") and len(os.sched_getaffinity(0)) > 1

REPO = Path(__file__).resolve().parent.parent


def test_peeked_titles_are_the_loaded_titles(library):
    assert peek_titles(content_dir()) == library.titles()
    assert peek_titles(content_dir())["fr"] == ["Cimentoplastie et ostéosynthèse percutanée"]


def test_peek_titles_skips_what_it_cannot_read(tmp_path):
    good = tmp_path / "fr" / "a-good"
    good.mkdir(parents=True)
    (good / "topic.md").write_text("language: fr\ntitle: Bon titre\n\nbody", encoding="utf-8")
    for name, data in [
        ("b-latin1", "title: caf\xe9\n".encode("latin-1")),
        ("c-untitled", b"language: fr\n\ntitle: too late, in the body\n"),
    ]:
        (tmp_path / "fr" / name).mkdir()
        (tmp_path / "fr" / name / "topic.md").write_bytes(data)
    (tmp_path / "fr" / "d-no-topic-file").mkdir()
    (tmp_path / "images").mkdir()  # not a language folder
    assert peek_titles(tmp_path) == {"fr": ["Bon titre"]}
    assert peek_titles(tmp_path / "missing") == {}


def test_first_screen_imports_neither_markdown_nor_the_content_model():
    """What the first paint needs must stay light (bench/README.md: start-up)."""
    code = (
        "import sys\n"
        "import kiosk.app, kiosk.logs, kiosk.paths, kiosk.ui.style.fonts\n"
        "from kiosk.content.titles import peek_titles\n"
        "from kiosk.ui.main_window import MainWindow\n"
        "heavy = [m for m in ('markdown', 'kiosk.content.model', 'kiosk.ui.screens.reader',\n"
        "    'kiosk.ui.kiosk.supervisor', 'logging.handlers', 'segno', 'dataclasses')\n"
        "    if m in sys.modules]\n"
        "print(heavy)\n"
    )
    assert run_fresh(code).stdout.strip() == "[]"


@pytest.mark.skipif(os.name != "posix", reason="Windows needs a socket for set_wakeup_fd")
def test_stop_signals_do_not_import_socket_before_the_first_frame():
    """The stop-signal handler is installed before the first paint: a pipe, not a socket
    pair (``socket`` takes ~3-5 ms to import)."""
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication, QWidget\n"
        "app = QApplication([])\n"
        "from kiosk.process import stop_on_signals\n"
        "restore = stop_on_signals(app, QWidget())\n"
        "print('socket' in sys.modules)\n"
        "restore()\n"
    )
    assert run_fresh(code).stdout.strip() == "False"  # the test setup's offscreen platform


def test_kiosk_process_starts_and_finishes_building(qtbot, tmp_path):
    """``python -m kiosk`` in a real process: it paints, then loads content and builds the
    supervisor (logged), and keeps running."""
    env = dict(os.environ)
    env.update(
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        KIOSK_DEBUG="1",
    )
    errors = tmp_path / "stderr.txt"
    with errors.open("w") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "kiosk", "--windowed"],
            cwd=REPO,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )

    def log_text() -> str:
        logs = list(tmp_path.glob("data/**/kiosk.log"))
        return logs[0].read_text(encoding="utf-8") if logs else ""

    try:
        # The start language first; the other is read once the kiosk is ready.
        everything = "content loaded: 2 topics in ['en', 'fr'], 0 problems"
        qtbot.waitUntil(
            lambda: process.poll() is not None or everything in log_text(), timeout=60_000
        )
        assert process.poll() is None, errors.read_text()
        text = log_text()
        assert "content loaded: 1 topics in ['fr'], 0 problems (en later)" in text
        if MANY_CPUS:  # read while Qt started (kiosk.content.preload)
            assert "(en later) (read by a helper process)" in text
        assert text.index("starting") < text.index("content loaded")
        assert "mode: kiosk" in text  # the supervisor exists
        assert text.index("mode: kiosk") < text.index(everything)
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_a_start_that_qt_stops_leaves_no_lock(tmp_path):
    """Qt stops a start with no display (at boot, before the display server is up, under
    a service that restarts it): no lock may be left, or the next start says the last run
    was killed."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "xcb",
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "--windowed"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode != 0, done.stderr  # Qt could not start
    assert not list(tmp_path.glob("data/**/kiosk.lock")), done.stderr
