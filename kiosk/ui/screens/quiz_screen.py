"""'Ai-je bien compris ?': an ungraded teach-back check at the end of a topic.

One question at a time, each answer a large tile. Nothing is scored or kept beyond the
session: a right answer says so with its one-line explanation; a wrong one shows the right
answer and offers to reread its page or to add a related question to "Mes questions".
The patient may leave at any moment ("Passer").
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QVBoxLayout,
    QWidget,
)

from kiosk.content import Topic
from kiosk.content.quiz import MAX_OPTIONS, Quiz, QuizItem
from kiosk.i18n import fill
from kiosk.ui.style.metrics import Metrics
from kiosk.ui.visit import Visit
from kiosk.ui.widgets.buttons import BigButton, Tile, TouchScrollArea, make_label

INTRO = -1


class QuizScreen(QWidget):
    skip_requested = Signal()  # leave the quiz: to "Mes questions"
    reread_requested = Signal(str)  # a page's slug
    question_add_requested = Signal(str)  # a suggested question's id
    step_changed = Signal()  # another question is shown: a double tap must not answer it
    answered = Signal(str, bool)  # item id, right: for the anonymous figures, never kept here

    def __init__(self, visit: Visit, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("screen")
        self.visit = visit
        self.session = visit.session  # read only: changes go through the visit
        self.quiz: Quiz | None = None
        self.topic: Topic | None = None
        self._metrics: Metrics | None = None

        self.skip_button = BigButton()
        self.progress_label = make_label(role="subtitle")
        self.progress_label.setWordWrap(False)
        self.title = make_label(role="title")
        # One row when it fits, so the question has the rest of the screen; else the
        # title gets a row of its own under the buttons.
        self._top = QGridLayout()
        self._top_narrow: bool | None = None
        self.prompt = make_label(role="subtitle")

        self.body = QWidget()
        self.body.setObjectName("page")
        self._body_layout = QVBoxLayout(self.body)
        self._body_layout.setContentsMargins(0, 0, 0, 0)
        self.scroll_area = TouchScrollArea()
        self.scroll_area.replace_content(self.body)
        # A fixed set of answer tiles, reused for every question: deleting widgets between
        # questions crashed PySide (a wrapper freed twice during deferred deletes).
        self._tiles = [Tile("", "", compact=True) for _ in range(MAX_OPTIONS)]
        self.option_tiles: list[Tile] = []  # the tiles of the question shown
        self.feedback = QFrame()  # a call-out box under the answers
        self.feedback.setProperty("role", "feedback")
        self._feedback_layout = feedback_layout = QVBoxLayout(self.feedback)
        self.verdict = make_label(role="subtitle")
        self.explanation = make_label()
        self.reread_button = BigButton()
        self.add_button = Tile("", "", compact=True)  # the question's text wraps
        for widget in (self.verdict, self.explanation, self.add_button):
            feedback_layout.addWidget(widget)
        self._options_layout = QVBoxLayout()
        for number, tile in enumerate(self._tiles):
            tile.setVisible(False)
            tile.clicked.connect(lambda _=False, n=number: self._answer(n))
            self._options_layout.addWidget(tile)
        # Answers, then the feedback: side by side on a landscape screen, so the patient
        # sees the answer they tapped beside what it means; one under the other in portrait.
        question = QVBoxLayout()
        question.setContentsMargins(0, 0, 0, 0)
        question.addWidget(self.prompt)
        question.addLayout(self._options_layout)
        question.addStretch(1)
        self._question_layout = question
        self._columns = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self._columns.addLayout(question, 1)
        self._columns.addWidget(self.feedback, 1, Qt.AlignmentFlag.AlignTop)
        self._body_layout.addLayout(self._columns)
        self._body_layout.addStretch(1)

        self.start_button = BigButton(role="primary")
        self.next_button = BigButton(role="primary")
        self.questions_button = BigButton(role="primary")
        # "Relire la page" and the way on share a row, or stack when they do not fit.
        foot = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        foot.addWidget(self.reread_button)
        foot.addStretch(1)
        for button in (self.start_button, self.next_button, self.questions_button):
            foot.addWidget(button)
        self._foot = foot

        self._layout = QVBoxLayout(self)
        self._layout.addLayout(self._top)
        self._layout.addWidget(self.scroll_area, 1)
        self._layout.addLayout(self._foot)

        self.skip_button.clicked.connect(self.skip_requested)
        self.questions_button.clicked.connect(self.skip_requested)
        self.start_button.clicked.connect(lambda: self._go_to(0))
        self.next_button.clicked.connect(lambda: self._go_to(self.session.quiz_index + 1))
        self.reread_button.clicked.connect(self._reread)
        self.add_button.clicked.connect(self._add_question)
        self.retranslate()

    # Set-up ---------------------------------------------------------------------
    def retranslate(self) -> None:
        self.skip_button.setText(self.tr("Passer"))
        self.skip_button.setAccessibleName(self.tr("Passer ces questions"))
        self.start_button.setText(self.tr("Commencer"))
        self.questions_button.setText(self.tr("Mes questions"))
        self.reread_button.setText(self.tr("Relire la page"))
        self.scroll_area.set_name(self.tr("Question et réponses"))
        self.refresh()

    def apply_metrics(self, m: Metrics) -> None:
        self._metrics = m
        margin = m.mm(10)
        self._layout.setContentsMargins(margin, m.mm(5), margin, m.mm(5))
        self._layout.setSpacing(m.gap_px * 2)
        self._body_layout.setSpacing(m.gap_px * 2)
        self._options_layout.setSpacing(m.gap_px)
        self._question_layout.setSpacing(m.gap_px * 2)
        self._columns.setSpacing(m.gap_px * 4)
        self._feedback_layout.setContentsMargins(m.mm(4), m.mm(3), m.mm(4), m.mm(3))
        self._feedback_layout.setSpacing(m.gap_px * 2)
        for tile in (*self._tiles, self.add_button):
            tile.apply_metrics(m)
        self._top.setHorizontalSpacing(m.gap_px * 2)
        self._arrange_rows()

    def show_topic(self, topic: Topic) -> None:
        """The topic's quiz, where the patient left it (or its introduction)."""
        self.topic, self.quiz = topic, topic.quiz
        if self.quiz is not None and self.session.quiz_index >= len(self.quiz.items):
            self.visit.set_quiz_step(INTRO)
        self.refresh()

    def wipe(self) -> None:
        """A new patient: nothing of this one's answers stays on screen."""
        self.quiz = self.topic = None
        self.refresh()
        self.scroll_area.verticalScrollBar().setValue(0)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._arrange_rows()
        wide = self.width() >= self.height() * 1.25
        self._columns.setDirection(
            QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        )

    def _arrange_rows(self) -> None:
        margins = self._layout.contentsMargins()
        room = self.width() - margins.left() - margins.right()
        self.title.ensurePolished()
        needed = (
            self.skip_button.sizeHint().width()
            + self.title.fontMetrics().horizontalAdvance(self.title.text())
            + self.progress_label.sizeHint().width()
            + 4 * self._top.horizontalSpacing()
        )
        buttons = [b for b in (self.reread_button, self.next_button) if not b.isHidden()]
        row = sum(b.sizeHint().width() for b in buttons) + 2 * self._foot.spacing()
        self._foot.setDirection(
            QBoxLayout.Direction.TopToBottom if row > room else QBoxLayout.Direction.LeftToRight
        )
        narrow = needed > room
        if narrow == self._top_narrow:
            return
        self._top_narrow = narrow
        for widget in (self.skip_button, self.title, self.progress_label):
            self._top.removeWidget(widget)
        self._top.addWidget(self.skip_button, 0, 0)
        self._top.addWidget(self.progress_label, 0, 2, Qt.AlignmentFlag.AlignRight)
        if narrow:
            self._top.addWidget(self.title, 1, 0, 1, 3)
        else:
            self._top.addWidget(self.title, 0, 1)
        self._top.setColumnStretch(1, 1)

    # Steps ----------------------------------------------------------------------
    @property
    def item(self) -> QuizItem | None:
        index = self.session.quiz_index
        if self.quiz is None or not 0 <= index < len(self.quiz.items):
            return None
        return self.quiz.items[index]

    @property
    def at_end(self) -> bool:
        return self.quiz is not None and self.session.quiz_index >= len(self.quiz.items)

    def _go_to(self, index: int) -> None:
        self.visit.set_quiz_step(index)
        self.refresh()
        self.scroll_area.verticalScrollBar().setValue(0)
        self.step_changed.emit()

    def _answer(self, option: int) -> None:
        item = self.item
        if item is None or not self.visit.answer_quiz(item.id, option):
            return  # answered already: the choice stands, the feedback stays
        self.answered.emit(item.id, item.options[option].right)
        self.refresh()
        # The answer's explanation is the point: bring it into view.
        QTimer.singleShot(0, lambda: self.scroll_area.ensureWidgetVisible(self.feedback))

    def _reread(self) -> None:
        item = self.item
        if item is not None:
            self.reread_requested.emit(item.page_slug)

    def _add_question(self) -> None:
        item = self.item
        if item is not None and item.question_id:
            if not self.session.questions.is_chosen(item.question_id):
                self.question_add_requested.emit(item.question_id)
            self.refresh()

    # Showing ----------------------------------------------------------------------
    def refresh(self) -> None:
        quiz, item = self.quiz, self.item
        count = len(quiz.items) if quiz else 0
        self.title.setText(quiz.title if quiz else self.tr("Ai-je bien compris ?"))
        intro = quiz is None or self.session.quiz_index == INTRO
        self.start_button.setVisible(intro)
        self.questions_button.setVisible(self.at_end)
        self.next_button.setVisible(item is not None and item.id in self.session.quiz_answers)
        self.skip_button.setVisible(not self.at_end)
        last = quiz is not None and self.session.quiz_index == count - 1
        self.next_button.setText(self.tr("Voir la fin") if last else self.tr("Question suivante"))
        if item is not None:
            self.progress_label.setText(
                fill(self.tr("Question %1 sur %2"), str(self.session.quiz_index + 1), str(count))
            )
        else:
            self.progress_label.setText("")
        if intro:
            self.prompt.setText(
                self.tr(
                    "Quelques questions pour vérifier ce que vous avez retenu. "
                    "Ce n'est pas une note : rien n'est enregistré. "
                    "Vous pouvez passer à tout moment."
                )
            )
            self._show_options(None)
        elif self.at_end:
            self.prompt.setText(
                self.tr(
                    "Merci ! Vous avez vu toutes les questions. "
                    "Les questions que vous avez ajoutées sont dans « Mes questions »."
                )
            )
            self._show_options(None)
        else:
            assert item is not None
            self.prompt.setText(item.prompt)
            self._show_options(item)
        self._show_feedback(item)
        self._arrange_rows()

    def _show_options(self, item: QuizItem | None) -> None:
        options = item.options if item else ()
        self.option_tiles = self._tiles[: len(options)]
        for number, tile in enumerate(self._tiles):
            shown = number < len(options)
            if shown and tile.title_label.text() != options[number].text:
                tile.title_label.setText(options[number].text)
                tile.setAccessibleName(options[number].text)
                if self._metrics is not None:
                    tile.apply_metrics(self._metrics)  # a long word may need a smaller size
            tile.setVisible(shown)
        chosen = self.session.quiz_answers.get(item.id) if item else None
        for number, tile in enumerate(self.option_tiles):
            assert item is not None
            option = item.options[number]
            marks = []
            if chosen is not None and option.right:
                marks.append(self.tr("✓ La bonne réponse"))
            if chosen == number and not option.right:
                marks.append(self.tr("Votre réponse"))
            tile.description_label.setText(" · ".join(marks))
            tile.description_label.setVisible(bool(marks))
            tile.setAccessibleDescription(" · ".join(marks))
            # Answered: the tiles stay readable but inert; the right one stands out.
            answer = "" if chosen is None else ("right" if option.right else "other")
            if tile.property("answer") != answer:
                tile.setProperty("answer", answer)
                tile.style().unpolish(tile)
                tile.style().polish(tile)

    def _show_feedback(self, item: QuizItem | None) -> None:
        chosen = self.session.quiz_answers.get(item.id) if item else None
        self.feedback.setVisible(chosen is not None)
        self.reread_button.setVisible(False)
        if item is None or chosen is None:
            return
        right = item.options[chosen].right
        if right:
            self.verdict.setText(self.tr("Oui, c'est bien ça !"))
            self.verdict.setAccessibleName(self.verdict.text())
        else:
            # The right answer is marked among the answers; said in full for screen readers.
            answer = item.options[_right_index(item)].text
            self.verdict.setText(self.tr("Pas tout à fait."))
            self.verdict.setAccessibleName(
                fill(self.tr("Pas tout à fait. La bonne réponse est : %1"), answer)
            )
        self.explanation.setText(item.explanation)
        self.reread_button.setVisible(not right)
        question = (
            self.topic.question(item.question_id) if self.topic and item.question_id else None
        )
        self.add_button.setVisible(not right and question is not None)
        if question is not None:
            added = self.session.questions.is_chosen(question.id)
            self.add_button.title_label.setText(
                self.tr("✓ Ajoutée à mes questions")
                if added
                else self.tr("Ajouter à mes questions")
            )
            self.add_button.description_label.setText(question.text)
            self.add_button.description_label.setVisible(True)
            self.add_button.setAccessibleName(self.add_button.title_label.text())
            self.add_button.setAccessibleDescription(question.text)


def _right_index(item: QuizItem) -> int:
    return next(n for n, option in enumerate(item.options) if option.right)
