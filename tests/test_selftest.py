"""``kiosk --self-test``: passes on the bundled content, reports what fails otherwise."""

from __future__ import annotations

from kiosk.selftest import pdf_page_count, run_self_test


def test_self_test_passes_on_the_bundled_content(qapp, capsys, library):
    assert run_self_test() == 0
    out = capsys.readouterr().out
    assert "self-test passed" in out
    assert "FAIL" not in out
    for language in library.languages:
        for topic in library.topics_for(language):
            line = next(x for x in out.splitlines() if f"{language}/{topic.id}:" in x)
            assert f"{len(topic.pages)} pages rendered" in line
            assert "summary PDF" in line


def test_self_test_fails_without_content(qapp, capsys, tmp_path):
    assert run_self_test(tmp_path / "missing") == 1
    out = capsys.readouterr().out
    assert "FAIL  content" in out
    assert "self-test FAILED" in out


def test_self_test_reports_a_broken_topic_and_checks_the_others(qapp, capsys, tmp_path):
    good = tmp_path / "fr" / "bon"
    good.mkdir(parents=True)
    (good / "topic.md").write_text(
        "title: Bon\ndescription: Un sujet.\nlanguage: fr\nversion: 1\n"
        "reviewed: 2026-01-01\nsource: Test\n\nIntro.\n",
        encoding="utf-8",
    )
    (good / "01-page.md").write_text("title: Page\nkey: Un point.\n\nTexte.\n", encoding="utf-8")
    (tmp_path / "fr" / "casse").mkdir()  # a topic folder without topic.md
    assert run_self_test(tmp_path) == 1
    out = capsys.readouterr().out
    assert "ok    fr/bon: 1 pages rendered" in out
    assert "FAIL  content" in out


def test_pdf_page_count(tmp_path):
    path = tmp_path / "two.pdf"
    path.write_bytes(b"%PDF-1.4\n<< /Type /Pages /Count 2 >>\n<< /Type /Page >>\n<</Type/Page>>\n")
    assert pdf_page_count(path) == 2


def test_self_test_fails_without_a_compiled_translation(qapp, capsys, monkeypatch):
    from kiosk import i18n

    monkeypatch.setattr(i18n, "translator", lambda language: None)
    assert run_self_test() == 1
    assert "FAIL  translations: no compiled UI translation for en" in capsys.readouterr().out
