"""Phased intake: from which day each referrer's new families go to WIJ Groningen.

002_3dca2c59337eb1a8.txt, "Gezamenlijk proces, veranderstrategie en
aansturing": "We beginnen klein, met ingang van 1 januari 2023 ... waarbij we
gefaseerd nieuwe instroom van verschillende verwijzers door WIJ Groningen laten
uitvoeren", so that the municipality can "versnellen en vertragen"; and
"Afsluitend": fully operational by the end of 2024.

The letter gives only the start and the end.  The dates in between are the
library's reading, a parameter of the plugin (``phasing``):

=========================== ============ =============================================
referrer (iJw COD327)       from         why then
=========================== ============ =============================================
01 gemeente                 1 Jan 2023   WIJ's own access: "we beginnen klein"
03 jeugdarts                1 Jul 2023   the JGZ already works beside WIJ in the wijk
06 zelfverwijzer/geen       1 Jul 2023   families that come on their own, mostly to WIJ
02 huisarts                 1 Jan 2024   the largest stream, after a year of experience
05 medisch specialist       1 Jul 2024   fewer families, often with heavier questions
04 gecertificeerde inst.    1 Oct 2024   youth protection last, before the end of 2024
08 rechter, OvJ, JJI        1 Oct 2024   idem
=========================== ============ =============================================

A referrer left out of a plan is never phased in: its new families keep the
regular route.  A family without a recorded referrer counts as referred by
``unknown_referrer_as``, by default the gemeente, because WIJ Groningen is the
municipal access to youth care ("Wat verstaan we onder de taak SAMEN. bij WIJ
Groningen": "WIJ Groningen biedt op dit moment al toegang tot de jeugdhulp");
``None`` sends such families the regular route instead.

>>> from sociaaldomein import Lid, LidRol
>>> huisarts = Gezin("g1", [Lid(LidRol.KIND, pendulum.date(2015, 1, 1))],
...                  verwijzer=Verwijzer.HUISARTS)
>>> DEFAULT_PHASING[Verwijzer.HUISARTS]
Date(2024, 1, 1)
>>> [not_yet_phased_in().passes(huisarts, pendulum.date(2023, 12, d)) for d in (31, 1)]
[True, True]
>>> not_yet_phased_in().passes(huisarts, pendulum.date(2024, 1, 1))
False
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

import numpy as np
import numpy.typing as npt
import pendulum

from sociaaldomein import (
    FEITEN,
    Cohort,
    Gezin,
    Outcome,
    Predicate,
    Route,
    Verwijzer,
)
from sociaaldomein_samen.letter import FASERING, VANGNET
from sociaaldomein_samen.messages import _

__all__ = [
    "ASSUMED",
    "DEFAULT_PHASING",
    "OPEN_HOUSE",
    "START",
    "not_yet_phased_in",
    "phase_in_date",
    "regular_route",
]

START: Final = pendulum.date(2023, 1, 1)
"""WIJ Groningen carries out SAMEN. from 1 January 2023 ("Gezamenlijk proces ...")."""

DEFAULT_PHASING: Final[Mapping[Verwijzer, pendulum.Date]] = MappingProxyType(
    {
        Verwijzer.GEMEENTE: START,
        Verwijzer.JEUGDARTS: pendulum.date(2023, 7, 1),
        Verwijzer.ZELFVERWIJZER: pendulum.date(2023, 7, 1),
        Verwijzer.HUISARTS: pendulum.date(2024, 1, 1),
        Verwijzer.MEDISCH_SPECIALIST: pendulum.date(2024, 7, 1),
        Verwijzer.GECERTIFICEERDE_INSTELLING: pendulum.date(2024, 10, 1),
        Verwijzer.RECHTER_OVJ_JJI: pendulum.date(2024, 10, 1),
    }
)
"""From which day each referrer's new families go to WIJ: the library's reading (see above)."""

ASSUMED: Final = _(
    "the library's assumption, not the letter's: the letter gives only the start on "
    "1 January 2023 and full operation by the end of 2024"
)
"""How every shown phasing date of :data:`DEFAULT_PHASING` is marked, in a rule and a reason."""

OPEN_HOUSE: Final = "Open House aanbieders op indicatie"
"""The regular route: providers contracted through the Open House, on indicatie."""

# The columnar cohort codes a referrer as its position in Verwijzer plus one, 0 for unknown.
_NEVER: Final = np.iinfo(np.int64).max


def phase_in_date(
    verwijzer: Verwijzer | None,
    phasing: Mapping[Verwijzer, pendulum.Date] = DEFAULT_PHASING,
    unknown_referrer_as: Verwijzer | None = Verwijzer.GEMEENTE,
) -> pendulum.Date | None:
    """The day from which new families of ``verwijzer`` go to WIJ (``None``: not in the plan)."""
    referrer = verwijzer if verwijzer is not None else unknown_referrer_as
    return None if referrer is None else phasing.get(referrer)


def not_yet_phased_in(
    phasing: Mapping[Verwijzer, pendulum.Date] = DEFAULT_PHASING,
    unknown_referrer_as: Verwijzer | None = Verwijzer.GEMEENTE,
) -> Predicate:
    """The rule "this family's referrer is not phased in yet", for one family and for a cohort."""

    def scalar(gezin: Gezin, on: pendulum.Date) -> bool:
        start = phase_in_date(gezin.verwijzer, phasing, unknown_referrer_as)
        return start is None or on < start

    # Phase-in day (as an ordinal) per cohort code: code 0 is an unknown referrer.
    unknown = phase_in_date(None, phasing, unknown_referrer_as)
    by_code = np.array(
        [
            _NEVER if day is None else day.toordinal()
            for day in (unknown, *(phasing.get(member) for member in Verwijzer))
        ],
        dtype=np.int64,
    )

    def vector(cohort: Cohort, on: pendulum.Date) -> npt.NDArray[np.bool_]:
        # A yes/no per referrer code, then one gather over the narrow code column:
        # no widened copy of a million codes, no million comparisons.
        not_yet: npt.NDArray[np.bool_] = np.take(
            by_code > on.toordinal(), cohort.column("verwijzer")
        )
        return not_yet

    own = dict(phasing) == dict(DEFAULT_PHASING)
    whose = ASSUMED if own else _("the municipality's phasing plan")

    def observe(gezin: Gezin, on: pendulum.Date) -> str:
        if gezin.verwijzer is None:
            who = _(
                "no referrer recorded, taken as {referrer}",
                referrer=_("nobody") if unknown_referrer_as is None else unknown_referrer_as,
            )
        else:
            who = _("referrer {referrer}", referrer=gezin.verwijzer)
        start = phase_in_date(gezin.verwijzer, phasing, unknown_referrer_as)
        if start is None:
            return _("{who}, not in the phasing plan", who=who)
        return _(
            "{who}, new families to WIJ Groningen from {date} ({whose})",
            who=who,
            date=start.isoformat(),
            whose=whose,
        )

    return Predicate(
        _(
            "the referrer's new families do not go to WIJ Groningen yet (phased intake; the "
            "dates per referrer are the library's, an assumption)"
        )
        if own
        else _(
            "the referrer's new families do not go to WIJ Groningen yet (phased intake; the "
            "dates per referrer are the municipality's)"
        ),
        scalar,
        vector,
        observe,
        source=FASERING,
        facts=[FEITEN.verwijzer],
    )


def regular_route(
    phasing: Mapping[Verwijzer, pendulum.Date] = DEFAULT_PHASING,
    unknown_referrer_as: Verwijzer | None = Verwijzer.GEMEENTE,
) -> Route:
    """The route of a family whose referrer is not phased in yet: the Open House providers."""
    return Route(
        when=not_yet_phased_in(phasing, unknown_referrer_as),
        outcome=Outcome.REGULAR_ROUTE,
        to=OPEN_HOUSE,
        reason=_(
            "the referrer's new families are not yet taken on by WIJ Groningen (phased "
            "intake); the Open House contracts stay in force as the safety net"
        ),
        source=VANGNET,
    )
