"""Printing and PDF: the summary as a QTextDocument laid out on paper.

The one module that talks to printers. No widgets (QtGui and QtPrintSupport only), so the
screen code and the tests can swap it. Print jobs carry a neutral name, never patient text.
Where CUPS's `lp` exists, the sheet is written as a PDF in memory and piped to it, asking
for the pdftocairo renderer: Qt's own job went through Ghostscript's ps2write, which turned
the fonts into Type 3 fonts without their text (pdftotext read "✁✂✄…"), and a stopped
queue looked like success. Elsewhere (Windows) Qt's printing is used.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from functools import partial
from pathlib import Path

from PySide6.QtCore import QByteArray, QMarginsF, QRectF, QSizeF, QUrl
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

from kiosk.content.model import Figure
from kiosk.summary import PICTURE_RESOURCE, PICTURE_WIDTH_PT, QR_RESOURCE, SUMMARY_CSS, qr_png

log = logging.getLogger(__name__)
JOB_NAME = "Kiosk summary"
MARGIN_MM = 10.0
PAPER_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}


class PrintFailure(Enum):
    NO_PRINTER = "no_printer"  # none configured, none installed, or the print service is down
    JOB_FAILED = "job_failed"


@dataclass(frozen=True)
class PrintResult:
    failure: PrintFailure | None = None
    printer: str = ""
    job_id: str = ""  # the CUPS request id ("Accueil-42") when the job was sent with lp

    @property
    def ok(self) -> bool:
        return self.failure is None


def page_layout(paper: str) -> QPageLayout:
    size = QPageSize(PAPER_SIZES.get(paper, QPageSize.PageSizeId.A4))
    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
    return QPageLayout(size, QPageLayout.Orientation.Portrait, margins, QPageLayout.Unit.Millimeter)


def summary_document(
    html: str, family: str, qr_text: str | None, picture: QImage | None = None
) -> QTextDocument:
    qr_image = QImage.fromData(qr_png(qr_text)) if qr_text else None
    return _sheet_document(html, family, qr_image, picture)


def _sheet_document(
    html: str, family: str, qr_image: QImage | None, picture: QImage | None
) -> QTextDocument:
    document = QTextDocument()
    font = QFont(family)
    font.setPixelSize(12)  # one unit is one point on paper (see SUMMARY_CSS)
    document.setDefaultFont(font)
    document.setDefaultStyleSheet(SUMMARY_CSS)
    images = ((QR_RESOURCE, qr_image), (PICTURE_RESOURCE, picture))
    for name, image in images:
        if image is not None:
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    document.setHtml(html)
    return document


PICTURE_DPI = 300


_pictures: dict[tuple[str, bytes], QImage | None] = {}


def sheet_picture(figure: Figure) -> QImage | None:
    """The topic's picture for paper, drawn at 300 dpi in its own (printable) colours, from
    the bytes checked when its page loaded (``Figure.data``): never the file as it is on
    disk now, which may have been replaced (by a broken or a giant picture) or removed.
    Kept while those bytes stay the same."""
    key = (figure.source, figure.data)
    if key not in _pictures:
        _pictures.clear()
        _pictures[key] = _draw_picture(figure)
    return _pictures[key]


def _draw_picture(figure: Figure) -> QImage | None:
    from urllib.parse import urlparse

    from PySide6.QtSvg import QSvgRenderer

    if not figure.data:
        return None
    if not urlparse(figure.source).path.lower().endswith(".svg"):
        image = QImage.fromData(figure.data)  # checked at load: at most 4096 px a side
        return None if image.isNull() else image
    text = figure.data.decode("utf-8-sig", errors="replace")  # as the reader draws it
    renderer = QSvgRenderer(QByteArray(text.encode("utf-8")))
    box = renderer.viewBoxF()
    if not renderer.isValid() or box.width() <= 0:
        return None
    width = round(PICTURE_WIDTH_PT / 72 * PICTURE_DPI)
    image = QImage(width, round(width * box.height() / box.width()), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


MIN_ANSWER_LINES = 2
ANSWER_LINES = (5, 4, 3, MIN_ANSWER_LINES)  # room to write under each question, most first


def fitting_summary(
    build_html: Callable[[int, int | None, bool], str],
    family: str,
    qr_png_bytes: bytes | None,
    paper: str,
    question_count: int,
    picture: QImage | None = None,
) -> QTextDocument:
    """One sheet with as much room to write as fits. When even two lines a question do not
    fit, the questions that do stay on page 1 (with the key points and the code beside
    them) and the others continue on page 2 under the same heading, never a question cut
    from its lines.

    ``build_html(answer_lines, first_page_questions, with_picture)`` gives the sheet.
    """
    qr_image = QImage.fromData(qr_png_bytes) if qr_png_bytes else None

    def sheet(lines: int, first: int | None, with_picture: QImage | None) -> QTextDocument:
        html = build_html(lines, first, with_picture is not None)
        return _sheet_document(html, family, qr_image, with_picture)

    # Room to write first, then the picture: it is the first thing left out. Fewer lines
    # only ever make a sheet shorter, so the most that fit is found by halving.
    for with_picture in (picture, None) if picture is not None else (None,):
        best = _most_lines_that_fit(partial(sheet, first=None, with_picture=with_picture), paper)
        if best is not None:
            return best
    for first in range(question_count - 1, 0, -1):
        candidate = sheet(MIN_ANSWER_LINES, first, None)
        if fit_to_paper(candidate, paper) <= 2:
            return candidate
    return sheet(MIN_ANSWER_LINES, None, None)


def _most_lines_that_fit(make: Callable[[int], QTextDocument], paper: str) -> QTextDocument | None:
    """The one-page sheet with the most answer lines, or None when even the fewest spill."""
    low, high = 0, len(ANSWER_LINES) - 1  # ANSWER_LINES runs from most to fewest
    found: QTextDocument | None = None
    while low <= high:
        middle = (low + high) // 2
        document = make(ANSWER_LINES[middle])
        if fit_to_paper(document, paper) == 1:
            found, high = document, middle - 1
        else:
            low = middle + 1
    return found


def fit_to_paper(document: QTextDocument, paper: str) -> int:
    """Lay the document out on the printable area of the paper; return its page count.

    With a page size set, QTextDocument.print_ uses our margins instead of adding 2 cm.
    Points equal pixels at 72 dpi, the scale print_ applies.
    """
    rect = page_layout(paper).paintRectPoints()
    size = QSizeF(rect.width(), rect.height())
    if document.pageSize() != size:  # setting it, even unchanged, lays the document out again
        document.setPageSize(size)
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
    """The summary as a PDF file: fonts embedded, with their map back to the text."""
    writer = QPdfWriter(str(path))
    _render_pdf(document, writer, paper)
    del writer  # closes the file
    if not path.is_file():
        raise OSError(f"could not write {path.name}")


def available_printers() -> list[str]:
    return QPrinterInfo.availablePrinterNames()


def print_silently(document: QTextDocument, printer_name: str, paper: str) -> PrintResult:
    """Print without any dialog to the named printer, or the system default one.

    Where CUPS's command-line tools are installed (Linux, macOS) the job is our own PDF piped
    to ``lp`` (see ``_print_with_lp``); elsewhere (Windows) Qt prints it.
    """
    tools = _cups_tools()
    if tools is not None:  # CUPS's own tools say which printers there are (and CUPS_SERVER)
        name = printer_name or _cups_default(tools[1])
        if not name:
            log.warning("printing refused: no printer named and no default printer")
            return PrintResult(PrintFailure.NO_PRINTER, name)
        return _print_with_lp(document, name, paper, *tools)
    names = available_printers()
    name = printer_name or QPrinterInfo.defaultPrinterName() or (names[0] if names else "")
    if not name or name not in names:
        log.warning("printing refused: printer %r not available (found %d)", name, len(names))
        return PrintResult(PrintFailure.NO_PRINTER, name)
    return _print_with_qt(document, name, paper)


def _cups_default(lpstat: str) -> str:
    """The system default destination ("system default destination: NAME"), or ""."""
    status, output, _ = _run_cups_tool([lpstat, "-d"])
    if status == 0 and ":" in output:
        name = output.split(":", 1)[1].strip()
        return name if name and " " not in name else ""
    return ""


# Helpers of write_pdf and print_silently ---------------------------------------------------
CUPS_TIMEOUT_S = 20
# Qt writes the fonts as CID TrueType with a ToUnicode map, so the PDF's text reads back. A
# PostScript queue (cups-pdf, a PostScript printer) has cups-filters' pdftops filter turn the
# PDF into PostScript, by default with Ghostscript's ps2write, which makes each CID font a
# Type 3 font with made-up glyph names (/a1, /a2…) and no Unicode; cups-pdf's Ghostscript then
# maps those names to Dingbats, and the sheet's text extracts as gibberish. pdftocairo keeps
# real fonts and the text. Queues that do not go through PostScript ignore this option.
LP_OPTIONS = (
    "document-format=application/pdf",
    "pdftops-renderer=pdftocairo",
    "sides=one-sided",  # as Qt sent it
)


def summary_pdf(document: QTextDocument, paper: str) -> bytes:
    """The summary as PDF bytes, made in memory: no file holds the patient's questions."""
    from PySide6.QtCore import QBuffer, QIODevice

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    _render_pdf(document, writer, paper)
    del writer  # finishes the PDF
    data = bytes(buffer.data().data())
    buffer.close()
    return data


