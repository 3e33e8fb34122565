"""The checks every pilot plugin must pass, from sociaaldomein's conformance suite."""

from __future__ import annotations

from pathlib import Path

import pendulum
from sociaaldomein_vroegsignalering import Vroegsignalering

from sociaaldomein import Gezin, ZrmMeting, ZrmScores
from sociaaldomein.testing import PluginConformance, make_gezin

ON = pendulum.date(2025, 3, 1)


def example_families() -> list[tuple[str, Gezin]]:
    """One family for each outcome the pilot gives, and for each condition it fails."""

    def zrm(financien: int) -> ZrmMeting:
        return ZrmMeting(ON.subtract(days=7), ZrmScores(financien=financien))

    debts = {"SCHULDEN"}
    return [
        ("eligible", make_gezin("a", problemen=debts, zrm=zrm(2))),
        (
            "complex debts: regular route",
            make_gezin("b", problemen=debts, zrm=zrm(2), complexe_vraag=True),
        ),
        ("no debts", make_gezin("c", zrm=zrm(2))),
        ("self-reliant", make_gezin("d", problemen=debts, zrm=zrm(4))),
    ]


class TestVroegsignaleringConformance(PluginConformance):
    plugin = Vroegsignalering
    letter = Path(__file__).parents[1] / "voorbeeldstad-2024-vroegsignalering.txt"
    examples = example_families
    on = ON
