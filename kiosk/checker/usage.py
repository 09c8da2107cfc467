"""What a topic offers but no page uses: glossary words and suggested questions.

A glossary word that no page uses is never tappable, so its definition is never read (or a
page says it differently from the glossary). A question attached to no page (its id on no
page's ``questions:`` line) is never suggested while the patient reads: it only appears in
the full list, far from the text it belongs to.
"""

from __future__ import annotations

from pathlib import Path

from kiosk.checker.locate import SourceLines
from kiosk.checker.report import Finding, relative
from kiosk.checker.terms import fold, pattern
from kiosk.content import Topic


def check_usage(topic: Topic, root: Path) -> list[Finding]:
    return unused_glossary(topic, root) + unattached_questions(topic, root)


def unused_glossary(topic: Topic, root: Path) -> list[Finding]:
    path = topic.folder / "glossary.md"
    pages = [fold("\n".join((p.title, p.key_point, p.text))) for p in topic.pages]
    raw = SourceLines(path).raw if topic.glossary else []
    findings = []
    for entry in topic.glossary:
        if any(pattern(form).search(text) for form in entry.forms for text in pages):
            continue
        line = next((n for n, text in enumerate(raw, 1) if text.strip() == entry.term), None)
        findings.append(
            Finding(
                relative(path, root),
                line,
                "warning",
                "glossary-unused",
                f'glossary word "{entry.term}" is used on no page: use it where it helps, '
                "or remove it",
            )
        )
    return findings


def unattached_questions(topic: Topic, root: Path) -> list[Finding]:
    path = topic.folder / "questions.md"
    attached = {qid for page in topic.pages for qid in page.question_ids}
    lines = SourceLines(path) if topic.categories else None
    return [
        Finding(
            relative(path, root),
            lines.find_id(question.id) if lines else None,
            "warning",
            "question-unused",
            f"question {question.id!r} is attached to no page: add its id to the "
            "'questions:' line of the page it belongs to",
        )
        for question in topic.all_questions
        if question.id not in attached
    ]
