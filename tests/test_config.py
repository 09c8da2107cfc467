"""Configuration: every error class is reported with its line, defaults apply, file untouched."""

from __future__ import annotations

from pathlib import Path

from kiosk.config import SCHEMA, Settings, load_settings, settings_table


def load(tmp_path: Path, text: str):
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    before = path.read_bytes()
    settings, problems = load_settings(path)
    assert path.read_bytes() == before  # never rewritten
    return settings, [(p.line, p.message) for p in problems]


def test_missing_file_gives_defaults(tmp_path):
    settings, problems = load_settings(tmp_path / "none.toml")
    assert problems == [] and settings.mode == "kiosk" and settings.idle_timeout == 120


def test_good_file(tmp_path):
    settings, problems = load(
        tmp_path,
        'mode = "presenter"\nidle_timeout = 300\npaper = "Letter"\n'
        'pdf_dir = "~/resumes"\nallow_pdf = true\nlanguages = ["en", "fr"]\n',
    )
    assert problems == []
    assert settings.presenter and settings.idle_timeout == 300 and settings.paper == "Letter"
    assert settings.pdf_dir == Path("~/resumes").expanduser() and settings.pdf_enabled
    assert settings.languages == ("en", "fr")


def test_syntax_error_names_the_line_and_keeps_defaults(tmp_path):
    settings, problems = load(tmp_path, 'mode = "kiosk"\nidle_timeout = = 3\n')
    ((line, message),) = problems
    assert line == 2 and message.startswith("syntax error, all defaults used")
    assert settings == Settings(config_path=tmp_path / "kiosk.toml")


def test_each_value_error_is_collected_and_others_still_apply(tmp_path):
    settings, problems = load(
        tmp_path,
        'idle_timeout = "long"\n'
        "warning_countdown = 5\n"
        'paper = "A3"\n'
        "idle_timeout_s = 10\n"
        'printer = "Accueil"\n'
        "allow_pdf = 1\n",
    )
    assert problems == [
        (1, "'idle_timeout' should be a whole number, not 'long'; default 120 used"),
        (2, "'warning_countdown' 5 is below the minimum 20; default 30 used"),
        (3, "'paper' 'A3' is not one of 'A4', 'Letter'; default 'A4' used"),
        (4, "unknown option 'idle_timeout_s' (did you mean 'idle_timeout'?)"),
        (6, "'allow_pdf' should be true or false, not 1; default False used"),
    ]
    assert settings.idle_timeout == 120 and settings.warning_countdown == 30
    assert settings.paper == "A4" and settings.printer == "Accueil"


def test_readme_table_lists_every_option():
    table = settings_table()
    for option in SCHEMA:
        assert f"`{option.name}`" in table
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    assert table in readme, "README's settings table is out of date: paste settings_table()"


def test_screen_diagonal_accepts_numbers_and_refuses_nonsense(tmp_path):
    path = tmp_path / "kiosk.toml"
    path.write_text("screen_diagonal = 10\n", encoding="utf-8")
    settings, problems = load_settings(path)
    assert settings.screen_diagonal == 10.0 and problems == []
    path.write_text('screen_diagonal = "big"\n', encoding="utf-8")
    settings, problems = load_settings(path)
    assert settings.screen_diagonal == 0.0
    assert [(p.line, p.message) for p in problems] == [
        (1, "'screen_diagonal' should be a number, not 'big'; default 0.0 used")
    ]


def load_in_child(path: Path) -> list[str]:
    """load_settings(path) in a child process, so that a hang fails the test instead of
    stopping the suite; returns the problems' messages."""
    import json
    import subprocess
    import sys

    code = (
        "import json, sys; from pathlib import Path; from kiosk.config import load_settings;"
        "s, p = load_settings(Path(sys.argv[1]));"
        "assert s.idle_timeout == 120 and s.mode == 'kiosk';"
        "print(json.dumps([x.message for x in p]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=20
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout)


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    import os

    fifo = tmp_path / "kiosk.toml"
    os.mkfifo(fifo)
    (message,) = load_in_child(fifo)
    assert message.startswith("cannot read") and "not a regular file" in message


def test_a_link_to_a_device_is_refused(tmp_path):
    link = tmp_path / "kiosk.toml"
    link.symlink_to("/dev/zero")
    (message,) = load_in_child(link)
    assert message.startswith("cannot read") and "not a regular file" in message


def test_a_folder_is_refused(tmp_path):
    folder = tmp_path / "kiosk.toml"
    folder.mkdir()
    settings, problems = load_settings(folder)
    assert settings == Settings(config_path=folder)
    (problem,) = problems
    assert problem.message.startswith("cannot read") and "not a regular file" in problem.message


def test_a_file_too_large_is_refused_with_defaults(tmp_path):
    path = tmp_path / "kiosk.toml"
    path.write_text('mode = "presenter"\n' + "# padding\n" * 30_000, encoding="utf-8")
    settings, problems = load_settings(path)
    assert settings == Settings(config_path=path)
    (problem,) = problems
    assert problem.message.startswith("cannot read") and "256 KiB" in problem.message


def test_deep_nesting_is_a_syntax_error_not_a_crash(tmp_path):
    settings, problems = load(tmp_path, "a = " + "[" * 50_000 + "]" * 50_000 + "\n")
    ((_, message),) = problems
    assert message.startswith("syntax error, all defaults used")
    assert settings == Settings(config_path=tmp_path / "kiosk.toml")


def test_thousands_of_unknown_options_are_reported_briefly_and_quickly(tmp_path):
    import time

    lines = [f"unknown_option_{n} = {n}" for n in range(3000)]
    text = 'mode = "presenter"\n' + "\n".join(lines) + "\nidle_timeout = 10\n"
    started = time.perf_counter()
    settings, problems = load(tmp_path, text)
    elapsed = time.perf_counter() - started
    assert elapsed < 1.0, f"{elapsed:.1f} s"
    assert settings.mode == "presenter"
    unknown = [(line, m) for line, m in problems if "unknown option" in m]
    assert len(unknown) == 21
    assert unknown[0] == (2, "unknown option 'unknown_option_0'")
    assert unknown[19] == (21, "unknown option 'unknown_option_19'")
    assert unknown[20] == (22, "and 2980 more unknown options")
    assert problems[-1] == (3002, "'idle_timeout' 10 is below the minimum 30; default 120 used")
