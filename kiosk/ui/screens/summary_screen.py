"""'Mon résumé': the sheet itself as it prints, its QR code, and printing that cannot go wrong.

The preview is the printed page, zoomed to the width it has and scrolled with a finger; at
the larger text sizes it takes the whole width, so it grows with them. The QR code has a
column (or a strip under the sheet) of its own that nothing covers; printing news is a
banner over the top of the sheet. One tap prints one sheet: the button waits while the job
is handed to the printer, a second copy needs "Imprimer encore", and there are at most
``max_prints`` a patient.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap, QTextDocument
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from kiosk import printing
from kiosk.config import Settings
from kiosk.content import Topic
from kiosk.i18n import fill
from kiosk.session import Session
from kiosk.summary import QrPayload, SummaryLabels, qr_caption, qr_payload
from kiosk.ui.screens.summary_output import print_with_dialog, save_pdf
from kiosk.ui.screens.summary_sheet import sheet_document
from kiosk.ui.style.metrics import Metrics
from kiosk.ui.widgets.buttons import BigButton, TouchScrollArea, make_label

log = logging.getLogger(__name__)

QR_SCREEN_MM = 45


class SummaryScreen(QWidget):
    back_requested = Signal()
    print_started = Signal()

    def __init__(
        self,
        session: Session,
        settings: Settings,
        family: str,
        parent=None,
        qr_for: Callable[[str, list[str]], QrPayload] = qr_payload,
    ):
        super().__init__(parent)
        self.setObjectName("screen")
        self.session, self.settings, self.family = session, settings, family
        self._qr_for = qr_for  # the window's: the code encoded ahead (summary_qr.QrAhead)
        self.document: QTextDocument | None = None
        self.qr: QrPayload | None = None
        self._metrics: Metrics | None = None
        self._preview_width = 0
        self._printing = False  # a job is being handed to the printer

        self.prints = 0  # sheets printed for this patient
        self.back_button = BigButton()
        self.title = make_label(role="title")
        self.print_button = BigButton(role="primary")
        self.pdf_button = BigButton()
        self.pdf_button.setVisible(settings.pdf_enabled)
        # One row when everything fits; else the title, then the buttons, get rows of their
        # own (a narrow portrait tablet at large text).
        self._top = QGridLayout()
        self._top_shape: tuple[bool, bool] | None = None

        self.preview = TouchScrollArea()
        pages = QWidget()
        pages.setObjectName("page")
        self._pages_layout = QVBoxLayout(pages)
        self._pages_layout.setContentsMargins(0, 0, 0, 0)
        self.preview.setWidget(pages)
        self.page_labels: list[QLabel] = []
        # Printing news, over the top of the sheet: never over the code, never moving it.
        self.status = make_label(role="banner", parent=self)
        self.status.setProperty("overlay", True)
        self.status.setVisible(False)

        self.qr_label = QLabel()
        self.qr_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_caption = make_label()
        self.qr_panel = QWidget()
        self.qr_panel.setObjectName("page")
        self._qr_layout = QBoxLayout(QBoxLayout.Direction.TopToBottom, self.qr_panel)
        self._qr_layout.setContentsMargins(0, 0, 0, 0)
        self._qr_layout.addWidget(self.qr_label, 0, Qt.AlignmentFlag.AlignTop)
        self._qr_layout.addWidget(self.qr_caption, 1, Qt.AlignmentFlag.AlignTop)

        # Sheet and code side by side; on a portrait screen, the code in a strip under it.
        body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        body.addWidget(self.preview, 1)
        body.addWidget(self.qr_panel)
        self._layout = QVBoxLayout(self)
        self._layout.addLayout(self._top)
        self._layout.addLayout(body, 1)
        self._body = body

        self.back_button.clicked.connect(self.back_requested)
        self.print_button.clicked.connect(self.print_summary)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.retranslate()

    def retranslate(self) -> None:
        self.back_button.setText(self.tr("Retour"))
        self.back_button.setAccessibleName(self.tr("Retour à mes questions"))
        self.title.setText(self.tr("Mon résumé"))
        self._show_print_button()
        self.pdf_button.setText(self.tr("Enregistrer en PDF"))
        self.preview.set_name(self.tr("Aperçu de la feuille imprimée"))
        self._arrange_top()  # other words, other widths

    def apply_metrics(self, m: Metrics) -> None:
        self._metrics = m
        margin = m.mm(10)
        self._layout.setContentsMargins(margin, m.mm(5), margin, m.mm(5))
        self._layout.setSpacing(m.gap_px * 2)
        self._body.setSpacing(m.gap_px * 3)
        self._qr_layout.setSpacing(m.gap_px * 2)
        self._pages_layout.setSpacing(m.gap_px * 2)
        self._show_qr_image()
        self._arrange()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._arrange()

    def _arrange(self) -> None:
        """Landscape at the usual text size: the sheet beside a column with the code and its
        caption. Portrait, or larger text: the sheet across the whole width, the code and its
        caption side by side in a strip under it."""
        m = self._metrics
        portrait = self.width() < self.height()
        if not portrait and self.session.text_scale > 0 and m is not None:
            # Larger text: the sheet takes the whole width when the strip under it still
            # leaves it a useful height (not on a short 7-inch landscape tablet).
            strip = self._qr_size() + 2 * m.gap_px
            portrait = self.height() - strip - m.mm(30) >= m.mm(60)
        self._body.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        self._qr_layout.setDirection(
            QBoxLayout.Direction.LeftToRight if portrait else QBoxLayout.Direction.TopToBottom
        )
        if m is not None:
            side = self._qr_size() + 2 * m.gap_px
            if portrait:
                self.qr_panel.setMinimumWidth(0)
                self.qr_panel.setMaximumWidth(16_777_215)
                self.qr_panel.setFixedHeight(side)
            else:
                self.qr_panel.setMinimumHeight(0)
                self.qr_panel.setMaximumHeight(16_777_215)
                self.qr_panel.setFixedWidth(max(side, m.mm(60)))
        self._arrange_top()
        self._layout.activate()
        width = self._sheet_width()
        if self.document is not None and abs(width - self._preview_width) > 20:
            self._show_previews()  # the sheet's picture follows the room it has
        self._place_status()

    def _arrange_top(self) -> None:
        margins = self._layout.contentsMargins()
        room = self.width() - margins.left() - margins.right()
        gap = self._top.horizontalSpacing()
        self.title.ensurePolished()
        title = self.title.fontMetrics().horizontalAdvance(self.title.text()) + gap
        buttons = [self.back_button, self.pdf_button, self.print_button]
        width = sum(b.sizeHint().width() + gap for b in buttons if not b.isHidden())
        shape = (width + title > room, width > room)
        if shape == self._top_shape:
            return
        self._top_shape = shape
        for widget in (self.back_button, self.title, self.pdf_button, self.print_button):
            self._top.removeWidget(widget)
        title_row, split = shape
        self._top.addWidget(self.back_button, 0, 0)
        self._top.addWidget(self.title, 1 if title_row else 0, 0 if title_row else 1, 1,
                            4 if title_row else 1)  # fmt: skip
        buttons_row = 2 if split else 0
        self._top.addWidget(self.pdf_button, buttons_row, 2)
        self._top.addWidget(self.print_button, buttons_row, 3)
        self._top.setColumnStretch(1, 1)

    def _qr_size(self) -> int:
        """The code on screen: 45 mm, so a phone reads it at arm's length."""
        return self._metrics.mm(QR_SCREEN_MM) if self._metrics else 240

    def _sheet_width(self) -> int:
        """The sheet zoomed to the width it has."""
        return max(300, self.preview.viewport().width() - 8)

    def _place_status(self) -> None:
        if not self.status.isVisible():
            return
        area = self.preview.geometry()
        height = self.status.heightForWidth(area.width())
        self.status.setGeometry(area.x(), area.y(), area.width(), height)
        self.status.raise_()

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
            qr_none=self.tr(
                "Vos questions sont trop longues pour un code lisible : "
                "elles sont sur cette feuille."
            ),
            questions_continued=self.tr("Mes questions pour le médecin (suite)"),
            care_team=self.tr("Équipe soignante : %1"),
            care_team_blank=self.tr("Équipe soignante :"),
            phone=self.tr("Téléphone : %1"),
            phone_blank=self.tr("Téléphone :"),
            footer=self.tr("Contenu version %1, relu le %2. Source : %3"),
        )

    # Building ---------------------------------------------------------------
    def show_summary(self, topic: Topic, pages_covered: list[str] | None = None) -> None:
        items = self.session.questions.items(topic)
        labels = self.labels()
        self.qr = self._qr_for(topic.title, [item.text for item in items]) if items else None
        self.document = sheet_document(
            topic, items, labels, self.qr, self.settings, self.family, pages_covered
        )
        self._show_previews()
        self._show_qr(labels)
        self.set_status("")
        self._show_print_button()

    def _show_previews(self) -> None:
        for label in self.page_labels:
            label.deleteLater()
        self.page_labels = []
        if self.document is None:
            return
        self._layout.activate()  # the sheet's room as laid out now (portrait or not)
        width = self._preview_width = self._sheet_width()
        for number, image in enumerate(
            printing.render_pages(self.document, self.settings.paper, width), start=1
        ):
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setAccessibleName(fill(self.tr("Page %1 du résumé"), str(number)))
            self._pages_layout.insertWidget(len(self.page_labels), label)
            self.page_labels.append(label)

    def _show_qr(self, labels: SummaryLabels) -> None:
        if self.qr is None:
            self.qr_caption.setText(self.tr("Choisissez ou écrivez des questions pour les garder."))
        else:
            self.qr_caption.setText(qr_caption(self.qr, labels))
        self._show_qr_image()

    def _show_qr_image(self) -> None:
        """The same code as on the sheet, whole, at the size a phone reads from arm's length."""
        if self.qr is None or not self.qr.carried:
            self.qr_label.clear()
            self.qr_label.setVisible(False)
            return
        size = self._qr_size()
        image = QImage.fromData(self.qr.png)
        self.qr_label.setPixmap(
            QPixmap.fromImage(image).scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio)
        )
        self.qr_label.setFixedSize(size, size)
        self.qr_label.setVisible(True)
        self.qr_label.setAccessibleName(self.tr("Code QR de vos questions"))

    # Output -----------------------------------------------------------------
    def set_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))
        self._place_status()

    def _show_print_button(self) -> None:
        """ "Imprimer", then "Imprimer encore" for a deliberate second copy; none past the
        limit (the staff set it: paper and privacy both)."""
        left = self.settings.max_prints - self.prints
        again = self.prints > 0
        self.print_button.setText(self.tr("Imprimer encore") if again else self.tr("Imprimer"))
        self.print_button.setEnabled(left > 0 and not self._printing)
        self._arrange_top()

    def print_summary(self) -> None:
        if self._printing or self.prints >= self.settings.max_prints or self.document is None:
            return
        if self.settings.windowed:
            self._print_with_dialog()  # staff or a nurse at a desk: choose printer and copies
            return
        self._printing = True
        self.print_started.emit()  # a second tap of a double tap is not a second copy
        self._show_print_button()
        self.set_status(self.tr("Impression en cours…"))
        QTimer.singleShot(0, self._print_now)  # let the message show before the job runs

    def _print_now(self) -> None:
        result = None
        try:
            if self.document is not None:
                result = printing.print_silently(
                    self.document, self.settings.printer, self.settings.paper
                )
        finally:
            self._printing = False
        if result is not None and result.ok:
            self.prints += 1
            self.set_status(self.tr("C'est imprimé. Prenez votre feuille à l'imprimante."))
        else:
            self.set_status(self._print_failed_text())
        self._show_print_button()

    def _print_failed_text(self) -> str:
        if self.qr is not None and self.qr.carried and self.settings.pdf_enabled:
            return self.tr(
                "L'imprimante ne répond pas. Ce n'est pas grave : scannez le code avec votre "
                "téléphone, ou enregistrez le PDF. Vous pouvez aussi demander de l'aide."
            )
        if self.qr is not None and self.qr.carried:
            return self.tr(
                "L'imprimante ne répond pas. Ce n'est pas grave : scannez le code avec votre "
                "téléphone, ou demandez de l'aide à l'accueil."
            )
        return self.tr(
            "L'imprimante ne répond pas. Ce n'est pas grave : demandez de l'aide à l'accueil."
        )

    def _print_with_dialog(self) -> None:
        if self.document is not None and print_with_dialog(
            self.document, self.settings.paper, self
        ):
            self.prints += 1
            self.set_status(self.tr("C'est imprimé. Prenez votre feuille à l'imprimante."))
            self._show_print_button()

    def save_pdf(self) -> None:
        folder = self.settings.pdf_dir
        if folder is None or self.document is None or self.session.topic_id is None:
            return
        try:
            path = save_pdf(self.document, folder, self.session.topic_id, self.settings.paper)
        except OSError as error:
            log.error("PDF export to %s failed: %s", folder, error.strerror)
            self.set_status(self.tr("Le PDF n'a pas pu être enregistré."))
            return
        log.info("summary saved as PDF in %s", folder)
        self.set_status(fill(self.tr("PDF enregistré : %1"), path.name))

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
        self.prints = 0
        self._printing = False
        self._show_print_button()
