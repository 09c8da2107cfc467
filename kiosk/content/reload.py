"""Reloading edited content without ever showing a patient a half-loaded topic. No Qt.

A topic whose new version has any error keeps its last good version; the new problems are
still reported so staff can see what to fix.
"""

from __future__ import annotations

from pathlib import Path

from kiosk.content.model import Library, Topic


def _has_errors(library: Library, folder: Path) -> bool:
    return any(p.severity == "error" and p.path.is_relative_to(folder) for p in library.problems)


def merge_reload(old: Library, new: Library) -> tuple[Library, list[str]]:
    """The library to show, and the "lang/topic" names kept at their last good version."""
    merged = Library(root=new.root, problems=list(new.problems))
    kept: list[str] = []
    languages = sorted(set(old.topics) | set(new.topics))
    for language in languages:
        topics: list[Topic] = []
        new_by_id = {t.id: t for t in new.topics_for(language)}
        old_by_id = {t.id: t for t in old.topics_for(language)}
        for topic_id in sorted(set(new_by_id) | set(old_by_id)):
            fresh, previous = new_by_id.get(topic_id), old_by_id.get(topic_id)
            folder = new.root / language / topic_id
            if previous is not None and (fresh is None or _has_errors(new, folder)):
                if folder.exists():  # a deleted topic goes; a broken one stays as it was
                    topics.append(previous)
                    kept.append(f"{language}/{topic_id}")
            elif fresh is not None:
                topics.append(fresh)
        if topics:
            merged.topics[language] = topics
    return merged, kept
