"""The derived state is the log folded again: whatever was recorded, refused or erased.

Random sequences of events (many of them refused by the rules) are recorded one
by one; the state the register keeps as it writes, the state a new process
folds from the database (starting from the last snapshot), and a replay of the
log are then equal, and the
indexed query for overdue escalations agrees with the fold on every day.
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Callable, Iterator
from decimal import Decimal

import pendulum
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sociaaldomein_multiprobleem import SOZAWE, MultiprobleemPilot

from sociaaldomein import Gemeente, Money
from sociaaldomein.register import (
    Aanwijzing,
    Aanwijzingssoort,
    Antwoord,
    Backofficebesluit,
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
    Opzegverzoek,
    RefusedEventError,
    Register,
    RegisterError,
    Stemuitslag,
    Trajecteinde,
    Trajectstart,
    Wachtlijst,
)

from .conftest import _drop_databases, _fresh_database
from .scenario import COACH, FG, PARTNER, PARTNERS, PROJECTLEIDER, P, placed

FAMILIES = [f"gezin-{i:02}" for i in range(1, 7)]
REFS = ["r1", "r2", "r3"]
days = st.dates(pendulum.date(2010, 12, 1), pendulum.date(2012, 8, 1)).map(
    lambda d: pendulum.date(d.year, d.month, d.day)
)
family = st.sampled_from(FAMILIES)
ref = st.sampled_from(REFS)


def _designation(g: str, day: pendulum.Date, top: bool) -> Event:
    soort = Aanwijzingssoort.TOP10 if top else Aanwijzingssoort.AANVULLING
    return Aanwijzing(
        pilot=P, actor=PROJECTLEIDER, datum=day, gezin=g, soort=soort, partners=PARTNERS
    )


events: st.SearchStrategy[Event | str] = st.one_of(
    st.builds(_designation, family, days, st.booleans()),
    st.builds(placed, family, days),
    st.builds(lambda g, d: Wachtlijst(pilot=P, actor=COACH, datum=d, gezin=g), family, days),
    st.builds(
        lambda g, d: Doorverwijzing(pilot=P, actor=COACH, datum=d, gezin=g, naar="Elker"),
        family,
        days,
    ),
    st.builds(lambda g, d: Trajectstart(pilot=P, actor=COACH, datum=d, gezin=g), family, days),
    st.builds(
        lambda g, d, c: Trajecteinde(pilot=P, actor=COACH, datum=d, gezin=g, reden_code=c),
        family,
        days,
        st.sampled_from(["31", "02"]),
    ),
    st.builds(
        lambda g, d, r: MandaatAdvies(
            pilot=P,
            actor=COACH,
            datum=d,
            ref=r,
            gezin=g,
            instelling=SOZAWE,
            besluit="Toekenning bijzondere bijstand",
        ),
        family,
        days,
        ref,
    ),
    st.builds(
        lambda d, r, a: Instellingsantwoord(pilot=P, actor=COACH, datum=d, ref=r, antwoord=a),
        days,
        ref,
        st.sampled_from([Antwoord.OPGEVOLGD, Antwoord.GEWEIGERD]),
    ),
    st.builds(
        lambda d, r: Backofficebesluit(pilot=P, actor=COACH, datum=d, ref=r, kenmerk="k"),
        days,
        ref,
    ),
    st.builds(
        lambda g, d, r: EscalatieGestart(
            pilot=P, actor=COACH, datum=d, ref=r, gezin=g, partner="Elker"
        ),
        family,
        days,
        ref,
    ),
    st.builds(lambda d, r: EscalatieOpgeschaald(pilot=P, actor=COACH, datum=d, ref=r), days, ref),
    st.builds(lambda d, r: EscalatieAfgestemd(pilot=P, actor=COACH, datum=d, ref=r), days, ref),
    st.builds(
        lambda g, d, r, n: GhpAankoop(
            pilot=P, actor=PROJECTLEIDER, datum=d, ref=r, gezin=g, bedrag=Money(n)
        ),
        family,
        days,
        ref,
        st.integers(1, 80_000),
    ),
    st.builds(
        lambda d, r, n: Betaling(pilot=P, actor=PROJECTLEIDER, datum=d, ref=r, bedrag=Money(n)),
        days,
        ref,
        st.integers(1, 80_000),
    ),
    st.builds(
        lambda d, p: Opzegverzoek(pilot=P, actor=PARTNER, datum=d, partner=p, schriftelijk=True),
        days,
        st.sampled_from(PARTNERS),
    ),
    st.builds(lambda d: Stemuitslag(pilot=P, actor=PROJECTLEIDER, datum=d), days),
    st.builds(
        lambda d, v: Meting(
            pilot=P, actor=COACH, datum=d, indicator="gezinnen in de aanpak", waarde=Decimal(v)
        ),
        days,
        st.integers(0, 20),
    ),
    family.map(lambda g: f"erase:{g}"),
)

_dbs = itertools.count()


@pytest.fixture
def fresh_url(
    engine: str, request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Callable[[], str]]:
    """A new empty database on the engine for each call (so for each hypothesis example)."""
    if engine == "sqlite":
        folder = tmp_path_factory.mktemp("state")
        yield lambda: str(folder / f"register-{next(_dbs)}.db")
        return
    server = request.getfixturevalue("postgres_server")
    try:
        yield lambda: _fresh_database(server)
    finally:
        _drop_databases(server)


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(events, max_size=40))
def test_the_state_kept_while_writing_is_a_replay_of_the_log(
    fresh_url: Callable[[], str], gemeente: Gemeente, script: list[Event | str]
) -> None:
    url = fresh_url()
    with Register.open(url, gemeente=gemeente, create=True) as register:
        register.snapshot_every = 5  # snapshots along the way, folded from by the next process
        # Four families designated and two placed, so that advices and purchases can bind.
        start = pendulum.date(2011, 1, 3)
        register.record_many(
            [
                *(_designation(g, pendulum.date(2010, 12, 15), top=True) for g in FAMILIES[:4]),
                placed(FAMILIES[0], start),
                placed(FAMILIES[1], start),
            ]
        )
        for step in script:
            if isinstance(step, str):
                # A family never recorded (or erased already) has nothing to erase.
                with contextlib.suppress(RegisterError):
                    register.erase(step.split(":")[1], actor=FG, datum=pendulum.date(2012, 9, 1))
                continue
            with contextlib.suppress(RefusedEventError):
                register.record(step)
        kept = register.state(P)
        assert register.verify().ok
    with Register.open(url, gemeente=gemeente) as fresh:
        fresh.snapshot_every = 5
        assert fresh.state(P) == kept
        assert fresh.replay(P) == kept
        for day in (
            pendulum.date(2011, 1, 10),
            pendulum.date(2011, 6, 1),
            pendulum.date(2012, 8, 1),
        ):
            indexed = [(o.ref, o.niveau, o.termijn) for o in fresh.overdue_escalations(P, day)]
            folded = [
                (e.ref, *level[::2])
                for e in kept.overdue_escalations(day)
                if (level := e.level_on(day)) is not None
            ]
            assert indexed == folded
    # The money never goes beyond the GHP-bound pot, whatever was tried.
    assert kept.ghp_committed() <= Money(150_000)
    assert all(r.betaald <= r.bedrag for r in kept.ghp.values())


@settings(max_examples=15, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        # the day before the start half the time, so that the top fills up too
        st.tuples(
            st.integers(0, 11), st.one_of(st.just(pendulum.date(2010, 12, 15)), days), st.booleans()
        ),
        max_size=30,
    )
)
def test_designations_never_exceed_the_plugins_split(
    fresh_url: Callable[[], str], attempts: list[tuple[int, pendulum.Date, bool]]
) -> None:
    """003 "7.": whatever is tried, at most the top before the start and the additions after."""
    split = MultiprobleemPilot(top=3, max_aanvullingen=2)
    regel = split.selectieregel
    with Register.open(fresh_url(), gemeente=Gemeente(plugins=[split]), create=True) as register:
        for n, day, top in attempts:
            before = register.state(P).aanwijzingen_per_soort
            soort = Aanwijzingssoort.TOP10 if top else Aanwijzingssoort.AANVULLING
            refused: RefusedEventError | None = None
            try:
                register.record(_designation(f"gezin-{n:02}", day, top))
            except RefusedEventError as error:
                refused = error
            if refused is not None and refused.field == "Aanwijzing.soort":
                # refused for the split: that kind was full, and the letter is cited
                assert before.get(soort, 0) == (regel.voor_start if top else regel.daarna)
                assert refused.bron == regel.bron
        counts = register.state(P).aanwijzingen_per_soort
    assert counts.get(Aanwijzingssoort.TOP10, 0) <= regel.voor_start
    assert counts.get(Aanwijzingssoort.AANVULLING, 0) <= regel.daarna
