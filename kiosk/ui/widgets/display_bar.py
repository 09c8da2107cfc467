"""Reading comfort controls: text size A / A+ / A++, high contrast, and the language."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QWidget

from kiosk.i18n import language_name
from kiosk.ui.style.metrics import TEXT_SCALES, Metrics
from kiosk.ui.widgets.buttons import BigButton, make_label
from kiosk.ui.widgets.flow_layout import FlowLayout

SIZE_LABELS = ("A", "A+", "A++")


def display_controls() -> tuple[BigButton, DisplayBar]:
    """The "Affichage" toggle and the bar it opens, for any reading screen."""
    button = BigButton()
    button.setCheckable(True)
    bar = DisplayBar()
    bar.setVisible(False)
    button.toggled.connect(bar.setVisible)
    bar.closed.connect(lambda: button.setChecked(False))
    # A sheet, not a setting screen: it closes as soon as the patient has chosen.
    for chosen in (bar.scale_chosen, bar.contrast_toggled, bar.language_chosen):
        chosen.connect(lambda *_: button.setChecked(False))
    return button, bar


def place_under(sheet: QWidget, anchor: QWidget, gap: int) -> None:
    """Hang a sheet over its screen, just under ``anchor`` (the screen's top bar), across
    the screen's width inside its margins: it covers the content, never pushes it."""
    parent = sheet.parentWidget()
    if parent is None or not sheet.isVisible():
        return
    layout = parent.layout()
    margins = layout.contentsMargins() if layout is not None else None
    left = margins.left() if margins is not None else 0
    right = margins.right() if margins is not None else 0
    width = max(0, parent.width() - left - right)
    top = anchor.mapTo(parent, anchor.rect().bottomLeft()).y() + gap
    height = min(sheet.heightForWidth(width), max(0, parent.height() - top))
    sheet.setGeometry(left, top, width, height)
    sheet.raise_()


class DisplayBar(QWidget):
    scale_chosen = Signal(int)  # index into TEXT_SCALES
    contrast_toggled = Signal(bool)
    language_chosen = Signal(str)
    closed = Signal()  # the sheet is put away (its "Affichage" button unticks)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setProperty("role", "sheet")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._flow = FlowLayout(self)
        self.size_label = make_label()
        self._flow.addWidget(self.size_label)
        self.size_buttons: list[BigButton] = []
        self._sizes = QButtonGroup(self)
        for index, text in enumerate(SIZE_LABELS[: len(TEXT_SCALES)]):
            button = BigButton(text)
            button.setCheckable(True)
            button.setProperty("tab", True)
            button.clicked.connect(lambda _=False, i=index: self.scale_chosen.emit(i))
            self._sizes.addButton(button)
            self._flow.addWidget(button)
            self.size_buttons.append(button)
        self.contrast_button = BigButton()
        self.contrast_button.setCheckable(True)
        self.contrast_button.setProperty("tab", True)
        self.contrast_button.toggled.connect(self.contrast_toggled)
        self._flow.addWidget(self.contrast_button)
        self.language_buttons: dict[str, BigButton] = {}
        self.retranslate()

    def set_languages(self, languages: list[str]) -> None:
        if list(self.language_buttons) == (languages if len(languages) > 1 else []):
            return
        for button in self.language_buttons.values():
            self._flow.removeWidget(button)
            button.deleteLater()
        self.language_buttons = {}
        for language in languages if len(languages) > 1 else []:
            button = BigButton(language_name(language))
            button.setCheckable(True)
            button.setProperty("tab", True)
            button.clicked.connect(lambda _=False, lang=language: self.language_chosen.emit(lang))
            self._flow.addWidget(button)
            self.language_buttons[language] = button

    def retranslate(self) -> None:
        self.size_label.setText(self.tr("Taille du texte :"))
        self.contrast_button.setText(self.tr("Contraste élevé"))
        names = (self.tr("Texte normal"), self.tr("Texte grand"), self.tr("Texte très grand"))
        for button, name in zip(self.size_buttons, names, strict=False):
            button.setAccessibleName(name)

    def apply_metrics(self, m: Metrics) -> None:
        self._flow.set_gap(m.gap_px * 2)
        pad = m.mm(3)
        self._flow.setContentsMargins(pad, pad, pad, pad)

    def wipe(self) -> None:
        """Closed, and showing the default text size and colours for the next patient."""
        self.closed.emit()
        self.setVisible(False)
        self.size_buttons[0].setChecked(True)
        self.contrast_button.blockSignals(True)
        self.contrast_button.setChecked(False)
        self.contrast_button.blockSignals(False)
        for button in self.language_buttons.values():
            button.setChecked(False)

    def show_state(self, scale_index: int, high_contrast: bool, language: str) -> None:
        self.size_buttons[scale_index].setChecked(True)
        self.contrast_button.blockSignals(True)
        self.contrast_button.setChecked(high_contrast)
        self.contrast_button.blockSignals(False)
        for code, button in self.language_buttons.items():
            button.setChecked(code == language)
