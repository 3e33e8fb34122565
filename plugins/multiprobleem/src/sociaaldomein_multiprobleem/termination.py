"""When the doorstart ends: its looptijd, a vote of four of the seven partners, or no inflow.

* 003_720c15da674da257.txt, "13. Beëindiging": during its term the agreement
  ends only if "ten minste vier van de zeven samenwerkingspartners daartoe
  schriftelijk de wens te kennen geven", and the partners first settle the
  consequences ("alvorens de pilot te beëindigen, een regeling voor de gevolgen").
* "Doorstart": the doorstart goes ahead only with guaranteed inflow, which the
  selection decides (:meth:`.selection.Selectie.instroom_gegarandeerd`).
* The looptijd ends on 1 July 2012 in both readings (:mod:`.looptijd`).

>>> import pendulum
>>> from sociaaldomein import Opzegverzoek
>>> verzoeken = [Opzegverzoek(p, pendulum.date(2011, 9, 1), schriftelijk=True)
...              for p in SAMENWERKINGSPARTNERS[:4]]
>>> OPZEGREGELING.decide(verzoeken, pendulum.date(2011, 9, 2), gevolgen_geregeld=True).ended
True
"""

from __future__ import annotations

from typing import Final

from sociaaldomein import (
    Citation,
    EindeLooptijd,
    GeenGegarandeerdeInstroom,
    Opzegregeling,
    PartnerOpzegging,
    PilotEindregel,
)
from sociaaldomein.compat import renamed_attribute
from sociaaldomein_multiprobleem.letter import BEEINDIGING, DOORSTART, OVEREENKOMST
from sociaaldomein_multiprobleem.partners import SAMENWERKINGSPARTNERS

__all__ = ["MIN_OPZEGGERS", "OPZEGREGELING", "opzegregeling", "pilot_termination"]

MIN_OPZEGGERS: Final = 4
"""003, "13. Beëindiging": "ten minste vier van de zeven samenwerkingspartners"."""


def opzegregeling(minimum: int = MIN_OPZEGGERS) -> Opzegregeling:
    """Ending during the term: ``minimum`` of the seven ask in writing, consequences settled."""
    return Opzegregeling(
        minimum,
        SAMENWERKINGSPARTNERS,
        schriftelijk=True,
        regeling_gevolgen_vereist=True,
        bron=BEEINDIGING,
    )


OPZEGREGELING: Final = opzegregeling()
"""The letter's rule: four of the seven, in writing, consequences settled first."""


def pilot_termination(
    regeling: Opzegregeling = OPZEGREGELING, *, looptijd_bron: Citation = OVEREENKOMST
) -> list[PilotEindregel]:
    """The termination rules of the doorstart, for ``sociaaldomein_pilot_termination``.

    ``looptijd_bron`` is where the end date comes from: the agreement, or the
    letter's "Tenslotte" for the extended pilot.
    """
    return [
        EindeLooptijd(looptijd_bron),
        PartnerOpzegging(regeling, BEEINDIGING),
        GeenGegarandeerdeInstroom(DOORSTART),
    ]


_RENAMED: Final = {
    "eindregels": "pilot_termination",
}
"""0.1 names, importable with a DeprecationWarning until 0.3."""


def __getattr__(name: str) -> object:
    return renamed_attribute(__name__, name, _RENAMED)
