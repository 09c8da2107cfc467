"""Draw the application icon with QPainter: assets/icon.png (256 px) and assets/icon.ico.

A page with lines of text and a question mark, in the calm theme's blue. Run it again only
to change the icon; the files it writes are committed.

Usage: QT_QPA_PLATFORM=offscreen python scripts/make_icon.py [OUT_DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPen

BLUE = "#0B4A7F"
PAPER = "#FFFFFF"
ACCENT = "#B35900"
SIZE = 256


def draw(size: int = SIZE) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    s = size / 256
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(BLUE))
    painter.drawRoundedRect(QRectF(8 * s, 8 * s, 240 * s, 240 * s), 48 * s, 48 * s)
    painter.setBrush(QColor(PAPER))
    painter.drawRoundedRect(QRectF(60 * s, 40 * s, 136 * s, 176 * s), 14 * s, 14 * s)
    pen = QPen(QColor(BLUE), 12 * s)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    for y, right in ((78, 172), (108, 172), (138, 140)):
        painter.drawLine(int(84 * s), int(y * s), int(right * s), int(y * s))
    painter.setPen(QColor(ACCENT))
    font = QFont("DejaVu Sans")
    font.setPixelSize(int(64 * s))
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(QRectF(120 * s, 140 * s, 70 * s, 72 * s), Qt.AlignmentFlag.AlignCenter, "?")
    painter.end()
    return image


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent.parent / "assets"
    out.mkdir(parents=True, exist_ok=True)
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    image = draw()
    ok = image.save(str(out / "icon.png")) and image.save(str(out / "icon.ico"))
    del app
    print("wrote", out / "icon.png", out / "icon.ico", "" if ok else "(FAILED)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
