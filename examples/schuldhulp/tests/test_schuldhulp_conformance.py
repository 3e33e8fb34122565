"""The checks every pilot plugin must pass, from sociaaldomein's conformance suite."""

from __future__ import annotations

from pathlib import Path

import pendulum
from sociaaldomein_schuldhulp import SchuldhulpJongeren
from sociaaldomein_schuldhulp.facts import BESLAG

from sociaaldomein import Gezin, Lid, LidRol, Money, Observatie, Term
from sociaaldomein.testing import PluginConformance, make_gezin

ON = pendulum.date(2025, 6, 1)


def young_adult(key: str, *, termen: frozenset[Term] = frozenset(), **facts: object) -> Gezin:
    """A young adult of 21 in Zuidhorn with young debts; ``facts`` replace the defaults."""
    feiten: dict[str, object] = {
        "schuldhulp.schuld": Money("4200.00"),
        "schuldhulp.inkomen": Money("1100.00"),
        "schuldhulp.schuldeisers": Observatie(3, ON.subtract(days=10)),
        "schuldhulp.geboortedatum": pendulum.date(2003, 8, 1),
    }
    feiten.update({f"schuldhulp.{k}": v for k, v in facts.items()})
    born = feiten["schuldhulp.geboortedatum"]
    assert isinstance(born, pendulum.Date)
    return make_gezin(
        key,
        leden=[Lid(LidRol.VOLWASSENE, born)],
        wijk="Zuidhorn",
        problemen={"SCHULDEN"},
        feiten=feiten,
        termen=termen,
    )


def example_families() -> list[tuple[str, Gezin]]:
    """One family for each outcome the pilot gives, and for each condition it fails."""
    return [
        ("eligible", young_adult("a")),
        ("beslag: regular route", young_adult("b", termen=frozenset({BESLAG}))),
        ("a small debt", young_adult("c", schuld=Money("800.00"))),
        ("one creditor", young_adult("d", schuldeisers=Observatie(1, ON.subtract(days=10)))),
        (
            "creditors counted too long ago",
            young_adult("e", schuldeisers=Observatie(4, ON.subtract(days=120))),
        ),
        ("too old", young_adult("f", geboortedatum=pendulum.date(1990, 1, 1))),
    ]


class TestSchuldhulpConformance(PluginConformance):
    plugin = SchuldhulpJongeren
    letter = Path(__file__).parents[1] / "letters" / "westerkwartier-2025-schuldhulp-jongeren.txt"
    examples = example_families
    on = ON
