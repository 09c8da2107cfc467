"""Load ``content/<lang>/<topic>/`` folders into a :class:`Library`.

Loading never raises for bad content: every problem is recorded with its file and line,
the broken piece is left out, and everything else still loads.
"""

from __future__ import annotations

import html as html_lib
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from kiosk.content.glossary_links import TermLinker
from kiosk.content.limits import MAX_PAGE_BYTES, over_limit, too_many_pages
from kiosk.content.markdown_pipeline import Rendered, render
from kiosk.content.model import (
    ContentProblem,
    Figure,
    GlossaryEntry,
    Library,
    Page,
    QuestionCategory,
    ReadLater,
    Topic,
)
from kiosk.content.quiz import Quiz, parse_quiz
from kiosk.content.source_text import read_source
from kiosk.content.titles import LANGUAGE_DIR, language_titles
from kiosk.content.topic_lists import parse_glossary, parse_questions, text_of
from kiosk.suggestions import did_you_mean

PAGE_FILE = re.compile(r"^\d+[-_].*\.md$")
TOPIC_KEYS = {
    "title",
    "description",
    "language",
    "version",
    "reviewed",
    "source",
    "signal",
    "picture",
}
TOPIC_REQUIRED = ("title", "description", "language", "version", "reviewed", "source")
PAGE_KEYS = {"title", "key", "questions", "recap"}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def load_library(root: Path, first: str | None = None) -> Library:
    """Every language's topics, or with ``first``: that language's now and the others'
    when first asked for (``Library.load_rest``), so that the kiosk is ready sooner. When
    ``first`` has no usable topic, everything is read now."""
    library = Library(root=root)
    if not root.is_dir():
        library.problems.append(ContentProblem(root, None, "content folder not found"))
        return library
    lang_dirs = [p for p in sorted(root.iterdir()) if p.is_dir() and LANGUAGE_DIR.match(p.name)]
    for lang_dir in lang_dirs:
        if first is None or lang_dir.name == first:
            read_language(library, lang_dir)
        elif titles := language_titles(lang_dir):  # read without Markdown, for now
            library.pending[lang_dir.name] = ReadLater(lang_dir)
            library.peeked_titles[lang_dir.name] = titles
        else:
            read_language(library, lang_dir)  # nothing to show: read now, problems told
    if first is not None and not library.topics.get(first):
        library.load_rest()
    if not library.languages:
        library.problems.append(ContentProblem(root, None, "no usable topic in the content folder"))
    return library


def _topic_dirs(lang_dir: Path) -> list[Path]:
    return sorted(p for p in lang_dir.iterdir() if p.is_dir())


def read_language(library: Library, lang_dir: Path) -> None:
    """Every topic of one language folder, into the library (its problems too)."""
    for topic_dir in _topic_dirs(lang_dir):
        topic = _load_topic(topic_dir, lang_dir.name, library.problems)
        if topic is not None:
            library.topics.setdefault(lang_dir.name, []).append(topic)


