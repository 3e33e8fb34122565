"""The functional mandate: whose advice binds which institution, on which decisions.

A *functioneel mandaat* is a contractual agreement between partners, not an Awb
mandate: for the selected families, the coach's advice on the listed decisions
binds the institution, which may deviate only where the law does not allow the
decision.  Institutions with only a *samenwerkingsafspraak* are not bound.

A budget objection is not the law: where a mandate says how budget objections
are absorbed (:class:`Budgetopvang`, for example "het GHP gebonden budget" of
003_720c15da674da257.txt, "9. Functionele mandaten"), an advice whose stated
ground is budgetary still binds, and the verdict records the refused ground
(:attr:`AdviesOordeel.afgewezen_grond`).

>>> mandaat = Mandaat(
...     regels=(MandaatRegel("wonen", "Woningcorporaties", ("woningtoewijzing",)),),
...     samenwerkingsafspraken=(Samenwerkingsafspraak("veiligheid", "Politie", ("huisverbod",)),),
... )
>>> advies = Advies("gezin-1", "woningcorporaties", " Woningtoewijzing", pendulum.date(2011, 3, 1))
>>> mandaat.check(advies, geselecteerd=True).status
<AdviesStatus.BINDEND: 'bindend'>
>>> mandaat.check(advies, geselecteerd=False).binds
False
>>> met_opvang = attrs.evolve(mandaat, budgetopvang=Budgetopvang("het GHP gebonden budget"))
>>> geen_geld = attrs.evolve(advies, wettelijk_toegestaan=False, wettelijke_grond="geen budget")
>>> met_opvang.check(geen_geld, geselecteerd=True).afgewezen_grond
'geen budget'
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Final, cast

import attrs
import pendulum

from sociaaldomein._validators import (
    as_date,
    is_date,
    non_empty,
    one_of_type,
)
from sociaaldomein.domain._agreement import (
    _all_of,
    _as_strs,
    _bron,
    _flag,
    _names,
    _norm,
)
from sociaaldomein.domain.bsn import pseudonymous_key
from sociaaldomein.domain.citation import Citation
from sociaaldomein.errors import InvalidValueError
from sociaaldomein.i18n import _

__all__ = [
    "BUDGET_KENMERKEN",
    "Advies",
    "AdviesOordeel",
    "AdviesStatus",
    "Budgetopvang",
    "Mandaat",
    "MandaatRegel",
    "MandaatRij",
    "Samenwerkingsafspraak",
]


def _as_regels(value: Iterable[MandaatRegel]) -> tuple[MandaatRegel, ...]:
    return tuple(value)


def _as_afspraken(value: Iterable[Samenwerkingsafspraak]) -> tuple[Samenwerkingsafspraak, ...]:
    return tuple(value)


# the mandate --------------------------------------------------------------


@attrs.frozen
class MandaatRegel:
    """For one leefgebied and instelling: the decisions on which the coach's advice binds."""

    leefgebied: str = attrs.field(validator=non_empty)
    instelling: str = attrs.field(validator=non_empty)
    besluiten: tuple[str, ...] = attrs.field(converter=_as_strs, validator=_names())
    bron: Citation | None = attrs.field(default=None, validator=_bron)

    def besluit_for(self, besluit: str) -> str | None:
        """The decision as this rule spells it, or ``None`` if the rule does not list it."""
        return next((b for b in self.besluiten if _norm(b) == _norm(besluit)), None)


@attrs.frozen
class Samenwerkingsafspraak:
    """A cooperation agreement *without* mandate: the institution keeps its own decision."""

    leefgebied: str = attrs.field(validator=non_empty)
    instelling: str = attrs.field(validator=non_empty)
    acties: tuple[str, ...] = attrs.field(converter=_as_strs, validator=_names())
    bron: Citation | None = attrs.field(default=None, validator=_bron)


BUDGET_KENMERKEN: Final = (
    "budget",
    "begroting",
    "geen geld",
    "geen middelen",
    "onvoldoende middelen",
    "geen dekking",
    "financiële dekking",
    "no money",
    "no funds",
    "insufficient funds",
)
"""Words that mark a stated ground as a budget objection (case and spacing aside).

"budget" also covers "budgettair", "budgettaire bezwaren" and "GHP-budget".
Costs as such are not in the list: a law can refuse a decision on its cost
(the draagkracht of bijzondere bijstand), and that is a ground in law.
"""


