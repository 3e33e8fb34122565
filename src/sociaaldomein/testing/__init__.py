"""Helpers for testing plugins: a fresh composition per test, and a small toy pilot.

Plugin authors get these as pytest fixtures by adding one line to their
``conftest.py``::

    pytest_plugins = ["sociaaldomein.testing"]

Then ``gemeente`` is a fresh, empty :class:`~sociaaldomein.Gemeente` in every
test, and ``registered`` registers a plugin for the duration of one block:

.. code-block:: python

    def test_my_pilot(gemeente, registered):
        with registered(gemeente, MyPilot()):
            assert "my-pilot" in gemeente.pilots
"""

from __future__ import annotations

import contextlib
import inspect
from collections.abc import Callable, Iterator, Sequence

import attrs
import pendulum
import pytest

from sociaaldomein import hookspecs
from sociaaldomein.composition.gemeente import Gemeente
from sociaaldomein.domain.beeindiging import EindeLooptijd, PilotEindregel
from sociaaldomein.domain.budget import Budgetregel, Financieringsmodel
from sociaaldomein.domain.citation import Citation
from sociaaldomein.domain.cohort import Cohort
from sociaaldomein.domain.compiled import OUTCOME_CODES
from sociaaldomein.domain.feiten import FEITEN
from sociaaldomein.domain.gezin import Gezin, Lid, LidRol
from sociaaldomein.domain.money import Money
from sociaaldomein.domain.pilot import Looptijd, Pilot
from sociaaldomein.domain.rules import Compare, Rule
from sociaaldomein.pilotplugin import PilotPlugin

__all__ = [
    "ToyPilot",
    "assert_outcomes_agree",
    "assert_silent_on_other_pilots",
    "gemeente",
    "make_gezin",
    "registered",
    "registered_plugin",
]

TOY_SOURCE = Citation("toy-letter.txt", "1. Doelgroep")


class ToyPilot(PilotPlugin):
    """A minimal pilot plugin for tests and examples: families with at least ``min_problems``.

    It funds itself with ``per_year`` in each calendar year of its looptijd,
    paid by ``funder``, and ends with its looptijd.
    """

    def __init__(
        self,
        name: str = "toy",
        *,
        min_problems: int = 2,
        capacity: int | None = 2,
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


def make_gezin(gezin_id: str = "gezin-1", **fields: object) -> Gezin:
    """A valid family with one parent and one child; ``fields`` override any attribute."""
    leden = [
        Lid(LidRol.OUDER, pendulum.date(1985, 5, 1)),
        Lid(LidRol.KIND, pendulum.date(2015, 3, 1)),
    ]
    values: dict[str, object] = {"leden": leden, "wijk": "Tuinwijk"}
    values.update(fields)
    return Gezin(gezin_id, **values)  # type: ignore[arg-type]


def assert_outcomes_agree(
    gemeente: Gemeente, pilot: str, gezinnen: Sequence[Gezin], on: pendulum.Date
) -> None:
    """Assert that ``pilot`` decides every family alike one by one and as a cohort.

    The one-by-one verdicts (:meth:`CompiledPilot.decide`, capacity left out)
    are compared with the vectorised outcomes over the columnar cohort
    (:meth:`CompiledPilot.outcomes`).  On a mismatch the message names the
    family, both outcomes and the explanation, so a property test that fails
    points at the rule that disagrees.
    """
    compiled = gemeente.compiled(pilot)
    vectorised = compiled.outcomes(Cohort.from_gezinnen(gezinnen), on)
    names = {code: outcome for outcome, code in OUTCOME_CODES.items()}
    for gezin, code in zip(gezinnen, vectorised.tolist(), strict=True):
        verdict = compiled.decide(gezin, on)
        if OUTCOME_CODES[verdict.outcome] != code:
            raise AssertionError(
                f"{pilot} on {on.isoformat()}: gezin {gezin.id!r} is "
                f"{verdict.outcome.name} one by one but {names[code].name} as a cohort\n"
                f"{verdict.render()}\n{gezin!r}"
            )


def assert_silent_on_other_pilots(plugin: object) -> None:
    """Assert that every hook ``plugin`` implements answers ``None`` for a pilot not its own.

    The hooks are read from :mod:`sociaaldomein.hookspecs`, so a hook added
    later is checked too.  The other pilot is each of the plugin's own pilots
    under another name.
    """
    pilots: Sequence[Pilot] = getattr(plugin, "sociaaldomein_pilots", list)()
    hooks = [
        name
        for name, spec in inspect.getmembers(hookspecs, inspect.isfunction)
        if name.startswith("sociaaldomein_") and "pilot" in inspect.signature(spec).parameters
    ]
    assert pilots, f"{plugin!r} provides no pilot"
    for own in pilots:
        other = attrs.evolve(own, naam=f"niet-{own.naam}"[:63])
        for hook in hooks:
            implementation = getattr(plugin, hook, None)
            if implementation is None:
                continue
            answer = implementation(pilot=other)
            assert answer is None, f"{hook} answers {answer!r} for another pilot, {other.naam!r}"


@contextlib.contextmanager
def registered_plugin(gemeente: Gemeente, plugin: object, name: str | None = None) -> Iterator[str]:
    """Register ``plugin`` for the duration of a ``with`` block; removed again in ``finally``."""
    registered_name = gemeente.register(plugin, name)
    try:
        yield registered_name
    finally:
        gemeente.unregister(registered_name)


@pytest.fixture
def gemeente() -> Gemeente:
    """A fresh composition without plugins, for one test."""
    return Gemeente("Testgemeente")


@pytest.fixture
def registered() -> Callable[..., contextlib.AbstractContextManager[str]]:
    """:func:`registered_plugin` as a fixture."""
    return registered_plugin
