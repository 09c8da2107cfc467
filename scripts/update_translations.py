"""Regenerate the Qt translation files: extract tr() strings, fill in English, compile.

Usage: python scripts/update_translations.py [--check]
With --check, fail (exit 1) when a string has no English translation or the committed
.ts/.qm files are out of date; CI runs the test suite, which calls this check.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "kiosk" / "i18n"
sys.path.insert(0, str(ROOT))

from kiosk.i18n.en import EN  # noqa: E402


def tool(name: str) -> str:
    return str(Path(sys.executable).parent / name)


def build(out_dir: Path) -> list[str]:
    """Write kiosk_en.ts and kiosk_en.qm into out_dir; return untranslated sources."""
    sources = sorted(str(p) for p in (ROOT / "kiosk").rglob("*.py"))
    ts = out_dir / "kiosk_en.ts"
    subprocess.run(
        [tool("pyside6-lupdate"), *sources, "-source-language", "fr", "-target-language",
         "en", "-no-obsolete", "-locations", "none", "-ts", str(ts)],
        check=True, capture_output=True,
    )  # fmt: skip
    tree = ET.parse(ts)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        if source in EN:
            translation.text = EN[source]
            translation.attrib.pop("type", None)
        else:
            missing.append(source)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    subprocess.run(
        [tool("pyside6-lrelease"), str(ts), "-qm", str(out_dir / "kiosk_en.qm")],
        check=True, capture_output=True,
    )  # fmt: skip
    return missing


def main() -> int:
    check = "--check" in sys.argv
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        missing = build(out)
        if missing:
            print("untranslated:", *missing, sep="\n  ")
            return 1
        stale = [
            name
            for name in ("kiosk_en.ts", "kiosk_en.qm")
            if not (I18N / name).exists() or (I18N / name).read_bytes() != (out / name).read_bytes()
        ]
        if check:
            if stale:
                print("out of date (run scripts/update_translations.py):", ", ".join(stale))
            return 1 if stale else 0
        for name in ("kiosk_en.ts", "kiosk_en.qm"):
            (I18N / name).write_bytes((out / name).read_bytes())
    print("translations updated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
