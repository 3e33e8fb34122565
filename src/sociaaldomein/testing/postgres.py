"""A throwaway PostgreSQL cluster for tests, from the server binaries installed on the machine.

:func:`find_binaries` looks for ``initdb`` and ``pg_ctl`` on ``PATH`` and in
``/usr/lib/postgresql/<version>/bin`` (Debian's layout, newest version first).
:class:`PostgresCluster` creates a cluster in a temporary directory, starts it
listening only on a Unix socket in that directory (no TCP port, so parallel
runs never collide), and removes it when stopped.

``initdb`` refuses to run as root: when the tests run as uid 0 the cluster's
directory is given to the ``postgres`` user (which the distribution's package
creates) and the binaries run with ``runuser -u postgres --``.

A test that needs the server skips, naming what is missing, when the binaries
are not there, unless ``SOCIAALDOMEIN_REQUIRE_SERVERS=1`` (as in CI,
:func:`servers_required`), where a missing server is a failure.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Final

__all__ = [
    "REQUIRE_SERVERS",
    "PostgresCluster",
    "find_binaries",
    "servers_required",
]

REQUIRE_SERVERS: Final = "SOCIAALDOMEIN_REQUIRE_SERVERS"
"""The environment variable that turns a missing server from a skip into a failure."""

DEBIAN_LAYOUT: Final = ("/usr/lib/postgresql",)


def servers_required() -> bool:
    """Whether a test needing a server must fail, not skip, when the server is missing."""
    return os.environ.get(REQUIRE_SERVERS, "") not in ("", "0")


def _version(path: Path) -> tuple[int, ...]:
    return tuple(int(p) for p in path.name.split(".") if p.isdigit())


def find_binaries(search: Iterable[str] = DEBIAN_LAYOUT) -> Path | None:
    """The directory holding ``initdb`` and ``pg_ctl``, or ``None`` when there is none."""
    on_path = shutil.which("initdb")
    if on_path is not None and shutil.which("pg_ctl") is not None:
        return Path(on_path).resolve().parent
    for root in search:
        versions = sorted(Path(root).glob("*/bin"), key=lambda p: _version(p.parent), reverse=True)
        for folder in versions:
            if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
                return folder
    return None


class PostgresCluster:
    """A PostgreSQL cluster of its own, on a Unix socket in a temporary directory."""

    def __init__(self, binaries: Path) -> None:
        self.binaries = binaries
        self.root = Path(tempfile.mkdtemp(prefix="sociaaldomein-pg-"))
        self.data = self.root / "data"
        self.socket = self.root / "socket"
        self._as_postgres = os.geteuid() == 0
        self._started = False

    def _run(self, program: str, *args: str) -> None:
        command: Sequence[str] = [str(self.binaries / program), *args]
        if self._as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(
                f"{program} failed ({done.returncode}): {done.stderr.strip() or done.stdout}"
            )

    def start(self) -> str:
        """Create and start the cluster; the SQLAlchemy URL of its ``postgres`` database."""
        self.socket.mkdir()
        if self._as_postgres:
            user = pwd.getpwnam("postgres")
            for path in (self.root, self.socket):
                os.chown(path, user.pw_uid, user.pw_gid)
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth=trust",
            "--no-sync",
            "-E",
            "UTF8",
        )
        options = f"-k {self.socket} -c listen_addresses='' -c fsync=off -c max_connections=40"
        self._run(
            "pg_ctl",
            "start",
            "-w",
            "-s",
            "-D",
            str(self.data),
            "-l",
            str(self.root / "log"),
            "-o",
            options,
        )
        self._started = True
        return self.url

    @property
    def url(self) -> str:
        """``postgresql+psycopg://postgres@/postgres?host=<socket directory>``."""
        return f"postgresql+psycopg://postgres@/postgres?host={self.socket}"

    def stop(self) -> None:
        """Stop the server, if it runs, and remove the cluster."""
        try:
            if self._started:
                self._run("pg_ctl", "stop", "-s", "-m", "immediate", "-D", str(self.data))
        finally:
            self._started = False
            shutil.rmtree(self.root, ignore_errors=True)
