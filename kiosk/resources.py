"""The one place that knows where bundled files live.

The same code runs from a source checkout, from an installed wheel (files copied into
``kiosk/_bundled``) and from a PyInstaller bundle (files next to the frozen package).
"""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _candidates(name: str) -> list[Path]:
    roots = [_PACKAGE_DIR / "_bundled", _PACKAGE_DIR.parent]
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        roots.insert(0, Path(frozen_root))
    return [root / name for root in roots]


def resource_path(name: str) -> Path:
    """Return the path of a bundled top-level folder such as ``content`` or ``assets``."""
    for candidate in _candidates(name):
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"bundled resource {name!r} not found in {_candidates(name)}")


def content_dir() -> Path:
    return resource_path("content")


def fonts_dir() -> Path:
    return resource_path("assets") / "fonts"
