"""The audit trail: verify finds an edited or removed event; erasure and purge keep it whole.

The tests edit the database directly, as someone with access to it could:
they first drop the triggers that refuse UPDATE and DELETE on the log.
"""

from __future__ import annotations

import json

import pendulum
import pytest
import sqlalchemy as sa

from sociaaldomein import Gemeente, Money
from sociaaldomein.register import (
    GhpAankoop,
    Register,
    RegisterError,
    SchemaError,
    Uitgave,
    Wachtlijst,
)
from sociaaldomein.register.migrations import HEAD, LOCATION
from sociaaldomein.register.snapshot import fingerprint
from sociaaldomein.register.store import engine_url

from .scenario import COACH, FG, PROJECTLEIDER, P, placed, top10

EXPLOITATIE = "exploitatie doorstart incl. externe deskundigheid en gezinscoaches"


def _filled(url: str, gemeente: Gemeente) -> None:
    with Register.open(url, gemeente=gemeente, create=True) as register:
        register.record_many([*top10(), placed("gezin-01"), placed("gezin-02")])
        register.record(
            Uitgave(
                pilot=P,
                actor=PROJECTLEIDER,
                datum=pendulum.date(2011, 4, 30),
                regel=EXPLOITATIE,
                bedrag=Money(40_000),
            )
        )
        register.record(
            GhpAankoop(
                pilot=P,
                actor=PROJECTLEIDER,
                datum=pendulum.date(2011, 5, 1),
                ref="ghp-1",
                gezin="gezin-01",
                omschrijving="schuldhulp",
                bedrag=Money(2_500),
            )
        )


def _tamper(url: str, *statements: str) -> None:
    engine = sa.create_engine(engine_url(url))
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.exec_driver_sql("DROP TRIGGER events_append_only ON events")
        else:
            conn.exec_driver_sql("DROP TRIGGER events_no_update")
            conn.exec_driver_sql("DROP TRIGGER events_no_delete")
        for statement in statements:
            conn.exec_driver_sql(statement)
    engine.dispose()


def _verify(url: str, gemeente: Gemeente) -> tuple[str, ...]:
    with Register.open(url, gemeente=gemeente) as register:
        return register.verify().problems


def test_an_untouched_chain_holds(url: str, gemeente: Gemeente) -> None:
    _filled(url, gemeente)
    with Register.open(url, gemeente=gemeente) as register:
        result = register.verify()
        assert result.ok, result.render()
        assert result.events == 14
        assert result.head == register.events()[-1].hash


def test_an_edited_event_is_found_where_it_is(url: str, gemeente: Gemeente) -> None:
    _filled(url, gemeente)
    _tamper(
        url, "UPDATE events SET payload = REPLACE(payload, '40000.00', '4000.00') WHERE seq = 13"
    )
    assert _verify(url, gemeente) == ("event 13: changed (its hash does not match what is stored)",)


def test_an_edited_index_column_is_found(url: str, gemeente: Gemeente) -> None:
    _filled(url, gemeente)
    _tamper(url, "UPDATE events SET datum = '2011-01-01' WHERE seq = 12")
    assert _verify(url, gemeente) == ("event 12: changed (its columns do not match its content)",)


def test_a_removed_event_is_found_where_it_was(url: str, gemeente: Gemeente) -> None:
    _filled(url, gemeente)
    _tamper(url, "DELETE FROM personal_data WHERE seq = 11", "DELETE FROM events WHERE seq = 11")
    problems = _verify(url, gemeente)
    assert problems[0] == "event 11 removed: the chain jumps to event 12"
    assert "event 12: does not follow the event before it (previous hash)" in problems


def test_a_rehashed_forgery_still_breaks_the_link_to_the_next_event(
    url: str, gemeente: Gemeente
) -> None:
    # Replacing an event and its own hash is not enough: the next event names the old hash.
    _filled(url, gemeente)
    _tamper(url, f"UPDATE events SET hash = '{'e' * 64}' WHERE seq = 5")
    problems = _verify(url, gemeente)
    assert "event 5: changed (its hash does not match what is stored)" in problems
    assert "event 6: does not follow the event before it (previous hash)" in problems


def test_changed_or_removed_personal_data_are_found(url: str, gemeente: Gemeente) -> None:
    _filled(url, gemeente)
    _tamper(url, "UPDATE personal_data SET gezin = 'gezin-03' WHERE seq = 11")
    assert _verify(url, gemeente) == ("event 11: its personal data were changed",)
    _tamper_personal_delete(url)
    assert "event 12: its personal data were removed without a tombstone" in _verify(url, gemeente)


