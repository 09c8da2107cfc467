"""Keep a PyInstaller bundle of a Qt Widgets app lean. Shared by build.spec and
bench/minimal.spec, so the kiosk and the minimal window are built exactly the same way.

PyInstaller's PySide6 hooks collect whole plugin folders, every Qt translation and the
libraries those plugins need (the GTK3 theme alone brings ~40 system libraries; the virtual
keyboard input context brings Qml and Quick). Here, after Analysis:

1. ``excluded_modules()``: every PySide6 module the app does not use is excluded up front;
2. ``lean()``: Qt plugins outside ``KEEP_PLUGINS``, Qt translations of other languages and,
   on Linux, every shared library that nothing left in the bundle links to are dropped.

Nothing here is imported by the app itself.
"""

from __future__ import annotations

import importlib.util
import posixpath
import re
import sys
from pathlib import PurePosixPath

# Qt modules the app uses. QtTextToSpeech (PySide6-Addons) is kept when it imports here.
USED_QT_MODULES = ("QtCore", "QtGui", "QtWidgets", "QtPrintSupport", "QtSvg")  # QtSvg: pictures
OPTIONAL_QT_MODULES = ("QtTextToSpeech",)
# Qt translations worth shipping: the languages of the content.
LANGUAGES = ("fr", "en")
TRANSLATION_CATALOGS = ("qtbase",)  # "qt_xx" are meta-catalogs that need the dropped ones

# Plugin folder -> names kept (file name without a leading "lib" and without suffixes);
# None keeps the whole folder. Folders not listed are dropped.
KEEP_PLUGINS: dict[str, set[str] | None] = {
    # xcb for X11, wayland for a kiosk compositor such as cage, offscreen for --self-test,
    # windows and cocoa on those systems.
    "platforms": {"qxcb", "qwayland", "qoffscreen", "qwindows", "qdirect2d", "qcocoa"},
    "xcbglintegrations": None,  # small; the xcb plugin looks for them at start
    "wayland-shell-integration": {"xdg-shell"},
    "wayland-decoration-client": {"bradient"},
    "platforminputcontexts": {"composeplatforminputcontextplugin"},  # dead keys on X11
    "imageformats": {"qjpeg", "qsvg"},  # content pictures: PNG (built in), JPEG, SVG
    "printsupport": None,  # CUPS on Linux
    "styles": None,  # Windows' native style plugin
    "texttospeech": {
        "qtexttospeech_speechd",
        "qtexttospeech_sapi",
        "qtexttospeech_winrt",
        "qtexttospeech_darwin",
    },
}
# Python modules never needed at run time.
PYTHON_EXCLUDES = (
    "tkinter",
    "_tkinter",
    "unittest",
    "pydoc",
    "lib2to3",
    "idlelib",
    "ensurepip",
    "test",
    "setuptools",
    "pip",
)


def log(message: str) -> None:
    print(f"lean: {message}", file=sys.stderr)


def optional_modules() -> list[str]:
    kept = []
    for name in OPTIONAL_QT_MODULES:
        try:
            importlib.import_module(f"PySide6.{name}")
        except ImportError as error:
            log(f"PySide6.{name} left out: {error}")
        else:
            kept.append(f"PySide6.{name}")
    return kept


