"""Reader screen: one page of a topic at a time, in large type, turned by tap or swipe."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QFont, QKeyEvent, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QVBoxLayout, QWidget

from kiosk.content import Page, Topic
from kiosk.session import Session
from kiosk.ui.metrics import Metrics
from kiosk.ui.page_view import PageView
from kiosk.ui.swipe import SwipeFilter
from kiosk.ui.theme import Palette, document_css
from kiosk.ui.widgets import BigButton, make_label

SWIPE_MM = 25


class ReaderScreen(QWidget):
    home_requested = Signal()
    questions_requested = Signal()
    contents_requested = Signal()
    question_toggled = Signal(str)  # the patient tapped a suggested question on the page
    page_shown = Signal(int)  # 0-based index

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("screen")
        self.session = session
        self.topic: Topic | None = None
        self._documents: dict[str, QTextDocument] = {}
        self._family = ""
        self._metrics: Metrics | None = None
        self._css = ""

        self.home_button = BigButton()
        self.topic_label = make_label(role="muted")
        self.questions_button = BigButton()
        self.contents_button = BigButton()  # presenter mode only
        self.contents_button.setVisible(False)
        top = QHBoxLayout()
        top.addWidget(self.home_button)
        top.addWidget(self.contents_button)
        top.addWidget(self.topic_label, 1)
        top.addWidget(self.questions_button)

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
        column_layout.addWidget(self.view, 1)
        column_layout.addWidget(self.more_cue)
        self._column_layout = column_layout
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(self.column, 100)
        centred.addStretch(1)

        self._layout = QVBoxLayout(self)
        self._layout.addLayout(top)
        self._layout.addLayout(centred, 1)
        self._layout.addLayout(bottom)
        self._bottom, self._top = bottom, top

        self.swipe = SwipeFilter(min_distance_px=100, parent=self)
        for viewport in (self.view.viewport(), self.body.viewport()):
            viewport.installEventFilter(self.swipe)
        self.swipe.swiped.connect(self.turn)
        self.home_button.clicked.connect(self.home_requested)
        self.questions_button.clicked.connect(self.questions_requested)
        self.contents_button.clicked.connect(self.contents_requested)
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
        self.previous_button.setText(self.tr("Précédent"))
        self._more_text = self.tr("La suite est plus bas : faites glisser le texte vers le haut")
        self.body.setAccessibleName(self.tr("Texte de la page"))
        self.view.retranslate()
        self._update_more_cue()
        self._refresh_controls()

    def apply_style(self, m: Metrics, palette: Palette, family: str) -> None:
        """New sizes or colours: forget rendered pages, they are rebuilt on demand."""
        self._metrics, self._family, self._css = m, family, document_css(palette)
        self._documents.clear()
        margin = m.mm(10)
        self._layout.setContentsMargins(margin, m.mm(5), margin, m.mm(5))
        self._layout.setSpacing(m.gap_px)
        self._top.setSpacing(m.gap_px * 2)
        self._bottom.setSpacing(m.gap_px * 3)
        self._column_layout.setSpacing(m.gap_px)
        self.column.setMaximumWidth(m.body_px * 34)
        self.swipe.min_distance_px = m.mm(SWIPE_MM)
        self.view.apply_style(m, palette)
        if self.topic is not None:
            self.show_page()

    def show_topic(self, topic: Topic) -> None:
        self.topic = topic
        self._documents.clear()
        self.topic_label.setText(topic.title)
        self.progress_bar.setRange(1, len(topic.pages))
        self.show_page()

    def set_question_count(self, count: int) -> None:
        self.questions_button.setText(self.tr("Mes questions (%1)").replace("%1", str(count)))

    def sync_questions(self) -> None:
        """The patient's list changed elsewhere: update the count and the page's toggles."""
        questions = self.session.questions
        self.set_question_count(questions.count)
        self.view.sync_checked(set(questions.chosen_ids))

    def wipe(self) -> None:
        """A new patient starts at the top of the first page."""
        self.topic = None
        self._documents.clear()
        self.view.show_suggestions([], set())
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
        self.page_title.setText(page.title)
        self.body.setDocument(self._document_for(page))
        self.body.fit_height()
        suggested = [q for qid in page.question_ids if (q := self.topic.question(qid))]
        self.view.show_suggestions(suggested, set(self.session.questions.chosen_ids))
        self.view.verticalScrollBar().setValue(0)
        self._refresh_controls()
        self.page_shown.emit(self.session.page_index)

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
        self.progress_bar.setValue(index + 1)
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

    def _on_link(self, url: QUrl) -> None:
        if url.scheme() == "page" and self.topic is not None:
            slug = url.path()
            for page in self.topic.pages:
                if page.slug == slug and self.session.go_to(page.number - 1):
                    self.show_page()
