"""The register: a municipality's pilots' events on a database, chained, checked, erasable.

:meth:`Register.open` takes a URL (``postgresql://...``) or a file path (an
embedded SQLite register), checks the schema's revision and, with
``create=True`` or on an older schema, migrates it.  :meth:`Register.record`
checks an event against the pilot's own rules (:mod:`.rules`) and appends it in
one transaction; writers are serialised on the head of the chain (SQLite
``BEGIN IMMEDIATE``, PostgreSQL a transaction-scoped advisory lock), so two
processes never fork it.

Durability on SQLite: ``journal_mode=WAL`` and ``synchronous=FULL`` (a commit
is on disk when ``record`` returns, also after a power cut), ``foreign_keys=ON``
and a busy timeout of a minute for writers waiting on each other.  With
``durable=False`` a commit is not waited for on disk (SQLite
``synchronous=NORMAL``, PostgreSQL ``synchronous_commit=off``): a process killed
while writing still loses no committed event and leaves no half event, but a
power cut or an operating-system crash may lose the last commits (never the
chain's integrity).  It is faster where the disk's flush is slow.

>>> import tempfile, pendulum
>>> from sociaaldomein import Gemeente
>>> from sociaaldomein.testing import ToyPilot
>>> from sociaaldomein.register.events import Actor, Rol, Wachtlijst
>>> folder = tempfile.mkdtemp()
>>> with Register.open(f"{folder}/toy.db", gemeente=Gemeente(plugins=[ToyPilot()]),
...                    create=True) as register:
...     wij = Actor("medewerker-3", Rol.WIJ_MEDEWERKER)
...     recorded = register.record(
...         Wachtlijst(pilot="toy", actor=wij, datum=pendulum.date(2024, 3, 1), gezin="g-1"))
...     register.waitlist("toy", pendulum.date(2024, 3, 2)), register.verify().ok
(['g-1'], True)
"""

from __future__ import annotations

import contextlib
import datetime
import gc
import json
import os
import secrets
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Final

import attrs
import pendulum
import sqlalchemy as sa
from sqlalchemy import event as sa_event

from sociaaldomein import __version__
from sociaaldomein.composition.gemeente import Gemeente
from sociaaldomein.domain.bsn import check_key
from sociaaldomein.domain.citation import Citation
from sociaaldomein.domain.compiled import CompiledPilot
from sociaaldomein.domain.opzegging import OpzegBesluit
from sociaaldomein.errors import CompositionError, UnknownPilotError
from sociaaldomein.i18n import _
from sociaaldomein.register import codec, rules
from sociaaldomein.register import events as ev
from sociaaldomein.register.errors import RegisterError, SchemaError
from sociaaldomein.register.export import SUPPRESSION_THRESHOLD, ResearchExport, research_export
from sociaaldomein.register.migrations import HEAD, LOCATION
from sociaaldomein.register.queries import (
    AdviesTelling,
    BudgetLijn,
    Overdue,
    advices,
    budget,
)
from sociaaldomein.register.schema import EVENTS, PERSONAL, SNAPSHOT
from sociaaldomein.register.snapshot import SnapshotError, decode_states, encode_states
from sociaaldomein.register.state import EscalatieZaak, PilotState

__all__ = [
    "JEUGDWET_BEWAARTERMIJN",
    "JEUGDWET_VERNIETIGING",
    "Recorded",
    "Register",
    "Verification",
    "engine_url",
]

JEUGDWET_VERNIETIGING: Final = Citation(
    "Jeugdwet (BWBR0034925)", "artikel 7.3.9", "vernietiging op verzoek"
)
JEUGDWET_BEWAARTERMIJN: Final = Citation(
    "Jeugdwet (BWBR0034925)", "artikel 7.3.8", "twintig jaar na de laatste wijziging"
)
RETENTION_YEARS: Final = 20
_LOCK: Final = 0x5D_4E_47  # the advisory lock of the chain's head, on PostgreSQL


@attrs.frozen
class Recorded:
    """An event as the register holds it: its place in the chain and what it was accepted under."""

    seq: int
    event: ev.Event
    recorded_at: str
    bron: Citation | None
    versions: dict[str, str]
    hash: str
    erased: bool = False