def _tamper_personal_delete(url: str) -> None:
    engine = sa.create_engine(engine_url(url))
    with engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM personal_data WHERE seq = 12")
    engine.dispose()


def _all_text(url: str) -> str:
    engine = sa.create_engine(engine_url(url))
    with engine.connect() as conn:
        rows = [
            *conn.exec_driver_sql("SELECT * FROM events").all(),
            *conn.exec_driver_sql("SELECT * FROM personal_data").all(),
        ]
    engine.dispose()
    return "\n".join(" ".join(map(str, row)) for row in rows)


def test_erasure_removes_the_family_everywhere_and_the_chain_still_holds(
    url: str, gemeente: Gemeente
) -> None:
    _filled(url, gemeente)
    with Register.open(url, gemeente=gemeente) as register:
        tombstones = register.erase("gezin-01", actor=FG, datum=pendulum.date(2012, 1, 2))
        assert [t.event.events for t in tombstones] == [(1, 11, 14)]  # type: ignore[attr-defined]
        assert register.verify().ok, register.verify().render()
        assert register.history("gezin-01") == []
        state = register.state(P)
        assert "gezin-01" not in state.aanwijzingen
        assert register.in_pilot(P, pendulum.date(2011, 6, 1)) == ["gezin-02"]
        # What is not personal stays: the money committed, the number of designations.
        assert state.ghp_committed() == Money(2_500)
        assert state.counts["aanwijzing"] == 10
        assert state == register.replay(P)
        erased = [r for r in register.events() if r.erased]
        assert [r.seq for r in erased] == [1, 11, 14]
        assert all(getattr(r.event, "gezin", None) is None for r in erased)
        with pytest.raises(RegisterError, match="no personal data of that family"):
            register.erase("gezin-01", actor=FG, datum=pendulum.date(2012, 1, 3))
    assert "gezin-01" not in _all_text(url)
    assert "schuldhulp" not in _all_text(url)


def test_purge_erases_only_families_untouched_for_twenty_years(
    url: str, gemeente: Gemeente
) -> None:
    _filled(url, gemeente)
    with Register.open(url, gemeente=gemeente) as register:
        register.record(
            Wachtlijst(pilot=P, actor=COACH, datum=pendulum.date(2011, 6, 1), gezin="gezin-20")
        )
        assert register.purge(pendulum.date(2030, 12, 15), actor=FG) == []
        # The families only designated on 2010-12-15 were last changed more than 20 years ago.
        first = register.purge(pendulum.date(2030, 12, 16), actor=FG)
        assert len(first) == 1
        assert first[0].bron is not None
        assert first[0].bron.section == "artikel 7.3.8"
        assert register.history("gezin-03") == []
        assert len(register.history("gezin-02")) == 2
        register.purge(pendulum.date(2031, 5, 15), actor=FG)
        assert register.history("gezin-01") == []
        assert register.history("gezin-02") == []
        assert len(register.history("gezin-20")) == 1
        assert register.waitlist(P, pendulum.date(2031, 5, 15)) == ["gezin-20"]
        assert register.verify().ok


def test_the_head_revision_is_alembics_head() -> None:
    from alembic.script import ScriptDirectory

    assert ScriptDirectory(str(LOCATION)).get_current_head() == HEAD


