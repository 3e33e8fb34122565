"""Evaluation plans: when a pilot is evaluated, on which indicators, and the results.

Letters fix evaluation moments relative to the looptijd ("halverwege",
"voor het aflopen van de pilot") or on a date ("begin 2012"), so a moment
resolves to a date only once the looptijd is known.

>>> plan = Evaluatieplan(
...     momenten=(
...         Evaluatiemoment(MomentSoort.VOOR_EINDE, "voorstel borging"),
...         Evaluatiemoment(MomentSoort.HALVERWEGE, "tussenevaluatie"),
...     ),
...     indicatoren=(Indicator("gezinnen", "families supported", "aantal"),),
... )
>>> looptijd = Periode(pendulum.date(2021, 10, 1), pendulum.date(2023, 10, 1))
>>> [(day.isoformat(), moment.naam) for day, moment in plan.schedule(looptijd)]
[('2022-10-01', 'tussenevaluatie'), ('2023-07-01', 'voorstel borging')]
>>> plan.result("tussenevaluatie", pendulum.date(2022, 10, 1),
...             [Meting("Gezinnen", pendulum.date(2022, 9, 30), 9)], "on track").metingen[0].waarde
Decimal('9')
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, Final

import attrs
import pendulum

from sociaaldomein._validators import (
    Validator,
    as_date,
    as_decimal,
    as_optional_date,
    coerce_enum,
    field_name,
    is_date,
    is_decimal,
    is_enum,
    is_optional_date,
    non_empty,
    one_of_type,
)
from sociaaldomein.domain.citation import Citation
from sociaaldomein.domain.periode import Periode
from sociaaldomein.errors import InvalidValueError

__all__ = [
    "DEFAULT_VOOR_EINDE",
    "Evaluatiemoment",
    "Evaluatieplan",
    "Evaluatieresultaat",
    "Indicator",
    "Meting",
    "MomentSoort",
]

DEFAULT_VOOR_EINDE: Final = pendulum.duration(months=3)
"""How long before the end a VOOR_EINDE moment falls when the letter gives no offset."""

_bron = one_of_type(Citation, type(None))


class MomentSoort(enum.Enum):
    """How an evaluation moment is fixed."""

    HALVERWEGE = "halverwege"
    VOOR_EINDE = "voor_einde"
    OP_DATUM = "op_datum"


def _norm(name: str) -> str:
    # Plans and measurements spell the same indicator with varying case and spacing.
    return " ".join(name.split()).casefold()


def _as_soort(value: MomentSoort | str) -> MomentSoort:
    return coerce_enum(MomentSoort, value)


def _as_duration(value: datetime.timedelta | None) -> pendulum.Duration | None:
    if isinstance(value, datetime.timedelta) and not isinstance(value, pendulum.Duration):
        return pendulum.duration(days=value.days, seconds=value.seconds)
    return value


def _as_momenten(value: Iterable[Evaluatiemoment]) -> tuple[Evaluatiemoment, ...]:
    return tuple(value)


def _as_indicatoren(value: Iterable[Indicator]) -> tuple[Indicator, ...]:
    return tuple(value)


def _as_metingen(value: Iterable[Meting]) -> tuple[Meting, ...]:
    return tuple(value)


def _distinct(kind: type[Evaluatiemoment | Indicator]) -> Validator:
    """Validator: every entry is a ``kind`` and no two share a name."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]) -> None:
        name = field_name(instance, attribute)
        seen: set[str] = set()
        for item in value:
            if not isinstance(item, kind):
                raise InvalidValueError(
                    name, f"every entry must be a {kind.__name__}, got {type(item).__name__}"
                )
            if _norm(item.naam) in seen:
                raise InvalidValueError(name, f"{item.naam!r} is listed twice")
            seen.add(_norm(item.naam))

    return check


def _all_metingen(instance: object, attribute: attrs.Attribute[Any], value: tuple[object]) -> None:
    for item in value:
        if not isinstance(item, Meting):
            raise InvalidValueError(
                field_name(instance, attribute),
                f"every entry must be a Meting, got {type(item).__name__} {item!r}",
            )


