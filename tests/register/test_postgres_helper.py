"""The throwaway PostgreSQL helper: where it finds the server, and when a missing one fails."""

from __future__ import annotations

from pathlib import Path

import pytest

from sociaaldomein.testing.postgres import REQUIRE_SERVERS, find_binaries, servers_required


@pytest.mark.parametrize(
    ("value", "required"), [("1", True), ("yes", True), ("0", False), ("", False)]
)
def test_a_missing_server_fails_only_when_servers_are_required(
    monkeypatch: pytest.MonkeyPatch, value: str, required: bool
) -> None:
    monkeypatch.setenv(REQUIRE_SERVERS, value)
    assert servers_required() is required


def test_the_newest_installed_version_is_found(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))
    assert find_binaries(search=[str(tmp_path)]) is None
    for version in ("9.6", "15", "13"):
        folder = tmp_path / version / "bin"
        folder.mkdir(parents=True)
        for program in ("initdb", "pg_ctl"):
            (folder / program).write_text("", encoding="utf-8")
    assert find_binaries(search=[str(tmp_path)]) == tmp_path / "15" / "bin"
