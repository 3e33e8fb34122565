"""Every register test runs on both engines: an SQLite file and a throwaway PostgreSQL cluster."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from sociaaldomein_multiprobleem import MultiprobleemPilot

from sociaaldomein import Gemeente
from sociaaldomein.testing.postgres import PostgresCluster, find_binaries, servers_required

_numbers = itertools.count()


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """The URL of a PostgreSQL cluster started for this test session, stopped after it."""
    binaries = find_binaries()
    if binaries is None:
        reason = (
            "PostgreSQL server binaries (initdb, pg_ctl) not found on PATH or under "
            "/usr/lib/postgresql"
        )
        if servers_required():
            pytest.fail(f"{reason}, and SOCIAALDOMEIN_REQUIRE_SERVERS is set")
        pytest.skip(reason)
    cluster = PostgresCluster(binaries)
    try:
        yield cluster.start()
    finally:
        cluster.stop()


_created: list[str] = []


def _fresh_database(server: str) -> str:
    name = f"register_{next(_numbers)}"
    engine = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {name}")
    engine.dispose()
    _created.append(name)
    return server.replace("@/postgres?", f"@/{name}?")


def _drop_databases(server: str) -> None:
    """Drop the databases made since the last call: each holds a copy of the template."""
    engine = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        while _created:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {_created.pop()} WITH (FORCE)")
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request: pytest.FixtureRequest) -> str:
    """The engine a test runs on."""
    return str(request.param)


@pytest.fixture
def url(
    engine: str, request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """The URL of an empty database on ``engine``: a new file, or a new PostgreSQL database.

    The PostgreSQL databases a test made (this one, and any it made itself) are
    dropped after it: each holds a copy of the template.
    """
    if engine == "sqlite":
        yield str(tmp_path_factory.mktemp("register") / "register.db")
        return
    server = request.getfixturevalue("postgres_server")
    try:
        yield _fresh_database(server)
    finally:
        _drop_databases(server)


@pytest.fixture(scope="session")
def gemeente() -> Gemeente:
    """Groningen with the multiprobleem doorstart only, as the letter reads."""
    return Gemeente("Groningen", plugins=[MultiprobleemPilot()])
