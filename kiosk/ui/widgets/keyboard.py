"""On-screen keyboard drawn by the app: large keys for a finger, French accents one tap away.

Keys never take focus, so the editor keeps its cursor and each tap types where the patient
last touched the text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QGridLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from kiosk.ui.style.metrics import Metrics
from kiosk.ui.style.theme import button_border_px

LETTER_ROWS = {
    "azerty": ("azertyuiop", "qsdfghjklm", "wxcvbn"),
    "qwerty": ("qwertyuiop", "asdfghjkl", "zxcvbnm"),
}
DIGITS = "1234567890"
PUNCTUATION = "',.?-"
ACCENTS = "éèêàâçùûôîïëœ"  # shown in both layouts: English-speaking patients meet French names
# Bottom row, in half-key widths: as wide as the accent row, the widest one.
SPECIAL_SPANS = {"shift": 4, "digits": 4, "space": 8, "backspace": 5, "submit": 5}
# The grid has half-key columns so shorter rows can sit centred, half a key in per missing key.
COLUMNS = 2 * len(ACCENTS)
REPEAT_DELAY_MS = 700  # a slow finger on "Effacer" must not delete two characters


def _make_key(parent: QWidget) -> QPushButton:
    key = QPushButton(parent)
    key.setProperty("key", True)
    key.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    key.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return key


class OnScreenKeyboard(QWidget):
    """Types into one QLineEdit or QPlainTextEdit; "Ajouter" emits ``submitted``."""

    submitted = Signal()

    def __init__(self, layout_name: str = "azerty", parent: QWidget | None = None):
        super().__init__(parent)
        self.layout_name = layout_name
        self._target: QLineEdit | QPlainTextEdit | None = None
        self._chars: dict[str, QPushButton] = {}  # lowercase character -> its key
        self._metrics: Metrics | None = None
        self._key_style = ""
        self._room = 0  # height the keyboard may take (0: as much as it needs)
        self._fit_when_shown = False
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        for column in range(COLUMNS):
            self._grid.setColumnStretch(column, 1)

        self.shift = _make_key(self)
        self.shift.setCheckable(True)
        self.shift.toggled.connect(self._show_case)
        # Digits share the top row with the accents: five rows of 15 mm keys, the field and
        # its buttons still fit on a 10-inch 1280x800 tablet (about 136 mm high).
        self.digits = _make_key(self)
        self.digits.setCheckable(True)
        self.digits.toggled.connect(self._show_digits)
        self.space = _make_key(self)
        self.space.clicked.connect(lambda: self._type(" "))
        self.backspace = _make_key(self)
        self.backspace.setAutoRepeat(True)
        self.backspace.setAutoRepeatDelay(REPEAT_DELAY_MS)
        self.backspace.clicked.connect(self._backspace)
        self.submit = _make_key(self)
        self.submit.setProperty("role", "primary")
        self.submit.clicked.connect(self.submitted)
        self._special = {
            "shift": self.shift,
            "digits": self.digits,
            "space": self.space,
            "backspace": self.backspace,
            "submit": self.submit,
        }
        bottom_row = len(LETTER_ROWS["azerty"]) + 1  # after accents (or digits) and letters
        column = 0
        for name, span in SPECIAL_SPANS.items():
            self._grid.addWidget(self._special[name], bottom_row, column, 1, span)
            column += span
        self.set_layout(layout_name)
        self.retranslate()

    # Setup ----------------------------------------------------------------
    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Clavier"))
        self.shift.setText(self.tr("Maj"))
        self.space.setText(self.tr("Espace"))
        self.backspace.setText(self.tr("Effacer"))
        self.set_submit_text(self.tr("Ajouter"))
        self._show_digits(self.digits.isChecked())
        for key in self._special.values():
            key.setAccessibleName(key.text())

    def set_submit_text(self, text: str) -> None:
        """The submit key says what it does ("Enregistrer" while editing a question)."""
        if self.submit.text() != text:
            self.submit.setText(text)
            self.submit.setAccessibleName(text)
            self._fit_keys()  # a longer word may need a smaller font to stay whole

    def apply_metrics(self, m: Metrics) -> None:
        self._metrics = m
        self._grid.setHorizontalSpacing(m.gap_px)
        self._grid.setVerticalSpacing(m.mm(3))  # rows 3 mm apart (the touch rule's minimum)
        self._key_style = ""
        self._fit_keys()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_keys()

    def showEvent(self, event) -> None:
        if self._fit_when_shown:
            self._fit_keys()
        super().showEvent(event)

    def fit_height(self, room: int) -> None:
        """The screen has this much height for the keys: on a short screen (a 7-inch
        landscape tablet) keys get shorter than 15 mm, down to 9 mm, so that all five rows
        stay on screen."""
        if room != self._room:
            self._room = room
            self._fit_keys()

    def _fit_keys(self) -> None:
        """Keys share the width; on a narrow (portrait) screen they get narrower than 15 mm
        (never shorter) and their words a smaller font, so every label stays whole."""
        m = self._metrics
        if m is None:
            return
        if not self.isVisible():
            # Restyling ~50 keys takes ~25 ms: a text-size change while the keyboard is on
            # another tab does it when the keyboard is next shown, before it is painted.
            self._fit_when_shown = True
            return
        self._fit_when_shown = False
        # The app's button padding (5 mm a side) would make the 13-key accent row wider than
        # a 1280 px screen, and the primary role would make "Ajouter" taller than its row.
        gap = self._grid.horizontalSpacing()
        half = (self.width() + gap) / COLUMNS  # one half-key column, with its share of gaps
        # Style sheet sizes are the label's: padding (sides only) and border come on top.
        border = 2 * button_border_px(m)
        frame = 2 * m.mm(1) + border
        font = QFont(self.font())
        font.setPixelSize(m.ui_px)
        font.setBold(True)
        metrics = QFontMetrics(font)
        scale = 1.0
        if self.width() > 0:
            for name, key in self._special.items():
                room = SPECIAL_SPANS[name] * half - gap - frame
                scale = min(scale, room / max(1, metrics.horizontalAdvance(key.text())))
            # A one-character key is two half-columns wide: its widest letter ("M", "œ").
            chars = "".join(self._chars) + "".join(self._chars).upper()
            widest = max(metrics.horizontalAdvance(char) for char in chars)
            scale = min(scale, (2 * half - gap - frame) / max(1, widest))
        size = max(10, min(m.ui_px, int(m.ui_px * scale)))
        min_width = min(m.touch_px, max(0, int(2 * half - gap) - frame))
        rows = len(LETTER_ROWS["azerty"]) + 2
        height = m.touch_px
        if self._room > 0:
            fit = (self._room - (rows - 1) * self._grid.verticalSpacing()) // rows - border
            height = max(m.mm(9) - border, min(m.touch_px, fit))  # 9 mm, border included
        style = (
            f'QPushButton[key="true"] {{ padding: 0 {m.mm(1)}px; font-size: {size}px;'
            f" min-width: {min_width}px; min-height: {height}px; max-height: {height}px; }}"
        )
        if style != self._key_style:
            self._key_style = style
            self.setStyleSheet(style)

    def set_layout(self, layout_name: str) -> None:
        if layout_name not in LETTER_ROWS:
            raise ValueError(f"unknown keyboard layout {layout_name!r}")
        self.layout_name = layout_name
        for key in self._chars.values():
            self._grid.removeWidget(key)
            key.hide()
            key.deleteLater()
        self._chars = {}
        # Punctuation ends the last letter row: one row less keeps the keyboard and the
        # field on a 1280x800 tablet together.
        *letters, last = LETTER_ROWS[layout_name]
        rows = ((ACCENTS, DIGITS), *((chars,) for chars in (*letters, last + PUNCTUATION)))
        placed = [(row, chars) for row, alternatives in enumerate(rows) for chars in alternatives]
        for row, chars in placed:
            first = len(ACCENTS) - len(chars)
            for index, char in enumerate(chars):
                key = _make_key(self)
                # Type what the key shows: label and input can never disagree.
                key.clicked.connect(lambda _=False, k=key: self._type(k.text()))
                self._grid.addWidget(key, row, first + 2 * index, 1, 2)
                self._chars[char] = key
        self._show_case(self.shift.isChecked())
        self._show_digits(self.digits.isChecked())

    def set_target(self, editor: QLineEdit | QPlainTextEdit | None) -> None:
        if self._target is not None:
            self._target.destroyed.disconnect(self._forget_target)
        self._target = editor
        if editor is not None:
            # A screen may delete its editor; a later tap must not reach a dead C++ object.
            editor.destroyed.connect(self._forget_target)

    def reset(self) -> None:
        self.shift.setChecked(False)
        self.digits.setChecked(False)

    def key_for(self, text: str) -> QPushButton:
        """The key that types ``text`` now (case matters), or a special key by name."""
        if text in self._special:
            return self._special[text]
        key = self._chars.get(text.lower())
        if key is None or key.text() != text or key.isHidden():
            raise KeyError(text)
        return key

    # Typing ---------------------------------------------------------------
    def _type(self, text: str) -> None:
        editor = self._target
        if editor is not None and not editor.isReadOnly():
            if isinstance(editor, QLineEdit):
                editor.insert(text)  # respects maxLength and validators
            else:
                editor.insertPlainText(text)
                editor.ensureCursorVisible()
        if text.isalpha() and self.shift.isChecked():
            self.shift.setChecked(False)  # one-shot: a capital, then back to lowercase

    def _backspace(self) -> None:
        editor = self._target
        if editor is None or editor.isReadOnly():
            return
        if isinstance(editor, QLineEdit):
            editor.backspace()
        else:
            cursor = editor.textCursor()
            cursor.deletePreviousChar()
            editor.setTextCursor(cursor)

    def _show_case(self, upper: bool) -> None:
        for char, key in self._chars.items():
            text = char.upper() if upper else char
            key.setText(text)
            key.setAccessibleName(text)
        # The app style sheet draws checked and unchecked buttons alike: while shift is on,
        # borrow the primary look so its state is unmistakable.
        self.shift.setProperty("role", "primary" if upper else "")
        self.shift.style().unpolish(self.shift)
        self.shift.style().polish(self.shift)

    def _show_digits(self, digits: bool) -> None:
        for char, key in self._chars.items():
            key.setVisible(digits if char in DIGITS else not digits or char not in ACCENTS)
        self.digits.setText(self.tr("éàç") if digits else self.tr("123"))
        self.digits.setAccessibleName(
            self.tr("Lettres accentuées") if digits else self.tr("Chiffres")
        )

    def _forget_target(self) -> None:
        self._target = None
