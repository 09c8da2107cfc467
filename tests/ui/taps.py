"""Finger-like input shared by the UI tests."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def tap(qtbot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def type_by_taps(qtbot, keyboard, text: str) -> None:
    """Type text on the on-screen keyboard, one tap per key (Maj before capitals)."""
    for char in text:
        if char == " ":
            tap(qtbot, keyboard.key_for("space"))
            continue
        if char.isupper():
            tap(qtbot, keyboard.key_for("shift"))
        tap(qtbot, keyboard.key_for(char))
