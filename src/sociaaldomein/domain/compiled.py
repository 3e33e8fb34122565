"""A pilot compiled: everything its plugin and the policies answered, as one immutable value.

The composition (:class:`~sociaaldomein.Gemeente`) asks each pilot's provider
once and applies the policies once; the result is a :class:`CompiledPilot`.
Deciding for a family, vectorised outcomes over a cohort, funding, mandate and
termination checks and the simulation all work from this value: none of them
calls a plugin again.  A pilot whose plugin failed compiles to a
:class:`FailedPilot`, which answers every question with the failure.

>>> import pendulum
>>> from sociaaldomein.testing import ToyPilot, make_gezin
>>> from sociaaldomein import Gemeente
>>> toy = Gemeente(plugins=[ToyPilot()]).compiled("toy")
>>> toy.decide(make_gezin(problems=3), pendulum.date(2024, 6, 1)).outcome.name
'ELIGIBLE'
>>> toy.provenance["eligibility"].given_by.name
'toy'
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Mapping

import attrs
import numpy as np
import pendulum

from sociaaldomein.domain.beeindiging import (
    Einde,
    PilotEindregel,
    PilotToestand,
    TrajectEindregel,
    TrajectToestand,
)
from sociaaldomein.domain.besluit import Besluit, Geldigheid
from sociaaldomein.domain.budget import Budgetregel
from sociaaldomein.domain.cohort import Array, Cohort
from sociaaldomein.domain.escalatie import Escalatieladder
from sociaaldomein.domain.evaluatie import Evaluatieplan
from sociaaldomein.domain.feiten import Feit, shared_vectors
from sociaaldomein.domain.gezin import Gezin
from sociaaldomein.domain.kosten import Kostenmodel
from sociaaldomein.domain.mandaat import Mandaat
from sociaaldomein.domain.pilot import Pilot
from sociaaldomein.domain.provenance import PluginFailure, PluginRef, Provenance
from sociaaldomein.domain.rules import Explanation, Rule, rows_of
from sociaaldomein.domain.verdict import Note, Outcome, Route, Verdict
from sociaaldomein.i18n import _

__all__ = ["OUTCOME_CODES", "CompiledPilot", "FailedPilot", "TerminationCheck", "Versie"]

OUTCOME_CODES: dict[Outcome, int] = {o: i for i, o in enumerate(Outcome)}
"""The integer code of each outcome in vectorised results."""


def _fast_verdict() -> Callable[..., Verdict]:
    """``Verdict(...)`` without attrs' frozen ``__init__``: the same value, built faster.

    One verdict per pilot per family; the slots are set through their
    descriptors, as attrs does, minus a call per field.  ``failure`` is ``None``:
    a compiled pilot did not fail.
    """
    new = object.__new__
    names = [a.name for a in attrs.fields(Verdict)]
    put = {name: getattr(Verdict, name).__set__ for name in names}
    p_pilot, p_gezin, p_on, p_outcome, p_elig = (put[n] for n in names[:5])
    p_route, p_to, p_notes, p_not_taken = (put[n] for n in names[5:9])
    p_provenance, p_failure = put["provenance"], put["failure"]

    def build(
        pilot: str,
        gezin_id: str,
        on: pendulum.Date,
        outcome: Outcome,
        eligibility: Explanation,
        route: Explanation | None,
        to: str | None,
        notes: tuple[Note, ...],
        routes_not_taken: tuple[Explanation, ...],
        provenance: Provenance,
    ) -> Verdict:
        made: Verdict = new(Verdict)
        p_pilot(made, pilot)
        p_gezin(made, gezin_id)
        p_on(made, on)
        p_outcome(made, outcome)
        p_elig(made, eligibility)
        p_route(made, route)
        p_to(made, to)
        p_notes(made, notes)
        p_not_taken(made, routes_not_taken)
        p_provenance(made, provenance)
        p_failure(made, None)
        return made

    return build


_verdict = _fast_verdict()


def _read_twice(eligibility: Rule, *routes: Route) -> frozenset[Feit]:
    """The facts more than one leaf of the rule and the routes reads: those worth keeping."""
    seen: set[Feit] = set()
    twice: set[Feit] = set()
    for rule in (eligibility, *(r.when for r in routes)):
        for leaf in rule.leaves():
            feit = getattr(leaf, "feit", None)
            if isinstance(feit, Feit):
                (twice if feit in seen else seen).add(feit)
    return frozenset(twice)


@attrs.frozen
class TerminationCheck:
    """Which termination rules ended something, and what every rule found."""

    ended: bool
    by: tuple[Einde, ...]
    checks: tuple[Einde, ...]

    @classmethod
    def of(cls, checks: tuple[Einde, ...]) -> TerminationCheck:
        """The check made of every rule's finding."""
        return cls(any(c.ended for c in checks), tuple(c for c in checks if c.ended), checks)

    def render(self) -> str:
        """Every rule's finding, one per line."""
        return "\n".join(str(c) for c in self.checks) or str(_("no termination rules"))


