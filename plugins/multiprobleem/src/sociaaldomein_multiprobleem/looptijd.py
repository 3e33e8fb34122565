"""The looptijd: two readings of when the doorstart runs, because the sources differ.

* The agreement ("Functionele mandaatovereenkomst ...", opening paragraphs):
  "De doorstart wordt uitgevoerd van 1 januari 2011 tot 1 juli 2012", after the
  pilot ran "van 1 april 2009 tot 1 januari 2011".  This is
  :data:`LOOPTIJD_DOORSTART`, the plugin's default: the agreement is the text
  the partners sign, and it gives both dates outright.
* The letter ("Pilot multiprobleemgezinnen krachtwijken" and "Tenslotte"): the
  *two-year* pilot started on 1 April 2009 (so it was to end on 1 April 2011),
  and "het nodig de pilotduur met 15 maanden te verlengen tot 1 juli 2012".
  This is :data:`LOOPTIJD_VERLENGDE_PILOT`: the original pilot, extended, with
  its original end kept visible.  In this reading the doorstart is the
  extension, from 1 April 2011, the day on which "12. Financiën" counts the
  money left.

Both end on 1 July 2012; they differ in when the doorstart starts (and hence
until when the top 10 can be designated, see :mod:`.selection`).

>>> doorstart_periode(LOOPTIJD_DOORSTART).start
Date(2011, 1, 1)
>>> doorstart_periode(LOOPTIJD_VERLENGDE_PILOT).start
Date(2011, 4, 1)
>>> LOOPTIJD_VERLENGDE_PILOT.oorspronkelijk_eind, LOOPTIJD_VERLENGDE_PILOT.eind
(Date(2011, 4, 1), Date(2012, 7, 1))
"""

from __future__ import annotations

from typing import Final

import pendulum

from sociaaldomein import Looptijd, Periode
from sociaaldomein_multiprobleem.letter import TENSLOTTE

__all__ = ["LOOPTIJD_DOORSTART", "LOOPTIJD_VERLENGDE_PILOT", "doorstart_periode"]

LOOPTIJD_DOORSTART: Final = Looptijd(pendulum.date(2011, 1, 1), pendulum.date(2012, 7, 1))
"""The agreement's reading: the doorstart from 1 January 2011 to 1 July 2012 (the default)."""

LOOPTIJD_VERLENGDE_PILOT: Final = Looptijd(
    pendulum.date(2009, 4, 1), pendulum.date(2011, 4, 1)
).extend(
    pendulum.date(2012, 7, 1),
    reason="doorstart: de pilotduur met 15 maanden verlengd tot 1 juli 2012",
    decided_on=pendulum.date(2011, 1, 31),
    source=TENSLOTTE,
)
"""The letter's reading: the two-year pilot from 1 April 2009, extended by 15 months."""


def doorstart_periode(looptijd: Looptijd) -> Periode:
    """The period of the doorstart itself within ``looptijd``.

    For a looptijd that was extended (the letter's reading) the doorstart is
    the extension, from the original end; otherwise it is the whole looptijd
    (the agreement's reading).
    """
    if looptijd.is_extended:
        return Periode(looptijd.oorspronkelijk_eind, looptijd.eind)
    return looptijd.periode
