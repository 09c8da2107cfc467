import logging
import os
import stat
import sys
import tomllib

import pytest

from kiosk.staff_pin import (
    LOCK_SECONDS,
    MAX_TRIES,
    MIN_DIGITS,
    PinGuard,
    check_new_pin,
    hash_pin,
    set_pin_in_config,
    verify_pin,
)


def test_hash_is_salted_and_verifies():
    first, second = hash_pin("864213"), hash_pin("864213")
    assert first != second and first.startswith("scrypt$")
    assert "864213" not in first
    assert verify_pin("864213", first) and verify_pin("864213", second)
    assert not verify_pin("123456", first)
    assert not verify_pin("864213", "garbage") and not verify_pin("864213", "")


def test_pin_must_be_digits():
    with pytest.raises(ValueError):
        hash_pin("12")
    with pytest.raises(ValueError):
        hash_pin("abcd")


@pytest.mark.parametrize(
    "pin",
    [
        "²²²²²²",  # superscript two: isdigit() says yes, the pad has no such key
        "١٢٣٤٥٦",  # Arabic-Indic digits
        "１２３４５６",  # fullwidth digits
        "12345 ",
        " 123456",
        "123456\n",
        "",
    ],
)
def test_only_ascii_digits_the_pad_can_enter(pin):
    with pytest.raises(ValueError):
        hash_pin(pin)
    with pytest.raises(ValueError):
        check_new_pin(pin)


def test_a_new_pin_needs_six_digits_by_default():
    assert MIN_DIGITS == 6
    with pytest.raises(ValueError, match="6 digits"):
        check_new_pin("12345")
    check_new_pin("123456")
    check_new_pin("1234", min_digits=4)  # a site that chose a short PIN knowingly
    with pytest.raises(ValueError):
        check_new_pin("1234567890123")  # the pad takes at most 12 digits


def test_wrong_pins_and_lock_outs_are_logged_without_the_digits(caplog):
    now = [1000.0]
    guard = PinGuard(hash_pin("246813"), clock=lambda: now[0])
    with caplog.at_level(logging.INFO, logger="kiosk"):
        for _ in range(MAX_TRIES):
            guard.attempt("975310")
        guard.attempt("975310")  # while locked
    text = caplog.text
    assert "975310" not in text and "246813" not in text
    wrong = [r for r in caplog.records if "wrong staff PIN" in r.getMessage()]
    assert len(wrong) == MAX_TRIES and all(r.levelno == logging.WARNING for r in wrong)
    assert all(r.name.startswith("kiosk") for r in caplog.records)
    locked = [r for r in caplog.records if "locked" in r.getMessage()]
    assert locked and f"{LOCK_SECONDS:g}" in locked[0].getMessage()


def test_five_wrong_pins_lock_for_a_minute():
    now = [1000.0]
    guard = PinGuard(hash_pin("246813"), clock=lambda: now[0])
    for _ in range(MAX_TRIES - 1):
        assert not guard.attempt("000000")
    assert guard.seconds_locked() == 0
    assert not guard.attempt("000000")
    assert guard.seconds_locked() == LOCK_SECONDS
    assert not guard.attempt("246813")  # even the right PIN waits
    now[0] += LOCK_SECONDS + 1
    assert guard.attempt("246813")


def test_no_pin_configured_never_opens():
    guard = PinGuard("")
    assert not guard.configured and not guard.attempt("0000")


def test_set_pin_changes_only_its_line():
    text = '# my kiosk\nmode = "kiosk"\nstaff_pin_hash = "old"\nprinter = "P"\n'
    assert set_pin_in_config(text, "new") == (
        '# my kiosk\nmode = "kiosk"\nstaff_pin_hash = "new"\nprinter = "P"\n'
    )
    assert set_pin_in_config('mode = "kiosk"', "h") == 'mode = "kiosk"\nstaff_pin_hash = "h"\n'


def test_set_pin_keeps_a_key_that_only_starts_with_the_name():
    text = 'staff_pin_hash_backup = "keep me"\nmode = "kiosk"\n'
    result = set_pin_in_config(text, "new")
    data = tomllib.loads(result)
    assert data["staff_pin_hash_backup"] == "keep me" and data["staff_pin_hash"] == "new"
    assert result.startswith(text)


def test_set_pin_keeps_crlf_line_endings():
    text = '# kiosk\r\nmode = "kiosk"\r\nstaff_pin_hash = "old"\r\nprinter = "P"\r\n'
    assert set_pin_in_config(text, "new") == text.replace("old", "new")
    added = set_pin_in_config('mode = "kiosk"\r\n\r\n[extra]\r\nx = 1\r\n', "new")
    assert "\n" not in added.replace("\r\n", "") and tomllib.loads(added)["staff_pin_hash"] == "new"


