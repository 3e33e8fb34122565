"""Who the doorstart is for: a multiprobleemgezin in the target group (a), (b) and (c).

* 003_720c15da674da257.txt, "DOEL": a multiprobleemgezin has "een combinatie van
  drie of meer problemen" that occur at the same time.
* "7. Toewijzing gezinnen": the target group is families (a) showing at least
  one of five signals, (b) for whom one or more partners can deploy a coercive
  instrument, and (c) living in the Indische Buurt, de Hoogte or Tuinwijk, "zo
  nodig aangevuld met gezinnen uit Selwerd, Paddepoel of Beijum en verder".

Being in the target group does not make a family part of the pilot: the
partners select the families together (:mod:`.selection`).

Part (c) reads the area tree the plugin ships (:mod:`.gebieden`) and
matches by containment (:class:`~sociaaldomein.InGebied`):

* ``krachtwijken``: by default the Korrewegwijk and Tuinwijk
  (:data:`~.gebieden.WOONGEBIED`).  Section 7 names the Indische Buurt, de
  Hoogte and Tuinwijk (:data:`KRACHTWIJKEN`), the agreement's preamble and the
  letter's account of the pilot de Hoogte, the Korrewegwijk and Tuinwijk
  (:data:`KRACHTWIJKEN_OPENING`); the Indische Buurt and de Hoogte lie in the
  Korrewegwijk, so a family recorded in the Korrewegwijk and one in the
  Indische Buurt both qualify, and the reasons say "Indische Buurt lies in the
  Korrewegwijk".  Pass :data:`KRACHTWIJKEN` for section 7's names alone.
* ``aanvulling``: "zo nodig aangevuld met gezinnen uit Selwerd, Paddepoel of
  Beijum en verder" is a decision, so by default (``None``) those wijken admit
  no family; an :class:`~.gebieden.Aanvulling` (the date, who decided, where it
  is recorded) admits them from its date, and the reasons cite it.
* ``gebieden``: the area tree (:data:`~.gebieden.GRONINGEN`); a larger one
  lets an Aanvulling name more wijken ("en verder").

The lists of signals and instruments end in "enz." (etc.); the rule knows the
named ones (the core's ``Signaal`` and ``Dwangmiddel``), and a municipal policy
plugin can widen it by wrapping the eligibility hook.

>>> rule = doelgroep()
>>> print(rule.describe().splitlines()[2])  # doctest: +ELLIPSIS
  - (a) at least one of the five signals [Tussenrapportage ..., "7. Toewijzing gezinnen"]
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Final

from sociaaldomein import (
    FEITEN,
    AllOf,
    AnyOf,
    Citation,
    Compare,
    Dwangmiddel,
    Gebiedsindeling,
    HasAny,
    InGebied,
    Predicate,
    Rule,
    Signaal,
)
from sociaaldomein_multiprobleem import gebieden as _gebieden
from sociaaldomein_multiprobleem.gebieden import GRONINGEN, WOONGEBIED, ZO_NODIG_WIJKEN, Aanvulling
from sociaaldomein_multiprobleem.letter import DOEL, LETTER, TOEWIJZING
from sociaaldomein_multiprobleem.messages import _

__all__ = [
    "DOELGROEP_LABEL",
    "KRACHTWIJKEN",
    "KRACHTWIJKEN_OPENING",
    "MIN_PROBLEMEN",
    "WOONGEBIED",
    "ZO_NODIG_WIJKEN",
    "doelgroep",
    "dwangmiddelen",
    "problemen",
    "signalen",
    "woonplek",
]

MIN_PROBLEMEN: Final = 3
"""003, "DOEL": "een combinatie van drie of meer problemen"."""

KRACHTWIJKEN: Final = ("Indische Buurt", "de Hoogte", "Tuinwijk")
"""003, "7. Toewijzing gezinnen" (c): "woonachtig zijn in de Indische Buurt, de Hoogte of
Tuinwijk"."""

KRACHTWIJKEN_OPENING: Final = ("de Hoogte", "Korrewegwijk", "Tuinwijk")
"""The agreement's opening paragraph and the letter's account of the pilot name these."""

DOELGROEP_LABEL: Final = _("a multiprobleemgezin in the target group of the doorstart")
"""The text of the root of the rule, as explanations show it."""

_SIGNALEN: Final[dict[Signaal, str]] = {
    Signaal.KEERT_STEEDS_TERUG: _("the family keeps coming back"),
    Signaal.VOORTDURENDE_OVERLAST: _("the family constantly causes nuisance"),
    Signaal.KINDEREN_STRUCTUREEL_ONVEILIG: _("children are structurally unsafe"),
    Signaal.STRUCTUREEL_VEEL_HULPVERLENERS: _("structurally many care providers are involved"),
    Signaal.ACUTE_CRISIS: _("an acute crisis, such as eviction or out-of-home placement"),
}

