"""SAMEN.'s rules give the same outcome for a cohort as family by family.

Design record 2 and 16: one rule definition explains a verdict and evaluates a
cohort, and both must agree, including the phased-intake Predicate, whose
vector form reads the referrer codes of the cohort.
"""

from __future__ import annotations

import pendulum
from hypothesis import given, settings
from hypothesis import strategies as st
from sociaaldomein_samen import SamenPilot

from sociaaldomein import Gemeente, Gezin, Hulpvraag, Verwijzer
from sociaaldomein.testing import assert_outcomes_agree
from sociaaldomein.testing.strategies import dates, gezinnen

_YOUTH_CARE = st.frozensets(
    st.sampled_from(
        [
            Hulpvraag.JEUGDHULP_BEGELEIDING,
            Hulpvraag.JEUGDHULP_LICHTE_BEHANDELING,
            Hulpvraag.JEUGDHULP_SPECIALISTISCH,
        ]
    )
)
FAMILIES = st.lists(
    gezinnen(hulpvragen=st.one_of(_YOUTH_CARE, st.frozensets(st.sampled_from(Hulpvraag)))),
    min_size=1,
    max_size=30,
)
ON = st.one_of(dates(2023, 2025), dates(2022, 2026))
# Any plan whose dates lie before the Open House ends (1 July 2025), any fallback referrer.
PLUGINS = st.builds(
    SamenPilot,
    phasing=st.one_of(
        st.just(None),
        st.dictionaries(
            st.sampled_from(Verwijzer),
            dates(2022, 2025).filter(lambda d: d < pendulum.date(2025, 7, 1)),
        ),
    ).map(lambda plan: {} if plan is None else plan),
    unknown_referrer_as=st.one_of(st.none(), st.sampled_from(Verwijzer)),
)


@settings(max_examples=200, deadline=None)
@given(families=FAMILIES, plugin=st.one_of(st.just(SamenPilot()), PLUGINS), data=st.data())
def test_cohort_outcomes_equal_the_verdicts_of_each_family(
    families: list[Gezin], plugin: SamenPilot, data: st.DataObject
) -> None:
    """002_3dca2c59337eb1a8.txt: the access ("Wat verstaan we onder ..."), specialist care out
    ("De taak SAMEN, in relatie tot ...") and phased intake ("Gezamenlijk proces, ..."),
    scalar and vectorised alike."""
    # Half the time a phase-in day of the plan or the day before it: the boundary.
    edges = [d.add(days=shift) for d in plugin.phasing.values() for shift in (-1, 0)]
    on = data.draw(st.one_of(ON, st.sampled_from(edges)) if edges else ON, label="on")
    assert_outcomes_agree(Gemeente(plugins=[plugin]), "samen", families, on)
