"""Money: what is left for the doorstart, what runs it, and the GHP-bound rest.

003_720c15da674da257.txt, "12. Financiën":

* the municipality and the corporations set a budget of EUR 1,5 million for
  the whole pilot (:data:`PILOTBUDGET`; "Tenslotte" names Rijk, corporaties and
  Provincie Groningen as consenting co-funders, without their shares);
* "op 1 april 2011 nog € 7,5 ton" is left, an estimate (:data:`RESTANT`);
* running the doorstart "inclusief externe deskundigheid" needs about "€ 6 ton"
  (:data:`EXPLOITATIE`); the coaches' costs belong here, because they are not
  GHP-bound ("Begrippenlijst", GHP gebonden budget);
* what is left after that is the GHP-bound budget, which the projectleider
  spends per family ("5. Taken van de projectleider").  EUR 150.000 is *derived*
  (7,5 ton minus 6 ton), not written in the letter.

The funding hook returns the doorstart's two lines only, EUR 600.000 and
EUR 150.000, which add up to the EUR 7,5 ton the letter says is left.  The
EUR 1,5 million is the whole pilot since 2009, of which the other half was
spent before the doorstart; returning it beside the remainder would count that
money twice.

*When* the money is spent.  The EUR 7,5 ton is what remains "op 1 april 2011":
money that remains on that day cannot have paid for January to March 2011, so
the lines run from 1 April 2011 (:data:`RESTANT_OP`) to the doorstart's end,
and none of it falls before.  The section also speaks of "een ruwe begroting
voor de doorstart tot 1 januari 2011", which cannot be the doorstart's end (it
starts then); read as a budget *from* the doorstart's start, the lines would
run from 1 January 2011.  That reading stays available as a parameter,
``budget_vanaf=pendulum.date(2011, 1, 1)``; the default is the plain one.

"7. Toewijzing gezinnen": per family it is examined which part of the coach
hours regular funding can carry (:class:`Urenverdeling`).

>>> import pendulum
>>> from sociaaldomein import Begroting, Periode
>>> doorstart = Periode(pendulum.date(2011, 1, 1), pendulum.date(2012, 7, 1))
>>> begroting = Begroting(budget_lines("multiprobleem", doorstart))
>>> str(begroting.total())
'EUR 750.000,00'
>>> {jaar: str(bedrag) for jaar, bedrag in begroting.per_year().items()}
{2011: 'EUR 451.312,91', 2012: 'EUR 298.687,09'}

How the doorstart spends it (:func:`cost_model`, *derived*): the running
costs a month, whoever is in care, and the GHP-bound budget per selected family.

>>> print(cost_model(doorstart, gezinnen=20))  # doctest: +NORMALIZE_WHITESPACE
EUR 40.000,00 a month, EUR 0,00 a family a month, EUR 7.500,00 per admitted family
[afgeleid: derived, not written in the letter] [Tussenrapportage pilot multiprobleemgezinnen
krachtwijken, January 31, 2011 (reference OS 11.2503337), "12. Financiën"]
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

import attrs
import pendulum

from sociaaldomein import (
    Budgetregel,
    Financieringsmodel,
    GhpBudget,
    InvalidValueError,
    Kostenmodel,
    Money,
    Periode,
)
from sociaaldomein.compat import renamed_attribute
from sociaaldomein_multiprobleem.letter import FINANCIEN, LETTER, TOEWIJZING
from sociaaldomein_multiprobleem.messages import _

__all__ = [
    "EXPLOITATIE",
    "FINANCIER",
    "PILOTBUDGET",
    "RESTANT",
    "RESTANT_OP",
    "Urenverdeling",
    "budget_lines",
    "cost_model",
    "funded_period",
    "ghp_budget",
]

PILOTBUDGET: Final = Money(1_500_000)
"""The budget of the whole pilot since 1 April 2009 (003, "12. Financiën")."""

RESTANT: Final = Money(750_000)
"""Left on 1 April 2011, an estimate: "nog € 7,5 ton" (003, "12. Financiën")."""

RESTANT_OP: Final = pendulum.date(2011, 4, 1)
"""The day on which the EUR 7,5 ton remains, so the first day it can be spent (003, "12.")."""

EXPLOITATIE: Final = Money(600_000)
"""Running the doorstart, including external expertise: "€ 6 ton" (003, "12. Financiën")."""

FINANCIER: Final = "Gemeente Groningen en corporaties"
"""003, "12. Financiën": "door de gemeente Groningen samen met de corporaties"."""

_GHP_BRON: Final = LETTER.cite(
    FINANCIEN.section,
    "Er is dan nog voldoende budget over voor inzet van het GHP gebonden budget.",
)


def _ghp_pot(restant: Money, exploitatie: Money) -> Money:
    if exploitatie > restant:
        raise InvalidValueError(
            "budget_lines.exploitatie",
            _(
                "running costs of {costs} exceed the {left} left ({bron})",
                costs=str(exploitatie),
                left=str(restant),
                bron=FINANCIEN,
            ),
        )
    return restant - exploitatie


def funded_period(doorstart: Periode, budget_vanaf: pendulum.Date = RESTANT_OP) -> Periode:
    """The part of ``doorstart`` the remainder pays for: from ``budget_vanaf`` to its end.

    A doorstart that starts later than ``budget_vanaf`` (the letter's reading
    of the looptijd, from 1 April 2011) is paid for from its own start.
    """
    raw: object = budget_vanaf
    if not isinstance(raw, pendulum.Date) or isinstance(raw, pendulum.DateTime):
        raise InvalidValueError(
            "budget_lines.budget_vanaf",
            _("must be a pendulum date, got {value}", value=repr(budget_vanaf)),
        )
    if budget_vanaf >= doorstart.end:
        raise InvalidValueError(
            "budget_lines.budget_vanaf",
            _(
                "{date} is not before the doorstart's end ({end}), so no money is spent ({bron})",
                date=budget_vanaf.isoformat(),
                end=doorstart.end.isoformat(),
                bron=FINANCIEN,
            ),
        )
    return Periode(max(budget_vanaf, doorstart.start), doorstart.end)


def budget_lines(
    pilot: str,
    doorstart: Periode,
    *,
    restant: Money = RESTANT,
    exploitatie: Money = EXPLOITATIE,
    financier: str = FINANCIER,
    budget_vanaf: pendulum.Date = RESTANT_OP,
) -> list[Budgetregel]:
    """The doorstart's funding lines: running costs and the GHP-bound rest.

    They run over :func:`funded_period`: from ``budget_vanaf`` (default 1 April
    2011, the day the money "remains") to the doorstart's end.
    """
    periode = funded_period(doorstart, budget_vanaf)
    return [
        Budgetregel(
            pilot,
            "exploitatie doorstart incl. externe deskundigheid en gezinscoaches",
            exploitatie,
            financier,
            Financieringsmodel.PROJECTBUDGET,
            periode=periode,
            bron=FINANCIEN,
        ),
        Budgetregel(
            pilot,
            "GHP gebonden budget, per gezin ingekocht door de projectleider",
            _ghp_pot(restant, exploitatie),
            financier,
            Financieringsmodel.GHP_GEBONDEN,
            periode=periode,
            bron=_GHP_BRON,
            afgeleid=True,
        ),
    ]


def ghp_budget(restant: Money = RESTANT, exploitatie: Money = EXPLOITATIE) -> GhpBudget:
    """The GHP-bound pot, nothing bought yet: the remainder after the running costs (derived)."""
    return GhpBudget(_ghp_pot(restant, exploitatie))


def cost_model(
    doorstart: Periode,
    *,
    gezinnen: int,
    restant: Money = RESTANT,
    exploitatie: Money = EXPLOITATIE,
    budget_vanaf: pendulum.Date = RESTANT_OP,
) -> Kostenmodel:
    """How the doorstart spends its money over ``doorstart``, for at most ``gezinnen`` families.

    Both figures are *derived* from "12. Financiën", which gives totals only:

    * ``vast_per_maand``: the running costs (``exploitatie``, "€ 6 ton", the
      coaches included: they are not GHP-bound) spread evenly over the calendar
      months the remainder pays for (:func:`funded_period`: from 1 April 2011,
      15 months of EUR 40.000), paid whoever is in care; rounded down to the
      cent, so that the months never spend more than the letter's amount;
    * ``per_instroom``: the GHP-bound rest (``restant - exploitatie``, EUR 150.000),
      which the projectleider buys per family, spread over the most families
      the partners can select (``gezinnen``: the top 10 and at most 10 more,
      "7. Toewijzing gezinnen"), once for each family admitted; rounded down
      to the cent too.

    Nothing is charged per family a month: the coaches are in the running costs.
    """
    raw: object = gezinnen
    if isinstance(raw, bool) or not isinstance(raw, int) or raw < 1:
        raise InvalidValueError(
            "cost_model.gezinnen",
            _("must be a whole number of at least 1, got {value}", value=repr(gezinnen)),
        )
    ghp = _ghp_pot(restant, exploitatie)
    return Kostenmodel(
        vast_per_maand=exploitatie.split(funded_period(doorstart, budget_vanaf).months())[-1],
        per_instroom=ghp.split(gezinnen)[-1],
        bron=FINANCIEN,
        afgeleid=True,
    )


def _decimal(value: Decimal | int | str) -> Decimal:
    if isinstance(value, float | bool):
        raise InvalidValueError(
            "Urenverdeling", _("pass a Decimal, int or str, got {value}", value=repr(value))
        )
    return Decimal(value)


def _key(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise InvalidValueError(
            "Urenverdeling.gezin_id", _("must be a family key, got {value}", value=repr(value))
        )


@attrs.frozen
class Urenverdeling:
    """For one family: the coach hours, and the part regular funding carries.

    003, "7. Toewijzing gezinnen": "Per gezin zal worden onderzocht welk deel
    van de uren van de gezinscoaches regulier kan worden bekostigd en welk deel
    voor rekening van het project komt."  The letter gives no share, so
    ``regulier_deel`` defaults to 0 (the project pays every hour until the
    examination finds otherwise).

    >>> verdeling = Urenverdeling("gezin-01", 120, Decimal("0.25"))
    >>> verdeling.regulier_uren(), verdeling.project_uren()
    (Decimal('30.00'), Decimal('90.00'))
    """

    gezin_id: str = attrs.field(validator=_key)
    uren: Decimal = attrs.field(converter=_decimal)
    regulier_deel: Decimal = attrs.field(default=Decimal(0), converter=_decimal)

    def __attrs_post_init__(self) -> None:
        if self.uren < 0:
            raise InvalidValueError(
                "Urenverdeling.uren", _("must be 0 or more, got {value}", value=str(self.uren))
            )
        if not 0 <= self.regulier_deel <= 1:
            raise InvalidValueError(
                "Urenverdeling.regulier_deel",
                _(
                    "is a share from 0 to 1, got {value} ({bron})",
                    value=str(self.regulier_deel),
                    bron=TOEWIJZING,
                ),
            )

    def regulier_uren(self) -> Decimal:
        """The hours regular funding carries."""
        return self.uren * self.regulier_deel

    def project_uren(self) -> Decimal:
        """The hours the project pays; with :meth:`regulier_uren` exactly :attr:`uren`."""
        return self.uren - self.regulier_uren()

    def project_kosten(self, uurtarief: Money) -> Money:
        """What the project pays for this family's coach hours at ``uurtarief``, in cents."""
        return (uurtarief * self.project_uren()).rounded()


_RENAMED: Final = {
    "budgetregels": "budget_lines",
    "kostenmodel": "cost_model",
}
"""0.1 names, importable with a DeprecationWarning until 0.3."""


def __getattr__(name: str) -> object:
    return renamed_attribute(__name__, name, _RENAMED)