@attrs.frozen(eq=False)
class CompiledPilot:
    """Everything one pilot answered, with the provenance of each answer.

    The fields after ``pilot`` are the pilot's answers, one per hook of
    :mod:`sociaaldomein.hookspecs` (``eligibility`` for
    ``sociaaldomein_eligibility``, and so on); ``provenance`` maps each of
    those names to the plugin that gave the answer and the policies that
    changed it.
    """

    pilot: Pilot
    eligibility: Rule
    routes: tuple[Route, ...] = ()
    funding: tuple[Budgetregel, ...] = ()
    cost_model: Kostenmodel | None = None
    pilot_termination: tuple[PilotEindregel, ...] = ()
    trajectory_termination: tuple[TrajectEindregel, ...] = ()
    mandate: Mandaat | None = None
    escalation: Escalatieladder | None = None
    evaluation_plan: Evaluatieplan | None = None
    provided_by: PluginRef = attrs.field(factory=lambda: PluginRef("unknown"))
    provenance: Mapping[str, Provenance] = attrs.field(factory=dict)

    versions: tuple[Versie, ...] = ()
    """The dated versions of the pilot, in order, when decisions changed it from a date
    (:meth:`sociaaldomein.Gemeente.apply`); empty when one version holds throughout.  Asked
    on a date, :meth:`decide` and :meth:`outcomes` use the version in force then."""
    besluiten: tuple[Besluit, ...] = ()
    """The decisions applied to the pilot, in the order they were applied."""

    failure: None = None
    """Always ``None``: a compiled pilot did not fail (see :class:`FailedPilot`)."""

    _rules_from: Provenance = attrs.field(init=False, repr=False)
    _explain: Callable[[Gezin, pendulum.Date], Explanation] = attrs.field(init=False, repr=False)
    _route_explains: tuple[Callable[[Gezin, pendulum.Date], Explanation], ...] = attrs.field(
        init=False, repr=False
    )
    _route_notes: tuple[tuple[Note, ...], ...] = attrs.field(init=False, repr=False)
    _starts: tuple[pendulum.Date, ...] = attrs.field(init=False, repr=False)
    _shared: frozenset[Feit] = attrs.field(init=False, repr=False)
    _closed: Note | None = attrs.field(init=False, repr=False, default=None)

    def __attrs_post_init__(self) -> None:
        # Every verdict carries it; worked out once, not per family.
        own = Provenance(self.provided_by)
        for aspect in ("eligibility", "routes"):
            if aspect in self.provenance:
                own = own.merge(self.provenance[aspect])
        object.__setattr__(self, "_rules_from", own)
        object.__setattr__(self, "_explain", self.eligibility.explainer())
        object.__setattr__(self, "_route_explains", tuple(r.when.explainer() for r in self.routes))
        notes = tuple((Note(r.reason, r.source),) for r in self.routes)  # one per route taken
        object.__setattr__(self, "_route_notes", notes)
        object.__setattr__(self, "_starts", tuple(v.geldigheid.vanaf for v in self.versions[1:]))
        object.__setattr__(self, "_shared", _read_twice(self.eligibility, *self.routes))

    def version_on(self, on: pendulum.Date) -> Versie | None:
        """The version in force on ``on`` (``None`` when the pilot has one version)."""
        if not self.versions:
            return None
        return self.versions[bisect.bisect_right(self._starts, on)]

    def at(self, on: pendulum.Date) -> CompiledPilot:
        """The pilot as it is in force on ``on``: its answers then."""
        version = self.version_on(on)
        return self if version is None else version.pilot

    @property
    def name(self) -> str:
        """The pilot's key."""
        return self.pilot.naam

    def rule_provenance(self) -> Provenance:
        """Where the eligibility rule and the routes come from, together."""
        return self._rules_from

    def decide(
        self,
        gezin: Gezin,
        on: pendulum.Date,
        occupancy: int = 0,
        *,
        admitted_so_far: int = 0,
    ) -> Verdict:
        """The verdict for one family, with every reason and where the rules come from.

        ``occupancy`` is the number of families in the pilot now, checked
        against :attr:`Pilot.capaciteit` (at once: a family beyond it waits);
        ``admitted_so_far`` the number admitted since the start, checked against
        :attr:`Pilot.max_totaal` (in total: once it is reached no family is
        admitted any more; the verdict is ``WAITLIST`` with a note that says so).
        A pilot with dated versions decides with the version in force on ``on``:
        the verdict notes that version and the decisions behind it first, and
        its provenance names those decisions.
        """
        if self.versions:
            version = self.versions[bisect.bisect_right(self._starts, on)]
            # The version's note first and its decisions in the provenance, in the one
            # verdict the version's pilot makes (the same value as ``version.mark``).
            return version.pilot._decide(
                gezin, on, occupancy, admitted_so_far, (version._note,), version._provenance
            )
        return self._decide(gezin, on, occupancy, admitted_so_far, (), self._rules_from)

    def _decide(
        self,
        gezin: Gezin,
        on: pendulum.Date,
        occupancy: int,
        admitted_so_far: int,
        lead: tuple[Note, ...],
        provenance: Provenance,
    ) -> Verdict:
        """:meth:`decide` for one version: ``lead`` notes first, ``provenance`` as given."""
        pilot, naam, gid = self.pilot, self.pilot.naam, gezin.id
        explanation = self._explain(gezin, on)
        if on not in pilot.looptijd:
            note = self._closed or self._closed_note()
            return _verdict(
                naam,
                gid,
                on,
                Outcome.CLOSED,
                explanation,
                None,
                None,
                (*lead, note),
                (),
                provenance,
            )
        if not explanation.passed:
            return _verdict(
                naam, gid, on, Outcome.NOT_ELIGIBLE, explanation, None, None, lead, (), provenance
            )
        not_taken: list[Explanation] = []
        for route, explain, notes in zip(
            self.routes, self._route_explains, self._route_notes, strict=True
        ):
            checked = explain(gezin, on)
            if checked.passed:
                return _verdict(
                    naam,
                    gid,
                    on,
                    route.outcome,
                    explanation,
                    checked,
                    route.to,
                    (*lead, *notes) if lead else notes,
                    tuple(not_taken),
                    provenance,
                )
            not_taken.append(checked)
        placed = _verdict(
            naam,
            gid,
            on,
            Outcome.ELIGIBLE,
            explanation,
            None,
            None,
            lead,
            tuple(not_taken),
            provenance,
        )
        if pilot.max_totaal is not None and admitted_so_far >= pilot.max_totaal:
            note = Note(
                _(
                    "no admission: {admitted} families admitted already, and the pilot admits "
                    "at most {most} in total over its looptijd; it admits no more families",
                    admitted=admitted_so_far,
                    most=pilot.max_totaal,
                ),
                pilot.max_totaal_bron,
            )
            return placed.with_note(note, Outcome.WAITLIST)
        if pilot.capaciteit is not None and occupancy >= pilot.capaciteit:
            note = Note(
                _(
                    "no place: {occupancy} families already in a pilot of capacity {capacity}; "
                    "the family goes on the waitlist",
                    occupancy=occupancy,
                    capacity=pilot.capaciteit,
                ),
                pilot.capaciteit_bron,
            )
            return placed.with_note(note, Outcome.WAITLIST)
        return placed

    def _closed_note(self) -> Note:
        # The same for every family and date outside the looptijd: made once, when first
        # needed (most families asked about most pilots are asked outside their looptijd).
        pilot = self.pilot
        note = Note(
            _(
                "{pilot} runs from {start} until {end}",
                pilot=pilot.titel,
                start=pilot.looptijd.start,
                end=pilot.looptijd.eind,
            )
        )
        object.__setattr__(self, "_closed", note)
        return note

    def outcomes(self, cohort: Cohort, on: pendulum.Date) -> Array:
        """The outcome code of every family of ``cohort`` (see :data:`OUTCOME_CODES`).

        Capacity is not applied here: it depends on order of arrival, which
        the simulation decides; eligible families get ``ELIGIBLE``.
        """
        if self.versions:
            return self.at(on).outcomes(cohort, on)
        n = len(cohort)
        if on not in self.pilot.looptijd:
            return np.full(n, OUTCOME_CODES[Outcome.CLOSED], dtype=np.int8)
        with shared_vectors(self._shared):  # a fact read by several rules is worked out once
            eligible = self.eligibility.evaluate(cohort, on)
            no, yes = OUTCOME_CODES[Outcome.NOT_ELIGIBLE], OUTCOME_CODES[Outcome.ELIGIBLE]
            # two in-place passes (0/1 scaled, then shifted), no boolean-mask write
            codes: Array = np.multiply(eligible, yes - no, dtype=np.int8)
            codes += no
            if self.routes:
                self._route(cohort, on, eligible, codes)
        return codes

    def _route(self, cohort: Cohort, on: pendulum.Date, eligible: Array, codes: Array) -> None:
        """Write the code of the first route each eligible family takes into ``codes``.

        Routes are asked only about eligible families: when they are few (the
        usual case: a pilot is for a small target group) the routes run over
        those families alone (a view that takes a column's rows when a rule
        reads it), not over the whole cohort.
        Every rule decides a family from its own row, so the answer is the same.
        """
        index = np.flatnonzero(eligible)
        if not index.size:
            return
        few = 2 * index.size <= len(cohort)
        part = rows_of(cohort, index) if few else cohort
        still = np.ones(index.size, dtype=bool) if few else eligible.copy()
        last = len(self.routes) - 1
        for at, route in enumerate(self.routes):
            rows = np.flatnonzero(np.logical_and(still, route.when.evaluate(part, on)))
            if not rows.size:
                continue
            # only the families taking the route are written: the others stay ELIGIBLE
            codes[index[rows] if few else rows] = OUTCOME_CODES[route.outcome]
            if at < last:
                still[rows] = False
                if not still.any():
                    break

    def check_termination(self, state: PilotToestand) -> TerminationCheck:
        """Whether the pilot has ended in ``state``, and by which rule."""
        return TerminationCheck.of(
            tuple(r.check(self.pilot, state) for r in self.pilot_termination)
        )

    def check_trajectory(self, state: TrajectToestand) -> TerminationCheck:
        """Whether a family's trajectory in the pilot has ended, and by which rule."""
        return TerminationCheck.of(tuple(r.check(state) for r in self.trajectory_termination))

    def with_pilot(self, pilot: Pilot) -> CompiledPilot:
        """The same answers for another version of the pilot (a longer looptijd, say).

        Dated versions keep their own values but take the looptijd of ``pilot``.
        """
        versions = tuple(
            attrs.evolve(
                v, pilot=v.pilot.with_pilot(attrs.evolve(v.pilot.pilot, looptijd=pilot.looptijd))
            )
            for v in self.versions
        )
        return attrs.evolve(self, pilot=pilot, versions=versions)


