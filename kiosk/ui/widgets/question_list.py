"""'Ma liste': the patient's chosen and own questions, each removable, own ones editable."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.i18n import fill
from kiosk.questions import ListItem
from kiosk.ui.style.metrics import Metrics
from kiosk.ui.widgets.buttons import BigButton, TouchScrollArea, make_label


class QuestionRow(QFrame):
    def __init__(self, number: int, item: ListItem, parent: QWidget | None = None):
        super().__init__(parent)
        self.item = item
        self.setProperty("role", "row")
        self.text_label = make_label(f"{number}. {item.text}")
        self.edit_button = BigButton(self.tr("Modifier")) if item.is_own else None
        self.remove_button = BigButton(self.tr("Retirer"))
        self.remove_button.setAccessibleName(fill(self.tr("Retirer : %1"), item.text))
        layout = QHBoxLayout(self)
        layout.addWidget(self.text_label, 1)
        if self.edit_button is not None:
            self.edit_button.setAccessibleName(fill(self.tr("Modifier : %1"), item.text))
            layout.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self._layout = layout

    def forget(self) -> None:
        """Clear the patient's words at once; the widget itself is deleted later."""
        self.hide()
        self.text_label.clear()
        for button in (self.edit_button, self.remove_button):
            if button is not None:
                button.setAccessibleName("")

    def apply_metrics(self, m: Metrics) -> None:
        pad = m.mm(3)
        self._layout.setContentsMargins(pad, pad, pad, pad)
        self._layout.setSpacing(m.gap_px * 2)


class QuestionListView(TouchScrollArea):
    remove_requested = Signal(object)  # ListItem
    edit_requested = Signal(object)  # ListItem

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        inner = QWidget()
        inner.setObjectName("page")
        self._layout = QVBoxLayout(inner)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.empty_label = make_label()
        self._layout.addWidget(self.empty_label)
        self._layout.addStretch(1)
        self.setWidget(inner)
        self.rows: list[QuestionRow] = []
        self._metrics: Metrics | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.set_name(self.tr("Ma liste de questions"))
        self.empty_label.setText(
            self.tr(
                "Votre liste est vide. Touchez une question proposée, "
                "ou écrivez la vôtre avec le clavier."
            )
        )

    def apply_metrics(self, m: Metrics) -> None:
        self._metrics = m
        self._layout.setSpacing(m.gap_px * 2)
        for row in self.rows:
            row.apply_metrics(m)

    def show_items(self, items: list[ListItem]) -> None:
        for row in self.rows:
            self._layout.removeWidget(row)
            row.forget()
            row.deleteLater()  # not now: we may be inside its own button's click handler
        self.rows = []
        for number, item in enumerate(items, start=1):
            row = QuestionRow(number, item)
            if self._metrics is not None:
                row.apply_metrics(self._metrics)
            row.remove_button.clicked.connect(lambda _=False, i=item: self.remove_requested.emit(i))
            if row.edit_button is not None:
                row.edit_button.clicked.connect(lambda _=False, i=item: self.edit_requested.emit(i))
            self._layout.insertWidget(self._layout.count() - 1, row)
            self.rows.append(row)
        self.empty_label.setVisible(not items)
