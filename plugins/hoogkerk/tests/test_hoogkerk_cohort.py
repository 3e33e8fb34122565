"""The rule as a value: one resident's verdict and a cohort's vectorised outcome agree.

004_b7ccad7045cc3ba8.txt, "Achtergrond van deze beweging", evaluated both ways
(design record 2: "Tests check that 1 and 2 always agree").
"""

from __future__ import annotations

import pendulum
from hypothesis import given, settings
from hypothesis import strategies as st
from sociaaldomein_hoogkerk import HoogkerkPilot

from sociaaldomein import Gemeente, Gezin, Hulpvraag, Lid, LidRol, Verwijzer
from sociaaldomein.testing import assert_outcomes_agree

WIJKEN = ["Hoogkerk", "hoogkerk ", "Vinkhuizen", "Tuinwijk"]
# Born so that the child turns 18 inside the dates drawn below, or is a minor or adult throughout.
KINDEREN = [pendulum.date(1995, 1, 1), pendulum.date(1999, 3, 1), pendulum.date(2010, 6, 1)]


@st.composite
def gezinnen(draw: st.DrawFn) -> list[Gezin]:
    n = draw(st.integers(min_value=0, max_value=12))
    return [
        Gezin(
            f"g-{i}",
            [
                Lid(LidRol.OUDER, pendulum.date(1975, 1, 1)),
                *(
                    [Lid(LidRol.KIND, draw(st.sampled_from(KINDEREN)))]
                    if draw(st.booleans())
                    else []
                ),
            ],
            wijk=draw(st.none() | st.sampled_from(WIJKEN)),
            hulpvragen=draw(st.frozensets(st.sampled_from(list(Hulpvraag)))),
            verwijzer=draw(st.none() | st.sampled_from(list(Verwijzer))),
            complexe_vraag=draw(st.booleans()),
        )
        for i in range(n)
    ]


PLUGINS = [
    HoogkerkPilot(),
    HoogkerkPilot(
        verwijzers=[Verwijzer.GEMEENTE, Verwijzer.HUISARTS],
        hulpvragen=[Hulpvraag.DAGBESTEDING],
    ),
    HoogkerkPilot(jeugd_alleen_in_samenhang=True),
    HoogkerkPilot(hulpvragen=[Hulpvraag.JEUGDHULP_SPECIALISTISCH]),
]


@settings(max_examples=200, deadline=None)
@given(
    families=gezinnen(),
    on=st.dates(pendulum.date(2016, 6, 1), pendulum.date(2018, 3, 31)).map(
        lambda d: pendulum.date(d.year, d.month, d.day)
    ),
    reading=st.sampled_from(range(len(PLUGINS))),
)
def test_cohort_outcomes_equal_per_family_decisions(
    families: list[Gezin], on: pendulum.Date, reading: int
) -> None:
    """004_b7ccad7045cc3ba8.txt, "Achtergrond van deze beweging": the vectorised rule and route
    decide as the explained ones, for random households, dates and readings."""
    assert_outcomes_agree(
        Gemeente("Groningen", plugins=[PLUGINS[reading]]), "hoogkerk", families, on
    )
