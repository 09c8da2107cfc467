"""The running kiosk and its content updates: staff look for one, it arrives while a patient
reads, and the new release is shown from the next patient on."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from kiosk.config import Settings
from kiosk.content import load_library
from kiosk.content_source import ContentSource
from kiosk.resources import content_dir

from .helpers import Fleet


def retitle(content: Path, title: str) -> None:
    topic = content / "fr" / "cimentoplastie" / "topic.md"
    lines = topic.read_text(encoding="utf-8").split("\n")
    topic.write_text(
        "\n".join(f"title: {title}" if line.startswith("title:") else line for line in lines),
        encoding="utf-8",
    )


def test_an_update_reaches_the_next_patient_not_the_current_one(qtbot, make_window, fleet):
    from kiosk.services import start_updates
    from kiosk.ui.kiosk.supervisor import Supervisor

    assert fleet.publish().release == 1
    retitle(fleet.content, "Cimentoplastie (nouvelle version)")
    assert fleet.publish().release == 2
    settings = Settings(windowed=True, update_source=fleet.source, trusted_root=fleet.trusted_root)
    source = ContentSource(settings, fleet.state, content_dir())
    assert source.root() == content_dir()  # nothing installed yet: the bundled content
    window = make_window(settings=settings, lib=load_library(source.root()), start=False)
    supervisor = Supervisor(window, reload_library=lambda: load_library(source.root()))
    start_updates(window, supervisor, settings, fleet.state)
    panel = supervisor.panel
    assert panel.update_button.isEnabled()

    # A patient is reading when staff look for an update.
    qtbot.mouseClick(window.attract.language_buttons["fr"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.home.tiles[0], Qt.MouseButton.LeftButton)
    window.session.questions.toggle("sejour")
    with qtbot.waitSignal(panel.update_requested, timeout=1_000):
        panel.update_button.click()
    qtbot.waitUntil(lambda: "version 2" in panel.update_status.text(), timeout=30_000)
    assert source.root() != content_dir()  # installed, verified
    assert window.current_topic().title != "Cimentoplastie (nouvelle version)"  # not now
    assert window.session.questions.is_chosen("sejour")

    window.end_session("finished")  # between two patients: the new release
    qtbot.waitUntil(
        lambda: (
            window.library.topic("fr", "cimentoplastie").title
            == "Cimentoplastie (nouvelle version)"
        ),
        timeout=5_000,
    )


def test_updates_off_say_so_on_the_staff_panel(qtbot, make_window):
    from kiosk.services import start_updates
    from kiosk.ui.kiosk.supervisor import Supervisor

    window = make_window()
    supervisor = Supervisor(window, reload_library=lambda: window.library)
    start_updates(window, supervisor, Settings(windowed=True), Path("/nonexistent"))
    assert not supervisor.panel.update_button.isEnabled()
    assert supervisor.panel.update_button.text() == "Mises à jour désactivées"


def test_a_release_that_does_not_load_is_given_up(fleet: Fleet):
    assert fleet.publish().release == 1
    assert fleet.check().status == "installed"
    settings = Settings(update_source=fleet.source, trusted_root=fleet.trusted_root)
    source = ContentSource(settings, fleet.state, content_dir())
    installed = source.root()
    assert source.is_release(installed)
    assert source.give_up_release("it did not load: test") == content_dir()