def _is_offset(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    # The moment is a calendar date, so parts of a day would be silently lost.
    if (
        not isinstance(value, pendulum.Duration)
        or value <= pendulum.duration()
        or value.seconds
        or value.microseconds
    ):
        raise InvalidValueError(
            field_name(instance, attribute),
            f"must be a positive pendulum.Duration in whole days, got {value!r}",
        )


@attrs.frozen
class Evaluatiemoment:
    """A moment at which the pilot is evaluated.

    HALVERWEGE falls halfway through the looptijd, VOOR_EINDE ``voor_einde``
    before its end (default :data:`DEFAULT_VOOR_EINDE`), OP_DATUM on ``datum``.
    """

    soort: MomentSoort = attrs.field(converter=_as_soort, validator=is_enum(MomentSoort))
    naam: str = attrs.field(validator=non_empty)
    datum: pendulum.Date | None = attrs.field(
        default=None, converter=as_optional_date, validator=is_optional_date
    )
    voor_einde: pendulum.Duration | None = attrs.field(
        default=None, converter=_as_duration, validator=_is_offset
    )
    omschrijving: str = ""
    bron: Citation | None = attrs.field(default=None, validator=_bron)

    def __attrs_post_init__(self) -> None:
        op_datum = self.soort is MomentSoort.OP_DATUM
        if op_datum != (self.datum is not None):
            problem = "is required for OP_DATUM" if op_datum else "is only for OP_DATUM"
            raise InvalidValueError("Evaluatiemoment.datum", f"{problem} (moment {self.naam!r})")
        if self.voor_einde is not None and self.soort is not MomentSoort.VOOR_EINDE:
            raise InvalidValueError("Evaluatiemoment.voor_einde", "is only for VOOR_EINDE")

    def resolve(self, looptijd: Periode) -> pendulum.Date:
        """The date of this moment for a pilot running ``looptijd``."""
        if self.soort is MomentSoort.HALVERWEGE:
            return looptijd.halfway()
        if self.soort is MomentSoort.VOOR_EINDE:
            day = looptijd.end - (self.voor_einde or DEFAULT_VOOR_EINDE)
            if day < looptijd.start:
                raise InvalidValueError(
                    "Evaluatiemoment.voor_einde",
                    f"{self.naam!r} would fall on {day}, before the looptijd starts ({looptijd})",
                )
            return day
        assert self.datum is not None  # enforced at construction for OP_DATUM
        return self.datum


@attrs.frozen
class Indicator:
    """Something the evaluation measures, in ``eenheid`` (for example "aantal gezinnen")."""

    naam: str = attrs.field(validator=non_empty)
    omschrijving: str
    eenheid: str = attrs.field(validator=non_empty)
    bron: Citation | None = attrs.field(default=None, validator=_bron)


@attrs.frozen
class Meting:
    """One measured value of an indicator; exact, so never a float."""

    indicator: str = attrs.field(validator=non_empty)
    datum: pendulum.Date = attrs.field(converter=as_date, validator=is_date)
    waarde: Decimal = attrs.field(converter=as_decimal, validator=is_decimal)
    toelichting: str = ""


@attrs.frozen
class Evaluatieresultaat:
    """The outcome of one evaluation moment: measurements, a judgement, and whether to go on.

    ``voortzetten`` is ``None`` when the moment does not decide about continuing.
    """

    moment: str = attrs.field(validator=non_empty)
    datum: pendulum.Date = attrs.field(converter=as_date, validator=is_date)
    metingen: tuple[Meting, ...] = attrs.field(converter=_as_metingen, validator=_all_metingen)
    oordeel: str = attrs.field(validator=non_empty)
    voortzetten: bool | None = attrs.field(default=None, validator=one_of_type(bool, type(None)))

    def waarde(self, indicator: str) -> Decimal | None:
        """The latest measured value of ``indicator``, or ``None``."""
        found = [m for m in self.metingen if _norm(m.indicator) == _norm(indicator)]
        return max(found, key=lambda m: m.datum).waarde if found else None


@attrs.frozen
class Evaluatieplan:
    """The moments and indicators on which a pilot is evaluated."""

    momenten: tuple[Evaluatiemoment, ...] = attrs.field(
        converter=_as_momenten, validator=[non_empty, _distinct(Evaluatiemoment)]
    )
    indicatoren: tuple[Indicator, ...] = attrs.field(
        converter=_as_indicatoren, validator=_distinct(Indicator)
    )
    omschrijving: str = ""
    bron: Citation | None = attrs.field(default=None, validator=_bron)

    def moment(self, naam: str) -> Evaluatiemoment | None:
        """The moment named ``naam`` (case- and space-insensitive), or ``None``."""
        return next((m for m in self.momenten if _norm(m.naam) == _norm(naam)), None)

    def indicator(self, naam: str) -> Indicator | None:
        """The indicator named ``naam`` (case- and space-insensitive), or ``None``."""
        return next((i for i in self.indicatoren if _norm(i.naam) == _norm(naam)), None)

    def schedule(self, looptijd: Periode) -> tuple[tuple[pendulum.Date, Evaluatiemoment], ...]:
        """Every moment with its date, earliest first (plan order on the same date)."""
        dated = [(m.resolve(looptijd), m) for m in self.momenten]
        return tuple(sorted(dated, key=lambda pair: pair[0]))

    def due_on(self, looptijd: Periode, on: datetime.date) -> tuple[Evaluatiemoment, ...]:
        """The moments that fall on exactly ``on``."""
        day = as_date(on)
        return tuple(m for d, m in self.schedule(looptijd) if d == day)

    def result(
        self,
        moment: str,
        datum: datetime.date,
        metingen: Iterable[Meting],
        oordeel: str,
        voortzetten: bool | None = None,
    ) -> Evaluatieresultaat:
        """An :class:`Evaluatieresultaat` for a moment and indicators of this plan only."""
        gepland = self.moment(moment)
        if gepland is None:
            known = ", ".join(m.naam for m in self.momenten)
            raise InvalidValueError(
                "Evaluatieresultaat.moment", f"{moment!r} is not in the plan; moments: {known}"
            )
        resultaat = Evaluatieresultaat(gepland.naam, datum, metingen, oordeel, voortzetten)
        for meting in resultaat.metingen:
            if self.indicator(meting.indicator) is None:
                known = ", ".join(i.naam for i in self.indicatoren) or "none"
                raise InvalidValueError(
                    "Meting.indicator",
                    f"{meting.indicator!r} is not an indicator of the plan; indicators: {known}",
                )
        return resultaat
