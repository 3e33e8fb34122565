"""One family, one coach, one plan: the Gezins Herstel Plan (GHP).

* 003_720c15da674da257.txt, "Begrippenlijst": the GHP is the planned approach
  towards a more stable and safer situation, "integraal op alle relevante
  levensterreinen";
* "10. Gezins Herstel Plan als informatiebron": "De informatie van de GHP's is
  voor alle samenwerkingspartners toegankelijk";
* the letter, "Tenslotte": "één gezin, één coach, één plan".

A :class:`Gezinsherstelplan` has one coach by construction; :func:`check_plans`
refuses a second plan for a family (and so a second coach) and a plan not
shared with every partner.

>>> plan = Gezinsherstelplan("gezin-01", "coach A", ("wonen", "werk en inkomen"),
...                          ("geen huisuitzetting", "schulden in beheer"))
>>> list(check_plans([plan]))
['gezin-01']
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs
import pendulum

from sociaaldomein import InvalidValueError
from sociaaldomein.validators import non_empty, one_of_type
from sociaaldomein_multiprobleem.letter import GHP_INFORMATIEBRON, TENSLOTTE
from sociaaldomein_multiprobleem.messages import _
from sociaaldomein_multiprobleem.partners import SAMENWERKINGSPARTNERS
from sociaaldomein_multiprobleem.selection import Selectie

__all__ = ["Gezinsherstelplan", "check_plans", "families_without_plan"]


def _norm(name: str) -> str:
    return " ".join(name.split()).casefold()


def _texts(value: Iterable[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


@attrs.frozen
class Gezinsherstelplan:
    """The plan of one family, made by its one coach, across the life domains it needs.

    ``gedeeld_met`` defaults to every partner of the agreement ("10.").
    """

    gezin_id: str = attrs.field(validator=[one_of_type(str), non_empty])
    coach: str = attrs.field(validator=[one_of_type(str), non_empty])
    leefgebieden: tuple[str, ...] = attrs.field(converter=_texts)
    doelen: tuple[str, ...] = attrs.field(converter=_texts)
    gedeeld_met: tuple[str, ...] = attrs.field(default=SAMENWERKINGSPARTNERS, converter=_texts)

    def __attrs_post_init__(self) -> None:
        if not self.leefgebieden or not self.doelen:
            raise InvalidValueError(
                "Gezinsherstelplan.doelen",
                _("a plan names at least one leefgebied and one goal ('Begrippenlijst')"),
            )

    def shared_with_all(self, partners: Iterable[str] = SAMENWERKINGSPARTNERS) -> bool:
        """Whether every one of ``partners`` can read the plan."""
        shared = {_norm(p) for p in self.gedeeld_met}
        return all(_norm(p) in shared for p in partners)


def check_plans(
    plannen: Iterable[Gezinsherstelplan], partners: Iterable[str] = SAMENWERKINGSPARTNERS
) -> dict[str, Gezinsherstelplan]:
    """The one plan of each family; raises on a second plan or a plan kept from a partner."""
    wanted = tuple(partners)
    per_gezin: dict[str, Gezinsherstelplan] = {}
    for plan in plannen:
        earlier = per_gezin.get(plan.gezin_id)
        if earlier is not None:
            coaches = (
                _(
                    "two coaches ({one} and {other})",
                    one=repr(earlier.coach),
                    other=repr(plan.coach),
                )
                if _norm(earlier.coach) != _norm(plan.coach)
                else _("one coach ({coach})", coach=repr(plan.coach))
            )
            raise InvalidValueError(
                "Gezinsherstelplan.gezin_id",
                _(
                    "family {gezin} has two plans with {coaches}: one family, one coach, one "
                    "plan ({bron})",
                    gezin=repr(plan.gezin_id),
                    coaches=coaches,
                    bron=TENSLOTTE,
                ),
            )
        if not plan.shared_with_all(wanted):
            raise InvalidValueError(
                "Gezinsherstelplan.gedeeld_met",
                _(
                    "the plan of {gezin} must be open to every partner ({bron})",
                    gezin=repr(plan.gezin_id),
                    bron=GHP_INFORMATIEBRON,
                ),
            )
        per_gezin[plan.gezin_id] = plan
    return per_gezin


def families_without_plan(
    plannen: Iterable[Gezinsherstelplan], selectie: Selectie, on: pendulum.Date
) -> tuple[str, ...]:
    """The families selected on ``on`` that have no plan yet."""
    met_plan = set(check_plans(plannen, selectie.partners))
    return tuple(g for g in selectie.geselecteerd(on) if g not in met_plan)
