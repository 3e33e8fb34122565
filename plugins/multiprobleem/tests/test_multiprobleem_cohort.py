"""The rule as a value: one family's verdict and a cohort's vectorised outcome agree.

003_720c15da674da257.txt, "DOEL" and "7. Toewijzing gezinnen", evaluated both ways
(design record 2: "Tests check that 1 and 2 always agree").
"""

from __future__ import annotations

import pendulum
from hypothesis import given, settings
from hypothesis import strategies as st
from sociaaldomein_multiprobleem import KRACHTWIJKEN, Aanvulling, MultiprobleemPilot

from sociaaldomein import (
    Citation,
    Dwangmiddel,
    Gemeente,
    Gezin,
    Lid,
    LidRol,
    Probleem,
    Signaal,
)
from sociaaldomein.testing import assert_outcomes_agree

WIJKEN = [
    "Indische Buurt",
    "de Hoogte",
    "tuinwijk",
    "Selwerd",
    "Paddepoel",
    "Beijum",
    "BEYUM",
    "Korrewegwijk",
    "indische BUURT",
    "Vinkhuizen",
    "Hoogkerk",
]


@st.composite
def gezinnen(draw: st.DrawFn) -> list[Gezin]:
    n = draw(st.integers(min_value=0, max_value=12))
    out = []
    for i in range(n):
        out.append(
            Gezin(
                f"g-{i}",
                [Lid(LidRol.OUDER, pendulum.date(1980, 1, 1))],
                wijk=draw(st.none() | st.sampled_from(WIJKEN)),
                problemen=draw(st.frozensets(st.sampled_from(list(Probleem)))),
                signalen=draw(st.frozensets(st.sampled_from(list(Signaal)))),
                dwangmiddelen=draw(st.frozensets(st.sampled_from(list(Dwangmiddel)))),
            )
        )
    return out


PLUGINS = [
    MultiprobleemPilot(),
    MultiprobleemPilot(krachtwijken=KRACHTWIJKEN, min_problemen=4),
    # a decision in the middle of the dates drawn: before it the wijken admit no family
    MultiprobleemPilot(
        aanvulling=Aanvulling(
            pendulum.date(2011, 9, 1), "the partners", Citation("verslag.txt", "punt 1")
        )
    ),
]


@settings(max_examples=200, deadline=None)
@given(
    families=gezinnen(),
    on=st.dates(pendulum.date(2010, 6, 1), pendulum.date(2012, 12, 31)).map(
        lambda d: pendulum.date(d.year, d.month, d.day)
    ),
    reading=st.sampled_from(range(len(PLUGINS))),
)
def test_cohort_outcomes_equal_per_family_decisions(
    families: list[Gezin], on: pendulum.Date, reading: int
) -> None:
    """003_720c15da674da257.txt, "DOEL" and "7. Toewijzing gezinnen": the vectorised rule decides
    as the explained one, for random families, dates and readings (capacity aside: it depends on
    arrival order)."""
    assert_outcomes_agree(
        Gemeente("Groningen", plugins=[PLUGINS[reading]]), "multiprobleem", families, on
    )
