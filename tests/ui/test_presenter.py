"""Presenter mode as a nurse meets it: pages shown for a while tick themselves, the
Sommaire shows where we are, its check boxes take a finger, and a visit's ticks end with it."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QStyle, QStyleOptionButton

from tests.ui.taps import tap

DWELL_MS = 150  # instead of the real 4 s


def present(window, on: bool = True) -> None:
    """The main window's presenter switch (it turns on the reader's ticking too)."""
    window.set_presenter(on)


@pytest.fixture
def nurse(qtbot, make_window, monkeypatch):
    monkeypatch.setattr("kiosk.ui.reading.covered_pages.COVER_AFTER_MS", DWELL_MS)
    window = make_window()
    present(window)
    tap(qtbot, window.home.tiles[0])
    return window


def next_page(qtbot, window) -> int:
    """Tap "Suivant" until the next page shows (a long page has several screens)."""
    page = window.session.page_index
    while window.session.page_index == page:
        tap(qtbot, window.reader.next_button)
    return window.session.page_index


def test_a_page_shown_a_few_seconds_is_ticked(qtbot, nurse, monkeypatch):
    reader, session = nurse.reader, nurse.session
    assert session.pages_covered == set()  # not at once: a page flicked past is not covered
    qtbot.waitUntil(lambda: 0 in session.pages_covered, timeout=3_000)

    # Each page change starts the count again; a page left before the time is not ticked.
    monkeypatch.setattr("kiosk.ui.reading.covered_pages.COVER_AFTER_MS", 1_000)
    passed = next_page(qtbot, nurse)
    assert reader.cover_timer.isActive() and passed not in session.pages_covered
    read = next_page(qtbot, nurse)
    assert reader.cover_timer.isActive()
    qtbot.waitUntil(lambda: read in session.pages_covered, timeout=3_000)
    assert session.pages_covered == {0, read}


def test_no_ticking_while_the_reader_is_hidden_or_in_kiosk_mode(qtbot, nurse, make_window):
    reader = nurse.reader
    tap(qtbot, reader.contents_button)
    # The Sommaire covers the page: no count runs, so no tick can come (the ticker's one
    # timer is the only way a page is ticked by itself).
    assert not reader.cover_timer.isActive()
    assert nurse.session.pages_covered == set()
    tap(qtbot, nurse.contents.back_button)  # the page again: counted from now, then ticked
    assert reader.cover_timer.isActive()
    with qtbot.waitSignal(reader.cover_timer.timeout, timeout=3_000):
        pass
    assert nurse.session.pages_covered == {0}

    kiosk = make_window()
    tap(qtbot, kiosk.home.tiles[0])
    assert not kiosk.reader.cover_timer.isActive() and not kiosk.reader.covers.presenter
    assert kiosk.session.pages_covered == set()


def test_the_nurse_can_untick_an_automatic_tick(qtbot, nurse):
    session, reader, contents = nurse.session, nurse.reader, nurse.contents
    qtbot.waitUntil(lambda: 0 in session.pages_covered, timeout=3_000)
    tap(qtbot, reader.contents_button)
    check = contents.checks[0]
    assert check.isChecked()
    tap(qtbot, check)
    assert not check.isChecked() and 0 not in session.pages_covered
    tap(qtbot, contents.back_button)
    assert reader.cover_timer.isActive()  # the page is shown again: counted again...
    with qtbot.waitSignal(reader.cover_timer.timeout, timeout=3_000):
        pass
    assert 0 not in session.pages_covered  # ...but her choice stands: not re-ticked


def test_sommaire_marks_the_current_page_for_eyes_and_screen_readers(qtbot, nurse):
    contents, topic = nurse.contents, nurse.current_topic()
    contents.show_topic(topic, set(), current=3)
    marked = [i for i, b in enumerate(contents.page_buttons) if b.property("current")]
    assert marked == [3]
    tile = contents.page_buttons[3]
    assert not tile.description_label.isHidden()
    assert tile.description_label.text() == "Page affichée en ce moment"
    assert tile.accessibleDescription() == "Page affichée en ce moment"
    assert contents.page_buttons[2].accessibleDescription() == ""
    contents.show_topic(topic, set(), current=5)  # same topic: only the mark moves
    marked = [i for i, b in enumerate(contents.page_buttons) if b.property("current")]
    assert marked == [5] and contents.page_buttons[3].description_label.isHidden()


def test_vue_check_boxes_take_a_finger(qtbot, nurse):
    tap(qtbot, nurse.reader.contents_button)
    m = nurse.applied_metrics
    check = nurse.contents.checks[0]
    option = QStyleOptionButton()
    check.initStyleOption(option)
    indicator = check.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, check)
    assert min(indicator.width(), indicator.height()) >= m.mm(15) - 1
    assert check.height() >= m.mm(15) - 1


def test_contents_wipe_forgets_topic_and_ticks(qtbot, nurse):
    contents, topic = nurse.contents, nurse.current_topic()
    contents.show_topic(topic, {0, 2}, current=2)
    contents.wipe()
    assert contents.checks == [] and contents.page_buttons == []
    assert contents.title.text() == "Sommaire"
    contents.show_topic(topic, set())  # the same topic again is built afresh, unticked
    assert len(contents.checks) == len(topic.pages)
    assert not any(check.isChecked() for check in contents.checks)


def test_reader_wipe_stops_the_count(qtbot, nurse):
    reader = nurse.reader
    assert reader.cover_timer.isActive()
    reader.wipe()
    assert not reader.cover_timer.isActive()
