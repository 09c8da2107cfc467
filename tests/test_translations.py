"""Every UI string has its English translation, and the shipped .ts/.qm files are current."""

import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "update_translations.py"


def test_translations_are_complete_and_compiled():
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_placeholders_are_filled_once_whatever_the_values_contain():
    """A patient's question may contain "%2": filling %1 with it must not let the next
    placeholder's value land inside the patient's text."""
    from kiosk.i18n import fill

    assert fill("%1 / %2 caractères", "12", "300") == "12 / 300 caractères"
    assert fill("Retirer : %1", "Et le %2 ?") == "Retirer : Et le %2 ?"
    assert fill("Page %1 sur %2", "%2", 9) == "Page %2 sur 9"
    assert fill("Page %1 sur %2", 3) == "Page 3 sur %2"  # what is not given stays
