"""The multiprobleem doorstart's people, families and dates, for the register's tests."""

from __future__ import annotations

from typing import Final

import pendulum
from sociaaldomein_multiprobleem import SAMENWERKINGSPARTNERS

from sociaaldomein import Money
from sociaaldomein.register import (
    Aanwijzing,
    Aanwijzingssoort,
    Actor,
    Event,
    Plaatsing,
    Rol,
)

P: Final = "multiprobleem"
PARTNERS: Final = tuple(str(p) for p in SAMENWERKINGSPARTNERS)
PROJECTLEIDER: Final = Actor("projectleider-1", Rol.PROJECTLEIDER)
COACH: Final = Actor("coach-1", Rol.GEZINSCOACH)
PARTNER: Final = Actor("partner-1", Rol.PARTNER)
BACKOFFICE: Final = Actor("backoffice-1", Rol.BACKOFFICE)
FG: Final = Actor("fg-1", Rol.FUNCTIONARIS_GEGEVENSBESCHERMING)
BEFORE_START: Final = pendulum.date(2010, 12, 15)
START: Final = pendulum.date(2011, 1, 3)
TOP10: Final = tuple(f"gezin-{i:02}" for i in range(1, 11))
GHP_POT: Final = Money(150_000)


def top10(families: tuple[str, ...] = TOP10) -> list[Event]:
    """The partners designate ``families`` before the start, all seven consenting."""
    return [
        Aanwijzing(
            pilot=P,
            actor=PROJECTLEIDER,
            datum=BEFORE_START,
            gezin=g,
            soort=Aanwijzingssoort.TOP10,
            partners=PARTNERS,
        )
        for g in families
    ]


def placed(gezin: str, on: pendulum.Date = START) -> Event:
    """``gezin`` placed in the doorstart ``on``."""
    return Plaatsing(pilot=P, actor=PROJECTLEIDER, datum=on, gezin=gezin)
