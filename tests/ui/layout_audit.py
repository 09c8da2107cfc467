"""Geometry checks a patient would make with their eyes, as code: nothing outside the
window, nothing overlapping, every label whole. Used by the display-matrix test.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QLabel,
    QLayout,
    QScrollBar,
    QStyle,
    QStyleOptionButton,
    QTabBar,
    QTextEdit,
    QWidget,
)

SLACK = 1  # px: rounding in layouts
DIRECT_CHILDREN = Qt.FindChildOption.FindDirectChildrenOnly


def _shown(widget: QWidget, window: QWidget) -> bool:
    return widget.isVisibleTo(window) and widget.width() > 0 and widget.height() > 0


def _in_scroll_content(widget: QWidget) -> bool:
    """Inside a scroll area's content: it may legitimately lie below the visible part."""
    parent = widget.parentWidget()
    while parent is not None:
        grand = parent.parentWidget()
        if isinstance(grand, QAbstractScrollArea) and parent is grand.viewport():
            return not isinstance(grand, QTextEdit)  # a page slice is not a list
        parent = grand
    return False


def _layout_widgets(layout: QLayout, candidates: list[QWidget]) -> list[QWidget]:
    """The candidates that ``layout`` or a layout nested in it places.

    Never through ``layout.itemAt()``: it hands Python a wrapper of a layout item that the
    layout may delete later (a widget moved to another row), and the stale wrapper is then
    handed out again for whatever C++ object next takes that address (seen: a page's
    QTextTable returned as a QWidgetItem, and crashes)."""
    found = [widget for widget in candidates if layout.indexOf(widget) >= 0]
    for child in layout.children():  # nested layouts are QObjects: safe to hold
        if isinstance(child, QLayout):
            found += _layout_widgets(child, candidates)
    return found


def _label_problem(label: QLabel) -> str | None:
    text = label.text()
    if not text.strip() or (label.pixmap() is not None and not label.pixmap().isNull()):
        return None
    room = label.contentsRect()
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if needed > label.height() + SLACK:
            return f"needs {needed} px high, has {label.height()}"
        words = max(text.split(), key=len)
        longest = label.fontMetrics().horizontalAdvance(words)
        if longest > room.width() + SLACK:
            return f"the word {words!r} ({longest} px) is wider than the label ({room.width()})"
        return None
    hint = label.sizeHint()
    if hint.width() > label.width() + SLACK or hint.height() > label.height() + SLACK:
        return f"needs {hint.width()}x{hint.height()}, has {label.width()}x{label.height()}"
    return None


def _button_problem(button: QAbstractButton) -> str | None:
    """Its label inside its border and padding: Qt cuts the label's edges beyond them."""
    text = button.text()
    if not text.strip():
        return None
    width = button.fontMetrics().horizontalAdvance(text)
    option = QStyleOptionButton()
    option.initFrom(button)
    option.text = text
    style = button.style()
    room = style.subElementRect(QStyle.SubElement.SE_PushButtonContents, option, button).width()
    if width > room + SLACK:
        return f"text needs {width} px, the button has {room} inside its border and padding"
    return None


def audit(window: QWidget, root: QWidget | None = None) -> list[str]:
    """Every visible widget under ``root`` (default: the window): what is wrong with it."""
    root = root or window
    problems: list[str] = []
    bounds = window.rect()
    widgets = [w for w in root.findChildren(QWidget) if _shown(w, window)]

    def name(widget: QWidget) -> str:
        text = getattr(widget, "text", None)
        label = text() if callable(text) else ""
        label = label if isinstance(label, str) else ""
        return f"{type(widget).__name__}({widget.objectName() or label[:30]!r})"

    for widget in widgets:
        rect = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
        # A list's content may lie below its visible part (it scrolls), never elsewhere.
        if not _in_scroll_content(widget) and not bounds.adjusted(
            -SLACK, -SLACK, SLACK, SLACK
        ).contains(rect):
            problems.append(f"{name(widget)} at {rect.getRect()} leaves the window {bounds.size()}")
        # A control its parent cuts off shows a half key or half a word, inside the window.
        parent = widget.parentWidget()
        if (
            isinstance(widget, QAbstractButton | QLabel)
            and parent is not None
            and not _in_scroll_content(widget)
            and not parent.rect().adjusted(-SLACK, -SLACK, SLACK, SLACK).contains(widget.geometry())
        ):
            problems.append(
                f"{name(widget)} at {widget.geometry().getRect()} is cut by its parent "
                f"{type(parent).__name__} {parent.rect().size()}"
            )
        if isinstance(widget, QLabel) and (problem := _label_problem(widget)):
            problems.append(f"{name(widget)} is cut: {problem}")
        if isinstance(widget, QAbstractButton) and (problem := _button_problem(widget)):
            problems.append(f"{name(widget)} is cut: {problem}")
        if isinstance(widget, QTabBar):
            for index in range(widget.count()):
                if widget.tabRect(index).width() < widget.tabSizeHint(index).width():
                    problems.append(f"tab {widget.tabText(index)!r} is cut")
        layout = widget.layout()
        if layout is not None:
            children = widget.findChildren(QWidget, options=DIRECT_CHILDREN)
            siblings = [
                w
                for w in _layout_widgets(layout, children)
                if _shown(w, window) and not w.property("overlay")
            ]
            for i, first in enumerate(siblings):
                for second in siblings[i + 1 :]:
                    overlap = first.geometry().intersected(second.geometry())
                    if overlap.width() > SLACK and overlap.height() > SLACK:
                        problems.append(f"{name(first)} overlaps {name(second)}")
    return problems


def visible_scroll_bars(root: QWidget, window: QWidget) -> list[QScrollBar]:
    return [bar for bar in root.findChildren(QScrollBar) if _shown(bar, window)]


def cut_lines(text: QTextEdit) -> list[str]:
    """Lines of a page slice that its top or bottom edge cuts through, as a patient sees a
    half-drawn line: every line drawn must be whole, a call-out's box included."""
    document = text.document()
    layout = document.documentLayout()
    top = text.verticalScrollBar().value()
    bottom = top + text.viewport().height()
    problems: list[str] = []
    block = document.begin()
    while block.isValid():
        origin = layout.blockBoundingRect(block).top()
        lines = block.layout()
        for number in range(lines.lineCount() if block.text().strip() else 0):
            line = lines.lineAt(number)
            line_top, line_bottom = origin + line.y(), origin + line.y() + line.height()
            for edge in (top, bottom):
                if line_top + SLACK < edge < line_bottom - SLACK:
                    words = block.text()[line.textStart() : line.textStart() + 30]
                    problems.append(
                        f"the line {words!r}… ({line_top:.0f}-{line_bottom:.0f} px) is cut "
                        f"by the edge of the shown slice at {edge} px"
                    )
        block = block.next()
    return problems
