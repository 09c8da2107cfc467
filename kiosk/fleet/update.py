"""On the kiosk: fetch a new content release through TUF, verify it, switch to it.

Off unless the configuration names a repository. Everything lives under STATE_DIR::

    STATE_DIR/tuf/             ngclient's trusted metadata (rollback protection lives here)
    STATE_DIR/releases/N/      unpacked releases: the current one and the previous one
    STATE_DIR/state.json       which release is current and previous, refused releases,
                               the last check (to the hour) and its result

``state.json`` is the switch: it is replaced atomically (temporary file, rename), so
after a crash the kiosk shows either the old release or the new one, whole. The app
reloads its content from :func:`current_content` between two patients.

Nothing here ever raises to the caller: every failure (no network, share not mounted,
tampered or expired repository, broken content, full disk) is an :class:`UpdateResult`
whose ``reason`` staff can read, and the current release stays as it was.
"""

from __future__ import annotations

import json
import logging
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from tuf.api import exceptions
from tuf.ngclient import Updater

from kiosk.fleet.archive import DEFAULT_LIMITS, ArchiveError, Limits, unpack
from kiosk.fleet.atomic import write_atomic
from kiosk.fleet.fetcher import FolderFetcher
from kiosk.fleet.publish import TARGET

log = logging.getLogger(__name__)

Status = Literal["installed", "rolled_back", "up_to_date", "unreachable", "refused", "failed"]


@dataclass(frozen=True)
class UpdateResult:
    """What a check (or a rollback) did. ``installed`` and ``rolled_back``: the app should
    reload content from ``content`` (None: its own content) between two patients. Every
    other status leaves the content on screen as it was."""

    status: Status
    reason: str  # one sentence for the staff panel and the log; never patient data
    release: int | None  # the release now current (None: the kiosk's own content)
    content: Path | None  # its folder (None: use the configured or bundled content)

    @property
    def ok(self) -> bool:
        return self.status in ("installed", "rolled_back", "up_to_date")

    @property
    def changed(self) -> bool:
        return self.status in ("installed", "rolled_back")


Verify = Callable[[Path], list[str]]  # a content folder -> its errors (empty: fine)


def content_errors(folder: Path) -> list[str]:
    """The checks ``kiosk check`` runs, errors only: a warning never keeps a release from
    a kiosk (a newer checker may warn about text the publisher's accepted)."""
    from kiosk.checker import Options, check

    report = check(folder, Options(layout=False))
    return [str(f) for f in report.sorted() if f.severity == "error"]


# --- state.json --------------------------------------------------------------------------


def _state_file(state_dir: Path) -> Path:
    return state_dir / "state.json"


