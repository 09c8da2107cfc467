"""Markdown source -> the HTML subset Qt's rich-text engine renders, plus plain text.

Python-Markdown does the parsing; a tree processor then enforces the kiosk's rules on the
element tree: only allowed tags and attributes, links only to pages of the same topic,
images only from inside the topic folder, call-outs turned into tables (Qt ignores border
and padding on <div>). Raw HTML in a source is refused, never passed through.
"""

from __future__ import annotations

import re
import threading
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path
from urllib.parse import unquote, urlparse

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from kiosk.content.glossary_links import TermLinker, link_terms
from kiosk.content.image_check import check_image, image_warnings
from kiosk.content.model import ContentProblem, Severity
from kiosk.content.source_text import line_of, meta_line_numbers, too_complex

_ADDRESS = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:|www\.)|://", re.IGNORECASE)
EXTENSIONS = ["meta", "attr_list", "def_list", "admonition", "abbr", "tables", "sane_lists"]
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".svg"}

# Tag -> attributes kept. Anything else is dropped (the tag is unwrapped, its text kept).
ALLOWED: dict[str, set[str]] = {
    **{tag: set() for tag in "ul ol strong em b i br hr code pre".split()},
    "p": {"class", "align"},  # figures and their captions
    # ids (from attr_list) identify question categories and questions across languages
    **{tag: {"id"} for tag in "h1 h2 h3 h4 li".split()},
    **{tag: set() for tag in "blockquote dl dt dd thead tbody tr sup sub span".split()},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "abbr": {"title"},
    "table": {"width", "cellpadding", "cellspacing", "class"},
    "th": {"align", "colspan", "rowspan"},
    "td": {"align", "colspan", "rowspan", "class"},
}
BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "li", "dt", "dd", "td", "th", "pre", "blockquote"}


@dataclass
class Finding:
    """A problem found in the tree; the pipeline locates its line in the source."""

    message: str
    needle: str  # text to look for in the source to find the line
    severity: Severity = "error"


@dataclass
class Rendered:
    html: str
    text: str
    meta: dict[str, list[str]]
    meta_lines: dict[str, int]  # meta key -> 1-based line in the file
    root: ET.Element  # the cleaned element tree, for extracting glossary and questions
    source: str  # the Markdown it came from, to locate lines
    problems: list[ContentProblem] = field(default_factory=list)
    figures: list[tuple[str, str, str]] = field(default_factory=list)  # src, alt, caption
    # Each shown image's bytes as checked, by src: what the kiosk draws (never the file
    # as it may be on disk later, replaced by a broken or giant picture).
    images: dict[str, bytes] = field(default_factory=dict)