def test_a_missing_register_is_not_created_by_reading(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    missing = tmp_path_factory.mktemp("none") / "register.db"
    with pytest.raises(SchemaError, match="no register there; create one with"):
        Register.open(missing)
    assert not missing.exists()


def test_a_newer_schema_is_refused_and_left_alone(url: str, gemeente: Gemeente) -> None:
    _filled(url, gemeente)
    engine = sa.create_engine(engine_url(url))
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    engine.dispose()
    with pytest.raises(SchemaError, match="revision '9999', newer than this"):
        Register.open(url, gemeente=gemeente)
    engine = sa.create_engine(engine_url(url))
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM events").scalar() == 14
    engine.dispose()


def test_a_database_of_something_else_is_not_a_register(url: str) -> None:
    engine = sa.create_engine(engine_url(url))
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE klanten (id INTEGER)")
    engine.dispose()
    with pytest.raises(SchemaError, match=r"holds other tables \(klanten\) and is not a register"):
        Register.open(url, create=True)


def test_init_twice_keeps_what_is_there(url: str, gemeente: Gemeente) -> None:
    _filled(url, gemeente)
    with Register.open(url, gemeente=gemeente, create=True) as register:
        assert register.verify().events == 14


def test_an_older_schema_is_upgraded_on_open(url: str, gemeente: Gemeente) -> None:
    from alembic.config import Config
    from alembic.runtime.environment import EnvironmentContext
    from alembic.script import ScriptDirectory

    _filled(url, gemeente)
    script = ScriptDirectory(str(LOCATION))

    def down(revision: str | None, context: object) -> object:
        return script._downgrade_revs("0001", revision)

    engine = sa.create_engine(engine_url(url))
    with (
        engine.begin() as conn,
        EnvironmentContext(  # the register as revision 0001 left it
            Config(), script, fn=down, destination_rev="0001"
        ) as env,
    ):
        env.configure(connection=conn)
        env.run_migrations()
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == "0001"
        assert not sa.inspect(conn).has_table("snapshot")
    engine.dispose()
    with Register.open(url, gemeente=gemeente) as register:
        register.snapshot_every = 1
        assert register.state(P).counts["aanwijzing"] == 10
        assert register.verify().ok
    engine = sa.create_engine(engine_url(url))
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == HEAD
        assert conn.exec_driver_sql("SELECT seq FROM snapshot").scalar() == 14
    engine.dispose()


def test_verify_finds_a_snapshot_that_says_otherwise_than_the_log(
    url: str, gemeente: Gemeente
) -> None:
    _filled(url, gemeente)
    with Register.open(url, gemeente=gemeente) as register:
        register.snapshot_every = 1
        register.state(P)
        assert register.verify().ok
    engine = sa.create_engine(engine_url(url))
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE snapshot SET data = REPLACE(data, 'gezin-02', 'gezin-99')")
    engine.dispose()
    assert _verify(url, gemeente) == (
        "the snapshot after event 14 does not match the log; delete it (DELETE FROM snapshot) "
        "and the register folds the log again",
    )


def test_a_snapshot_under_a_changed_log_is_not_used(url: str, gemeente: Gemeente) -> None:
    _filled(url, gemeente)
    with Register.open(url, gemeente=gemeente) as register:
        register.snapshot_every = 1
        truth = register.state(P)
    engine = sa.create_engine(engine_url(url))
    with engine.begin() as conn:  # a snapshot that says something else, for a log it does not match
        conn.exec_driver_sql(
            "UPDATE snapshot SET hash = 'x', data = REPLACE(data, 'gezin-02', 'gezin-99')"
        )
    engine.dispose()
    with Register.open(url, gemeente=gemeente) as register:
        assert register.state(P) == truth


def test_erasure_deletes_the_snapshot_that_names_the_family(url: str, gemeente: Gemeente) -> None:
    _filled(url, gemeente)
    with Register.open(url, gemeente=gemeente) as register:
        register.snapshot_every = 1
        register.state(P)
        register.erase("gezin-01", actor=FG, datum=pendulum.date(2012, 1, 2))
    assert "gezin-01" not in _all_text(url)
    engine = sa.create_engine(engine_url(url))
    with engine.connect() as conn:
        snapshots = [r[0] for r in conn.exec_driver_sql("SELECT data FROM snapshot")]
    engine.dispose()
    assert all("gezin-01" not in s for s in snapshots)


def test_the_tables_are_those_the_queries_use(url: str, gemeente: Gemeente) -> None:
    from sociaaldomein.register.schema import METADATA

    Register.open(url, gemeente=gemeente, create=True).close()
    engine = sa.create_engine(engine_url(url))
    inspector = sa.inspect(engine)
    for table in METADATA.sorted_tables:
        assert {c["name"] for c in inspector.get_columns(table.name)} == set(table.columns.keys())
        assert {i["name"] for i in inspector.get_indexes(table.name)} >= {
            i.name for i in table.indexes
        }
    engine.dispose()


@pytest.mark.parametrize(
    "data",
    [
        "not json",
        '{"fingerprint": "0.1.0/0123456789abcdef", "states": {}}',
        '{"states": {"multiprobleem": {"pilot": "multiprobleem"}}}',
        # this version's mark on a state with fields missing, and on one in the old layout
        json.dumps({"fingerprint": fingerprint(), "states": {"multiprobleem": ["m", 3]}}),
        json.dumps({"fingerprint": fingerprint(), "states": {"multiprobleem": {"pilot": "m"}}}),
    ],
)
def test_a_snapshot_of_another_version_or_shape_is_not_used(
    url: str, gemeente: Gemeente, data: str
) -> None:
    _filled(url, gemeente)
    with Register.open(url, gemeente=gemeente) as register:
        register.snapshot_every = 1
        truth = register.state(P)
    engine = sa.create_engine(engine_url(url))
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE snapshot SET data = :data"), {"data": data})
    engine.dispose()
    with Register.open(url, gemeente=gemeente) as register:
        assert register.state(P) == truth