def _render_pdf(document: QTextDocument, writer: QPdfWriter, paper: str) -> None:
    writer.setPageLayout(page_layout(paper))
    writer.setTitle(JOB_NAME)
    writer.setCreator("Kiosk")
    fit_to_paper(document, paper)
    document.print_(writer)


def _cups_tools() -> tuple[str, str] | None:
    """Paths of CUPS's ``lp`` and ``lpstat``, or None where printing goes through Qt."""
    import shutil
    import sys

    if sys.platform == "win32":
        return None
    lp, lpstat = shutil.which("lp"), shutil.which("lpstat")
    return (lp, lpstat) if lp and lpstat else None


def _print_with_lp(
    document: QTextDocument, name: str, paper: str, lp: str, lpstat: str
) -> PrintResult:
    """One CUPS job: our own PDF, written to ``lp``'s standard input."""
    import re

    status, state, _ = _run_cups_tool([lpstat, "-p", name])
    if status != 0:  # no such queue, or the scheduler is not running
        log.warning("printing refused: the print service does not know or answer for %s", name)
        return PrintResult(PrintFailure.NO_PRINTER, name)
    if re.search(r"^printer \S+ disabled", state, re.MULTILINE):
        # Queued now, the sheet would come out whenever someone restarts the printer, long
        # after the patient has gone: queue nothing and let the screen offer the QR code.
        log.warning("printing refused: printer %s is stopped; no job queued", name)
        return PrintResult(PrintFailure.JOB_FAILED, name)
    media = paper if paper in PAPER_SIZES else "A4"
    command = [lp, "-d", name, "-t", JOB_NAME, "-o", f"media={media}"]
    for option in LP_OPTIONS:
        command += ["-o", option]
    # The PDF goes through a pipe (lp reads standard input when given no file): the app
    # writes no file with the patient's questions, not even a temporary one. (CUPS spools
    # the job itself: see PreserveJobFiles in the README.)
    status, answer, errors = _run_cups_tool(command, summary_pdf(document, paper))
    if status != 0:  # e.g. a queue that rejects jobs
        log.error("print job to %s failed (lp: %s)", name, errors[:200] or f"status {status}")
        return PrintResult(PrintFailure.JOB_FAILED, name)
    found = re.search(r"request id is (\S+)", answer)
    job_id = found.group(1) if found else ""
    log.info("summary sent to %s as job %s", name, job_id or "(no id given)")
    return PrintResult(None, name, job_id)