class _KioskTreeprocessor(Treeprocessor):
    def __init__(
        self,
        md: markdown.Markdown,
        topic_dir: Path,
        page_slugs: set[str],
        terms: TermLinker,
        pictures_refused_in: str = "",
    ):
        super().__init__(md)
        self.prepare(topic_dir, page_slugs, terms, pictures_refused_in)

    def prepare(
        self,
        topic_dir: Path,
        page_slugs: set[str],
        terms: TermLinker,
        pictures_refused_in: str = "",
    ) -> None:
        """Ready for one file: its topic, and nothing left of the last file."""
        # The name of a file that may not show pictures (a glossary, quiz or questions
        # file): its images are refused before their file is opened. Empty: a page.
        self.pictures_refused_in = pictures_refused_in
        self.topic_dir = topic_dir.resolve()
        self.language = topic_dir.name and topic_dir.parent.name  # content/<language>/<topic>
        self.page_slugs = page_slugs
        self.terms = terms
        self.findings: list[Finding] = []
        self.figures: list[tuple[str, str, str]] = []  # src, alt, caption
        self.images: dict[str, bytes] = {}  # src -> the bytes checked
        self.root: ET.Element = ET.Element("div")

    def run(self, root: ET.Element) -> None:
        for element in list(root.iter()):
            if element.tag == "div" and "admonition" in element.get("class", ""):
                _admonition_to_table(element)
        for element in list(root.iter()):
            if element.tag == "a":
                self._check_link(element)
            elif element.tag == "img":
                self._check_image(element)
        self._make_figures(root)
        _apply_allowlist(root)
        link_terms(root, self.terms)
        self.root = root

    def _check_link(self, element: ET.Element) -> None:
        href = element.get("href", "")
        parsed = urlparse(href)
        if href.startswith("#"):
            return
        # Python-Markdown hides an e-mail autolink (<a@b.c>) behind placeholders (\x02).
        encoded = "\x02" in href
        if parsed.scheme or parsed.netloc or encoded:
            shown = "to an e-mail address" if encoded else repr(href)
            self.findings.append(
                Finding(f"link {shown} refused: links may only point to pages of this topic", href)
            )
            _unwrap(element)
            text = "".join(element.itertext())
            if encoded or "\x02" in text or _ADDRESS.search(text):  # never show the address
                element.text = ""
                for child in list(element):
                    element.remove(child)
            return
        slug = Path(unquote(parsed.path)).stem
        if slug not in self.page_slugs:
            self.findings.append(Finding(f"link target {href!r} is not a page of this topic", href))
            _unwrap(element)
            return
        element.set("href", f"page:{slug}")

    def _check_image(self, element: ET.Element) -> None:
        src = element.get("src", "")
        parsed = urlparse(src)
        problem = None
        if self.pictures_refused_in:
            problem = (
                f"image {src!r} refused: pictures go on pages only (a line of their own, "
                f"with a caption), not in {self.pictures_refused_in}"
            )
        elif parsed.scheme or parsed.netloc or src.startswith("/"):
            problem = f"image {src!r} refused: images must be files inside the topic folder"
        else:
            target = (self.topic_dir / unquote(parsed.path)).resolve()
            if not target.is_relative_to(self.topic_dir):
                problem = f"image {src!r} refused: it is outside the topic folder"
            elif not target.exists():
                problem = f"image {src!r} not found in the topic folder"
            elif target.suffix.lower() not in IMAGE_SUFFIXES:
                problem = f"image {src!r} has an unsupported type (use PNG, JPEG or SVG)"
            else:
                data, refusals = check_image(target, self.language)  # read once, here
                for warning in [] if refusals else image_warnings(target, self.language, data):
                    self.findings.append(Finding(f"image {src!r} {warning}", src, "warning"))
                if refusals or data is None:
                    problem = f"image {src!r} refused: it " + "; it ".join(refusals)
                else:
                    element.set("src", target.as_uri())
                    self.images[target.as_uri()] = data
        if problem:
            self.findings.append(Finding(problem, src))
            alt = element.get("alt", "")
            element.tag = "span"
            element.attrib.clear()
            element.text = alt

    def _make_figures(self, root: ET.Element) -> None:
        """An image alone in its paragraph becomes a centred figure followed by its caption
        (the image's title, ``![what it shows](images/x.svg "Caption")``)."""
        for parent in list(root.iter()):
            for paragraph in list(parent):
                images = [child for child in paragraph if child.tag == "img"]
                if paragraph.tag != "p" or not images:
                    continue
                image = images[0]
                src = image.get("src", "")
                needle = Path(unquote(urlparse(src).path)).name  # the file name, to find the line
                alone = len(paragraph) == 1 and not (paragraph.text or "").strip()
                if not alone or (image.tail or "").strip():
                    message = "an image must be alone in its paragraph (a line of its own)"
                    self.findings.append(Finding(message, needle))
                    for inline in images:  # shown as its words, never inside a sentence
                        text = inline.get("alt", "")
                        _unwrap(inline)
                        inline.text = text
                    continue
                alt = " ".join(image.get("alt", "").split())
                caption = " ".join(image.get("title", "").split())
                if not alt:
                    self.findings.append(
                        Finding(
                            "image has no alternative text: describe what it shows between "
                            "the brackets, ![what it shows](…)",
                            needle,
                        )
                    )
                if not caption:
                    self.findings.append(
                        Finding(
                            "image has no caption: add it in quotes after the file name, "
                            '(images/x.svg "Caption")',
                            needle,
                        )
                    )
                paragraph.attrib.update({"class": "figure", "align": "center"})
                if caption:
                    below = ET.Element("p", {"class": "caption", "align": "center"})
                    below.text = caption
                    parent.insert(list(parent).index(paragraph) + 1, below)
                self.figures.append((src, alt, caption))


def _admonition_to_table(div: ET.Element) -> None:
    """Qt ignores padding and borders on <div>; a one-cell table with a class shows a box."""
    children = list(div)
    div.clear()
    div.tag = "table"
    div.attrib.update({"width": "100%", "cellpadding": "16", "cellspacing": "0"})
    cell = ET.SubElement(ET.SubElement(div, "tr"), "td", {"class": "callout"})
    for child in children:
        if child.get("class") == "admonition-title":
            child.attrib.clear()
            bold = ET.Element("strong")
            bold.text, child.text = child.text, None
            bold.extend(list(child))
            for grandchild in list(child):
                child.remove(grandchild)
            child.append(bold)
        cell.append(child)


