"""Checks for the images content pages show, before anything draws them.

Images come from content folders that staff edit, so a file may be broken or hostile: an
SVG can run scripts, load remote or local files, expand entities until memory runs out or
ask to be drawn a million pixels wide. ``image_problems`` says what is wrong with a file in
words staff can act on; a file with any problem must not be rendered. Nothing here draws or
imports Qt: SVGs are read with expat, PNG and JPEG files only as far as their headers.

The high-contrast theme swaps the calm illustration palette for a bright one
(``recolour_for_high_contrast``); colours outside the palette stay as they are, which
``image_warnings`` points out.
"""

from __future__ import annotations

import io
import os
import re
import struct
import xml.etree.ElementTree as ET
import zlib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import BinaryIO
from xml.parsers import expat

from kiosk.content.safe_read import ContentFileError, read_regular

MAX_SVG_BYTES = 512 * 1024
MAX_RASTER_BYTES = 4 * 1024 * 1024
MAX_DIMENSION = 4096  # pixels for PNG and JPEG, user units for SVG
MAX_DEPTH = 64  # elements nested deeper than this are refused (and never walked)
MAX_DRAWN = 50_000  # elements drawn once every <use> copy is expanded

ILLUSTRATION_PALETTE: dict[str, str] = {
    "#1B1B1B": "#FFFFFF",  # ink -> white
    "#F2E6CF": "#000000",  # paper -> black
    "#E3EEF7": "#1F1F1F",  # light fill -> near black
    "#0B4A7F": "#FFE600",  # accent blue -> yellow
    "#6E6E6E": "#BFBFBF",  # grey -> light grey
}

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
REFUSED_ELEMENTS = {
    "script": "a <script> element",
    "foreignObject": "a <foreignObject> element (HTML inside the drawing)",
    "image": "an <image> element (pictures inside a drawing are not allowed)",
    "iframe": "an <iframe> element",
    "video": "a <video> element",
    "audio": "an <audio> element",
    "animation": "an <animation> element",
    "handler": "a <handler> element (script)",
    "listener": "a <listener> element (script)",
}
_ID = r"[^\W\d][\w.:-]*"
_FRAGMENT = re.compile(rf"#{_ID}")
_URL = re.compile(r"url\(", re.IGNORECASE)
_SAFE_URL = re.compile(rf"url\(\s*(['\"]?)#{_ID}\1\s*\)", re.IGNORECASE)
_IMPORT = re.compile(r"@import", re.IGNORECASE)
_DECLARATION = re.compile(r"<!(DOCTYPE|ENTITY)", re.IGNORECASE)
_NUMBER = r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?"
_LENGTH = re.compile(rf"\s*({_NUMBER})\s*(px|pt|pc|mm|cm|in|%|em|ex)?\s*")
_PX_PER_UNIT = {
    "": 1.0,
    "px": 1.0,
    "pt": 4 / 3,
    "pc": 16.0,
    "mm": 96 / 25.4,
    "cm": 96 / 2.54,
    "in": 96.0,
}

# Colours: presentation attributes, and the same properties inside style text.
_COLOUR_PROPERTIES = r"fill|stroke|color|stop-color|flood-color|lighting-color"
_COLOUR_ATTRIBUTE = re.compile(rf"(?<![\w:.-])(?:{_COLOUR_PROPERTIES})\s*=\s*(['\"])(.*?)\1")
_COLOUR_PROPERTY = re.compile(rf"(?<![\w-])(?:{_COLOUR_PROPERTIES})\s*:\s*([^;\"'}}<>]*)")
_COLOUR_TOKEN = re.compile(r"url\([^)]*\)|#[0-9A-Fa-f]+\b|[A-Za-z-]+\([^)]*\)|[A-Za-z-]+")
_NOT_COLOURS = {"none", "transparent", "currentcolor", "inherit", "initial", "unset"}

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
JPEG_MAGIC = b"\xff\xd8"
# Start-of-frame markers carry the size: C0-CF except C4 (DHT), C8 (JPG) and CC (DAC).
_JPEG_SOF = set(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}
_JPEG_NO_LENGTH = {0x01, *range(0xD0, 0xD9)}  # TEM, RSTn and SOI have no length field
_JPEG_MAX_SEGMENTS = 10_000


def _swap_pattern(palette: Mapping[str, str]) -> re.Pattern[str]:
    keys = "|".join(re.escape(colour) for colour in palette)
    return re.compile(f"(?:{keys})(?![0-9A-Fa-f])", re.IGNORECASE)


