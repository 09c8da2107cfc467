"""The sheet out of the kiosk, without words of its own (the screen says what happened): a
print dialog for staff at a desk and a PDF file named for what and when, never for whom."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

from kiosk import printing


def print_with_dialog(document: QTextDocument, paper: str, parent: QWidget) -> bool:
    """Staff or a nurse at a desk chooses the printer and copies; True once printed."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(printing.page_layout(paper))
    printer.setDocName(printing.JOB_NAME)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    printing.fit_to_paper(document, paper)
    document.print_(printer)
    return True


def save_pdf(document: QTextDocument, folder: Path, topic_id: str, paper: str) -> Path:
    """The sheet as ``resume-<topic>-<date-time>.pdf`` in ``folder``; OSError if it cannot."""
    stamp = datetime.now().strftime("%Y-%m-%d-%H%M%S")
    path = folder / f"resume-{topic_id}-{stamp}.pdf"
    folder.mkdir(parents=True, exist_ok=True)
    printing.write_pdf(document, path, paper)
    return path
