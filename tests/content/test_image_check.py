"""Images on content pages: hostile or broken SVG, PNG and JPEG files are refused with a
reason staff can act on, a safe drawing passes, labels match the page's language, and the
high-contrast palette swap is a single pass (no Qt: the checks are plain Python)."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest

from kiosk.content.image_check import (
    ILLUSTRATION_PALETTE,
    MAX_SVG_BYTES,
    image_problems,
    image_warnings,
    off_palette_colours,
    recolour_for_high_contrast,
)

HEAD = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
    ' viewBox="0 0 200 100" xml:lang="fr">'
)
SAFE = f"""<?xml version="1.0" encoding="UTF-8"?>
{HEAD}
  <title>Vertèbre vue de côté</title>
  <defs>
    <linearGradient id="os"><stop offset="0" stop-color="#E3EEF7"/></linearGradient>
    <path id="vis" d="M0 0 L10 10"/>
  </defs>
  <style>.trait {{ stroke: #1B1B1B; fill: url(#os) }}</style>
  <rect width="200" height="100" fill="#F2E6CF"/>
  <use href="#vis" class="trait"/>
  <use xlink:href="#vis" x="20"/>
  <path d="M5 5 H50" style="stroke:#0b4a7f; fill:none" clip-path="url('#os')"/>
  <text x="10" y="90" fill="#1B1B1B">Vertèbre <tspan fill="#6E6E6E">L2</tspan></text>
</svg>
"""


def write(tmp_path: Path, text: str, name: str = "dessin.svg") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def svg(body: str, head: str = HEAD) -> str:
    """A drawing with ``body`` on line 3 (line 1 is the XML declaration, line 2 the <svg>)."""
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{head}\n{body}\n</svg>\n'


def problems_of(tmp_path: Path, text: str, language: str = "fr") -> list[str]:
    return image_problems(write(tmp_path, text), language)


def test_a_safe_drawing_passes_without_problems_or_warnings(tmp_path):
    path = write(tmp_path, SAFE)
    assert image_problems(path, "fr") == []
    assert image_warnings(path, "fr") == []


# --- hostile SVG, one variant each -------------------------------------------------------


def test_script_element(tmp_path):
    problems = problems_of(tmp_path, svg("<script>alert(1)</script>"))
    assert problems == ["contains a <script> element (line 3)"]


def test_script_in_another_namespace_is_refused_too(tmp_path):
    body = '<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>'
    assert problems_of(tmp_path, svg(body)) == ["contains a <script> element (line 3)"]


def test_foreign_object(tmp_path):
    body = '<foreignObject width="10" height="10"><p xmlns="http://www.w3.org/1999/xhtml">x</p>'
    problems = problems_of(tmp_path, svg(body + "</foreignObject>"))
    assert len(problems) == 1
    assert problems[0].startswith("contains a <foreignObject> element")
    assert problems[0].endswith("(line 3)")


def test_xlink_href_to_a_web_address(tmp_path):
    problems = problems_of(tmp_path, svg('<use xlink:href="http://evil.example/x.svg#a"/>'))
    assert problems == [
        "links outside the drawing: xlink:href='http://evil.example/x.svg#a' on <use> (line 3); "
        "only links to an #id inside the same file are allowed"
    ]


def test_xlink_href_to_a_file(tmp_path):
    problems = problems_of(tmp_path, svg('<use xlink:href="file:///etc/passwd"/>'))
    assert len(problems) == 1
    assert "links outside the drawing: xlink:href='file:///etc/passwd' on <use>" in problems[0]


def test_href_to_a_fragment_of_another_file(tmp_path):
    problems = problems_of(tmp_path, svg('<use href="autre.svg#vis"/>'))
    assert len(problems) == 1
    assert "links outside the drawing: href='autre.svg#vis' on <use> (line 3)" in problems[0]


def test_image_element_with_a_data_uri(tmp_path):
    body = '<image width="1" height="1" href="data:image/png;base64,iVBORw0KGgo="/>'
    problems = problems_of(tmp_path, svg(body))
    assert problems[0] == (
        "contains an <image> element (pictures inside a drawing are not allowed) (line 3)"
    )
    assert "links outside the drawing: href='data:image/png;base64" in problems[1]
    assert len(problems) == 2


def test_onload_attribute(tmp_path):
    head = HEAD.replace("<svg ", '<svg onload="alert(1)" ')
    problems = problems_of(tmp_path, svg('<rect width="1" height="1"/>', head))
    assert problems == ["has an event handler onload=… on <svg> (line 2): scripts are not allowed"]


def test_event_handler_attribute_is_refused_whatever_its_case(tmp_path):
    problems = problems_of(tmp_path, svg('<rect width="1" height="1" onClick="x()"/>'))
    assert problems == [
        "has an event handler onClick=… on <rect> (line 3): scripts are not allowed"
    ]


def test_style_with_a_remote_url(tmp_path):
    body = "<style>\nrect { fill: url(http://evil.example/p.svg#g) }\n</style>"
    problems = problems_of(tmp_path, svg(body))
    assert problems == [
        "loads 'url(http://evil.example/p.svg#g)' in <style> (line 3): only url(#id) is allowed"
    ]


def test_remote_url_in_an_attribute(tmp_path):
    problems = problems_of(tmp_path, svg('<rect width="1" height="1" fill="URL(x.svg#g)"/>'))
    assert problems == ["loads 'URL(x.svg#g)' in fill on <rect> (line 3): only url(#id) is allowed"]


def test_import_in_style(tmp_path):
    problems = problems_of(tmp_path, svg('<style>@import "http://evil.example/a.css";</style>'))
    assert problems == ["has an @import in <style> (line 3): styles must be inside the file"]


def test_css_escape_in_style_is_refused(tmp_path):
    # \72 is "r": a CSS parser would read u\72l( as url(
    problems = problems_of(tmp_path, svg(r"<style>rect { fill: u\72l(http://x/y) }</style>"))
    assert problems == ["has a CSS escape (\\) in <style> (line 3): not allowed"]


def test_doctype_with_entities_billion_laughs(tmp_path):
    text = """<?xml version="1.0"?>
<!DOCTYPE svg [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><text>&lol3;</text></svg>
"""
    assert problems_of(tmp_path, text) == [
        "contains an <!DOCTYPE> declaration (line 2): DTDs and entities are not allowed",
        "contains an <!ENTITY> declaration (line 3): DTDs and entities are not allowed",
    ]


def test_doctype_hidden_from_the_text_check_is_refused_by_the_parser(tmp_path):
    # UTF-16 hides "<!DOCTYPE" from a byte search: the file is refused as not UTF-8 first.
    text = '<?xml version="1.0" encoding="UTF-16"?>\n<!DOCTYPE svg>\n<svg/>'
    path = tmp_path / "seize.svg"
    path.write_bytes(text.encode("utf-16"))
    assert image_problems(path, "fr") == ["is not UTF-8 text (line 1): save the SVG as UTF-8"]


def test_not_well_formed(tmp_path):
    problems = problems_of(tmp_path, svg("<g><rect width='1' height='1'></g>"))
    assert problems == ["is not well-formed XML: mismatched tag: line 3, column 32"]


def test_wrong_root(tmp_path):
    text = '<html xmlns="http://www.w3.org/1999/xhtml"><body>x</body></html>'
    assert problems_of(tmp_path, text) == ["is not an SVG drawing (its first element is <html>)"]


def test_svg_root_without_the_svg_namespace(tmp_path):
    problems = problems_of(tmp_path, '<svg viewBox="0 0 10 10"><rect/></svg>')
    assert problems == [
        'is not an SVG drawing: its <svg> element lacks xmlns="http://www.w3.org/2000/svg"'
    ]


def test_huge_view_box(tmp_path):
    head = HEAD.replace('viewBox="0 0 200 100"', 'viewBox="0 0 100000 50"')
    problems = problems_of(tmp_path, svg("<rect width='1' height='1'/>", head))
    assert problems == [
        "is too large a drawing (viewBox 100000 × 50; at most 4096 in either dimension)"
    ]


@pytest.mark.parametrize(
    ("size", "expected"),
    [
        ('viewBox="0 0 0 100"', "has a zero or negative size (viewBox 0 × 100)"),
        ('width="-5" height="10"', "has a zero or negative size (width and height -5 × 10)"),
        ('width="100in" height="1in"', "is too large a drawing (width and height 9600 × 96;"),
        ('viewBox="0 0 10"', "has an invalid viewBox '0 0 10' (four numbers)"),
        ('width="100%" height="100%"', "has no size: give its <svg> element a viewBox"),
        ("", "has no size: give its <svg> element a viewBox"),
    ],
)
def test_drawing_size_must_be_sane(tmp_path, size, expected):
    head = f'<svg xmlns="http://www.w3.org/2000/svg" {size}>'
    problems = problems_of(tmp_path, svg("<rect width='1' height='1'/>", head))
    assert len(problems) == 1
    assert problems[0].startswith(expected)


def test_width_and_height_alone_are_a_size(tmp_path):
    head = '<svg xmlns="http://www.w3.org/2000/svg" width="300px" height="200">'
    assert problems_of(tmp_path, svg("<rect width='1' height='1'/>", head)) == []


def test_too_big_file_is_refused_before_parsing(tmp_path):
    padding = "<!--" + "x" * MAX_SVG_BYTES + "-->"
    problems = problems_of(tmp_path, svg(padding))
    assert problems == ["is too large (over 512 KiB, the limit for an SVG)"]


def test_nested_use_copies_that_multiply_are_refused(tmp_path):
    levels = ['<path id="l0" d="M0 0 H1"/>']
    for level in range(1, 9):  # 10 copies of 10 copies of ... = 10**8 paths
        uses = "".join(f'<use href="#l{level - 1}"/>' for _ in range(10))
        levels.append(f'<g id="l{level}">{uses}</g>')
    problems = problems_of(tmp_path, svg("<defs>" + "".join(levels) + "</defs>"))
    assert problems == ["would draw too many shapes (over 50000 once <use> copies are counted)"]


def test_use_of_its_own_ancestor_is_a_loop(tmp_path):
    problems = problems_of(tmp_path, svg('<g id="boucle"><use href="#boucle"/></g>'))
    assert problems == ["has a <use> that copies itself (a loop)"]


def test_deep_nesting_is_refused(tmp_path):
    problems = problems_of(tmp_path, svg("<g>" * 100 + "</g>" * 100))
    assert problems == ["nests elements more than 64 deep (line 3)"]


def test_stylesheet_processing_instruction_is_refused(tmp_path):
    text = '<?xml-stylesheet href="http://evil.example/a.css"?>\n' + svg("").split("\n", 1)[1]
    problems = problems_of(tmp_path, text)
    assert problems == ["contains a processing instruction <?xml-stylesheet?> (line 1)"]


def test_animating_an_href_is_refused(tmp_path):
    body = '<a href="#x"><set attributeName="xlink:href" to="http://evil.example/"/></a>'
    problems = problems_of(tmp_path, svg(body))
    assert problems == ["animates 'xlink:href' on <set> (line 3): not allowed"]


def test_a_folder_named_like_an_image_is_refused(tmp_path):
    folder = tmp_path / "dossier.svg"
    folder.mkdir()
    assert image_problems(folder, "fr") == ["is not a regular file (a device, a pipe or a folder)"]


# --- language of the labels --------------------------------------------------------------


def test_text_without_xml_lang(tmp_path):
    head = HEAD.replace(' xml:lang="fr"', "")
    problems = problems_of(tmp_path, svg('<text x="1" y="9">Vertèbre</text>', head))
    assert problems == ['has text labels but no xml:lang (add xml:lang="fr" to its <svg>)']


def test_text_in_the_wrong_language(tmp_path):
    head = HEAD.replace('xml:lang="fr"', 'xml:lang="en"')
    problems = problems_of(tmp_path, svg('<text x="1" y="9">Vertebra</text>', head))
    assert problems == ["has labels in 'en' on a 'fr' page (line 3)"]


def test_one_label_in_another_language_is_found(tmp_path):
    body = '<text>Vertèbre</text>\n<text xml:lang="en">Vertebra</text>'
    assert problems_of(tmp_path, svg(body)) == ["has labels in 'en' on a 'fr' page (line 4)"]


def test_plain_lang_and_a_region_are_accepted(tmp_path):
    head = HEAD.replace('xml:lang="fr"', 'lang="fr-FR"')
    assert problems_of(tmp_path, svg("<text>Vertèbre</text>", head)) == []


def test_no_text_needs_no_language(tmp_path):
    head = HEAD.replace(' xml:lang="fr"', "")
    body = '<rect width="1" height="1"/><text>  </text><title>Titre</title>'
    assert problems_of(tmp_path, svg(body, head)) == []
    assert problems_of(tmp_path, svg(body, head), language="en") == []


# --- colours -----------------------------------------------------------------------------


def test_recolour_swaps_each_palette_colour_whatever_its_case():
    text = '<rect fill="#1b1b1b" stroke="#0B4A7F"/><path style="fill:#F2e6cF;stroke:#6E6E6E"/>'
    assert recolour_for_high_contrast(text) == (
        '<rect fill="#FFFFFF" stroke="#FFE600"/><path style="fill:#000000;stroke:#BFBFBF"/>'
    )


def test_recolour_is_a_single_pass():
    # One replace per colour would turn A into B, then that B into C.
    chain = {"#AAAAAA": "#BBBBBB", "#BBBBBB": "#CCCCCC"}
    text = 'fill="#aaaaaa" stroke="#BBBBBB"'
    assert recolour_for_high_contrast(text, chain) == 'fill="#BBBBBB" stroke="#CCCCCC"'


def test_recolour_leaves_other_and_longer_hex_values_alone():
    text = 'fill="#1B1B1B80" stroke="#1B1B1C" color="red"'
    assert recolour_for_high_contrast(text) == text


def test_the_recoloured_safe_drawing_uses_only_high_contrast_colours():
    recoloured = recolour_for_high_contrast(SAFE)
    assert set(off_palette_colours(recoloured)) == set(ILLUSTRATION_PALETTE.values())


def test_off_palette_colours_are_found_in_attributes_and_styles():
    text = (
        '<rect fill="#ff0000" stroke="#1B1B1B"/>'
        '<stop stop-color="red"/>'
        '<path style="fill: rgb(1, 2, 3); stroke:none" color="currentColor"/>'
        "<style>.a { fill: #F00 !important; stroke: transparent } .b { color: #0b4a7f }</style>"
        '<rect fill="url(#g) #00FF00" fill-opacity="0.5"/>'
        '<rect fill="#FF0000"/>'
    )
    assert off_palette_colours(text) == ["#FF0000", "red", "#00FF00", "rgb(1, 2, 3)", "#F00"]


def test_palette_colours_are_not_off_palette():
    assert off_palette_colours(SAFE) == []


def test_off_palette_colours_are_a_warning_not_a_problem(tmp_path):
    path = write(tmp_path, svg('<rect width="1" height="1" fill="#FF0000"/>'))
    assert image_problems(path, "fr") == []
    assert image_warnings(path, "fr") == [
        "uses colours outside the illustration palette (#FF0000): "
        "they will not change in high contrast"
    ]


# --- PNG and JPEG ------------------------------------------------------------------------


def png(width: int, height: int, crc_ok: bool = True) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) ^ (0 if crc_ok or kind != b"IHDR" else 1)
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(min(height, 4)))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def jpeg(width: int, height: int, padding: int = 0) -> bytes:
    """A JPEG header: SOI, an APP0 segment (with ``padding`` extra bytes), then SOF0."""
    app0 = b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + b"\x00" * padding
    sof0 = struct.pack(">BHHB", 8, height, width, 1) + b"\x01\x11\x00"
    return (
        b"\xff\xd8"
        + b"\xff\xe0"
        + struct.pack(">H", len(app0) + 2)
        + app0
        + b"\xff\xc0"
        + struct.pack(">H", len(sof0) + 2)
        + sof0
        + b"\xff\xd9"
    )


def write_bytes(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_small_png_passes(tmp_path):
    assert image_problems(write_bytes(tmp_path, "vis.png", png(3, 2)), "fr") == []


def test_png_too_many_pixels(tmp_path):
    path = write_bytes(tmp_path, "vis.png", png(5000, 10))
    assert image_problems(path, "fr") == [
        "is too large a picture (5000 × 10 pixels; at most 4096 × 4096)"
    ]


def test_png_with_no_pixels(tmp_path):
    assert image_problems(write_bytes(tmp_path, "vis.png", png(0, 10)), "fr") == [
        "has no pixels (0 × 10)"
    ]


def test_png_that_is_not_a_png(tmp_path):
    path = write_bytes(tmp_path, "vis.png", b"<html>not an image</html>")
    assert image_problems(path, "fr") == ["is not a real PNG file"]


def test_jpeg_named_png_says_what_it_is(tmp_path):
    path = write_bytes(tmp_path, "vis.png", jpeg(10, 10))
    assert image_problems(path, "fr") == [
        "is not a real PNG file (it is a JPEG file: rename it .jpg)"
    ]


def test_png_with_a_damaged_header(tmp_path):
    path = write_bytes(tmp_path, "vis.png", png(3, 2, crc_ok=False))
    assert image_problems(path, "fr") == ["is a damaged PNG file (its header fails its checksum)"]
    truncated = write_bytes(tmp_path, "court.png", png(3, 2)[:12])
    assert image_problems(truncated, "fr") == [
        "is a damaged PNG file (its header chunk is missing)"
    ]


def test_too_big_png_file(tmp_path):
    path = write_bytes(tmp_path, "vis.png", png(3, 2) + b"\x00" * (4 * 1024 * 1024))
    assert image_problems(path, "fr") == ["is too large (over 4 MiB, the limit for a PNG image)"]


@pytest.mark.parametrize("name", ["photo.jpg", "photo.JPEG"])
def test_small_jpeg_passes(tmp_path, name):
    assert image_problems(write_bytes(tmp_path, name, jpeg(640, 480, padding=3000)), "fr") == []


def test_jpeg_too_many_pixels(tmp_path):
    path = write_bytes(tmp_path, "photo.jpg", jpeg(640, 5000))
    assert image_problems(path, "fr") == [
        "is too large a picture (640 × 5000 pixels; at most 4096 × 4096)"
    ]


def test_jpeg_with_zero_height(tmp_path):
    path = write_bytes(tmp_path, "photo.jpg", jpeg(640, 0))
    assert image_problems(path, "fr") == ["has no pixels (640 × 0)"]


def test_jpeg_that_is_not_a_jpeg(tmp_path):
    path = write_bytes(tmp_path, "photo.jpg", png(3, 2))
    assert image_problems(path, "fr") == [
        "is not a real JPEG file (it is a PNG file: rename it .png)"
    ]


def test_jpeg_without_a_frame_header(tmp_path):
    path = write_bytes(tmp_path, "photo.jpg", b"\xff\xd8\xff\xd9")
    assert image_problems(path, "fr") == ["is a damaged JPEG file (no image size in its header)"]
