"""'Mes questions': suggested questions to tap, the patient's own words, and their list."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.content import Topic
from kiosk.content.model import Question, QuestionCategory
from kiosk.i18n import fill
from kiosk.questions import MAX_LENGTH, MAX_QUESTIONS, ListItem, Refusal, Removed, clean_text
from kiosk.ui.reading.question_toggle import QuestionToggle
from kiosk.ui.style.metrics import Metrics
from kiosk.ui.style.theme import Palette, button_border_px
from kiosk.ui.visit import Visit
from kiosk.ui.widgets.buttons import BigButton, TouchScrollArea, make_label
from kiosk.ui.widgets.display_bar import display_controls, place_under
from kiosk.ui.widgets.overflow_bar import OverflowBar
from kiosk.ui.widgets.question_list import QuestionListView
from kiosk.ui.widgets.question_writer import QuestionWriter
from kiosk.ui.widgets.undo_banner import UndoBanner

KEYBOARD_LAYOUTS = {"fr": "azerty", "en": "qwerty"}
TOGGLES_PER_STEP = 3  # rows made per turn of the event loop while the patient reads (~5 ms)
CONFIRM_GAP_MM = 10  # between "Non, revenir" and "Oui, terminer": at least 8 mm, with margin


class QuestionsScreen(QWidget):
    back_requested = Signal()
    end_requested = Signal()
    summary_requested = Signal()

    def __init__(self, visit: Visit, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("screen")
        self.visit = visit
        self.session = visit.session  # read only: the list changes through the visit
        self.topic: Topic | None = None
        self._metrics: Metrics | None = None
        self._palette: Palette | None = None

        self.back_button = BigButton()
        self.title = make_label(role="title")
        self.summary_button = BigButton(role="primary")
        self.end_button = BigButton()
        self.display_button, self.display_bar = display_controls()
        # One row: what does not fit goes behind "Plus"; "Terminer" and the summary stay.
        toolbar = OverflowBar(sheet_parent=self)
        for button, rank in ((self.back_button, 1), (self.display_button, 2), (self.end_button, 0)):
            toolbar.add(button, rank)
        toolbar.add(self.summary_button, 0, primary=True)
        self._tab_texts: dict[BigButton, tuple[str, str]] = {}  # long and short labels

        self.suggested_tab = BigButton()
        self.write_tab = BigButton()
        self.list_tab = BigButton()
        self.tab_group = QButtonGroup(self)
        tabs = QHBoxLayout()
        for tab in (self.suggested_tab, self.write_tab, self.list_tab):
            tab.setCheckable(True)
            tab.setProperty("tab", True)
            self.tab_group.addButton(tab)
            tabs.addWidget(tab, 1)
        self.status = make_label(role="message")
        self.status.setVisible(False)
        self.undo_banner = UndoBanner()

        self.suggested_view = TouchScrollArea()
        self._toggles: list[QuestionToggle] = []
        self._toggles_for: Topic | None = None  # the topic they were made for
        self._building: _Rows | None = None  # rows being made while the patient reads
        self._build_timer = QTimer(self, interval=0)
        self._build_timer.timeout.connect(self._make_some_later)
        self.writer = QuestionWriter()
        self.list_view = QuestionListView()
        self.confirm = self._build_confirm()
        self.stack = QStackedWidget()
        for page in (self.suggested_view, self.writer, self.list_view, self.confirm):
            self.stack.addWidget(page)
        self.stack.currentChanged.connect(self._show_header)

        # While writing, the header steps aside so the field and the keyboard fit together.
        self.header = QWidget()
        header_layout = QVBoxLayout(self.header)
        header_layout.setContentsMargins(0, 0, 0, 0)
        header_layout.addWidget(self.title)
        header_layout.addWidget(toolbar)
        header_layout.addLayout(tabs)
        header_layout.addWidget(self.status)
        header_layout.addWidget(self.undo_banner)
        self.stack.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.header)
        self._layout.addWidget(self.stack, 1)
        self._top, self._tabs, self._header_layout = toolbar, tabs, header_layout

        self.back_button.clicked.connect(self.back_requested)
        self.summary_button.clicked.connect(self.summary_requested)
        self.end_button.clicked.connect(self._ask_to_end)
        # Any other tap ends the chance to undo a removal: the banner speaks of the last one.
        for button in (self.back_button, self.summary_button, self.end_button):
            button.clicked.connect(self.undo_banner.dismiss)
        self.undo_banner.undo_requested.connect(self._on_undo)
        self.suggested_tab.clicked.connect(lambda: self.open_tab(self.suggested_view))
        self.write_tab.clicked.connect(lambda: self.open_tab(self.writer))
        self.list_tab.clicked.connect(lambda: self.open_tab(self.list_view))
        self.writer.submitted.connect(self._on_written)
        self.writer.cancelled.connect(self._on_edit_cancelled)
        self.list_view.remove_requested.connect(self._on_remove)
        self.list_view.edit_requested.connect(self._on_edit)
        # "Affichage" is a sheet over the list: it never pushes the questions away.
        self.display_bar.setParent(self)
        self.display_bar.setProperty("overlay", True)
        self.display_bar.setVisible(False)
        self.display_button.toggled.connect(self._place_display)
        self.retranslate()
        self.open_tab(self.suggested_view)

    def _build_confirm(self) -> QWidget:
        panel = QWidget()
        self.confirm_text = make_label(role="subtitle")
        # Keeping everything is the obvious choice; erasing is plain and well apart, so a
        # shaky finger aiming at "Non, revenir" never lands on "Oui, terminer".
        self.confirm_no = BigButton(role="primary")
        self.confirm_yes = BigButton()
        self._confirm_buttons = QHBoxLayout()
        self._confirm_buttons.addWidget(self.confirm_no)
        self._confirm_buttons.addWidget(self.confirm_yes)
        self._confirm_buttons.addStretch(1)
        layout = QVBoxLayout(panel)
        layout.addWidget(self.confirm_text)
        layout.addLayout(self._confirm_buttons)
        layout.addStretch(1)
        self.confirm_yes.clicked.connect(self.end_requested)
        self.confirm_no.clicked.connect(lambda: self.open_tab(self.list_view))
        return panel

    # Setup ----------------------------------------------------------------
    def retranslate(self) -> None:
        self.back_button.setText(self.tr("Lecture"))
        self.title.setText(self.tr("Mes questions"))
        self.end_button.setText(self.tr("Terminer"))
        self.display_button.setText(self.tr("Affichage"))
        self.display_bar.retranslate()
        self.summary_button.setText(self.tr("Mon résumé"))
        self._top.retranslate()
        self._tab_texts[self.suggested_tab] = (self.tr("Questions proposées"), self.tr("Proposées"))
        self._tab_texts[self.write_tab] = (self.tr("Écrire ma question"), self.tr("Écrire"))
        for tab, (long_text, _short) in self._tab_texts.items():
            tab.setAccessibleName(long_text)
        self.suggested_view.set_name(self.tr("Questions proposées"))
        self.confirm_text.setText(
            self.tr(
                "Voulez-vous terminer ? Vos questions seront effacées de cet écran. "
                "Pensez à imprimer votre résumé avant."
            )
        )
        self.confirm_yes.setText(self.tr("Oui, terminer"))
        self.confirm_no.setText(self.tr("Non, revenir"))
        self.writer.retranslate()
        self.writer.show_message("")  # "C'est noté" or a refusal, in the old language
        self.set_status("")
        self.undo_banner.retranslate()
        self.list_view.retranslate()
        self.refresh()

    def apply_style(self, m: Metrics, palette: Palette) -> None:
        self._metrics, self._palette = m, palette
        margin = m.mm(8)
        self._layout.setContentsMargins(margin, m.mm(3), margin, m.mm(3))
        self._layout.setSpacing(m.gap_px * 2)
        self._top.apply_metrics(m)
        self.display_bar.apply_metrics(m)
        self._header_layout.setSpacing(m.gap_px * 2)
        self._tabs.setSpacing(m.gap_px)
        self.writer.apply_metrics(m)
        self.list_view.apply_metrics(m)
        self.undo_banner.apply_metrics(m)
        self._confirm_buttons.setSpacing(m.mm(CONFIRM_GAP_MM))
        for toggle in self._toggles + (self._building.toggles if self._building else []):
            toggle.apply_style(m, palette)

    def show_topic(self, topic: Topic) -> None:
        """This topic's questions. Its suggested-question rows (~1.4 ms each) are not made
        on the tap that opened the topic: a few at a time while the patient reads, and
        whatever is left when the screen is first shown."""
        self.topic = topic
        self.writer.keyboard.set_layout(KEYBOARD_LAYOUTS.get(topic.language, "qwerty"))
        if self.isVisible():
            self._make_toggles()
        elif self._toggles_for is not topic:
            self._build_timer.start()
        self.refresh()

    @property
    def toggles(self) -> list[QuestionToggle]:
        """The suggested-question rows of the topic (made now if they were not yet)."""
        self._make_toggles()
        return self._toggles

    def showEvent(self, event) -> None:
        self._make_toggles()
        super().showEvent(event)

    def _make_toggles(self) -> None:
        """All of the topic's rows, now."""
        self._make_some(None)

    def _make_some_later(self) -> None:
        if not self._make_some(TOGGLES_PER_STEP):
            self._build_timer.stop()

    def _make_some(self, count: int | None) -> bool:
        """Make ``count`` more rows (None: all); True while some are left. Once all are
        made they are shown, grouped by category, ticked as the patient's list stands."""
        topic = self.topic
        if topic is None or self._toggles_for is topic:
            return False
        building = self._building
        if building is None or building.topic is not topic:  # another topic or language
            building = self._building = _Rows(topic, self)
        made = 0
        for category, question in building.items:
            if question is None:
                building.layout.addWidget(make_label(category.title, "subtitle"))
                continue
            toggle = QuestionToggle(question.id, question.text)
            if self._metrics is not None and self._palette is not None:
                toggle.apply_style(self._metrics, self._palette)
            toggle.clicked.connect(lambda _=False, q=question.id: self._on_toggle(q))
            building.layout.addWidget(toggle)
            building.toggles.append(toggle)
            made += 1
            if count is not None and made >= count:
                return True
        building.layout.addStretch(1)
        if self._metrics is not None:
            building.layout.setSpacing(self._metrics.gap_px * 2)
        self.suggested_view.replace_content(building.inner)
        building.inner.show()  # hidden while it was being made
        self._toggles, self._toggles_for, self._building = building.toggles, topic, None
        chosen = set(self.session.questions.chosen_ids)
        for toggle in self._toggles:
            toggle.setChecked(toggle.question_id in chosen)
        return False

    # State ------------------------------------------------------------------
    def open_tab(self, page: QWidget) -> None:
        self.undo_banner.dismiss()
        self.display_button.setChecked(False)  # the sheet belongs to the tab it was opened on
        self.stack.setCurrentWidget(page)
        tab = {self.suggested_view: self.suggested_tab, self.writer: self.write_tab}.get(
            page, self.list_tab
        )
        tab.setChecked(True)
        self.set_status("")
        if page is self.writer:
            self.writer.editor.setFocus()

    def _show_header(self) -> None:
        """While writing, the header steps aside for the field and the keyboard; while
        asked whether to end, the tabs do (the answer and "Mon résumé" stay on screen, also
        on a 7-inch tablet)."""
        page = self.stack.currentWidget()
        self.header.setVisible(page is not self.writer)
        for tab in (self.suggested_tab, self.write_tab, self.list_tab):
            tab.setVisible(page is not self.confirm)

    def refresh(self) -> None:
        questions = self.session.questions
        chosen = set(questions.chosen_ids)
        for toggle in self._toggles:  # only those made (see _make_toggles)
            toggle.setChecked(toggle.question_id in chosen)
        count = str(questions.count)
        self._tab_texts[self.list_tab] = (
            fill(self.tr("Ma liste (%1)"), count),
            fill(self.tr("Liste (%1)"), count),
        )
        self.list_tab.setAccessibleName(self._tab_texts[self.list_tab][0])
        self._fit_tabs()
        self.list_view.show_items(questions.items(self.topic))

    def _fit_tabs(self) -> None:
        """Whole labels always: the long ones where they fit, else the short ones."""
        gaps = self._tabs.spacing() * (len(self._tab_texts) - 1)
        margins = self._layout.contentsMargins()
        share = (self.width() - margins.left() - margins.right() - gaps) / 3
        m = self._metrics
        pad = 2 * (m.mm(3) + button_border_px(m) if m else 12)  # padding and border
        # Measure with the font the tabs get from the style sheet, not a shrunken one.
        font = QFont(self.suggested_tab.font())
        if self._metrics is not None:
            font.setPixelSize(self._metrics.ui_px)
        metrics = QFontMetrics(font)
        fits = all(
            metrics.horizontalAdvance(long_text) + pad <= share
            for long_text, _short in self._tab_texts.values()
        )
        for tab, (long_text, short_text) in self._tab_texts.items():
            tab.setText(long_text if fits else short_text)
        # Still too wide (a narrow screen at A++): the short labels get a smaller font.
        style = ""
        if not fits and self._metrics is not None:
            widest = max(metrics.horizontalAdvance(short) for _l, short in self._tab_texts.values())
            if widest + pad > share:
                px = max(12, int(self._metrics.ui_px * (share - pad) / widest))
                style = f"font-size: {px}px;"
        for tab in self._tab_texts:
            if tab.styleSheet() != style:
                tab.setStyleSheet(style)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_tabs()
        self._place_display()

    def _place_display(self, _shown: bool = True) -> None:
        place_under(self.display_bar, self._top, self._header_layout.spacing())

    def wipe(self) -> None:
        """Forget the patient: text, undo history, keyboard state, messages, scroll."""
        self.writer.wipe()
        self.set_status("")
        self.undo_banner.dismiss()  # and what it could have put back
        self.suggested_view.verticalScrollBar().setValue(0)
        self.refresh()
        self.open_tab(self.suggested_view)

    def set_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def refusal_text(self, refusal: Refusal, raw: str = "") -> str:
        if refusal is Refusal.EMPTY:
            return self.tr("Écrivez d'abord votre question.")
        if refusal is Refusal.TOO_LONG:
            return fill(
                self.tr("Votre question est un peu longue (%1 caractères). Raccourcissez-la à %2."),
                str(len(clean_text(raw))),
                str(MAX_LENGTH),
            )
        if refusal is Refusal.TOO_MANY:
            return fill(
                self.tr("Vous avez déjà %1 questions. Retirez-en une pour en ajouter une autre."),
                str(MAX_QUESTIONS),
            )
        return self.tr("Cette question est déjà dans votre liste.")

    # Handlers -------------------------------------------------------------
    def _ask_to_end(self) -> None:
        self.stack.setCurrentWidget(self.confirm)

    def _on_toggle(self, question_id: str) -> None:
        self.undo_banner.dismiss()
        refusal = self.visit.toggle_question(question_id)  # the visit has us refreshed
        self.set_status(self.refusal_text(refusal) if refusal else "")

    def _on_written(self, raw: str) -> None:
        index = self.writer.editing_index
        refusal = self.visit.write_question(raw, editing=index)
        if refusal is not None:
            self.writer.show_message(self.refusal_text(refusal, raw))
            return
        self.writer.wipe()
        if index is None:  # a new question: the field is free for the next one
            self.writer.show_message(self.tr("C'est noté : la question est dans votre liste."))
            return
        # An edit is finished: show the list with the question as it now reads.
        self.open_tab(self.list_view)
        self.set_status(self.tr("Votre question est enregistrée."))

    def _on_remove(self, item: ListItem) -> None:
        removed = self.visit.take_question(item)
        if removed is None:
            self.undo_banner.dismiss()
        else:
            self.undo_banner.offer(removed)

    def _on_undo(self, removed: Removed) -> None:
        refusal = self.visit.put_back_question(removed)
        self.set_status(self.refusal_text(refusal) if refusal else "")

    def _on_edit(self, item: ListItem) -> None:
        self.open_tab(self.writer)
        self.writer.start_editing(item.own_index, item.text)

    def _on_edit_cancelled(self) -> None:
        if self.writer.editing_index is not None:
            self.writer.wipe()  # drop the unsaved change; the draft of a new question stays
        self.open_tab(self.list_view)


class _Rows:
    """Suggested-question rows being made for a topic, a few at a time."""

    def __init__(self, topic: Topic, owner: QWidget):
        self.topic = topic
        # A hidden child of the screen until shown in its list: Qt deletes it with the
        # screen, never Python's garbage collector after the window is gone.
        self.inner = QWidget(owner)
        self.inner.hide()
        self.inner.setObjectName("page")
        self.layout = QVBoxLayout(self.inner)
        self.layout.setContentsMargins(0, 0, 0, 0)
        self.toggles: list[QuestionToggle] = []
        # A category's title, then its questions (None stands for the title).
        self.items: Iterator[tuple[QuestionCategory, Question | None]] = iter(
            [(c, q) for c in topic.categories for q in (None, *c.questions)]
        )
