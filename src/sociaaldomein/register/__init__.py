"""A running pilot's register: its decisions as events on a database, chained and checked.

The layer above the composition (the simulation never imports it, and
``import sociaaldomein`` does not import it or SQLAlchemy): install it with
``pip install "sociaaldomein[register]"`` (and ``[postgres]`` for PostgreSQL).
See ``docs/register.md``.
"""

from __future__ import annotations

from sociaaldomein.register.errors import RefusedEventError, RegisterError, SchemaError
from sociaaldomein.register.events import (
    EVENT_KINDS,
    JZ588_VOLGENS_PLAN,
    Aanwijzing,
    Aanwijzingssoort,
    Actor,
    Afschaling,
    Antwoord,
    AwbAanvraag,
    AwbBeschikking,
    AwbBezwaar,
    AwbMelding,
    AwbOnderzoek,
    Backofficebesluit,
    Beoordeling,
    Betaling,
    Doorverwijzing,
    EscalatieAfgestemd,
    EscalatieGestart,
    EscalatieOpgeschaald,
    Event,
    Gevolgenregeling,
    GhpAankoop,
    Instellingsantwoord,
    MandaatAdvies,
    Meting,
    Opzegverzoek,
    Plaatsing,
    RegulierRoute,
    Rol,
    Stemuitslag,
    Trajecteinde,
    Trajectstart,
    Uitgave,
    Wachtlijst,
    Wissing,
)
from sociaaldomein.register.queries import AdviesTelling, BudgetLijn, Overdue
from sociaaldomein.register.state import PilotState
from sociaaldomein.register.store import Recorded, Register, Verification

__all__ = [
    "EVENT_KINDS",
    "JZ588_VOLGENS_PLAN",
    "Aanwijzing",
    "Aanwijzingssoort",
    "Actor",
    "AdviesTelling",
    "Afschaling",
    "Antwoord",
    "AwbAanvraag",
    "AwbBeschikking",
    "AwbBezwaar",
    "AwbMelding",
    "AwbOnderzoek",
    "Backofficebesluit",
    "Beoordeling",
    "Betaling",
    "BudgetLijn",
    "Doorverwijzing",
    "EscalatieAfgestemd",
    "EscalatieGestart",
    "EscalatieOpgeschaald",
    "Event",
    "Gevolgenregeling",
    "GhpAankoop",
    "Instellingsantwoord",
    "MandaatAdvies",
    "Meting",
    "Opzegverzoek",
    "Overdue",
    "PilotState",
    "Plaatsing",
    "Recorded",
    "RefusedEventError",
    "Register",
    "RegisterError",
    "RegulierRoute",
    "Rol",
    "SchemaError",
    "Stemuitslag",
    "Trajecteinde",
    "Trajectstart",
    "Uitgave",
    "Verification",
    "Wachtlijst",
    "Wissing",
]
