"""The register on SQLite: appending events, the state of a pilot, overdue escalations.

The log is the multiprobleem doorstart's, with every kind of event the rules
allow in bulk, 20 events per family cycle: an assessment, the waitlist and a
referral, an Awb case from melding to beschikking, an escalation raised,
escalated and (nine times in ten) aligned, an advice to Sozawe followed and
decided for one of the 20 designated families, a GHP purchase and its payment,
running costs and four measurements.  Every event is checked by the pilot's
rules and hash-chained, as a user's would be.  Five figures:

* events appended a second in batches of 1,000 (``record_many``, one
  transaction each), against a plain ``executemany`` of the same stored rows
  without checks or chain (the peer, for scale);
* events appended a second one by one, each its own durable transaction
  (WAL, ``synchronous=FULL``, the default), against plain sqlite3 commits of one
  row each with the same settings: the disk's flush, not the register, sets
  this rate, so where plain sqlite3 itself stays under 1,000 a second the
  target is the ratio (at least 0.8 of the disk's own rate);
* the same with ``durable=False`` (WAL, ``synchronous=NORMAL``: a killed
  process loses nothing, a power cut may lose the last commits), against plain
  sqlite3 with those settings;
* the state of the pilot with 100,000 events in a fresh process: opening the
  register and ``state()``, as ``sociaaldomein register state`` pays it after
  start-up (the snapshot the register keeps while writing included; the fold
  of the whole log without it is reported beside it);
* overdue escalations at 100,000 events, from the index.

Five repetitions each, interleaved with the peer where there is one; the
build of the 100,000-event log is not timed.  ``quick`` runs a 2,000-event log
once.
"""

from __future__ import annotations

import itertools
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Final, TypedDict

import pendulum
from harness import REPEAT, figure, interleave
from sociaaldomein_multiprobleem import SAMENWERKINGSPARTNERS, SOZAWE, MultiprobleemPilot

from sociaaldomein import Gemeente, Money
from sociaaldomein.register import (
    Aanwijzing,
    Aanwijzingssoort,
    Actor,
    Antwoord,
    AwbAanvraag,
    AwbBeschikking,
    AwbMelding,
    AwbOnderzoek,
    Backofficebesluit,
    Beoordeling,
    Betaling,
    Doorverwijzing,
    EscalatieAfgestemd,
    EscalatieGestart,
    EscalatieOpgeschaald,
    Event,
    GhpAankoop,
    Instellingsantwoord,
    MandaatAdvies,
    Meting,
    Register,
    Rol,
    Uitgave,
    Wachtlijst,
)

P: Final = "multiprobleem"
EVENTS_AT_SIZE: Final = 100_000
BATCH: Final = 1_000
ONE_BY_ONE: Final = 300
PROJECTLEIDER: Final = Actor("projectleider-1", Rol.PROJECTLEIDER)
COACH: Final = Actor("coach-1", Rol.GEZINSCOACH)
DAY: Final = pendulum.date(2011, 3, 1)
LATER: Final = pendulum.date(2011, 6, 1)
DESIGNATED: Final = tuple(f"gezin-{i:02}" for i in range(1, 21))
EXPLOITATIE: Final = "exploitatie doorstart incl. externe deskundigheid en gezinscoaches"


def _designations() -> list[Event]:
    partners = [str(p) for p in SAMENWERKINGSPARTNERS]
    return [
        Aanwijzing(
            pilot=P,
            actor=PROJECTLEIDER,
            datum=pendulum.date(2010, 12, 15) if i < 10 else DAY,
            gezin=g,
            soort=Aanwijzingssoort.TOP10 if i < 10 else Aanwijzingssoort.AANVULLING,
            partners=partners,
        )
        for i, g in enumerate(DESIGNATED)
    ]


class _Common(TypedDict):
    pilot: str
    actor: Actor
    datum: pendulum.Date


