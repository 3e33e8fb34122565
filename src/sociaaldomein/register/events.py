"""The events a running pilot records: one typed, immutable class per kind.

Every event has the day it happened (``datum``), the pilot and the actor (a
person's pseudonymous id and :class:`Rol`); an event about one family has its
pseudonymous key in ``gezin``.  The register adds the sequence number, the
moment of writing, the rule or mandate the event was accepted under and the
library and plugin versions (:class:`~sociaaldomein.register.store.Recorded`).

Fields listed in a class's ``PERSONAL`` are personal data: the register keeps
them apart from the chain, so that erasure (Jeugdwet 7.3.9) removes them and the
chain still verifies.  An erased event reads back with those fields blank
(``gezin=None``, text ``""``).

>>> import pendulum
>>> from sociaaldomein.register.events import Actor, Plaatsing, Rol
>>> coach = Actor("medewerker-17", Rol.GEZINSCOACH)
>>> Plaatsing(pilot="multiprobleem", actor=coach, datum=pendulum.date(2011, 1, 3),
...           gezin="gezin-01").kind
'plaatsing'
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Any, ClassVar, Final

import attrs
import pendulum

from sociaaldomein._validators import (
    as_date,
    as_decimal,
    as_optional_date,
    is_date,
    is_decimal,
    is_optional_date,
    non_empty,
    one_of_type,
)
from sociaaldomein.domain.bsn import check_key, pseudonymous_key
from sociaaldomein.domain.budget import is_cents
from sociaaldomein.domain.money import Money
from sociaaldomein.errors import InvalidValueError

__all__ = [
    "EVENT_KINDS",
    "JZ588_VOLGENS_PLAN",
    "Aanwijzing",
    "Aanwijzingssoort",
    "Actor",
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
    "Plaatsing",
    "RegulierRoute",
    "Rol",
    "Stemuitslag",
    "Trajecteinde",
    "Trajectstart",
    "Uitgave",
    "Wachtlijst",
    "Wissing",
]

JZ588_VOLGENS_PLAN: Final = "31"
"""iJw codelist JZ588 (reden beëindiging): 31, "volgens plan"; the known codes are
:data:`sociaaldomein.register.jz588.REDEN_BEEINDIGING`, and the register refuses others."""


class Rol(enum.Enum):
    """The role in which a person acts for the pilot."""

    WIJ_MEDEWERKER = "WIJ-medewerker"
    GEZINSCOACH = "gezinscoach"
    PROJECTLEIDER = "projectleider"
    PARTNER = "vertegenwoordiger samenwerkingspartner"
    B_EN_W = "vertegenwoordiger B&W"
    BACKOFFICE = "backoffice instelling"
    EVALUATOR = "evaluator"
    FUNCTIONARIS_GEGEVENSBESCHERMING = "functionaris gegevensbescherming"


def _actor_id(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_key("Actor.id", value)


@attrs.frozen
class Actor:
    """Who acts: a person's pseudonymous id (never a BSN) and the role they act in."""

    id: str = attrs.field(validator=_actor_id)
    rol: Rol = attrs.field(validator=one_of_type(Rol))


