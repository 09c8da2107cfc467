"""Reader screen: one page of a topic at a time, in large type, turned by tap or swipe."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QUrl, Signal
from PySide6.QtGui import QFont, QFontMetrics, QFontMetricsF, QKeyEvent, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content import Page, Topic
from kiosk.i18n import fill
from kiosk.ui.reading.covered_pages import CoverTicker
from kiosk.ui.reading.page_documents import PageDocuments
from kiosk.ui.reading.page_nav import PageNav
from kiosk.ui.reading.page_view import PageView
from kiosk.ui.reading.read_aloud import ReadAloud
from kiosk.ui.screens.glossary_view import DefinitionPanel
from kiosk.ui.style.metrics import Metrics
from kiosk.ui.style.theme import Palette, document_css
from kiosk.ui.visit import Visit
from kiosk.ui.widgets.buttons import BigButton, make_label
from kiosk.ui.widgets.display_bar import display_controls
from kiosk.ui.widgets.overflow_bar import OverflowBar
from kiosk.ui.widgets.swipe import SwipeFilter

if TYPE_CHECKING:
    from kiosk.speech import Speaker

SWIPE_MM = 25
SHORT_SCREEN_MM = 110


class ReaderScreen(QWidget):
    home_requested = Signal()
    questions_requested = Signal()
    contents_requested = Signal()
    glossary_requested = Signal()
    quiz_requested = Signal()  # "Ai-je bien compris ?", at the end or back from a reread
    question_toggled = Signal(str)  # the patient tapped a suggested question on the page
    speaking_changed = Signal(bool)  # read-aloud playing: the idle clock waits
    page_covered = Signal(int)  # presenter mode: a page stayed on screen long enough

    def __init__(self, visit: Visit, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("screen")
        self.visit = visit
        self.session = visit.session  # read only: pages turn through the visit
        self.topic: Topic | None = None
        self._family = ""
        self._metrics: Metrics | None = None
        self._title_px = 0

        self.home_button = BigButton()
        self.contents_button = BigButton()  # presenter mode only
        self.contents_button.setVisible(False)
        self.display_button, self.display_bar = display_controls()
        self.glossary_button = BigButton()
        self.listen_button = BigButton()
        self.stop_button = BigButton()
        self.questions_button = BigButton(role="primary")
        self.quiz_button = BigButton()  # only while rereading a page from the quiz
        # One row, always: what does not fit goes behind "Plus" (most important kept).
        self.toolbar = OverflowBar(sheet_parent=self)
        for button, rank in (
            (self.contents_button, 1),  # presenter mode: the nurse's way around the topic
            (self.home_button, 2),
            (self.display_button, 3),
            (self.glossary_button, 5),
            (self.listen_button, 4),
            (self.stop_button, 2),
            (self.quiz_button, 0),
        ):
            self.toolbar.add(button, rank)
        self.toolbar.add(self.questions_button, 0, primary=True)
        # Sheets over the page: opening them never pushes the text away.
        self.display_bar.setParent(self)
        self.display_bar.setProperty("overlay", True)
        self.definition = DefinitionPanel(self)
        self.definition.setProperty("overlay", True)
        self.stop_button.setVisible(False)
        self.toolbar.set_wanted(self.stop_button, False)
        self.toolbar.set_wanted(self.contents_button, False)
        self.toolbar.set_wanted(self.quiz_button, False)

        self.page_title = make_label(role="title")
        self.view = PageView()
        self.body = self.view.text
        # Owned by the widget that shows them (see PageDocuments).
        self.documents = PageDocuments(self.body, self)
        self._blank = QTextDocument(self.body)  # shown while rendered pages are put aside
        self.body.anchorClicked.connect(self._on_link)
        self.view.question_toggled.connect(self.question_toggled)
        self.view.screen_changed.connect(self._refresh_controls)

        self.nav = PageNav()
        self.previous_button, self.next_button = self.nav.previous_button, self.nav.next_button
        self.progress_label, self.progress_bar = self.nav.progress_label, self.nav.progress_bar

        # Text sits in a centred column: lines of ~65 characters are easier to follow.
        self.column = QWidget()
        column_layout = QVBoxLayout(self.column)
        column_layout.setContentsMargins(0, 0, 0, 0)
        column_layout.addWidget(self.page_title)
        column_layout.addWidget(self.view, 1)
        self._column_layout = column_layout
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(self.column, 100)
        centred.addStretch(1)

        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.toolbar)
        self._layout.addLayout(centred, 1)
        self._layout.addWidget(self.nav)
        self.read_aloud = ReadAloud(
            self.listen_button,
            self.stop_button,
            self.toolbar,
            lambda: self.topic.language if self.topic else self.session.language,
            self,
        )
        self.read_aloud.speaking_changed.connect(self.speaking_changed)
        self.covers = CoverTicker(self)
        self.cover_timer = self.covers.timer
        self.covers.page_covered.connect(self.page_covered)

        self.swipe = SwipeFilter(min_distance_px=100, parent=self)
        for watched in (self.view, self.body.viewport()):
            watched.installEventFilter(self.swipe)
        self.swipe.swiped.connect(self.turn)
        self.home_button.clicked.connect(self.home_requested)
        self.questions_button.clicked.connect(self.questions_requested)
        self.contents_button.clicked.connect(self.contents_requested)
        self.quiz_button.clicked.connect(self.quiz_requested)
        self.glossary_button.clicked.connect(self.glossary_requested)
        self.listen_button.clicked.connect(self._on_listen)
        self.display_button.toggled.connect(self._place_sheets)
        self.definition.listen_requested.connect(self._speak)
        self.previous_button.clicked.connect(lambda: self.turn(-1))
        self.next_button.clicked.connect(self._on_next)
        for widget in (self, self.body, self.view, *self.findChildren(BigButton)):
            widget.installEventFilter(self)
        for sheet in (self.display_bar, self.definition):
            sheet.installEventFilter(self)
        self.set_question_count(0)
        self.retranslate()

    # Setup ----------------------------------------------------------------
    def retranslate(self) -> None:
        self.home_button.setText(self.tr("Accueil"))
        self.contents_button.setText(self.tr("Sommaire"))
        self.quiz_button.setText(self.tr("Retour au quiz"))
        self.display_button.setText(self.tr("Affichage"))
        self.display_button.setAccessibleDescription(
            self.tr("Taille du texte, contraste et langue")
        )
        self.glossary_button.setText(self.tr("Mots expliqués"))
        self.stop_button.setText(self.tr("Arrêter"))
        self.stop_button.setAccessibleName(self.tr("Arrêter la lecture à voix haute"))
        self.toolbar.retranslate()
        self.display_bar.retranslate()
        self.definition.retranslate()
        self.read_aloud.show_state()
        self.nav.retranslate()
        self.body.setAccessibleName(self.tr("Texte de la page"))
        self.view.retranslate()
        self._refresh_controls()

    def apply_style(self, m: Metrics, palette: Palette, family: str, render: bool = True) -> None:
        """New sizes or colours: re-render the page and stay on the same passage (not when
        only measuring the room these sizes leave: see body_room)."""
        anchor = self.view.current_key()
        self._metrics, self._family = m, family
        self._forget_documents()
        self.documents.configure(m, family, document_css(palette))
        # Rows made for the old sizes may keep old fonts until shown: make them afresh,
        # so the page is cut with the heights they will really have.
        self.view.forget_suggestions()
        margin = m.mm(8)
        self._layout.setContentsMargins(margin, m.mm(3), margin, m.mm(3))
        self._layout.setSpacing(m.gap_px)
        self.toolbar.apply_metrics(m)
        self.display_bar.apply_metrics(m)
        self.definition.apply_metrics(m)
        self.nav.apply_metrics(m)
        self._column_layout.setSpacing(m.gap_px)
        self.column.setMaximumWidth(m.body_px * 34)
        self.swipe.min_distance_px = m.mm(SWIPE_MM)
        self.view.apply_style(m, palette)
        if self.topic is not None and render:
            self.show_page()
            if anchor is not None:
                self._settle()
                self.view.go_to_key(anchor)

    def body_room(self, area: QRect) -> float:
        """Lay the reader out in ``area`` (even hidden) and return the height left for body
        lines on a page whose title is as tall as titles may be at these sizes."""
        m = self._metrics
        if m is None or area.isEmpty():
            return math.inf
        if self.size() != area.size():
            self.setGeometry(area)
        # A hidden reader gets no resize events: the bars choose their rows for this width
        # now, or the room is measured with rows left from another text size.
        self._mark_short_screen()
        self._lay_out_now()
        self.toolbar.arrange()
        self.nav.arrange()
        self._lay_out_now()
        # Whatever the page: its title takes one line, or two at the small size at most.
        font = QFont(self.page_title.font())
        font.setPixelSize(m.title_px)
        # (A label's line is its font's line spacing rounded up.)
        one_line = math.ceil(QFontMetricsF(font).lineSpacing())
        font.setPixelSize(m.small_px)
        worst_title = max(one_line, 2 * math.ceil(QFontMetricsF(font).lineSpacing()))
        return self.view.height() + self.page_title.height() - worst_title

    def _settle(self) -> None:
        """Apply pending layout now, so the page is cut for the size it will really have."""
        self._lay_out_now()
        self.view.paginate()

    def _lay_out_now(self) -> None:
        """Every widget of the reader at its place for the reader's size now. Layouts
        nested in a hidden widget follow its size on resize events, which it does not get:
        each is redone from the top."""
        for layout in (self._layout, self._column_layout):
            layout.invalidate()
            layout.activate()

    def show_topic(self, topic: Topic, keep_passage: bool = False) -> None:
        """Show the visit's page of a topic; ``keep_passage``: the same topic in another
        language, so stay on the passage the patient was reading, not the top of the page."""
        anchor = self.view.current_key() if keep_passage else None
        if self.topic is None or self.topic.id != topic.id:
            self.covers.forget()
        self.topic = topic
        self.view.forget_suggestions()
        self._forget_documents()
        self.nav.set_page_count(len(topic.pages))
        self.nav.quiz_next = topic.quiz is not None
        self.show_page()
        if anchor is not None:
            self._settle()
            self.view.go_to_key(anchor)

    def set_question_count(self, count: int) -> None:
        self.questions_button.setText(fill(self.tr("Mes questions (%1)"), str(count)))

    def sync_questions(self) -> None:
        """The patient's list changed elsewhere: update the count and the page's toggles."""
        questions = self.session.questions
        self.set_question_count(questions.count)
        self.view.sync_checked(set(questions.chosen_ids))

    def _forget_documents(self) -> None:
        """Delete the rendered pages (Python dropping them would not free the Qt objects)."""
        self.body.setDocument(self._blank)
        self.view.document = None
        self.documents.forget()
        self.view.illustrations.clear()  # a reload or a new theme draws them afresh

    def wipe(self) -> None:
        """A new patient starts at the top of the first page."""
        self._stop_speaking()
        self.definition.setVisible(False)
        self.display_button.setChecked(False)
        self.toolbar.close_sheet()
        self.set_rereading(False)
        self.covers.forget()
        self.topic = None
        self._forget_documents()
        self.view.forget_suggestions()
        self.view.items = []
        self.set_question_count(0)

    # Pages ----------------------------------------------------------------
    @property
    def current_page(self) -> Page | None:
        if self.topic is None:
            return None
        return self.topic.pages[self.session.page_index]

    def turn(self, step: int) -> None:
        """Next or previous screen of this page, then the next or previous page."""
        view = self.view
        target = view.screen_index + step
        if 0 <= target < view.screen_count:
            self._stop_speaking()
            self.definition.setVisible(False)
            view.show_screen(target)
            return
        self.visit.turn_page(step)  # the visit has the new page shown (show_page)

    def show_page(self, at_end: bool = False) -> None:
        page = self.current_page
        if page is None or self.topic is None:
            return
        self._stop_speaking()
        self.definition.setVisible(False)
        self.page_title.setText(page.title)
        self._fit_title()
        self.view.document = None  # the page going is not cut again for the new title
        self._column_layout.activate()  # a two-line title leaves less room: cut for that
        suggested = [q for qid in page.question_ids if (q := self.topic.question(qid))]
        chosen = set(self.session.questions.chosen_ids)
        document = self.documents.get(page, self.tr("À retenir :"))
        self.view.show_page(document, suggested, chosen, at_end, page.figures)
        if self.view.counting_only:
            return
        self._refresh_controls()
        if self.isVisible():  # else counted from when it is shown (showEvent)
            self.covers.page_shown(self.session.page_index)

    def set_presenter(self, on: bool) -> None:
        """Presenter mode: "Sommaire" in the top bar, and pages shown long enough ticked."""
        self.toolbar.set_wanted(self.contents_button, on)
        self.covers.set_presenter(on)
        if on and self.isVisible() and self.topic is not None:
            self.covers.page_shown(self.session.page_index)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.topic is not None:
            self.covers.page_shown(self.session.page_index)

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self.covers.hidden()  # a page under the Sommaire or the questions is not being read

    def _fit_title(self) -> None:
        """A long title shrinks (down to the small text size) to stay on one line, so the
        page text keeps its room: titles give way before body text does."""
        m = self._metrics
        if m is None:
            return
        font = QFont(self.page_title.font())
        font.setPixelSize(m.title_px)
        width = QFontMetrics(font).horizontalAdvance(self.page_title.text()) or 1
        room = self.column.contentsRect().width() or self.width()
        size = max(m.small_px, min(m.title_px, int(m.title_px * room * 0.97 / width)))
        if size != self._title_px:
            self._title_px = size
            self.page_title.setStyleSheet(f"font-size: {size}px;")

    @property
    def on_last_screen(self) -> bool:
        return self.session.on_last_page and self.view.screen_index >= self.view.screen_count - 1

    def _refresh_controls(self) -> None:
        if self.topic is None:
            return
        view = self.view
        self.nav.show_position(
            self.session.page_index, len(self.topic.pages), view.screen_index, view.screen_count
        )

    # Layout of the sheets ---------------------------------------------------
    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place_sheets()
        self._mark_short_screen()

    def _mark_short_screen(self) -> None:
        """On a short screen (a 7-inch landscape tablet) the top bar's primary button is
        15 mm high like the others; "Suivant" keeps its 20 mm."""
        m = self._metrics
        short = m is not None and self.height() < m.mm(SHORT_SCREEN_MM)
        if bool(self.questions_button.property("short")) != short:
            self.questions_button.setProperty("short", short)
            self.questions_button.style().unpolish(self.questions_button)
            self.questions_button.style().polish(self.questions_button)

    def _place_sheets(self) -> None:
        """The display sheet hangs under the top bar; a definition sits over the page's foot."""
        margins = self._layout.contentsMargins()
        width = self.width() - margins.left() - margins.right()
        top = self.toolbar.geometry().bottom() + self._layout.spacing()
        if self.display_bar.isVisible():
            height = min(self.display_bar.heightForWidth(width), self.height() - top)
            self.display_bar.setGeometry(margins.left(), top, width, height)
            self.display_bar.raise_()
        if self.definition.isVisible():
            column = self.column.geometry()
            height = min(self.definition.heightForWidth(column.width()), column.height())
            self.definition.setGeometry(
                column.x(), column.bottom() - height, column.width(), height
            )
            self.definition.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Left/Right turn pages wherever the focus is; buttons would move focus instead."""
        if watched in (self.display_bar, self.definition) and event.type() in (
            QEvent.Type.Show,
            QEvent.Type.LayoutRequest,
        ):
            self._place_sheets()  # shown or grown: fit it over the page again
            return False
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            step = {Qt.Key.Key_Right: 1, Qt.Key.Key_Left: -1}.get(Qt.Key(event.key()))
            if step is not None and event.modifiers() == Qt.KeyboardModifier.NoModifier:
                self.turn(step)
                return True
        return super().eventFilter(watched, event)

    def _on_next(self) -> None:
        if not self.on_last_screen:
            self.turn(1)
        elif self.topic is not None and self.topic.quiz is not None:
            self.quiz_requested.emit()
        else:
            self.questions_requested.emit()

    def set_rereading(self, on: bool) -> None:
        """A page opened from a quiz answer: "Retour au quiz" is the way back."""
        self.toolbar.set_wanted(self.quiz_button, on)

    # Read aloud ---------------------------------------------------------------
    @property
    def speaker(self) -> Speaker | None:
        return self.read_aloud.speaker

    def set_speaker(self, speaker: Speaker | None) -> None:
        self.read_aloud.set_speaker(speaker)

    def can_speak(self) -> bool:
        return self.read_aloud.can_speak()

    def _on_listen(self) -> None:
        page = self.current_page
        if page is None or self.topic is None:
            return
        # This screen's words; the first screen of a page starts with its title.
        title = f"{page.title}.\n" if self.view.screen_index == 0 else ""
        self.read_aloud.toggle(lambda: title + self.view.screen_text())

    def _speak(self, text: str) -> None:
        if self.topic is not None:
            self.read_aloud.speak(text)

    def _stop_speaking(self) -> None:
        self.read_aloud.stop()

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
                if page.slug == slug:
                    self.visit.go_to(page.number - 1)  # shown through the visit
                    return
