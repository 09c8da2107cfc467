"""Plain-language warnings for one page: readability, long sentences, paragraphs, hard words."""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

from kiosk.checker import readability
from kiosk.checker.locate import SourceLines
from kiosk.checker.terms import pattern, undefined_terms
from kiosk.content import Page

QUOTE_WORDS = 8


@dataclass(frozen=True)
class Limits:
    min_readability: float = 60.0
    max_sentence_words: int = 20
    max_paragraphs: int = 4


@dataclass(frozen=True)
class PageFinding:
    line: int | None
    category: str
    message: str


class _Paragraphs(HTMLParser):
    """Text of top-level paragraphs; lists and boxes belong to the paragraph before them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.in_paragraph = False
        self.paragraphs: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag == "p" and self.depth == 0:
            self.in_paragraph = True
            self.paragraphs.append("")
        if tag not in ("br", "img", "hr"):
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag not in ("br", "img", "hr"):
            self.depth = max(0, self.depth - 1)
        if tag == "p" and self.depth == 0:
            self.in_paragraph = False

    def handle_data(self, data: str) -> None:
        if self.in_paragraph:
            self.paragraphs[-1] += data


def paragraphs(html: str) -> list[str]:
    parser = _Paragraphs()
    parser.feed(html)
    parser.close()
    return [" ".join(p.split()) for p in parser.paragraphs if p.strip()]


def quote(sentence: str) -> str:
    words = sentence.split()
    short = " ".join(words[:QUOTE_WORDS])
    return f'"{short} …"' if len(words) > QUOTE_WORDS else f'"{short}"'


def check_page(
    page: Page,
    language: str,
    limits: Limits,
    terms: tuple[str, ...],
    glossary_forms: tuple[str, ...],
) -> list[PageFinding]:
    source = SourceLines(page.source)
    findings: list[PageFinding] = []

    if readability.supports(language):
        stats = readability.stats(page.text, language)
        value = readability.score(stats, language)
        if stats.words and value < limits.min_readability:
            findings.append(
                PageFinding(
                    None,
                    "readability",
                    f"readability {value:.1f} is below {limits.min_readability:g} "
                    f"({readability.FORMULA_NAMES[language]}: "
                    f"{stats.words_per_sentence:.1f} words per sentence, "
                    f"{stats.syllables_per_word:.2f} syllables per word); "
                    "use shorter sentences and shorter words",
                )
            )

    key_line = source.meta.get("key")
    sentences = [(s, key_line) for s in readability.split_sentences(page.key_point)]
    sentences += [(s, None) for s in readability.split_sentences(page.text)]
    for sentence, line in sentences:
        count = len(readability.words(sentence))
        if count > limits.max_sentence_words:
            findings.append(
                PageFinding(
                    line or source.find(sentence),
                    "long-sentence",
                    f"sentence has {count} words (more than {limits.max_sentence_words}): "
                    f"{quote(sentence)}; split it",
                )
            )

    blocks = paragraphs(page.html)
    if len(blocks) > limits.max_paragraphs:
        extra = blocks[limits.max_paragraphs]
        findings.append(
            PageFinding(
                source.find(extra),
                "paragraphs",
                f"page has {len(blocks)} paragraphs (more than {limits.max_paragraphs}): "
                "keep one idea per page, or move some text to another page",
            )
        )

    text = "\n".join((page.title, page.key_point, page.text))
    for word in undefined_terms(text, terms, glossary_forms):
        findings.append(
            PageFinding(
                source.find_pattern(pattern(word)),
                "term",
                f'medical term "{word}" is not explained in glossary.md: '
                "add it to the glossary, or use a simpler word",
            )
        )
    return findings
