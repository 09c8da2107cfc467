"""Say plainly which system library is missing when Qt cannot load. No Qt here.

Without the Debian packages the README lists, importing PySide6 fails deep inside the
dynamic linker ("libGL.so.1: cannot open shared object file"). Staff then get one line
that names the library and points at the package list, never a traceback.
"""

from __future__ import annotations

import re

# "libGL.so.1: cannot open shared object file", "/tmp/x/libglib-2.0.so.0: file too short",
# "DLL load failed while importing QtCore" (Windows names no file).
_LIBRARY = re.compile(r"([\w.+-]+\.so(?:\.[\d.]+)?)(?=:)")
_LOADER_WORDS = (
    "cannot open shared object file",
    "file too short",
    "wrong ELF class",
    "DLL load failed",
)
PACKAGES_HINT = (
    'install the system packages listed in README.md ("Two commands for a fresh machine"; '
    'on a target machine "Packaging and deployment")'
)


def missing_library(error: BaseException) -> str | None:
    """The library named by an ImportError raised by the dynamic linker, else None."""
    if not isinstance(error, ImportError):
        return None
    text = str(error)
    if not any(words in text for words in _LOADER_WORDS):
        return None
    match = _LIBRARY.search(text)
    return match.group(1).rsplit("/", 1)[-1] if match else text


def explain(error: BaseException) -> str | None:
    """The one line to print for such an error, else None (a real bug: let it raise)."""
    library = missing_library(error)
    if library is None:
        return None
    return f"Qt cannot start: the system library {library} is missing; {PACKAGES_HINT}"
