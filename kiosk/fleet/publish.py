"""``kiosk publish``: turn a checked content folder into a signed TUF repository.

The repository is plain files, so any static web server, a file share or a USB stick can
carry it::

    REPO_DIR/metadata/1.root.json, 2.root.json ...  every root version (kiosks walk them)
    REPO_DIR/metadata/root.json                     the newest root, to install on kiosks
    REPO_DIR/metadata/N.targets.json, N.snapshot.json
    REPO_DIR/metadata/timestamp.json                written last: the switch for readers
    REPO_DIR/targets/<sha256>.content.tar.gz        the whole content folder, one archive

Consistent snapshots (versioned metadata names, hash-prefixed archives) mean a kiosk that
reads while we publish sees the old release or the new one, never a mix: every new file
has a new name, and only ``timestamp.json`` is replaced, atomically, at the very end.

The whole content folder is one archive, one release number: topics refer to nothing
outside their folder today, but the languages of a topic must match (parity), and a kiosk
must never show release 7 in French beside release 6 in English. One file is also one
hash to verify and one atomic switch on the kiosk.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, cast

from securesystemslib.signer import CryptoSigner
from tuf.api.metadata import (
    Metadata,
    MetaFile,
    Root,
    Signed,
    Snapshot,
    TargetFile,
    Targets,
    Timestamp,
)
from tuf.api.serialization.json import JSONSerializer

from kiosk.fleet import keys
from kiosk.fleet.archive import DEFAULT_LIMITS, ArchiveError, Limits, pack
from kiosk.fleet.atomic import write_atomic

TARGET = "content.tar.gz"  # the one target: its release number is in its custom field


@dataclass(frozen=True)
class Expiry:
    """Days each role's metadata stays valid. Kiosks refuse new releases once the
    timestamp has expired (a stale repository may hide a newer fix), so the timestamp
    bounds how long an attacker could freeze kiosks on an old release, and also how often
    someone must run ``kiosk publish`` (it re-signs). 30 days suits a share or a USB stick
    updated monthly; a web server re-signed by a weekly cron job can use 7."""

    root: int = 365
    targets: int = 180
    snapshot: int = 30
    timestamp: int = 30

    def days(self, role: str) -> int:
        return cast(int, getattr(self, role))


class PublishError(Exception):
    """Publishing refused; the message says what to fix. Nothing was changed."""


@dataclass
class PublishResult:
    release: int
    changed: bool  # False: same content as the last release, only re-signed
    messages: list[str] = field(default_factory=list)  # what was done, for the console
    warnings: list[str] = field(default_factory=list)  # near expiry, missing root key


Clock = Callable[[], datetime]


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


class _Repository:
    """The four top-level roles as last published, and how to write them back."""

    def __init__(self, repo_dir: Path) -> None:
        self.metadata_dir = repo_dir / "metadata"
        self.targets_dir = repo_dir / "targets"
        self.md: dict[str, Metadata[Any]] = {}

    def exists(self) -> bool:
        return (self.metadata_dir / "timestamp.json").is_file()

    def load(self) -> None:
        try:
            root = Metadata[Root].from_file(str(self.metadata_dir / "root.json"))
            timestamp = Metadata[Timestamp].from_file(str(self.metadata_dir / "timestamp.json"))
            snapshot_version = timestamp.signed.snapshot_meta.version
            snapshot = Metadata[Snapshot].from_file(
                str(self.metadata_dir / f"{snapshot_version}.snapshot.json")
            )
            targets_version = snapshot.signed.meta["targets.json"].version
            targets = Metadata[Targets].from_file(
                str(self.metadata_dir / f"{targets_version}.targets.json")
            )
        except (OSError, ValueError, KeyError) as error:
            raise PublishError(
                f"{self.metadata_dir}: not a readable repository: {error}"
            ) from error
        self.md = {"root": root, "targets": targets, "snapshot": snapshot, "timestamp": timestamp}

    @property
    def root(self) -> Root:
        return cast(Root, self.md["root"].signed)

    @property
    def targets(self) -> Targets:
        return cast(Targets, self.md["targets"].signed)

    def signer(self, keys_dir: Path, role: str) -> CryptoSigner:
        """The role's key, checked against the keys the root trusts: a wrong key file
        would publish a release every kiosk refuses."""
        try:
            signer = keys.load_signer(keys_dir, role)
        except keys.KeyFileError as error:
            raise PublishError(str(error)) from error
        if signer.public_key.keyid not in self.root.roles[role].keyids:
            raise PublishError(
                f"{keys.key_file(keys_dir, role)} is not the {role} key this repository's "
                "root trusts (wrong keys folder?)"
            )
        return signer

    def bump(self, role: str, expiry: Expiry, now: datetime) -> None:
        signed: Signed = self.md[role].signed
        signed.version += 1
        signed.expires = now + timedelta(days=expiry.days(role))

    def sign(self, role: str, *signers: CryptoSigner) -> None:
        self.md[role].signatures.clear()
        for signer in signers:
            self.md[role].sign(signer, append=True)

    def link(self) -> None:
        """Point snapshot at targets and timestamp at snapshot (versions only: with
        consistent snapshots the version names the file)."""
        snapshot = cast(Snapshot, self.md["snapshot"].signed)
        snapshot.meta["targets.json"] = MetaFile(self.md["targets"].signed.version)
        timestamp = cast(Timestamp, self.md["timestamp"].signed)
        timestamp.snapshot_meta = MetaFile(snapshot.version)

    def write(self, roles: set[str]) -> None:
        """Write changed roles; timestamp.json last, since it makes the rest visible."""
        serializer = JSONSerializer(compact=False)
        for role in ("targets", "snapshot", "root"):
            if role in roles:
                data = self.md[role].to_bytes(serializer)
                write_atomic(
                    self.metadata_dir / f"{self.md[role].signed.version}.{role}.json", data
                )
                if role == "root":
                    write_atomic(self.metadata_dir / "root.json", data)
        write_atomic(
            self.metadata_dir / "timestamp.json", self.md["timestamp"].to_bytes(serializer)
        )


def init(
    repo_dir: Path, keys_dir: Path, expiry: Expiry = Expiry(), clock: Clock = _now
) -> list[str]:
    """Create an empty repository, and the keys that are not in KEYS_DIR yet (existing key
    files are used: a team may make its keys elsewhere). Refuses an existing repository."""
    repo = _Repository(repo_dir)
    if repo.exists() or (repo.metadata_dir / "root.json").exists():
        raise PublishError(f"{repo_dir} already holds a repository; publish into it instead")
    messages: list[str] = []
    signers: dict[str, CryptoSigner] = {}
    for role in keys.ROLES:
        try:
            if keys.has_key(keys_dir, role):
                signers[role] = keys.load_signer(keys_dir, role)
                messages.append(f"using the {role} key in {keys.key_file(keys_dir, role)}")
            else:
                signers[role] = keys.create_signer(keys_dir, role)
                messages.append(f"created the {role} key {keys.key_file(keys_dir, role)}")
        except keys.KeyFileError as error:
            raise PublishError(str(error)) from error
    now = clock()
    root = Root(expires=now + timedelta(days=expiry.root), consistent_snapshot=True)
    for role, signer in signers.items():
        root.add_key(signer.public_key, role)
    repo.md = {
        "root": Metadata(root),
        "targets": Metadata(Targets(expires=now + timedelta(days=expiry.targets))),
        "snapshot": Metadata(Snapshot(expires=now + timedelta(days=expiry.snapshot))),
        "timestamp": Metadata(Timestamp(expires=now + timedelta(days=expiry.timestamp))),
    }
    repo.link()
    for role in keys.ROLES:
        repo.sign(role, signers[role])
    repo.targets_dir.mkdir(parents=True, exist_ok=True)
    repo.write(set(keys.ROLES))
    messages.append(
        f"repository created in {repo_dir}; install {repo.metadata_dir / 'root.json'} on each "
        "kiosk as its trusted root (the trusted_root option)"
    )
    messages.append(
        f"keep {keys.key_file(keys_dir, 'root')} offline: it is needed only to renew the "
        "root and to rotate keys"
    )
    return messages


def run_checks(content_dir: Path) -> None:
    """``kiosk check --strict`` (without layout, which only gives notes): refuse content
    with any error or warning, with the checker's own report as the reason."""
    from kiosk.checker import Options, check

    report = check(content_dir, Options(layout=False))
    if report.exit_code(strict=True):
        raise PublishError(
            "content not published: kiosk check --strict found problems\n" + report.to_text()
        )


