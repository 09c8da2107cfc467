"""Home screen: one large tile per topic, in the session's language."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content import Topic
from kiosk.i18n import fill, language_name
from kiosk.ui.style.metrics import Metrics
from kiosk.ui.widgets.buttons import BigButton, Tile, TouchScrollArea, clear_layout, make_label
from kiosk.ui.widgets.flow_layout import FlowLayout


class HomeScreen(QWidget):
    topic_chosen = Signal(str)
    language_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("screen")
        self.setAccessibleName(self.tr("Accueil"))
        self.column = QWidget()
        self._layout = QVBoxLayout(self.column)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(self.column, 100)
        outer.addStretch(1)
        self.welcome = make_label(role="title")
        self.hint = make_label()
        self.language_label = make_label(role="muted")
        self.notice = make_label(role="message")  # why the topic being read is not here
        self.notice.setVisible(False)
        self._tiles_box = QWidget()
        self._tiles_layout = QVBoxLayout(self._tiles_box)
        self._tiles_layout.setContentsMargins(0, 0, 0, 0)
        self.scroll_area = scroll = TouchScrollArea()
        scroll.setWidget(self._tiles_box)
        self._languages_row = QWidget()
        self._languages = FlowLayout(self._languages_row)
        self.language_buttons: dict[str, BigButton] = {}
        for widget in (
            self.welcome,
            self.hint,
            self.notice,
            self.language_label,
            self._languages_row,
        ):
            self._layout.addWidget(widget)
        self._layout.addWidget(scroll, 1)
        self.tiles: list[Tile] = []
        self._metrics: Metrics | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.welcome.setText(self.tr("Bienvenue"))
        self.hint.setText(self.tr("Touchez un sujet pour commencer la lecture."))
        self.scroll_area.set_name(self.tr("Sujets"))

    def apply_metrics(self, m: Metrics) -> None:
        margin = m.mm(12)
        self._layout.setContentsMargins(margin, m.mm(12), margin, m.mm(8))
        # About 36 characters a line, yet never so narrow (small text on a 7-inch tablet)
        # that the language buttons no longer sit side by side.
        self.column.setMaximumWidth(max(m.body_px * 36, m.mm(120)))
        for tile in self.tiles:
            tile.apply_metrics(m)
        self._metrics = m
        self._layout.setSpacing(m.gap_px)
        self._tiles_layout.setSpacing(m.gap_px * 2)
        self._languages.set_gap(m.gap_px * 2)

    def show_topics(
        self, topics: list[Topic], language: str, languages: list[str], notice: str = ""
    ) -> None:
        """The topics in ``language``, that language selected; ``notice`` says why the
        topic being read is not among them (not offered in this language)."""
        self.notice.setText(notice)
        self.notice.setVisible(bool(notice))
        self.scroll_area.verticalScrollBar().setValue(0)
        for tile in self.tiles:
            tile.deleteLater()
        self.tiles = []
        while self._tiles_layout.count():
            self._tiles_layout.takeAt(0)
        for topic in topics:
            tile = Tile(topic.title, topic.description)
            if self._metrics is not None:
                tile.apply_metrics(self._metrics)
            tile.clicked.connect(lambda _=False, tid=topic.id: self.topic_chosen.emit(tid))
            self._tiles_layout.addWidget(tile)
            tile.setVisible(True)  # now, not on the next event loop turn: focus can land on it
            self.tiles.append(tile)
        self._tiles_layout.addStretch(1)
        name = language_name(language)
        self.language_label.setText(fill(self.tr("Langue : %1"), name))
        self.language_label.setVisible(len(languages) <= 1)  # else the buttons say it
        clear_layout(self._languages)
        self.language_buttons = {}
        for code in languages if len(languages) > 1 else []:
            button = BigButton(language_name(code))
            button.setCheckable(True)
            button.setProperty("tab", True)
            button.setChecked(code == language)
            button.clicked.connect(lambda _=False, c=code: self.language_chosen.emit(c))
            self._languages.addWidget(button)
            button.setVisible(True)
            self.language_buttons[code] = button

    def wipe(self) -> None:
        """Nothing of the last patient's choices: no selected language, no notice, no tiles
        (the next visit shows them afresh in its language)."""
        self.notice.clear()
        self.notice.setVisible(False)
        for button in self.language_buttons.values():
            button.setChecked(False)
        self.scroll_area.verticalScrollBar().setValue(0)
        focused = self.focusWidget()
        if focused is not None:
            focused.clearFocus()