def _load_topic(topic_dir: Path, language: str, problems: list[ContentProblem]) -> Topic | None:
    """The topic, or None when it cannot be shown.

    The rule for errors (the ones ``kiosk check`` reports, found here): the piece an error is
    in is never shown to a patient. A page with an error in its text or header is left out;
    a topic whose ``topic.md`` has an error is left out; a glossary entry, question, quiz
    question, a page's reference to an unknown question or the sheet's picture with an error
    is left out, and the whole ``glossary.md``, ``questions.md`` or ``quiz.md`` when the
    error is in its text (a refused link or picture, raw HTML). Staff always see why.
    On reload, a topic with any error keeps its last good version (see reload.py).
    """
    topic_file = topic_dir / "topic.md"
    if not os.path.lexists(topic_file):  # anything else there is read, or refused, below
        problems.append(ContentProblem(topic_file, None, "topic.md is missing; topic skipped"))
        return None
    # Names first (a folder of 10,000 pages is counted in milliseconds), then the limits,
    # told before anything is read.
    try:
        names = sorted(name for name in os.listdir(topic_dir) if PAGE_FILE.match(name))
    except OSError:
        names = []
    too_many = too_many_pages(topic_dir, names)
    if too_many is not None:
        problems.append(too_many)
        return None
    page_files = [topic_dir / name for name in names]
    before = len(problems)
    meta_doc = _render_file(topic_file, topic_dir, set(), problems)
    if meta_doc is None:
        return None
    meta = _check_meta(meta_doc, topic_file, TOPIC_KEYS, TOPIC_REQUIRED, problems)
    if meta is None:
        return None
    if meta["language"] != language:
        problems.append(
            ContentProblem(
                topic_file,
                meta_doc.meta_lines.get("language"),
                f"language is {meta['language']!r} but the folder is {language!r}",
            )
        )
    if _has_error(problems[before:]):
        problems.append(
            ContentProblem(topic_file, None, "topic skipped because of the errors above")
        )
        return None
    if not DATE.match(meta["reviewed"]):
        problems.append(
            ContentProblem(
                topic_file,
                meta_doc.meta_lines.get("reviewed"),
                f"reviewed date {meta['reviewed']!r} should be written YYYY-MM-DD",
                "warning",
            )
        )

    categories = _load_questions(topic_dir / "questions.md", topic_dir, problems)
    glossary = _load_glossary(topic_dir / "glossary.md", topic_dir, problems)
    terms = TermLinker({entry.id: entry.forms for entry in glossary})  # once per topic
    question_ids = {q.id for c in categories for q in c.questions}
    slugs = {p.stem for p in page_files}
    pages: list[Page] = []
    for page_file in page_files:
        page = _load_page(
            page_file, topic_dir, slugs, question_ids, terms, len(pages) + 1, problems
        )
        if page is not None:
            pages.append(page)
    if not pages:
        problems.append(ContentProblem(topic_dir, None, "topic has no usable page; topic skipped"))
        return None

    return Topic(
        id=topic_dir.name,
        language=language,
        title=meta["title"],
        description=meta["description"],
        version=meta["version"],
        reviewed=meta["reviewed"],
        source=meta["source"],
        pages=tuple(pages),
        glossary=glossary,
        categories=categories,
        tell_the_team=tuple(meta_doc.meta.get("signal", [])),
        folder=topic_dir,
        quiz=_load_quiz(topic_dir, {p.slug for p in pages}, question_ids, problems),
        picture=_sheet_picture(meta.get("picture", ""), pages, topic_file, meta_doc, problems),
    )


def _sheet_picture(
    name: str, pages: list[Page], path: Path, doc: Rendered, problems: list[ContentProblem]
) -> Figure | None:
    """The picture the printed sheet carries: one the pages show (so it was checked, and
    has its alternative text and caption)."""
    if not name.strip():
        return None
    wanted = (path.parent / name.strip()).resolve().as_uri()
    for page in pages:
        for figure in page.figures:
            if figure.source == wanted:
                return figure
    problems.append(
        ContentProblem(
            path,
            doc.meta_lines.get("picture"),
            f"picture {name.strip()!r} is not shown on any page: show it on a page first "
            "(with its caption), then name it here",
        )
    )
    return None


def _render_file(
    path: Path,
    topic_dir: Path,
    slugs: set[str],
    problems: list[ContentProblem],
    terms: TermLinker | None = None,
    pictures: bool = True,
) -> Rendered | None:
    if PAGE_FILE.match(path.name):
        advice = " for a page: split it into several pages"
        source, read_problems = read_source(path, MAX_PAGE_BYTES, advice)
    else:
        source, read_problems = read_source(path)
    problems.extend(read_problems)
    if source is None:
        return None
    too_many = over_limit(path, source)  # counted on the source: nothing converted yet
    if too_many is not None:
        problems.append(too_many)
        return None
    rendered = render(source, path, topic_dir, slugs, terms, pictures)
    problems.extend(rendered.problems)
    return rendered


def _check_meta(
    doc: Rendered,
    path: Path,
    known: set[str],
    required: tuple[str, ...],
    problems: list[ContentProblem],
) -> dict[str, str] | None:
    """Return single-line meta values, or None when a required key is missing."""
    ok = True
    for key in doc.meta:
        if key not in known:
            suggestion = did_you_mean(key, known)
            problems.append(
                ContentProblem(
                    path,
                    doc.meta_lines.get(key),
                    f"unknown header {key!r}{suggestion}; known: {', '.join(sorted(known))}",
                    "warning",
                )
            )
    for key in required:
        if not " ".join(doc.meta.get(key, [])).strip():
            problems.append(ContentProblem(path, 1, f"header '{key}:' is missing or empty"))
            ok = False
    if not ok:
        return None
    return {key: " ".join(v.strip() for v in values) for key, values in doc.meta.items()}


