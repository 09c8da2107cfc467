"""The bundle filter used by build.spec: which Qt plugins, translations and data stay."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "pyinstaller_lean.py"


@pytest.fixture(scope="module")
def lean():
    spec = importlib.util.spec_from_file_location("pyinstaller_lean", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/Qt/plugins/platforms/qwindows.dll", True),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
        ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", True),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", True),
        ("PySide6/Qt/plugins/imageformats/libqtiff.so", False),
        ("PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so", False),
        ("PySide6/Qt/plugins/texttospeech/libqtexttospeech_speechd.so", True),
        ("PySide6/Qt/plugins/texttospeech/libqtexttospeech_mock.so", False),
        ("PySide6/Qt/lib/libQt6Core.so.6", True),  # not a plugin
    ],
)
def test_plugins(lean, dest, kept):
    assert lean._keep_plugin(dest) is kept


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/translations/qtbase_fr.qm", True),
        ("PySide6/Qt/translations/qtbase_en.qm", True),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/Qt/translations/qt_fr.qm", False),  # meta-catalog: needs the dropped ones
        ("PySide6/Qt/translations/qtmultimedia_fr.qm", False),
        ("PySide6/Qt/translations/qtbase_zh_CN.qm", False),
        ("assets/translations/kiosk_en.qm", True),  # the app's own are not Qt's
    ],
)
def test_translations(lean, dest, kept):
    assert lean._keep_translation(dest) is kept


def test_version_tuple(lean):
    assert lean.version_tuple("0.1.0") == (0, 1, 0, 0)
    assert lean.version_tuple("1.2.3.4.5+local") == (1, 2, 3, 4)


def test_excluded_modules_keep_what_the_app_uses(lean):
    excluded = lean.excluded_modules()
    for used in lean.USED_QT_MODULES:
        assert f"PySide6.{used}" not in excluded
    assert "PySide6.QtWebEngineCore" in excluded or "PySide6.QtQml" in excluded


def test_links_to_libraries_left_out_are_dropped(lean):
    """PyInstaller adds top-level links to the Qt libraries; once a library is left out its
    link must go too, or the bundle carries a dangling link (libQt6Qml.so.6 did)."""
    entries = [
        ("PySide6/Qt/lib/libQt6Core.so.6", "/site/PySide6/Qt/lib/libQt6Core.so.6", "BINARY"),
        ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
        ("libQt6Qml.so.6", "PySide6/Qt/lib/libQt6Qml.so.6", "SYMLINK"),  # Qml left out
        ("libQt6Qml.so", "libQt6Qml.so.6", "SYMLINK"),  # a link to that link
        ("sub/libQt6Core.so", "../PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
    ]
    kept = lean._drop_dangling_links(entries)
    assert [dest for dest, _src, _typecode in kept] == [
        "PySide6/Qt/lib/libQt6Core.so.6",
        "libQt6Core.so.6",
        "sub/libQt6Core.so",
    ]
