"""The reading area of the reader: one screen of a page at a time, never scrolled.

A page (its text, then the questions it suggests) is laid out at the area's width and cut
into screens that fit its height (kiosk.pagination). The text of a screen is a vertical
slice of the one page document: the browser is exactly as tall as the slice and shows it
from the slice's top, so links, numbering and call-outs stay those of the whole page.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QFrame, QSizePolicy, QTextBrowser, QVBoxLayout, QWidget

from kiosk.content import Figure, Question
from kiosk.i18n import fill
from kiosk.pagination import Item, Screen, paginate, screen_of
from kiosk.ui.reading.illustrations import Illustrations
from kiosk.ui.reading.page_layout import TextSpan, image_names, plain_text, text_items
from kiosk.ui.reading.question_toggle import QuestionToggle
from kiosk.ui.style.metrics import Metrics
from kiosk.ui.style.theme import Palette
from kiosk.ui.widgets.buttons import make_label

TITLE_KEY = (1, -1, 0)
EXPLICIT = Qt.WidgetAttribute.WA_WState_ExplicitShowHide


def set_shown(widget: QWidget, on: bool) -> None:
    """Show or hide ``widget`` unless it already is (shown or hidden explicitly)."""
    if widget.isHidden() == on or not widget.testAttribute(EXPLICIT):
        widget.setVisible(on)


class PageText(QTextBrowser):
    """A read-only browser that shows one vertical slice of its document, without scrolling."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, False)
        self._top = 0
        self._height = -1  # as last fixed by show_slice

    def show_slice(self, top: float, bottom: float) -> None:
        self._top = round(top)
        height = max(0, round(bottom) - self._top)
        if height != self._height:  # the same height: nothing to lay out again
            self._height = height
            self.setFixedHeight(height)
        self.verticalScrollBar().setValue(self._top)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.verticalScrollBar().setValue(self._top)  # the range changes with the height

    def wheelEvent(self, event) -> None:
        event.ignore()  # a page is turned, never scrolled

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        # Only show_slice moves the text (keyboard focus on a link must not scroll it).
        if self.verticalScrollBar().value() == self._top:
            super().scrollContentsBy(dx, dy)
        else:
            self.verticalScrollBar().setValue(self._top)


