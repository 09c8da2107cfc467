"""A large row that toggles one suggested question on or off, with a clear checked state."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QWidget

from kiosk.ui.style.icons import pixmap
from kiosk.ui.style.metrics import Metrics
from kiosk.ui.style.theme import Palette
from kiosk.ui.widgets.buttons import EnterButton, make_label


class QuestionToggle(EnterButton):
    def __init__(self, question_id: str, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.question_id = question_id
        self.setCheckable(True)
        self.setProperty("role", "toggle")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.mark = QLabel()
        self.text_label = make_label(text)
        self.state_label = make_label(role="muted")
        self.state_label.setWordWrap(False)
        # The state goes under the question: the question keeps the row's whole width. One
        # grid, no nested layout: PySide 6.12 crashed deleting a toggle whose row held a
        # layout made in Python (a segfault in the bindings during deferred deletes).
        layout = QGridLayout(self)
        layout.addWidget(self.mark, 0, 0, 2, 1, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.text_label, 0, 1)
        layout.addWidget(self.state_label, 1, 1)
        layout.setColumnStretch(1, 1)
        for label in (self.mark, self.text_label, self.state_label):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._layout = layout
        self._icon_px = 32
        self._colour = "#000000"
        self.setAccessibleName(text)
        self.toggled.connect(self._refresh)
        self._refresh()

    def set_question(self, question_id: str, text: str) -> None:
        """Reused for another question (another topic or language)."""
        self.question_id = question_id
        self.text_label.setText(text)
        self.setAccessibleName(text)
        self.setChecked(False)

    def apply_style(self, m: Metrics, palette: Palette) -> None:
        pad = m.mm(4)
        self._layout.setContentsMargins(pad, pad, pad, pad)
        self._layout.setSpacing(m.gap_px * 2)
        self._icon_px = m.mm(8)
        self.mark.setFixedSize(self._icon_px, self._icon_px)
        self._colour = palette.primary if palette.name == "calm" else palette.text
        self.setMinimumHeight(m.touch_px)
        self._refresh()

    def _refresh(self) -> None:
        checked = self.isChecked()
        self.mark.setPixmap(pixmap("check" if checked else "plus", self._icon_px, self._colour))
        self.state_label.setText(self.tr("Ajoutée") if checked else self.tr("Ajouter"))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._layout.totalHeightForWidth(width)

    def sizeHint(self):
        return super().sizeHint().expandedTo(self._layout.sizeHint())
