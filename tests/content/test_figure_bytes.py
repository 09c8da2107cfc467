"""A picture is read once, when its page is checked, and drawn from those bytes: the kiosk
never draws (or decodes) a file as it is on disk later. So a picture replaced after the
check (a giant PNG, a broken edit kept at its last good version) never reaches a patient."""

from __future__ import annotations

import struct
import zlib

from PySide6.QtCore import QSize

from kiosk.content import load_library
from kiosk.content.reload import merge_reload
from tests.content.test_loader_errors import write_topic

BLUE, PAPER = "#0B4A7F", "#F2E6CF"


def svg(colour: str) -> str:
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50">'
        f'<rect x="0" y="0" width="100" height="50" fill="{colour}"/></svg>\n'
    )


def png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = b"".join(b"\0" + b"\x0b\x4a\x7f" * width for _ in range(min(height, 8)))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(pixels))
        + chunk(b"IEND", b"")
    )


def page(text: str) -> str:
    return f'title: Une page\nkey: Un point.\n\n{text}\n\n![Un dessin.](images/d.svg "Le dessin")\n'


def illustrations_for(figure):
    from kiosk.ui.reading.illustrations import Illustrations

    illustrations = Illustrations()
    illustrations.remember((figure,))  # as fit() does for the page shown
    return illustrations


def drawn_colour(figure) -> str:
    image = illustrations_for(figure).draw(figure.source, QSize(40, 20), 1.0, False)
    return image.pixelColor(20, 10).name().upper()


def test_a_figure_keeps_the_bytes_that_were_checked(tmp_path):
    write_topic(tmp_path, {"01-a.md": page("Un texte."), "images/d.svg": svg(BLUE)})
    (figure,) = load_library(tmp_path).topic("fr", "t").pages[0].figures
    assert figure.data == svg(BLUE).encode()
    assert "rect" not in repr(figure)  # never a file's bytes in a log line


def test_a_picture_replaced_after_the_check_is_never_drawn(tmp_path, qapp):
    folder = write_topic(tmp_path, {"01-a.md": page("Un texte."), "images/d.svg": svg(BLUE)})
    (figure,) = load_library(tmp_path).topic("fr", "t").pages[0].figures
    (folder / "images" / "d.svg").write_text(svg(PAPER), encoding="utf-8")
    assert drawn_colour(figure) == BLUE


def test_a_giant_png_put_in_place_of_a_checked_one_is_never_decoded(tmp_path, qapp):
    small = png(8, 4)
    page_text = 'title: P\nkey: K.\n\nTexte.\n\n![Un dessin.](images/d.png "Le dessin")\n'
    folder = write_topic(tmp_path, {"01-a.md": page_text, "images/d.png": small})
    (figure,) = load_library(tmp_path).topic("fr", "t").pages[0].figures
    assert figure.data == small
    (folder / "images" / "d.png").write_bytes(png(30000, 30000))
    assert illustrations_for(figure).aspect(figure.source, False) == 0.5  # the 8 × 4 one


def test_a_broken_edit_keeps_the_old_text_with_the_old_picture(tmp_path, qapp):
    folder = write_topic(tmp_path, {"01-a.md": page("Un texte."), "images/d.svg": svg(BLUE)})
    old = load_library(tmp_path)
    # One edit: new text with a mistake (raw HTML), and a new picture.
    (folder / "01-a.md").write_text(page("Un autre texte. <b>oups</b>"), encoding="utf-8")
    (folder / "images" / "d.svg").write_text(svg(PAPER), encoding="utf-8")
    merged, kept = merge_reload(old, load_library(tmp_path))
    assert kept == ["fr/t"]
    shown = merged.topic("fr", "t").pages[0]
    assert "Un texte." in shown.text
    (figure,) = shown.figures
    assert figure.data == svg(BLUE).encode()
    assert drawn_colour(figure) == BLUE
