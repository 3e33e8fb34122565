"""What a simulation run assumes: every stochastic element and every design knob is here.

:class:`Settings` holds what applies to the whole composition (the period,
the referral rate, monthly changes in families' problems, the routing order)
and one :class:`PilotDesign` per pilot (capacity, waitlist priority, costs,
budget, progress and exit probabilities, phased intake, extension, partner
votes).  Both are frozen values; :meth:`Settings.with_values` makes a variant
from dotted names, which is what a sweep does for every point of its grid.

Costs a design leaves unset (``None``) are the pilot's own, from its plugin's
cost model (:meth:`~sociaaldomein.Gemeente.cost_model`), and otherwise
:data:`DEFAULT_COSTS`; :meth:`PilotDesign.costs` says which applies.

>>> s = Settings(pendulum.date(2024, 1, 1), months=24)
>>> s.with_values({"toy.capacity": 5}).design("toy").capacity
5
>>> s.with_values({"referral_probability": 0.02}).referral_probability
0.02
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Final, Literal

import attrs
import pendulum

from sociaaldomein._validators import as_date, is_date, one_of_type
from sociaaldomein.domain.gezin import Verwijzer
from sociaaldomein.domain.kosten import Kostenmodel
from sociaaldomein.domain.money import Money
from sociaaldomein.errors import InvalidValueError

__all__ = ["DEFAULT_COSTS", "PRIORITIES", "PartnerVote", "Phase", "PilotDesign", "Settings"]

PRIORITIES: Final = ("fifo", "problems", "zrm")
"""Waitlist priority rules: first come first served; most problems first; lowest ZRM first.
Ties go to the family waiting longest, then to the lower row of the cohort."""

Priority = Literal["fifo", "problems", "zrm"]

DEFAULT_COSTS: Final = Kostenmodel(per_gezin_per_maand=Money(750), illustratief=True)
"""The costs of a pilot whose plugin gives no cost model: EUR 750 a family a month, nothing
fixed, nothing per admission.  EUR 750 is about EUR 9,000 a year, the derived cost of a
youth-care trajectory in DOMAIN.md; an assumption, not a figure of any letter."""


def _prob(instance: object, attribute: attrs.Attribute[float], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise InvalidValueError(
            f"{type(instance).__name__}.{attribute.name}",
            f"must be a probability from 0 to 1, got {value!r}",
        )


def _count(minimum: int) -> Any:
    def check(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            raise InvalidValueError(
                f"{type(instance).__name__}.{attribute.name}",
                f"must be a whole number of at least {minimum}, got {value!r}",
            )

    return check


def _optional_count(minimum: int) -> Any:
    inner = _count(minimum)

    def check(instance: object, attribute: attrs.Attribute[int | None], value: object) -> None:
        if value is not None:
            inner(instance, attribute, value)

    return check


def _money(value: Money | Decimal | int | str) -> Money:
    return value if isinstance(value, Money) else Money(value)


def _optional_money(value: Money | Decimal | int | str | None) -> Money | None:
    return None if value is None else _money(value)


def _cents(instance: object, attribute: attrs.Attribute[Any], value: Money | None) -> None:
    if value is not None and (value != value.rounded() or value < Money.zero()):
        raise InvalidValueError(
            f"{type(instance).__name__}.{attribute.name}",
            f"must be a non-negative amount in whole cents, got {value!r}",
        )


def _priority(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if value not in PRIORITIES:
        raise InvalidValueError(
            "PilotDesign.priority", f"unknown rule {value!r}; use one of {', '.join(PRIORITIES)}"
        )


def _verwijzers(values: Any) -> tuple[Verwijzer, ...]:
    if isinstance(values, str | Verwijzer):
        values = [values]
    out = []
    for v in values:
        if isinstance(v, Verwijzer):
            out.append(v)
        elif isinstance(v, str) and v.strip().isdigit():
            out.append(Verwijzer.from_code(v))
        elif isinstance(v, str) and v.strip().upper() in Verwijzer.__members__:
            out.append(Verwijzer[v.strip().upper()])
        else:
            known = ", ".join(Verwijzer.__members__)
            raise InvalidValueError("Phase.verwijzers", f"unknown referrer {v!r}; known: {known}")
    return tuple(out)


@attrs.frozen
class Phase:
    """From ``month`` (counted from the pilot's start) families referred by ``verwijzers`` enter.

    Phased intake (letter 002, SAMEN.: "gefaseerde instroom van de verschillende
    verwijzers"): before its phase a referrer's families go the regular route.
    A family with no known referrer enters from the first phase.
    """

    month: int = attrs.field(validator=_count(0))
    verwijzers: tuple[Verwijzer, ...] = attrs.field(converter=_verwijzers)


@attrs.frozen
class PartnerVote:
    """A partner asks in writing, in simulation month ``month``, to end the pilot."""

    month: int = attrs.field(validator=_count(0))
    partner: str = attrs.field(validator=one_of_type(str))
    schriftelijk: bool = True


def _phases(values: Any) -> tuple[Phase, ...]:
    return tuple(Phase(**v) if isinstance(v, Mapping) else v for v in values)


def _votes(values: Any) -> tuple[PartnerVote, ...]:
    return tuple(PartnerVote(**v) if isinstance(v, Mapping) else v for v in values)


def _as_probability(value: Any) -> Any:
    """Decimals and numeric text (as files give them) become floats; anything else is checked."""
    if isinstance(value, Decimal) or (isinstance(value, str) and value.strip()):
        try:
            return float(value)
        except ValueError:
            return value
    return value


def _strs(values: Any) -> tuple[str, ...]:
    return (values,) if isinstance(values, str) else tuple(values)


@attrs.frozen
class PilotDesign:
    """The design of one pilot in a simulation; every default is a plain, documented assumption.

    Money is :class:`~sociaaldomein.Money` (an ``int``, ``str`` or ``Decimal`` is
    converted).  Probabilities are per family per month.
    """

    capacity: int | None = attrs.field(default=None, validator=_optional_count(0))
    """Families in care at once; ``None``: the pilot's own ``capaciteit`` (none: no cap)."""
    priority: Priority = attrs.field(default="fifo", validator=_priority)
    """Who comes first off the waitlist: see :data:`PRIORITIES`."""
    cost_per_family_month: Money | None = attrs.field(
        default=None, converter=_optional_money, validator=_cents
    )
    """What one family in care costs a month; ``None``: the pilot's cost model
    (``per_gezin_per_maand``), else EUR 750 (:data:`DEFAULT_COSTS`)."""
    fixed_cost_per_month: Money | None = attrs.field(
        default=None, converter=_optional_money, validator=_cents
    )
    """What the pilot costs a month whoever is in it (staff, for example); ``None``: the
    pilot's cost model (``vast_per_maand``), else nothing."""
    intake_cost: Money | None = attrs.field(
        default=None, converter=_optional_money, validator=_cents
    )
    """A one-off cost per admitted family (a GHP purchase, an intake); ``None``: the pilot's
    cost model (``per_instroom``), else nothing."""
    budget: Money | None = attrs.field(default=None, converter=_optional_money, validator=_cents)
    """The budget over the pilot's looptijd; ``None``: the pilot's funding lines."""
    budget_scope: Literal["total", "year"] = attrs.field(default="total")
    """``total``: one pot for the whole period; ``year``: each calendar year is its own pot
    (intake stops when the year's money is gone, and unspent money stays in its year)."""
    reserve_months: int = attrs.field(default=1, validator=_count(0))
    """A family is admitted only if the money left carries everyone in care, the new family
    and the fixed costs for this many months."""
    end_when_budget_exhausted: bool | None = None
    """Whether the pilot ends once its whole budget is spent; ``None``: when the pilot has the
    :class:`~sociaaldomein.BudgetUitgeput` termination rule.  Either way intake stops when
    the money left cannot carry another family."""
    progress_probability: float = attrs.field(
        default=0.15, converter=_as_probability, validator=_prob
    )
    """Chance that a family in care gains one ZRM level in a month."""
    setback_probability: float = attrs.field(
        default=0.03, converter=_as_probability, validator=_prob
    )
    """Chance that a family in care loses one ZRM level in a month."""
    regular_care_probability: float = attrs.field(
        default=0.02, converter=_as_probability, validator=_prob
    )
    """Chance a month that the question proves too complex: to the regular route."""
    step_down_probability: float = attrs.field(
        default=0.10, converter=_as_probability, validator=_prob
    )
    """Chance a month of a step-down (afschaling) once the family reaches ``step_down_level``."""
    step_down_level: int = attrs.field(default=3, validator=_count(1))
    """The ZRM level from which a step-down can happen."""
    max_months: int | None = attrs.field(default=24, validator=_optional_count(1))
    """A trajectory ends after this many months in care (``None``: no limit)."""
    waitlist_leave_probability: float = attrs.field(
        default=0.02, converter=_as_probability, validator=_prob
    )
    """Chance a month that a waiting family gives up and takes the regular route."""
    phases: tuple[Phase, ...] = attrs.field(default=(), converter=_phases)
    """Phased intake by referrer; empty: every referrer from the start."""
    extension_months: int = attrs.field(default=0, validator=_count(0))
    """How long an extension of the looptijd would be."""
    extension_probability: float = attrs.field(
        default=0.0, converter=_as_probability, validator=_prob
    )
    """Chance that the extension is decided (drawn once per run)."""
    partners: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    """The partners who may ask to end the pilot (empty: the pilot's own partners)."""
    partner_request_probability: float = attrs.field(
        default=0.0, converter=_as_probability, validator=_prob
    )
    """Chance a month that a partner who has not asked yet asks in writing to end the pilot."""
    votes: tuple[PartnerVote, ...] = attrs.field(default=(), converter=_votes)
    """Requests to end the pilot scheduled as events."""
    settle_months: int = attrs.field(default=0, validator=_count(0))
    """Months between a decisive vote and the end (settling the consequences)."""

    @budget_scope.validator
    def _scope(self, attribute: attrs.Attribute[str], value: object) -> None:
        if value not in ("total", "year"):
            raise InvalidValueError(
                "PilotDesign.budget_scope", f"must be 'total' or 'year', got {value!r}"
            )

    def costs(self, pilot: Kostenmodel | None = None) -> Kostenmodel:
        """The costs this design simulates for a pilot whose own cost model is ``pilot``.

        Field by field: a cost this design sets, else the pilot's cost model's,
        else :data:`DEFAULT_COSTS` (``pilot`` is ``None``: the plugin gives none).
        A design that sets none of the three takes the cost model whole, with
        its source; one that sets a cost makes the figures the analyst's, with
        no ``bron`` and neither ``afgeleid`` nor ``illustratief``.

        >>> staff = Kostenmodel(vast_per_maand=Money(14_000), afgeleid=True)
        >>> PilotDesign().costs(staff) == staff
        True
        >>> str(PilotDesign().costs().per_gezin_per_maand)
        'EUR 750,00'
        >>> print(PilotDesign(cost_per_family_month=Money(1_400)).costs(staff))
        EUR 14.000,00 a month, EUR 1.400,00 a family a month, EUR 0,00 per admitted family
        """
        try:
            return _costs(self, pilot)
        except TypeError:  # a value that cannot be hashed: computed, not kept
            return _costs.__wrapped__(self, pilot)


@functools.lru_cache(maxsize=256)
def _costs(design: PilotDesign, pilot: Kostenmodel | None) -> Kostenmodel:
    # Kept: a model is built for every simulation, and a cost model is checked when made.
    base = DEFAULT_COSTS if pilot is None else pilot
    chosen = {
        name: value
        for name, value in (
            ("vast_per_maand", design.fixed_cost_per_month),
            ("per_gezin_per_maand", design.cost_per_family_month),
            ("per_instroom", design.intake_cost),
        )
        if value is not None
    }
    if not chosen:
        return base
    return attrs.evolve(base, **chosen, bron=None, afgeleid=False, illustratief=False)


def _designs(values: Mapping[str, PilotDesign]) -> dict[str, PilotDesign]:
    return dict(values)


@attrs.frozen
class Settings:
    """A simulation: ``months`` calendar months from the month of ``start``.

    ``referral_probability`` is the chance that a family not in any pilot is
    referred in a month (all pilots of the composition assess it; the first in
    ``routing`` order that finds it eligible takes it).  With
    ``problem_change_probability`` > 0 each family's problems change: a month,
    with that chance, one of the nine problems appears or resolves.
    """

    start: pendulum.Date = attrs.field(converter=as_date, validator=is_date)
    months: int = attrs.field(default=24, validator=_count(1))
    referral_probability: float = attrs.field(
        default=0.01, converter=_as_probability, validator=_prob
    )
    problem_change_probability: float = attrs.field(
        default=0.0, converter=_as_probability, validator=_prob
    )
    default_zrm: int = attrs.field(default=2, validator=_count(1))
    """The ZRM level assumed for a family whose ZRM was not taken."""
    families_return: bool = attrs.field(default=False, validator=one_of_type(bool))
    """Whether a family that leaves (a trajectory ended, the waitlist given up, the regular
    route) comes back home and may be referred again; by default it leaves the simulation,
    so that each family has at most one trajectory."""
    goal_gain: int = attrs.field(default=2, validator=_count(1))
    """Levels to gain when no achievable level is known: the goal is ``level + goal_gain``."""
    routing: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    """The order in which pilots take an eligible family; empty: the composition's order."""
    pilots: dict[str, PilotDesign] = attrs.field(factory=dict, converter=_designs)
    """A design per pilot name; a pilot not named gets ``default``."""
    default: PilotDesign = attrs.field(factory=PilotDesign)

    def design(self, pilot: str) -> PilotDesign:
        """The design of ``pilot``."""
        return self.pilots.get(pilot, self.default)

    def with_values(self, values: Mapping[str, Any]) -> Settings:
        """A copy with ``values`` set by name.

        A plain name sets a field of the settings (``"referral_probability"``);
        ``"<pilot>.<field>"`` sets a field of that pilot's design
        (``"gezinsverzorger.capacity"``).
        """
        out = self
        for name, value in values.items():
            pilot, _, field = name.rpartition(".")
            if pilot.startswith("pilots."):
                pilot = pilot.removeprefix("pilots.")
            if not pilot:
                if field not in attrs.fields_dict(Settings):
                    raise InvalidValueError(
                        "Settings", f"unknown setting {name!r}; known: {_known(Settings)}"
                    )
                out = attrs.evolve(out, **{field: value})
                continue
            if field not in attrs.fields_dict(PilotDesign):
                raise InvalidValueError(
                    f"Settings.pilots[{pilot}]",
                    f"unknown design field {field!r}; known: {_known(PilotDesign)}",
                )
            design = attrs.evolve(out.design(pilot), **{field: value})
            out = attrs.evolve(out, pilots={**out.pilots, pilot: design})
        return out


def _known(cls: type) -> str:
    return ", ".join(f.name for f in attrs.fields(cls))
