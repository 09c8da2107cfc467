"""'Mon résumé': a preview of exactly what prints, the QR code, print and PDF buttons."""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QDate, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from kiosk import printing
from kiosk.config import Settings
from kiosk.content import Topic
from kiosk.session import Session
from kiosk.summary import (
    QrPayload,
    ServiceInfo,
    SummaryLabels,
    build_summary_html,
    qr_caption,
    qr_payload,
    qr_png,
)
from kiosk.ui.metrics import Metrics
from kiosk.ui.widgets import BigButton, TouchScrollArea, make_label

log = logging.getLogger(__name__)
LOCALES = {"fr": QLocale.Language.French, "en": QLocale.Language.English}


class SummaryScreen(QWidget):
    back_requested = Signal()

    def __init__(self, session: Session, settings: Settings, family: str, parent=None):
        super().__init__(parent)
        self.setObjectName("screen")
        self.session, self.settings, self.family = session, settings, family
        self.document: QTextDocument | None = None
        self.qr: QrPayload | None = None
        self._metrics: Metrics | None = None
        self._preview_width = 0

        self.back_button = BigButton()
        self.title = make_label(role="title")
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.title, 1)

        self.preview = TouchScrollArea()
        pages = QWidget()
        pages.setObjectName("page")
        self._pages_layout = QVBoxLayout(pages)
        self.preview.setWidget(pages)
        self.page_labels: list[QLabel] = []

        self.qr_label = QLabel()
        self.qr_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_caption = make_label()
        self.print_button = BigButton(role="primary")
        self.pdf_button = BigButton()
        self.pdf_button.setVisible(settings.pdf_enabled)
        self.status = make_label(role="message")
        side = QVBoxLayout()
        for widget in (self.qr_label, self.qr_caption, self.print_button, self.pdf_button):
            side.addWidget(widget)
        side.addWidget(self.status)
        side.addStretch(1)
        self.side = QWidget()
        self.side.setObjectName("page")
        self.side.setLayout(side)
        # The code and the buttons scroll with a finger when the screen is short.
        self.side_scroll = TouchScrollArea()
        self.side_scroll.setWidget(self.side)

        # Sheet and code side by side; on a portrait screen, the code under the sheet.
        body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        body.addWidget(self.preview, 1)
        body.addWidget(self.side_scroll)
        self._layout = QVBoxLayout(self)
        self._layout.addLayout(top)
        self._layout.addLayout(body, 1)
        self._side_layout, self._body = side, body

        self.back_button.clicked.connect(self.back_requested)
        self.print_button.clicked.connect(self.print_summary)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.retranslate()

    def retranslate(self) -> None:
        self.back_button.setText(self.tr("Retour"))
        self.back_button.setAccessibleName(self.tr("Retour à mes questions"))
        self.title.setText(self.tr("Mon résumé"))
        self.print_button.setText(self.tr("Imprimer"))
        self.pdf_button.setText(self.tr("Enregistrer en PDF"))
        self.preview.set_name(self.tr("Aperçu de la feuille imprimée"))
        self.side_scroll.set_name(self.tr("Code et impression"))

    def apply_metrics(self, m: Metrics) -> None:
        self._metrics = m
        margin = m.mm(10)
        self._layout.setContentsMargins(margin, m.mm(5), margin, m.mm(5))
        self._layout.setSpacing(m.gap_px * 2)
        self._body.setSpacing(m.gap_px * 3)
        self._side_layout.setSpacing(m.gap_px * 2)
        self._pages_layout.setSpacing(m.gap_px * 2)
        self._arrange()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._arrange()

    def _arrange(self) -> None:
        """Landscape: the sheet beside a column with the code and the buttons. Portrait: the
        sheet across the width, the code and buttons under it."""
        m = self._metrics
        portrait = self.width() < self.height()
        self._body.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        self._body.setStretch(1, 1 if portrait else 0)
        if m is not None:
            if portrait:
                self.side_scroll.setMinimumWidth(0)
                self.side_scroll.setMaximumWidth(16_777_215)
            else:
                self.side_scroll.setFixedWidth(m.mm(90))
        width = self.preview.viewport().width()
        if self.document is not None and abs(width - self._preview_width) > 20:
            self._show_previews()  # the sheet's picture follows the room it has

    def labels(self) -> SummaryLabels:
        return SummaryLabels(
            prepared_on=self.tr("Résumé préparé le %1"),
            key_points=self.tr("À retenir"),
            tell_the_team=self.tr("À signaler à l'équipe"),
            my_questions=self.tr("Mes questions pour le médecin"),
            no_questions=self.tr("Vous n'avez pas choisi de question. Vous pouvez en écrire ici :"),
            answer=self.tr("Réponse :"),
            pages_covered=self.tr("Pages vues avec l'équipe"),
            qr_all=self.tr("Scannez ce code avec votre téléphone pour garder vos questions."),
            qr_partial=self.tr("Ce code contient vos %1 premières questions sur %2 (pas plus)."),
            service=self.tr("Service : %1"),
            phone=self.tr("Téléphone : %1"),
            footer=self.tr("Contenu version %1, relu le %2. Source : %3"),
        )

    # Building ---------------------------------------------------------------
    def show_summary(self, topic: Topic, pages_covered: list[str] | None = None) -> None:
        items = self.session.questions.items(topic)
        labels = self.labels()
        self.qr = qr_payload(topic.title, [item.text for item in items]) if items else None
        locale = QLocale(LOCALES.get(topic.language, QLocale.Language.French))
        date_text = locale.toString(QDate.currentDate(), "d MMMM yyyy")
        # Dates are written one way for patients: in words ("28 novembre 2026").
        reviewed = QDate.fromString(topic.reviewed, "yyyy-MM-dd")
        reviewed_text = locale.toString(reviewed, "d MMMM yyyy") if reviewed.isValid() else ""
        service = ServiceInfo(self.settings.service_name, self.settings.service_phone)
        self.document = printing.fitting_summary(
            lambda lines: build_summary_html(
                topic,
                items,
                date_text,
                service,
                labels,
                self.qr,
                pages_covered,
                lines,
                reviewed_text,
            ),
            self.family,
            self.qr.text if self.qr else None,
            self.settings.paper,
        )
        self._show_previews()
        self._show_qr(labels)
        self.set_status("")

    def _show_previews(self) -> None:
        for label in self.page_labels:
            label.deleteLater()
        self.page_labels = []
        if self.document is None:
            return
        self._layout.activate()  # the sheet's room as laid out now (portrait or not)
        self._preview_width = self.preview.viewport().width()
        width = max(300, self._preview_width - 8)
        for number, image in enumerate(
            printing.render_pages(self.document, self.settings.paper, width), start=1
        ):
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setAccessibleName(self.tr("Page %1 du résumé").replace("%1", str(number)))
            self._pages_layout.insertWidget(len(self.page_labels), label)
            self.page_labels.append(label)

    def _show_qr(self, labels: SummaryLabels) -> None:
        if self.qr is None or not self.qr.carried:
            self.qr_label.clear()
            self.qr_caption.setText(self.tr("Choisissez ou écrivez des questions pour les garder."))
            return
        size = self._metrics.mm(55) if self._metrics else 240
        image = QImage.fromData(qr_png(self.qr.text))
        self.qr_label.setPixmap(
            QPixmap.fromImage(image).scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio)
        )
        self.qr_label.setAccessibleName(self.tr("Code QR de vos questions"))
        self.qr_caption.setText(qr_caption(self.qr, labels))

    # Output -----------------------------------------------------------------
    def set_status(self, text: str) -> None:
        self.status.setText(text)

    def print_summary(self) -> None:
        if self.settings.windowed and self.document is not None:
            self._print_with_dialog()  # staff or a nurse at a desk: choose printer and copies
            return
        self.set_status(self.tr("Impression en cours…"))
        self.print_button.setEnabled(False)
        QTimer.singleShot(0, self._print_now)  # let the message show before the job runs

    def _print_now(self) -> None:
        try:
            if self.document is None:
                return
            result = printing.print_silently(
                self.document, self.settings.printer, self.settings.paper
            )
        finally:
            self.print_button.setEnabled(True)
        if result.ok:
            self.set_status(self.tr("C'est imprimé. Prenez votre feuille à l'imprimante."))
        else:
            self.set_status(
                self.tr(
                    "L'impression n'a pas marché. Ce n'est pas grave : scannez le code "
                    "avec votre téléphone, ou demandez de l'aide à l'accueil."
                )
            )

    def _print_with_dialog(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(printing.page_layout(self.settings.paper))
        printer.setDocName(printing.JOB_NAME)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted and self.document is not None:
            printing.fit_to_paper(self.document, self.settings.paper)
            self.document.print_(printer)
            self.set_status(self.tr("C'est imprimé. Prenez votre feuille à l'imprimante."))

    def save_pdf(self) -> None:
        folder = self.settings.pdf_dir
        if folder is None or self.document is None or self.session.topic_id is None:
            return
        # The file name says what and when, never who or what they asked.
        stamp = datetime.now().strftime("%Y-%m-%d-%H%M%S")
        path = folder / f"resume-{self.session.topic_id}-{stamp}.pdf"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            printing.write_pdf(self.document, path, self.settings.paper)
        except OSError as error:
            log.error("PDF export to %s failed: %s", folder, error.strerror)
            self.set_status(self.tr("Le PDF n'a pas pu être enregistré."))
            return
        log.info("summary saved as PDF in %s", folder)
        self.set_status(self.tr("PDF enregistré : %1").replace("%1", path.name))

    def wipe(self) -> None:
        for label in self.page_labels:
            label.clear()
            label.deleteLater()
        self.page_labels = []
        self.document = None
        self.qr = None
        self.qr_label.clear()
        self.qr_caption.clear()
        self.set_status("")