def _load_page(
    path: Path,
    topic_dir: Path,
    slugs: set[str],
    question_ids: set[str],
    terms: TermLinker,
    number: int,
    problems: list[ContentProblem],
) -> Page | None:
    before = len(problems)
    doc = _render_file(path, topic_dir, slugs, problems, terms)
    if doc is None:
        return None
    meta = _check_meta(doc, path, PAGE_KEYS, ("title", "key"), problems)
    if meta is None:
        return None
    if not doc.html and not _has_error(problems[before:]):
        problems.append(ContentProblem(path, None, "page has no text; page skipped"))
        return None
    if doc.html and not doc.text.strip():
        problems.append(ContentProblem(path, None, "page has no text; page skipped"))
        return None
    if _has_error(problems[before:]):  # never shown: a patient sees no page kiosk check refuses
        problems.append(ContentProblem(path, None, "page skipped because of the errors above"))
        return None
    ids = tuple(i.strip() for i in meta.get("questions", "").split(",") if i.strip())
    for unknown in [i for i in ids if i not in question_ids]:  # the reference is left out
        problems.append(
            ContentProblem(
                path,
                doc.meta_lines.get("questions"),
                f"question id {unknown!r} is not defined in questions.md",
            )
        )
    # "recap: yes" marks the topic's summary page: its list is what the printed sheet keeps.
    recap = meta.get("recap", "").strip().lower() in ("yes", "oui", "true")
    return Page(
        number=number,
        slug=path.stem,
        title=meta["title"],
        html=doc.html,
        text=doc.text,
        key_point=meta["key"],
        question_ids=tuple(i for i in ids if i in question_ids),
        source=path,
        recap_points=_list_items(doc.html) if recap else (),
        recap_groups=_recap_groups(doc.root) if recap else (),
        figures=tuple(
            Figure(src, alt, caption, doc.images.get(src, b"")) for src, alt, caption in doc.figures
        ),
    )


def _recap_groups(root: ET.Element) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The recap's list items, grouped under the heading above them."""
    groups: list[tuple[str, list[str]]] = []
    for element in root:
        if element.tag in ("h2", "h3", "h4"):
            groups.append((text_of(element), []))
        elif element.tag in ("ul", "ol"):
            if not groups:
                groups.append(("", []))
            groups[-1][1].extend(text_of(item) for item in element if item.tag == "li")
    return tuple((heading, tuple(points)) for heading, points in groups if points)


def _list_items(html_text: str) -> tuple[str, ...]:
    """The plain text of each list item of a page (our own HTML, from the pipeline)."""
    items = re.findall(r"<li>(.*?)</li>", html_text, flags=re.S)
    return tuple(
        " ".join(html_lib.unescape(re.sub(r"<[^>]+>", "", item)).split()) for item in items
    )


def _render_optional(
    path: Path, topic_dir: Path, problems: list[ContentProblem]
) -> Rendered | None:
    """An optional file (glossary, questions, quiz): None when absent, unreadable, empty or
    when its text has an error (a refused link or picture, raw HTML): then it is left out."""
    if not os.path.lexists(path):  # a link, a device or a pipe there is refused, and said
        return None
    before = len(problems)
    # Pictures go on pages only: there they are checked, kept and described.
    doc = _render_file(path, topic_dir, set(), problems, pictures=False)
    if _has_error(problems[before:]):
        problems.append(
            ContentProblem(path, None, f"{path.name} left out because of the errors above")
        )
        return None
    return doc if doc is not None and doc.html else None


def _has_error(problems: list[ContentProblem]) -> bool:
    return any(problem.severity == "error" for problem in problems)


def _load_quiz(
    topic_dir: Path, slugs: set[str], question_ids: set[str], problems: list[ContentProblem]
) -> Quiz | None:
    """The optional "Ai-je bien compris ?" check (``quiz.md``), once pages and questions
    are known: each question cites a page, and may offer a suggested question."""
    path = topic_dir / "quiz.md"
    doc = _render_optional(path, topic_dir, problems)
    if doc is None:
        return None
    meta = _check_meta(doc, path, {"title"}, ("title",), problems)
    if meta is None:
        return None
    return parse_quiz(doc, path, meta["title"], slugs, question_ids, problems)


def _load_glossary(
    path: Path, topic_dir: Path, problems: list[ContentProblem]
) -> tuple[GlossaryEntry, ...]:
    doc = _render_optional(path, topic_dir, problems)
    return () if doc is None else parse_glossary(doc, path, problems)


def _load_questions(
    path: Path, topic_dir: Path, problems: list[ContentProblem]
) -> tuple[QuestionCategory, ...]:
    doc = _render_optional(path, topic_dir, problems)
    return () if doc is None else parse_questions(doc, path, problems)