@attrs.frozen
class Budgetopvang:
    """How a mandate absorbs budget objections, so that they are no ground to deviate.

    ``budget`` names where the money comes from instead ("het GHP gebonden
    budget"); ``kenmerken`` are the words that mark a stated ground as a budget
    objection (:data:`BUDGET_KENMERKEN` by default).
    """

    budget: str = attrs.field(validator=non_empty)
    bron: Citation | None = attrs.field(default=None, validator=_bron)
    kenmerken: tuple[str, ...] = attrs.field(
        default=BUDGET_KENMERKEN, converter=_as_strs, validator=_names()
    )

    def is_budgettair(self, grond: str) -> bool:
        """Whether ``grond`` names a budget objection: it holds one of :attr:`kenmerken`."""
        text = _norm(grond)
        return any(_norm(k) in text for k in self.kenmerken)


@attrs.frozen
class MandaatRij:
    """One row of the mandate table, for rendering; ``mandaat`` is False for cooperation only."""

    leefgebied: str
    instelling: str
    besluiten: tuple[str, ...]
    mandaat: bool


class AdviesStatus(enum.Enum):
    """What an advice does to the institution it is addressed to."""

    BINDEND = "bindend"
    AFWIJKING_WETTELIJK = "afwijking_wettelijk"
    GEWEIGERD = "geweigerd"


def _cited(reden: str, bron: Citation | None) -> str:
    """``reden`` with its source in parentheses, both in the language it is read in."""
    return reden if bron is None else _("{reason} ({source})", reason=reden, source=bron)


@attrs.frozen
class Advies:
    """A coach's advice to an institution on one decision for one family.

    ``wettelijk_toegestaan=False`` records that the law does not allow the
    decision; the ``wettelijke_grond`` for that is then required.
    """

    gezin_id: str = attrs.field(validator=pseudonymous_key)
    instelling: str = attrs.field(validator=non_empty)
    besluit: str = attrs.field(validator=non_empty)
    datum: pendulum.Date = attrs.field(converter=as_date, validator=is_date)
    wettelijk_toegestaan: bool = attrs.field(default=True, validator=_flag)
    wettelijke_grond: str | None = attrs.field(default=None, validator=one_of_type(str, type(None)))

    def __attrs_post_init__(self) -> None:
        grond = (self.wettelijke_grond or "").strip()
        if not self.wettelijk_toegestaan and not grond:
            raise InvalidValueError(
                "Advies.wettelijke_grond",
                "is required when the law does not allow the decision (wettelijk_toegestaan=False)",
            )
        if self.wettelijk_toegestaan and self.wettelijke_grond is not None:
            raise InvalidValueError(
                "Advies.wettelijke_grond",
                "is only for a decision the law does not allow (wettelijk_toegestaan=False)",
            )


@attrs.frozen
class AdviesOordeel:
    """The verdict on an advice: the status, why (in English), and the source it rests on."""

    status: AdviesStatus = attrs.field(validator=one_of_type(AdviesStatus))
    reden: str = attrs.field(validator=non_empty)
    bron: Citation | None = attrs.field(default=None, validator=_bron)
    afwijking_grond: str | None = None
    afgewezen_grond: str | None = None
    """A ground given for deviating that is none (a budget objection): the advice binds."""

    def __attrs_post_init__(self) -> None:
        if (self.status is AdviesStatus.AFWIJKING_WETTELIJK) != (self.afwijking_grond is not None):
            raise InvalidValueError(
                "AdviesOordeel.afwijking_grond", "is given exactly when the status is a deviation"
            )
        if self.afgewezen_grond is not None and self.status is not AdviesStatus.BINDEND:
            raise InvalidValueError(
                "AdviesOordeel.afgewezen_grond", "is given only when the advice binds (BINDEND)"
            )

    @property
    def binds(self) -> bool:
        """Whether the institution must follow the advice."""
        return self.status is AdviesStatus.BINDEND


