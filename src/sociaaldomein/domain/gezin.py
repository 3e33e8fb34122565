"""The family: who is in it, where it lives, what it struggles with, what care it has.

Only a pseudonymous key identifies a family.  The BSN may be used only where a
law allows it (UAVG art. 46), so :class:`Gezin` refuses an id that looks like one,
in any spelling (:mod:`sociaaldomein.domain.bsn`).

The enumerations carry the letters' own lists: the nine problems of letter 003
"DOEL", the five target-group signals and the coercive instruments of letter
003 "7. Toewijzing gezinnen", the 13 domains of the Zelfredzaamheid-Matrix 2017
and the referrers of the iJw codelist COD327.

Dates are checked for plausibility where the family is made, against bounds
that do not depend on an assessment: a birth date at most
:data:`EXPECTED_BIRTH` after today (an expected child may be registered; a
child born in 2150 is a typing error), and observations (a ZRM, care received)
from :data:`FIRST_OBSERVATION` on.  What depends on the day of the assessment
(no observation after it, no birth later than an expected birth after it) is
:meth:`Gezin.check_dates_on`, which an assessment calls with its date.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterable, Mapping
from typing import Final, cast

import attrs
import pendulum

from sociaaldomein._validators import (
    as_date,
    as_tuple,
    between,
    coerce_enum,
    coerce_enum_set,
    field_name,
    is_date,
    is_enum,
    is_enum_set,
    non_empty,
    one_of_type,
)
from sociaaldomein.domain.bsn import BSN_PROBLEM, check_key, looks_like_bsn
from sociaaldomein.domain.money import Money
from sociaaldomein.domain.observatie import Observatie
from sociaaldomein.domain.vocabulary import VOCABULARIES, Term, check_namespaced
from sociaaldomein.errors import InvalidValueError

__all__ = [
    "EXPECTED_BIRTH",
    "FIRST_OBSERVATION",
    "Dwangmiddel",
    "Gezin",
    "Hulpvraag",
    "Leveringsvorm",
    "Lid",
    "LidRol",
    "Probleem",
    "Signaal",
    "Verwijzer",
    "Zorg",
    "Zorgsoort",
    "ZrmDomein",
    "ZrmMeting",
    "ZrmScores",
    "ZrmVersie",
]


EXPECTED_BIRTH: Final = pendulum.duration(days=280)
"""How far ahead a birth date may lie: about nine months, an expected child."""

FIRST_OBSERVATION: Final = pendulum.date(1990, 1, 1)
"""No observation (a ZRM, care received) lies before this day: the instruments and the
records this library reads are younger."""


def _today() -> pendulum.Date:
    # the local calendar day, as a family file means it
    today = datetime.date.today()
    return pendulum.date(today.year, today.month, today.day)


def _born_by(limit: pendulum.Date, field: str, value: pendulum.Date, what: str) -> None:
    if value > limit:
        raise InvalidValueError(
            field,
            f"{value.isoformat()} is more than an expected birth (280 days) after {what} "
            f"({limit.subtract(days=EXPECTED_BIRTH.days).isoformat()})",
        )


def _plausible_birth(
    instance: object, attribute: attrs.Attribute[pendulum.Date], value: object
) -> None:
    if isinstance(value, pendulum.Date):
        _born_by(_today() + EXPECTED_BIRTH, field_name(instance, attribute), value, "today")


def _observed(instance: object, attribute: attrs.Attribute[pendulum.Date], value: object) -> None:
    if isinstance(value, pendulum.Date) and value < FIRST_OBSERVATION:
        raise InvalidValueError(
            field_name(instance, attribute),
            f"{value.isoformat()} lies before {FIRST_OBSERVATION.isoformat()}, the first day an "
            "observation can have",
        )


class Probleem(enum.Enum):
    """The problems of a multiprobleemgezin (003_720c15da674da257.txt, "DOEL")."""

    LAAG_INKOMEN = "laag inkomen (armoede)"
    GEEN_WERK = "geen werk"
    SCHULDEN = "schulden"
    VERSLAVING = "verslaving"
    CRIMINALITEIT = "criminaliteit"
    ONAANGEPAST_GEDRAG = "onaangepast gedrag"
    RELATIE_EN_OPVOEDINGSPROBLEMEN = "relatie- en opvoedingsproblemen"
    PSYCHIATRISCHE_STORINGEN = "psychiatrische storingen"
    VERSTANDELIJKE_BEPERKINGEN = "verstandelijke beperkingen"


class Signaal(enum.Enum):
    """Target-group signals, part (a) of 003_720c15da674da257.txt, "7. Toewijzing gezinnen"."""

    KEERT_STEEDS_TERUG = "die steeds terugkomen"
    VOORTDURENDE_OVERLAST = "die voortdurend overlast veroorzaken"
    KINDEREN_STRUCTUREEL_ONVEILIG = "waarin kinderen structureel onveilig zijn"
    STRUCTUREEL_VEEL_HULPVERLENERS = "waarbij structureel veel hulpverleners betrokken zijn"
    ACUTE_CRISIS = "acute crisis zoals huisuitzetting, uithuisplaatsing"


class Dwangmiddel(enum.Enum):
    """Coercive instruments a partner can deploy, part (b) of 003, "7. Toewijzing gezinnen"."""

    UITHUISPLAATSING = "uithuisplaatsing"
    HUISUITZETTING = "huisuitzetting"
    HUISVERBOD = "huisverbod"
    ONDERTOEZICHTSTELLING = "onder toezichtstelling"
    INTREKKING_UITKERING = "(gedeeltelijke) intrekking uitkering"
    VOORWAARDELIJKE_STRAF = "voorwaardelijke straffen"


class Hulpvraag(enum.Enum):
    """What a family needs help with, as an access team's analysis records it."""

    JEUGDHULP_BEGELEIDING = "basisjeugdhulp: begeleiding"
    JEUGDHULP_LICHTE_BEHANDELING = "basisjeugdhulp: lichte behandeling"
    JEUGDHULP_SPECIALISTISCH = "specialistische jeugdhulp"
    INDIVIDUELE_BEGELEIDING = "individuele begeleiding"
    DAGBESTEDING = "dagbesteding"
    OVERNAME_HUISHOUDEN = "(tijdelijk) overnemen van huishouden en opvoeding"


