"""Verdicts: what a pilot decides for a family, and why.

A :class:`Verdict` carries the outcome and the full explanation: the
eligibility tree, the route that decided (if any) and notes such as a full
capacity.  An :class:`Assessment` holds one verdict per pilot.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Mapping

import attrs
import pendulum

from sociaaldomein._validators import one_of_type
from sociaaldomein.domain.citation import Citation
from sociaaldomein.domain.provenance import PluginFailure, Provenance
from sociaaldomein.domain.rules import Explanation, Rule
from sociaaldomein.i18n import _, as_language, current_language, labelled, translate

__all__ = ["Assessment", "Note", "Outcome", "Route", "Verdict"]


class Outcome(enum.Enum):
    """What a pilot decides for one family on one date."""

    ELIGIBLE = "eligible"
    WAITLIST = "eligible, no place: waitlist"
    NOT_ELIGIBLE = "not eligible"
    REFERRED = "referred elsewhere"
    REGULAR_ROUTE = "regular route"
    CLOSED = "pilot not running on this date"
    FAILED = "could not be assessed"
    """The plugin behind the pilot failed; the verdict's notes say which plugin, where and why."""

    @property
    def eligible(self) -> bool:
        """Whether the family meets the pilot's eligibility rules (placed or waiting)."""
        return self in (Outcome.ELIGIBLE, Outcome.WAITLIST)

    def render(self, language: str | None = None) -> str:
        """The outcome as a person reads it in ``language`` (``value`` is the English)."""
        return labelled(self).render(language)


@attrs.frozen
class Note:
    """A reason that is not part of the eligibility tree (capacity, routing, policy)."""

    text: str
    source: Citation | None = None

    def render(self, language: str | None = None) -> str:
        """The note, and its source, in ``language`` (default: the current language)."""
        lang = current_language() if language is None else as_language(language)
        text = translate(self.text, lang)
        return text if self.source is None else f"{text} [{self.source.render(lang)}]"

    def __str__(self) -> str:
        return self.render()


def _route_outcome(instance: Route, attribute: attrs.Attribute[Outcome], value: Outcome) -> None:
    one_of_type(Outcome)(instance, attribute, value)
    if value not in (Outcome.REFERRED, Outcome.REGULAR_ROUTE, Outcome.NOT_ELIGIBLE):
        from sociaaldomein.errors import InvalidValueError

        raise InvalidValueError(
            "Route.outcome", f"must be REFERRED, REGULAR_ROUTE or NOT_ELIGIBLE, got {value.name}"
        )


@attrs.frozen
class Route:
    """A routing rule applied to an eligible family: when ``when`` holds, send it to ``to``.

    Routes are tried in order; the first that holds decides.  For example a
    family whose zelfredzaamheid can be strengthened goes to a gezinscoach
    rather than to the gezinsverzorger (000_6fd8bb18cab06410.txt).
    """

    when: Rule = attrs.field(validator=one_of_type(Rule))
    outcome: Outcome = attrs.field(validator=_route_outcome)
    to: str
    reason: str
    source: Citation | None = None


@attrs.frozen
class Verdict:
    """One pilot's decision for one family on one date, with every reason.

    ``eligibility`` explains the pilot's rule; ``route`` the route that decided
    (if one did) and ``routes_not_taken`` the routes checked before it that did
    not hold, so a family placed in the pilot also sees why it was not routed
    elsewhere.  ``provenance`` says which plugin gave the rule and routes and
    which policies changed them; ``failure`` is set when the pilot could not
    be assessed (outcome ``FAILED``) and names the plugin and the call that failed.
    """

    pilot: str
    gezin_id: str
    on: pendulum.Date
    outcome: Outcome
    eligibility: Explanation
    route: Explanation | None = None
    to: str | None = None
    notes: tuple[Note, ...] = ()
    routes_not_taken: tuple[Explanation, ...] = ()
    provenance: Provenance | None = None
    failure: PluginFailure | None = None

    @classmethod
    def failed(
        cls, pilot: str, gezin_id: str, on: pendulum.Date, failure: PluginFailure
    ) -> Verdict:
        """The verdict of a pilot whose plugin failed: it says who failed where, and what to do."""
        why = Explanation(False, _("could not be assessed: {why}", why=failure.message()))
        return cls(
            pilot,
            gezin_id,
            on,
            Outcome.FAILED,
            why,
            notes=(Note(failure.advice()),),
            failure=failure,
        )

    @property
    def eligible(self) -> bool:
        """Whether the family meets the pilot's eligibility rules (placed or waiting)."""
        return self.outcome.eligible

    def summary(self, language: str | None = None) -> str:
        """One line: pilot, outcome and destination, in ``language`` (default: the current one)."""
        where = f" -> {translate(self.to, language)}" if self.to else ""
        return f"{self.pilot}: {self.outcome.render(language)}{where}"

    def render(self, language: str | None = None) -> str:
        """The verdict with the whole tree of reasons, readable in a terminal.

        In ``language`` (default: the current language): a verdict keeps its
        messages, not their text, so it reads in either language whenever it
        was decided.
        """
        lang = current_language() if language is None else as_language(language)
        lines = [self.summary(lang), self.eligibility.render(1, lang)]
        not_taken = _("route not taken:").render(lang)
        for skipped in self.routes_not_taken:
            lines += [f"  {not_taken}", skipped.render(2, lang)]
        if self.route is not None:
            route = _("route:").render(lang)
            lines += [f"  {route}", self.route.render(2, lang)]
        note = _("note:").render(lang)
        lines += [f"  {note} {n.render(lang)}" for n in self.notes]
        if self.provenance is not None:
            rules = _("rules {provenance}", provenance=self.provenance.render(lang))
            lines.append(f"  {rules.render(lang)}")
        return "\n".join(lines)

    def with_note(self, note: Note, outcome: Outcome | None = None) -> Verdict:
        """This verdict with one more note (and, optionally, another outcome)."""
        return attrs.evolve(self, notes=(*self.notes, note), outcome=outcome or self.outcome)


@attrs.frozen
class Assessment:
    """The verdicts of every pilot of a composition for one family on one date."""

    gezin_id: str
    on: pendulum.Date
    verdicts: Mapping[str, Verdict]

    @classmethod
    def of(cls, gezin_id: str, on: pendulum.Date, verdicts: Iterable[Verdict]) -> Assessment:
        """An assessment from verdicts (keyed by pilot name)."""
        return cls(gezin_id, on, {v.pilot: v for v in verdicts})

    def __getitem__(self, pilot: str) -> Verdict:
        return self.verdicts[pilot]

    def __iter__(self) -> Iterator[Verdict]:
        return iter(self.verdicts.values())

    @property
    def failures(self) -> tuple[PluginFailure, ...]:
        """The plugin failures behind pilots that could not be assessed."""
        return tuple(v.failure for v in self.verdicts.values() if v.failure is not None)

    def eligible_for(self) -> tuple[str, ...]:
        """The pilots whose rules the family meets."""
        return tuple(name for name, v in self.verdicts.items() if v.eligible)

    def render(self, language: str | None = None) -> str:
        """Every verdict with its reasons, in ``language`` (default: the current language)."""
        head = _("Gezin {gezin} on {date}", gezin=self.gezin_id, date=self.on.isoformat())
        body = (v.render(language) for v in self.verdicts.values())
        return "\n\n".join([head.render(language), *body])