@attrs.frozen(eq=False)
class Versie:
    """One dated version of a pilot: when it is in force, the pilot then, and why.

    ``besluiten`` are the decisions whose changes make this version (empty for
    the version its plugin provides); ``wijzigingen`` what they changed, one
    line each.
    """

    nummer: int
    geldigheid: Geldigheid
    pilot: CompiledPilot
    besluiten: tuple[Besluit, ...] = ()
    wijzigingen: tuple[str, ...] = ()

    _note: Note = attrs.field(init=False, repr=False)
    _refs: tuple[PluginRef, ...] = attrs.field(init=False, repr=False)
    _provenance: Provenance = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        # One note and one provenance per version, not per verdict.
        object.__setattr__(self, "_note", Note(self.render(), self.geldigheid.bron))
        object.__setattr__(self, "_refs", tuple(PluginRef(str(b)) for b in self.besluiten))
        object.__setattr__(self, "_provenance", self._with_refs(self.pilot.rule_provenance()))

    def _with_refs(self, provenance: Provenance) -> Provenance:
        new = tuple(r for r in self._refs if r not in provenance.changed_by)
        return (
            Provenance(provenance.given_by, (*provenance.changed_by, *new)) if new else provenance
        )

    def render(self) -> str:
        """``version 2, in force from 2022-07-01: raadsbesluit RB 2022-07 of ...: capacity ...``."""
        text = f"version {self.nummer}, in force {self.geldigheid.render()}"
        if not self.besluiten:
            return f"{text}: {self.geldigheid.reden}"
        decided = "; ".join(str(b) for b in self.besluiten)
        return f"{text}: {decided} ({'; '.join(self.wijzigingen)})"

    def mark(self, verdict: Verdict) -> Verdict:
        """``verdict`` with this version's note, and its decisions in the provenance."""
        provenance = verdict.provenance
        if provenance is self.pilot.rule_provenance():  # every verdict the version gives
            provenance = self._provenance
        elif provenance is not None:
            provenance = self._with_refs(provenance)
        if provenance is None:  # not a verdict of a compiled pilot: keep its own shape
            return attrs.evolve(verdict, notes=(self._note, *verdict.notes))
        v = verdict
        return _verdict(
            v.pilot,
            v.gezin_id,
            v.on,
            v.outcome,
            v.eligibility,
            v.route,
            v.to,
            (self._note, *v.notes),
            v.routes_not_taken,
            provenance,
        )


@attrs.frozen
class FailedPilot:
    """A pilot whose plugin failed: every answer is the failure, every other pilot goes on."""

    name: str
    failure: PluginFailure
    pilot: Pilot | None = None

    def decide(
        self,
        gezin: Gezin,
        on: pendulum.Date,
        occupancy: int = 0,
        *,
        admitted_so_far: int = 0,
    ) -> Verdict:
        """A verdict that says the pilot could not be assessed, and why."""
        return Verdict.failed(self.name, gezin.id, on, self.failure)

    def outcomes(self, cohort: Cohort, on: pendulum.Date) -> Array:
        """``FAILED`` for every family."""
        return np.full(len(cohort), OUTCOME_CODES[Outcome.FAILED], dtype=np.int8)
