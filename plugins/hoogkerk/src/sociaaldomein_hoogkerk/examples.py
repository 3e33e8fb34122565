"""Example residents for the Proeftuin Hoogkerk: one per outcome and per reason to fail.

Made-up households, for the Groningen demo and the documentation.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

import pendulum

from sociaaldomein import Gezin, Hulpvraag, Lid, LidRol, Verwijzer
from sociaaldomein_hoogkerk.messages import _

__all__ = ["EXAMPLE_DATE", "example_families"]

EXAMPLE_DATE: Final = pendulum.date(2017, 3, 1)
"""When the example families show their outcomes: halfway through the proeftuin."""


def _gezin(
    gezin_id: str,
    *,
    wijk: str = "Hoogkerk",
    hulpvragen: Iterable[Hulpvraag] = (Hulpvraag.INDIVIDUELE_BEGELEIDING,),
    verwijzer: Verwijzer = Verwijzer.GEMEENTE,
    complexe_vraag: bool = False,
    leden: Iterable[Lid] = (Lid(LidRol.OUDER, pendulum.date(1971, 4, 8)),),
) -> Gezin:
    return Gezin(
        gezin_id,
        leden,
        wijk=wijk,
        hulpvragen=hulpvragen,
        verwijzer=verwijzer,
        complexe_vraag=complexe_vraag,
    )


def example_families() -> list[tuple[str, Gezin]]:
    """Eight households, each with a one-line description of what the proeftuin decides."""
    gezin_met_kind = (
        Lid(LidRol.OUDER, pendulum.date(1984, 1, 30)),
        Lid(LidRol.KIND, pendulum.date(2008, 7, 14)),
    )
    return [
        (
            _("Eligible: a Hoogkerk resident the WIJ-team refers for individual support."),
            _gezin("hk-begeleiding"),
        ),
        (
            _(
                "Eligible: a Hoogkerk family the WIJ-team refers for youth care, "
                "no indicatie needed."
            ),
            _gezin("hk-jeugd", hulpvragen=(Hulpvraag.JEUGDHULP_BEGELEIDING,), leden=gezin_met_kind),
        ),
        (
            _("Regular route: too complex for BT Hoogkerk, so a maatwerkbeschikking (ZIN or PGB)."),
            _gezin("hk-complex", hulpvragen=(Hulpvraag.DAGBESTEDING,), complexe_vraag=True),
        ),
        (
            _("Not eligible: lives in Vinkhuizen, not in Hoogkerk."),
            _gezin("hk-vinkhuizen", wijk="Vinkhuizen"),
        ),
        (
            _("Not eligible: the need is not youth care, individual support or day activities."),
            _gezin("hk-huishouden", hulpvragen=(Hulpvraag.OVERNAME_HUISHOUDEN,)),
        ),
        (
            _("Not eligible: referred by the huisarts, not by the WIJ-team."),
            _gezin("hk-huisarts", verwijzer=Verwijzer.HUISARTS),
        ),
        (
            _("Not eligible: specialist youth care only, which the regional inkoop buys."),
            _gezin(
                "hk-specialistisch",
                hulpvragen=(Hulpvraag.JEUGDHULP_SPECIALISTISCH,),
                leden=gezin_met_kind,
            ),
        ),
        (
            _("Not eligible: a youth-care need, but no minor in the household."),
            _gezin("hk-geen-kind", hulpvragen=(Hulpvraag.JEUGDHULP_BEGELEIDING,)),
        ),
    ]
