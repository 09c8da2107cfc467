"""The content team's side: checks before publishing, releases, keys, expiry, the archive."""

from __future__ import annotations

import io
import stat
import tarfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from tuf.api import exceptions

from kiosk.fleet.archive import ArchiveError, Limits, pack, unpack
from kiosk.fleet.fetcher import FolderFetcher
from kiosk.fleet.publish import PublishError, expiry_warnings, init, publish


def test_content_with_errors_is_not_published(content: Path, repo: Path, tmp_path: Path):
    topic = content / "fr" / "cimentoplastie" / "topic.md"
    topic.write_text(
        "\n".join(line for line in topic.read_text().splitlines() if not line.startswith("title:"))
    )
    before = (repo / "metadata" / "timestamp.json").read_bytes()
    with pytest.raises(PublishError) as refused:
        publish(content, repo, tmp_path / "keys")
    assert "kiosk check --strict found problems" in str(refused.value)
    assert "fr/cimentoplastie/topic.md" in str(refused.value)  # the checker's own report
    assert (repo / "metadata" / "timestamp.json").read_bytes() == before
    assert list((repo / "targets").iterdir()) == []


def test_releases_count_up_and_unchanged_content_is_only_re_signed(content, repo, tmp_path):
    keys = tmp_path / "keys"
    first = publish(content, repo, keys)
    assert (first.release, first.changed) == (1, True)
    again = publish(content, repo, keys)
    assert (again.release, again.changed) == (1, False)
    assert "re-signed only" in again.messages[0]
    (content / "README.md").write_text("changed\n")
    assert publish(content, repo, keys).release == 2
    (content / "README.md").write_text("changed again\n")
    assert publish(content, repo, keys).release == 3
    # The archives of the last two releases stay; older ones go.
    assert len(list((repo / "targets").iterdir())) == 2


def test_init_creates_private_key_files_and_refuses_an_existing_repository(repo, tmp_path):
    keys = tmp_path / "keys"
    for role in ("root", "targets", "snapshot", "timestamp"):
        mode = stat.S_IMODE((keys / f"{role}.pem").stat().st_mode)
        assert mode == 0o600, role
    with pytest.raises(PublishError, match="already holds a repository"):
        init(repo, keys)


def test_keys_of_another_repository_are_refused(content, repo, tmp_path):
    init(tmp_path / "other-repo", tmp_path / "other-keys")
    with pytest.raises(PublishError, match="not the targets key"):
        publish(content, repo, tmp_path / "other-keys")


def test_publishing_needs_a_repository(content, tmp_path):
    with pytest.raises(PublishError, match="--init"):
        publish(content, tmp_path / "nowhere", tmp_path / "keys")


def test_near_expiry_is_announced(content, repo, tmp_path):
    publish(content, repo, tmp_path / "keys")
    in_20_days = datetime.now(UTC) + timedelta(days=20)
    warnings = expiry_warnings(repo, clock=lambda: in_20_days)
    assert [w.split(" expires on ")[0] for w in warnings] == [
        "the snapshot metadata",
        "the timestamp metadata",
    ]
    assert all("publish again" in w for w in warnings)
    in_a_year = datetime.now(UTC) + timedelta(days=400)
    assert any("root metadata EXPIRED" in w for w in expiry_warnings(repo, clock=lambda: in_a_year))


def test_the_root_is_renewed_only_with_its_key(content, repo, tmp_path):
    keys = tmp_path / "keys"
    publish(content, repo, keys)
    (keys / "root.pem").rename(tmp_path / "root-in-the-safe.pem")  # kept offline
    later = datetime.now(UTC) + timedelta(days=300)
    result = publish(content, repo, keys, clock=lambda: later)
    assert any("bring the root key to renew it" in w for w in result.warnings)
    (tmp_path / "root-in-the-safe.pem").rename(keys / "root.pem")
    assert publish(content, repo, keys, clock=lambda: later).warnings == []
    assert (repo / "metadata" / "2.root.json").is_file()


