"""Rendered pages for the reader: one QTextDocument per page, made on first show and kept
until the sizes, colours or topic change."""

from __future__ import annotations

import html

from PySide6.QtCore import QObject
from PySide6.QtGui import QFont, QTextDocument

from kiosk.content import Page
from kiosk.ui.metrics import Metrics


class PageDocuments(QObject):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._documents: dict[str, QTextDocument] = {}
        self._metrics: Metrics | None = None
        self._family = ""
        self._css = ""

    def configure(self, m: Metrics, family: str, css: str) -> None:
        """Sizes and colours for pages rendered from now on (forget() the others)."""
        self._metrics, self._family, self._css = m, family, css

    def forget(self) -> None:
        """Drop the rendered pages. Whoever shows one must have stopped showing it first.

        The documents have no Qt parent (no deleteLater(): a crash seen when deferred
        deletes ran) and are deleted here, at once: PySide keeps a reference to every
        document ever given to QTextEdit.setDocument(), so dropping ours alone never freed
        them (24 pages of text and pictures kept per patient)."""
        import shiboken6

        documents = list(self._documents.values())
        self._documents.clear()
        for document in documents:
            if shiboken6.isValid(document):
                shiboken6.delete(document)

    def get(self, page: Page, key_label: str) -> QTextDocument:
        document = self._documents.get(page.slug)
        if document is None:
            document = QTextDocument()
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