def publish(
    content_dir: Path,
    repo_dir: Path,
    keys_dir: Path,
    expiry: Expiry = Expiry(),
    *,
    clock: Clock = _now,
    checks: Callable[[Path], None] = run_checks,
    limits: Limits = DEFAULT_LIMITS,
) -> PublishResult:
    """Check, pack and sign ``content_dir`` as the next release in ``repo_dir``.

    Same content as the last release: only snapshot and timestamp are re-signed (that is
    how a repository is kept from expiring). Any role whose metadata has less than half
    its period left is renewed with its key; the root only when ``root.pem`` is present.
    """
    if not content_dir.is_dir():
        raise PublishError(f"{content_dir}: no such content folder")
    repo = _Repository(repo_dir)
    if not repo.exists():
        raise PublishError(f"{repo_dir}: no repository here; create it with --init first")
    checks(content_dir)
    try:
        archive = pack(content_dir, limits)
    except ArchiveError as error:
        raise PublishError(f"content not published: {error}") from error
    repo.load()
    now = clock()
    digest = hashlib.sha256(archive).hexdigest()
    previous = repo.targets.targets.get(TARGET)
    release = int((previous.custom or {}).get("release", 0)) if previous else 0
    changed = previous is None or previous.hashes.get("sha256") != digest
    result = PublishResult(release=release, changed=changed)
    roles = {"snapshot", "timestamp"}
    if changed:
        result.release = release + 1
        info = TargetFile.from_data(TARGET, archive, ["sha256"])
        info.unrecognized_fields["custom"] = {
            "release": result.release,
            "published": now.date().isoformat(),  # the day only, for staff
        }
        repo.targets.targets = {TARGET: info}
        repo.targets_dir.mkdir(parents=True, exist_ok=True)
        write_atomic(repo.targets_dir / f"{digest}.{TARGET}", archive)
        roles.add("targets")
        result.messages.append(f"release {result.release} packed ({len(archive)} bytes)")
    else:
        result.messages.append(f"content unchanged since release {release}: re-signed only")
    roles |= {r for r in ("root", "targets") if _half_gone(repo.md[r].signed, expiry, r, now)}
    if "root" in roles and not keys.has_key(keys_dir, "root"):
        roles.discard("root")
        result.warnings.append(
            f"the root expires on {repo.root.expires:%Y-%m-%d}: bring the root key to renew it"
        )
    # Every key is loaded and checked before anything is written.
    signers = {role: repo.signer(keys_dir, role) for role in keys.ROLES if role in roles}
    for role in ("root", "targets", "snapshot", "timestamp"):
        if role in roles:
            repo.bump(role, expiry, now)
    repo.link()
    for role in roles:
        repo.sign(role, signers[role])
    repo.write(roles)
    _prune(repo, previous, digest)
    result.messages.append(
        f"kiosks accept this release until {repo.md['timestamp'].signed.expires:%Y-%m-%d} "
        "(publish again before then; it re-signs)"
    )
    result.warnings += expiry_warnings(repo_dir, clock=clock)
    return result


