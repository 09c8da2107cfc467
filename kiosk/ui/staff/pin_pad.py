"""A large PIN pad for staff. Digits are shown as dots; five wrong PINs lock it (PinGuard)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QBoxLayout, QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.i18n import fill
from kiosk.staff_pin import PinGuard
from kiosk.ui.style.metrics import Metrics
from kiosk.ui.widgets.buttons import BigButton, make_label

INACTIVITY_MS = 20_000  # an untouched PIN pad closes after this


class PinPadScreen(QWidget):
    accepted = Signal()
    cancelled = Signal()

    def __init__(self, guard: PinGuard, windowed: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("screen")
        self.guard, self.windowed = guard, windowed
        self._digits = ""
        self.title = make_label(role="title")
        self.dots = make_label(role="title")
        self.message = make_label(role="message")
        for label in (self.title, self.dots, self.message):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.keys: dict[str, BigButton] = {}
        grid = QGridLayout()
        for index, digit in enumerate("123456789"):
            grid.addWidget(self._key(digit), index // 3, index % 3)
        self.clear_key = BigButton()
        self.ok_key = BigButton(role="primary")
        grid.addWidget(self.clear_key, 3, 0)
        grid.addWidget(self._key("0"), 3, 1)
        grid.addWidget(self.ok_key, 3, 2)
        self.cancel_button = BigButton()
        for key in (*self.keys.values(), self.clear_key, self.ok_key):
            key.setProperty("compact", True)  # narrow keys keep their whole label
        self._grid = grid
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addLayout(grid)
        centred.addStretch(1)
        texts = QVBoxLayout()
        texts.addStretch(1)
        for widget in (self.title, self.dots, self.message):
            texts.addWidget(widget)
        texts.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignCenter)
        texts.addStretch(1)
        # Texts above the keys; on a short landscape screen, beside them.
        layout = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        layout.addStretch(1)
        layout.addLayout(texts)
        layout.addLayout(centred)
        layout.addStretch(1)
        self._layout, self._texts = layout, texts
        self._metrics: Metrics | None = None
        self.clear_key.clicked.connect(self.reset)
        self.ok_key.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.cancel)
        self._lock_timer = QTimer(self)
        self._lock_timer.setInterval(1000)
        self._lock_timer.timeout.connect(self._show_state)
        # A pad left open (the gesture made by accident, a patient walking away) closes by
        # itself: it must never stand between the next person and the last one's screen.
        self.inactivity_ms = INACTIVITY_MS
        self._inactivity = QTimer(self)
        self._inactivity.setSingleShot(True)
        self._inactivity.timeout.connect(self.cancel)
        self.retranslate()

    def _key(self, digit: str) -> BigButton:
        key = BigButton(digit)
        key.clicked.connect(lambda: self.press(digit))
        self.keys[digit] = key
        return key

    def retranslate(self) -> None:
        self.title.setText(self.tr("Code du personnel"))
        self.clear_key.setText(self.tr("Effacer"))
        self.ok_key.setText(self.tr("Valider"))
        self.cancel_button.setText(self.tr("Annuler"))
        self._show_state()

    def apply_metrics(self, m: Metrics) -> None:
        self._metrics = m
        self._grid.setSpacing(m.gap_px)
        self._layout.setSpacing(m.gap_px * 2)
        self._texts.setSpacing(m.gap_px)
        self._size_keys()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._size_keys()

    def _size_keys(self) -> None:
        """Keys as large as fit, between 15 and 20 mm high and at most 38 mm wide."""
        m = self._metrics
        if m is None:
            return
        margins = self._layout.contentsMargins()
        width = self.width() - margins.left() - margins.right()
        height = self.height() - margins.top() - margins.bottom()
        gap = self._grid.spacing()
        texts = self._texts.sizeHint().height()
        side_by_side = height - texts - gap * 2 < 4 * m.mm(15) + 3 * gap
        self._layout.setDirection(
            QBoxLayout.Direction.LeftToRight if side_by_side else QBoxLayout.Direction.TopToBottom
        )
        room_w = (width // 2 if side_by_side else width) - 2 * gap
        room_h = height if side_by_side else height - texts - gap * 2
        words = max(
            k.fontMetrics().horizontalAdvance(k.text()) for k in (self.clear_key, self.ok_key)
        )
        key_w = max(m.mm(15), min(m.mm(38), (room_w - 2 * gap) // 3))
        key_w = max(key_w, min(words + 2 * m.mm(1) + 4, (room_w - 2 * gap) // 3))
        key_h = max(m.mm(15), min(m.mm(20), (room_h - 3 * gap) // 4))
        for key in (*self.keys.values(), self.clear_key, self.ok_key):
            key.setFixedSize(key_w, key_h)

    def open(self) -> None:
        self.reset()
        self._lock_timer.start()

    def close_pad(self) -> None:
        """Stop the pad's clocks and forget what was typed."""
        self._lock_timer.stop()
        self._inactivity.stop()
        self._digits = ""
        self.message.setText("")

    def wipe(self) -> None:
        """Nothing typed stays, and no clock of a closed pad ticks on."""
        self.close_pad()

    def cancel(self) -> None:
        self.close_pad()
        self.cancelled.emit()

    def _touched(self) -> None:
        self._inactivity.start(self.inactivity_ms)

    def reset(self) -> None:
        self._digits = ""
        self._show_state()
        self._touched()

    def press(self, digit: str) -> None:
        if len(self._digits) < 12:
            self._digits += digit
        self._show_state()
        self._touched()

    def submit(self) -> None:
        digits, self._digits = self._digits, ""
        self._touched()
        if self.guard.attempt(digits):
            self.close_pad()
            self.accepted.emit()
            return
        self._show_state(wrong=self.guard.configured and self.guard.seconds_locked() == 0)

    def _show_state(self, wrong: bool = False) -> None:
        self.dots.setText("•" * len(self._digits) or " ")  # a glyph the bundled font has
        locked = self.guard.seconds_locked()
        if not self.guard.configured:
            text = self.tr(
                "Aucun code n'est réglé : l'accès du personnel n'est possible qu'en mode "
                "fenêtre (kiosk --windowed). Réglez un code avec « kiosk set-pin »."
            )
        elif locked:
            text = fill(self.tr("Trop d'essais. Réessayez dans %1 secondes."), str(locked))
        elif wrong:
            text = self.tr("Code incorrect.")
        else:
            text = ""
        self.message.setText(text)
        enabled = self.guard.configured and not locked
        for key in (*self.keys.values(), self.ok_key, self.clear_key):
            key.setEnabled(enabled)