def _cycle(n: int) -> list[Event]:
    """Twenty events about family ``n`` and its cases."""
    g, chosen = f"f-{n}", DESIGNATED[n % len(DESIGNATED)]
    kw: _Common = {"pilot": P, "actor": COACH, "datum": DAY}
    cycle: list[Event] = [
        Beoordeling(**kw, gezin=g, uitkomst="ELIGIBLE", redenen=("3 problems",)),
        Wachtlijst(**kw, gezin=g),
        AwbMelding(**kw, zaak=f"z-{n}", gezin=g),
        AwbOnderzoek(**kw, zaak=f"z-{n}"),
        AwbAanvraag(**kw, zaak=f"z-{n}"),
        AwbBeschikking(**kw, zaak=f"z-{n}", besluit="toegekend"),
        Doorverwijzing(**kw, gezin=g, naar="Elker"),
        EscalatieGestart(**kw, ref=f"e-{n}", gezin=g, partner="Elker"),
        EscalatieOpgeschaald(**kw, ref=f"e-{n}"),
        MandaatAdvies(**kw, ref=f"a-{n}", gezin=chosen, instelling=SOZAWE, besluit="Openen BBR"),
        Instellingsantwoord(**kw, ref=f"a-{n}", antwoord=Antwoord.OPGEVOLGD),
        Backofficebesluit(**kw, ref=f"a-{n}", kenmerk=f"BB-{n}"),
        GhpAankoop(**kw, ref=f"k-{n}", gezin=chosen, omschrijving="x", bedrag=Money(1)),
        Betaling(**kw, ref=f"k-{n}", bedrag=Money(1)),
        Uitgave(**kw, regel=EXPLOITATIE, bedrag=Money(1)),
        *(
            Meting(**kw, indicator="gezinnen in de aanpak", waarde=Decimal(n % 20))
            for _ in range(4)
        ),
    ]
    if n % 10:  # one escalation in ten is left open, and is overdue later
        cycle.append(EscalatieAfgestemd(**kw, ref=f"e-{n}"))
    else:
        cycle.append(Meting(**kw, indicator="gezinnen in de aanpak", waarde=Decimal(0)))
    return cycle


def _events(start: int = 0) -> Iterator[Event]:
    for n in itertools.count(start):
        yield from _cycle(n)


def _gemeente() -> Gemeente:
    return Gemeente("Groningen", plugins=[MultiprobleemPilot()])


def _new(folder: Path, name: str, *, durable: bool = True) -> Register:
    register = Register.open(
        folder / f"{name}.db", gemeente=_gemeente(), create=True, durable=durable
    )
    register.record_many(_designations())
    return register


def _build(path: Path, size: int) -> None:
    with Register.open(path, gemeente=_gemeente(), create=True) as register:
        register.record_many(_designations())
        events = _events()
        written = len(DESIGNATED)
        while written < size:
            register.record_many(itertools.islice(events, min(5_000, size - written)))
            written = min(size, written + 5_000)


_COLD = """
import sys, time
sys.path.insert(0, {here!r})
import register as bench
from sociaaldomein.register import Register
start = time.perf_counter()
with Register.open({path!r}, gemeente=bench._gemeente()) as r:
    {prepare}
    r.state(bench.P)
print(time.perf_counter() - start)
"""


def _fresh_state(path: Path, *, snapshot: bool) -> float:
    prepare = "pass" if snapshot else "r._load_snapshot = lambda conn: None"
    code = _COLD.format(here=str(Path(__file__).parent), path=str(path), prepare=prepare)
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return float(done.stdout.strip().splitlines()[-1])


