"""Example families for the doorstart: one per outcome and per reason to fail.

Made-up families, for the Groningen demo and the documentation.  The doorstart
has no routes, so its outcomes are eligible (or waitlisted when full) and not
eligible, for each of the four conditions of :mod:`.rules`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

import pendulum

from sociaaldomein import Dwangmiddel, Gezin, Lid, LidRol, Probleem, Signaal
from sociaaldomein_multiprobleem.messages import _

__all__ = ["EXAMPLE_DATE", "example_families"]

_VIER_PROBLEMEN = (
    Probleem.SCHULDEN,
    Probleem.GEEN_WERK,
    Probleem.VERSLAVING,
    Probleem.RELATIE_EN_OPVOEDINGSPROBLEMEN,
)

EXAMPLE_DATE: Final = pendulum.date(2011, 3, 1)
"""When the example families show their outcomes: two months into the doorstart."""


def _gezin(
    gezin_id: str,
    *,
    wijk: str = "Tuinwijk",
    problemen: Iterable[Probleem] = _VIER_PROBLEMEN,
    signalen: Iterable[Signaal] = (Signaal.KINDEREN_STRUCTUREEL_ONVEILIG,),
    dwangmiddelen: Iterable[Dwangmiddel] = (Dwangmiddel.ONDERTOEZICHTSTELLING,),
) -> Gezin:
    leden = [
        Lid(LidRol.OUDER, pendulum.date(1978, 6, 12)),
        Lid(LidRol.KIND, pendulum.date(2001, 2, 3)),
        Lid(LidRol.KIND, pendulum.date(2006, 9, 21)),
    ]
    return Gezin(
        gezin_id,
        leden,
        wijk=wijk,
        problemen=problemen,
        signalen=signalen,
        dwangmiddelen=dwangmiddelen,
        aantal_hulpverleners=7,
    )


def example_families() -> list[tuple[str, Gezin]]:
    """Six families, each with a one-line description of what the doorstart decides."""
    return [
        (
            _("Eligible: four problems, children unsafe, an OTS possible, lives in Tuinwijk."),
            _gezin("mpg-tuinwijk"),
        ),
        (
            _("Eligible: the same family in the Indische Buurt, a buurt of the Korrewegwijk."),
            _gezin("mpg-indische-buurt", wijk="Indische Buurt"),
        ),
        (
            _("Not eligible: two problems (debts, no work) is not a multiprobleemgezin."),
            _gezin("mpg-twee-problemen", problemen=(Probleem.SCHULDEN, Probleem.GEEN_WERK)),
        ),
        (
            _("Not eligible by (a): none of the five signals."),
            _gezin("mpg-geen-signaal", signalen=()),
        ),
        (
            _("Not eligible by (b): no partner can deploy a coercive instrument."),
            _gezin("mpg-geen-dwang", dwangmiddelen=()),
        ),
        (
            _("Not eligible by (c): lives in Vinkhuizen, outside the pilot's wijken."),
            _gezin("mpg-vinkhuizen", wijk="Vinkhuizen"),
        ),
    ]