def test_set_pin_never_edits_a_line_inside_a_multiline_string():
    text = 'mode = "kiosk"\nnote = """\nstaff_pin_hash = "inside"\n"""\n'
    result = set_pin_in_config(text, "new")
    data = tomllib.loads(result)
    assert data["staff_pin_hash"] == "new"
    assert data["note"] == 'staff_pin_hash = "inside"\n'


def test_set_pin_sets_the_top_level_key_not_one_in_a_table():
    text = 'mode = "kiosk"\n\n[extra]\nstaff_pin_hash = "in a table"\n'
    data = tomllib.loads(set_pin_in_config(text, "new"))
    assert data["staff_pin_hash"] == "new" and data["extra"]["staff_pin_hash"] == "in a table"


def test_set_pin_keeps_comments_and_spacing():
    text = '# my kiosk\nmode   = "kiosk"   # where\nstaff_pin_hash = "old"  # set-pin\n'
    assert set_pin_in_config(text, "new") == text.replace('"old"', '"new"')


def test_set_pin_refuses_a_file_that_is_not_toml():
    with pytest.raises(ValueError):
        set_pin_in_config('mode = "kiosk\n', "new")


def run_set_pin(monkeypatch, capsys, config, *answers, extra=()):
    import getpass

    from kiosk.pin_command import set_pin

    replies = iter(answers)
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": next(replies))
    code = set_pin(["--config", str(config), *extra])
    return code, capsys.readouterr()


def test_set_pin_command_creates_an_owner_only_file(tmp_path, monkeypatch, capsys):
    old = os.umask(0o022)
    try:
        config = tmp_path / "new" / "kiosk.toml"
        code, out = run_set_pin(monkeypatch, capsys, config, "135792", "135792")
    finally:
        os.umask(old)
    assert code == 0 and "Staff PIN set" in out.out
    assert stat.S_IMODE(config.stat().st_mode) == 0o600
    assert verify_pin("135792", tomllib.loads(config.read_text())["staff_pin_hash"])


def test_set_pin_command_keeps_crlf_and_the_file_mode(tmp_path, monkeypatch, capsys):
    config = tmp_path / "kiosk.toml"
    config.write_bytes(b'mode = "kiosk"\r\nstaff_pin_hash_backup = "b"\r\n')
    config.chmod(0o640)
    code, _ = run_set_pin(monkeypatch, capsys, config, "135792", "135792")
    assert code == 0
    raw = config.read_bytes()
    assert raw.startswith(b'mode = "kiosk"\r\nstaff_pin_hash_backup = "b"\r\n')
    assert raw.count(b"\n") == raw.count(b"\r\n")
    assert stat.S_IMODE(config.stat().st_mode) == 0o640
    assert verify_pin("135792", tomllib.loads(raw.decode())["staff_pin_hash"])


@pytest.mark.parametrize("pin", ["1234", "²²²²²²", "١٢٣٤٥٦"])
def test_set_pin_command_refuses_pins_the_pad_cannot_enter_or_too_short(
    tmp_path, monkeypatch, capsys, pin
):
    config = tmp_path / "kiosk.toml"
    config.write_text('mode = "kiosk"\n', encoding="utf-8")
    code, out = run_set_pin(monkeypatch, capsys, config, pin, pin)
    assert code == 2 and "nothing changed" in out.err and "Staff PIN set" not in out.out
    assert config.read_text(encoding="utf-8") == 'mode = "kiosk"\n'


def test_set_pin_command_allows_a_shorter_pin_when_asked(tmp_path, monkeypatch, capsys):
    config = tmp_path / "kiosk.toml"
    code, _ = run_set_pin(monkeypatch, capsys, config, "2468", "2468", extra=["--min-digits", "4"])
    assert code == 0
    assert verify_pin("2468", tomllib.loads(config.read_text())["staff_pin_hash"])


def test_set_pin_without_input_says_cancelled_and_changes_nothing(tmp_path):
    """`kiosk set-pin` with no input (Ctrl-D, or nothing on standard input) must not end in
    a traceback: it says "cancelled", leaves the file alone and exits non-zero."""
    import subprocess

    config = tmp_path / "kiosk.toml"
    config.write_text('mode = "kiosk"\n', encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "set-pin", "--config", str(config)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 1
    assert "cancelled; nothing changed" in result.stderr
    assert "Traceback" not in result.stderr
    assert config.read_text(encoding="utf-8") == 'mode = "kiosk"\n'


def test_set_pin_command_refuses_a_configuration_that_is_not_a_regular_file(
    tmp_path, monkeypatch, capsys
):
    fifo = tmp_path / "kiosk.toml"
    os.mkfifo(fifo)
    code, out = run_set_pin(monkeypatch, capsys, fifo)  # asks for no PIN: no answers given
    assert code == 2 and "not a regular file" in out.err
