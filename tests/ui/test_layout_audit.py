"""The display matrix's eyes: the audit must see what a patient would see."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from tests.ui.layout_audit import audit


def test_overlapping_buttons_in_a_nested_layout_are_seen(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    screen = QWidget(window)  # the audit looks at the layouts of the widgets in the window
    screen.resize(400, 200)
    outer = QVBoxLayout(screen)
    row = QHBoxLayout()
    outer.addLayout(row)
    first, second = QPushButton("Un"), QPushButton("Deux")
    row.addWidget(first)
    row.addWidget(second)
    window.resize(400, 200)
    window.show()
    QApplication.processEvents()
    assert not any("overlaps" in problem for problem in audit(window))
    second.setGeometry(first.geometry().translated(10, 0))  # as a bad layout would
    assert any("overlaps" in problem for problem in audit(window))


def test_a_label_wider_than_its_button_is_seen(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    button = QPushButton("Une étiquette bien trop longue", window)
    button.setStyleSheet("padding: 0 20px;")
    window.resize(400, 200)
    window.show()
    button.setGeometry(0, 0, 120, 60)
    QApplication.processEvents()
    assert any("is cut" in problem for problem in audit(window))
