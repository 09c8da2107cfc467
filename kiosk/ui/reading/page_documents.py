"""Rendered pages for the reader: one QTextDocument per page, made on first show and kept
until the sizes, colours or topic change; the documents themselves are reused."""

from __future__ import annotations

import html

from PySide6.QtCore import QObject, QSizeF
from PySide6.QtGui import QFont, QTextDocument

from kiosk.content import Page
from kiosk.ui.style.metrics import Metrics


class PageDocuments(QObject):
    """``owner`` is the text widget that shows the documents: they are its Qt children, so
    they live exactly as long as it does. Documents owned by Python instead could be freed
    by Python's garbage collector while the window's widgets were being deleted, before the
    widget still showing one (a crash of PySide 6.12 when a window was deleted)."""

    def __init__(self, owner: QObject, parent: QObject | None = None):
        super().__init__(parent)
        self._owner = owner
        self._documents: dict[str, QTextDocument] = {}
        self._spare: list[QTextDocument] = []  # emptied documents, reused (see forget)
        self._metrics: Metrics | None = None
        self._family = ""
        self._css = ""

    def configure(self, m: Metrics, family: str, css: str) -> None:
        """Sizes and colours for pages rendered from now on (forget() the others)."""
        self._metrics, self._family, self._css = m, family, css

    def forget(self) -> None:
        """Put the rendered pages aside, emptied. Whoever shows one must have stopped first.

        The documents are never deleted, but reused for the next pages: PySide keeps a
        reference to every document ever given to QTextEdit.setDocument(), so new ones for
        each visit piled up (24 pages of text and pictures a patient), and deleting them
        ourselves crashed PySide later, when the reader itself was deleted."""
        for document in self._documents.values():
            document.clear()  # its text, layout and pictures go; the object waits
            self._spare.append(document)
        self._documents.clear()

    def get(self, page: Page, key_label: str) -> QTextDocument:
        document = self._documents.get(page.slug)
        if document is None:
            if self._spare:
                document = self._spare.pop()
                # It keeps the width it was last shown at: setHtml would lay the new page
                # out there, and the reader again at its own width. With no size, Qt's
                # layout waits for the reader (one layout, not two).
                document.setPageSize(QSizeF(0, 0))
            else:
                document = QTextDocument(self._owner)
            if self._metrics is not None:
                font = QFont(self._family)
                font.setPixelSize(self._metrics.body_px)
                document.setDefaultFont(font)
                document.setDocumentMargin(self._metrics.mm(1))
            document.setDefaultStyleSheet(self._css)
            document.setHtml(page.html + key_point_html(page, key_label))
            self._documents[page.slug] = document
        return document


def key_point_html(page: Page, label: str) -> str:
    """The page's key point, in a highlighted box at its foot: the patient sees on the page
    what the printed summary will keep of it."""
    if not page.key_point.strip():
        return ""
    return (
        '<table width="100%" cellpadding="8" cellspacing="0"><tr><td class="callout">'
        f"<p><strong>{html.escape(label)}</strong> {html.escape(page.key_point)}</p>"
        "</td></tr></table>"
    )
