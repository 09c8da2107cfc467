"""Editors save content while the kiosk runs: good edits appear, broken ones never do."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt

from kiosk.config import Settings
from kiosk.content import load_library
from kiosk.resources import content_dir

PAGE = "fr/cimentoplastie/10-sejour.md"


@pytest.fixture
def live(qtbot, make_window, tmp_path):
    from kiosk.ui.kiosk.supervisor import Supervisor

    root = tmp_path / "content"
    shutil.copytree(content_dir(), root)
    window = make_window(lib=load_library(root), settings=Settings(windowed=True), start=False)
    supervisor = Supervisor(window, reload_library=lambda: load_library(root), content_root=root)
    return window, supervisor, root


def edit(root, old: str, new: str) -> None:
    path = root / PAGE
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def page_five_title(window) -> str:
    """The title of the stay page (the tenth)."""
    return window.library.topic("fr", "cimentoplastie").pages[9].title


def test_good_edit_appears_on_the_attract_screen(qtbot, live):
    window, supervisor, root = live
    with qtbot.waitSignal(supervisor.watcher.changed, timeout=5000):
        edit(root, "title: Votre séjour à l'hôpital", "title: Votre séjour")
    assert page_five_title(window) == "Votre séjour"


def test_broken_edit_keeps_the_last_good_version(qtbot, live, caplog):
    window, supervisor, root = live
    with qtbot.waitSignal(supervisor.watcher.changed, timeout=5000):
        edit(root, "Le geste demande", "<b>Le geste</b> demande")
    assert page_five_title(window) == "Votre séjour à l'hôpital"
    assert len(window.library.topic("fr", "cimentoplastie").pages) == 24
    assert "last good version stays on screen" in caplog.text
    assert any("raw HTML" in p.message for p in window.library.problems)


def test_edit_during_a_session_waits_for_its_end(qtbot, live):
    window, supervisor, root = live
    qtbot.mouseClick(window.attract.language_buttons["fr"], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(supervisor.watcher.changed, timeout=5000):
        edit(root, "title: Votre séjour à l'hôpital", "title: Votre séjour")
    assert supervisor.reload_pending
    assert page_five_title(window) == "Votre séjour à l'hôpital"
    window.end_session()
    assert page_five_title(window) == "Votre séjour" and not supervisor.reload_pending
