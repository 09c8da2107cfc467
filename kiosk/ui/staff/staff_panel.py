"""Staff panel: leave, switch mode, reload content, defaults, test page, and what staff
need to know (versions, configuration and content problems, last log lines, last crash).
Changes made here last until the app restarts; the configuration file is never rewritten.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QVBoxLayout, QWidget

from kiosk.i18n import language_name
from kiosk.ui.style.metrics import Metrics
from kiosk.ui.widgets.buttons import BigButton, Tile, TouchScrollArea, clear_layout, make_label
from kiosk.ui.widgets.flow_layout import FlowLayout


class StaffPanel(QWidget):
    quit_requested = Signal()
    mode_requested = Signal(str)
    reload_requested = Signal()
    language_chosen = Signal(str)
    topic_chosen = Signal(str)
    test_page_requested = Signal()
    update_requested = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("screen")
        self.title = make_label(self.tr("Espace du personnel"), "title")
        self.back_button = BigButton(self.tr("Retour au kiosque"), role="primary")
        self.quit_button = BigButton(self.tr("Quitter l'application"))
        self.mode_button = BigButton()
        self.reload_button = BigButton(self.tr("Recharger le contenu"))
        self.test_page_button = BigButton(self.tr("Imprimer une page de test"))
        self.update_button = BigButton(self.tr("Rechercher une mise à jour"))
        self.update_status = make_label()  # the content release and the last check
        self.status = make_label(role="message")
        self.info = QPlainTextEdit()
        self.info.setReadOnly(True)
        self.info.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.info.setAccessibleName(self.tr("Informations pour le personnel"))
        self._choices = QVBoxLayout()
        # As many per row as fit, whole labels. A FlowLayout (a Python QLayout) always
        # lives on a widget of its own: nested in another layout, PySide could free it twice.
        self._actions_box = QWidget()
        actions = FlowLayout(self._actions_box)
        for button in (
            self.back_button,
            self.quit_button,
            self.mode_button,
            self.reload_button,
            self.test_page_button,
            self.update_button,
        ):
            actions.addWidget(button)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        # The whole panel scrolls with a finger: on a small tablet it is taller than the screen.
        self.scroll_area = TouchScrollArea()
        inner = QWidget()
        inner.setObjectName("page")
        self.scroll_area.setWidget(inner)
        self.scroll_area.set_name(self.tr("Espace du personnel"))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)
        layout = QVBoxLayout(inner)
        layout.addLayout(top)
        layout.addWidget(self._actions_box)
        self._actions = actions
        layout.addLayout(self._choices)
        layout.addWidget(self.status)
        layout.addWidget(self.update_status)
        layout.addWidget(self.info)
        self._layout = layout
        self._mode = "kiosk"
        self._metrics: Metrics | None = None
        self.back_button.clicked.connect(self.closed)
        self.quit_button.clicked.connect(self.quit_requested)
        self.reload_button.clicked.connect(self.reload_requested)
        self.test_page_button.clicked.connect(self.test_page_requested)
        self.update_button.clicked.connect(self.update_requested)
        self.mode_button.clicked.connect(self._toggle_mode)

    def apply_metrics(self, m: Metrics) -> None:
        margin = m.mm(8)
        self._layout.setContentsMargins(margin, m.mm(5), margin, m.mm(5))
        self._layout.setSpacing(m.gap_px * 2)
        self._choices.setSpacing(m.gap_px)
        self._actions.set_gap(m.gap_px)
        self.info.setMinimumHeight(m.mm(60))
        self._metrics = m

    def show_state(
        self,
        mode: str,
        languages: list[str],
        topics: list[tuple[str, str]],
        info_lines: list[str],
    ) -> None:
        self._mode = mode
        self.mode_button.setText(
            self.tr("Passer en mode présentation")
            if mode == "kiosk"
            else self.tr("Passer en mode kiosque")
        )
        clear_layout(self._choices)
        language_box, topic_box = QWidget(), QWidget()
        language_row, topic_row = FlowLayout(language_box), FlowLayout(topic_box)
        for row in (language_row, topic_row):
            row.set_gap(self._metrics.gap_px if self._metrics else 8)
        self._choices.addWidget(make_label(self.tr("Langue par défaut :")))
        for language in languages:
            button = BigButton(language_name(language))
            button.clicked.connect(lambda _=False, lang=language: self.language_chosen.emit(lang))
            language_row.addWidget(button)
        self._choices.addWidget(language_box)
        self._choices.addWidget(make_label(self.tr("Sujet au démarrage :")))
        for topic_id, title in topics:
            tile = Tile(title, topic_id)  # a long title wraps inside its tile
            if self._metrics is not None:
                tile.apply_metrics(self._metrics)
            tile.clicked.connect(lambda _=False, tid=topic_id: self.topic_chosen.emit(tid))
            topic_row.addWidget(tile)
        self._choices.addWidget(topic_box)
        self.info.setPlainText("\n".join(info_lines))

    def wipe(self) -> None:
        """No patient text is ever here; the last staff message and the scroll position
        belong to the visit that ended with it."""
        self.set_status("")
        self.scroll_area.verticalScrollBar().setValue(0)

    def show_updates(self, enabled: bool, text: str) -> None:
        """Content updates: the button when a repository is configured, and where they are."""
        self.update_button.setEnabled(enabled)
        self.update_button.setText(
            self.tr("Rechercher une mise à jour")
            if enabled
            else self.tr("Mises à jour désactivées")
        )
        self.update_status.setText(text)

    def set_status(self, text: str) -> None:
        self.status.setText(text)

    def _toggle_mode(self) -> None:
        self.mode_requested.emit("presenter" if self._mode == "kiosk" else "kiosk")