class Verwijzer(enum.Enum):
    """Who referred the family for youth care (iJw codelist COD327, see DOMAIN.md)."""

    GEMEENTE = "01"
    HUISARTS = "02"
    JEUGDARTS = "03"
    GECERTIFICEERDE_INSTELLING = "04"
    MEDISCH_SPECIALIST = "05"
    ZELFVERWIJZER = "06"
    RECHTER_OVJ_JJI = "08"

    @classmethod
    def from_code(cls, code: str) -> Verwijzer:
        """The referrer with COD327 code ``code`` (``"02"`` is the huisarts)."""
        for member in cls:
            if member.value == code.strip().zfill(2):
                return member
        known = ", ".join(f"{m.value} {m.name}" for m in cls)
        raise InvalidValueError("Verwijzer", f"unknown COD327 code {code!r}; known: {known}")


class Zorgsoort(enum.Enum):
    """The legal form of current care (see the glossary)."""

    INDICATIE = "indicatie"
    TOEWIJZING = "toewijzing"
    BESCHIKKING = "beschikking"


class Leveringsvorm(enum.Enum):
    """Zorg in natura (the provider is paid by the municipality) or a persoonsgebonden budget."""

    ZORG_IN_NATURA = "zorg in natura"
    PGB = "persoonsgebonden budget"


class LidRol(enum.Enum):
    """The place of a member in the household.

    Besides parents and children: an adult without children (``VOLWASSENE``,
    the single adult of a Wmo or schuldhulp pilot), another adult living in the
    household (``ANDERE_VOLWASSENE``, a grandparent, a new partner) and an
    expected child (``VERWACHT_KIND``, with the expected birth date), which
    counts as a child.
    """

    OUDER = "ouder"
    KIND = "kind"
    VOLWASSENE = "volwassene"
    ANDERE_VOLWASSENE = "andere volwassene"
    VERWACHT_KIND = "verwacht kind"


