"""Rendered pages do not pile up from one visit to the next: PySide keeps a reference to
every document given to QTextEdit.setDocument(), so the reader reuses its documents (new
ones for each visit kept 24 pages of text and pictures a patient, 7 MB)."""

from __future__ import annotations

import gc

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication


def live_documents() -> int:
    gc.collect()
    return sum(1 for o in gc.get_objects() if isinstance(o, QTextDocument))


def test_visits_do_not_pile_up_rendered_pages(make_window):
    window = make_window()
    counts = []
    for visit in range(3):
        if visit:
            window.start_session("fr")
        window.open_topic("cimentoplastie")
        for index in range(len(window.current_topic().pages)):
            window.jump_to_page(index)
            QApplication.processEvents()
        window.end_session("finished")
        QApplication.processEvents()
        counts.append(live_documents())
    assert counts[2] == counts[1] == counts[0], counts
