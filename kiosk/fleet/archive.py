"""The content archive: how the publisher packs a content folder and the kiosk unpacks it.

One gzip-compressed tar of the whole folder. Packing is deterministic (sorted names, no
dates, owners or modes), so publishing the same content twice gives the same bytes and the
same hash, and the publisher can tell that nothing changed.

Unpacking trusts nothing, although the archive's hash was verified against signed
metadata first: a signing key can leak, and a bug in a packer should not be able to write
outside the new folder. Only regular files and folders are accepted, no absolute paths,
no ``..``, no links or devices, and limits on count and size (which the publisher applies
too, so it never publishes what kiosks would refuse).
"""

from __future__ import annotations

import gzip
import io
import shutil
import tarfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath


@dataclass(frozen=True)
class Limits:
    max_files: int = 5_000
    max_file_bytes: int = 50 * 1024 * 1024
    max_total_bytes: int = 500 * 1024 * 1024


DEFAULT_LIMITS = Limits()


class ArchiveError(Exception):
    """The archive (or the folder to pack) breaks a rule; the message says which."""


def content_files(content_dir: Path, limits: Limits = DEFAULT_LIMITS) -> list[PurePosixPath]:
    """Files to publish, relative and sorted. Hidden files (``.git``, ``.DS_Store``, editor
    swap files) are not content; a link is refused rather than followed, because it could
    point anywhere on the publisher's machine."""
    files: list[PurePosixPath] = []
    total = 0
    for path in sorted(content_dir.rglob("*")):
        rel = PurePosixPath(path.relative_to(content_dir).as_posix())
        if any(part.startswith(".") for part in rel.parts):
            continue
        if path.is_symlink():
            raise ArchiveError(f"{rel}: links are not published; put the file itself there")
        if path.is_dir():
            continue
        if not path.is_file():
            raise ArchiveError(f"{rel}: not a regular file")
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            raise ArchiveError(f"{rel}: {size} bytes, more than {limits.max_file_bytes}")
        total += size
        files.append(rel)
    if len(files) > limits.max_files:
        raise ArchiveError(f"{len(files)} files, more than {limits.max_files}")
    if total > limits.max_total_bytes:
        raise ArchiveError(f"{total} bytes in all, more than {limits.max_total_bytes}")
    if not files:
        raise ArchiveError("the content folder is empty")
    return files


def pack(content_dir: Path, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """The archive of ``content_dir`` as bytes (content folders are small: a few MB)."""
    buffer = io.BytesIO()
    # mtime=0 and no file name in the gzip header: same content, same bytes.
    with (
        gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0, filename="") as zipped,
        tarfile.open(fileobj=zipped, mode="w", format=tarfile.PAX_FORMAT) as tar,
    ):
        for rel in content_files(content_dir, limits):
            data = (content_dir / rel).read_bytes()
            info = tarfile.TarInfo(rel.as_posix())
            info.size, info.mode, info.mtime = len(data), 0o644, 0
            tar.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def safe_name(name: str) -> PurePosixPath:
    """The member's path if it stays inside the folder it is unpacked into."""
    rel = PurePosixPath(name)
    windows = PureWindowsPath(name)
    if (
        not name
        or "\\" in name
        or "\x00" in name
        or rel.is_absolute()
        or windows.drive
        or windows.root
        or any(part in ("", ".", "..") for part in rel.parts)
    ):
        raise ArchiveError(f"{name!r}: a path outside the content folder")
    return rel


def unpack(archive: Path, dest: Path, limits: Limits = DEFAULT_LIMITS) -> None:
    """Unpack into ``dest``, a folder that must not exist yet. On any error the caller
    removes ``dest``: a half-unpacked folder is never used."""
    dest.mkdir(parents=True)
    root = dest.resolve()
    count = total = 0
    try:
        with tarfile.open(archive, mode="r:gz") as tar:
            for member in tar:  # streamed: a huge member list stops at the limit
                count += 1
                if count > limits.max_files:
                    raise ArchiveError(f"more than {limits.max_files} entries")
                rel = safe_name(member.name)
                if member.isdir():
                    continue
                if not member.isfile():  # links, devices, fifos: never
                    raise ArchiveError(f"{member.name}: links and special files are refused")
                if member.size > limits.max_file_bytes:
                    raise ArchiveError(f"{member.name}: larger than {limits.max_file_bytes}")
                total += member.size
                if total > limits.max_total_bytes:
                    raise ArchiveError(f"more than {limits.max_total_bytes} bytes in all")
                target = root.joinpath(*rel.parts)
                if not target.resolve().is_relative_to(root):  # belt and braces
                    raise ArchiveError(f"{member.name}: a path outside the content folder")
                if target.exists():
                    raise ArchiveError(f"{member.name}: twice in the archive")
                target.parent.mkdir(parents=True, exist_ok=True)
                source = tar.extractfile(member)
                if source is None:
                    raise ArchiveError(f"{member.name}: unreadable")
                with source, open(target, "xb") as out:
                    shutil.copyfileobj(source, out)
    except (tarfile.TarError, EOFError, OSError, gzip.BadGzipFile) as error:
        raise ArchiveError(f"the archive cannot be read: {error}") from error
    if count == 0:
        raise ArchiveError("the archive is empty")