class PageView(QWidget):
    question_toggled = Signal(str)  # question id
    screen_changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("page")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.text = PageText()
        self.suggestions_title = make_label(role="subtitle")
        self.toggles: list[QuestionToggle] = []  # the current page's
        self._pool: dict[str, QuestionToggle] = {}  # every toggle made for this topic
        self._spare: list[QuestionToggle] = []  # made for another topic, hidden, reused
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.text)
        self._layout.addWidget(self.suggestions_title)
        self._layout.addStretch(1)
        self._metrics: Metrics | None = None
        self._palette: Palette | None = None
        self.document: QTextDocument | None = None
        self.figures: tuple[Figure, ...] = ()
        self.illustrations = Illustrations()
        self.items: list[Item] = []
        self._spans: list[TextSpan] = []
        self.screens: list[Screen] = [Screen(0, 0)]
        self.screen_index = 0
        self._laid_out_for = (-1, -1)
        # kiosk check: pages are cut into screens to count them, never shown (~1 ms a page).
        self.counting_only = False
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Page à lire"))
        self._figure_label = self.tr("Illustration : %1")
        self.suggestions_title.setText(self.tr("Questions à poser à votre médecin :"))

    def apply_style(self, m: Metrics, palette: Palette) -> None:
        self._metrics, self._palette = m, palette
        self._layout.setSpacing(m.gap_px * 2)
        for toggle in self._pool.values():
            toggle.apply_style(m, palette)

    # Content ----------------------------------------------------------------
    def show_page(
        self,
        document: QTextDocument,
        questions: list[Question],
        chosen: set[str],
        at_end: bool,
        figures: tuple[Figure, ...] = (),
    ) -> None:
        """A new page: its first screen, or its last when the patient came back to it."""
        self.document = document
        self.figures = figures
        self.text.setDocument(document)
        kept = {question.id for question in questions}
        for toggle in self.toggles:
            if toggle.question_id not in kept:  # the new page's rows: show_screen decides
                set_shown(toggle, False)
        self.toggles = []
        for question in questions:
            toggle = self._pool.get(question.id) or self._make_toggle(question)
            toggle.setChecked(question.id in chosen)
            self.toggles.append(toggle)
        self._laid_out_for = (-1, -1)
        self.items = []  # nothing of the last page to stay on
        self.paginate()
        self.show_screen(len(self.screens) - 1 if at_end else 0)

    def forget_suggestions(self) -> None:
        """Another topic or language: put the toggles made for this one aside, for reuse.

        They are never deleted: PySide 6.12 could crash deleting one later (see
        QuestionToggle), and reusing them keeps memory flat over many visits."""
        for toggle in self._pool.values():
            toggle.setVisible(False)
            self._spare.append(toggle)
        self._pool.clear()
        self.toggles = []
        self.suggestions_title.setVisible(False)

    def _make_toggle(self, question: Question) -> QuestionToggle:
        if self._spare:
            toggle = self._spare.pop()
            toggle.set_question(question.id, question.text)
            self._layout.removeWidget(toggle)  # to the end: rows keep the questions' order
            self._layout.insertWidget(self._layout.count() - 1, toggle)
        else:
            toggle = QuestionToggle(question.id, question.text, self)  # styled as shown
            toggle.setVisible(False)
            toggle.clicked.connect(
                lambda _=False, t=toggle: self.question_toggled.emit(t.question_id)
            )
            self._layout.insertWidget(self._layout.count() - 1, toggle)
        if self._metrics is not None and self._palette is not None:
            toggle.apply_style(self._metrics, self._palette)
        self._pool[question.id] = toggle
        return toggle

    def sync_checked(self, chosen: set[str]) -> None:
        for toggle in self.toggles:
            toggle.setChecked(toggle.question_id in chosen)

    # Screens ----------------------------------------------------------------
    def paginate(self) -> None:
        """Lay the page out for the current size; stay on the same passage."""
        document = self.document
        width, height = self.width(), self.height()
        if document is None or (width, height) == self._laid_out_for:
            return
        anchor = self.current_key()
        self._laid_out_for = (width, height)
        spacing = self._layout.spacing()
        if self._metrics is not None and self._palette is not None:
            self.illustrations.fit(
                document,
                self.figures,
                width,
                height,
                self._metrics.body_px,
                self.devicePixelRatioF(),
                self._palette.name == "high-contrast",
            )
        if document.textWidth() != width:  # setting it again would lay it all out again
            document.setTextWidth(width)
        self.items, self._spans = text_items(document, height)
        if self.toggles:
            self.suggestions_title.ensurePolished()
            title = self.suggestions_title.heightForWidth(width)
            self.items.append(Item(TITLE_KEY, title, keep_with_next=True, gap_before=spacing))
            for number, toggle in enumerate(self.toggles):
                toggle.ensurePolished()
                row = max(toggle.heightForWidth(width), toggle.minimumHeight())
                self.items.append(Item((1, number, 0), row, gap_before=spacing))
        self.screens = paginate(self.items, height)
        # What is shown always follows the new cut (the same passage when there was one).
        index = self.screen_index if anchor is None else screen_of(self.screens, self.items, anchor)
        self.show_screen(index)

    def current_key(self) -> tuple[int, int, int] | None:
        if not self.items or self.screen_index >= len(self.screens):
            return None
        screen = self.screens[self.screen_index]
        return self.items[screen.first].key if screen.first < len(self.items) else None

    def show_screen(self, index: int) -> None:
        self.screen_index = max(0, min(index, len(self.screens) - 1))
        if self.counting_only:
            return
        screen = self.screens[self.screen_index]
        on_screen = range(screen.first, screen.end)
        text = [n for n in on_screen if self.items[n].key[0] == 0]
        if text:
            self.text.show_slice(self._spans[text[0]].top, self._spans[text[-1]].bottom)
        # Only what changes is touched: each show or hide goes through the application's
        # event filters and re-lays the page out, even for a row already in that state.
        set_shown(self.text, bool(text))
        description = self._figures_on_screen(text)
        if description != self.text.accessibleDescription():
            self.text.setAccessibleDescription(description)
        keys = {self.items[n].key for n in on_screen}
        set_shown(self.suggestions_title, TITLE_KEY in keys)
        for number, toggle in enumerate(self.toggles):
            set_shown(toggle, (1, number, 0) in keys)
        self.screen_changed.emit()

    def describe_figure(self, name: str) -> str:
        alt = next((figure.alt for figure in self.figures if figure.source == name), "")
        return fill(self._figure_label, alt) if alt else ""

    def _figures_on_screen(self, text_items: list[int]) -> str:
        """What the illustrations on this screen show, for screen readers."""
        if self.document is None or not self.figures or not text_items:
            return ""
        first, last = self._spans[text_items[0]], self._spans[text_items[-1]]
        names = dict.fromkeys(image_names(self.document, first.start, last.end))
        return "\n".join(filter(None, (self.describe_figure(name) for name in names)))

    @property
    def screen_count(self) -> int:
        return len(self.screens)

    def go_to_key(self, key: tuple[int, int, int]) -> None:
        self.show_screen(screen_of(self.screens, self.items, key))

    def screen_text(self) -> str:
        """What this screen shows, for read-aloud."""
        if self.document is None:
            return ""
        screen = self.screens[self.screen_index]
        parts: list[str] = []
        seen: set[int] = set()
        for number in range(screen.first, screen.end):
            key = self.items[number].key
            if key[0] == 0 and key[1] not in seen:
                seen.add(key[1])
                span = self._spans[number]
                parts.append(plain_text(self.document, span.start, span.end, self.describe_figure))
            elif key == TITLE_KEY:
                parts.append(self.suggestions_title.text())
            elif key[0] == 1:
                parts.append(self.toggles[key[1]].text_label.text())
        return "\n".join(part for part in parts if part.strip())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.paginate()
