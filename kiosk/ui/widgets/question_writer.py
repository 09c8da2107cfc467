"""Where the patient writes a question in their own words: a field and a keyboard below it."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.i18n import fill
from kiosk.questions import MAX_LENGTH, clean_text
from kiosk.ui.style.metrics import Metrics
from kiosk.ui.widgets.buttons import BigButton, make_label
from kiosk.ui.widgets.keyboard import OnScreenKeyboard


class QuestionEditor(QPlainTextEdit):
    """Plain text only; Enter adds the question instead of starting a new line."""

    submitted = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setAcceptDrops(False)
        self.setFrameShape(QFrame.Shape.StyledPanel)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submitted.emit()
            return
        super().keyPressEvent(event)

    def createMimeDataFromSelection(self) -> QMimeData:
        # Copy and drag carry nothing: a patient's words never reach the system clipboard.
        return QMimeData()

    def insertFromMimeData(self, source: QMimeData) -> None:
        # Pasted rich text or HTML arrives as its plain text, on one line.
        self.insertPlainText(clean_text(source.text()))

    def wipe(self) -> None:
        self.clear()
        self.document().clearUndoRedoStacks()


class QuestionWriter(QWidget):
    submitted = Signal(str)  # the raw text; the screen validates and answers with a message
    cancelled = Signal()

    def __init__(self, layout_name: str = "azerty", parent: QWidget | None = None):
        super().__init__(parent)
        self.editor = QuestionEditor()
        self.counter = make_label(role="muted")
        self.message = make_label(role="message")
        self.cancel_button = BigButton()
        self.keyboard = OnScreenKeyboard(layout_name)
        self.keyboard.set_target(self.editor)

        # The field and "Retour" share a row, the counter and messages go under them: with
        # five rows of keys this still fits an 8-inch 1280x800 tablet at 160 dots per inch.
        field = QHBoxLayout()
        field.addWidget(self.editor, 1)
        field.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignTop)
        status = QHBoxLayout()
        status.addWidget(self.counter)
        status.addWidget(self.message, 1)
        self._field = field
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addLayout(field)
        self._layout.addLayout(status)
        self._layout.addStretch(1)
        self._layout.addWidget(self.keyboard)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)

        self.editing_index: int | None = None
        self.editor.textChanged.connect(self._update_counter)
        self.editor.submitted.connect(self._submit)
        self.keyboard.submitted.connect(self._submit)
        self.cancel_button.clicked.connect(self.cancelled)
        self.retranslate()

    def retranslate(self) -> None:
        editing = self.editing_index is not None
        self.editor.setPlaceholderText(
            self.tr("Modifiez votre question ici.")
            if editing
            else self.tr("Écrivez votre question ici, avec le clavier ci-dessous.")
        )
        self.editor.setAccessibleName(self.tr("Votre question"))
        self.cancel_button.setText(self.tr("Annuler") if editing else self.tr("Retour"))
        self.cancel_button.setAccessibleName(
            self.tr("Annuler") if editing else self.tr("Retour à mes questions")
        )
        self.keyboard.retranslate()
        if editing:
            self.keyboard.set_submit_text(self.tr("Enregistrer"))
        self._update_counter()

    def apply_metrics(self, m: Metrics) -> None:
        self._layout.setSpacing(m.gap_px)
        self._field.setSpacing(m.gap_px)
        # Two lines of body text: a long question wraps and scrolls inside the field.
        self.editor.setFixedHeight(round(m.ui_px * 1.3 * 2) + m.mm(4))
        self.keyboard.apply_metrics(m)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        spacing = self._layout.spacing()
        above = self._field.sizeHint().height() + self.counter.sizeHint().height()
        self.keyboard.fit_height(self.height() - above - 2 * spacing)

    def start_editing(self, index: int | None, text: str = "") -> None:
        self.editing_index = index
        self.editor.setPlainText(text)
        self.editor.document().clearUndoRedoStacks()
        self.editor.moveCursor(self.editor.textCursor().MoveOperation.End)
        self.show_message("")
        self.retranslate()
        self.editor.setFocus()

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    def wipe(self) -> None:
        self.editing_index = None
        self.editor.wipe()
        self.keyboard.reset()
        self.show_message("")
        self.retranslate()

    def _submit(self) -> None:
        self.submitted.emit(self.editor.toPlainText())

    def _update_counter(self) -> None:
        length = len(clean_text(self.editor.toPlainText()))
        self.counter.setText(fill(self.tr("%1 / %2 caractères"), str(length), str(MAX_LENGTH)))
        self.counter.setProperty("over", length > MAX_LENGTH)
        self.counter.style().polish(self.counter)
