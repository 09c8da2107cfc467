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
    from kiosk.ui.kiosk.supervisor import Supervisor

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


def test_listen_reads_the_screen_the_patient_sees(qtbot, make_window, monkeypatch):
    window, reader, speaker = english_reader(qtbot, make_window)
    spoken: list[str] = []
    monkeypatch.setattr(speaker, "speak", lambda text, language: spoken.append(text))
    topic = reader.topic
    longest = max(range(len(topic.pages)), key=lambda i: len(topic.pages[i].text))
    window.jump_to_page(longest)
    view = reader.view
    assert view.screen_count > 1
    page = topic.pages[longest]
    for number in range(view.screen_count):
        view.show_screen(number)
        qtbot.mouseClick(reader.listen_button, Qt.MouseButton.LeftButton)
        text = spoken[-1]
        assert text.startswith(page.title) == (number == 0)
        assert (text.strip() and text != spoken[0]) or number == 0
    # Every word of the page is read on one screen or another, and nothing twice over.
    words = " ".join(spoken).split()
    for word in page.text.split():
        assert word in words