def _load_state(state_dir: Path) -> dict[str, Any]:
    try:
        data = json.loads(_state_file(state_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _save_state(state_dir: Path, state: dict[str, Any]) -> None:
    write_atomic(_state_file(state_dir), json.dumps(state, indent=2, sort_keys=True) + "\n")


def _release_dir(state_dir: Path, release: int) -> Path:
    return state_dir / "releases" / str(release)


def _current(state: dict[str, Any]) -> dict[str, Any] | None:
    current = state.get("current")
    return current if isinstance(current, dict) else None


def current_content(state_dir: Path) -> Path | None:
    """The folder of the release in use, or None (then the kiosk shows its own content)."""
    current = _current(_load_state(state_dir))
    if current is None:
        return None
    folder = _release_dir(state_dir, int(current["release"]))
    return folder if folder.is_dir() else None


def current_release(state_dir: Path) -> int | None:
    current = _current(_load_state(state_dir))
    return int(current["release"]) if current else None


def last_check_hour(state_dir: Path) -> str | None:
    """When the last check ran, to the hour (``2026-11-28T14Z``, UTC), for staff and figures."""
    value = _load_state(state_dir).get("last_check")
    return value if isinstance(value, str) else None


def _hour(now: datetime) -> str:
    return now.astimezone(UTC).strftime("%Y-%m-%dT%HZ")  # ISO 8601, to the hour


# --- the check ---------------------------------------------------------------------------


def check_for_update(
    source: str | Path,
    trusted_root: Path,
    state_dir: Path,
    *,
    verify: Verify = content_errors,
    limits: Limits = DEFAULT_LIMITS,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> UpdateResult:
    """Look for a newer release at ``source`` (an http(s) URL or a folder) and install it.

    ``trusted_root`` is the root metadata installed with the kiosk (REPO/metadata/root.json
    at the time): only repositories signed by its keys, or by keys it hands over to
    through newer root versions, are believed.
    """
    state_dir.mkdir(parents=True, exist_ok=True)
    state = _load_state(state_dir)
    state["last_check"] = _hour(now())
    try:
        result = _check(source, trusted_root, state_dir, state, verify, limits)
    except Exception as error:  # never let an update stop the kiosk
        log.exception("update check failed unexpectedly")
        result = _result(state, "failed", f"the update check failed: {error}", state_dir)
    state["last_result"] = {"status": result.status, "reason": result.reason}
    try:
        _save_state(state_dir, state)
    except OSError as error:
        log.error("update state not saved: %s", error)
    log.log(logging.INFO if result.ok else logging.WARNING, "content update: %s", result.reason)
    return result


def _check(
    source: str | Path,
    trusted_root: Path,
    state_dir: Path,
    state: dict[str, Any],
    verify: Verify,
    limits: Limits,
) -> UpdateResult:
    try:
        updater = _updater(source, trusted_root, state_dir)
    except (OSError, ValueError, exceptions.RepositoryError) as error:
        return _result(
            state, "failed", f"the trusted root {trusted_root} is unusable ({error})", state_dir
        )
    try:
        info = updater.get_targetinfo(TARGET)
    except Exception as error:
        status, why = _explain(error)
        return _result(state, status, why, state_dir)
    if info is None:
        return _result(state, "up_to_date", "the repository has no release yet", state_dir)
    custom = info.custom if isinstance(info.custom, dict) else {}
    release, digest = int(custom.get("release", 0)), info.hashes.get("sha256", "")
    current = _current(state)
    refused: dict[str, str] = state.setdefault("refused", {})
    if current is not None and current.get("sha256") == digest:
        return _result(state, "up_to_date", f"release {release} is the newest", state_dir)
    if digest in refused:
        return _result(
            state, "refused", f"release {release} was refused: {refused[digest]}", state_dir
        )
    if release < 1 or (current is not None and release <= int(current["release"])):
        why = f"release {release} is not newer than release {current and current['release']}"
        return _result(state, "refused", why, state_dir)

    downloads = state_dir / "downloads"
    shutil.rmtree(downloads, ignore_errors=True)  # whatever a crash left
    downloads.mkdir(parents=True)
    archive = downloads / f"{digest}.{TARGET}"
    try:
        updater.download_target(info, str(archive))
    except Exception as error:
        status, why = _explain(error)
        return _result(state, status, f"release {release}: {why}", state_dir)

    folder = _release_dir(state_dir, release)
    shutil.rmtree(folder, ignore_errors=True)  # a half-made one from an earlier crash
    try:
        unpack(archive, folder, limits)
        errors = verify(folder)
    except ArchiveError as error:
        errors = [f"unsafe archive: {error}"]
    finally:
        shutil.rmtree(downloads, ignore_errors=True)
    if errors:
        shutil.rmtree(folder, ignore_errors=True)
        why = f"its content has {len(errors)} error(s), first: {errors[0]}"
        refused[digest] = why
        return _result(state, "refused", f"release {release} refused: {why}", state_dir)

    # The switch: one atomic write of state.json. The previous release stays on disk.
    state["previous"], state["current"] = current, {"release": release, "sha256": digest}
    _save_state(state_dir, state)
    _prune(state_dir, state)
    return _result(state, "installed", f"release {release} installed", state_dir)


def _updater(source: str | Path, trusted_root: Path, state_dir: Path) -> Updater:
    metadata_dir = state_dir / "tuf"
    metadata_dir.mkdir(parents=True, exist_ok=True)
    text = str(source)
    if text.startswith(("http://", "https://")):
        base, fetcher = text.rstrip("/"), None
    else:
        folder = Path(text).expanduser().resolve()
        base, fetcher = folder.as_uri(), FolderFetcher(folder)
    return Updater(
        str(metadata_dir),
        f"{base}/metadata/",
        target_base_url=f"{base}/targets/",
        fetcher=fetcher,
        bootstrap=_bootstrap(trusted_root, metadata_dir),
    )


def _bootstrap(trusted_root: Path, metadata_dir: Path) -> bytes | None:
    """The root to start from. The cached one, once the kiosk has followed key rotations
    (starting again from the installed one would trust keys since revoked), unless staff
    installed a newer trusted root than the cache holds. None: use the cache."""
    shipped = trusted_root.read_bytes()
    try:
        cached = (metadata_dir / "root.json").read_bytes()
    except OSError:
        return shipped
    if _root_version(cached) >= _root_version(shipped):
        return None
    return shipped


def _root_version(data: bytes) -> int:
    try:
        return int(json.loads(data)["signed"]["version"])
    except (ValueError, KeyError, TypeError):
        return 0


def _explain(error: Exception) -> tuple[Status, str]:
    """A sentence staff can act on, for each way TUF refuses a repository."""
    e = exceptions
    if isinstance(error, e.DownloadLengthMismatchError):
        return "refused", "a file on the repository is larger than signed (tampered or damaged)"
    if isinstance(error, e.SlowRetrievalError):
        # urllib3 counts a refused connection as a connect timeout: say both.
        return "unreachable", "the repository cannot be reached or is too slow to answer"
    if isinstance(error, e.DownloadHTTPError):
        return "unreachable", f"the repository answered HTTP {error.status_code}"
    if isinstance(error, e.DownloadError):
        cause = error.__cause__ or error
        return "unreachable", f"the repository cannot be reached ({cause})"
    if isinstance(error, e.ExpiredMetadataError):
        return (
            "refused",
            f"the repository has expired ({error}): the content team must publish again",
        )
    if isinstance(error, e.BadVersionNumberError):
        return "refused", (
            "the repository offers older signed metadata than this kiosk has "
            f"already seen (a rollback): {error}"
        )
    if isinstance(error, e.UnsignedMetadataError):
        return "refused", f"metadata not signed by the trusted keys (tampered?): {error}"
    if isinstance(error, e.LengthOrHashMismatchError):
        return "refused", f"a file does not match its signed hash (tampered or damaged): {error}"
    if isinstance(error, e.RepositoryError):
        return "refused", f"the repository's metadata is invalid: {error}"
    if isinstance(error, OSError):
        return "failed", f"this kiosk could not write the update ({error})"
    return "failed", f"the update check failed: {error!r}"


def _result(state: dict[str, Any], status: Status, why: str, state_dir: Path) -> UpdateResult:
    current = _current(state)
    release = int(current["release"]) if current else None
    folder = _release_dir(state_dir, release) if release is not None else None
    if status not in ("installed", "up_to_date"):
        where = f"release {release}" if release is not None else "the kiosk's own content"
        why = f"{why}; still showing {where}"
    return UpdateResult(status, why, release, folder)


def _prune(state_dir: Path, state: dict[str, Any]) -> None:
    keep = {str(r["release"]) for r in (state.get("current"), state.get("previous")) if r}
    releases = state_dir / "releases"
    for folder in releases.iterdir():
        if folder.name not in keep:
            shutil.rmtree(folder, ignore_errors=True)


def rollback(state_dir: Path, reason: str = "rolled back by staff") -> UpdateResult:
    """Go back to the previous release (or to the kiosk's own content when there is none)
    and never reinstall the release left: the next check reports it as refused instead."""
    state = _load_state(state_dir)
    current = _current(state)
    if current is None:
        return _result(state, "failed", "nothing to roll back", state_dir)
    state.setdefault("refused", {})[current["sha256"]] = reason
    state["current"], state["previous"] = state.get("previous"), None
    _save_state(state_dir, state)
    back = _current(state)
    where = f"release {back['release']}" if back else "the kiosk's own content"
    log.warning("content release %s rolled back to %s: %s", current["release"], where, reason)
    return UpdateResult(
        "rolled_back",
        f"back to {where} ({reason})",
        int(back["release"]) if back else None,
        current_content(state_dir),
    )