_PALETTE_SWAP = _swap_pattern(ILLUSTRATION_PALETTE)


class _Refused(Exception):
    """Raised from inside the expat handlers to stop reading a file at once."""


def image_problems(path: Path, language: str) -> list[str]:
    """What makes the image at ``path`` unsafe or unusable; empty if it may be shown.

    ``path`` exists inside its topic folder and ends in .svg, .png, .jpg or .jpeg;
    ``language`` is the language of the page that shows it (an SVG's labels must match).
    Each message starts with a verb, to follow "image 'images/x.svg' ...".
    """
    return check_image(path, language)[1]


def check_image(path: Path, language: str) -> tuple[bytes | None, list[str]]:
    """The image's bytes, read once, and what makes them unsafe or unusable (see
    image_problems). The bytes are None when the file was not read whole; only bytes with
    no problem may be drawn, and they, not the file (which may change), are what is drawn."""
    suffix = path.suffix.lower()
    kinds = {".svg": "SVG", ".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG"}
    kind = kinds.get(suffix)
    if kind is None:
        return None, ["has an unsupported type (use PNG, JPEG or SVG)"]
    limit = MAX_SVG_BYTES if kind == "SVG" else MAX_RASTER_BYTES
    try:
        data = read_regular(path, limit)
    except ContentFileError as refused:
        return None, [str(refused)]
    except OSError as error:
        return None, [f"cannot be read: {error.strerror or error}"]
    if len(data) > limit:
        if kind == "SVG":
            return None, [f"is too large (over {limit // 1024} KiB, the limit for an SVG)"]
        megabytes = limit // (1024 * 1024)
        return None, [f"is too large (over {megabytes} MiB, the limit for a {kind} image)"]
    try:
        problems = _svg_problems(data, language) if kind == "SVG" else _raster_problems(data, kind)
    except _Refused as refused:
        problems = [str(refused)]
    return data, problems


def image_warnings(path: Path, language: str, data: bytes | None = None) -> list[str]:
    """Things worth fixing that do not stop the image being shown (SVG colours).

    Only meaningful for a file without problems; a file that cannot be read gives none.
    ``data``: the file's bytes already read (by check_image), else the file is read.
    """
    del language  # same signature as image_problems; no warning depends on it yet
    if path.suffix.lower() != ".svg":
        return []
    try:
        if data is None:
            data = read_regular(path, MAX_SVG_BYTES)
        text = data.decode("utf-8-sig")
    except (OSError, ContentFileError, UnicodeDecodeError):
        return []
    if len(data) > MAX_SVG_BYTES:
        return []
    colours = off_palette_colours(text)
    if not colours:
        return []
    return [
        f"uses colours outside the illustration palette ({', '.join(colours)}): "
        "they will not change in high contrast"
    ]


def off_palette_colours(svg_text: str) -> list[str]:
    """Colours of fill, stroke, color and stop-color (attributes and style properties) that
    the high-contrast theme will not swap, each once, in order of appearance.

    Hex colours are given in capitals (#ff0000 -> #FF0000); a colour written another way
    (red, rgb(...), #F00) is never swapped, even when it names a palette colour.
    """
    values = [m.group(2) for m in _COLOUR_ATTRIBUTE.finditer(svg_text)]
    values += [m.group(1) for m in _COLOUR_PROPERTY.finditer(svg_text)]
    found: list[str] = []
    for value in values:
        for token in _COLOUR_TOKEN.findall(value.replace("!important", "")):
            if token.lower().startswith("url(") or token.lower() in _NOT_COLOURS:
                continue
            colour = token.upper() if token.startswith("#") else " ".join(token.split())
            if colour not in ILLUSTRATION_PALETTE and colour not in found:
                found.append(colour)
    return found


def recolour_for_high_contrast(svg_text: str, palette: Mapping[str, str] | None = None) -> str:
    """The SVG with each palette colour swapped for its high-contrast one.

    One regex pass over the text: a swapped colour is never swapped again, even if it is
    itself a key of the palette. Only exact #RRGGBB values are swapped, in any case.
    ``palette`` (capitalised #RRGGBB keys) defaults to ILLUSTRATION_PALETTE.
    """
    if palette is None:
        palette, pattern = ILLUSTRATION_PALETTE, _PALETTE_SWAP
    else:
        pattern = _swap_pattern(palette)
    swaps = {key.upper(): value for key, value in palette.items()}
    return pattern.sub(lambda m: swaps[m.group(0).upper()], svg_text)


