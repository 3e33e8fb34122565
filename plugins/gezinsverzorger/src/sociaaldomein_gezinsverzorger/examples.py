"""Example families that show every outcome the pilot can give, on :data:`EXAMPLE_DATE`.

The pilot gives ELIGIBLE (a place with the gezinsverzorger), REFERRED (to a
gezinscoach) and NOT_ELIGIBLE.  WAITLIST needs the pilot to be full, which an
assessment only knows from its ``occupancy``; the pilot has no regular route.

>>> from sociaaldomein import Gemeente
>>> from sociaaldomein_gezinsverzorger.plugin import GezinsverzorgerPilot
>>> groningen = Gemeente(plugins=[GezinsverzorgerPilot()])
>>> for text, gezin in example_families():
...     print(groningen.assess(gezin, EXAMPLE_DATE)["gezinsverzorger"].summary())
gezinsverzorger: eligible
gezinsverzorger: referred elsewhere -> gezinscoach
gezinsverzorger: eligible
gezinsverzorger: not eligible
gezinsverzorger: not eligible
"""

from __future__ import annotations

from typing import Final

import pendulum

from sociaaldomein import Gezin, Hulpvraag, Lid, LidRol, ZrmDomein, ZrmMeting, ZrmScores
from sociaaldomein_gezinsverzorger.messages import _

__all__ = ["EXAMPLE_DATE", "example_families"]

EXAMPLE_DATE: Final = pendulum.date(2022, 3, 1)
"""A day in the pilot's first year on which the descriptions hold."""

_ZRM_TAKEN: Final = pendulum.date(2022, 2, 15)
_HOUSEHOLD_NOW: Final = {
    ZrmDomein.FINANCIEN: 2,
    ZrmDomein.HUISELIJKE_RELATIES: 2,
    ZrmDomein.BASALE_ADL: 2,
    ZrmDomein.INSTRUMENTELE_ADL: 1,
}


def _zrm(achievable: int) -> ZrmMeting:
    haalbaar = {domein: max(level, achievable) for domein, level in _HOUSEHOLD_NOW.items()}
    return ZrmMeting(_ZRM_TAKEN, ZrmScores.of(_HOUSEHOLD_NOW), ZrmScores.of(haalbaar))


def _family(
    gezin_id: str,
    *,
    chronisch: bool = True,
    kind_geboren: pendulum.Date = pendulum.date(2014, 6, 1),
    zrm: ZrmMeting | None = None,
) -> Gezin:
    return Gezin(
        gezin_id,
        leden=[
            Lid(LidRol.OUDER, pendulum.date(1984, 4, 1), chronische_problematiek=chronisch),
            Lid(LidRol.KIND, kind_geboren),
        ],
        wijk="Selwerd",
        hulpvragen=[Hulpvraag.OVERNAME_HUISHOUDEN],
        zrm=zrm,
    )


def example_families() -> list[tuple[str, Gezin]]:
    """Five families, each with a one-line description of what the pilot decides and why."""
    return [
        (
            _(
                "A parent with chronic problems; the household must be taken over and no "
                "household domain can reach ZRM level 3: the gezinsverzorger (eligible)."
            ),
            _family("gv-voorbeeld-1", zrm=_zrm(achievable=2)),
        ),
        (
            _(
                "The same need, but every household domain is judged achievable at ZRM level 3: "
                "a gezinscoach (referred)."
            ),
            _family("gv-voorbeeld-2", zrm=_zrm(achievable=3)),
        ),
        (
            _(
                "A parent with chronic problems and no ZRM assessment yet: without one the family "
                "cannot be shown to fit the lighter gezinscoach, so it stays (eligible)."
            ),
            _family("gv-voorbeeld-3"),
        ),
        (
            _(
                "The household must be taken over, but no parent has chronic or structural "
                "problems (not eligible)."
            ),
            _family("gv-voorbeeld-4", chronisch=False, zrm=_zrm(achievable=2)),
        ),
        (
            _(
                "A parent with chronic problems whose only child is 19: the pilot is youth care "
                "(not eligible)."
            ),
            _family("gv-voorbeeld-5", kind_geboren=pendulum.date(2002, 9, 1)),
        ),
    ]