def excluded_modules() -> list[str]:
    """Every PySide6 module except the used ones and the importable optional ones."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("PySide6 is not installed in the Python running PyInstaller")
    from pathlib import Path

    folder = Path(next(iter(spec.submodule_search_locations)))
    available = {
        path.name.split(".")[0]
        for path in folder.glob("Qt*.*")
        if path.suffix in (".so", ".pyd", ".pyi")
    }
    keep = set(USED_QT_MODULES) | {m.split(".")[1] for m in optional_modules()}
    return sorted(f"PySide6.{name}" for name in available - keep) + list(PYTHON_EXCLUDES)


def check_python() -> None:
    """Refuse the combination that aborts after a few thousand page turns."""
    import PySide6

    major, minor = (int(part) for part in PySide6.__version__.split(".")[:2])
    if sys.version_info < (3, 12) and (major, minor) >= (6, 12):
        raise SystemExit(
            f"PySide6 {PySide6.__version__} on Python {sys.version.split()[0]} leaks None "
            "and crashes a long-running kiosk: build with Python >= 3.12 or PySide6 < 6.12"
        )


def _parts(dest: str) -> tuple[str, ...]:
    return PurePosixPath(dest.replace("\\", "/")).parts


def _plugin(dest: str) -> tuple[str, str] | None:
    """(folder, name) of a Qt plugin file, else None."""
    parts = _parts(dest)
    if "plugins" not in parts[:-1] or "PySide6" not in parts:
        return None
    index = parts.index("plugins")
    if len(parts) != index + 3:  # plugins/<folder>/<file>
        return None
    folder = parts[index + 1]
    name = parts[-1].split(".")[0]
    return folder, name.removeprefix("lib")


def _keep_plugin(dest: str) -> bool:
    plugin = _plugin(dest)
    if plugin is None:
        return True
    folder, name = plugin
    if folder not in KEEP_PLUGINS:
        return False
    names = KEEP_PLUGINS[folder]
    return names is None or name in names


_TRANSLATION = re.compile(r"^(?P<catalog>[a-z_]+?)_(?P<lang>[a-z]{2})(_[A-Z]{2})?\.qm$")


def _keep_translation(dest: str) -> bool:
    parts = _parts(dest)
    if "translations" not in parts or "PySide6" not in parts or not dest.endswith(".qm"):
        return True
    match = _TRANSLATION.match(parts[-1])
    return bool(match and match["catalog"] in TRANSLATION_CATALOGS and match["lang"] in LANGUAGES)


_EXTENSION = re.compile(r"(\.cpython-[^.]+|\.abi3)?\.(so|pyd)$")
_SHARED = re.compile(r"\.(so(\.[\d.]+)?|dll|dylib)$")


def _is_root(dest: str, typecode: str) -> bool:
    """Binaries loaded by something other than the dynamic linker: they must stay."""
    name = _parts(dest)[-1]
    return (
        typecode == "EXTENSION"
        or _plugin(dest) is not None
        or bool(_EXTENSION.search(name) and not name.startswith("lib"))
        or name.startswith(("libpython", "python3"))
    )


def _drop_orphans(binaries: list) -> list:
    """Linux: keep only the shared libraries that something kept links to (ldd closure)."""
    if not sys.platform.startswith("linux"):
        return binaries
    from PyInstaller.depend.bindepend import get_imports

    by_name = {_parts(dest)[-1]: (dest, src, typecode) for dest, src, typecode in binaries}
    reachable: set[str] = set()
    todo = [dest for dest, _src, typecode in binaries if _is_root(dest, typecode)]
    todo_names = [_parts(dest)[-1] for dest in todo]
    while todo_names:
        name = todo_names.pop()
        if name in reachable:
            continue
        reachable.add(name)
        _dest, src, _typecode = by_name[name]
        for imported, _path in get_imports(src):
            base = PurePosixPath(imported).name
            if base in by_name and base not in reachable:
                todo_names.append(base)
    kept, dropped = [], []
    for entry in binaries:
        name = _parts(entry[0])[-1]
        if name in reachable or not _SHARED.search(name):
            kept.append(entry)
        else:
            dropped.append(name)
    if dropped:
        log(f"dropped {len(dropped)} libraries nothing links to: {', '.join(sorted(dropped))}")
    return kept


def lean(analysis) -> None:
    """Filter an Analysis in place: plugins, translations, then orphan libraries."""

    def keep(entry) -> bool:
        dest = entry[0]
        return _keep_plugin(dest) and _keep_translation(dest)

    before = len(analysis.binaries) + len(analysis.datas)
    binaries = [entry for entry in analysis.binaries if keep(entry)]
    datas = [entry for entry in analysis.datas if keep(entry)]
    log(f"dropped {before - len(binaries) - len(datas)} plugin and translation files")
    binaries = _drop_orphans(binaries)
    linked = set(_drop_dangling_links([*binaries, *datas]))
    binaries = [entry for entry in binaries if entry in linked]
    datas = [entry for entry in datas if entry in linked]
    analysis.binaries = _rebuild(analysis.binaries, binaries)
    analysis.datas = _rebuild(analysis.datas, datas)


def _link_target(dest: str, src: str) -> str:
    """Where a SYMLINK entry points, as a bundle path (its ``src`` is relative to it)."""
    return _norm(posixpath.join(posixpath.dirname(_norm(dest)), _norm(src)))


def _drop_dangling_links(entries: list) -> list:
    """PyInstaller adds top-level SYMLINK entries (``libQt6Qml.so.6`` ->
    ``PySide6/Qt/lib/libQt6Qml.so.6``): drop those whose target is no longer collected, so
    the bundle has no dangling link. Links to links are followed until nothing changes."""
    kept = list(entries)
    while True:
        present = {_norm(dest) for dest, _src, _typecode in kept}
        still = [
            entry
            for entry in kept
            if entry[2] != "SYMLINK" or _link_target(entry[0], entry[1]) in present
        ]
        if len(still) == len(kept):
            break
        kept = still
    dropped = len(entries) - len(kept)
    if dropped:
        log(f"dropped {dropped} links to files left out")
    return kept


def _norm(dest: str) -> str:
    return posixpath.normpath(dest.replace("\\", "/"))


def _rebuild(original, entries: list):
    """Same TOC type as PyInstaller gave (a plain list in PyInstaller 6)."""
    return type(original)(entries) if not isinstance(original, list) else entries


def version_tuple(text: str) -> tuple[int, int, int, int]:
    numbers = [int(n) for n in re.findall(r"\d+", text.split("+")[0])[:4]]
    return tuple(numbers + [0] * (4 - len(numbers)))  # type: ignore[return-value]


def windows_version_info(name: str, text: str, description: str):
    """The version resource of the Windows executable (ignored elsewhere)."""
    from PyInstaller.utils.win32 import versioninfo as v

    numbers = version_tuple(text)
    strings = [
        v.StringStruct("ProductName", name),
        v.StringStruct("FileDescription", description),
        v.StringStruct("FileVersion", text),
        v.StringStruct("ProductVersion", text),
        v.StringStruct("OriginalFilename", f"{name.lower()}.exe"),
    ]
    return v.VSVersionInfo(
        ffi=v.FixedFileInfo(filevers=numbers, prodvers=numbers),
        kids=[
            v.StringFileInfo([v.StringTable("040904B0", strings)]),
            v.VarFileInfo([v.VarStruct("Translation", [1033, 1200])]),
        ],
    )
