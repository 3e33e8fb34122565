"""Selection: the partners' recorded decision which families the doorstart works with.

Meeting the eligibility rule does not put a family in the pilot; the partners
do, together (003_720c15da674da257.txt):

* "Doorstart": the partners each put forward their most problematic families,
  "Daaruit zullen zij gezamenlijk een top 10 van gezinnen aanwijzen", and the
  doorstart goes ahead only "als er gegarandeerde instroom van gezinnen is".
* "7. Toewijzing gezinnen": the coaches work with 10 families designated
  together "voorafgaande aan de start"; during the pilot the partners may
  together select "maximaal 10" more.
* "10. Gezins Herstel Plan als informatiebron": "De mandaten hebben slechts
  betrekking op deze gezinnen" (see :func:`~.mandate.check_advice`); where a
  coercive situation exists when the coach comes in, the top 10's designation
  records which one and how the organisation supports the coach from the first
  moment (a :class:`Dwangafspraak`, :meth:`Selectie.dwangafspraken`).

A :class:`Selectie` is an immutable record; every decision returns a new one.
A decision the agreement does not allow raises
:class:`~sociaaldomein.InvalidValueError`, naming the field and citing the
section.  Readings where the letter is not explicit, each a parameter:

* "gezamenlijk" (jointly) is read as *every* partner taking part in the
  decision (``partners``, default the seven of "DOEL");
* "gegarandeerde instroom" is read as a complete top 10 (``top``, default 10)
  designated before the start;
* with a ``doelgroep`` rule, a family outside the target group is refused (the
  partners select from the target group of section 7); without one, the
  partners' decision is recorded as it is.

>>> import pendulum
>>> from sociaaldomein import Periode
>>> selectie = Selectie(Periode(pendulum.date(2011, 1, 1), pendulum.date(2012, 7, 1)))
>>> ids = [f"gezin-{i:02}" for i in range(1, 11)]
>>> selectie = selectie.designate_top10(ids, pendulum.date(2010, 12, 15), SAMENWERKINGSPARTNERS)
>>> selectie.instroom_gegarandeerd(pendulum.date(2011, 1, 1))
True
>>> selectie.add("gezin-11", pendulum.date(2011, 6, 1), SAMENWERKINGSPARTNERS).is_selected(
...     "gezin-11", pendulum.date(2011, 6, 1))
True
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

import attrs
import pendulum

from sociaaldomein import (
    Citation,
    Dwangmiddel,
    Gezin,
    InvalidValueError,
    Opzegverzoek,
    Periode,
    PilotToestand,
    Rule,
)
from sociaaldomein.validators import at_least, one_of_type
from sociaaldomein_multiprobleem.letter import DOEL, GHP_INFORMATIEBRON, TOEWIJZING
from sociaaldomein_multiprobleem.messages import _
from sociaaldomein_multiprobleem.partners import SAMENWERKINGSPARTNERS

__all__ = [
    "MAX_AANVULLINGEN",
    "SELECTIEREGEL",
    "TOP",
    "Aanwijzing",
    "Aanwijzingssoort",
    "Dwangafspraak",
    "Selectie",
    "Selectieregel",
]

TOP = 10
"""003, "Doorstart" and "7. Toewijzing gezinnen": a top 10 designated before the start."""

MAX_AANVULLINGEN = 10
"""003, "7. Toewijzing gezinnen": "nog een selectie van maximaal 10 gezinnen"."""


@attrs.frozen
class Selectieregel:
    """How many families the partners may designate, before the start and after it.

    ``voor_start``: the top designated together "voorafgaande aan de start";
    ``daarna``: the families the partners may still select "gedurende de
    pilot", at most, in total over the pilot.  ``bron`` cites the rule.  A
    register reads it as the plugin's ``selectieregel`` and refuses a
    designation beyond either number.

    >>> SELECTIEREGEL.voor_start, SELECTIEREGEL.daarna, SELECTIEREGEL.bron.file
    (10, 10, '003_720c15da674da257.txt')
    """

    voor_start: int = attrs.field(validator=[one_of_type(int), at_least(0)])
    daarna: int = attrs.field(validator=[one_of_type(int), at_least(0)])
    bron: Citation = attrs.field(validator=attrs.validators.instance_of(Citation))

    @property
    def totaal(self) -> int:
        """The families designated in total, at most."""
        return self.voor_start + self.daarna


SELECTIEREGEL = Selectieregel(voor_start=TOP, daarna=MAX_AANVULLINGEN, bron=TOEWIJZING)
"""003, "7. Toewijzing gezinnen": a top 10 before the start, at most 10 more during the pilot."""


class Aanwijzingssoort(enum.Enum):
    """How a family was selected."""

    TOP10 = "top 10, aangewezen voorafgaande aan de start"
    AANVULLING = "aanvulling gedurende de pilot"


def _norm(name: str) -> str:
    return " ".join(name.split()).casefold()


def _names(value: Iterable[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


def _rule_or_none(instance: object, attribute: attrs.Attribute[Rule | None], value: object) -> None:
    if value is not None and not isinstance(value, Rule):
        raise InvalidValueError(
            "Selectie.doelgroep", _("must be a Rule or None, got {value}", value=repr(value))
        )


@attrs.frozen
class Dwangafspraak:
    """A coercive situation agreed for one family when the top 10 is set ("10.").

    "wordt bij het vaststellen van de top 10 per gezin al afgesproken welke
    dwangsituaties dit betreft en hoe de betreffende organisatie het werk van de
    gezinscoach vanaf het eerste moment kan ondersteunen".
    """

    gezin_id: str = attrs.field(validator=one_of_type(str))
    dwangsituatie: Dwangmiddel = attrs.field(validator=one_of_type(Dwangmiddel))
    organisatie: str = attrs.field(validator=one_of_type(str))
    ondersteuning: str = attrs.field(validator=one_of_type(str))


@attrs.frozen
class Aanwijzing:
    """One family selected by the partners: when, how, by whom, and any coercion agreed."""

    gezin_id: str
    datum: pendulum.Date
    soort: Aanwijzingssoort
    partners: tuple[str, ...]
    dwangafspraken: tuple[Dwangafspraak, ...] = ()


@attrs.frozen
class Selectie:
    """The families the partners selected for the doorstart running ``doorstart``.

    ``partners`` must all take part in a decision; ``doelgroep``, when given,
    is the eligibility rule every selected family must meet on the day of the
    decision; ``top`` and ``max_aanvullingen`` are the letter's 10 and 10.
    """

    doorstart: Periode = attrs.field(validator=attrs.validators.instance_of(Periode))
    partners: tuple[str, ...] = attrs.field(default=SAMENWERKINGSPARTNERS, converter=_names)
    doelgroep: Rule | None = attrs.field(default=None, validator=_rule_or_none)
    top: int = attrs.field(default=TOP, validator=[one_of_type(int), at_least(1)])
    max_aanvullingen: int = attrs.field(
        default=MAX_AANVULLINGEN, validator=[one_of_type(int), at_least(0)]
    )
    aanwijzingen: tuple[Aanwijzing, ...] = ()

    def __attrs_post_init__(self) -> None:
        # A record read back from storage keeps the agreement's limits too.
        if not self.partners:
            raise InvalidValueError("Selectie.partners", _("must name at least one partner"))
        if len(self.top10) > self.top:
            raise InvalidValueError(
                "Selectie.top10",
                _(
                    "holds {n} families, more than {top} ({bron})",
                    n=len(self.top10),
                    top=self.top,
                    bron=TOEWIJZING,
                ),
            )
        if len(self.aanvullingen) > self.max_aanvullingen:
            raise InvalidValueError(
                "Selectie.aanvullingen",
                _(
                    "holds {n} families, more than {top} ({bron})",
                    n=len(self.aanvullingen),
                    top=self.max_aanvullingen,
                    bron=TOEWIJZING,
                ),
            )

    # decisions ----------------------------------------------------------------

    def designate_top10(
        self,
        gezinnen: Iterable[Gezin | str] | Gezin | str,
        on: pendulum.Date,
        partners: Iterable[str],
        *,
        dwangafspraken: Iterable[Dwangafspraak] = (),
    ) -> Selectie:
        """The top 10 designated (or completed) ``on``, before the start, by ``partners``.

        ``dwangafspraken``: the coercive situations agreed for these families
        and how the organisation supports the coach ("10.").  Refused: on or
        after the start, without every partner, a family twice, more than
        ``top`` families, (with a ``doelgroep``) a family outside it, and an
        agreement for a family not in this designation or by a non-partner.
        """
        if on >= self.doorstart.start:
            raise InvalidValueError(
                "Selectie.designate_top10.on",
                _(
                    "the top {top} is designated before the start ({start}), not on {on} ({bron})",
                    top=self.top,
                    start=self.doorstart.start.isoformat(),
                    on=on.isoformat(),
                    bron=TOEWIJZING,
                ),
            )
        besluit = self._decision(gezinnen, on, partners, "designate_top10")
        total = len(self.top10) + len(besluit)
        if total > self.top:
            raise InvalidValueError(
                "Selectie.top10",
                _(
                    "a top {top}: {already} designated already, {more} more would make {total} "
                    "({bron})",
                    top=self.top,
                    already=len(self.top10),
                    more=len(besluit),
                    total=total,
                    bron=TOEWIJZING,
                ),
            )
        afspraken = tuple(dwangafspraken)
        known = {_norm(p) for p in self.partners}
        for afspraak in afspraken:
            if afspraak.gezin_id not in besluit:
                raise InvalidValueError(
                    "Selectie.designate_top10.dwangafspraken",
                    _(
                        "family {gezin} is not in this designation: the coercive situations "
                        "are agreed when the top 10 is set ({section})",
                        gezin=repr(afspraak.gezin_id),
                        section=GHP_INFORMATIEBRON.section,
                    ),
                )
            if _norm(afspraak.organisatie) not in known:
                raise InvalidValueError(
                    "Selectie.designate_top10.dwangafspraken",
                    _(
                        "not a partner of the agreement: {partners} ({bron})",
                        partners=afspraak.organisatie,
                        bron=DOEL,
                    ),
                )
        return self._record(besluit, on, Aanwijzingssoort.TOP10, partners, afspraken)

    def add(self, gezin: Gezin | str, on: pendulum.Date, partners: Iterable[str]) -> Selectie:
        """One family added ``on``, during the pilot, by ``partners``.

        Refused: outside the doorstart, without every partner, a family already
        selected, more than ``max_aanvullingen`` additions, and (with a
        ``doelgroep``) a family outside it.
        """
        if on not in self.doorstart:
            raise InvalidValueError(
                "Selectie.add.on",
                _(
                    "families are added during the pilot ({periode}), not on {on} ({bron})",
                    periode=str(self.doorstart),
                    on=on.isoformat(),
                    bron=TOEWIJZING,
                ),
            )
        besluit = self._decision([gezin], on, partners, "add")
        if len(self.aanvullingen) >= self.max_aanvullingen:
            raise InvalidValueError(
                "Selectie.aanvullingen",
                _(
                    "at most {most} families are added during the pilot, and {n} were ({bron})",
                    most=self.max_aanvullingen,
                    n=len(self.aanvullingen),
                    bron=TOEWIJZING,
                ),
            )
        return self._record(besluit, on, Aanwijzingssoort.AANVULLING, partners)

    # questions ----------------------------------------------------------------

    @property
    def top10(self) -> tuple[str, ...]:
        """The families designated before the start, in order of designation."""
        return self._ids(Aanwijzingssoort.TOP10)

    @property
    def aanvullingen(self) -> tuple[str, ...]:
        """The families added during the pilot, in order of addition."""
        return self._ids(Aanwijzingssoort.AANVULLING)

    def is_selected(self, gezin_id: str, on: pendulum.Date) -> bool:
        """Whether ``gezin_id`` was selected on or before ``on``, and the agreement still runs."""
        if on >= self.doorstart.end:
            return False
        return any(a.gezin_id == gezin_id and a.datum <= on for a in self.aanwijzingen)

    def dwangafspraken(self, gezin_id: str) -> tuple[Dwangafspraak, ...]:
        """The coercive situations agreed for ``gezin_id`` when the top 10 was set ("10.")."""
        return tuple(
            d for a in self.aanwijzingen if a.gezin_id == gezin_id for d in a.dwangafspraken
        )

    def geselecteerd(self, on: pendulum.Date) -> tuple[str, ...]:
        """Every family selected on ``on``."""
        return tuple(a.gezin_id for a in self.aanwijzingen if self.is_selected(a.gezin_id, on))

    def instroom_gegarandeerd(self, on: pendulum.Date) -> bool | None:
        """Whether the inflow is guaranteed on ``on`` (003, "Doorstart").

        ``True`` once the full top 10 is designated; ``False`` from the start on
        when it was not, so the doorstart does not go ahead; ``None`` before the
        start while the top 10 is still incomplete (not decided yet).
        """
        designated = [a for a in self.aanwijzingen if a.soort is Aanwijzingssoort.TOP10]
        if len([a for a in designated if a.datum <= on]) >= self.top:
            return True
        return False if on >= self.doorstart.start else None

    def toestand(
        self,
        on: pendulum.Date,
        *,
        opzegverzoeken: Iterable[Opzegverzoek] = (),
        gevolgen_geregeld: bool = False,
    ) -> PilotToestand:
        """The pilot's state on ``on`` for its termination rules, with this selection's inflow."""
        return PilotToestand(
            on,
            opzegverzoeken=tuple(opzegverzoeken),
            gevolgen_geregeld=gevolgen_geregeld,
            instroom_gegarandeerd=self.instroom_gegarandeerd(on),
        )

    # helpers ------------------------------------------------------------------

    def _ids(self, soort: Aanwijzingssoort) -> tuple[str, ...]:
        return tuple(a.gezin_id for a in self.aanwijzingen if a.soort is soort)

    def _decision(
        self,
        gezinnen: Iterable[Gezin | str] | Gezin | str,
        on: pendulum.Date,
        partners: Iterable[str],
        method: str,
    ) -> tuple[str, ...]:
        """The ids of ``gezinnen`` once the decision is found valid; raises otherwise."""
        self._check_partners(partners, method)
        items = [gezinnen] if isinstance(gezinnen, Gezin | str) else list(gezinnen)
        ids: list[str] = []
        for item in items:
            gezin_id = self._check_gezin(item, on, method)
            if gezin_id in ids or any(a.gezin_id == gezin_id for a in self.aanwijzingen):
                raise InvalidValueError(
                    f"Selectie.{method}.gezinnen",
                    _(
                        "family {gezin} is already selected ({bron})",
                        gezin=repr(gezin_id),
                        bron=TOEWIJZING,
                    ),
                )
            ids.append(gezin_id)
        return tuple(ids)

    def _check_partners(self, partners: Iterable[str], method: str) -> None:
        given = {_norm(p) for p in _names(partners)}
        known = {_norm(p) for p in self.partners}
        field = f"Selectie.{method}.partners"
        if unknown := sorted(given - known):
            raise InvalidValueError(
                field,
                _(
                    "not a partner of the agreement: {partners} ({bron})",
                    partners=", ".join(unknown),
                    bron=DOEL,
                ),
            )
        if missing := [p for p in self.partners if _norm(p) not in given]:
            raise InvalidValueError(
                field,
                _(
                    "the partners select together ({bron}); missing: {missing}",
                    bron=TOEWIJZING,
                    missing=", ".join(missing),
                ),
            )

    def _check_gezin(self, item: Gezin | str, on: pendulum.Date, method: str) -> str:
        field = f"Selectie.{method}.gezinnen"
        if isinstance(item, str):
            if self.doelgroep is not None:
                raise InvalidValueError(
                    field,
                    _(
                        "pass the Gezin for {gezin}, not its id: this selection checks the "
                        "target group ({bron})",
                        gezin=repr(item),
                        bron=TOEWIJZING,
                    ),
                )
            return item
        if self.doelgroep is not None:
            explanation = self.doelgroep.explain(item, on)
            if not explanation.passed:
                failed = "; ".join(c.text for c in explanation.children if not c.passed)
                raise InvalidValueError(
                    field,
                    _(
                        "family {gezin} is not in the target group on {on}: {failed} ({bron})",
                        gezin=repr(item.id),
                        on=on.isoformat(),
                        failed=failed or explanation.text,
                        bron=TOEWIJZING,
                    ),
                )
        return item.id

    def _record(
        self,
        ids: tuple[str, ...],
        on: pendulum.Date,
        soort: Aanwijzingssoort,
        partners: Iterable[str],
        afspraken: tuple[Dwangafspraak, ...] = (),
    ) -> Selectie:
        door = _names(partners)
        nieuw = tuple(
            Aanwijzing(
                gezin_id, on, soort, door, tuple(a for a in afspraken if a.gezin_id == gezin_id)
            )
            for gezin_id in ids
        )
        return attrs.evolve(self, aanwijzingen=(*self.aanwijzingen, *nieuw))
