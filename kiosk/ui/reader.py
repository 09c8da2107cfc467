"""Reader screen: one page of a topic at a time, in large type, turned by tap or swipe."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QFont, QKeyEvent, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QVBoxLayout, QWidget

from kiosk.content import Page, Topic
from kiosk.session import Session
from kiosk.ui.display_bar import display_controls
from kiosk.ui.flow_layout import FlowLayout
from kiosk.ui.glossary_view import DefinitionPanel
from kiosk.ui.metrics import Metrics
from kiosk.ui.page_view import PageView
from kiosk.ui.swipe import SwipeFilter
from kiosk.ui.theme import Palette, document_css
from kiosk.ui.widgets import BigButton, make_label

if TYPE_CHECKING:
    from kiosk.speech import Speaker

SWIPE_MM = 25


class ReaderScreen(QWidget):
    home_requested = Signal()
    questions_requested = Signal()
    contents_requested = Signal()
    glossary_requested = Signal()
    question_toggled = Signal(str)  # the patient tapped a suggested question on the page
    speaking_changed = Signal(bool)  # read-aloud playing: the idle clock waits

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("screen")
        self.session = session
        self.topic: Topic | None = None
        self._documents: dict[str, QTextDocument] = {}
        self._blank = QTextDocument(self)  # shown while rendered pages are deleted
        self._family = ""
        self._metrics: Metrics | None = None
        self._css = ""

        self.home_button = BigButton()
        self.contents_button = BigButton()  # presenter mode only
        self.contents_button.setVisible(False)
        self.display_button, self.display_bar = display_controls()
        self.glossary_button = BigButton()
        self.listen_button = BigButton()
        self.stop_button = BigButton()
        self.questions_button = BigButton(role="primary")
        # A flowing toolbar: at A++ or on a narrow tablet, buttons wrap instead of clipping.
        self.toolbar = QWidget()
        top = FlowLayout(self.toolbar)
        for button in (
            self.home_button,
            self.contents_button,
            self.display_button,
            self.glossary_button,
            self.listen_button,
            self.stop_button,
            self.questions_button,
        ):
            top.addWidget(button)
        self.definition = DefinitionPanel()
        self.stop_button.setVisible(False)

        self.page_title = make_label(role="title")
        self.view = PageView()
        self.body = self.view.text
        self.body.anchorClicked.connect(self._on_link)
        self.view.question_toggled.connect(self.question_toggled)
        # The cue keeps its space when empty so the page does not jump when it appears.
        self.more_cue = make_label(role="muted")
        self.more_cue.setWordWrap(False)
        self.more_cue.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._more_text = ""
        scrollbar = self.view.verticalScrollBar()
        scrollbar.valueChanged.connect(self._update_more_cue)
        scrollbar.rangeChanged.connect(self._update_more_cue)

        self.previous_button = BigButton(role="primary")
        self.next_button = BigButton(role="primary")
        for button in (self.previous_button, self.next_button):
            button.setProperty("nav", True)
        self.progress_label = make_label()
        self.progress_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.progress_bar = QProgressBar()
        self.progress_bar.setTextVisible(False)
        progress = QVBoxLayout()
        progress.addWidget(self.progress_label)
        progress.addWidget(self.progress_bar)
        bottom = QHBoxLayout()
        bottom.addWidget(self.previous_button)
        bottom.addLayout(progress, 1)
        bottom.addWidget(self.next_button)

        # Text sits in a centred column: lines of ~65 characters are easier to follow.
        self.column = QWidget()
        column_layout = QVBoxLayout(self.column)
        column_layout.setContentsMargins(0, 0, 0, 0)
        column_layout.addWidget(self.page_title)
        column_layout.addWidget(self.definition)
        column_layout.addWidget(self.view, 1)
        column_layout.addWidget(self.more_cue)
        self._column_layout = column_layout
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(self.column, 100)
        centred.addStretch(1)

        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.toolbar)
        self._layout.addWidget(self.display_bar)
        self._layout.addLayout(centred, 1)
        self._layout.addLayout(bottom)
        self._bottom, self._top = bottom, top
        self.speaker: Speaker | None = None

        self.swipe = SwipeFilter(min_distance_px=100, parent=self)
        for viewport in (self.view.viewport(), self.body.viewport()):
            viewport.installEventFilter(self.swipe)
        self.swipe.swiped.connect(self.turn)
        self.home_button.clicked.connect(self.home_requested)
        self.questions_button.clicked.connect(self.questions_requested)
        self.contents_button.clicked.connect(self.contents_requested)
        self.glossary_button.clicked.connect(self.glossary_requested)
        self.listen_button.clicked.connect(self._on_listen)
        self.stop_button.clicked.connect(self._stop_speaking)
        self.definition.listen_requested.connect(self._speak)
        self.previous_button.clicked.connect(lambda: self.turn(-1))
        self.next_button.clicked.connect(self._on_next)
        for widget in (self, self.body, self.view, *self.findChildren(BigButton)):
            widget.installEventFilter(self)
        self.set_question_count(0)
        self.retranslate()

    # Setup ----------------------------------------------------------------
    def retranslate(self) -> None:
        self.home_button.setText(self.tr("Accueil"))
        self.contents_button.setText(self.tr("Sommaire"))
        self.display_button.setText(self.tr("Affichage"))
        self.display_button.setAccessibleDescription(
            self.tr("Taille du texte, contraste et langue")
        )
        self.glossary_button.setText(self.tr("Mots expliqués"))
        self.stop_button.setText(self.tr("Arrêter"))
        self.stop_button.setAccessibleName(self.tr("Arrêter la lecture à voix haute"))
        self.display_bar.retranslate()
        self.definition.retranslate()
        self._show_speech_state()
        self.previous_button.setText(self.tr("Précédent"))
        self._more_text = self.tr("La suite est plus bas : faites glisser le texte vers le haut")
        self.body.setAccessibleName(self.tr("Texte de la page"))
        self.view.retranslate()
        self._update_more_cue()
        self._refresh_controls()

    def apply_style(self, m: Metrics, palette: Palette, family: str) -> None:
        """New sizes or colours: forget rendered pages, they are rebuilt on demand."""
        self._metrics, self._family, self._css = m, family, document_css(palette)
        self._forget_documents()
        margin = m.mm(10)
        self._layout.setContentsMargins(margin, m.mm(5), margin, m.mm(5))
        self._layout.setSpacing(m.gap_px)
        self._top.set_gap(m.gap_px * 2)
        self.display_bar.apply_metrics(m)
        self.definition.apply_metrics(m)
        self._bottom.setSpacing(m.gap_px * 3)
        self._column_layout.setSpacing(m.gap_px)
        self.column.setMaximumWidth(m.body_px * 34)
        self.swipe.min_distance_px = m.mm(SWIPE_MM)
        self.view.apply_style(m, palette)
        if self.topic is not None:
            self.show_page()

    def show_topic(self, topic: Topic, page_index: int = 0) -> None:
        self.topic = topic
        self.view.forget_suggestions()
        self._forget_documents()
        self.progress_bar.setRange(1, len(topic.pages))
        self.session.page_index = page_index
        self.show_page()

    def set_question_count(self, count: int) -> None:
        self.questions_button.setText(self.tr("Mes questions (%1)").replace("%1", str(count)))

    def sync_questions(self) -> None:
        """The patient's list changed elsewhere: update the count and the page's toggles."""
        questions = self.session.questions
        self.set_question_count(questions.count)
        self.view.sync_checked(set(questions.chosen_ids))

    def _forget_documents(self) -> None:
        """Delete the rendered pages (Python dropping them would not free the Qt objects)."""
        self.body.setDocument(self._blank)
        for document in self._documents.values():
            document.deleteLater()
        self._documents.clear()

    def wipe(self) -> None:
        """A new patient starts at the top of the first page."""
        self._stop_speaking()
        self.definition.setVisible(False)
        self.display_button.setChecked(False)
        self.topic = None
        self._forget_documents()
        self.view.forget_suggestions()
        self.view.verticalScrollBar().setValue(0)
        self.set_question_count(0)

    # Pages ----------------------------------------------------------------
    @property
    def current_page(self) -> Page | None:
        if self.topic is None:
            return None
        return self.topic.pages[self.session.page_index]

    def turn(self, step: int) -> None:
        moved = self.session.next_page() if step > 0 else self.session.previous_page()
        if moved:
            self.show_page()

    def show_page(self) -> None:
        page = self.current_page
        if page is None or self.topic is None:
            return
        self._stop_speaking()
        self.definition.setVisible(False)
        self.page_title.setText(page.title)
        self.body.setDocument(self._document_for(page))
        self.body.fit_height()
        suggested = [q for qid in page.question_ids if (q := self.topic.question(qid))]
        self.view.show_suggestions(suggested, set(self.session.questions.chosen_ids))
        self.view.verticalScrollBar().setValue(0)
        self._refresh_controls()

    def _document_for(self, page: Page) -> QTextDocument:
        document = self._documents.get(page.slug)
        if document is None:
            document = QTextDocument(self)
            if self._metrics is not None:
                font = QFont(self._family)
                font.setPixelSize(self._metrics.body_px)
                document.setDefaultFont(font)
                document.setDocumentMargin(self._metrics.mm(1))
            document.setDefaultStyleSheet(self._css)
            document.setHtml(page.html)
            self._documents[page.slug] = document
        return document

    def _refresh_controls(self) -> None:
        if self.topic is None:
            return
        index, total = self.session.page_index, len(self.topic.pages)
        self.progress_label.setText(
            self.tr("Page %1 sur %2").replace("%1", str(index + 1)).replace("%2", str(total))
        )
        # setValue repaints at once; batch it with the rest of the page turn's paint.
        self.progress_bar.setUpdatesEnabled(False)
        self.progress_bar.setValue(index + 1)
        self.progress_bar.setUpdatesEnabled(True)
        self.progress_bar.setAccessibleName(self.progress_label.text())
        self.previous_button.setEnabled(not self.session.on_first_page)
        last = self.session.on_last_page
        self.next_button.setText(self.tr("Mes questions") if last else self.tr("Suivant"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Left/Right turn pages wherever the focus is; buttons would move focus instead."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            step = {Qt.Key.Key_Right: 1, Qt.Key.Key_Left: -1}.get(Qt.Key(event.key()))
            if step is not None and event.modifiers() == Qt.KeyboardModifier.NoModifier:
                self.turn(step)
                return True
        return super().eventFilter(watched, event)

    def _on_next(self) -> None:
        if self.session.on_last_page:
            self.questions_requested.emit()
        else:
            self.turn(1)

    def _update_more_cue(self) -> None:
        bar = self.view.verticalScrollBar()
        more_below = bar.maximum() > 0 and bar.value() < bar.maximum()
        self.more_cue.setText(self._more_text if more_below else " ")

    # Read aloud ---------------------------------------------------------------
    def set_speaker(self, speaker: Speaker | None) -> None:
        self.speaker = speaker
        if speaker is not None:
            speaker.state_changed.connect(self._show_speech_state)
        self._show_speech_state()

    def can_speak(self) -> bool:
        language = self.topic.language if self.topic else self.session.language
        return self.speaker is not None and self.speaker.can_speak(language)

    def _on_listen(self) -> None:
        speaker, page = self.speaker, self.current_page
        if speaker is None or page is None:
            return
        if speaker.state == "speaking":
            speaker.pause()
        elif speaker.state == "paused":
            speaker.resume()
        else:
            self._speak(f"{page.title}.\n{page.text}")

    def _speak(self, text: str) -> None:
        if self.speaker is not None and self.topic is not None:
            self.speaker.speak(text, self.topic.language)

    def _stop_speaking(self) -> None:
        if self.speaker is not None and self.speaker.state in ("speaking", "paused"):
            self.speaker.stop()

    def _show_speech_state(self, _state: str = "") -> None:
        available = self.can_speak()
        self.listen_button.setVisible(available)
        state = self.speaker.state if self.speaker is not None else "ready"
        self.stop_button.setVisible(available and state in ("speaking", "paused"))
        labels = {"speaking": self.tr("Pause"), "paused": self.tr("Reprendre")}
        self.listen_button.setText(labels.get(state, self.tr("Écouter")))
        self.listen_button.setAccessibleName(
            self.listen_button.text() if state in labels else self.tr("Écouter la page")
        )
        self.speaking_changed.emit(state == "speaking")

    def _on_link(self, url: QUrl) -> None:
        if self.swipe.last_was_drag:
            return  # the finger swiped or scrolled across a word: not a tap on it
        if url.scheme() == "term" and self.topic is not None:
            entry = self.topic.glossary_entry(url.path())
            if entry is not None:
                self.definition.show_entry(entry, self.can_speak())
            return
        if url.scheme() == "page" and self.topic is not None:
            slug = url.path()
            for page in self.topic.pages:
                if page.slug == slug and self.session.go_to(page.number - 1):
                    self.show_page()
