"""The sheet's dates: in words, in the topic's language (kiosk/ui/screens/summary_sheet.py)."""

from __future__ import annotations

from PySide6.QtCore import QDate

from kiosk.ui.screens.summary_sheet import sheet_dates


def test_dates_are_in_words_in_the_topics_language(qapp):
    today = QDate(2026, 11, 28)
    assert sheet_dates("fr", "2026-03-01", today) == ("28 novembre 2026", "1 mars 2026")
    assert sheet_dates("en", "2026-03-01", today) == ("28 November 2026", "1 March 2026")
    assert sheet_dates("fr", "pas une date", today) == ("28 novembre 2026", "")
