"""A topic's glossary and suggested questions, from their rendered Markdown: every entry
with its id, every problem with its file and line, the broken entries left out."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from kiosk.content.glossary_links import term_id
from kiosk.content.markdown_pipeline import Rendered
from kiosk.content.model import ContentProblem, GlossaryEntry, Question, QuestionCategory
from kiosk.content.source_text import line_of

ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def text_of(element: ET.Element) -> str:
    return " ".join("".join(element.itertext()).split())


def parse_glossary(
    doc: Rendered, path: Path, problems: list[ContentProblem]
) -> tuple[GlossaryEntry, ...]:
    """``glossary.md``: a definition list, each term (and its other forms) then its
    definition."""
    source = doc.source
    entries: list[GlossaryEntry] = []
    for stray in doc.root.findall("p"):
        text = text_of(stray)
        problems.append(
            ContentProblem(
                path,
                line_of(source, text[:40]),
                f"{text[:40]!r} is not a glossary entry: write the term, then its definition "
                "on the next line starting with ':   '",
            )
        )
    for dl in doc.root.iter("dl"):
        forms: list[str] = []
        for child in dl:
            if child.tag == "dt":
                forms.append(text_of(child))
            elif child.tag == "dd":
                if not forms:
                    problems.append(
                        ContentProblem(path, None, "definition without a term before it")
                    )
                    continue
                entries.append(
                    GlossaryEntry(term_id(forms[0]), forms[0], tuple(forms), text_of(child))
                )
                forms = []
        if forms:
            problems.append(
                ContentProblem(
                    path,
                    line_of(source, forms[0]),
                    f"term {forms[0]!r} has no definition (a line starting with ':   ')",
                )
            )
    if not entries:
        problems.append(ContentProblem(path, None, "glossary has no entry (see content/README.md)"))
    return tuple(entries)


def parse_questions(
    doc: Rendered, path: Path, problems: list[ContentProblem]
) -> tuple[QuestionCategory, ...]:
    """``questions.md``: categories (``## Title {: #id }``), each a list of questions with
    their ids, used across languages."""
    source = doc.source
    categories: list[QuestionCategory] = []
    seen: set[str] = set()
    title, category_id = "", ""
    questions: list[Question] = []

    def close() -> None:
        if category_id and questions:
            categories.append(QuestionCategory(category_id, title, tuple(questions)))

    for element in doc.root:
        if element.tag == "h2":
            close()
            title, questions = text_of(element), []
            category_id = element.get("id", "")
            if not ID.match(category_id):
                problems.append(
                    ContentProblem(
                        path,
                        line_of(source, title),
                        f"category {title!r} needs an id, e.g. '## {title} {{: #avant }}'",
                    )
                )
        elif element.tag in ("ul", "ol"):
            for item in element.iter("li"):
                text = text_of(item)
                question_id = item.get("id", "")
                line = line_of(source, text[:40])
                if not category_id:
                    problems.append(ContentProblem(path, line, "question outside a category"))
                elif not ID.match(question_id):
                    problems.append(
                        ContentProblem(
                            path,
                            line,
                            "question needs an id on the next line, indented: '  {: #sejour }'",
                        )
                    )
                elif question_id in seen:
                    problems.append(
                        ContentProblem(path, line, f"question id {question_id!r} is used twice")
                    )
                else:
                    seen.add(question_id)
                    questions.append(Question(question_id, text, category_id))
    close()
    return tuple(categories)
