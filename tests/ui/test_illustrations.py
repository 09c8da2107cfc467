"""Pictures on the real pages: drawn where the page says, crisp at the size shown, swapped to
the high-contrast colours, never parted from their caption, and described to read-aloud and
to screen readers."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QColor, QImage
from PySide6.QtWidgets import QApplication

from kiosk.speech import Speaker
from kiosk.ui.reading.page_layout import OBJECT

SIZES = [(1280, 800), (800, 1280), (1920, 1080), (1024, 600)]


def open_page_with_figure(qtbot, window, slug: str):
    topic = window.current_topic()
    index = next(i for i, page in enumerate(topic.pages) if page.slug == slug)
    window.jump_to_page(index)
    view = window.reader.view
    figure_item = next(
        n for n, item in enumerate(view.items) if item.key[0] == 0 and _is_figure(view, n)
    )
    view.go_to_key(view.items[figure_item].key)
    QApplication.processEvents()
    return topic.pages[index], view


def _is_figure(view, number: int) -> bool:
    key = view.items[number].key
    block = view.document.findBlockByNumber(key[1])
    return block.text() == OBJECT


def figure_rect(view):
    """Where the page's picture is on the browser's viewport."""
    document = view.document
    block = document.begin()
    while block.isValid() and block.text() != OBJECT:
        block = block.next()
    rect = document.documentLayout().blockBoundingRect(block)
    offset = view.text.verticalScrollBar().value()
    return rect.translated(0, -offset).toRect(), block


def colours_in(image: QImage, rect) -> set[str]:
    found = set()
    step = max(1, min(rect.width(), rect.height()) // 60)
    for y in range(rect.top(), rect.bottom(), step):
        for x in range(rect.left(), rect.right(), step):
            found.add(QColor(image.pixel(x, y)).name().upper())
    return found


@pytest.mark.parametrize("high_contrast", [False, True])
def test_the_picture_is_drawn_where_the_page_puts_it(qtbot, make_window, high_contrast):
    window = make_window()
    qtbot.mouseClick(window.home.tiles[0], Qt.MouseButton.LeftButton)
    if high_contrast:
        window.set_high_contrast(True)
    _, view = open_page_with_figure(qtbot, window, "13-trocart")
    rect, block = figure_rect(view)
    assert rect.height() > 150 and view.text.viewport().rect().contains(rect)
    shot = view.text.viewport().grab().toImage()
    colours = colours_in(shot, rect)
    background = "#000000" if high_contrast else "#F7F4EE"
    drawn = colours - {background}
    assert len(drawn) > 5, "nothing drawn where the picture should be"
    instrument = "#FFE600" if high_contrast else "#0B4A7F"  # the trocar, in the palette
    assert instrument in colours
    if high_contrast:
        assert "#0B4A7F" not in colours and "#F2E6CF" not in colours
    # Crisp: the picture was drawn at the size it is shown, not scaled from another size.
    fmt = next(
        f.fragment().charFormat().toImageFormat()
        for f in _fragments(block)
        if f.fragment().charFormat().isImageFormat()
    )
    resource = view.document.resource(3, fmt.name())  # ImageResource
    ratio = view.devicePixelRatioF()
    assert isinstance(resource, QImage)
    assert resource.width() == round(fmt.width() * ratio)


def _fragments(block):
    iterator = block.begin()
    while not iterator.atEnd():
        yield iterator
        iterator += 1


def test_the_picture_grows_with_the_text_size(qtbot, make_window):
    window = make_window(1920, 1080)
    qtbot.mouseClick(window.home.tiles[0], Qt.MouseButton.LeftButton)
    _, view = open_page_with_figure(qtbot, window, "10-sejour")
    small = figure_rect(view)[0].width()
    window.set_text_scale(1)
    _, view = open_page_with_figure(qtbot, window, "10-sejour")
    assert figure_rect(view)[0].width() > small


@pytest.mark.parametrize("width,height", SIZES)
@pytest.mark.parametrize("scale", [0, 1, 2])
def test_a_picture_and_its_caption_share_a_screen(qtbot, make_window, width, height, scale):
    window = make_window(width, height)
    qtbot.mouseClick(window.home.tiles[0], Qt.MouseButton.LeftButton)
    window.set_text_scale(scale)
    topic = window.current_topic()
    pages_with_figures = [i for i, page in enumerate(topic.pages) if page.figures]
    assert len(pages_with_figures) >= 6
    view = window.reader.view
    for index in pages_with_figures:
        window.jump_to_page(index)
        for number in range(len(view.items)):
            if view.items[number].key[0] == 0 and _is_figure(view, number):
                screen = next(s for s in view.screens if s.first <= number < s.end)
                assert number + 1 < screen.end, (topic.pages[index].slug, width, height, scale)
                assert view.items[number].height <= view.height()


def test_read_aloud_and_screen_readers_get_the_alternative_text(qtbot, make_window):
    window = make_window(language="en")
    qtbot.mouseClick(window.home.tiles[0], Qt.MouseButton.LeftButton)
    speaker = Speaker("mock", parent=window)
    window.reader.set_speaker(speaker)
    page, view = open_page_with_figure(qtbot, window, "15-pose-des-vis")
    alt = page.figures[0].alt
    spoken: list[str] = []
    speaker.speak = lambda text, language: spoken.append(text)  # what would be said
    qtbot.mouseClick(window.reader.listen_button, Qt.MouseButton.LeftButton)
    assert spoken and f"Picture: {alt}" in spoken[0]
    assert OBJECT not in spoken[0]
    assert page.figures[0].caption in spoken[0]
    interface = QAccessible.queryAccessibleInterface(view.text)
    assert alt in interface.text(QAccessible.Text.Description)
    # A screen without the picture does not describe it.
    view.show_screen(0)
    if view.screen_index != next(
        i for i, s in enumerate(view.screens) for n in range(s.first, s.end) if _is_figure(view, n)
    ):
        assert alt not in interface.text(QAccessible.Text.Description)


def test_the_picture_palette_stands_out_on_both_themes():
    """Lines, labels, instruments and cement pass 3:1 against the page in both themes (the
    fills sit inside dark outlines)."""
    from kiosk.content.image_check import ILLUSTRATION_PALETTE
    from kiosk.ui.style.theme import CALM, HIGH_CONTRAST
    from tests.ui.test_accessibility import contrast

    drawn = ("#1B1B1B", "#0B4A7F", "#6E6E6E")  # ink, accent, cement
    for colour in drawn:
        assert contrast(colour, CALM.background) >= 3, colour
        assert contrast(ILLUSTRATION_PALETTE[colour], HIGH_CONTRAST.background) >= 3, colour
    # Cement is told from bone without colour: darker by 3:1 at least, on paper too.
    assert contrast("#6E6E6E", "#F2E6CF") >= 3
    assert contrast(ILLUSTRATION_PALETTE["#6E6E6E"], ILLUSTRATION_PALETTE["#F2E6CF"]) >= 3
