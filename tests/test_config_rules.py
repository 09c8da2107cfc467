"""Configuration: defaults written once (in the schema), and rules between options reported
like every other error, with their line, a safe fallback and the kiosk still starting."""

from __future__ import annotations

from pathlib import Path

from kiosk import config
from kiosk.config import SCHEMA, Settings, load_settings


def load(tmp_path: Path, text: str):
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    settings, problems = load_settings(path)
    return settings, [(p.line, p.message) for p in problems]


def test_settings_defaults_are_the_schema_defaults():
    settings = Settings()
    for option in SCHEMA:
        expected = config.setting_value(option, option.default)
        assert getattr(settings, option.name) == expected, option.name
    assert Settings().languages == ("fr", "en") and Settings().pdf_dir is None


def test_a_file_of_schema_defaults_gives_the_default_settings(tmp_path):
    lines = []
    for option in SCHEMA:
        value = option.default
        if isinstance(value, bool):
            text = "true" if value else "false"
        elif isinstance(value, str):
            text = f'"{value}"'
        elif isinstance(value, list):
            text = "[" + ", ".join(f'"{v}"' for v in value) + "]"
        else:
            text = repr(value)
        lines.append(f"{option.name} = {text}")
    settings, problems = load(tmp_path, "\n".join(lines) + "\n")
    assert problems == []
    assert settings == Settings(config_path=tmp_path / "kiosk.toml")


def test_language_not_offered_falls_back_to_the_first_offered(tmp_path):
    settings, problems = load(tmp_path, 'languages = ["en"]\nlanguage = "fr"\n')
    assert settings.language == "en" and settings.languages == ("en",)
    assert problems == [
        (2, "'language' 'fr' is not one of the languages offered ('en'); 'en' used")
    ]


def test_offering_other_languages_without_a_default_is_no_error(tmp_path):
    settings, problems = load(tmp_path, 'languages = ["en"]\n')
    assert settings.language == "en" and problems == []


def test_no_language_at_all_is_refused(tmp_path):
    settings, problems = load(tmp_path, "languages = []\n")
    assert settings.languages == ("fr", "en") and settings.language == "fr"
    assert problems == [
        (1, "'languages' should name at least one language; default ['fr', 'en'] used")
    ]


def test_pdf_allowed_without_a_folder_is_reported_and_stays_off(tmp_path):
    settings, problems = load(tmp_path, 'printer = "Accueil"\nallow_pdf = true\n')
    assert not settings.allow_pdf and not settings.pdf_enabled
    assert problems == [
        (2, "'allow_pdf' needs 'pdf_dir', the folder where PDFs are saved; default False used")
    ]


def test_a_pin_hash_not_made_by_set_pin_is_reported(tmp_path):
    settings, problems = load(tmp_path, 'staff_pin_hash = "1234"\n')
    assert settings.staff_pin_hash == ""
    assert problems == [
        (
            1,
            "'staff_pin_hash' is not a hash made by 'kiosk set-pin' (never the PIN itself); "
            "default '' used",
        )
    ]
    good = "scrypt$" + "A" * 22 + "==$" + "B" * 43 + "="
    settings, problems = load(tmp_path, f'staff_pin_hash = "{good}"\n')
    assert settings.staff_pin_hash == good and problems == []