_CHILDREN: Final = frozenset({LidRol.KIND, LidRol.VERWACHT_KIND})
_ADULTS: Final = frozenset({LidRol.OUDER, LidRol.VOLWASSENE, LidRol.ANDERE_VOLWASSENE})


class ZrmVersie(enum.Enum):
    """The version of the Zelfredzaamheid-Matrix a measurement used.

    Only ZRM 2017 (13 domains) is scored by the library; older versions have 11
    domains that do not map one to one, so their scores must be converted first.
    """

    ZRM_2017 = "2017"


class ZrmDomein(enum.Enum):
    """The 13 domains of ZRM 2017 (DOMAIN.md, "Zelfredzaamheid-Matrix")."""

    FINANCIEN = "Financien"
    WERK_EN_OPLEIDING = "Werk & Opleiding"
    TIJDSBESTEDING = "Tijdsbesteding"
    HUISVESTING = "Huisvesting"
    HUISELIJKE_RELATIES = "Huiselijke relaties"
    GEESTELIJKE_GEZONDHEID = "Geestelijke gezondheid"
    LICHAMELIJKE_GEZONDHEID = "Lichamelijke gezondheid"
    MIDDELENGEBRUIK = "Middelengebruik"
    BASALE_ADL = "Basale ADL"
    INSTRUMENTELE_ADL = "Instrumentele ADL"
    SOCIAAL_NETWERK = "Sociaal netwerk"
    MAATSCHAPPELIJKE_PARTICIPATIE = "Maatschappelijke participatie"
    JUSTITIE = "Justitie"

    @property
    def field(self) -> str:
        """The attribute of :class:`ZrmScores` that holds this domain."""
        return self.name.lower()


def _level(instance: object, attribute: attrs.Attribute[int | None], value: object) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        raise InvalidValueError(
            field_name(instance, attribute),
            f"a ZRM level is a whole number from 1 (acute problematiek) to 5 "
            f"(volledig zelfredzaam), got {value!r}",
        )


def _score() -> int | None:
    return attrs.field(default=None, validator=_level, kw_only=True)


@attrs.frozen
class ZrmScores:
    """Levels 1-5 on the 13 ZRM 2017 domains; ``None`` where a domain was not scored.

    Not every domain has to be scored: registering every domain is not
    automatically necessary (data minimisation, DOMAIN.md "Privacy").
    """

    financien: int | None = _score()
    werk_en_opleiding: int | None = _score()
    tijdsbesteding: int | None = _score()
    huisvesting: int | None = _score()
    huiselijke_relaties: int | None = _score()
    geestelijke_gezondheid: int | None = _score()
    lichamelijke_gezondheid: int | None = _score()
    middelengebruik: int | None = _score()
    basale_adl: int | None = _score()
    instrumentele_adl: int | None = _score()
    sociaal_netwerk: int | None = _score()
    maatschappelijke_participatie: int | None = _score()
    justitie: int | None = _score()

    @classmethod
    def of(cls, scores: dict[ZrmDomein, int]) -> ZrmScores:
        """Scores from a mapping of domain to level."""
        return cls(**{d.field: level for d, level in scores.items()})

    def get(self, domein: ZrmDomein) -> int | None:
        """The level on ``domein``, or ``None`` when it was not scored."""
        value: int | None = getattr(self, domein.field)
        return value

    def scored(self) -> dict[ZrmDomein, int]:
        """The scored domains and their levels."""
        return {d: v for d in ZrmDomein if (v := self.get(d)) is not None}

    def lowest(self) -> int | None:
        """The lowest level over the scored domains (``None`` when none is scored)."""
        return min(self.scored().values(), default=None)


def _as_versie(value: ZrmVersie | str) -> ZrmVersie:
    return coerce_enum(ZrmVersie, value)


