"""The reader's "Écouter" button with Qt's mock speech engine (no sound needed)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kiosk.speech import Speaker


def english_reader(qtbot, make_window):
    window = make_window(language="en")
    qtbot.mouseClick(window.home.tiles[0], Qt.MouseButton.LeftButton)
    speaker = Speaker("mock", parent=window)
    window.reader.set_speaker(speaker)
    return window, window.reader, speaker


def test_listen_reads_the_page_then_page_change_stops(qtbot, make_window):
    _, reader, speaker = english_reader(qtbot, make_window)
    assert reader.listen_button.isVisible() and reader.listen_button.text() == "Listen"
    with qtbot.waitSignal(speaker.state_changed, check_params_cb=lambda s: s == "speaking"):
        qtbot.mouseClick(reader.listen_button, Qt.MouseButton.LeftButton)
    assert reader.listen_button.text() == "Pause" and reader.stop_button.isVisible()
    qtbot.mouseClick(reader.listen_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: speaker.state == "paused")
    assert reader.listen_button.text() == "Resume"
    qtbot.mouseClick(reader.listen_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: speaker.state == "speaking")
    qtbot.mouseClick(reader.next_button, Qt.MouseButton.LeftButton)  # a new page stops it
    qtbot.waitUntil(lambda: speaker.state == "ready")
    assert not reader.stop_button.isVisible()


def test_no_voice_for_the_language_hides_the_button(qtbot, make_window):
    window = make_window(language="fr")
    qtbot.mouseClick(window.home.tiles[0], Qt.MouseButton.LeftButton)
    window.reader.set_speaker(Speaker("mock", parent=window))  # mock has no French voice
    assert not window.reader.listen_button.isVisible()


def test_reading_aloud_pauses_the_idle_clock(qtbot, make_window):
    from kiosk.config import Settings
    from kiosk.ui.supervisor import Supervisor

    window = make_window(language="en", settings=Settings(), start=False)
    supervisor = Supervisor(window, reload_library=lambda: window.library)
    qtbot.mouseClick(window.attract.language_buttons["en"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.home.tiles[0], Qt.MouseButton.LeftButton)
    speaker = Speaker("mock", parent=window)
    window.reader.set_speaker(speaker)
    qtbot.mouseClick(window.reader.listen_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: speaker.state == "speaking")
    assert supervisor.idle.paused and not supervisor.idle.running
    speaker.stop()
    qtbot.waitUntil(lambda: not supervisor.idle.paused)
