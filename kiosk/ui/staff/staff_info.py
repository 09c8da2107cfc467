"""What the staff panel tells staff: version, configuration and content problems, the
display's figures, the last crash and log lines. Nothing of a patient is ever here."""

from __future__ import annotations

from collections.abc import Callable

from kiosk import __version__
from kiosk.config import ConfigProblem
from kiosk.ui.main_window import MainWindow


def info_lines(
    window: MainWindow,
    mode: str,
    config_problems: list[ConfigProblem],
    crash_report: str | None,
    log_lines: Callable[[], list[str]],
) -> list[str]:
    lines = [f"Kiosk {__version__} — mode {mode}"]
    settings = window.settings
    lines.append(f"Configuration : {settings.config_path or 'aucun fichier (valeurs par défaut)'}")
    lines += [f"  ! {problem}" for problem in config_problems]
    lines.append(display_line(window))
    for language, topics in sorted(window.library.topics.items()):
        for topic in topics:
            lines.append(
                f"Contenu {language}/{topic.id} : version {topic.version}, "
                f"relu le {topic.reviewed}, {len(topic.pages)} pages"
            )
    lines += [f"  ! {problem}" for problem in window.library.problems]
    if crash_report:
        lines += ["", "Dernier arrêt brutal :", crash_report.strip()]
    lines += ["", "Dernières lignes du journal :", *log_lines()]
    return lines


def display_line(window: MainWindow) -> str:
    """The figures the sizes are computed from, so staff can check the display."""
    m = window.applied_metrics or window.metrics()
    diagonal = window.settings.screen_diagonal
    source = (
        f"diagonale réglée {diagonal:g} pouces (screen_diagonal)"
        if diagonal > 0
        else "taille annoncée par l'écran"
    )
    line = (
        f"Affichage : fenêtre {window.width()}×{window.height()} px, "
        f"{m.dpi:.0f} points par pouce ({source}), texte {m.body_px} px"
    )
    if m.reduced:
        line += " — réduit pour que six lignes tiennent sur l'écran"
    return line
