"""Small shared widgets: buttons sized for a finger, topic tiles, a touch scroll area."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QScrollArea,
    QScroller,
    QScrollerProperties,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.i18n import fill
from kiosk.ui.style.metrics import Metrics
from kiosk.ui.widgets.basics import EnterButton, clear_layout

__all__ = ["BigButton", "EnterButton", "Tile", "TouchScrollArea", "clear_layout", "make_label"]


def make_label(text: str = "", role: str = "", parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if role:
        label.setProperty("role", role)
    return label


class BigButton(EnterButton):
    """A push button styled by role: "primary" (20 mm high) or secondary (15 mm)."""

    def __init__(self, text: str = "", role: str = "", parent: QWidget | None = None):
        super().__init__(text, parent)
        if role:
            self.setProperty("role", role)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def width_for(self, text: str) -> int:
        """The width the button would ask for with ``text`` on it, as QPushButton's size
        hint computes it (padding, border, minimum width), without changing its text."""
        self.ensurePolished()
        option = QStyleOptionButton()
        option.initFrom(self)
        option.text = text
        metrics = self.fontMetrics()
        content = QSize(metrics.horizontalAdvance(text), metrics.height())
        size = self.style().sizeFromContents(
            QStyle.ContentsType.CT_PushButton, option, content, self
        )
        return max(size.width(), self.minimumWidth())


class Tile(EnterButton):
    """A large button showing a title and a wrapped description (QPushButton cannot wrap)."""

    def __init__(
        self, title: str, description: str, parent: QWidget | None = None, compact: bool = False
    ):
        super().__init__(parent)
        self.setProperty("role", "tile")
        self._padding_mm = 3 if compact else 6  # compact: answers, several on one screen
        self.setProperty("compact", compact)  # the style sheet's padding too
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        layout = QVBoxLayout(self)
        self.title_label = make_label(title, "subtitle" if compact else "title")
        self.description_label = make_label(description)
        for label in (self.title_label, self.description_label):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(label)
        self.description_label.setVisible(bool(description))
        self._layout = layout
        self.setAccessibleName(title)
        self.setAccessibleDescription(description)

    def apply_metrics(self, m: Metrics) -> None:
        pad = m.mm(self._padding_mm)
        self._layout.setContentsMargins(pad, pad, pad, pad)
        self._layout.setSpacing(m.gap_px)
        self._fit_words()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self._fit_words()

    def _fit_words(self) -> None:
        """A word longer than the tile is wide ("ostéosynthèse" at large text on a narrow
        tablet) makes the title smaller rather than cut."""
        label = self.title_label
        room = self.contentsRect().width() - sum(self._margins())
        words = label.text().split()
        if room <= 0 or not words:
            return
        label.setStyleSheet("")  # measure with the size the style sheet gives
        label.ensurePolished()
        font = QFont(label.font())
        widest = max(QFontMetrics(font).horizontalAdvance(word) for word in words)
        if widest > room:
            size = max(10, int(font.pixelSize() * room / widest) - 1)
            label.setStyleSheet(f"font-size: {size}px;")

    def _margins(self) -> tuple[int, int]:
        margins = self._layout.contentsMargins()
        return margins.left(), margins.right()

    def sizeHint(self):
        layout = self.layout()
        hint = super().sizeHint()
        if layout is not None:
            hint = hint.expandedTo(layout.sizeHint())
        return hint

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        layout = self.layout()
        return layout.totalHeightForWidth(width) if layout is not None else -1


class TouchScrollArea(QScrollArea):
    """A frameless vertical list that a finger, or a pointer held down, drags with kinetic
    motion; a cue at its foot says when there is more below. Only lists that may be longer
    than a screen use it (the reader never scrolls)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # The mouse gesture also serves touch screens that send mouse events and
        # finger-emulating pointers; a tap without movement still reaches the buttons.
        viewport = self.viewport()
        QScroller.grabGesture(viewport, QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        scroller = QScroller.scroller(viewport)
        properties = scroller.scrollerProperties()
        # A tap reaches the button under the finger at once (no 0.25 s wait); a drag that
        # follows still scrolls, and then the button does not fire.
        properties.setScrollMetric(QScrollerProperties.ScrollMetric.MousePressEventDelay, 0)
        scroller.setScrollerProperties(properties)
        self.more_cue = QLabel(self)
        self.more_cue.setProperty("role", "more")
        self.more_cue.setProperty("overlay", True)
        self.more_cue.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.more_cue.setWordWrap(True)
        self.more_cue.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.more_cue.setVisible(False)
        self._placing_cue = False
        bar = self.verticalScrollBar()
        bar.valueChanged.connect(self._update_cue)
        bar.rangeChanged.connect(self._update_cue)
        self.set_name("")

    def replace_content(self, content: QWidget) -> None:
        """Show new content; the old one is deleted later, never in the middle of a layout
        pass that may still ask its rows for their sizes."""
        old = self.takeWidget()
        self.setWidget(content)
        if old is not None:
            old.hide()
            old.deleteLater()

    def set_name(self, name: str) -> None:
        """Name the list and its scroll bar for screen readers."""
        self.setAccessibleName(name)
        self.verticalScrollBar().setAccessibleName(
            fill(self.tr("Faire défiler : %1"), name) if name else self.tr("Faire défiler")
        )
        self.more_cue.setText(self.tr("La suite est plus bas"))

    def _update_cue(self) -> None:
        if self._placing_cue:  # the margin below resizes the viewport, which calls back
            return
        self._placing_cue = True
        try:
            self._place_cue()
        finally:
            self._placing_cue = False

    def _place_cue(self) -> None:
        """A list longer than its area keeps a strip under it for the cue, so the cue never
        covers a row; the cue shows there until the end of the list is reached."""
        bar = self.verticalScrollBar()
        strip = self.viewportMargins().bottom()
        longer = bar.maximum() > strip  # than the area, strip included: same either way
        cue = self.more_cue
        cue.setVisible(longer and bar.value() < bar.maximum() - 2)
        if not longer:
            if strip:
                self.setViewportMargins(0, 0, 0, 0)
            return
        cue.ensurePolished()
        area = self.contentsRect()
        one_line = cue.fontMetrics().horizontalAdvance(cue.text()) + cue.sizeHint().width()
        width = min(one_line, area.width())
        height = cue.heightForWidth(width)
        if strip != height:
            self.setViewportMargins(0, 0, 0, height)
        cue.setGeometry(area.center().x() - width // 2, area.bottom() + 1 - height, width, height)
        cue.raise_()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._update_cue()

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self._update_cue()  # a new text size: measure the cue again
        return handled