# --- SVG ---------------------------------------------------------------------------------


def _svg_problems(data: bytes, language: str) -> list[str]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return [f"is not UTF-8 text (line {line}): save the SVG as UTF-8"]
    # Entity declarations live in a DTD: refused before the parser sees them (billion laughs,
    # external entities). The handlers in _parse refuse them again, should one slip through.
    problems = [
        f"contains an <!{kind}> declaration (line {line}): DTDs and entities are not allowed"
        for kind, line in _declarations(text)
    ]
    if problems:
        return problems
    try:
        root, lines, instructions = _parse(text)
    except _Refused as refused:
        return [str(refused)]
    except expat.ExpatError as error:
        return [f"is not well-formed XML: {error}"]

    problems = [
        f"contains a processing instruction <?{target}?> (line {line})"
        for target, line in instructions
    ]
    if root.tag != f"{SVG}svg":
        if _local(root.tag) == "svg":
            return [
                'is not an SVG drawing: its <svg> element lacks xmlns="http://www.w3.org/2000/svg"'
            ]
        return [f"is not an SVG drawing (its first element is <{_local(root.tag)}>)", *problems]
    for element in root.iter():
        problems += _element_problems(element, lines[element])
    problems += _size_problems(root)
    problems += _language_problems(root, lines, language)
    problems += _use_problems(root)
    return problems


def _declarations(text: str) -> Iterator[tuple[str, int]]:
    seen: set[str] = set()
    for match in _DECLARATION.finditer(text):
        kind = match.group(1).upper()
        if kind not in seen:
            seen.add(kind)
            yield kind, text.count("\n", 0, match.start()) + 1


def _parse(text: str) -> tuple[ET.Element, dict[ET.Element, int], list[tuple[str, int]]]:
    """The element tree, each element's line, and the processing instructions with theirs.

    Expat drives an ElementTree builder directly so that every element keeps its line
    (ElementTree's own parser forgets them). Names are in ElementTree's {namespace}local form.
    """
    parser = expat.ParserCreate(namespace_separator="}")
    parser.buffer_text = True
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    builder = ET.TreeBuilder()
    lines: dict[ET.Element, int] = {}
    instructions: list[tuple[str, int]] = []
    depth = 0

    def name(raw: str) -> str:
        return "{" + raw if "}" in raw else raw

    def start(tag: str, attributes: dict[str, str]) -> None:
        nonlocal depth
        depth += 1
        line = parser.CurrentLineNumber
        if depth > MAX_DEPTH:
            raise _Refused(f"nests elements more than {MAX_DEPTH} deep (line {line})")
        element = builder.start(name(tag), {name(k): v for k, v in attributes.items()})
        lines[element] = line

    def end(tag: str) -> None:
        nonlocal depth
        depth -= 1
        builder.end(name(tag))

    def instruction(target: str, _data: str) -> None:
        instructions.append((target, parser.CurrentLineNumber))

    def declaration(*_args: object) -> None:
        line = parser.CurrentLineNumber
        raise _Refused(f"contains a DTD or entity declaration (line {line}): not allowed")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = builder.data
    parser.ProcessingInstructionHandler = instruction
    parser.StartDoctypeDeclHandler = declaration
    parser.EntityDeclHandler = declaration
    parser.Parse(text, True)
    return builder.close(), lines, instructions


def _local(name: str) -> str:
    return name.rpartition("}")[2]


def _attribute_label(name: str) -> str:
    if name.startswith(XLINK):
        return "xlink:" + _local(name)
    if name == XML_LANG:
        return "xml:lang"
    return _local(name)


def _shorten(value: str, limit: int = 60) -> str:
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _element_problems(element: ET.Element, line: int) -> list[str]:
    tag = _local(element.tag)
    where = f"on <{tag}> (line {line})"
    problems: list[str] = []
    if tag in REFUSED_ELEMENTS:
        problems.append(f"contains {REFUSED_ELEMENTS[tag]} (line {line})")
    for key, value in element.attrib.items():
        local = _local(key)
        label = _attribute_label(key)
        if local.lower().startswith("on"):
            problems.append(f"has an event handler {label}=… {where}: scripts are not allowed")
        elif local == "href" and not _FRAGMENT.fullmatch(value.strip()):
            problems.append(
                f"links outside the drawing: {label}={_shorten(value)!r} {where}; "
                "only links to an #id inside the same file are allowed"
            )
        elif local == "attributeName" and (
            value.rpartition(":")[2].strip().lower() in ("href", "style")
            or value.rpartition(":")[2].strip().lower().startswith("on")
        ):
            problems.append(f"animates {value!r} {where}: not allowed")
        problems += _css_problems(value, f"in {label} {where}", css=local == "style")
    if tag == "style":
        problems += _css_problems("".join(element.itertext()), f"in <style> (line {line})")
    return problems


