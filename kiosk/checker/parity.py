"""Parity across languages: every language of a topic has the same pages, key points,
glossary entries and questions, so a patient can switch language and keep their place.

Each language is compared with a reference language: French when the topic has it (the
kiosk's first language), otherwise the first language in alphabetical order.
"""

from __future__ import annotations

from pathlib import Path

from kiosk.checker.locate import SourceLines
from kiosk.checker.report import Finding, relative
from kiosk.content import Library, Topic

REFERENCE_LANGUAGE = "fr"


def topic_versions(library: Library) -> dict[str, dict[str, Topic]]:
    """Each topic id with its version in every language that has it."""
    by_id: dict[str, dict[str, Topic]] = {}
    for language in library.languages:
        for topic in library.topics_for(language):
            by_id.setdefault(topic.id, {})[language] = topic
    return by_id


def reference_language(versions: dict[str, Topic]) -> str:
    """French when the topic has it, else the first language in alphabetical order."""
    return REFERENCE_LANGUAGE if REFERENCE_LANGUAGE in versions else sorted(versions)[0]


def check_parity(library: Library) -> list[Finding]:
    root = library.root
    findings: list[Finding] = []
    languages = library.languages
    for topic_id, versions in sorted(topic_versions(library).items()):
        ref_language = reference_language(versions)
        reference = versions[ref_language]
        for language in languages:
            if language == ref_language:
                continue
            other = versions.get(language)
            if other is None:
                folder = root / language / topic_id
                findings.append(
                    _error(
                        root,
                        folder,
                        None,
                        f"topic {topic_id!r} is missing in {language!r} "
                        f"(it is in {relative(reference.folder, root)})",
                    )
                )
                continue
            findings += _compare(reference, other, root)
    return findings


def _error(root: Path, path: Path, line: int | None, message: str) -> Finding:
    return Finding(relative(path, root), line, "error", "parity", message)


def _compare(ref: Topic, topic: Topic, root: Path) -> list[Finding]:
    where = relative(ref.folder, root)
    findings: list[Finding] = []
    ref_pages = [p.source.name for p in ref.pages]
    pages = [p.source.name for p in topic.pages]
    for name in ref_pages:
        if name not in pages:
            findings.append(
                _error(root, topic.folder, None, f"page {name} of {where} has no translation here")
            )
    for page in topic.pages:
        if page.source.name not in ref_pages:
            findings.append(
                _error(root, page.source, None, f"page is not in {where}: use the same file names")
            )
    if pages == ref_pages:
        ref_keys = sum(1 for p in ref.pages if p.key_point)
        keys = sum(1 for p in topic.pages if p.key_point)
        if keys != ref_keys:
            findings.append(
                _error(root, topic.folder, None, f"{keys} key points here, {where} has {ref_keys}")
            )
    findings += _compare_glossary(ref, topic, root)
    findings += _compare_questions(ref, topic, root)
    return findings


def _compare_glossary(ref: Topic, topic: Topic, root: Path) -> list[Finding]:
    path = topic.folder / "glossary.md"
    where = relative(ref.folder / "glossary.md", root)
    if len(topic.glossary) != len(ref.glossary):
        message = (
            f"{_entries(len(topic.glossary))} here, {where} has {len(ref.glossary)}: "
            "translate every entry, in the same order"
        )
        return [_error(root, path, None, message)]
    # Entries carry no id; a word spelled the same in both languages ("Anticoagulant")
    # must sit at the same place, which catches entries moved around.
    ref_index = {form.casefold(): i for i, e in enumerate(ref.glossary) for form in e.forms}
    lines = SourceLines(path)
    findings = []
    for index, entry in enumerate(topic.glossary):
        for form in entry.forms:
            other = ref_index.get(form.casefold())
            if other is not None and other != index:
                findings.append(
                    _error(
                        root,
                        path,
                        lines.find(entry.forms[0]),
                        f"glossary entry {entry.term!r} is number {index + 1} here but "
                        f"number {other + 1} in {where}: keep the same order",
                    )
                )
                break
    return findings


def _compare_questions(ref: Topic, topic: Topic, root: Path) -> list[Finding]:
    path = topic.folder / "questions.md"
    where = relative(ref.folder / "questions.md", root)
    lines = SourceLines(path)
    findings = []
    ref_categories = [c.id for c in ref.categories]
    categories = [c.id for c in topic.categories]
    if categories != ref_categories:
        findings.append(
            _error(
                root,
                path,
                None,
                f"category ids ({', '.join(categories) or 'none'}) differ from {where} "
                f"({', '.join(ref_categories) or 'none'}): use the same ids in the same order",
            )
        )
    ref_questions = {q.id: q.category_id for q in ref.all_questions}
    questions = {q.id: q.category_id for q in topic.all_questions}
    for qid, category in ref_questions.items():
        if qid not in questions:
            findings.append(
                _error(root, path, None, f"question {qid!r} of {where} has no translation here")
            )
        elif questions[qid] != category:
            findings.append(
                _error(
                    root,
                    path,
                    lines.find_id(qid),
                    f"question {qid!r} is in category {questions[qid]!r} here "
                    f"but in {category!r} in {where}",
                )
            )
    for qid in questions:
        if qid not in ref_questions:
            findings.append(
                _error(root, path, lines.find_id(qid), f"question {qid!r} is not in {where}")
            )
    return findings


def _entries(count: int) -> str:
    return f"{count} glossary entry" if count == 1 else f"{count} glossary entries"
