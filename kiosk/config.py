"""Configuration: one TOML file, a schema in one place, every error collected. No Qt here.

A broken file never stops the kiosk: each bad value falls back to its default and the
problem is reported to staff. The user's file is only ever read.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, NamedTuple, cast


# Immutable records are NamedTuples, not dataclasses: this module is read before the
# first frame, and a frozen dataclass takes ~1 ms to create (its methods are compiled).
class Option(NamedTuple):
    name: str
    kind: type
    default: Any
    description: str
    choices: tuple[Any, ...] = ()
    minimum: float | None = None
    maximum: float | None = None


SCHEMA: tuple[Option, ...] = (
    Option("mode", str, "kiosk", "kiosk (waiting room, idle wipe) or presenter (nurse, tablet)",
           choices=("kiosk", "presenter")),
    Option("idle_timeout", int, 120, "seconds without a touch before 'Êtes-vous toujours là ?'",
           minimum=30, maximum=3600),
    Option("warning_countdown", int, 30, "seconds the 'still there?' screen waits before wiping",
           minimum=20, maximum=300),
    Option("languages", list, ["fr", "en"], "languages offered to patients, in order"),
    Option("language", str, "fr",
           "default language at the start of each session (one of languages; else the first)"),
    Option("default_topic", str, "", "topic id opened first on the home screen (empty: none)"),
    Option("content_dir", str, "", "content folder (empty: the content bundled with the app)"),
    Option("printer", str, "", "printer name for silent printing (empty: system default)"),
    Option("paper", str, "A4", "paper size of the summary", choices=("A4", "Letter")),
    Option("service_name", str, "", "care team name printed on the summary"),
    Option("service_phone", str, "", "care team phone number printed on the summary"),
    Option("pdf_dir", str, "", "folder where summaries are saved as PDF (empty: disabled)"),
    Option("allow_pdf", bool, False, "show 'Enregistrer en PDF' to patients (needs pdf_dir)"),
    Option("max_prints", int, 2,
           "printed sheets per patient (a copy after the first needs 'Imprimer encore')",
           minimum=1, maximum=5),
    Option("staff_pin_hash", str, "", "salted hash of the staff PIN, set with 'kiosk set-pin'"),
    Option("log_level", str, "INFO", "staff log detail",
           choices=("DEBUG", "INFO", "WARNING", "ERROR")),
    Option("viewing_distance", int, 50, "viewing distance in cm; sets the text size",
           minimum=30, maximum=150),
    Option("screen_diagonal", float, 0.0,
           "screen diagonal in inches, for screens that report a wrong size (0: ask the screen)",
           minimum=0, maximum=120),
    Option("update_source", str, "",
           "signed content updates: an https:// or http:// URL or a folder (empty: off)"),
    Option("trusted_root", str, "",
           "the update repository's root.json installed with the kiosk (see docs/fleet.md)"),
    Option("update_interval", int, 360, "minutes between update checks",
           minimum=15, maximum=10080),
    Option("figures_dir", str, "",
           "folder for anonymous usage figures: kiosk.prom and daily CSV (empty: off)"),
)  # fmt: skip
OPTIONS = {option.name: option for option in SCHEMA}
PATH_OPTIONS = (
    "content_dir",
    "pdf_dir",
    "trusted_root",
    "figures_dir",
)  # text in the file, a Path (or None if empty) here
PIN_HASH = re.compile(r"scrypt\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*")  # see kiosk.staff_pin
MAX_BYTES = 256 * 1024  # a real configuration is a few hundred bytes
MAX_UNKNOWN_REPORTED = 20  # then "and K more unknown options"
_KEY_LINE = re.compile(r"\s*([A-Za-z0-9_-]+)\s*=")


def setting_value(option: Option, value: Any) -> Any:
    """A checked value from the file (or the schema) as Settings holds it."""
    if option.kind is float:
        return float(value)
    if option.kind is list:
        return tuple(value)  # immutable, like the rest of Settings
    if option.name in PATH_OPTIONS:
        return Path(value).expanduser() if value else None
    return value


def _default(name: str) -> Any:
    option = OPTIONS[name]
    return setting_value(option, option.default)


class Settings(NamedTuple):
    # Defaults come from SCHEMA alone, so the two can never disagree.
    mode: str = _default("mode")
    idle_timeout: int = _default("idle_timeout")
    warning_countdown: int = _default("warning_countdown")
    languages: tuple[str, ...] = _default("languages")
    language: str = _default("language")
    default_topic: str = _default("default_topic")
    content_dir: Path | None = _default("content_dir")  # None: the content bundled with the app
    printer: str = _default("printer")
    paper: str = _default("paper")
    service_name: str = _default("service_name")
    service_phone: str = _default("service_phone")
    pdf_dir: Path | None = _default("pdf_dir")
    allow_pdf: bool = _default("allow_pdf")
    max_prints: int = _default("max_prints")
    staff_pin_hash: str = _default("staff_pin_hash")
    log_level: str = _default("log_level")
    viewing_distance: int = _default("viewing_distance")
    screen_diagonal: float = _default("screen_diagonal")
    update_source: str = _default("update_source")
    trusted_root: Path | None = _default("trusted_root")
    update_interval: int = _default("update_interval")
    figures_dir: Path | None = _default("figures_dir")
    windowed: bool = False  # command line only
    config_path: Path | None = None  # where the settings were read from, for staff

    @property
    def viewing_distance_mm(self) -> float:
        return self.viewing_distance * 10.0

    @property
    def presenter(self) -> bool:
        return self.mode == "presenter"

    @property
    def pdf_enabled(self) -> bool:
        return self.allow_pdf and self.pdf_dir is not None


class ConfigProblem(NamedTuple):
    path: Path
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return f"{where}: {self.message}"


def _check(option: Option, value: Any) -> str | None:
    """Why the value is not acceptable, or None."""
    expected = option.kind
    if expected is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)  # "10" is as good as "10.0" for a size
    if (expected in (int, float) and isinstance(value, bool)) or not isinstance(value, expected):
        names = {
            str: "text in quotes",
            int: "a whole number",
            float: "a number",
            bool: "true or false",
            list: "a list",
        }
        return f"should be {names[expected]}, not {value!r}"
    if option.choices and value not in option.choices:
        return f"{value!r} is not one of {', '.join(map(repr, option.choices))}"
    number = cast(float, value)  # int by now: the type was checked above
    if option.minimum is not None and number < option.minimum:
        return f"{value} is below the minimum {option.minimum:g}"
    if option.maximum is not None and number > option.maximum:
        return f"{value} is above the maximum {option.maximum:g}"
    if isinstance(value, list) and not all(isinstance(item, str) for item in value):
        return 'should be a list of texts, e.g. ["fr", "en"]'
    if option.name == "languages" and not value:  # a kiosk must speak something
        return "should name at least one language"
    if option.name == "staff_pin_hash" and value and not PIN_HASH.fullmatch(str(value)):
        # A PIN typed here in clear would never match, and staff would be locked out.
        return "is not a hash made by 'kiosk set-pin' (never the PIN itself)"
    return None


def _cross_check(values: dict[str, Any], lines: dict[str, int], path: Path) -> list[ConfigProblem]:
    """Rules between options; a value that breaks one falls back to something safe."""
    problems: list[ConfigProblem] = []
    languages = values.get("languages", _default("languages"))
    language = values.get("language", _default("language"))
    if language not in languages:
        written = "language" in values  # else the default "fr", not offered: no one's error
        values["language"] = languages[0]  # not a language the kiosk offers to anyone
        if written:
            offered = ", ".join(map(repr, languages))
            problems.append(
                ConfigProblem(
                    path,
                    lines.get("language"),
                    f"'language' {language!r} is not one of the languages offered "
                    f"({offered}); {languages[0]!r} used",
                )
            )
    if values.get("allow_pdf") and values.get("pdf_dir") is None:
        values["allow_pdf"] = False  # else 'Enregistrer en PDF' would fail for every patient
        problems.append(
            ConfigProblem(
                path,
                lines.get("allow_pdf"),
                "'allow_pdf' needs 'pdf_dir', the folder where PDFs are saved; default False used",
            )
        )
    if values.get("update_source") and values.get("trusted_root") is None:
        values["update_source"] = ""  # updates nobody could verify are never fetched
        problems.append(
            ConfigProblem(
                path,
                lines.get("update_source"),
                "'update_source' needs 'trusted_root', the repository's root.json installed "
                "with the kiosk; updates stay off",
            )
        )
    return problems


def _key_lines(text: str) -> dict[str, int]:
    """The line where each bare key is first given a value, in one pass over the file."""
    lines: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        match = _KEY_LINE.match(line)
        if match:
            lines.setdefault(match.group(1), number)
    return lines


def _read_config(path: Path) -> str:
    """The file's text, read only if it is a regular file of at most MAX_BYTES; OSError or
    ValueError (with a message for staff) otherwise. Opened without waiting, so a FIFO or
    a device never blocks the start, and checked on the opened file (no race)."""
    import os
    import stat

    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags)
    info = os.fstat(descriptor)
    if not stat.S_ISREG(info.st_mode):
        os.close(descriptor)
        raise ValueError("not a regular file")
    if info.st_size > MAX_BYTES:
        os.close(descriptor)
        raise ValueError(f"larger than {MAX_BYTES // 1024} KiB ({info.st_size} bytes)")
    with os.fdopen(descriptor, "rb") as file:
        data = file.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:  # grew since
        raise ValueError(f"larger than {MAX_BYTES // 1024} KiB")
    return data.decode("utf-8")


def load_settings(path: Path | None) -> tuple[Settings, list[ConfigProblem]]:
    """Read the TOML file; return settings (defaults where needed) and every problem found."""
    if path is None or not path.exists():
        return Settings(config_path=path), []
    import tomllib  # here: a kiosk without a configuration file never needs it

    problems: list[ConfigProblem] = []
    try:
        text = _read_config(path)
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError, ValueError) as error:
        if isinstance(error, tomllib.TOMLDecodeError):  # a ValueError too
            line = getattr(error, "lineno", None) or _line_from_message(str(error))
            message = f"syntax error, all defaults used: {str(error).split(' (at line')[0]}"
            return Settings(config_path=path), [ConfigProblem(path, line, message)]
        why = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        message = f"cannot read ({why}), all defaults used"
        return Settings(config_path=path), [ConfigProblem(path, None, message)]
    except RecursionError:
        message = "syntax error, all defaults used: lists or tables nested too deeply"
        return Settings(config_path=path), [ConfigProblem(path, None, message)]

    lines = _key_lines(text)
    values: dict[str, Any] = {}
    unknown = 0
    first_unreported: int | None = None
    for key, value in data.items():
        option = OPTIONS.get(key)
        if option is None:
            unknown += 1
            if unknown <= MAX_UNKNOWN_REPORTED:
                from kiosk.suggestions import did_you_mean

                hint = did_you_mean(key, OPTIONS)
                problems.append(
                    ConfigProblem(path, lines.get(key), f"unknown option '{key}'{hint}")
                )
            elif unknown == MAX_UNKNOWN_REPORTED + 1:
                first_unreported = lines.get(key)
            continue
        reason = _check(option, value)
        if reason:
            default = f"default {option.default!r} used"
            problems.append(ConfigProblem(path, lines.get(key), f"'{key}' {reason}; {default}"))
            continue
        values[key] = setting_value(option, value)
    if unknown > MAX_UNKNOWN_REPORTED:
        more = unknown - MAX_UNKNOWN_REPORTED
        problems.append(ConfigProblem(path, first_unreported, f"and {more} more unknown options"))
    problems += _cross_check(values, lines, path)
    problems.sort(key=lambda problem: problem.line or 0)  # in the order staff read the file
    return Settings(config_path=path)._replace(**values), problems


def _line_from_message(message: str) -> int | None:
    match = re.search(r"line (\d+)", message)
    return int(match.group(1)) if match else None


def settings_table() -> str:
    """The README table, generated from the schema."""
    rows = ["| option | type | default | allowed | meaning |", "| --- | --- | --- | --- | --- |"]
    for option in SCHEMA:
        if option.choices:
            allowed = ", ".join(map(str, option.choices))
        elif option.minimum is not None:
            allowed = f"{option.minimum:g} to {option.maximum:g}"
        else:
            allowed = ""
        default = repr(option.default).replace("'", '"').replace("False", "false")
        kind = option.kind.__name__
        rows.append(
            f"| `{option.name}` | {kind} | `{default}` | {allowed} | {option.description} |"
        )
    return "\n".join(rows)


assert set(Settings._fields) >= set(OPTIONS), "every option needs a Settings field"