def _peer_rows(folder: Path, rows: list[tuple[int, str, str]], name: str) -> None:
    conn = sqlite3.connect(folder / f"{name}.db", isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE IF NOT EXISTS e (seq INTEGER PRIMARY KEY, kind TEXT, payload TEXT)")
    for i in range(0, len(rows), BATCH):
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO e VALUES (?, ?, ?)", rows[i : i + BATCH])
        conn.execute("COMMIT")
    conn.close()


def run(quick: bool = False) -> list[dict[str, object]]:
    """The five figures of the module's documentation."""
    repeat = 1 if quick else REPEAT
    size = 2_000 if quick else EVENTS_AT_SIZE
    batched = 2 * BATCH if quick else 5 * BATCH
    one_by_one = 20 if quick else ONE_BY_ONE
    out: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        runs = itertools.count()
        offsets = itertools.count(0, batched)
        rows = [(i, "meting", '{"x": 1}' * 20) for i in range(batched)]

        opened: list[Register] = []

        def fresh_register(name: str) -> None:
            for register in opened:
                register.close()
            opened[:] = [_new(folder, f"{name}{next(runs)}")]

        def append_batched() -> None:
            events = _events(next(offsets))
            for _ in range(batched // BATCH):
                opened[0].record_many(itertools.islice(events, BATCH))

        def peer() -> None:
            _peer_rows(folder, rows, f"p{next(runs)}")

        timings = interleave(
            {"register": append_batched, "executemany": peer},
            repeat=repeat,
            warmup=0,
            setup={"register": lambda: fresh_register("b")},
        )
        rate = batched / timings["register"].median
        out.append(
            figure(
                "register: events appended a second, in batches of 1,000 (SQLite)",
                rate,
                "events/s",
                ">= 5000 events/s",
                rate >= 5_000,
                peer="plain sqlite3 executemany of the rows, no checks or chain",
                peer_value=batched / timings["executemany"].median,
                note=(
                    f"{batched} events a repetition; best {batched / timings['register'].min:.0f}/s"
                ),
            )
        )

        def append_one_by_one() -> None:
            for event in itertools.islice(_events(next(offsets)), one_by_one):
                opened[0].record(event)

        for durable, synchronous in ((True, "FULL"), (False, "NORMAL")):

            def peer_one_by_one(synchronous: str = synchronous) -> None:
                conn = sqlite3.connect(folder / f"q{next(runs)}.db", isolation_level=None)
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute(f"PRAGMA synchronous={synchronous}")
                conn.execute("CREATE TABLE e (seq INTEGER PRIMARY KEY, payload TEXT)")
                for i in range(one_by_one):
                    conn.execute("BEGIN IMMEDIATE")
                    conn.execute("INSERT INTO e VALUES (?, ?)", (i, '{"x": 1}' * 20))
                    conn.execute("COMMIT")
                conn.close()

            def fresh(durable: bool = durable) -> None:
                for register in opened:
                    register.close()
                opened[:] = [_new(folder, f"o{next(runs)}", durable=durable)]

            timings = interleave(
                {"register": append_one_by_one, "commit": peer_one_by_one},
                repeat=repeat,
                warmup=0,
                setup={"register": fresh},
            )
            rate = one_by_one / timings["register"].median
            disk = one_by_one / timings["commit"].median
            ratio = rate / disk
            mode = "durable" if durable else "durable=False"
            out.append(
                figure(
                    f"register: events appended a second, one by one, {mode} (SQLite)",
                    rate,
                    "events/s",
                    ">= 1000 events/s, or >= 0.8 of plain sqlite3's rate where that is < 1000",
                    rate >= 1_000 or (disk < 1_000 and ratio >= 0.8),
                    peer=f"plain sqlite3, one commit a row, WAL, synchronous={synchronous}",
                    peer_value=disk,
                    note=(
                        f"{one_by_one} events, each its own transaction (WAL, "
                        f"synchronous={synchronous}); {ratio:.2f} of plain sqlite3's rate with "
                        "the same settings: "
                        + (
                            "the disk's flush is the limit"
                            if disk < 1_000
                            else "the disk allows more, the checks and the chain take the rest"
                        )
                        + (
                            ""
                            if durable
                            else "; a killed process loses nothing, a power cut the last commits"
                        )
                        + f"; best {one_by_one / timings['register'].min:.0f}/s"
                    ),
                )
            )
        for register in opened:
            register.close()

        big = folder / "big.db"
        _build(big, size)
        with_snapshot, without = [], []
        for _ in range(repeat):  # in turns, each in a fresh process
            with_snapshot.append(_fresh_state(big, snapshot=True))
            without.append(_fresh_state(big, snapshot=False))
        median = sorted(with_snapshot)[len(with_snapshot) // 2]
        out.append(
            figure(
                f"register: state of a pilot with {size:,} events, fresh process",
                median,
                "s",
                "<= 0.5 s",
                median <= 0.5,
                peer="the whole log folded, no snapshot",
                peer_value=sorted(without)[len(without) // 2],
                note=(
                    "opening the register and state() after start-up; the register keeps a "
                    f"snapshot while it writes; best {min(with_snapshot):.3f} s"
                ),
            )
        )
        with Register.open(big, gemeente=_gemeente()) as register:
            found: list[int] = []
            timings = interleave(
                {"overdue": lambda: found.append(len(register.overdue_escalations(P, LATER)))},
                repeat=repeat,
            )
        seconds = timings["overdue"].median
        out.append(
            figure(
                f"register: overdue escalations at {size:,} events",
                seconds * 1000,
                "ms",
                "<= 50 ms",
                seconds <= 0.05,
                note=(
                    f"{found[-1]} overdue of {size // 20:,} raised; from the index; "
                    f"best {timings['overdue'].min * 1000:.1f} ms"
                ),
            )
        )
    if quick:
        for f in out:
            f["note"] = f"quick run, not a measurement; {f['note']}"
    return out


if __name__ == "__main__":
    for line in run(quick="--quick" in sys.argv):
        print(line)