def _css_problems(value: str, where: str, css: bool = True) -> list[str]:
    """``url()`` anywhere but #id; in style text also @import and CSS escapes (which could
    spell ``url(`` or ``@import`` in a way the checks above would not see)."""
    problems = [
        f"loads {_shorten(value[m.start() : value.find(')', m.start()) + 1] or value)!r} "
        f"{where}: only url(#id) is allowed"
        for m in _URL.finditer(value)
        if not _SAFE_URL.match(value, m.start())
    ]
    if css and _IMPORT.search(value):
        problems.append(f"has an @import {where}: styles must be inside the file")
    if css and "\\" in value:
        problems.append(f"has a CSS escape (\\) {where}: not allowed")
    return problems


def _length(value: str | None) -> tuple[float | None, str]:
    """A width or height in px, or None for a relative one (%, em): (px, problem)."""
    if value is None:
        return None, ""
    match = _LENGTH.fullmatch(value)
    if not match:
        return None, f"has an invalid size {_shorten(value)!r}"
    unit = match.group(2) or ""
    if unit not in _PX_PER_UNIT:
        return None, ""
    return float(match.group(1)) * _PX_PER_UNIT[unit], ""


def _size_problems(root: ET.Element) -> list[str]:
    sizes: list[tuple[str, float, float]] = []  # what, width, height
    problems: list[str] = []
    view_box = root.get("viewBox")
    if view_box is not None:
        numbers = re.split(r"[\s,]+", view_box.strip())
        if len(numbers) != 4 or not all(re.fullmatch(_NUMBER, n) for n in numbers):
            problems.append(f"has an invalid viewBox {_shorten(view_box)!r} (four numbers)")
        else:
            sizes.append(("viewBox", float(numbers[2]), float(numbers[3])))
    width, width_problem = _length(root.get("width"))
    height, height_problem = _length(root.get("height"))
    problems += [p for p in (width_problem, height_problem) if p]
    if width is not None and height is not None:
        sizes.append(("width and height", width, height))
    for what, w, h in sizes:
        if w <= 0 or h <= 0:
            problems.append(f"has a zero or negative size ({what} {w:g} × {h:g})")
        elif w > MAX_DIMENSION or h > MAX_DIMENSION:
            problems.append(
                f"is too large a drawing ({what} {w:g} × {h:g}; "
                f"at most {MAX_DIMENSION} in either dimension)"
            )
    if not sizes and not problems:
        problems.append(
            "has no size: give its <svg> element a viewBox, or a width and height in px"
        )
    return problems


def _language_problems(root: ET.Element, lines: dict[ET.Element, int], language: str) -> list[str]:
    wanted = language.lower()

    def declared(element: ET.Element) -> str | None:
        value = element.get(XML_LANG, element.get("lang"))
        return None if value is None else value.strip()

    def matches(value: str) -> bool:
        value = value.lower().replace("_", "-")
        return value == wanted or value.startswith(wanted + "-")

    labelled: list[tuple[ET.Element, str | None]] = []  # <text> elements, language in force

    def walk(element: ET.Element, inherited: str | None) -> None:
        here = declared(element) or inherited
        if _local(element.tag) == "text" and "".join(element.itertext()).strip():
            labelled.append((element, here))
        for child in element:
            walk(child, here)

    walk(root, None)
    if not labelled:
        return []
    if declared(root) is None:
        return [f'has text labels but no xml:lang (add xml:lang="{language}" to its <svg>)']
    problems: list[str] = []
    for element, value in labelled:
        if value is not None and not matches(value):
            line = lines[element]
            problems.append(f"has labels in {value!r} on a {language!r} page (line {line})")
    return problems


