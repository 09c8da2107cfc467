"""Register the bundled font so the app never depends on fonts installed on the machine."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QFontDatabase

log = logging.getLogger(__name__)
FALLBACK_FAMILY = "DejaVu Sans"


def register_bundled_fonts(folder: Path) -> str:
    """Load every TTF/OTF in ``folder``; return the family to use for the UI."""
    families: list[str] = []
    for path in sorted(folder.glob("*.[ot]tf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("could not load font %s", path.name)
            continue
        families.extend(QFontDatabase.applicationFontFamilies(font_id))
    if not families:
        log.error("no bundled font could be loaded from %s; using %s", folder, FALLBACK_FAMILY)
        return FALLBACK_FAMILY
    return families[0]
