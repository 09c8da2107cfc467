"""A top bar that stays on one row: buttons that do not fit go behind "Plus".

Buttons are placed by hand (no QLayout), so a long label or a narrow portrait tablet can
never make the bar, or the window, wider than the screen. The primary button (the last one
added with ``primary=True``) stays at the right end, in thumb reach; the others keep their
order and drop out from the least important. "Plus" opens a sheet over the screen with a
big copy of each hidden button; tapping one closes the sheet and does what the original does.
When even the primary button cannot sit beside "Plus" (a narrow portrait tablet at large
text), it gets a second, deliberate row of its own, right-aligned under the first.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtWidgets import QFrame, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.style.metrics import Metrics
from kiosk.ui.widgets.buttons import BigButton


class OverflowBar(QWidget):
    def __init__(self, sheet_parent: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self._buttons: list[BigButton] = []  # in display order
        self._rank: dict[BigButton, int] = {}  # lower: more important, hidden last
        self._wanted: dict[BigButton, bool] = {}
        self._primary: BigButton | None = None
        self._gap = 8
        self._rows = 1
        self.more_button = BigButton(parent=self)
        self.more_button.setCheckable(True)
        self.sheet = QFrame(sheet_parent)
        self.sheet.setProperty("role", "sheet")
        self.sheet.setProperty("overlay", True)
        self.sheet.setVisible(False)
        self._sheet_layout = QVBoxLayout(self.sheet)
        self._proxies: list[BigButton] = []
        self.more_button.toggled.connect(self._show_sheet)
        sheet_parent.installEventFilter(self)
        self.retranslate()

    def add(self, button: BigButton, rank: int, primary: bool = False) -> None:
        button.setParent(self)
        self._buttons.append(button)
        self._rank[button] = rank
        self._wanted[button] = not button.isHidden()
        if primary:
            self._primary = button
        button.installEventFilter(self)

    def set_wanted(self, button: BigButton, wanted: bool) -> None:
        """Whether the button belongs on this screen now (read-aloud, presenter, …)."""
        self._wanted[button] = wanted
        self.arrange()

    def is_wanted(self, button: BigButton) -> bool:
        return self._wanted.get(button, False)

    def retranslate(self) -> None:
        self.more_button.setText(self.tr("Plus"))
        self.more_button.setAccessibleName(self.tr("Plus de choix"))

    def apply_metrics(self, m: Metrics) -> None:
        self._gap = m.gap_px * 2
        pad = m.mm(4)
        self._sheet_layout.setContentsMargins(pad, pad, pad, pad)
        self._sheet_layout.setSpacing(m.mm(4))
        self.updateGeometry()
        self.arrange()

    def hidden_buttons(self) -> list[BigButton]:
        """Wanted buttons that did not fit: they are in the sheet."""
        return [b for b in self._buttons if self._wanted[b] and b.isHidden()]

    # Layout -----------------------------------------------------------------
    def _row_height(self) -> int:
        height = max((b.sizeHint().height() for b in self._buttons), default=0)
        return max(height, self.more_button.sizeHint().height())

    def sizeHint(self) -> QSize:
        rows = self._rows
        return QSize(0, rows * self._row_height() + (rows - 1) * self._gap // 2)

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.sizeHint().height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.arrange()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched in self._rank and kind == QEvent.Type.LayoutRequest:
            self.arrange()  # a label changed ("Mes questions (3)"): it may no longer fit
        elif watched is self.sheet.parent() and kind == QEvent.Type.Resize:
            self._place_sheet()
        return False

    def arrange(self) -> None:
        """Choose the buttons shown and their rows for the bar's width now (also called
        while hidden: a hidden bar gets no resize events)."""
        wanted = [b for b in self._buttons if self._wanted[b]]
        width = self.width()
        widths = {b: b.sizeHint().width() for b in wanted}
        total = sum(widths.values()) + self._gap * max(0, len(wanted) - 1)
        shown = set(wanted)
        rows = 1
        if total > width:
            # Keep the most important ones that fit beside "Plus"; the primary button first,
            # on a row of its own if it must.
            room = width - self.more_button.sizeHint().width() - self._gap
            shown = set()
            primary = self._primary if self._primary in wanted else None
            if primary is not None:
                shown.add(primary)
                if widths[primary] + self._gap <= room:
                    room -= widths[primary] + self._gap
                else:
                    rows = 2
            for button in sorted(wanted, key=lambda b: self._rank[b]):
                if button is not primary and widths[button] + self._gap <= room:
                    shown.add(button)
                    room -= widths[button] + self._gap
        if rows != self._rows:
            self._rows = rows
            self.updateGeometry()
        for button in self._buttons:
            button.setVisible(button in shown)
        overflow = len(shown) < len(wanted)
        self.more_button.setVisible(overflow)
        if not overflow:
            self.more_button.setChecked(False)
        height = self._row_height()
        x = 0
        row = [b for b in self._buttons if b in shown and b is not self._primary]
        if overflow:
            row.append(self.more_button)
        for button in row:
            hint = button.sizeHint()
            button.setGeometry(x, (height - hint.height()) // 2, hint.width(), hint.height())
            x += hint.width() + self._gap
        if self._primary is not None and self._primary in shown:
            hint = self._primary.sizeHint()
            top = 0 if rows == 1 else height + self._gap // 2
            right = max(0 if rows == 2 else x, width - hint.width())
            button_width = min(hint.width(), width)
            self._primary.setGeometry(right, top + (height - hint.height()) // 2, button_width,
                                      hint.height())  # fmt: skip

    # The sheet ------------------------------------------------------------
    def _show_sheet(self, show: bool) -> None:
        for proxy in self._proxies:
            self._sheet_layout.removeWidget(proxy)
            proxy.deleteLater()
        self._proxies = []
        if show:
            for original in self.hidden_buttons():
                proxy = BigButton(original.text())
                proxy.setAccessibleName(original.accessibleName() or original.text())
                proxy.clicked.connect(lambda _=False, o=original: self._forward(o))
                self._sheet_layout.addWidget(proxy)
                self._proxies.append(proxy)
        self.sheet.setVisible(show)
        if show:
            self._place_sheet()
            self.sheet.raise_()
            if self._proxies:
                self._proxies[0].setFocus()

    def _forward(self, original: QPushButton) -> None:
        self.more_button.setChecked(False)
        original.click()

    def close_sheet(self) -> None:
        self.more_button.setChecked(False)

    def _place_sheet(self) -> None:
        if not self.sheet.isVisible():
            return
        parent = self.sheet.parentWidget()
        if parent is None:
            return
        hint = self.sheet.sizeHint()
        width = min(hint.width(), parent.width())
        bottom_left = self.mapTo(parent, self.rect().bottomLeft())
        top = bottom_left.y() + self._gap // 2
        height = min(self.sheet.heightForWidth(width) if self.sheet.hasHeightForWidth()
                     else hint.height(), parent.height() - top)  # fmt: skip
        right = self.mapTo(parent, self.rect().topRight()).x()
        self.sheet.setGeometry(max(0, right - width), top, width, max(0, height))