def test_the_archive_is_deterministic_and_skips_hidden_files(content: Path):
    first = pack(content)
    (content / ".DS_Store").write_bytes(b"junk")
    assert pack(content) == first
    (content / "fr" / "link.md").symlink_to(content / "README.md")
    with pytest.raises(ArchiveError, match="links are not published"):
        pack(content)


def _tar(path: Path, *members: tarfile.TarInfo) -> Path:
    with tarfile.open(path, mode="w:gz") as tar:
        for member in members:
            tar.addfile(member, io.BytesIO(b"data") if member.isfile() else None)
    return path


def _member(
    name: str, kind: bytes = tarfile.REGTYPE, size: int = 4, link: str = ""
) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type, info.size, info.linkname = kind, size if kind == tarfile.REGTYPE else 0, link
    return info


@pytest.mark.parametrize(
    ("member", "why"),
    [
        (_member("/etc/evil"), "outside the content folder"),
        (_member("fr/../../evil"), "outside the content folder"),
        (_member("C:\\evil"), "outside the content folder"),
        (_member("fr/link", tarfile.SYMTYPE, link="/etc/passwd"), "links and special files"),
        (_member("fr/hard", tarfile.LNKTYPE, link="../../x"), "links and special files"),
        (_member("fr/fifo", tarfile.FIFOTYPE), "links and special files"),
    ],
)
def test_unsafe_archives_are_refused(tmp_path: Path, member, why):
    archive = _tar(tmp_path / "a.tar.gz", member)
    with pytest.raises(ArchiveError, match=why):
        unpack(archive, tmp_path / "out")
    assert not (tmp_path / "evil").exists()


def test_archive_limits(tmp_path: Path):
    archive = _tar(tmp_path / "a.tar.gz", _member("a"), _member("b"), _member("c"))
    with pytest.raises(ArchiveError, match="more than 2 entries"):
        unpack(archive, tmp_path / "1", Limits(max_files=2))
    with pytest.raises(ArchiveError, match="larger than 3"):
        unpack(archive, tmp_path / "2", Limits(max_file_bytes=3))
    with pytest.raises(ArchiveError, match="more than 10 bytes"):
        unpack(archive, tmp_path / "3", Limits(max_total_bytes=10))
    unpack(archive, tmp_path / "4")
    assert (tmp_path / "4" / "c").read_bytes() == b"data"


def test_the_folder_fetcher_reads_only_inside_its_folder(repo: Path, tmp_path: Path):
    fetcher = FolderFetcher(repo)
    assert b"signed" in fetcher.download_bytes((repo / "metadata" / "root.json").as_uri(), 10**6)
    (tmp_path / "secret.txt").write_text("secret")
    for url in ((tmp_path / "secret.txt").as_uri(), f"{repo.as_uri()}/../secret.txt"):
        with pytest.raises(exceptions.DownloadError, match="outside the repository"):
            fetcher.download_bytes(url, 100)
    with pytest.raises(exceptions.DownloadHTTPError):  # a missing file is a 404, as on a server
        fetcher.download_bytes(f"{repo.as_uri()}/metadata/2.root.json", 100)


def test_kiosk_publish_command(tmp_path: Path, content: Path, capsys):
    from kiosk.fleet.cli import publish_main

    repo, keys = str(tmp_path / "repo"), str(tmp_path / "keys")
    assert publish_main([str(content), repo, "--keys", keys, "--init"]) == 0
    out = capsys.readouterr().out
    assert "created the root key" in out and "release 1 packed" in out
    assert publish_main([str(content), repo, "--keys", keys, "--rotate-key", "timestamp"]) == 0
    assert "new timestamp key" in capsys.readouterr().out
    (content / "fr" / "cimentoplastie" / "topic.md").write_text("broken\n")
    assert publish_main([str(content), repo, "--keys", keys]) == 1
    assert "kiosk check --strict found problems" in capsys.readouterr().err
    assert publish_main([str(content), repo]) == 2  # --keys is required
    assert publish_main([str(content), repo, "--keys", keys, "--expires", "timestamp=0"]) == 2
