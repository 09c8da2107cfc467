"""Simple line icons drawn with QPainter, so they never depend on a font having the glyph.

(The bundled font has no check mark or arrows; emoji render as empty boxes here.)
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPixmap, QPixmapCache

# Shapes on a 0..1 square, as polylines.
SHAPES: dict[str, list[list[tuple[float, float]]]] = {
    "check": [[(0.15, 0.55), (0.4, 0.8), (0.85, 0.22)]],
    "plus": [[(0.5, 0.15), (0.5, 0.85)], [(0.15, 0.5), (0.85, 0.5)]],
    "left": [[(0.6, 0.15), (0.25, 0.5), (0.6, 0.85)]],
    "right": [[(0.4, 0.15), (0.75, 0.5), (0.4, 0.85)]],
    "down": [[(0.15, 0.35), (0.5, 0.7), (0.85, 0.35)]],
    "cross": [[(0.2, 0.2), (0.8, 0.8)], [(0.8, 0.2), (0.2, 0.8)]],
}


def pixmap(name: str, size: int, colour: str) -> QPixmap:
    """The icon, drawn once per name, size and colour: rows restyle and redraw their mark
    on each page (Qt's own pixmap cache keeps the drawings; a pixmap is shared, not
    copied)."""
    key = f"kiosk-icon:{name}:{size}:{colour}"
    found = QPixmap()
    if QPixmapCache.find(key, found):
        return found
    image = _draw(name, size, colour)
    QPixmapCache.insert(key, image)
    return image


def _draw(name: str, size: int, colour: str) -> QPixmap:
    image = QPixmap(size, size)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor(colour), max(2.0, size * 0.12))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    for line in SHAPES[name]:
        path = QPainterPath(QPointF(line[0][0] * size, line[0][1] * size))
        for x, y in line[1:]:
            path.lineTo(x * size, y * size)
        painter.drawPath(path)
    painter.end()
    return image