_DWANGMIDDELEN: Final[dict[Dwangmiddel, str]] = {
    Dwangmiddel.UITHUISPLAATSING: _("out-of-home placement (uithuisplaatsing)"),
    Dwangmiddel.HUISUITZETTING: _("eviction (huisuitzetting)"),
    Dwangmiddel.HUISVERBOD: _("a restraining order (huisverbod)"),
    Dwangmiddel.ONDERTOEZICHTSTELLING: _("a supervision order (onder toezichtstelling)"),
    Dwangmiddel.INTREKKING_UITKERING: _("(partial) withdrawal of benefit"),
    Dwangmiddel.VOORWAARDELIJKE_STRAF: _("a conditional sentence (voorwaardelijke straf)"),
}


def _quote(text: str) -> Citation:
    return LETTER.cite(TOEWIJZING.section, text)


def _or(names: Sequence[str]) -> str:
    if len(names) == 1:
        return names[0]
    return _("{names} or {last}", names=tuple(names[:-1]), last=names[-1])


def problemen(minimum: int = MIN_PROBLEMEN) -> Rule:
    """A multiprobleemgezin: ``minimum`` or more simultaneous problems (003, "DOEL")."""
    return Compare(
        FEITEN.aantal_problemen,
        ">=",
        minimum,
        label=_("a multiprobleemgezin: {n} or more simultaneous problems", n=minimum),
        source=DOEL,
    )


def signalen() -> Rule:
    """Part (a): at least one of the five signals, one reason per signal."""
    return AnyOf(
        [
            HasAny(FEITEN.signalen, {signaal}, label=text, source=_quote(signaal.value))
            for signaal, text in _SIGNALEN.items()
        ],
        label=_("(a) at least one of the five signals"),
        source=TOEWIJZING,
    )


def dwangmiddelen() -> Rule:
    """Part (b): one or more partners can deploy a coercive instrument."""
    return AnyOf(
        [
            HasAny(FEITEN.dwangmiddelen, {middel}, label=text, source=_quote(middel.value))
            for middel, text in _DWANGMIDDELEN.items()
        ],
        label=_("(b) one or more partners can deploy a coercive instrument"),
        source=TOEWIJZING,
    )


def woonplek(
    krachtwijken: Sequence[str] = WOONGEBIED,
    aanvulling: Aanvulling | None = None,
    *,
    gebieden: Gebiedsindeling = GRONINGEN,
) -> Rule:
    """Part (c): lives in ``krachtwijken`` (or an area inside one), or where ``aanvulling`` adds."""
    kern = tuple(krachtwijken)
    where = gebieden.phrases(kern)
    branches: list[Rule] = [
        InGebied(
            gebieden,
            kern,
            label=_("a krachtwijk: {where}", where=where),
            source=_quote("woonachtig zijn in de Indische Buurt, de Hoogte of Tuinwijk"),
        )
    ]
    if aanvulling is None:
        label = _(
            "(c) lives in {where}; {extra} only by a recorded decision "
            "(zo nodig aangevuld), none recorded",
            where=where,
            extra=_or(ZO_NODIG_WIJKEN),
        )
        return AnyOf(branches, label=label, source=TOEWIJZING)
    extra = gebieden.phrases(aanvulling.wijken)
    date = aanvulling.besloten_op
    branches.append(
        AllOf(
            [
                Predicate(
                    _(
                        "the decision to add {extra}, {decision}",
                        extra=extra,
                        decision=str(aanvulling),
                    ),
                    functools.partial(_gebieden.decided, date),
                    functools.partial(_gebieden.decided_vector, date),
                    functools.partial(_gebieden.decided_observed, date),
                    source=aanvulling.bron,
                    facts=[],
                ),
                InGebied(gebieden, aanvulling.wijken, source=aanvulling.bron),
            ],
            label=_(
                "if needed (zo nodig aangevuld): {extra}, {decision}",
                extra=extra,
                decision=str(aanvulling),
            ),
            source=aanvulling.bron,
        )
    )
    label = _(
        "(c) lives in {where}, or in {extra} by the decision of {date}",
        where=where,
        extra=extra,
        date=date.to_date_string(),
    )
    return AnyOf(branches, label=label, source=TOEWIJZING)


def doelgroep(
    *,
    min_problemen: int = MIN_PROBLEMEN,
    krachtwijken: Sequence[str] = WOONGEBIED,
    aanvulling: Aanvulling | None = None,
    gebieden: Gebiedsindeling = GRONINGEN,
) -> Rule:
    """The eligibility rule: a multiprobleemgezin that meets (a), (b) and (c).

    The defaults are the letter's reading (see the module documentation).
    """
    return AllOf(
        [
            problemen(min_problemen),
            signalen(),
            dwangmiddelen(),
            woonplek(krachtwijken, aanvulling, gebieden=gebieden),
        ],
        label=DOELGROEP_LABEL,
        source=TOEWIJZING,
    )
