"""Illustrations inside page documents: sized for the reader's area, drawn crisp by QtSvg.

Qt's rich text would scale an image drawn once at its natural size (blurred). Instead each
figure is drawn at exactly the size it is shown, in device pixels, and handed to the
document as the resource its <img> names; a new area or text size draws it again. In the
high-contrast theme the illustration palette is swapped (see kiosk.content.image_check).
"""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import unquote, urlparse

from PySide6.QtCore import QByteArray, QRectF, QSize, QUrl
from PySide6.QtGui import QImage, QPainter, QTextCursor, QTextDocument, QTextImageFormat
from PySide6.QtSvg import QSvgRenderer

from kiosk.content import Figure

log = logging.getLogger(__name__)

WIDTH_IN_EMS = 26  # a figure grows with the text size, up to the page width
HEIGHT_SHARE = 0.7  # of a screen: room is left for its caption and a few lines of text


def figure_size(aspect: float, text_width: float, screen_height: float, body_px: int) -> QSize:
    """Logical size of a figure whose height/width ratio is ``aspect``."""
    width = min(text_width, body_px * WIDTH_IN_EMS)
    height = width * aspect
    if height > screen_height * HEIGHT_SHARE:
        height = screen_height * HEIGHT_SHARE
        width = height / aspect
    return QSize(max(1, int(width)), max(1, int(height)))


class Illustrations:
    """Draws a topic's figures; keeps each parsed drawing, not the pictures."""

    def __init__(self) -> None:
        # False: figures are sized, never drawn (kiosk check lays pages out, shows none;
        # the layout reads only the sizes).
        self.paint = True
        self._renderers: dict[tuple[str, bool], QSvgRenderer | QImage] = {}
        self._checked: dict[str, bytes] = {}  # uri -> the bytes the loader checked

    def clear(self) -> None:
        self._renderers.clear()
        self._checked.clear()

    def remember(self, figures: tuple[Figure, ...]) -> None:
        """Draw these figures from the bytes checked at load (Figure.data), never the file."""
        self._checked.update((figure.source, figure.data) for figure in figures)

    def _source(self, uri: str, high_contrast: bool) -> QSvgRenderer | QImage:
        key = (uri, high_contrast)
        found = self._renderers.get(key)
        if found is None:
            path = Path(unquote(urlparse(uri).path))
            data = self._checked.get(uri, b"")
            if path.suffix.lower() == ".svg":
                text = data.decode("utf-8-sig", errors="replace")
                if high_contrast:  # the image checker's palette swap, imported when used
                    from kiosk.content.image_check import recolour_for_high_contrast

                    text = recolour_for_high_contrast(text)
                found = QSvgRenderer(QByteArray(text.encode("utf-8")))
                if not found.isValid():
                    log.warning("illustration %s could not be drawn", path.name)
            else:
                found = QImage.fromData(data)
            self._renderers[key] = found
        return found

    def aspect(self, uri: str, high_contrast: bool) -> float:
        source = self._source(uri, high_contrast)
        if isinstance(source, QSvgRenderer):
            box = source.viewBoxF()
            width, height = box.width(), box.height()
        else:
            width, height = source.width(), source.height()
        return height / width if width > 0 and height > 0 else 0.6

    def draw(self, uri: str, size: QSize, ratio: float, high_contrast: bool) -> QImage:
        source = self._source(uri, high_contrast)
        pixels = QSize(round(size.width() * ratio), round(size.height() * ratio))
        if isinstance(source, QImage):
            image = source.scaled(pixels)
        else:
            image = QImage(pixels, QImage.Format.Format_ARGB32_Premultiplied)
            image.fill(0)
            painter = QPainter(image)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            source.render(painter, QRectF(0, 0, pixels.width(), pixels.height()))
            painter.end()
        image.setDevicePixelRatio(ratio)
        return image

    def fit(
        self,
        document: QTextDocument,
        figures: tuple[Figure, ...],
        text_width: float,
        screen_height: float,
        body_px: int,
        ratio: float,
        high_contrast: bool,
    ) -> None:
        """Size and draw every figure of ``document`` for this area (before laying it out)."""
        if not figures:
            return
        self.remember(figures)
        wanted = {figure.source for figure in figures}
        margin = 2 * document.documentMargin()
        block = document.begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                fmt = fragment.charFormat()
                if fmt.isImageFormat() and fmt.toImageFormat().name() in wanted:
                    name = fmt.toImageFormat().name()
                    size = figure_size(
                        self.aspect(name, high_contrast),
                        text_width - margin,
                        screen_height,
                        body_px,
                    )
                    if _already_drawn(document, fmt.toImageFormat(), size, ratio, self.paint):
                        iterator += 1
                        continue  # the page shown again at the same size: nothing to redo
                    if self.paint:
                        image = self.draw(name, size, ratio, high_contrast)
                        document.addResource(
                            QTextDocument.ResourceType.ImageResource, QUrl(name), image
                        )
                    sized = QTextImageFormat()
                    sized.setWidth(size.width())
                    sized.setHeight(size.height())
                    cursor = QTextCursor(document)
                    cursor.setPosition(fragment.position())
                    cursor.setPosition(
                        fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor
                    )
                    cursor.mergeCharFormat(sized)
                iterator += 1
            block = block.next()


def _already_drawn(
    document: QTextDocument, fmt: QTextImageFormat, size: QSize, ratio: float, paint: bool
) -> bool:
    if round(fmt.width()) != size.width() or round(fmt.height()) != size.height():
        return False
    if not paint:
        return True  # sized is all that is asked
    drawn = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(fmt.name()))
    return isinstance(drawn, QImage) and drawn.devicePixelRatio() == ratio