@attrs.frozen
class ZrmMeting:
    """One ZRM assessment: the levels now and, optionally, the levels judged achievable.

    The achievable levels (``haalbaar``) are the professional's estimate of
    what the family can reach with support; letter 000 routes a family between
    gezinscoach and gezinsverzorger on both (000_6fd8bb18cab06410.txt,
    "Initiatiefvoorstel").  A ZRM score is a snapshot: information older than
    about 30 days is not used (DOMAIN.md), see :meth:`is_recent`.
    """

    afgenomen_op: pendulum.Date = attrs.field(converter=as_date, validator=[is_date, _observed])
    huidig: ZrmScores = attrs.field(validator=one_of_type(ZrmScores))
    haalbaar: ZrmScores | None = attrs.field(
        default=None, validator=attrs.validators.optional(one_of_type(ZrmScores))
    )
    versie: ZrmVersie = attrs.field(
        default=ZrmVersie.ZRM_2017, converter=_as_versie, validator=is_enum(ZrmVersie)
    )

    def is_recent(self, on: pendulum.Date, max_age_days: int = 30) -> bool:
        """Whether the measurement was taken at most ``max_age_days`` before ``on``."""
        return 0 <= (on - self.afgenomen_op).in_days() <= max_age_days


def _as_rol(value: LidRol | str) -> LidRol:
    return coerce_enum(LidRol, value)


@attrs.frozen
class Lid:
    """A member of a family.

    ``chronische_problematiek`` marks a parent whose own problems are chronic or
    structural in nature (000_6fd8bb18cab06410.txt, "Bemensing pilot").
    """

    rol: LidRol = attrs.field(converter=_as_rol, validator=is_enum(LidRol))
    geboortedatum: pendulum.Date = attrs.field(
        converter=as_date, validator=[is_date, _plausible_birth]
    )
    chronische_problematiek: bool = attrs.field(default=False, validator=one_of_type(bool))

    def age_on(self, on: pendulum.Date) -> int:
        """Age in whole years on ``on``."""
        return self.geboortedatum.diff(on, abs=False).in_years()


def _as_zorgsoort(value: Zorgsoort | str) -> Zorgsoort:
    return coerce_enum(Zorgsoort, value)


def _as_leveringsvorm(value: Leveringsvorm | str) -> Leveringsvorm:
    return coerce_enum(Leveringsvorm, value)


def _as_optional_verwijzer(value: Verwijzer | str | None) -> Verwijzer | None:
    return None if value is None else coerce_enum(Verwijzer, value)


@attrs.frozen
class Zorg:
    """Care a family receives now: its legal form, how it is delivered, who referred."""

    soort: Zorgsoort = attrs.field(converter=_as_zorgsoort, validator=is_enum(Zorgsoort))
    leveringsvorm: Leveringsvorm = attrs.field(
        converter=_as_leveringsvorm, validator=is_enum(Leveringsvorm)
    )
    sinds: pendulum.Date = attrs.field(converter=as_date, validator=[is_date, _observed])
    verwijzer: Verwijzer | None = attrs.field(
        default=None,
        converter=_as_optional_verwijzer,
        validator=attrs.validators.optional(is_enum(Verwijzer)),
    )
    omschrijving: str = ""


