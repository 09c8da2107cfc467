"""The kiosk's side: a release is installed and loads; a tampered, expired, rolled-back or
unreachable repository is refused with a reason staff can read, and the last good release
stays current. Refusals are tested over HTTP (python -m http.server) and over a folder."""

from __future__ import annotations

import io
import json
import socket
import tarfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import kiosk.fleet.publish as publisher
import kiosk.fleet.update as update
from kiosk.content import load_library
from kiosk.fleet.publish import rotate_key
from kiosk.fleet.update import check_for_update, current_content, current_release, rollback

from .helpers import Fleet, rewrite

# Tests where the transport does not matter run over a folder only (they are slower over
# HTTP for nothing); the refusals run over both.
FOLDER_ONLY = pytest.mark.parametrize("fleet", ["folder"], indirect=True)


def installed(fleet: Fleet, release: int) -> Path:
    return fleet.state / "releases" / str(release)


def test_a_release_is_installed_and_loads(fleet: Fleet):
    fleet.publish()
    result = fleet.check()
    assert (result.status, result.release) == ("installed", 1), result.reason
    assert current_content(fleet.state) == result.content == installed(fleet, 1)
    library = load_library(installed(fleet, 1))
    assert library.errors == [] and library.languages == ["en", "fr"]

    assert fleet.check().status == "up_to_date"

    fleet.publish(marker="Second release.")
    result = fleet.check()
    assert (result.status, result.release) == ("installed", 2), result.reason
    assert "Second release." in (current_content(fleet.state) / "README.md").read_text()
    assert installed(fleet, 1).is_dir(), "the previous release is kept for a rollback"


@FOLDER_ONLY
def test_a_repository_with_no_release_yet_changes_nothing(fleet: Fleet):
    result = fleet.check()
    assert result.status == "up_to_date" and "no release yet" in result.reason
    assert current_content(fleet.state) is None


def _installed_release_one(fleet: Fleet) -> None:
    fleet.publish()
    assert fleet.check().status == "installed"
    fleet.publish(marker="Second release.")


def _still_on_release_one(fleet: Fleet, result) -> None:
    assert result.release == 1 and "still showing release 1" in result.reason
    assert current_content(fleet.state) == installed(fleet, 1)
    assert current_release(fleet.state) == 1
    assert not installed(fleet, 2).exists()


def test_a_tampered_archive_is_refused(fleet: Fleet):
    _installed_release_one(fleet)
    rewrite(_archive(fleet), lambda data: data[:-10] + bytes(10))  # same length
    result = fleet.check()
    assert result.status == "refused"
    assert "does not match its signed hash" in result.reason
    _still_on_release_one(fleet, result)


def _targets_file(fleet: Fleet) -> Path:
    """The targets metadata of the newest release (its version is not the release's)."""
    metadata = fleet.repo / "metadata"
    timestamp = json.loads((metadata / "timestamp.json").read_text())
    snapshot_version = timestamp["signed"]["meta"]["snapshot.json"]["version"]
    snapshot = json.loads((metadata / f"{snapshot_version}.snapshot.json").read_text())
    return metadata / f"{snapshot['signed']['meta']['targets.json']['version']}.targets.json"


def _archive(fleet: Fleet) -> Path:
    targets = json.loads(_targets_file(fleet).read_text())
    digest = targets["signed"]["targets"]["content.tar.gz"]["hashes"]["sha256"]
    return fleet.repo / "targets" / f"{digest}.content.tar.gz"


def test_a_longer_tampered_archive_is_refused(fleet: Fleet):
    _installed_release_one(fleet)
    rewrite(_archive(fleet), lambda data: data + b"more")
    result = fleet.check()
    assert result.status == "refused" and "larger than signed" in result.reason
    _still_on_release_one(fleet, result)


def test_tampered_metadata_is_refused(fleet: Fleet):
    _installed_release_one(fleet)
    rewrite(
        _targets_file(fleet),
        lambda data: data.replace(b'"release": 2', b'"release": 9'),
    )
    result = fleet.check()
    assert result.status == "refused"
    assert "not signed by the trusted keys" in result.reason
    _still_on_release_one(fleet, result)


def test_an_expired_timestamp_is_refused(fleet: Fleet):
    fleet.publish()
    assert fleet.check().status == "installed"
    long_ago = datetime.now(UTC).replace(microsecond=0) - timedelta(days=40)
    fleet.publish(marker="Second release.", clock=lambda: long_ago)  # timestamp: 30 days
    result = fleet.check()
    assert result.status == "refused"
    assert "expired" in result.reason and "must publish again" in result.reason
    _still_on_release_one(fleet, result)


def test_rolled_back_metadata_is_refused(fleet: Fleet):
    """An attacker (or an old USB stick) serves the repository as it was at release 1."""
    fleet.publish()
    old_timestamp = (fleet.repo / "metadata" / "timestamp.json").read_bytes()
    assert fleet.check().status == "installed"
    fleet.publish(marker="Second release.")
    assert fleet.check().release == 2
    (fleet.repo / "metadata" / "timestamp.json").write_bytes(old_timestamp)
    result = fleet.check()
    assert result.status == "refused" and "rollback" in result.reason
    assert result.release == 2 and current_content(fleet.state) == installed(fleet, 2)


