"""Example families that show every outcome SAMEN. can give, on :data:`EXAMPLE_DATE`.

SAMEN. gives ELIGIBLE (WIJ Groningen helps), REFERRED (specialist youth care),
REGULAR_ROUTE (an Open House provider, the referrer is not phased in yet) and
NOT_ELIGIBLE.  It has no capacity, so no waitlist: the lumpsum covers all
basic youth care.

>>> from sociaaldomein import Gemeente
>>> from sociaaldomein_samen.plugin import SamenPilot
>>> groningen = Gemeente(plugins=[SamenPilot()])
>>> for text, gezin in example_families():
...     print(groningen.assess(gezin, EXAMPLE_DATE)["samen"].summary())
samen: eligible
samen: regular route -> Open House aanbieders op indicatie
samen: referred elsewhere -> specialistische jeugdhulp (regionaal ingekocht)
samen: eligible
samen: not eligible
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

import pendulum

from sociaaldomein import Gezin, Hulpvraag, Lid, LidRol, Verwijzer
from sociaaldomein_samen.messages import _

__all__ = ["EXAMPLE_DATE", "example_families"]

EXAMPLE_DATE: Final = pendulum.date(2023, 6, 1)
"""A day in SAMEN.'s first half year, before the huisarts is phased in (2024)."""


def _family(
    gezin_id: str,
    hulpvragen: Iterable[Hulpvraag],
    verwijzer: Verwijzer | None,
    *,
    kind_geboren: pendulum.Date = pendulum.date(2012, 9, 1),
) -> Gezin:
    return Gezin(
        gezin_id,
        leden=[Lid(LidRol.OUDER, pendulum.date(1983, 2, 1)), Lid(LidRol.KIND, kind_geboren)],
        wijk="Vinkhuizen",
        hulpvragen=hulpvragen,
        verwijzer=verwijzer,
    )


def example_families() -> list[tuple[str, Gezin]]:
    """Five families, each with a one-line description of what SAMEN. decides and why."""
    begeleiding = [Hulpvraag.JEUGDHULP_BEGELEIDING]
    return [
        (
            _(
                "A child needing begeleiding, referred by the WIJ team itself: WIJ Groningen "
                "helps (eligible)."
            ),
            _family("samen-voorbeeld-1", begeleiding, Verwijzer.GEMEENTE),
        ),
        (
            _(
                "A child sent by the huisarts for lichte behandeling before huisarts referrals "
                "are phased in (2024): an Open House provider (regular route)."
            ),
            _family(
                "samen-voorbeeld-2", [Hulpvraag.JEUGDHULP_LICHTE_BEHANDELING], Verwijzer.HUISARTS
            ),
        ),
        (
            _(
                "A child needing specialist youth care besides begeleiding: the regionally "
                "purchased specialist care (referred)."
            ),
            _family(
                "samen-voorbeeld-3",
                [Hulpvraag.JEUGDHULP_BEGELEIDING, Hulpvraag.JEUGDHULP_SPECIALISTISCH],
                Verwijzer.GEMEENTE,
            ),
        ),
        (
            _(
                "A child needing begeleiding with no referrer recorded: counted as WIJ's own "
                "access (eligible)."
            ),
            _family("samen-voorbeeld-4", begeleiding, None),
        ),
        (
            _(
                "An only child of 19 asking for begeleiding: no jeugdige, so not youth care "
                "(not eligible)."
            ),
            _family(
                "samen-voorbeeld-5",
                begeleiding,
                Verwijzer.GEMEENTE,
                kind_geboren=pendulum.date(2004, 1, 1),
            ),
        ),
    ]
