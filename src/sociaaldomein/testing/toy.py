"""A toy pilot and a family builder: the smallest values a test or an example needs.

>>> import pendulum
>>> from sociaaldomein import Gemeente
>>> toy = Gemeente(plugins=[ToyPilot()]).compiled("toy")
>>> toy.decide(make_gezin(problems=2), pendulum.date(2024, 6, 1)).outcome.name
'ELIGIBLE'
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Annotated

import pendulum

from sociaaldomein.domain.beeindiging import EindeLooptijd, PilotEindregel
from sociaaldomein.domain.budget import Budgetregel, Financieringsmodel
from sociaaldomein.domain.citation import Citation
from sociaaldomein.domain.feiten import FEITEN
from sociaaldomein.domain.gezin import Gezin, Lid, LidRol, Probleem
from sociaaldomein.domain.money import Money
from sociaaldomein.domain.pilot import Looptijd, Pilot
from sociaaldomein.domain.rules import Compare, Rule
from sociaaldomein.parameters import Between
from sociaaldomein.pilotplugin import PilotPlugin

__all__ = ["TOY_SOURCE", "ToyPilot", "make_gezin"]

TOY_SOURCE = Citation("toy-letter.txt", "1. Doelgroep")
"""The citation of every rule and figure of :class:`ToyPilot`."""


class ToyPilot(PilotPlugin):
    """A minimal pilot plugin for tests and examples: families with at least ``min_problems``.

    It funds itself with ``per_year`` in each calendar year of its looptijd,
    paid by ``funder``, and ends with its looptijd.  It needs nothing but the
    library (no pytest), so a scenario file can name it as
    ``sociaaldomein.testing:ToyPilot``.
    """

    def __init__(
        self,
        name: str = "toy",
        *,
        min_problems: Annotated[int, Between(0, 32)] = 2,
        capacity: Annotated[int | None, Between(0, 10**7)] = 2,
        per_year: Money = Money(10_000),
        funder: str = "Gemeente",
        start: pendulum.Date = pendulum.date(2024, 1, 1),
        end: pendulum.Date = pendulum.date(2026, 1, 1),
    ) -> None:
        self.pilot = Pilot(
            naam=name,
            titel=f"Toy pilot {name}",
            gemeente="Groningen",
            looptijd=Looptijd(start, end),
            capaciteit=capacity,
            capaciteit_bron=TOY_SOURCE,
        )
        self.min_problems = min_problems
        self.per_year = per_year
        self.funder = funder

    def eligibility(self) -> Rule:
        """At least ``min_problems`` problems."""
        return Compare(FEITEN.aantal_problemen, ">=", self.min_problems, source=TOY_SOURCE)

    def funding(self) -> Sequence[Budgetregel]:
        """``per_year`` in every calendar year of the looptijd."""
        return [
            Budgetregel(
                pilot=self.pilot.naam,
                omschrijving="toy budget",
                bedrag=self.per_year,
                financier=self.funder,
                model=Financieringsmodel.PROJECTBUDGET,
                jaar=year,
                bron=TOY_SOURCE,
            )
            for year in self.pilot.looptijd.periode.years()
        ]

    def pilot_termination(self) -> Sequence[PilotEindregel]:
        """The end of the looptijd."""
        return [EindeLooptijd(TOY_SOURCE)]


def make_gezin(
    gezin_id: str = "gezin-1",
    *,
    problems: object = None,
    **fields: object,
) -> Gezin:
    """A valid family with one parent and one child; ``fields`` override any attribute.

    ``problems`` is a shortcut for ``problemen``: a number gives that many
    problems (the first of :class:`~sociaaldomein.Probleem`), an iterable of
    problems or their names gives those.  (It is typed ``object`` so that
    ``make_gezin(**fields)`` with a ``dict[str, object]`` type-checks.)
    """
    leden = [
        Lid(LidRol.OUDER, pendulum.date(1985, 5, 1)),
        Lid(LidRol.KIND, pendulum.date(2015, 3, 1)),
    ]
    values: dict[str, object] = {"leden": leden, "wijk": "Tuinwijk"}
    if isinstance(problems, int):
        values["problemen"] = frozenset(itertools.islice(Probleem, problems))
    elif problems is not None:
        values["problemen"] = problems
    values.update(fields)
    return Gezin(gezin_id, **values)  # type: ignore[arg-type]
