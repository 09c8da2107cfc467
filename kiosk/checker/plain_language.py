"""Plain-language findings for one page: its score and size (a note), then warnings about
readability, word budget, long sentences, paragraphs, the key point and hard words.

Limits come from the content guide: Kandel–Moles 70 or more in French, Flesch 60 or more
in English; about 55 words a page (warn above 60); sentences of at most 20 words; one short
sentence as the key point, which the printed summary repeats under "À retenir".
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Literal

from kiosk.checker import readability
from kiosk.checker.explanations import unexplained
from kiosk.checker.locate import SourceLines
from kiosk.checker.terms import pattern, undefined_terms
from kiosk.content import Page

QUOTE_WORDS = 8
MIN_READABILITY = {"fr": 70.0, "en": 60.0}
DEFAULT_MIN_READABILITY = 60.0
EXPLAIN_LIKE = {
    "fr": '"un trocart, une grosse aiguille creuse", "… est …", "c\'est-à-dire …"',
    "en": '"a trocar, a large hollow needle", "… is …", "that is …"',
}


@dataclass(frozen=True)
class Limits:
    min_readability: float | None = None  # None: per language, MIN_READABILITY
    max_sentence_words: int = 20
    max_paragraphs: int = 4
    max_page_words: int = 60

    def readability_floor(self, language: str) -> float:
        if self.min_readability is not None:
            return self.min_readability
        return MIN_READABILITY.get(language, DEFAULT_MIN_READABILITY)


@dataclass(frozen=True)
class PageFinding:
    line: int | None
    category: str
    message: str
    severity: Literal["warning", "note"] = "warning"


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
    medical: tuple[tuple[str, ...], ...] = (),
) -> list[PageFinding]:
    """Findings for one page. ``terms`` must be in the glossary (``glossary_forms``);
    ``medical`` (forms of one word per item) must be explained on the page."""
    source = SourceLines(page.source)
    text = readability.scored_text(page.text)
    findings = _score(text, language, limits, recap=bool(page.recap_points))
    findings += _key_point(page, source)

    key_line = source.meta.get("key")
    sentences = [(s, key_line) for s in readability.split_sentences(page.key_point)]
    sentences += [(s, None) for s in readability.split_sentences(text)]
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

    whole = "\n".join((page.title, page.key_point, page.text))
    for word in undefined_terms(whole, terms, glossary_forms):
        findings.append(
            PageFinding(
                source.find_pattern(pattern(word)),
                "term",
                f'medical term "{word}" is not explained in glossary.md: '
                "add it to the glossary, or use a simpler word",
            )
        )
    # The recap page (``recap: yes``) lists words every earlier page has explained.
    for item in [] if page.recap_points else unexplained(text, medical):
        findings.append(
            PageFinding(
                source.find_pattern(
                    pattern(item.word), headers=False, skip=readability.METADATA_LINE
                ),
                "explanation",
                f'medical word "{item.word}" is not explained on the page: say what it means '
                f"in plain words where it is first used ({EXPLAIN_LIKE.get(language, '')})",
            )
        )
    return findings


# The recap page lists the essentials under short headings (the printed sheet's groups):
# a little more room.
RECAP_EXTRA_WORDS = 45


def _score(text: str, language: str, limits: Limits, recap: bool = False) -> list[PageFinding]:
    """The page's note (score, words, words a sentence, longest sentence), and warnings
    for a low score or too many words."""
    stats = readability.stats(text, language)
    if not stats.words:
        return []
    findings = []
    parts = [
        f"{stats.words} words",
        f"{stats.words_per_sentence:.1f} words a sentence",
        f"longest {stats.longest}",
    ]
    if readability.supports(language):
        name = readability.FORMULA_NAMES[language]
        value = readability.score(stats, language)
        parts.insert(0, f"{name} {value:.0f}")
        floor = limits.readability_floor(language)
        if value < floor:
            findings.append(
                PageFinding(
                    None,
                    "readability",
                    f"readability {value:.1f} is below {floor:g} "
                    f"({name}: {stats.words_per_sentence:.1f} words per sentence, "
                    f"{stats.syllables_per_word:.2f} syllables per word); "
                    "use shorter sentences and shorter words",
                )
            )
    budget = limits.max_page_words + (RECAP_EXTRA_WORDS if recap else 0)
    if stats.words > budget:
        findings.append(
            PageFinding(
                None,
                "words",
                f"page has {stats.words} words (more than {budget}; aim for "
                "about 55): move some text to another page, or say it shorter",
            )
        )
    findings.append(PageFinding(None, "score", ", ".join(parts), "note"))
    return findings


def _key_point(page: Page, source: SourceLines) -> list[PageFinding]:
    """The key point is one short sentence: the summary prints it under "À retenir"."""
    line = source.meta.get("key")
    sentences = readability.split_sentences(page.key_point)
    if not sentences:
        return [
            PageFinding(
                line, "key-point", "key point is empty: write the page's point in one sentence"
            )
        ]
    if len(sentences) > 1:
        return [
            PageFinding(
                line,
                "key-point",
                f"key point has {len(sentences)} sentences: keep one short sentence "
                '(the summary prints it under "À retenir")',
            )
        ]
    return []