@attrs.frozen
class Verification:
    """The outcome of :meth:`Register.verify`: where the chain breaks, if it does."""

    events: int
    head: str
    problems: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """Whether every event is there, unchanged, in order."""
        return not self.problems

    def render(self) -> str:
        """One line when the chain holds, else one line per problem."""
        if self.ok:
            return _(
                "the chain holds: {events} events, head {head}", events=self.events, head=self.head
            )
        return "\n".join(str(p) for p in self.problems)  # each in the current language


def engine_url(url: str | os.PathLike[str]) -> str:
    """The SQLAlchemy URL for ``url``: a file path is an SQLite file, PostgreSQL uses psycopg."""
    text = os.fspath(url)
    if "://" not in text:
        return f"sqlite+pysqlite:///{Path(text).expanduser().resolve()}"
    for prefix in ("postgresql://", "postgres://"):
        if text.startswith(prefix):
            return "postgresql+psycopg://" + text.removeprefix(prefix)
    return text


def _sqlite_engine_events(engine: sa.Engine, *, durable: bool = True) -> None:
    synchronous = "FULL" if durable else "NORMAL"

    @sa_event.listens_for(engine, "connect")
    def _connect(dbapi: Any, record: object) -> None:
        # Transactions are begun by hand below, so that a writer can take the lock at once.
        dbapi.isolation_level = None
        cursor = dbapi.cursor()
        for pragma in (
            "journal_mode=WAL",
            f"synchronous={synchronous}",
            "foreign_keys=ON",
            "busy_timeout=60000",
        ):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @sa_event.listens_for(engine, "begin")
    def _begin(conn: sa.Connection) -> None:
        write = conn.get_execution_options().get("sociaaldomein_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def _dumps(value: object) -> str:
    return codec.canonical(value).decode()


class Register:
    """A register of pilot events on one database (see the module's documentation)."""

    snapshot_every: int = 10_000
    """Write a snapshot of the folded state once this many events were folded since the last."""

    def __init__(self, engine: sa.Engine, gemeente: Gemeente | None = None) -> None:
        self._engine = engine
        self._gemeente = gemeente
        self._states: dict[str, PilotState] = {}
        self._seq = 0
        self._snapshot_seq = 0

    # opening ------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        url: str | os.PathLike[str],
        *,
        gemeente: Gemeente | None = None,
        create: bool = False,
        durable: bool = True,
    ) -> Register:
        """The register at ``url``; ``create=True`` makes an empty one (``register init``).

        ``durable=False`` trades the last commits before a power cut for speed
        (see the module's documentation); a killed process loses nothing either way.

        ``gemeente`` composes the pilots whose rules check each event; by
        default the installed plugins.  An empty database without ``create``, a
        database that is not a register and one with a newer schema are refused
        with :class:`~.errors.SchemaError`; an older schema is upgraded.
        """
        target = engine_url(url)
        if target.startswith("sqlite") and not create:
            path = target.split(":///", 1)[1]
            if not Path(path).is_file():
                raise SchemaError(
                    _(
                        "{where}: no register there; create one with `sociaaldomein register init`",
                        where=path,
                    )
                )
        try:
            options: dict[str, Any] = {}
            if not durable and target.startswith("postgresql"):
                options["connect_args"] = {"options": "-c synchronous_commit=off"}
            engine = sa.create_engine(target, **options)
        except (sa.exc.ArgumentError, ImportError) as exc:
            raise RegisterError(
                _(
                    "{url}: not a database URL this register can use: {problem}",
                    url=str(url),
                    problem=str(exc),
                )
            ) from None
        if engine.dialect.name == "sqlite":
            _sqlite_engine_events(engine, durable=durable)
        register = cls(engine, gemeente)
        try:
            register._migrate(create=create, where=str(url))
        except BaseException:
            engine.dispose()
            raise
        return register

    def _migrate(self, *, create: bool, where: str) -> None:
        with self._connect() as conn:
            if sa.inspect(conn).has_table("alembic_version"):
                current = conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
                if current == HEAD:
                    return  # the common case, decided without loading Alembic
        from alembic.runtime.migration import MigrationContext
        from alembic.script import ScriptDirectory

        script = ScriptDirectory(str(LOCATION))
        known = {rev.revision for rev in script.walk_revisions()}
        with self._connect(write=True) as conn:
            current = MigrationContext.configure(conn).get_current_revision()
            if current is not None and current not in known:
                raise SchemaError(
                    _(
                        "{where}: the register's schema is revision {current}, newer than this "
                        "sociaaldomein {version} knows (head {head}); upgrade sociaaldomein",
                        where=where,
                        current=repr(current),
                        version=__version__,
                        head=repr(HEAD),
                    )
                )
            if current is None:
                tables = set(sa.inspect(conn).get_table_names())
                if tables - {"alembic_version"}:
                    raise SchemaError(
                        _(
                            "{where}: this database holds other tables ({tables}) "
                            "and is not a register",
                            where=where,
                            tables=", ".join(sorted(tables)),
                        )
                    )
                if not create:
                    raise SchemaError(
                        _(
                            "{where}: no register there; "
                            "create one with `sociaaldomein register init`",
                            where=where,
                        )
                    )
            if current != HEAD:
                self._upgrade(conn, script)

    @staticmethod
    def _upgrade(conn: sa.Connection, script: Any) -> None:
        from alembic.config import Config
        from alembic.runtime.environment import EnvironmentContext

        def upgrade(revision: Any, context: Any) -> Any:
            return script._upgrade_revs("head", revision)

        with EnvironmentContext(Config(), script, fn=upgrade, destination_rev="head") as env:
            env.configure(connection=conn, target_metadata=None)
            env.run_migrations()

    def close(self) -> None:
        """Release the database connections."""
        self._engine.dispose()

    def __enter__(self) -> Register:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def dialect(self) -> str:
        """``"sqlite"`` or ``"postgresql"``."""
        return self._engine.dialect.name

    @contextlib.contextmanager
    def _connect(self, *, write: bool = False) -> Iterator[sa.Connection]:
        with self._engine.connect() as conn:
            if write:
                conn.execution_options(sociaaldomein_write=True)
            with conn.begin():
                if write and self.dialect == "postgresql":
                    conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK})
                yield conn

    # the pilots ---------------------------------------------------------------

    @property
    def gemeente(self) -> Gemeente:
        """The composition whose pilots' rules check the events."""
        if self._gemeente is None:
            gemeente = Gemeente("register")
            gemeente.load_entry_points()
            self._gemeente = gemeente
        return self._gemeente

    def compiled(self, pilot: str) -> CompiledPilot:
        """The compiled pilot ``pilot``; an unknown name lists the known ones."""
        return self.gemeente.compiled(pilot)

    def _compiled_or_none(self, pilot: str, *, required: bool) -> CompiledPilot | None:
        # A tombstone is written for a pilot whose plugin may be gone by now.
        try:
            return self.compiled(pilot)
        except UnknownPilotError:
            if required:
                raise
            return None

    def _selectieregel(self, compiled: CompiledPilot) -> rules.Selectieregel | None:
        # The split of the designations lives on the plugin object, not on the Pilot.
        try:
            plugin = self.gemeente.plugin(compiled.provided_by.name)
        except CompositionError:
            return None
        return rules.selectieregel_of(plugin)

    def _versions(self, compiled: CompiledPilot | None) -> dict[str, str]:
        versions = {"sociaaldomein": __version__}
        if compiled is not None:
            ref = compiled.provided_by
            versions[ref.distribution or ref.name] = ref.version or "unknown"
        return versions

    # reading ------------------------------------------------------------------

    def _rows(self, conn: sa.Connection, where: Any = None) -> Iterator[Recorded]:
        query = (
            sa.select(
                EVENTS.c.seq,
                EVENTS.c.kind,
                EVENTS.c.payload,
                EVENTS.c.recorded_at,
                EVENTS.c.bron,
                EVENTS.c.versions,
                EVENTS.c.hash,
                EVENTS.c.personal_digest,
                PERSONAL.c.data,
            )
            .select_from(EVENTS.outerjoin(PERSONAL, PERSONAL.c.seq == EVENTS.c.seq))
            .order_by(EVENTS.c.seq)
        )
        if where is not None:
            query = query.where(where)
        citations: dict[str, Citation | None] = {"": None}
        versions: dict[str, dict[str, str]] = {}
        for row in conn.execute(query):
            personal = json.loads(row.data) if row.data is not None else None
            bron = row.bron or ""
            if bron not in citations:
                citations[bron] = _citation(json.loads(bron))
            if row.versions not in versions:
                versions[row.versions] = json.loads(row.versions)
            yield Recorded(
                row.seq,
                codec.read(row.kind, json.loads(row.payload), personal),
                row.recorded_at,
                citations[bron],
                versions[row.versions],
                row.hash,
                row.personal_digest is not None and personal is None,
            )

    def events(self, *, pilot: str | None = None) -> list[Recorded]:
        """Every event (of ``pilot``), in order of recording."""
        with self._connect() as conn:
            where = None if pilot is None else EVENTS.c.pilot == pilot
            return list(self._rows(conn, where))

    def _fold(
        self, conn: sa.Connection, after: int, upto: int | None = None
    ) -> Iterator[tuple[int, ev.Event]]:
        """``(seq, event)`` of every event after ``after`` (to ``upto``): what the fold needs."""
        query = (
            sa.select(EVENTS.c.seq, EVENTS.c.kind, EVENTS.c.payload, PERSONAL.c.data)
            .select_from(EVENTS.outerjoin(PERSONAL, PERSONAL.c.seq == EVENTS.c.seq))
            .where(EVENTS.c.seq > after)
            .order_by(EVENTS.c.seq)
        )
        if upto is not None:
            query = query.where(EVENTS.c.seq <= upto)
        loads, read = json.loads, codec.read
        result = conn.execute(query)
        # A thousand rows a fetch, not one: the fold of a long log is mostly this loop.
        for rows in iter(lambda: result.fetchmany(1_000), []):
            for seq, kind, payload, data in rows:
                yield seq, read(kind, loads(payload), None if data is None else loads(data))

    def _load_snapshot(self, conn: sa.Connection) -> None:
        """Start from the snapshot, if there is one and the log still holds its event."""
        row = conn.execute(sa.select(SNAPSHOT).order_by(SNAPSHOT.c.seq.desc()).limit(1)).first()
        if row is None:
            return
        logged = conn.execute(sa.select(EVENTS.c.hash).where(EVENTS.c.seq == row.seq)).scalar()
        if logged != row.hash:
            return  # the log under it changed: fold from the start (verify will say where)
        try:
            states = decode_states(row.data)
        except SnapshotError:
            return  # made by another version of the library: fold from the start
        self._states, self._seq, self._snapshot_seq = states, row.seq, row.seq

    def _write_snapshot(self, conn: sa.Connection) -> None:
        logged = conn.execute(sa.select(EVENTS.c.hash).where(EVENTS.c.seq == self._seq)).scalar()
        if logged is None:
            return
        conn.execute(SNAPSHOT.delete())
        conn.execute(
            SNAPSHOT.insert(),
            {"seq": self._seq, "hash": logged, "data": encode_states(self._states)},
        )
        self._snapshot_seq = self._seq

    def _snapshot_due(self) -> bool:
        return self._seq - self._snapshot_seq >= self.snapshot_every

    def _catch_up(self, conn: sa.Connection) -> None:
        """Fold in the events recorded since the state was last brought up to date."""
        # Thousands of new objects and none in a cycle: the cyclic collector would
        # only walk them again and again while the fold makes them.
        collecting = gc.isenabled()
        gc.disable()
        try:
            if self._seq == 0:
                self._load_snapshot(conn)
            new = list(self._fold(conn, self._seq))
            if any(isinstance(event, ev.Wissing) for _, event in new):
                # Erasure changed events already folded in: fold the whole log again.
                self._states, self._seq, self._snapshot_seq = {}, 0, 0
                new = list(self._fold(conn, 0))
            states = self._states
            for seq, event in new:
                state = states.get(event.pilot)
                if state is None:
                    state = states[event.pilot] = PilotState(event.pilot)
                state.apply(seq, event)
                self._seq = seq
        finally:
            if collecting:
                gc.enable()

    def state(self, pilot: str) -> PilotState:
        """The state of ``pilot`` as its events say, up to the last one recorded."""
        with self._connect() as conn:
            self._catch_up(conn)
        if self._snapshot_due():
            # Only a shortcut for the next process: a register opened read-only goes without.
            with contextlib.suppress(sa.exc.DBAPIError), self._connect(write=True) as conn:
                self._write_snapshot(conn)
        return self._states.get(pilot) or PilotState(pilot)

    def replay(self, pilot: str) -> PilotState:
        """The state of ``pilot`` folded from the whole log, ignoring what is kept in memory."""
        state = PilotState(pilot)
        for r in self.events(pilot=pilot):
            state.apply(r.seq, r.event)
        return state

    # writing ------------------------------------------------------------------

    def record(self, event: ev.Event) -> Recorded:
        """Check ``event`` against its pilot's rules and append it; a refusal writes nothing."""
        return self.record_many([event])[0]

    def record_many(self, events: Iterable[ev.Event]) -> list[Recorded]:
        """Check and append ``events`` in one transaction: all of them, or none."""
        batch = list(events)
        for i, item in enumerate(batch):
            if not isinstance(item, ev.Event):
                raise RegisterError(
                    _("events[{i}]: not an event: {type}", i=i, type=type(item).__name__)
                )
        try:
            with self._connect(write=True) as conn:
                head = self._head(conn)
                if head[0] != self._seq:
                    self._catch_up(conn)
                recorded = self._append(conn, batch, head=head)
                if self._snapshot_due():
                    self._write_snapshot(conn)
                return recorded
        except BaseException:
            # The state saw events that were rolled back: fold it again next time.
            self._states, self._seq, self._snapshot_seq = {}, 0, 0
            raise

    def _head(self, conn: sa.Connection) -> tuple[int, str]:
        row = conn.execute(
            sa.select(EVENTS.c.seq, EVENTS.c.hash).order_by(EVENTS.c.seq.desc()).limit(1)
        ).first()
        return (0, codec.GENESIS) if row is None else (int(row.seq), str(row.hash))

    def _append(
        self,
        conn: sa.Connection,
        batch: Sequence[ev.Event],
        *,
        unchecked: Citation | None = None,
        head: tuple[int, str] | None = None,
    ) -> list[Recorded]:
        """Append ``batch``, each checked by the rules; ``unchecked``: tombstones under that law."""
        seq, previous = self._head(conn) if head is None else head
        rows: list[dict[str, Any]] = []
        personal_rows: list[dict[str, Any]] = []
        out: list[Recorded] = []
        recorded_at = datetime.datetime.now(datetime.UTC).isoformat()
        for event in batch:
            compiled = self._compiled_or_none(event.pilot, required=unchecked is None)
            state = self._states.get(event.pilot)
            if state is None:
                state = self._states[event.pilot] = PilotState(event.pilot)
            bron: Citation | None = unchecked
            if compiled is not None and unchecked is None:
                regel = self._selectieregel(compiled) if isinstance(event, ev.Aanwijzing) else None
                event, bron = rules.check(event, state, compiled, selectieregel=regel)
            seq += 1
            payload, personal = codec.split(event)
            digest = None
            if personal:
                nonce = secrets.token_hex(16)
                digest = codec.personal_digest(nonce, personal)
                gezin = personal.get("gezin")
                personal_rows.append(
                    {"seq": seq, "gezin": gezin, "nonce": nonce, "data": _dumps(personal)}
                )
            cited = _cited(bron)
            versions = self._versions(compiled)
            versions_text = _dumps(versions)
            envelope = _envelope(
                seq,
                event,
                recorded_at,
                payload,
                cited,
                versions,
                digest,
                _ref(event),
                _termijn(event),
            )
            digest_hash = codec.chain_hash(previous, envelope)
            rows.append(
                {
                    "seq": seq,
                    "kind": event.KIND,
                    "pilot": event.pilot,
                    "datum": event.datum.isoformat(),
                    "ref": _ref(event),
                    "termijn": _termijn(event),
                    "recorded_at": recorded_at,
                    "payload": _dumps(payload),
                    "bron": _dumps(cited) if cited is not None else None,
                    "versions": versions_text,
                    "personal_digest": digest,
                    "prev_hash": previous,
                    "hash": digest_hash,
                }
            )
            previous = digest_hash
            state.apply(seq, event)
            self._seq = seq
            out.append(Recorded(seq, event, recorded_at, bron, versions, digest_hash))
        if rows:
            conn.execute(EVENTS.insert(), rows)
        if personal_rows:
            conn.execute(PERSONAL.insert(), personal_rows)
        return out

    # questions ----------------------------------------------------------------

    def in_pilot(self, pilot: str, on: pendulum.Date) -> list[str]:
        """The families in ``pilot`` on ``on``."""
        self.compiled(pilot)
        return self.state(pilot).in_pilot(on)

    def waitlist(self, pilot: str, on: pendulum.Date) -> list[str]:
        """The waitlist of ``pilot`` on ``on``, first come first."""
        self.compiled(pilot)
        return self.state(pilot).waitlist(on)

    def escalations(self, pilot: str, on: pendulum.Date) -> list[EscalatieZaak]:
        """The escalations of ``pilot`` open on ``on``."""
        self.compiled(pilot)
        return self.state(pilot).open_escalations(on)

    def overdue_escalations(self, pilot: str, on: pendulum.Date) -> list[Overdue]:
        """The escalations open on ``on`` past their level's deadline, straight from the index.

        Equal to ``state(pilot).overdue_escalations(on)``, without folding the log.
        """
        day = on.isoformat()
        kinds = (ev.EscalatieGestart.KIND, ev.EscalatieOpgeschaald.KIND)
        every = (*kinds, ev.EscalatieAfgestemd.KIND)
        # Per escalation its last event by ``on``, from the covering index in one pass
        # (a correlated "no later event" test per level costs twice as much); it is
        # overdue when that event is a level whose deadline has passed.
        latest = (
            sa.select(sa.func.max(EVENTS.c.seq).label("seq"))
            .where(
                EVENTS.c.pilot == pilot,
                EVENTS.c.ref.is_not(None),
                EVENTS.c.kind.in_(every),
                EVENTS.c.datum <= day,
            )
            .group_by(EVENTS.c.ref)
            .subquery("latest")
        )
        query = (
            sa.select(EVENTS.c.ref, EVENTS.c.termijn, EVENTS.c.payload)
            .join(latest, latest.c.seq == EVENTS.c.seq)
            .where(EVENTS.c.kind.in_(kinds), EVENTS.c.termijn < day)
            .order_by(EVENTS.c.seq)
        )
        with self._connect() as conn:
            out = []
            for row in conn.execute(query):
                payload = json.loads(row.payload)
                out.append(
                    Overdue(
                        row.ref,
                        int(payload["niveau"]),
                        tuple(payload["houders"]),
                        pendulum.Date.fromisoformat(row.termijn),
                    )
                )
            return out

    def advices(self, pilot: str) -> list[AdviesTelling]:
        """Per institution: advices given, answered how, and followed by a decision."""
        self.compiled(pilot)
        return advices(self.state(pilot))

    def budget(self, pilot: str) -> list[BudgetLijn]:
        """Per funding line: planned, committed, spent and remaining."""
        return budget(self.state(pilot), self.compiled(pilot))

    def vote(self, pilot: str, on: pendulum.Date) -> OpzegBesluit:
        """The state of the partners' termination vote on ``on``, by the pilot's rule."""
        compiled = self.compiled(pilot)
        regeling = rules.opzegregeling(compiled)
        if regeling is None:
            raise RegisterError(
                _("pilot {pilot} has no termination by its partners", pilot=repr(pilot))
            )
        state = self.state(pilot)
        geregeld = state.gevolgen_geregeld is not None and state.gevolgen_geregeld <= on
        return regeling.decide(state.opzegverzoeken, on, gevolgen_geregeld=geregeld)

    def history(self, gezin: str) -> list[Recorded]:
        """Everything that happened to ``gezin``, in order: its events and those on its cases."""
        check_key("gezin", gezin)
        with self._connect() as conn:
            own = conn.execute(
                sa.select(EVENTS.c.seq, EVENTS.c.pilot, EVENTS.c.ref)
                .join(PERSONAL, PERSONAL.c.seq == EVENTS.c.seq)
                .where(PERSONAL.c.gezin == gezin)
            ).all()
            seqs = {r.seq for r in own}
            cases = {(r.pilot, r.ref) for r in own if r.ref is not None}
            if cases:
                related = sa.or_(
                    *(sa.and_(EVENTS.c.pilot == p, EVENTS.c.ref == ref) for p, ref in cases)
                )
                seqs |= {r.seq for r in conn.execute(sa.select(EVENTS.c.seq).where(related))}
            if not seqs:
                return []
            return list(self._rows(conn, EVENTS.c.seq.in_(sorted(seqs))))

    # the audit trail ----------------------------------------------------------

    def verify(self) -> Verification:
        """Check the chain: every event there, in order, unchanged; erased data tombstoned."""
        problems: list[str] = []
        previous, expected, count = codec.GENESIS, 1, 0
        erased: set[int] = set()
        digests: dict[int, str | None] = {}
        with self._connect() as conn:
            for row in conn.execute(sa.select(EVENTS).order_by(EVENTS.c.seq)):
                count += 1
                problems += _check_row(row, previous, expected)
                digests[row.seq] = row.personal_digest
                if row.kind == ev.Wissing.KIND:
                    with contextlib.suppress(ValueError, KeyError, TypeError):
                        erased.update(int(s) for s in json.loads(row.payload)["events"])
                previous, expected = row.hash, row.seq + 1
            present: set[int] = set()
            for row in conn.execute(sa.select(PERSONAL).order_by(PERSONAL.c.seq)):
                present.add(row.seq)
                if row.seq not in digests:
                    problems.append(_("personal data of event {seq}: no such event", seq=row.seq))
                    continue
                try:
                    data = json.loads(row.data)
                except ValueError:
                    data = None
                if (
                    not isinstance(data, dict)
                    or data.get("gezin") != row.gezin
                    or (codec.personal_digest(row.nonce, data) != digests[row.seq])
                ):
                    problems.append(_("event {seq}: its personal data were changed", seq=row.seq))
            if not problems:
                problems += self._check_snapshot(conn)
        for seq, digest in digests.items():
            if digest is not None and seq not in present and seq not in erased:
                problems.append(
                    _("event {seq}: its personal data were removed without a tombstone", seq=seq)
                )
        return Verification(count, previous, tuple(problems))

    def _check_snapshot(self, conn: sa.Connection) -> list[str]:
        """Whether the snapshot, if one is used, is what folding the log to its event gives."""
        row = conn.execute(sa.select(SNAPSHOT).order_by(SNAPSHOT.c.seq.desc()).limit(1)).first()
        if row is None:
            return []
        try:
            kept = decode_states(row.data)
        except SnapshotError:
            return []  # not used: nothing it says counts
        folded: dict[str, PilotState] = {}
        for seq, event in self._fold(conn, 0, row.seq):
            folded.setdefault(event.pilot, PilotState(event.pilot)).apply(seq, event)
        if kept != folded:
            return [
                _(
                    "the snapshot after event {seq} does not match the log; delete it "
                    "(DELETE FROM snapshot) and the register folds the log again",
                    seq=row.seq,
                )
            ]
        return []

    # privacy ------------------------------------------------------------------

    def export(self, key: bytes, *, threshold: int = SUPPRESSION_THRESHOLD) -> ResearchExport:
        """The pseudonymised research export (:mod:`.export`) under the user's ``key``."""
        return research_export(((r.event, r.erased) for r in self.events()), key, threshold)

    def erase(
        self,
        gezin: str,
        *,
        actor: ev.Actor,
        datum: pendulum.Date,
        grond: Citation = JEUGDWET_VERNIETIGING,
    ) -> list[Recorded]:
        """Erase the personal data of ``gezin`` and append a tombstone per pilot.

        The events stay in the chain without the family's key and free text;
        ``verify`` holds.  Jeugdwet 7.3.9: destruction on request.
        """
        check_key("gezin", gezin)
        try:
            with self._connect(write=True) as conn:
                return self._erase(conn, [gezin], actor, datum, grond)
        finally:
            self._states, self._seq, self._snapshot_seq = {}, 0, 0

    def _erase(
        self,
        conn: sa.Connection,
        families: Sequence[str],
        actor: ev.Actor,
        datum: pendulum.Date,
        grond: Citation,
    ) -> list[Recorded]:
        found = conn.execute(
            sa.select(PERSONAL.c.seq, EVENTS.c.pilot)
            .join(EVENTS, EVENTS.c.seq == PERSONAL.c.seq)
            .where(PERSONAL.c.gezin.in_(families))
            .order_by(PERSONAL.c.seq)
        ).all()
        if not found:
            raise RegisterError(_("no personal data of that family in the register"))
        per_pilot: dict[str, list[int]] = {}
        for row in found:
            per_pilot.setdefault(row.pilot, []).append(int(row.seq))
        conn.execute(PERSONAL.delete().where(PERSONAL.c.seq.in_([r.seq for r in found])))
        conn.execute(SNAPSHOT.delete())  # it names the family too
        tombstones = [
            ev.Wissing(pilot=pilot, actor=actor, datum=datum, grond=str(grond), events=seqs)
            for pilot, seqs in per_pilot.items()
        ]
        return self._append(conn, tombstones, unchecked=grond)

    def purge(
        self, on: pendulum.Date, *, actor: ev.Actor, years: int = RETENTION_YEARS
    ) -> list[Recorded]:
        """Erase every family whose last event is more than ``years`` before ``on`` (7.3.8)."""
        cutoff = on.subtract(years=years).isoformat()
        try:
            with self._connect(write=True) as conn:
                last = sa.func.max(EVENTS.c.datum)
                stale = [
                    str(r.gezin)
                    for r in conn.execute(
                        sa.select(PERSONAL.c.gezin, last.label("last"))
                        .join(EVENTS, EVENTS.c.seq == PERSONAL.c.seq)
                        .where(PERSONAL.c.gezin.is_not(None))
                        .group_by(PERSONAL.c.gezin)
                        .having(last < cutoff)
                    )
                ]
                if not stale:
                    return []
                return self._erase(conn, stale, actor, on, JEUGDWET_BEWAARTERMIJN)
        finally:
            self._states, self._seq, self._snapshot_seq = {}, 0, 0


