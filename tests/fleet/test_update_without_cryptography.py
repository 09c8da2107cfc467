"""The kiosk bundle leaves the ``cryptography`` package out (build.spec: it only signs, in
``kiosk publish``); the kiosk then checks ed25519 signatures with securesystemslib's own
pure-Python code. The same releases install, and tampered metadata is still refused."""

from __future__ import annotations

import pytest
from securesystemslib.signer import _key

from .helpers import Fleet, rewrite
from .test_update import _still_on_release_one, _targets_file

FOLDER_ONLY = pytest.mark.parametrize("fleet", ["folder"], indirect=True)


def check_as_the_bundle(fleet: Fleet, monkeypatch: pytest.MonkeyPatch):
    """The kiosk's check, as if securesystemslib had found no cryptography at import
    (publishing, on the content team's machine, keeps it)."""
    with monkeypatch.context() as patch:
        patch.setattr(_key, "CRYPTO_IMPORT_ERROR", "cryptography is not in the bundle")
        return fleet.check()


@FOLDER_ONLY
def test_a_release_installs_with_the_pure_python_check(fleet: Fleet, monkeypatch):
    fleet.publish()
    result = check_as_the_bundle(fleet, monkeypatch)
    assert (result.status, result.release) == ("installed", 1), result.reason


@FOLDER_ONLY
def test_tampered_metadata_is_refused_with_the_pure_python_check(fleet: Fleet, monkeypatch):
    fleet.publish()
    assert check_as_the_bundle(fleet, monkeypatch).status == "installed"
    fleet.publish(marker="Second release.")
    rewrite(_targets_file(fleet), lambda data: data.replace(b'"release": 2', b'"release": 9'))
    result = check_as_the_bundle(fleet, monkeypatch)
    assert result.status == "refused"
    assert "not signed by the trusted keys" in result.reason
    _still_on_release_one(fleet, result)
