"""The visit is changed in one place: only ``kiosk/ui/visit.py`` writes the session.

Screens render the visit and forward taps; when a screen wrote the session itself (the
reader turning pages, the questions screen editing the list, the quiz recording answers),
the other screens learnt of it only if someone remembered to tell them. This reads the
source of every UI module and fails on any write to the session outside the visit:
an assignment to one of its fields, or a call that changes it (also through a local name
such as ``questions = self.session.questions``).
"""

from __future__ import annotations

import ast
from pathlib import Path

import kiosk.ui

UI = Path(kiosk.ui.__file__).parent
ONE_WRITER = UI / "visit.py"
# Methods of Session, QuestionList and the built-in containers it holds that change them.
MUTATORS = {
    "go_to", "next_page", "previous_page", "open_topic", "keep_topic", "wipe",
    "toggle", "add_own", "edit_own", "remove", "take", "put_back", "clear",
    "add", "discard", "update", "pop", "setdefault", "append", "__setitem__",
}  # fmt: skip


def _mentions_session(node: ast.AST, aliases: set[str]) -> bool:
    for sub in ast.walk(node):
        if isinstance(sub, ast.Attribute) and sub.attr == "session":
            return True
        if isinstance(sub, ast.Name) and sub.id in aliases | {"session"}:
            return True
    return False


def session_writes(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    name = path.relative_to(UI) if path.is_relative_to(UI) else path.name
    found: list[str] = []
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            continue
        aliases: set[str] = set()
        body = function.body if isinstance(function.body, list) else [function.body]
        for statement in body:
            for node in ast.walk(statement):
                if isinstance(node, ast.Assign) and _mentions_session(node.value, set()):
                    aliases |= {t.id for t in node.targets if isinstance(t, ast.Name)}
                targets = []
                if isinstance(node, ast.Assign):
                    targets = node.targets
                elif isinstance(node, ast.AugAssign | ast.AnnAssign):
                    targets = [node.target]
                for target in targets:
                    if isinstance(target, ast.Attribute) and target.attr == "session":
                        continue  # keeping a reference to the session is not writing it
                    if isinstance(target, ast.Attribute | ast.Subscript) and _mentions_session(
                        target, aliases
                    ):
                        found.append(f"{name}:{node.lineno} assigns")
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr in MUTATORS
                    and _mentions_session(node.func.value, aliases)
                ):
                    found.append(f"{name}:{node.lineno} calls {node.func.attr}")
    return sorted(set(found))


def test_only_the_visit_writes_the_session():
    paths = [path for path in sorted(UI.rglob("*.py")) if path != ONE_WRITER]
    writes = [write for path in paths for write in session_writes(path)]
    assert writes == [], "the session is written outside kiosk/ui/visit.py:\n" + "\n".join(writes)


def test_the_check_sees_each_kind_of_write(tmp_path):
    """The scan itself: each way of writing the session is found, reading is not."""
    sample = tmp_path / "sample.py"
    sample.write_text(
        "def f(self):\n"
        "    self.session.page_index = 3\n"
        "    self.session.quiz_answers['a'] = 1\n"
        "    self.window.session.default_language = 'en'\n"
        "    self.session.next_page()\n"
        "    questions = self.session.questions\n"
        "    questions.add_own('x')\n"
        "    self.session.pages_covered.add(2)\n"
        "    return self.session.page_index + len(self.session.questions.chosen_ids)\n"
    )
    kinds = [w.split(" ", 1)[1] for w in session_writes(sample)]
    assert sorted(kinds) == sorted(
        ["assigns", "assigns", "assigns", "calls next_page", "calls add_own", "calls add"]
    )
