"""The "Ai-je bien compris ?" check of each topic (``quiz.md``), beyond what the loader
refuses: a topic without one, too few or too many questions, a right answer that shares
no word with the page it cites (a cheap sign it does not come from that page), long
sentences, and parity across languages (the same question ids in the same order).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from kiosk.checker import readability
from kiosk.checker.locate import SourceLines
from kiosk.checker.parity import reference_language, topic_versions
from kiosk.checker.plain_language import Limits, quote
from kiosk.checker.report import Finding, relative
from kiosk.content import Library, Topic

QUIZ_FILE = "quiz.md"
MIN_ITEMS, MAX_ITEMS = 5, 8
MAX_SENTENCE_WORDS = 15
CONTENT_WORD = re.compile(r"[^\W\d_]{4,}")


def _plain(text: str) -> str:
    """Lowercase, without accents: "Hôpital" and "hopital" are the same word here."""
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in text if not unicodedata.combining(ch))


# Short words every page has: sharing one of them says nothing about where an answer is from.
COMMON_WORDS = frozenset(
    _plain(word)
    for word in """
    avec dans pour sans sous vers chez elle elles nous vous leur leurs votre vos cette ces
    sont être avoir fait faire peut plus moins très tout tous toute toutes aussi alors
    mais donc quand comme parce puis après avant
    with from into your they them their this that these those than then there what when
    which will would have been were does done make more most much very also only about
    """.split()
)


def check_quizzes(library: Library, limits: Limits) -> list[Finding]:
    findings: list[Finding] = []
    for language in library.languages:
        for topic in library.topics_for(language):
            findings += check_quiz(topic, library.root, limits)
    return findings + quiz_parity(library)


def check_quiz(topic: Topic, root: Path, limits: Limits | None = None) -> list[Finding]:
    path = topic.folder / QUIZ_FILE
    where = relative(path, root)
    quiz = topic.quiz
    if quiz is None:
        if path.exists():  # the loader has said why it was left out
            return []
        message = (
            f'topic has no {QUIZ_FILE}: add {MIN_ITEMS} to {MAX_ITEMS} "Ai-je bien compris ?" '
            "questions (see content/README.md)"
        )
        return [Finding(relative(topic.folder, root), None, "warning", "quiz-missing", message)]
    lines = SourceLines(path)
    findings: list[Finding] = []
    count = len(quiz.items)
    if not MIN_ITEMS <= count <= MAX_ITEMS:
        message = f"quiz has {count} questions: aim for {MIN_ITEMS} to {MAX_ITEMS}"
        findings.append(Finding(where, None, "warning", "quiz", message))
    pages = {page.slug: page for page in topic.pages}
    max_words = min(MAX_SENTENCE_WORDS, (limits or Limits()).max_sentence_words)
    for item in quiz.items:
        page = pages.get(item.page_slug)  # the loader keeps only items citing a loaded page
        if page is None:
            continue
        right = item.right_option.text
        if not _content_words(right) & _content_words(page.title, page.key_point, page.text):
            findings.append(
                Finding(
                    where,
                    lines.find(right),
                    "warning",
                    "quiz",
                    f"the right answer of {item.id!r} shares no word with page "
                    f"{item.page_slug}: take the answer from that page, or cite the page it "
                    "comes from",
                )
            )
        texts = [item.prompt, *(option.text for option in item.options), item.explanation]
        for sentence in (s for text in texts for s in readability.split_sentences(text)):
            words = len(readability.words(sentence))
            if words > max_words:
                findings.append(
                    Finding(
                        where,
                        lines.find(sentence),
                        "warning",
                        "long-sentence",
                        f"sentence has {words} words (more than {max_words}): "
                        f"{quote(sentence)}; split it",
                    )
                )
    return findings


def quiz_parity(library: Library) -> list[Finding]:
    """Every language has the quiz of the reference language (French when the topic has
    it), with the same question ids in the same order, as pages and questions do."""
    root = library.root
    findings: list[Finding] = []
    for versions in topic_versions(library).values():
        ref_language = reference_language(versions)
        reference = versions[ref_language]
        ref_path = reference.folder / QUIZ_FILE
        ref_ids = [item.id for item in reference.quiz.items] if reference.quiz else []
        where = relative(reference.folder, root)
        for language, topic in sorted(versions.items()):
            path = topic.folder / QUIZ_FILE
            ids = [item.id for item in topic.quiz.items] if topic.quiz else []
            if language == ref_language or ids == ref_ids:
                continue
            if topic.quiz is None or reference.quiz is None:
                # A quiz the loader left out is already reported; a missing file is not.
                if topic.quiz is None and not path.exists():
                    message = f"{QUIZ_FILE} of {where} has no translation here"
                    findings.append(_parity(root, topic.folder, None, message))
                elif reference.quiz is None and not ref_path.exists():
                    message = f"quiz is not in {where}: translate it there too"
                    findings.append(_parity(root, path, None, message))
                continue
            first = next(
                (i for i, (a, b) in enumerate(zip(ids, ref_ids, strict=False)) if a != b), None
            )
            line = SourceLines(path).find_id(ids[first]) if first is not None else None
            message = (
                f"quiz ids ({', '.join(ids)}) differ from {relative(ref_path, root)} "
                f"({', '.join(ref_ids)}): use the same ids in the same order"
            )
            findings.append(_parity(root, path, line, message))
    return findings


def _parity(root: Path, path: Path, line: int | None, message: str) -> Finding:
    return Finding(relative(path, root), line, "error", "parity", message)


def _content_words(*texts: str) -> set[str]:
    """Words of 4 letters or more, without accents or a plural s/x, common words left out."""
    words = set()
    for text in texts:
        for word in CONTENT_WORD.findall(_plain(text)):
            if word not in COMMON_WORDS:
                words.add(word[:-1] if word[-1] in "sx" and len(word) > 4 else word)
    return words