def _cited(bron: Citation | None) -> dict[str, str] | None:
    """The citation as the log keeps it: letter, section and quote, whatever else it carries."""
    if bron is None:
        return None
    return {"letter": bron.letter, "section": bron.section, "quote": bron.quote}


def _citation(data: dict[str, str]) -> Citation:
    return Citation(data["letter"], data["section"], data.get("quote", ""))


def _ref(event: ev.Event) -> str | None:
    value = getattr(event, "ref", None) or getattr(event, "zaak", None)
    return str(value) if value is not None else None


def _termijn(event: ev.Event) -> str | None:
    value = getattr(event, "termijn", None)
    return value.isoformat() if isinstance(value, pendulum.Date) else None


def _envelope(
    seq: int,
    event: ev.Event,
    recorded_at: str,
    payload: dict[str, Any],
    bron: Any,
    versions: dict[str, str],
    digest: str | None,
    ref: str | None,
    termijn: str | None,
) -> dict[str, Any]:
    return {
        "seq": seq,
        "kind": event.KIND,
        "recorded_at": recorded_at,
        "payload": payload,
        "bron": bron,
        "versions": versions,
        "personal_digest": digest,
        "ref": ref,
        "termijn": termijn,
    }


def _check_row(row: Any, previous: str, expected: int) -> list[str]:
    """What is wrong with one stored event, given the one before it."""
    problems: list[str] = []
    if row.seq != expected:
        problems.append(
            _("event {first} removed: the chain jumps to event {seq}", first=expected, seq=row.seq)
            if row.seq - 1 == expected
            else _(
                "event {first} to {last} removed: the chain jumps to event {seq}",
                first=expected,
                last=row.seq - 1,
                seq=row.seq,
            )
        )
    if row.prev_hash != previous:
        problems.append(
            _("event {seq}: does not follow the event before it (previous hash)", seq=row.seq)
        )
    try:
        payload = json.loads(row.payload)
        envelope = {
            "seq": row.seq,
            "kind": row.kind,
            "recorded_at": row.recorded_at,
            "payload": payload,
            "bron": json.loads(row.bron) if row.bron is not None else None,
            "versions": json.loads(row.versions),
            "personal_digest": row.personal_digest,
            "ref": row.ref,
            "termijn": row.termijn,
        }
    except ValueError:
        return [*problems, _("event {seq}: changed (its stored form is not JSON)", seq=row.seq)]
    if codec.chain_hash(row.prev_hash, envelope) != row.hash:
        problems.append(
            _("event {seq}: changed (its hash does not match what is stored)", seq=row.seq)
        )
    elif (
        payload.get("pilot") != row.pilot
        or payload.get("datum") != row.datum
        or row.kind not in ev.EVENT_KINDS
    ):
        problems.append(
            _("event {seq}: changed (its columns do not match its content)", seq=row.seq)
        )
    return problems
