import pytest

from kiosk.staff_pin import (
    LOCK_SECONDS,
    MAX_TRIES,
    PinGuard,
    hash_pin,
    set_pin_in_config,
    verify_pin,
)


def test_hash_is_salted_and_verifies():
    first, second = hash_pin("4321"), hash_pin("4321")
    assert first != second and first.startswith("scrypt$")
    assert "4321" not in first
    assert verify_pin("4321", first) and verify_pin("4321", second)
    assert not verify_pin("1234", first)
    assert not verify_pin("4321", "garbage") and not verify_pin("4321", "")


def test_pin_must_be_digits():
    with pytest.raises(ValueError):
        hash_pin("12")
    with pytest.raises(ValueError):
        hash_pin("abcd")


def test_five_wrong_pins_lock_for_a_minute():
    now = [1000.0]
    guard = PinGuard(hash_pin("2468"), clock=lambda: now[0])
    for _ in range(MAX_TRIES - 1):
        assert not guard.attempt("0000")
    assert guard.seconds_locked() == 0
    assert not guard.attempt("0000")
    assert guard.seconds_locked() == LOCK_SECONDS
    assert not guard.attempt("2468")  # even the right PIN waits
    now[0] += LOCK_SECONDS + 1
    assert guard.attempt("2468")


def test_no_pin_configured_never_opens():
    guard = PinGuard("")
    assert not guard.configured and not guard.attempt("0000")


def test_set_pin_changes_only_its_line():
    text = '# my kiosk\nmode = "kiosk"\nstaff_pin_hash = "old"\nprinter = "P"\n'
    assert set_pin_in_config(text, "new") == (
        '# my kiosk\nmode = "kiosk"\nstaff_pin_hash = "new"\nprinter = "P"\n'
    )
    assert set_pin_in_config('mode = "kiosk"', "h") == 'mode = "kiosk"\nstaff_pin_hash = "h"\n'


def test_set_pin_without_input_says_cancelled_and_changes_nothing(tmp_path):
    """`kiosk set-pin` with no input (Ctrl-D, or nothing on standard input) must not end in
    a traceback: it says "cancelled", leaves the file alone and exits non-zero."""
    import subprocess
    import sys

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