@FOLDER_ONLY
def test_an_unreachable_repository_changes_nothing(fleet: Fleet, tmp_path: Path):
    fleet.publish()
    assert fleet.check().status == "installed"
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    for source in (f"http://127.0.0.1:{port}", str(tmp_path / "usb-stick-not-inserted")):
        result = check_for_update(source, fleet.trusted_root, fleet.state)
        assert result.status == "unreachable", result.reason
        assert "cannot be reached" in result.reason and "still showing release 1" in result.reason
        assert current_content(fleet.state) == installed(fleet, 1)


@FOLDER_ONLY
def test_a_release_whose_content_fails_to_load_is_refused(fleet: Fleet):
    _installed_release_one(fleet)

    def failing(folder: Path) -> list[str]:
        return ["fr/cimentoplastie/topic.md: error: cannot be read"]

    result = fleet.check(verify=failing)
    assert result.status == "refused" and "topic.md: error: cannot be read" in result.reason
    _still_on_release_one(fleet, result)
    # The same release is not downloaded again at every check.
    again = fleet.check()
    assert again.status == "refused" and "release 2 was refused" in again.reason
    # A corrected release goes through.
    fleet.publish(marker="Third release.")
    assert fleet.check().release == 3


@FOLDER_ONLY
def test_rollback_after_an_update_that_does_not_load(fleet: Fleet):
    """The app switched to release 2, which then failed to build: back to release 1."""
    _installed_release_one(fleet)
    assert fleet.check().release == 2
    result = rollback(fleet.state, "release 2 did not load")
    assert (result.status, result.release) == ("rolled_back", 1)
    assert current_content(fleet.state) == installed(fleet, 1)
    assert load_library(current_content(fleet.state)).errors == []
    again = fleet.check()
    assert again.status == "refused" and "release 2 did not load" in again.reason
    assert current_content(fleet.state) == installed(fleet, 1)


@FOLDER_ONLY
def test_rollback_from_the_first_release_returns_to_the_kiosks_own_content(fleet: Fleet):
    fleet.publish()
    fleet.check()
    result = rollback(fleet.state)
    assert result.status == "rolled_back" and result.content is None
    assert current_content(fleet.state) is None
    assert rollback(fleet.state).status == "failed"


@FOLDER_ONLY
def test_a_kiosk_follows_key_rotation(fleet: Fleet):
    fleet.publish()
    assert fleet.check().status == "installed"
    rotate_key(fleet.repo, fleet.keys, "targets")
    rotate_key(fleet.repo, fleet.keys, "root")
    fleet.publish(marker="Signed with new keys.")
    result = fleet.check()  # the kiosk still has root version 1 installed
    assert (result.status, result.release) == ("installed", 2), result.reason
    assert sorted(p.name for p in (fleet.state / "tuf" / "root_history").iterdir()) == [
        "1.root.json",
        "2.root.json",
        "3.root.json",
    ]
    assert list(fleet.keys.glob("targets.pem.retired-*"))


@FOLDER_ONLY
def test_an_unusable_trusted_root_is_reported(fleet: Fleet, tmp_path: Path):
    fleet.publish()
    result = check_for_update(fleet.source, tmp_path / "missing.json", fleet.state)
    assert result.status == "failed" and "trusted root" in result.reason
    assert current_content(fleet.state) is None


@FOLDER_ONLY
def test_a_crash_before_the_switch_leaves_the_old_release(fleet: Fleet, monkeypatch):
    """The kiosk dies after unpacking and checking, before state.json is replaced."""
    _installed_release_one(fleet)

    def killed(state_dir, state):
        raise KeyboardInterrupt  # what a power cut looks like from here

    monkeypatch.setattr(update, "_save_state", killed)
    with pytest.raises(KeyboardInterrupt):
        fleet.check()
    monkeypatch.undo()
    assert current_content(fleet.state) == installed(fleet, 1)
    result = fleet.check()  # the next start finishes the job cleanly
    assert result.release == 2 and not (fleet.state / "downloads").exists()


@FOLDER_ONLY
def test_an_unsafe_archive_signed_with_a_leaked_key_is_refused(fleet: Fleet, monkeypatch):
    def evil_pack(folder, limits):
        buffer = io.BytesIO()
        with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
            info = tarfile.TarInfo("../../outside.txt")
            info.size = 4
            tar.addfile(info, io.BytesIO(b"evil"))
        return buffer.getvalue()

    monkeypatch.setattr(publisher, "pack", evil_pack)
    fleet.publish()
    result = fleet.check()
    assert result.status == "refused" and "unsafe archive" in result.reason
    assert not list(fleet.state.parent.rglob("outside.txt"))
    assert current_content(fleet.state) is None
