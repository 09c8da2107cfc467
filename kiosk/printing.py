"""Printing and PDF: the summary as a QTextDocument on paper, through Qt's own printing.

The one module that talks to printers. No widgets (QtGui and QtPrintSupport only), so the
screen code and the tests can swap it. Print jobs carry a neutral name, never patient text.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from kiosk.summary import QR_RESOURCE, SUMMARY_CSS, qr_png

log = logging.getLogger(__name__)
JOB_NAME = "Kiosk summary"
MARGIN_MM = 12.0
PAPER_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}


class PrintFailure(Enum):
    NO_PRINTER = "no_printer"  # none configured, none installed, or the print service is down
    JOB_FAILED = "job_failed"


@dataclass(frozen=True)
class PrintResult:
    failure: PrintFailure | None = None
    printer: str = ""

    @property
    def ok(self) -> bool:
        return self.failure is None


def page_layout(paper: str) -> QPageLayout:
    size = QPageSize(PAPER_SIZES.get(paper, QPageSize.PageSizeId.A4))
    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
    return QPageLayout(size, QPageLayout.Orientation.Portrait, margins, QPageLayout.Unit.Millimeter)


def summary_document(html: str, family: str, qr_text: str | None) -> QTextDocument:
    document = QTextDocument()
    font = QFont(family)
    font.setPointSizeF(12)
    document.setDefaultFont(font)
    document.setDefaultStyleSheet(SUMMARY_CSS)
    if qr_text:
        image = QImage.fromData(qr_png(qr_text))
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(QR_RESOURCE), image)
    document.setHtml(html)
    return document


MAX_PAGES = 2
ANSWER_LINES = (2, 1, 0)  # room to write under each question, most generous first


def fitting_summary(
    build_html: Callable[[int], str], family: str, qr_text: str | None, paper: str
) -> QTextDocument:
    """The summary with as much room to write as fits on two pages."""
    for lines in ANSWER_LINES:
        document = summary_document(build_html(lines), family, qr_text)
        if fit_to_paper(document, paper) <= MAX_PAGES:
            break
    return document


def fit_to_paper(document: QTextDocument, paper: str) -> int:
    """Lay the document out on the printable area of the paper; return its page count.

    With a page size set, QTextDocument.print_ uses our margins instead of adding 2 cm.
    Points equal pixels at 72 dpi, the scale print_ applies.
    """
    rect = page_layout(paper).paintRectPoints()
    document.setPageSize(QSizeF(rect.width(), rect.height()))
    return document.pageCount()


def render_pages(document: QTextDocument, paper: str, width_px: int) -> list[QImage]:
    """Each paper page as an image of the given width: the on-screen preview is the print."""
    fit_to_paper(document, paper)
    layout = page_layout(paper)
    full = layout.fullRectPoints()
    paint = layout.paintRectPoints()
    scale = width_px / full.width()
    images = []
    for index in range(document.pageCount()):
        image = QImage(width_px, round(full.height() * scale), QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.scale(scale, scale)
        painter.translate(paint.left(), paint.top() - index * paint.height())
        clip = QRectF(0, index * paint.height(), paint.width(), paint.height())
        document.drawContents(painter, clip)
        painter.end()
        images.append(image)
    return images


def write_pdf(document: QTextDocument, path: Path, paper: str) -> None:
    writer = QPdfWriter(str(path))
    writer.setPageLayout(page_layout(paper))
    writer.setTitle(JOB_NAME)
    writer.setCreator("Kiosk")
    fit_to_paper(document, paper)
    document.print_(writer)
    del writer  # closes the file
    if not path.is_file():
        raise OSError(f"could not write {path.name}")


def available_printers() -> list[str]:
    return QPrinterInfo.availablePrinterNames()


def print_silently(document: QTextDocument, printer_name: str, paper: str) -> PrintResult:
    """Print without any dialog to the named printer, or the system default one."""
    names = available_printers()
    name = printer_name or QPrinterInfo.defaultPrinterName() or (names[0] if names else "")
    if not name or name not in names:
        log.warning("printing refused: printer %r not available (found %d)", name, len(names))
        return PrintResult(PrintFailure.NO_PRINTER, name)
    printer = QPrinter(QPrinterInfo.printerInfo(name), QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout(paper))
    printer.setDocName(JOB_NAME)
    printer.setCreator("Kiosk")
    fit_to_paper(document, paper)
    document.print_(printer)
    if printer.printerState() == QPrinter.PrinterState.Error:
        log.error("print job to %s failed", name)
        return PrintResult(PrintFailure.JOB_FAILED, name)
    log.info("summary printed on %s", name)
    return PrintResult(None, name)
