"""Rendered pages are freed when a visit ends: PySide keeps a reference to every document
given to QTextEdit.setDocument(), so the reader deletes its pages itself (24 pages of text
and pictures were kept per patient, 7 MB a visit)."""

from __future__ import annotations

import gc

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication


def live_documents() -> int:
    gc.collect()
    import shiboken6

    return sum(1 for o in gc.get_objects() if isinstance(o, QTextDocument) and shiboken6.isValid(o))


def test_the_pages_of_a_visit_are_freed_when_it_ends(make_window):
    window = make_window()
    before = live_documents()
    for visit in range(2):
        if visit:
            window.start_session("fr")
        window.open_topic("cimentoplastie")
        for index in range(len(window.current_topic().pages)):
            window.jump_to_page(index)
            QApplication.processEvents()
        assert live_documents() >= before + 20  # every page rendered once
        window.end_session("finished")
        QApplication.processEvents()
        assert live_documents() <= before + 1, f"after visit {visit + 1}"