def _half_gone(signed: Signed, expiry: Expiry, role: str, now: datetime) -> bool:
    return signed.expires - now < timedelta(days=expiry.days(role)) / 2


def _prune(repo: _Repository, previous: TargetFile | None, digest: str) -> None:
    """Keep the new archive and the one before it (a kiosk may be downloading it now)."""
    keep = {f"{digest}.{TARGET}"}
    if previous is not None and "sha256" in previous.hashes:
        keep.add(f"{previous.hashes['sha256']}.{TARGET}")
    for path in repo.targets_dir.glob(f"*.{TARGET}"):
        if path.name not in keep:
            path.unlink()


def expiry_warnings(repo_dir: Path, warn_days: int = 14, clock: Clock = _now) -> list[str]:
    """A sentence for each role whose metadata expires within ``warn_days`` (or has)."""
    repo = _Repository(repo_dir)
    repo.load()
    now = clock()
    warnings = []
    for role in keys.ROLES:
        expires = repo.md[role].signed.expires
        left = (expires - now).days
        if expires <= now:
            warnings.append(
                f"the {role} metadata EXPIRED on {expires:%Y-%m-%d}: kiosks refuse "
                "updates until you publish again"
            )
        elif left < warn_days:
            warnings.append(
                f"the {role} metadata expires on {expires:%Y-%m-%d} (in {left} "
                "days): publish again before then"
            )
    return warnings


def rotate_key(
    repo_dir: Path, keys_dir: Path, role: str, expiry: Expiry = Expiry(), clock: Clock = _now
) -> list[str]:
    """Replace ``role``'s key: a new root version trusts the new key instead of the old
    one (signed by the root key, and for the root itself by the old and the new key, as
    kiosks require), then every role is re-signed. The old key file is kept aside."""
    if role not in keys.ROLES:
        raise PublishError(f"{role}: not a role ({', '.join(keys.ROLES)})")
    repo = _Repository(repo_dir)
    repo.load()
    now = clock()
    old_root_signer = repo.signer(keys_dir, "root")
    old = repo.signer(keys_dir, role)
    retired = keys.retire(keys_dir, role, now.strftime("%Y%m%d"))
    new = keys.create_signer(keys_dir, role)
    repo.root.revoke_key(old.public_key.keyid, role)
    repo.root.add_key(new.public_key, role)
    repo.bump("root", expiry, now)
    root_signers = [old_root_signer, new] if role == "root" else [old_root_signer]
    repo.sign("root", *root_signers)
    for other in ("targets", "snapshot", "timestamp"):
        repo.bump(other, expiry, now)
    repo.link()
    for other in ("targets", "snapshot", "timestamp"):
        repo.sign(other, new if other == role else repo.signer(keys_dir, other))
    repo.write(set(keys.ROLES))
    return [
        f"new {role} key in {keys.key_file(keys_dir, role)}; the old one is kept as {retired}",
        f"root version {repo.root.version} published: kiosks follow it at their next check",
    ]