def _unwrap(element: ET.Element) -> None:
    element.tag = "span"
    element.attrib.clear()


def _apply_allowlist(root: ET.Element) -> None:
    for element in root.iter():
        if element is root:
            continue
        if element.tag not in ALLOWED:
            _unwrap(element)
        allowed = ALLOWED.get(element.tag, set())
        for name in list(element.attrib):
            if name not in allowed:
                del element.attrib[name]


def plain_text(root: ET.Element) -> str:
    """Text of the tree with one line per block, for readability checks (captions left out)."""
    lines: list[str] = []

    def walk(element: ET.Element) -> None:
        if element.get("class") == "caption":
            return  # a caption belongs to its picture, not to the page's reading budget
        if element.tag in BLOCK_TAGS and not any(child.tag in BLOCK_TAGS for child in element):
            text = " ".join("".join(element.itertext()).split())
            if text:
                lines.append(text)
            return
        for child in element:
            walk(child)

    walk(root)
    return "\n".join(lines)


_local = threading.local()


def _extensions() -> list[Extension]:
    """EXTENSIONS, made from their modules: given by name, Python-Markdown first looks
    them up among the installed packages' entry points (importlib.metadata reads every
    package's metadata: 25-45 ms of the kiosk's start here)."""
    return [
        import_module(f"markdown.extensions.{name}").makeExtension()  # type: ignore[attr-defined]
        for name in EXTENSIONS
    ]


def _converter() -> tuple[markdown.Markdown, _KioskTreeprocessor]:
    """This thread's Markdown converter, reset for the next file. Building one (its
    extensions, parser and inline patterns) took about a quarter of loading a page."""
    converter = getattr(_local, "converter", None)
    if converter is None:
        md = markdown.Markdown(extensions=_extensions(), output_format="html")
        processor = _KioskTreeprocessor(md, Path(), set(), TermLinker({}))
        md.treeprocessors.register(processor, "kiosk", 1)  # after inline patterns (20)
        converter = _local.converter = (md, processor)
    else:
        converter[0].reset()
    return converter


def render(
    source: str,
    path: Path,
    topic_dir: Path,
    page_slugs: set[str] | None = None,
    terms: TermLinker | Mapping[str, tuple[str, ...]] | None = None,
    pictures: bool = True,
) -> Rendered:
    """Render one content file. Problems are returned, never raised.

    ``terms``: the topic's glossary (a TermLinker, prepared once per topic, or a mapping of
    glossary ids to their forms): their first occurrences become term: links.
    ``pictures``: False for a file that may not show pictures (they are refused, unread).
    """
    if not isinstance(terms, TermLinker):
        terms = TermLinker(terms or {})
    md, processor = _converter()
    processor.prepare(topic_dir, page_slugs or set(), terms, "" if pictures else path.name)
    meta_lines = meta_line_numbers(source)
    body_start = max(meta_lines.values(), default=0) + 1
    html = ""
    refused: tuple[int | None, str] | None = too_complex(source)
    if refused is None:
        try:
            html = md.convert(source)
        except RecursionError:  # a nesting the limits above did not foresee
            refused = (None, "the text is nested too deeply to read; simplify it")
    problems: list[ContentProblem] = []
    if refused is not None:
        # The body is not rendered at all; only the header is read (title, key...), so that
        # the one error says what is wrong rather than "title is missing".
        md.reset()
        processor.findings.clear()
        processor.figures.clear()
        processor.images.clear()
        processor.root = ET.Element("div")
        header = "\n".join(source.split("\n")[: body_start - 1])
        if header.strip():
            md.convert(header)
        html = ""
        problems.append(ContentProblem(path, refused[0], refused[1]))
    problems += [
        ContentProblem(path, line_of(source, f.needle, body_start), f.message, f.severity)
        for f in processor.findings
    ]
    for raw in md.htmlStash.rawHtmlBlocks:
        snippet = str(raw).strip().split("\n")[0]
        problems.append(
            ContentProblem(
                path,
                line_of(source, snippet, body_start),
                f"raw HTML is not allowed in content: {snippet[:60]!r}",
            )
        )
    if md.htmlStash.rawHtmlBlocks:
        html = ""  # never show a page whose HTML we did not produce ourselves
    meta: dict[str, list[str]] = getattr(md, "Meta", {})
    text = plain_text(processor.root)
    checked = processor.images
    images = {src: checked[src] for src, _, _ in processor.figures if src in checked}
    return Rendered(
        html, text, meta, meta_lines, processor.root, source, problems, processor.figures, images
    )