@attrs.frozen
class Mandaat:
    """The functional mandate table: rules with mandate, and cooperation agreements without."""

    regels: tuple[MandaatRegel, ...] = attrs.field(
        converter=_as_regels, validator=[non_empty, _all_of(MandaatRegel)]
    )
    samenwerkingsafspraken: tuple[Samenwerkingsafspraak, ...] = attrs.field(
        default=(), converter=_as_afspraken, validator=_all_of(Samenwerkingsafspraak)
    )
    bron: Citation | None = attrs.field(default=None, validator=_bron)
    alleen_geselecteerde_gezinnen: bool = attrs.field(default=True, validator=_flag)
    budgetopvang: Budgetopvang | None = attrs.field(
        default=None, validator=one_of_type(Budgetopvang, type(None))
    )

    def __attrs_post_init__(self) -> None:
        seen: set[str] = set()
        for rij in self.table():
            # One institution, one row: otherwise a verdict would depend on table order.
            if _norm(rij.instelling) in seen:
                raise InvalidValueError(
                    "Mandaat.regels", f"institution {rij.instelling!r} appears more than once"
                )
            seen.add(_norm(rij.instelling))

    def instellingen(self, *, include_samenwerking: bool = False) -> tuple[str, ...]:
        """The institutions with a mandate (and, if asked, those with cooperation only)."""
        return tuple(r.instelling for r in self.table() if r.mandaat or include_samenwerking)

    def leefgebieden(self, *, include_samenwerking: bool = False) -> tuple[str, ...]:
        """The life domains in table order, each once."""
        rows = [r for r in self.table() if r.mandaat or include_samenwerking]
        return tuple(dict.fromkeys(r.leefgebied for r in rows))

    def regel_for(self, instelling: str) -> MandaatRegel | None:
        """The rule for ``instelling``, or ``None`` if it has no mandate."""
        return next((r for r in self.regels if _norm(r.instelling) == _norm(instelling)), None)

    def samenwerking_for(self, instelling: str) -> Samenwerkingsafspraak | None:
        """The cooperation agreement with ``instelling``, or ``None``."""
        afspraken = self.samenwerkingsafspraken
        return next((a for a in afspraken if _norm(a.instelling) == _norm(instelling)), None)

    def table(self) -> tuple[MandaatRij, ...]:
        """Rows for rendering: first the rules with mandate, then the cooperation agreements."""
        return tuple(
            MandaatRij(r.leefgebied, r.instelling, r.besluiten, True) for r in self.regels
        ) + tuple(
            MandaatRij(a.leefgebied, a.instelling, a.acties, False)
            for a in self.samenwerkingsafspraken
        )

    def check(self, advies: Advies, *, geselecteerd: bool) -> AdviesOordeel:
        """The verdict on ``advies``; ``geselecteerd`` says whether the family was selected."""
        geweigerd = AdviesStatus.GEWEIGERD
        about = _(
            "advice to {institution} on {decision}",
            institution=repr(advies.instelling),
            decision=repr(advies.besluit),
        )
        if self.alleen_geselecteerde_gezinnen and not geselecteerd:
            reden = _(
                "{advice} is refused: family {gezin} is not selected, "
                "and the mandate applies only to selected families",
                advice=about,
                gezin=repr(advies.gezin_id),
            )
            return AdviesOordeel(geweigerd, _cited(reden, self.bron), self.bron)
        regel = self.regel_for(advies.instelling)
        if regel is None:
            afspraak = self.samenwerking_for(advies.instelling)
            if afspraak is not None:
                bron = afspraak.bron or self.bron
                reden = _(
                    "{advice} is refused: {institution} has no mandate, "
                    "only a cooperation agreement",
                    advice=about,
                    institution=repr(afspraak.instelling),
                )
                return AdviesOordeel(geweigerd, _cited(reden, bron), bron)
            reden = _(
                "{advice} is refused: the institution is not in the mandate (known: {known})",
                advice=about,
                known=", ".join(self.instellingen()),
            )
            return AdviesOordeel(geweigerd, reden, self.bron)
        bron = regel.bron or self.bron
        besluit = regel.besluit_for(advies.besluit)
        rule = _(
            "the mandate of {institution} for {leefgebied}",
            institution=repr(regel.instelling),
            leefgebied=repr(regel.leefgebied),
        )
        if besluit is None:
            reden = _(
                "{advice} is refused: the decision is outside {rule}", advice=about, rule=rule
            )
            return AdviesOordeel(geweigerd, _cited(reden, bron), bron)
        about = _(
            "advice to {institution} on {decision}",
            institution=repr(regel.instelling),
            decision=repr(besluit),
        )
        if not advies.wettelijk_toegestaan:
            grond = cast("str", advies.wettelijke_grond)
            opvang = self.budgetopvang
            if opvang is not None and opvang.is_budgettair(grond):
                bron = opvang.bron or bron
                reden = _(
                    "{advice} binds: the ground {ground} is a budget objection, and a budget "
                    "objection is no ground in law to deviate from the advice: "
                    "{budget} absorbs it",
                    advice=about,
                    ground=repr(grond),
                    budget=opvang.budget,
                )
                return AdviesOordeel(
                    AdviesStatus.BINDEND, _cited(reden, bron), bron, afgewezen_grond=grond
                )
            reden = _(
                "{advice} is under {rule}, but the law does not allow the decision, so the "
                "institution deviates on the ground: {ground}",
                advice=about,
                rule=rule,
                ground=grond,
            )
            return AdviesOordeel(AdviesStatus.AFWIJKING_WETTELIJK, _cited(reden, bron), bron, grond)
        reden = _("{advice} binds: the decision is under {rule}", advice=about, rule=rule)
        return AdviesOordeel(AdviesStatus.BINDEND, _cited(reden, bron), bron)
