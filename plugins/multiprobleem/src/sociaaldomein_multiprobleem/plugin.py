"""The pilot plugin: the doorstart of the pilot multiprobleemgezinnen krachtwijken.

Letter 003_720c15da674da257.txt (31-1-2011, OS 11.2503337) and its functional
mandate agreement.  Loaded from the entry point, :class:`MultiprobleemPilot` is
built without arguments, so every default is the letter's reading; in code a
municipality passes keyword parameters to try another reading.

>>> import pendulum
>>> from sociaaldomein import Gemeente
>>> from sociaaldomein_multiprobleem.examples import example_families
>>> groningen = Gemeente("Groningen", plugins=[MultiprobleemPilot()])
>>> _, gezin = example_families()[0]
>>> groningen.assess(gezin, pendulum.date(2011, 3, 1))["multiprobleem"].summary()
'multiprobleem: eligible'
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import Final

import pendulum

from sociaaldomein import (
    Budgetregel,
    Escalatieladder,
    Evaluatieplan,
    Gebiedsindeling,
    Kostenmodel,
    Looptijd,
    Mandaat,
    Money,
    Periode,
    Pilot,
    PilotEindregel,
    PilotPlugin,
    PilotStatus,
    Reading,
    Route,
    Rule,
)
from sociaaldomein.compat import renamed_attribute, renamed_parameters
from sociaaldomein_multiprobleem import funding, termination
from sociaaldomein_multiprobleem.escalation import ladder
from sociaaldomein_multiprobleem.evaluation import EVALUATIE_OP, evaluation_plan
from sociaaldomein_multiprobleem.funding import EXPLOITATIE, RESTANT, RESTANT_OP
from sociaaldomein_multiprobleem.gebieden import GRONINGEN, WOONGEBIED, Aanvulling
from sociaaldomein_multiprobleem.letter import LETTER, OVEREENKOMST, TENSLOTTE, TOEWIJZING
from sociaaldomein_multiprobleem.looptijd import LOOPTIJD_DOORSTART, doorstart_periode
from sociaaldomein_multiprobleem.mandate import FUNCTIONEEL_MANDAAT
from sociaaldomein_multiprobleem.partners import SAMENWERKINGSPARTNERS
from sociaaldomein_multiprobleem.readings import READINGS
from sociaaldomein_multiprobleem.rules import MIN_PROBLEMEN, doelgroep
from sociaaldomein_multiprobleem.selection import MAX_AANVULLINGEN, TOP, Selectie, Selectieregel
from sociaaldomein_multiprobleem.termination import MIN_OPZEGGERS, opzegregeling

__all__ = ["PILOT_NAME", "MultiprobleemPilot"]

PILOT_NAME = "multiprobleem"
"""The pilot's short name, and the name of the plugin's entry point."""


def _legacy_extension(
    aanvullende_wijken: Sequence[str] | None, start: pendulum.Date
) -> Aanvulling | None:
    """The 0.1 parameter as a decision that says it was never recorded, with a warning."""
    if aanvullende_wijken is None:
        return None
    wijken = tuple(aanvullende_wijken)
    warnings.warn(
        "MultiprobleemPilot(aanvullende_wijken=...) is deprecated: the wijken added 'zo nodig' "
        '(003, "7. Toewijzing gezinnen") admit a family only by a recorded decision; pass '
        "aanvulling=Aanvulling(besloten_op, besloten_door, bron, wijken), or leave it out "
        "(until sociaaldomein 0.3)",
        DeprecationWarning,
        stacklevel=4,  # past renamed_parameters, to the caller
    )
    if not wijken:
        return None
    unrecorded = "nobody on record (the 0.1 parameter aanvullende_wijken)"
    return Aanvulling(start, unrecorded, TOEWIJZING, wijken)


class MultiprobleemPilot(PilotPlugin):
    """The doorstart pilot multiprobleemgezinnen krachtwijken, as a plugin.

    Every parameter defaults to the letter's reading:

    * ``name``: the pilot's key; another name lets two designs run side by side;
    * ``looptijd``: the agreement's 1 January 2011 to 1 July 2012, or
      :data:`~.looptijd.LOOPTIJD_VERLENGDE_PILOT`, the letter's 15-month extension
      of the pilot of 1 April 2009 (:mod:`.looptijd`);
    * ``min_problemen`` (3, "DOEL");
    * ``krachtwijken`` (the Korrewegwijk, with the Indische Buurt and de Hoogte in
      it, and Tuinwijk), ``aanvulling`` (``None``: Selwerd, Paddepoel and Beijum
      admit a family only by a recorded :class:`~.gebieden.Aanvulling`) and
      ``gebieden`` (the area tree, :data:`~.gebieden.GRONINGEN`): section 7 (c),
      :mod:`.rules`.  ``aanvullende_wijken`` is deprecated: wijken given there
      are taken as a decision from the doorstart's start that says it was never
      recorded (until 0.3);
    * ``top`` and ``max_aanvullingen`` (10 and 10, "7. Toewijzing gezinnen"):
      the families selected *in total* over the doorstart, at most 20
      (``Pilot.max_totaal``), however many have left again;
    * ``capaciteit``: families at once; the letter gives no such number, so
      ``None`` (only the total of 20 limits it);
    * ``min_opzeggers`` (4 of 7, "13. Beëindiging");
    * ``restant`` and ``exploitatie`` (EUR 7,5 ton and 6 ton, "12. Financiën");
    * ``budget_vanaf`` (1 April 2011: the 7,5 ton remains "op 1 april 2011", so
      it is spent from then; ``pendulum.date(2011, 1, 1)`` is the reading of
      "een ruwe begroting voor de doorstart tot 1 januari 2011" as a budget from
      the doorstart's start, :mod:`.funding`);
    * ``evaluatie_op`` ("Begin 2012", read as 1 January 2012, "Tenslotte");
    * ``termijn_b_en_w`` (one week, "8. Algemene afspraken" IV).
    """

    @renamed_parameters(naam="name")
    def __init__(
        self,
        name: str = PILOT_NAME,
        *,
        looptijd: Looptijd = LOOPTIJD_DOORSTART,
        min_problemen: int = MIN_PROBLEMEN,
        krachtwijken: Sequence[str] = WOONGEBIED,
        aanvulling: Aanvulling | None = None,
        gebieden: Gebiedsindeling = GRONINGEN,
        aanvullende_wijken: Sequence[str] | None = None,
        top: int = TOP,
        max_aanvullingen: int = MAX_AANVULLINGEN,
        capaciteit: int | None = None,
        min_opzeggers: int = MIN_OPZEGGERS,
        restant: Money = RESTANT,
        exploitatie: Money = EXPLOITATIE,
        budget_vanaf: pendulum.Date = RESTANT_OP,
        evaluatie_op: pendulum.Date = EVALUATIE_OP,
        termijn_b_en_w: pendulum.Duration = pendulum.duration(weeks=1),
    ) -> None:
        self.pilot = Pilot(
            naam=name,
            titel="Doorstart pilot multiprobleemgezinnen krachtwijken",
            gemeente="Groningen",
            looptijd=looptijd,
            # "7. Toewijzing gezinnen" gives a number in total (10 before the start,
            # at most 10 more), not a number at once.
            capaciteit=capaciteit,
            max_totaal=top + max_aanvullingen,
            max_totaal_bron=TOEWIJZING,
            # As of the letter (31-1-2011) the pilot runs: it started 1 April 2009 and
            # the doorstart on 1 January 2011 ("Doorstart", the agreement's preamble).
            status=PilotStatus.EXTENDED if looptijd.is_extended else PilotStatus.ACTIVE,
            partners=[p.organisatie for p in SAMENWERKINGSPARTNERS],
            brief=LETTER,
            omschrijving=(
                "Gezinscoaches with a functional mandate work with a top 10 of "
                "multiprobleemgezinnen the partners select together: one family, one coach, "
                "one plan."
            ),
        )
        # The doorstart starts where the decided looptijd says; its end follows
        # the pilot, so an extension (PilotPlugin.extend) lengthens it.
        self._doorstart_start = doorstart_periode(looptijd).start
        aanvulling = aanvulling or _legacy_extension(aanvullende_wijken, self._doorstart_start)
        self.aanvulling = aanvulling
        self.doelgroep: Rule = doelgroep(
            min_problemen=min_problemen,
            krachtwijken=krachtwijken,
            aanvulling=aanvulling,
            gebieden=gebieden,
        )
        self.top = top
        self.max_aanvullingen = max_aanvullingen
        # a register reads the split: a top 10 before the start, at most 10 more
        self.selectieregel = Selectieregel(voor_start=top, daarna=max_aanvullingen, bron=TOEWIJZING)
        self.escalatieladder: Escalatieladder = ladder(termijn_iv=termijn_b_en_w)
        self.min_opzeggers = min_opzeggers
        self.restant = restant
        self.exploitatie = exploitatie
        self.budget_vanaf = budget_vanaf
        _ = self.budget_lines  # refuse running costs above the remainder now, not at first use
        self.evaluatieplan: Evaluatieplan = evaluation_plan(evaluatie_op=evaluatie_op)

    @property
    def doorstart(self) -> Periode:
        """The doorstart itself, up to the pilot's end as it stands (extensions included)."""
        return Periode(self._doorstart_start, self.pilot.looptijd.eind)

    @property
    def budget_lines(self) -> list[Budgetregel]:
        """The doorstart's budget lines over :attr:`doorstart` ("12. Financiën")."""
        return funding.budget_lines(
            self.pilot.naam,
            self.doorstart,
            restant=self.restant,
            exploitatie=self.exploitatie,
            budget_vanaf=self.budget_vanaf,
        )

    @property
    def budgetregels(self) -> list[Budgetregel]:
        """Deprecated: renamed :attr:`budget_lines` (until 0.3)."""
        warnings.warn(
            "MultiprobleemPilot.budgetregels is renamed budget_lines; use "
            "MultiprobleemPilot.budget_lines (the old name works until sociaaldomein 0.3)",
            DeprecationWarning,
            stacklevel=2,
        )
        return self.budget_lines

    @property
    def eindregels(self) -> list[PilotEindregel]:
        """The termination rules ("13. Beëindiging", the looptijd, guaranteed inflow)."""
        extended = self.pilot.looptijd.is_extended
        return termination.pilot_termination(
            opzegregeling(self.min_opzeggers), looptijd_bron=TENSLOTTE if extended else OVEREENKOMST
        )

    def selectie(self, doelgroep: Rule | None = None) -> Selectie:
        """An empty selection for this doorstart, checking ``doelgroep`` (default: this pilot's).

        Pass ``gemeente.compiled(pilot).eligibility`` to check the rule as the
        municipality's policies changed it.
        """
        return Selectie(
            self.doorstart,
            doelgroep=self.doelgroep if doelgroep is None else doelgroep,
            top=self.top,
            max_aanvullingen=self.max_aanvullingen,
        )

    def readings(self) -> tuple[Reading, ...]:
        """How this plugin reads letter 003, for the pilot page's Readings table."""
        return READINGS

    # what the letter says, for the hooks of PilotPlugin ------------------------

    def eligibility(self) -> Rule:
        """A multiprobleemgezin: three or more problems ("DOEL") meeting (a), (b) and (c).

        "7. Toewijzing gezinnen" (:func:`.rules.doelgroep`).
        """
        return self.doelgroep

    def routes(self) -> Sequence[Route]:
        """No routes: eligible families are not routed elsewhere, the partners select from them.

        "7. Toewijzing gezinnen" (:meth:`selectie`).
        """
        return ()

    def funding(self) -> Sequence[Budgetregel]:
        """The doorstart's 6 ton running costs and the GHP-bound rest ("12. Financiën")."""
        return self.budget_lines

    def cost_model(self) -> Kostenmodel:
        """The running costs a month over :attr:`doorstart`, the GHP-bound rest per family.

        "12. Financiën" and "7. Toewijzing gezinnen" (:func:`.funding.cost_model`):
        the 6 ton over the months from ``budget_vanaf`` (1 April 2011) to the end,
        and EUR 150.000 over the top 10 and at most 10 more; both *derived*.  The
        money counted here is spent from 1 April 2011: simulate the doorstart
        from then.
        """
        return funding.cost_model(
            self.doorstart,
            gezinnen=self.top + self.max_aanvullingen,
            restant=self.restant,
            exploitatie=self.exploitatie,
            budget_vanaf=self.budget_vanaf,
        )

    def pilot_termination(self) -> Sequence[PilotEindregel]:
        """The looptijd, four of the seven partners in writing ("13. Beëindiging"), no inflow.

        "Doorstart": it goes ahead only with guaranteed inflow (:mod:`.termination`).
        """
        return self.eindregels

    def mandate(self) -> Mandaat:
        """The functional mandate table ("9. Functionele mandaten", :mod:`.mandate`)."""
        return FUNCTIONEEL_MANDAAT

    def escalation(self) -> Escalatieladder:
        """Escalation III (at once) and IV (B&W, within a week) ("8. Algemene afspraken")."""
        return self.escalatieladder

    def evaluation_plan(self) -> Evaluatieplan:
        """Intraval's evaluation early 2012 ("Tenslotte"), then the policy conference.

        "12. Beleidsadvies toekomst" (:mod:`.evaluation`).
        """
        return self.evaluatieplan


_RENAMED: Final = {
    "PILOT_NAAM": "PILOT_NAME",
}
"""0.1 names, importable with a DeprecationWarning until 0.3."""


def __getattr__(name: str) -> object:
    return renamed_attribute(__name__, name, _RENAMED)