def _pseudonymous(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    check_key(field_name(instance, attribute), value)


def _problemen(values: Iterable[Probleem | str]) -> frozenset[Probleem]:
    return coerce_enum_set(Probleem, values)


def _signalen(values: Iterable[Signaal | str]) -> frozenset[Signaal]:
    return coerce_enum_set(Signaal, values)


def _dwangmiddelen(values: Iterable[Dwangmiddel | str]) -> frozenset[Dwangmiddel]:
    return coerce_enum_set(Dwangmiddel, values)


def _hulpvragen(values: Iterable[Hulpvraag | str]) -> frozenset[Hulpvraag]:
    return coerce_enum_set(Hulpvraag, values)


def _leden(values: Iterable[Lid]) -> tuple[Lid, ...]:
    return as_tuple(values)


def _zorg(values: Iterable[Zorg]) -> tuple[Zorg, ...]:
    return as_tuple(values)


def _optional_wijk(value: str | None) -> str | None:
    return value.strip() if isinstance(value, str) else value


FactValue = bool | int | str | Money | pendulum.Date | frozenset[str] | Observatie
"""What a declared fact holds on a family: its value, or an :class:`Observatie` of it."""

_PLAIN: Final = (bool, int, str, Money, pendulum.Date, frozenset)


def _feiten(values: Mapping[str, FactValue]) -> dict[str, FactValue]:
    given: object = values  # anything else is refused by the validator, naming the field
    return dict(values) if isinstance(given, Mapping) else cast("dict[str, FactValue]", given)


def _check_feiten(instance: object, attribute: attrs.Attribute[object], value: object) -> None:
    if not isinstance(value, dict):
        raise InvalidValueError(
            "Gezin.feiten", f"must be a mapping of fact name to value, got {type(value).__name__}"
        )
    for name, held in value.items():
        field = f"Gezin.feiten[{name!r}]"
        check_namespaced(field, name)
        if name.startswith("core."):
            raise InvalidValueError(field, "the library's own facts are fields of the family")
        plain = held.waarde if isinstance(held, Observatie) else held
        if isinstance(held, Observatie) and held.datum < FIRST_OBSERVATION:
            raise InvalidValueError(
                f"{field}.datum",
                f"{held.datum.isoformat()} lies before {FIRST_OBSERVATION.isoformat()}, the "
                "first day an observation can have",
            )
        if not isinstance(plain, _PLAIN):
            raise InvalidValueError(
                field,
                "must be yes/no, a whole number, text, an amount (Money), a date or a set of "
                f"codes, got {type(plain).__name__}",
            )
        if isinstance(plain, str) and looks_like_bsn(plain):
            raise InvalidValueError(field, BSN_PROBLEM)


def _termen(values: Iterable[Term]) -> frozenset[Term]:
    return frozenset(values)


def _check_termen(instance: object, attribute: attrs.Attribute[object], value: object) -> None:
    for term in value if isinstance(value, frozenset) else ():
        if not isinstance(term, Term):
            raise InvalidValueError("Gezin.termen", f"must hold Term values, got {term!r}")
        if term.vocabulary not in VOCABULARIES:  # a role or a funding model is the pilot's
            raise InvalidValueError(
                "Gezin.termen",
                f"{term.code!r} is a term of {term.vocabulary}, not of a family's "
                f"{', '.join(VOCABULARIES)}",
            )


@attrs.frozen
class Gezin:
    """A family, as the pilots need to see it.

    ``id`` is a pseudonymous key; never a BSN.  ``wijk`` is the neighbourhood
    as the letters name it ("Tuinwijk", "de Hoogte", "Hoogkerk"); comparisons
    ignore case.  ``problemen``, ``signalen`` and ``dwangmiddelen`` accept members
    or member names.
    """

    id: str = attrs.field(validator=_pseudonymous)
    leden: tuple[Lid, ...] = attrs.field(converter=_leden, validator=non_empty)
    wijk: str | None = attrs.field(
        default=None,
        converter=_optional_wijk,
        validator=attrs.validators.optional([one_of_type(str), non_empty]),
    )
    problemen: frozenset[Probleem] = attrs.field(
        factory=frozenset, converter=_problemen, validator=is_enum_set(Probleem)
    )
    signalen: frozenset[Signaal] = attrs.field(
        factory=frozenset, converter=_signalen, validator=is_enum_set(Signaal)
    )
    dwangmiddelen: frozenset[Dwangmiddel] = attrs.field(
        factory=frozenset, converter=_dwangmiddelen, validator=is_enum_set(Dwangmiddel)
    )
    aantal_hulpverleners: int = attrs.field(
        default=0, validator=[one_of_type(int), between(0, 1000)]
    )
    zrm: ZrmMeting | None = attrs.field(
        default=None, validator=attrs.validators.optional(one_of_type(ZrmMeting))
    )
    hulpvragen: frozenset[Hulpvraag] = attrs.field(
        factory=frozenset, converter=_hulpvragen, validator=is_enum_set(Hulpvraag)
    )
    complexe_vraag: bool = attrs.field(default=False, validator=one_of_type(bool))
    verwijzer: Verwijzer | None = attrs.field(
        default=None,
        converter=_as_optional_verwijzer,
        validator=attrs.validators.optional(is_enum(Verwijzer)),
    )
    zorg: tuple[Zorg, ...] = attrs.field(factory=tuple, converter=_zorg)
    feiten: dict[str, FactValue] = attrs.field(
        factory=dict, converter=_feiten, validator=_check_feiten, hash=False
    )
    """Facts declared by plugins, by name (``"schuldhulp.schuld"``): a value or an Observatie."""
    termen: frozenset[Term] = attrs.field(
        factory=frozenset, converter=_termen, validator=_check_termen
    )
    """Declared terms of the open vocabularies (a plugin's problems, needs, ...)."""

    @leden.validator
    def _check_leden(self, attribute: attrs.Attribute[tuple[Lid, ...]], value: object) -> None:
        for i, lid in enumerate(self.leden):
            if not isinstance(lid, Lid):
                raise InvalidValueError(
                    f"Gezin.leden[{i}]", f"must be a Lid, got {type(lid).__name__} {lid!r}"
                )

    @zorg.validator
    def _check_zorg(self, attribute: attrs.Attribute[tuple[Zorg, ...]], value: object) -> None:
        for i, item in enumerate(self.zorg):
            if not isinstance(item, Zorg):
                raise InvalidValueError(
                    f"Gezin.zorg[{i}]", f"must be a Zorg, got {type(item).__name__} {item!r}"
                )

    def check_dates_on(self, on: pendulum.Date) -> None:
        """Refuse dates that cannot be true on the day ``on`` of an assessment.

        No observation (the ZRM's ``afgenomen_op``, a ``zorg`` item's ``sinds``)
        after ``on``, and no birth date more than :data:`EXPECTED_BIRTH` after it.
        Raises :class:`~sociaaldomein.errors.InvalidValueError` naming the field.
        """
        for i, lid in enumerate(self.leden):
            _born_by(
                on + EXPECTED_BIRTH,
                f"Gezin.leden[{i}].geboortedatum",
                lid.geboortedatum,
                f"the assessment on {on.isoformat()}",
            )
        observed = [(f"Gezin.zorg[{i}].sinds", z.sinds) for i, z in enumerate(self.zorg)]
        if self.zrm is not None:
            observed.insert(0, ("Gezin.zrm.afgenomen_op", self.zrm.afgenomen_op))
        observed += [
            (f"Gezin.feiten[{name!r}].datum", held.datum)
            for name, held in self.feiten.items()
            if isinstance(held, Observatie)
        ]
        for field, day in observed:
            if day > on:
                raise InvalidValueError(
                    field, f"{day.isoformat()} lies after the assessment on {on.isoformat()}"
                )

    def ouders(self) -> tuple[Lid, ...]:
        """The parents."""
        return tuple(m for m in self.leden if m.rol is LidRol.OUDER)

    def kinderen(self) -> tuple[Lid, ...]:
        """The children, of any age, and expected children."""
        return tuple(m for m in self.leden if m.rol in _CHILDREN)

    def volwassenen(self) -> tuple[Lid, ...]:
        """The adults of the household: parents, adults without children, other adults."""
        return tuple(m for m in self.leden if m.rol in _ADULTS)

    def terms(self, vocabulary: str) -> frozenset[Term]:
        """The declared terms of ``vocabulary`` (``"problemen"``, ...) the family has."""
        return frozenset(t for t in self.termen if t.vocabulary == vocabulary)

    def minderjarigen_op(self, on: pendulum.Date) -> tuple[Lid, ...]:
        """The children younger than 18 on ``on`` (jeugdige, Jeugdwet art. 1.1)."""
        return tuple(k for k in self.kinderen() if k.geboortedatum <= on and k.age_on(on) < 18)

    @property
    def ouder_met_chronische_problematiek(self) -> bool:
        """Whether a parent's own problems are chronic or structural (letter 000)."""
        return any(m.chronische_problematiek for m in self.ouders())