def _run_cups_tool(command: list[str], data: bytes = b"") -> tuple[int, str, str]:
    """(exit status, output, error output) of a CUPS command; status -1 if it did not run."""
    import subprocess

    try:
        done = subprocess.run(
            command,
            input=data,
            capture_output=True,
            timeout=CUPS_TIMEOUT_S,
            env=_cups_tool_env(),
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        return -1, "", f"{Path(command[0]).name} did not run: {type(error).__name__}"
    output, errors = (raw.decode("utf-8", "replace").strip() for raw in (done.stdout, done.stderr))
    return done.returncode, output, errors


def _cups_tool_env() -> dict[str, str]:
    """The environment for a system tool: untranslated messages (we read them), and out of a
    PyInstaller bundle the machine's own libraries rather than the bundle's."""
    import os
    import sys

    env = dict(os.environ, LC_ALL="C")
    if getattr(sys, "frozen", False):
        original = env.pop("LD_LIBRARY_PATH_ORIG", None)
        if original is None:
            env.pop("LD_LIBRARY_PATH", None)
        else:
            env["LD_LIBRARY_PATH"] = original
    return env


def _print_with_qt(document: QTextDocument, name: str, paper: str) -> PrintResult:
    """Qt's own printing, where CUPS's tools are not there (Windows)."""
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