def _optional_key(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        pseudonymous_key(instance, attribute, value)


def _text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise InvalidValueError(
            f"{type(instance).__name__}.{attribute.name}",
            f"must be text, got {type(value).__name__}",
        )


def _ref(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    # A reference names a case (an advice, an escalation, a purchase): a key, never a BSN.
    check_key(f"{type(instance).__name__}.{attribute.name}", value)


def _strs(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    return tuple(value) if isinstance(value, list | tuple) else value  # type: ignore[return-value]


def _all_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple) or not all(isinstance(v, str) for v in value):
        raise InvalidValueError(
            f"{type(instance).__name__}.{attribute.name}", "must be a list of texts"
        )


def _flag(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, bool):
        raise InvalidValueError(
            f"{type(instance).__name__}.{attribute.name}",
            f"must be true or false, got {type(value).__name__}",
        )


def _positive(instance: object, attribute: attrs.Attribute[Any], value: Money) -> None:
    if value <= Money.zero():
        raise InvalidValueError(
            f"{type(instance).__name__}.{attribute.name}",
            f"must be more than EUR 0,00, got {value}",
        )


def _gezin() -> Any:
    return attrs.field(default=None, validator=_optional_key)


@attrs.frozen(kw_only=True)
class Event:
    """What every event has: the pilot, the actor and the day it happened."""

    KIND: ClassVar[str] = ""
    PERSONAL: ClassVar[tuple[str, ...]] = ()
    """The fields that are personal data, kept apart from the chain and erasable."""

    pilot: str = attrs.field(validator=[one_of_type(str), non_empty])
    actor: Actor = attrs.field(validator=one_of_type(Actor))
    datum: pendulum.Date = attrs.field(converter=as_date, validator=is_date)

    @property
    def kind(self) -> str:
        """The kind of event, as stored and as ``record --kind`` names it."""
        return self.KIND


# intake -----------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Beoordeling(Event):
    """An assessment: the verdict and its reasons, as they were on the day."""

    KIND: ClassVar[str] = "beoordeling"
    PERSONAL: ClassVar[tuple[str, ...]] = ("gezin", "redenen")
    gezin: str | None = _gezin()
    uitkomst: str = attrs.field(validator=[one_of_type(str), non_empty])
    redenen: tuple[str, ...] = attrs.field(default=(), converter=_strs, validator=_all_text)


@attrs.frozen(kw_only=True)
class Plaatsing(Event):
    """A family is placed in the pilot."""

    KIND: ClassVar[str] = "plaatsing"
    PERSONAL: ClassVar[tuple[str, ...]] = ("gezin",)
    gezin: str | None = _gezin()


@attrs.frozen(kw_only=True)
class Wachtlijst(Event):
    """A family is put on the waitlist; its order is the order of these events' days."""

    KIND: ClassVar[str] = "wachtlijst"
    PERSONAL: ClassVar[tuple[str, ...]] = ("gezin",)
    gezin: str | None = _gezin()


@attrs.frozen(kw_only=True)
class Doorverwijzing(Event):
    """A family is referred elsewhere (``naar``), and leaves the waitlist if it was on it."""

    KIND: ClassVar[str] = "doorverwijzing"
    PERSONAL: ClassVar[tuple[str, ...]] = ("gezin",)
    gezin: str | None = _gezin()
    naar: str = attrs.field(validator=[one_of_type(str), non_empty])


@attrs.frozen(kw_only=True)
class RegulierRoute(Event):
    """A family goes the regular route (too complex for the pilot, say)."""

    KIND: ClassVar[str] = "reguliere_route"
    PERSONAL: ClassVar[tuple[str, ...]] = ("gezin", "toelichting")
    gezin: str | None = _gezin()
    toelichting: str = attrs.field(default="", validator=_text)


class Aanwijzingssoort(enum.Enum):
    """How partners designate a family (003, "7. Toewijzing gezinnen")."""

    TOP10 = "top 10, voorafgaande aan de start"
    AANVULLING = "aanvulling gedurende de pilot"


@attrs.frozen(kw_only=True)
class Aanwijzing(Event):
    """The partners designate one family; ``partners`` are those who consented."""

    KIND: ClassVar[str] = "aanwijzing"
    PERSONAL: ClassVar[tuple[str, ...]] = ("gezin",)
    gezin: str | None = _gezin()
    soort: Aanwijzingssoort = attrs.field(validator=one_of_type(Aanwijzingssoort))
    partners: tuple[str, ...] = attrs.field(converter=_strs, validator=_all_text)


# trajectory -------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Trajectstart(Event):
    """A placed family's trajectory starts."""

    KIND: ClassVar[str] = "trajectstart"
    PERSONAL: ClassVar[tuple[str, ...]] = ("gezin",)
    gezin: str | None = _gezin()


@attrs.frozen(kw_only=True)
class Afschaling(Event):
    """Help is scaled down (``naar``: to whom), the family stays in the pilot."""

    KIND: ClassVar[str] = "afschaling"
    PERSONAL: ClassVar[tuple[str, ...]] = ("gezin",)
    gezin: str | None = _gezin()
    naar: str = attrs.field(validator=[one_of_type(str), non_empty])


def _two_digits(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not (isinstance(value, str) and len(value) == 2 and value.isascii() and value.isdigit()):
        raise InvalidValueError(
            "Trajecteinde.reden_code", f"must be a two-digit JZ588 code such as '31', got {value!r}"
        )


@attrs.frozen(kw_only=True)
class Trajecteinde(Event):
    """A family's trajectory ends, with an iJw end-reason code (JZ588) and a reason."""

    KIND: ClassVar[str] = "trajecteinde"
    PERSONAL: ClassVar[tuple[str, ...]] = ("gezin", "toelichting")
    gezin: str | None = _gezin()
    reden_code: str = attrs.field(default=JZ588_VOLGENS_PLAN, validator=_two_digits)
    toelichting: str = attrs.field(default="", validator=_text)


# the functional mandate -------------------------------------------------------


@attrs.frozen(kw_only=True)
class MandaatAdvies(Event):
    """A coach's advice (``ref`` names it) to an institution on one decision for one family."""

    KIND: ClassVar[str] = "mandaat_advies"
    PERSONAL: ClassVar[tuple[str, ...]] = ("gezin",)
    ref: str = attrs.field(validator=_ref)
    gezin: str | None = _gezin()
    instelling: str = attrs.field(validator=[one_of_type(str), non_empty])
    besluit: str = attrs.field(validator=[one_of_type(str), non_empty])


class Antwoord(enum.Enum):
    """What an institution answers to an advice."""

    OPGEVOLGD = "opgevolgd"
    AFWIJKING = "afwijking op wettelijke grond"
    GEWEIGERD = "geweigerd"


@attrs.frozen(kw_only=True)
class Instellingsantwoord(Event):
    """The institution's answer to advice ``ref``: followed, a deviation in law, or refused."""

    KIND: ClassVar[str] = "instellingsantwoord"
    ref: str = attrs.field(validator=_ref)
    antwoord: Antwoord = attrs.field(validator=one_of_type(Antwoord))
    wettelijke_grond: str | None = attrs.field(default=None, validator=one_of_type(str, type(None)))


@attrs.frozen(kw_only=True)
class Backofficebesluit(Event):
    """The institution's back office turns followed advice ``ref`` into a formal decision."""

    KIND: ClassVar[str] = "backofficebesluit"
    ref: str = attrs.field(validator=_ref)
    kenmerk: str = attrs.field(validator=[one_of_type(str), non_empty])


# escalation -------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class EscalatieGestart(Event):
    """An escalation ``ref`` is raised about a partner; the register fills level and deadline.

    ``niveau``, ``houders`` and ``termijn`` come from the pilot's ladder: leave
    them out, or give them and the register checks them.
    """

    KIND: ClassVar[str] = "escalatie_gestart"
    PERSONAL: ClassVar[tuple[str, ...]] = ("gezin",)
    ref: str = attrs.field(validator=_ref)
    gezin: str | None = _gezin()
    partner: str = attrs.field(validator=[one_of_type(str), non_empty])
    wettelijke_verplichting: bool = attrs.field(default=False, validator=_flag)
    niveau: int | None = attrs.field(default=None, validator=one_of_type(int, type(None)))
    houders: tuple[str, ...] = attrs.field(default=(), converter=_strs, validator=_all_text)
    termijn: pendulum.Date | None = attrs.field(
        default=None, converter=as_optional_date, validator=is_optional_date
    )


@attrs.frozen(kw_only=True)
class EscalatieOpgeschaald(Event):
    """Escalation ``ref`` goes one level up; the register fills level, holders and deadline."""

    KIND: ClassVar[str] = "escalatie_opgeschaald"
    ref: str = attrs.field(validator=_ref)
    niveau: int | None = attrs.field(default=None, validator=one_of_type(int, type(None)))
    houders: tuple[str, ...] = attrs.field(default=(), converter=_strs, validator=_all_text)
    termijn: pendulum.Date | None = attrs.field(
        default=None, converter=as_optional_date, validator=is_optional_date
    )


@attrs.frozen(kw_only=True)
class EscalatieAfgestemd(Event):
    """Escalation ``ref`` is aligned: the disagreement is over."""

    KIND: ClassVar[str] = "escalatie_afgestemd"
    PERSONAL: ClassVar[tuple[str, ...]] = ("uitkomst",)
    ref: str = attrs.field(validator=_ref)
    uitkomst: str = attrs.field(default="", validator=_text)


# ending the agreement ---------------------------------------------------------


@attrs.frozen(kw_only=True)
class Opzegverzoek(Event):
    """A partner asks to end the agreement (in writing, as 003 "13." requires)."""

    KIND: ClassVar[str] = "opzegverzoek"
    partner: str = attrs.field(validator=[one_of_type(str), non_empty])
    schriftelijk: bool = attrs.field(validator=_flag)


@attrs.frozen(kw_only=True)
class Gevolgenregeling(Event):
    """The partners settle the consequences of ending, before the end."""

    KIND: ClassVar[str] = "gevolgenregeling"
    omschrijving: str = attrs.field(validator=[one_of_type(str), non_empty])


@attrs.frozen(kw_only=True)
class Stemuitslag(Event):
    """The outcome of the termination vote on ``datum``; the register fills it from the rule."""

    KIND: ClassVar[str] = "stemuitslag"
    beeindigd: bool | None = attrs.field(default=None, validator=one_of_type(bool, type(None)))
    reden: str = attrs.field(default="", validator=_text)


# money ------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class GhpAankoop(Event):
    """The projectleider buys a service (``ref``) for one family from the GHP-bound budget.

    The amount is committed when bought, spent when paid (:class:`Betaling`).
    ``coach_kosten=True`` is always refused: coach costs are not GHP-bound.
    """

    KIND: ClassVar[str] = "ghp_aankoop"
    PERSONAL: ClassVar[tuple[str, ...]] = ("gezin", "omschrijving")
    ref: str = attrs.field(validator=_ref)
    gezin: str | None = _gezin()
    omschrijving: str = attrs.field(default="", validator=_text)
    bedrag: Money = attrs.field(validator=[is_cents, _positive])
    coach_kosten: bool = attrs.field(default=False, validator=_flag)


@attrs.frozen(kw_only=True)
class Betaling(Event):
    """A payment for purchase ``ref``: committed money becomes spent."""

    KIND: ClassVar[str] = "betaling"
    ref: str = attrs.field(validator=_ref)
    bedrag: Money = attrs.field(validator=[is_cents, _positive])


@attrs.frozen(kw_only=True)
class Uitgave(Event):
    """Money spent on a funding line other than the GHP-bound one (``regel``: its description)."""

    KIND: ClassVar[str] = "uitgave"
    regel: str = attrs.field(validator=[one_of_type(str), non_empty])
    bedrag: Money = attrs.field(validator=[is_cents, _positive])
    omschrijving: str = attrs.field(default="", validator=_text)


# evaluation -------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Meting(Event):
    """A measurement of one of the evaluation plan's indicators."""

    KIND: ClassVar[str] = "meting"
    indicator: str = attrs.field(validator=[one_of_type(str), non_empty])
    waarde: Decimal = attrs.field(converter=as_decimal, validator=is_decimal)
    toelichting: str = attrs.field(default="", validator=_text)


# the Awb lifecycle ------------------------------------------------------------


@attrs.frozen(kw_only=True)
class AwbMelding(Event):
    """A melding opens case ``zaak``: the onderzoek is due within 6 weeks (Wmo 2015 2.3.2)."""

    KIND: ClassVar[str] = "awb_melding"
    PERSONAL: ClassVar[tuple[str, ...]] = ("gezin",)
    zaak: str = attrs.field(validator=_ref)
    gezin: str | None = _gezin()


@attrs.frozen(kw_only=True)
class AwbOnderzoek(Event):
    """The onderzoek of case ``zaak`` is done (its report given to the family)."""

    KIND: ClassVar[str] = "awb_onderzoek"
    zaak: str = attrs.field(validator=_ref)


@attrs.frozen(kw_only=True)
class AwbAanvraag(Event):
    """The aanvraag of case ``zaak``: the beschikking is due within 2 weeks (Wmo 2015 2.3.5)."""

    KIND: ClassVar[str] = "awb_aanvraag"
    zaak: str = attrs.field(validator=_ref)


@attrs.frozen(kw_only=True)
class AwbBeschikking(Event):
    """The beschikking of case ``zaak``: bezwaar is open for 6 weeks (Awb 6:7)."""

    KIND: ClassVar[str] = "awb_beschikking"
    zaak: str = attrs.field(validator=_ref)
    besluit: str = attrs.field(validator=[one_of_type(str), non_empty])


@attrs.frozen(kw_only=True)
class AwbBezwaar(Event):
    """A bezwaar against the beschikking of case ``zaak``: decided within 6 weeks after the
    term ends (Awb 7:10)."""

    KIND: ClassVar[str] = "awb_bezwaar"
    zaak: str = attrs.field(validator=_ref)


# erasure ----------------------------------------------------------------------


def _as_ints(value: object) -> tuple[int, ...]:
    return tuple(value) if isinstance(value, list | tuple) else value  # type: ignore[return-value]


def _all_ints(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple) or not all(
        isinstance(v, int) and not isinstance(v, bool) for v in value
    ):
        raise InvalidValueError("Wissing.events", "must be a list of sequence numbers")


@attrs.frozen(kw_only=True)
class Wissing(Event):
    """A tombstone: the personal data of ``events`` were erased, on ``grond``.

    Written only by :meth:`~sociaaldomein.register.Register.erase` and
    :meth:`~sociaaldomein.register.Register.purge`; it names no family.
    """

    KIND: ClassVar[str] = "wissing"
    grond: str = attrs.field(validator=[one_of_type(str), non_empty])
    events: tuple[int, ...] = attrs.field(converter=_as_ints, validator=_all_ints)


EVENT_KINDS: Final[dict[str, type[Event]]] = {
    cls.KIND: cls
    for cls in (
        Beoordeling,
        Plaatsing,
        Wachtlijst,
        Doorverwijzing,
        RegulierRoute,
        Aanwijzing,
        Trajectstart,
        Afschaling,
        Trajecteinde,
        MandaatAdvies,
        Instellingsantwoord,
        Backofficebesluit,
        EscalatieGestart,
        EscalatieOpgeschaald,
        EscalatieAfgestemd,
        Opzegverzoek,
        Gevolgenregeling,
        Stemuitslag,
        GhpAankoop,
        Betaling,
        Uitgave,
        Meting,
        AwbMelding,
        AwbOnderzoek,
        AwbAanvraag,
        AwbBeschikking,
        AwbBezwaar,
        Wissing,
    )
}
"""Every kind of event by its name."""