def _use_problems(root: ET.Element) -> list[str]:
    """A <use> copies the element it names: nested copies multiply (the "billion laughs"
    of SVG) and a copy of an ancestor never ends. Count what would be drawn."""
    by_id = {e.get("id"): e for e in root.iter() if e.get("id")}
    counted: dict[ET.Element, int] = {}
    in_progress: set[ET.Element] = set()

    def reference(element: ET.Element) -> ET.Element | None:
        if _local(element.tag) not in ("use", "tref"):
            return None
        href = element.get("href", element.get(f"{XLINK}href", "")).strip()
        return by_id.get(href[1:]) if href.startswith("#") else None

    def drawn(element: ET.Element, chain: int) -> int:
        if element in counted:
            return counted[element]
        if element in in_progress:
            raise _Refused("has a <use> that copies itself (a loop)")
        if chain > 4 * MAX_DEPTH:
            raise _Refused("has <use> copies nested too deeply")
        in_progress.add(element)
        total = 1
        for child in element:  # a loop, not sum(): no generator frame per level
            total += drawn(child, chain + 1)
        target = reference(element)
        if target is not None:
            total += drawn(target, chain + 1)
        in_progress.discard(element)
        counted[element] = total = min(total, MAX_DRAWN + 1)
        return total

    try:
        total = drawn(root, 0)
    except _Refused as refused:
        return [str(refused)]
    if total > MAX_DRAWN:
        return [f"would draw too many shapes (over {MAX_DRAWN} once <use> copies are counted)"]
    return []


# --- PNG and JPEG ------------------------------------------------------------------------


def _raster_problems(data: bytes, kind: str) -> list[str]:
    """From the header alone: the image is never decoded here."""
    magic = data[:8]
    if kind == "PNG" and not magic.startswith(PNG_MAGIC):
        return [f"is not a real PNG file{_looks_like(magic)}"]
    if kind == "JPEG" and not magic.startswith(JPEG_MAGIC):
        return [f"is not a real JPEG file{_looks_like(magic)}"]
    stream = io.BytesIO(data)
    stream.seek(len(PNG_MAGIC) if kind == "PNG" else len(JPEG_MAGIC))
    size = _png_size(stream) if kind == "PNG" else _jpeg_size(stream)
    if isinstance(size, str):
        return [size]
    width, height = size
    if width == 0 or height == 0:
        return [f"has no pixels ({width} × {height})"]
    if width > MAX_DIMENSION or height > MAX_DIMENSION:
        return [
            f"is too large a picture ({width} × {height} pixels; "
            f"at most {MAX_DIMENSION} × {MAX_DIMENSION})"
        ]
    return []


def _looks_like(magic: bytes) -> str:
    if magic.startswith(PNG_MAGIC):
        return " (it is a PNG file: rename it .png)"
    if magic.startswith(JPEG_MAGIC):
        return " (it is a JPEG file: rename it .jpg)"
    return ""


def _png_size(stream: BinaryIO) -> tuple[int, int] | str:
    """PNG: the first chunk is IHDR, 13 bytes starting with width and height."""
    header = stream.read(8 + 13 + 4)
    if len(header) < 25 or header[4:8] != b"IHDR" or header[:4] != struct.pack(">I", 13):
        return "is a damaged PNG file (its header chunk is missing)"
    (crc,) = struct.unpack(">I", header[21:25])
    if zlib.crc32(header[4:21]) != crc:
        return "is a damaged PNG file (its header fails its checksum)"
    width, height = struct.unpack(">II", header[8:16])
    return int(width), int(height)


def _jpeg_size(stream: BinaryIO) -> tuple[int, int] | str:
    """JPEG: walk the marker segments up to the first start-of-frame, which has the size."""
    for _ in range(_JPEG_MAX_SEGMENTS):
        byte = stream.read(1)
        if byte != b"\xff":
            return "is a damaged JPEG file (its header is broken)"
        marker = stream.read(1)
        for _fill in range(64):  # fill bytes between segments
            if marker != b"\xff":
                break
            marker = stream.read(1)
        if not marker:
            break
        code = marker[0]
        if code in _JPEG_NO_LENGTH:
            continue
        if code in (0xD9, 0xDA):  # end of image, start of scan: no frame header before
            break
        length_bytes = stream.read(2)
        if len(length_bytes) < 2:
            break
        (length,) = struct.unpack(">H", length_bytes)
        if length < 2:
            return "is a damaged JPEG file (its header is broken)"
        if code in _JPEG_SOF:
            frame = stream.read(5)
            if len(frame) < 5:
                break
            height, width = struct.unpack(">HH", frame[1:5])
            return int(width), int(height)
        stream.seek(length - 2, os.SEEK_CUR)
    return "is a damaged JPEG file (no image size in its header)"
