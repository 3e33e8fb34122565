"""The pilot plugin: the Proeftuin Hoogkerk, support by BT Hoogkerk as an algemene voorziening.

Letter 004_b7ccad7045cc3ba8.txt (09-11-2016, kenmerk 5968383).  Loaded from
the entry point, :class:`HoogkerkPilot` is built without arguments, so every
default is the letter's reading; in code a municipality passes keyword
parameters, for example its real figures for the business case.

>>> import pendulum
>>> from sociaaldomein import Gemeente
>>> from sociaaldomein_hoogkerk.examples import example_families
>>> groningen = Gemeente("Groningen", plugins=[HoogkerkPilot()])
>>> _, complex_vraag = example_families()[2]
>>> print(groningen.assess(complex_vraag, pendulum.date(2017, 3, 1))["hoogkerk"].summary())
hoogkerk: regular route -> maatwerkbeschikking of zorgtoewijzing (keuze zorg in natura of PGB)
"""

from __future__ import annotations

import warnings
from collections.abc import Collection, Sequence
from typing import Annotated, Final

import pendulum

from sociaaldomein import (
    Budgetregel,
    EindeLooptijd,
    Evaluatieplan,
    Hulpvraag,
    Kostenmodel,
    Looptijd,
    Money,
    Organisatie,
    Pilot,
    PilotEindregel,
    PilotPlugin,
    PilotStatus,
    Reading,
    Route,
    Rule,
    Substitutie,
    TrajectEindregel,
    Verwijzer,
)
from sociaaldomein.compat import renamed_attribute, renamed_parameters
from sociaaldomein.parameters import Between
from sociaaldomein_hoogkerk import funding
from sociaaldomein_hoogkerk.evaluation import evaluation_plan
from sociaaldomein_hoogkerk.funding import (
    ACTUAL_PER_RESIDENT,
    COUNTERFACTUAL_PER_RESIDENT,
    RESIDENTS,
    substitutie,
)
from sociaaldomein_hoogkerk.letter import LETTER, WAAROM
from sociaaldomein_hoogkerk.partners import AANBIEDERS
from sociaaldomein_hoogkerk.readings import READINGS
from sociaaldomein_hoogkerk.rules import (
    HULPVRAGEN,
    VERWIJZERS,
    WIJKEN,
    doelgroep,
    reguliere_route,
    uitstroom,
)

__all__ = ["END", "PILOT_NAME", "START", "HoogkerkPilot"]

PILOT_NAME = "hoogkerk"
"""The pilot's short name, and the name of the plugin's entry point."""

START = pendulum.date(2016, 10, 1)
"""004, opening ("Geachte heer, mevrouw"): "In oktober is een start gemaakt"; read as the 1st."""

END = pendulum.date(2018, 1, 1)
"""004, "Waarom de proeftuin": "loopt tot en met december 2017", so it ends before 2018-01-01."""


