"""The pilot's rules give the same outcome for a cohort as family by family.

Design record 2 and 16: one rule definition explains a verdict and evaluates a
cohort, and both must agree.  Capacity is left out: it depends on the order of
arrival (design record 18).
"""

from __future__ import annotations

import pendulum
from hypothesis import given, settings
from hypothesis import strategies as st
from sociaaldomein_gezinsverzorger import HOUSEHOLD_DOMAINS, GezinsverzorgerPilot

from sociaaldomein import Gemeente, Gezin, Hulpvraag, ZrmDomein, ZrmMeting
from sociaaldomein.testing import assert_outcomes_agree
from sociaaldomein.testing.strategies import dates, gezinnen, zrm_scores

# Families near the pilot's boundaries: often a household to take over, and a
# ZRM taken shortly before, on or after the assessment dates of ON (so that
# ``require_zrm`` meets recent, stale and future assessments).
_NEEDS = st.frozensets(st.sampled_from(Hulpvraag)).map(
    lambda needs: needs | {Hulpvraag.OVERNAME_HUISHOUDEN}
)
_ZRM = st.builds(
    ZrmMeting,
    afgenomen_op=st.dates(pendulum.date(2021, 11, 1), pendulum.date(2022, 4, 30)).map(
        lambda d: pendulum.date(d.year, d.month, d.day)
    ),
    huidig=zrm_scores(),
    haalbaar=st.one_of(st.none(), zrm_scores()),
)
FAMILIES = st.lists(
    gezinnen(
        hulpvragen=st.one_of(_NEEDS, st.frozensets(st.sampled_from(Hulpvraag))),
        zrm=st.one_of(st.none(), _ZRM),
    ),
    min_size=1,
    max_size=30,
)
ON = st.one_of(dates(2022, 2022), dates(2021, 2024))
PLUGINS = st.builds(
    GezinsverzorgerPilot,
    household_domains=st.one_of(
        st.just(HOUSEHOLD_DOMAINS),
        st.lists(st.sampled_from(ZrmDomein), min_size=1, max_size=4, unique=True),
    ),
    zrm_threshold=st.integers(1, 5),
    require_zrm=st.booleans(),
)


@settings(max_examples=200, deadline=None)
@given(families=FAMILIES, plugin=PLUGINS, on=ON)
def test_cohort_outcomes_equal_the_verdicts_of_each_family(
    families: list[Gezin], plugin: GezinsverzorgerPilot, on: pendulum.Date
) -> None:
    """000_6fd8bb18cab06410.txt: eligibility ("Bemensing pilot", "Initiatiefvoorstel", "Kosten
    pilot") and the gezinscoach route ("Initiatiefvoorstel"), scalar and vectorised alike."""
    assert_outcomes_agree(Gemeente(plugins=[plugin]), "gezinsverzorger", families, on)
