from kiosk.content import load_library
from kiosk.content.reload import merge_reload
from tests.content.test_loader_errors import GOOD_PAGE, write_topic


def test_good_edit_is_taken(tmp_path):
    folder = write_topic(tmp_path, {"01-a.md": GOOD_PAGE})
    old = load_library(tmp_path)
    (folder / "01-a.md").write_text(GOOD_PAGE.replace("Une page", "Page corrigée"), "utf-8")
    merged, kept = merge_reload(old, load_library(tmp_path))
    assert kept == [] and merged.topic("fr", "t").pages[0].title == "Page corrigée"


def test_broken_edit_keeps_the_last_good_version_and_reports(tmp_path):
    folder = write_topic(tmp_path, {"01-a.md": GOOD_PAGE, "02-b.md": GOOD_PAGE})
    write_topic(tmp_path, {"01-a.md": GOOD_PAGE}, topic="autre")
    old = load_library(tmp_path)
    (folder / "02-b.md").write_text(GOOD_PAGE + "\n<b>oups</b>\n", "utf-8")
    (tmp_path / "fr" / "autre" / "01-a.md").write_text(GOOD_PAGE.replace("Une", "Autre"), "utf-8")
    merged, kept = merge_reload(old, load_library(tmp_path))
    assert kept == ["fr/t"]
    assert len(merged.topic("fr", "t").pages) == 2  # never a half-loaded topic
    assert merged.topic("fr", "autre").pages[0].title == "Autre page"
    assert any("raw HTML" in p.message for p in merged.problems)


def test_deleted_topic_goes(tmp_path):
    import shutil

    write_topic(tmp_path, {"01-a.md": GOOD_PAGE})
    write_topic(tmp_path, {"01-a.md": GOOD_PAGE}, topic="autre")
    old = load_library(tmp_path)
    shutil.rmtree(tmp_path / "fr" / "autre")
    merged, kept = merge_reload(old, load_library(tmp_path))
    assert [t.id for t in merged.topics_for("fr")] == ["t"] and kept == []
