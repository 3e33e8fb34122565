"""Hypothesis strategies for property tests of rules and plugins.

>>> from hypothesis import given
>>> @given(gezinnen())
... def test_every_family_has_a_member(gezin):
...     assert gezin.leden
>>> test_every_family_has_a_member()
"""

from __future__ import annotations

from typing import Any

import pendulum
from hypothesis import strategies as st

from sociaaldomein.domain.gezin import (
    Dwangmiddel,
    Gezin,
    Hulpvraag,
    Leveringsvorm,
    Lid,
    LidRol,
    Probleem,
    Signaal,
    Verwijzer,
    Zorg,
    Zorgsoort,
    ZrmDomein,
    ZrmMeting,
    ZrmScores,
)

__all__ = ["WIJKEN", "dates", "gezinnen", "zrm_metingen", "zrm_scores"]

WIJKEN = (
    "Indische Buurt",
    "de Hoogte",
    "Tuinwijk",
    "Korrewegwijk",
    "Selwerd",
    "Paddepoel",
    "Beijum",
    "Hoogkerk",
    "Vinkhuizen",
)
"""Wijken of Groningen that the letters name, plus one they do not."""


def dates(start: int = 1940, end: int = 2030) -> st.SearchStrategy[pendulum.Date]:
    """Calendar dates between the years ``start`` and ``end``."""
    return st.dates(pendulum.date(start, 1, 1), pendulum.date(end, 12, 31)).map(
        lambda d: pendulum.Date(d.year, d.month, d.day)
    )


def zrm_scores() -> st.SearchStrategy[ZrmScores]:
    """ZRM 2017 scores with any subset of domains scored."""
    level = st.one_of(st.none(), st.integers(1, 5))
    return st.fixed_dictionaries({d.field: level for d in ZrmDomein}).map(
        lambda kw: ZrmScores(**kw)
    )


def zrm_metingen() -> st.SearchStrategy[ZrmMeting]:
    """ZRM measurements, sometimes with achievable levels."""
    return st.builds(
        ZrmMeting,
        afgenomen_op=dates(2015, 2026),
        huidig=zrm_scores(),
        haalbaar=st.one_of(st.none(), zrm_scores()),
    )


def _leden() -> st.SearchStrategy[list[Lid]]:
    ouder = st.builds(
        Lid, st.just(LidRol.OUDER), dates(1950, 2004), chronische_problematiek=st.booleans()
    )
    kind = st.builds(Lid, st.just(LidRol.KIND), dates(2000, 2026))
    return st.tuples(st.lists(ouder, min_size=1, max_size=2), st.lists(kind, max_size=4)).map(
        lambda pair: pair[0] + pair[1]
    )


def gezinnen(**overrides: st.SearchStrategy[Any]) -> st.SearchStrategy[Gezin]:
    """Valid families across the whole domain; pass strategies to fix any field."""
    zorg = st.builds(
        Zorg,
        st.sampled_from(Zorgsoort),
        st.sampled_from(Leveringsvorm),
        dates(2015, 2026),
        verwijzer=st.one_of(st.none(), st.sampled_from(Verwijzer)),
    )
    fields: dict[str, st.SearchStrategy[Any]] = {
        "id": st.uuids().map(lambda u: f"g-{u.hex[:12]}"),
        "leden": _leden(),
        "wijk": st.one_of(st.none(), st.sampled_from(WIJKEN)),
        "problemen": st.frozensets(st.sampled_from(Probleem)),
        "signalen": st.frozensets(st.sampled_from(Signaal)),
        "dwangmiddelen": st.frozensets(st.sampled_from(Dwangmiddel)),
        "aantal_hulpverleners": st.integers(0, 15),
        "zrm": st.one_of(st.none(), zrm_metingen()),
        "hulpvragen": st.frozensets(st.sampled_from(Hulpvraag)),
        "complexe_vraag": st.booleans(),
        "verwijzer": st.one_of(st.none(), st.sampled_from(Verwijzer)),
        "zorg": st.lists(zorg, max_size=2),
    }
    fields.update(overrides)
    return st.fixed_dictionaries(fields).map(lambda kw: Gezin(**kw))
