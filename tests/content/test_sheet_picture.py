"""The printed sheet's small picture comes from the bytes checked when its page loaded
(Figure.data), like the reader's pictures: never from the file as it is on disk later
(replaced by another picture, a broken or a giant one, or removed)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument

from kiosk import printing
from kiosk.content import load_library
from kiosk.summary import PICTURE_RESOURCE
from tests.content.test_figure_bytes import BLUE, PAPER, page, png, svg
from tests.content.test_loader_errors import TOPIC_MD, write_topic


def topic_with_picture(tmp_path):
    return write_topic(
        tmp_path,
        {
            "topic.md": TOPIC_MD + "picture: images/d.svg\n",
            "01-a.md": page("Un texte."),
            "images/d.svg": svg(BLUE),
        },
    )


def centre_colour(image: QImage) -> str:
    return image.pixelColor(image.width() // 2, image.height() // 2).name().upper()


def change_on_disk(folder, how: str) -> None:
    picture = folder / "images" / "d.svg"
    if how == "replaced":
        picture.write_text(svg(PAPER), encoding="utf-8")
    elif how == "giant":
        picture.write_bytes(png(30000, 30000))
    else:
        picture.unlink()


@pytest.mark.parametrize("how", ["replaced", "giant", "removed"])
def test_the_sheet_picture_is_drawn_from_the_checked_bytes(tmp_path, qapp, how):
    folder = topic_with_picture(tmp_path)
    topic = load_library(tmp_path).topic("fr", "t")
    assert topic.picture is not None and topic.picture.data == svg(BLUE).encode()
    change_on_disk(folder, how)
    image = printing.sheet_picture(topic.picture)
    assert image is not None and centre_colour(image) == BLUE


def test_the_summary_sheet_carries_the_checked_picture(qtbot, make_window, tmp_path):
    """Through the real summary screen: the document handed to the preview, the printer
    and the PDF holds the picture as it was checked."""
    folder = topic_with_picture(tmp_path)
    library = load_library(tmp_path)
    window = make_window(lib=library)
    qtbot.mouseClick(window.home.tiles[0], Qt.MouseButton.LeftButton)
    change_on_disk(folder, "replaced")
    window.show_summary()
    document = window.summary.document
    assert document is not None
    image = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(PICTURE_RESOURCE))
    assert isinstance(image, QImage) and not image.isNull()
    assert centre_colour(image) == BLUE
