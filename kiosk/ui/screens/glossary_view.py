"""Words explained: the definition panel a tapped term opens, and the whole glossary."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from kiosk.content import GlossaryEntry, Topic
from kiosk.i18n import fill
from kiosk.ui.style.metrics import Metrics
from kiosk.ui.widgets.buttons import BigButton, TouchScrollArea, make_label
from kiosk.ui.widgets.display_bar import display_controls, place_under


class DefinitionPanel(QFrame):
    """A large box under the page title: the word, what it means, listen, close."""

    listen_requested = Signal(str)  # text to read
    closed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setProperty("role", "definition")
        self.term = make_label(role="subtitle")
        self.definition = make_label()
        self.listen_button = BigButton()
        self.close_button = BigButton(role="primary")
        buttons = QHBoxLayout()
        buttons.addWidget(self.listen_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.term)
        layout.addWidget(self.definition)
        layout.addLayout(buttons)
        self._layout = layout
        self.entry: GlossaryEntry | None = None
        self.listen_button.clicked.connect(self._listen)
        self.close_button.clicked.connect(self.hide_definition)
        self.setVisible(False)
        self.retranslate()

    def retranslate(self) -> None:
        self.listen_button.setText(self.tr("Écouter"))
        self.listen_button.setAccessibleName(self.tr("Écouter la définition"))
        self.close_button.setText(self.tr("Fermer"))
        self.close_button.setAccessibleName(self.tr("Fermer la définition"))

    def apply_metrics(self, m: Metrics) -> None:
        pad = m.mm(4)
        self._layout.setContentsMargins(pad, pad, pad, pad)
        self._layout.setSpacing(m.gap_px)

    def show_entry(self, entry: GlossaryEntry, can_listen: bool) -> None:
        self.entry = entry
        self.term.setText(entry.term)
        self.definition.setText(entry.definition_text)
        self.setAccessibleName(fill(self.tr("Définition : %1"), entry.term))
        self.listen_button.setVisible(can_listen)
        self.setVisible(True)
        self.close_button.setFocus()

    def wipe(self) -> None:
        """Closed, and the word the last patient opened is gone from it."""
        self.setVisible(False)
        self.entry = None
        self.term.clear()
        self.definition.clear()
        self.setAccessibleName("")

    def hide_definition(self) -> None:
        self.setVisible(False)
        self.entry = None
        self.closed.emit()

    def _listen(self) -> None:
        if self.entry is not None:
            self.listen_requested.emit(f"{self.entry.term}. {self.entry.definition_text}")


class GlossaryScreen(QWidget):
    """Every word of the topic's glossary with its explanation, in a finger-scrolled list."""

    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("screen")
        self.back_button = BigButton()
        self.title = make_label(role="title")
        self.display_button, self.display_bar = display_controls()
        top = QHBoxLayout()  # the title has a row of its own: buttons keep their width
        top.addWidget(self.back_button)
        top.addWidget(self.display_button)
        top.addStretch(1)
        self.scroll_area = TouchScrollArea()
        self._layout = QVBoxLayout(self)
        self._layout.addLayout(top)
        self._layout.addWidget(self.title)
        self._layout.addWidget(self.scroll_area, 1)
        self.back_button.clicked.connect(self.back_requested)
        self.terms: list[str] = []
        self._pending: Topic | None = None  # a topic whose list is not built yet
        self._metrics: Metrics | None = None
        # "Affichage" is a sheet over the list of words: it never pushes them away.
        self.display_bar.setParent(self)
        self.display_bar.setProperty("overlay", True)
        self.display_bar.setVisible(False)
        self.display_button.toggled.connect(self._place_display)
        self.retranslate()

    def _place_display(self, _shown: bool = True) -> None:
        place_under(self.display_bar, self.back_button, self._layout.spacing())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place_display()

    def retranslate(self) -> None:
        self.back_button.setText(self.tr("Lecture"))
        self.back_button.setAccessibleName(self.tr("Retour à la lecture"))
        self.title.setText(self.tr("Les mots expliqués"))
        self.display_button.setText(self.tr("Affichage"))
        self.display_bar.retranslate()
        self.scroll_area.set_name(self.tr("Les mots expliqués"))

    def apply_metrics(self, m: Metrics) -> None:
        self._metrics = m
        margin = m.mm(8)
        self._layout.setContentsMargins(margin, m.mm(3), margin, m.mm(3))
        self._layout.setSpacing(m.gap_px)
        self.display_bar.apply_metrics(m)

    def wipe(self) -> None:
        """The next patient finds the list at its top, with the display sheet closed."""
        self.display_button.setChecked(False)
        self.scroll_area.verticalScrollBar().setValue(0)

    def show_topic(self, topic: Topic) -> None:
        """The topic's words, built when the list is first shown: opening a topic never
        waits for a list the patient may not open (a long glossary took seconds)."""
        self._pending = topic
        if self.isVisible():
            self._build()

    def showEvent(self, event: QShowEvent) -> None:
        self._build()
        super().showEvent(event)

    def _build(self) -> None:
        topic, self._pending = self._pending, None
        if topic is None:
            return
        inner = QWidget()
        inner.setObjectName("page")
        layout = QVBoxLayout(inner)
        self.terms = []
        for entry in topic.glossary:
            layout.addWidget(make_label(entry.term, "subtitle"))
            layout.addWidget(make_label(entry.definition_text))
            self.terms.append(entry.term)
        layout.addStretch(1)
        if self._metrics is not None:
            layout.setSpacing(self._metrics.gap_px)
        self.scroll_area.replace_content(inner)