class HoogkerkPilot(PilotPlugin):
    """The Proeftuin Hoogkerk, as a plugin.

    Every parameter defaults to the letter's reading:

    * ``name``: the pilot's key; another name lets two designs run side by side;
    * ``start`` and ``end``: October 2016 up to and including December 2017;
    * ``wijken``, ``hulpvragen``, ``verwijzers`` and ``jeugd_alleen_in_samenhang``:
      residents of Hoogkerk with a need for individuele begeleiding or
      dagbesteding, or a minor's need for basic youth care (not specialist youth
      care, which the regional inkoop buys), referred by the WIJ-team
      (:mod:`.rules`);
    * ``aanbieders``: the eight providers of BT Hoogkerk, placeholders because
      the letter does not name them (:mod:`.partners`);
    * ``counterfactual_per_resident``, ``actual_per_resident`` and ``residents``:
      the business case of substitution; **illustrative**, the letter gives no
      amounts (:mod:`.funding`).

    There is no capacity: BT Hoogkerk is an algemene voorziening, and its
    professionals set the extent of support without a minimum or maximum from
    a beschikking ("Waarom de proeftuin").
    """

    @renamed_parameters(naam="name", eind="end")
    def __init__(
        self,
        name: str = PILOT_NAME,
        *,
        start: pendulum.Date = START,
        end: pendulum.Date = END,
        wijken: Sequence[str] = WIJKEN,
        hulpvragen: Collection[Hulpvraag] = HULPVRAGEN,
        verwijzers: Collection[Verwijzer] = VERWIJZERS,
        jeugd_alleen_in_samenhang: bool = False,
        aanbieders: Sequence[Organisatie] = AANBIEDERS,
        counterfactual_per_resident: Money = COUNTERFACTUAL_PER_RESIDENT,
        actual_per_resident: Money = ACTUAL_PER_RESIDENT,
        residents: Annotated[int, Between(0, 10**7)] = RESIDENTS,
    ) -> None:
        self.pilot = Pilot(
            naam=name,
            titel="Proeftuin Hoogkerk",
            gemeente="Groningen",
            looptijd=Looptijd(start, end),
            capaciteit=None,
            # As of the letter (9-11-2016) the proeftuin runs: "In oktober is een start
            # gemaakt" ("Geachte heer, mevrouw").
            status=PilotStatus.ACTIVE,
            partners=aanbieders,
            brief=LETTER,
            omschrijving=(
                "Begeleidingsteam Hoogkerk, eight small providers, gives adults individual "
                "support and day activities as an algemene voorziening, and takes youth "
                "questions along within the regional inkoop jeugdhulp: the WIJ-team refers, "
                "no indicatie or zorgtoewijzing is needed."
            ),
        )
        self.doelgroep: Rule = doelgroep(
            wijken=wijken,
            hulpvragen=hulpvragen,
            verwijzers=verwijzers,
            jeugd_alleen_in_samenhang=jeugd_alleen_in_samenhang,
        )
        self._routes: tuple[Route, ...] = (reguliere_route(),)
        self.business_case: Substitutie = substitutie(
            counterfactual_per_resident, actual_per_resident, residents
        )
        self.evaluatieplan: Evaluatieplan = evaluation_plan()

    @property
    def budget_lines(self) -> list[Budgetregel]:
        """The substitution lines over the looptijd as it stands (extensions included)."""
        return funding.budget_lines(
            self.pilot.naam, self.pilot.looptijd.periode, self.business_case
        )

    @property
    def budgetregels(self) -> list[Budgetregel]:
        """Deprecated: renamed :attr:`budget_lines` (until 0.3)."""
        warnings.warn(
            "HoogkerkPilot.budgetregels is renamed budget_lines; use HoogkerkPilot.budget_lines "
            "(the old name works until sociaaldomein 0.3)",
            DeprecationWarning,
            stacklevel=2,
        )
        return self.budget_lines

    # what the letter says, for the hooks of PilotPlugin ------------------------

    def eligibility(self) -> Rule:
        """Lives in Hoogkerk, a need BT Hoogkerk meets, referred by the WIJ-team.

        "Achtergrond van deze beweging" (:func:`.rules.doelgroep`).
        """
        return self.doelgroep

    def routes(self) -> Sequence[Route]:
        """The regular process when the question is too complex for BT Hoogkerk.

        "Achtergrond van deze beweging" (:func:`.rules.reguliere_route`).
        """
        return self._routes

    def funding(self) -> Sequence[Budgetregel]:
        """Financed by substitution ("Kosten"); the amounts are *illustrative*."""
        return self.budget_lines

    def cost_model(self) -> Kostenmodel:
        """BT Hoogkerk's cost per resident, once per resident taken on ("Kosten").

        As the substitution line counts it (:func:`.funding.cost_model`); the
        amount is *illustrative* unless the municipality passes its own figures.
        """
        return funding.cost_model(self.business_case)

    def pilot_termination(self) -> Sequence[PilotEindregel]:
        """The proeftuin runs up to and including December 2017 ("Waarom de proeftuin")."""
        return [EindeLooptijd(WAAROM)]

    def trajectory_termination(self) -> Sequence[TrajectEindregel]:
        """To the regular route when BT Hoogkerk later finds the question too complex.

        "Achtergrond van deze beweging" (:func:`.rules.uitstroom`).
        """
        return [uitstroom()]

    def evaluation_plan(self) -> Evaluatieplan:
        """Experiences halfway, quality and business case before the end ("Waarom de proeftuin")."""
        return self.evaluatieplan

    def readings(self) -> Sequence[Reading]:
        """How the plugin reads the letter, and the parameters that change it (:mod:`.readings`)."""
        return READINGS


_RENAMED: Final = {
    "PILOT_NAAM": "PILOT_NAME",
    "EIND": "END",
}
"""0.1 names, importable with a DeprecationWarning until 0.3."""


def __getattr__(name: str) -> object:
    return renamed_attribute(__name__, name, _RENAMED)
