"""Who the doorstart is for: a multiprobleemgezin in the target group (a), (b) and (c).

* 003_720c15da674da257.txt, "DOEL": a multiprobleemgezin has "een combinatie van
  drie of meer problemen" that occur at the same time.
* "7. Toewijzing gezinnen": the target group is families (a) showing at least
  one of five signals, (b) for whom one or more partners can deploy a coercive
  instrument, and (c) living in the Indische Buurt, de Hoogte or Tuinwijk, "zo
  nodig aangevuld met gezinnen uit Selwerd, Paddepoel of Beijum en verder".

Being in the target group does not make a family part of the pilot: the
partners select the families together (:mod:`.selection`).

Where the sources differ on (c), :func:`doelgroep` takes parameters whose
defaults are section 7's reading:

* ``krachtwijken``: section 7 names the Indische Buurt, de Hoogte and
  Tuinwijk (:data:`KRACHTWIJKEN`); the agreement's opening paragraph and the
  letter ("Pilot multiprobleemgezinnen krachtwijken") name the Korrewegwijk
  instead of the Indische Buurt (:data:`KRACHTWIJKEN_OPENING`).
* ``aanvullende_wijken``: the wijken added "zo nodig" (if needed).  The
  default includes Selwerd, Paddepoel and Beijum (:data:`ZO_NODIG_WIJKEN`),
  because section 7 admits them and the letter ("Tenslotte") says the pilot
  will "niet meer strikt" hold to the krachtwijken; whether the need arises is
  for the partners to weigh when they select, and the reasons show that a
  family qualifies only through this extension.  Pass ``()`` for the strict
  reading, or more wijken for "en verder".

The lists of signals and instruments end in "enz." (etc.); the rule knows the
named ones (the core's ``Signaal`` and ``Dwangmiddel``), and a municipal policy
plugin can widen it by wrapping the eligibility hook.

>>> rule = doelgroep()
>>> print(rule.describe().splitlines()[2])
  - (a) at least one of the five signals [003_720c15da674da257.txt, "7. Toewijzing gezinnen"]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from sociaaldomein import (
    FEITEN,
    AllOf,
    AnyOf,
    Citation,
    Compare,
    Dwangmiddel,
    HasAny,
    OneOf,
    Rule,
    Signaal,
)
from sociaaldomein_multiprobleem.letter import DOEL, LETTER, TOEWIJZING

__all__ = [
    "DOELGROEP_LABEL",
    "KRACHTWIJKEN",
    "KRACHTWIJKEN_OPENING",
    "MIN_PROBLEMEN",
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

ZO_NODIG_WIJKEN: Final = ("Selwerd", "Paddepoel", "Beijum")
"""003, "7. Toewijzing gezinnen" (c): "zo nodig aangevuld met gezinnen uit Selwerd, Paddepoel of
Beijum en verder" (the opening paragraph spells "Beyum")."""

DOELGROEP_LABEL: Final = "a multiprobleemgezin in the target group of the doorstart"
"""The text of the root of the rule, as explanations show it."""

_SIGNALEN: Final[dict[Signaal, str]] = {
    Signaal.KEERT_STEEDS_TERUG: "the family keeps coming back",
    Signaal.VOORTDURENDE_OVERLAST: "the family constantly causes nuisance",
    Signaal.KINDEREN_STRUCTUREEL_ONVEILIG: "children are structurally unsafe",
    Signaal.STRUCTUREEL_VEEL_HULPVERLENERS: "structurally many care providers are involved",
    Signaal.ACUTE_CRISIS: "an acute crisis, such as eviction or out-of-home placement",
}

_DWANGMIDDELEN: Final[dict[Dwangmiddel, str]] = {
    Dwangmiddel.UITHUISPLAATSING: "out-of-home placement (uithuisplaatsing)",
    Dwangmiddel.HUISUITZETTING: "eviction (huisuitzetting)",
    Dwangmiddel.HUISVERBOD: "a restraining order (huisverbod)",
    Dwangmiddel.ONDERTOEZICHTSTELLING: "a supervision order (onder toezichtstelling)",
    Dwangmiddel.INTREKKING_UITKERING: "(partial) withdrawal of benefit",
    Dwangmiddel.VOORWAARDELIJKE_STRAF: "a conditional sentence (voorwaardelijke straf)",
}


def _quote(text: str) -> Citation:
    return LETTER.cite(TOEWIJZING.section, text)


def _or(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


def problemen(minimum: int = MIN_PROBLEMEN) -> Rule:
    """A multiprobleemgezin: ``minimum`` or more simultaneous problems (003, "DOEL")."""
    return Compare(
        FEITEN.aantal_problemen,
        ">=",
        minimum,
        label=f"a multiprobleemgezin: {minimum} or more simultaneous problems",
        source=DOEL,
    )


def signalen() -> Rule:
    """Part (a): at least one of the five signals, one reason per signal."""
    return AnyOf(
        [
            HasAny(FEITEN.signalen, {signaal}, label=text, source=_quote(signaal.value))
            for signaal, text in _SIGNALEN.items()
        ],
        label="(a) at least one of the five signals",
        source=TOEWIJZING,
    )


def dwangmiddelen() -> Rule:
    """Part (b): one or more partners can deploy a coercive instrument."""
    return AnyOf(
        [
            HasAny(FEITEN.dwangmiddelen, {middel}, label=text, source=_quote(middel.value))
            for middel, text in _DWANGMIDDELEN.items()
        ],
        label="(b) one or more partners can deploy a coercive instrument",
        source=TOEWIJZING,
    )


def woonplek(
    krachtwijken: Sequence[str] = KRACHTWIJKEN,
    aanvullende_wijken: Sequence[str] = ZO_NODIG_WIJKEN,
) -> Rule:
    """Part (c): lives in a krachtwijk or, if needed, in one of ``aanvullende_wijken``."""
    kern = tuple(krachtwijken)
    extra = tuple(aanvullende_wijken)
    branches: list[Rule] = [
        OneOf(FEITEN.wijk, kern, label=f"a krachtwijk: {_or(kern)}", source=TOEWIJZING)
    ]
    label = f"(c) lives in {_or(kern)}"
    if extra:
        branches.append(
            OneOf(
                FEITEN.wijk,
                extra,
                label=f"if needed (zo nodig aangevuld): {_or(extra)}",
                source=_quote("zo nodig aangevuld met gezinnen uit Selwerd, Paddepoel of Beijum"),
            )
        )
        label += f", or if needed in {_or(extra)}"
    return AnyOf(branches, label=label, source=TOEWIJZING)


def doelgroep(
    *,
    min_problemen: int = MIN_PROBLEMEN,
    krachtwijken: Sequence[str] = KRACHTWIJKEN,
    aanvullende_wijken: Sequence[str] = ZO_NODIG_WIJKEN,
) -> Rule:
    """The eligibility rule: a multiprobleemgezin that meets (a), (b) and (c).

    The defaults are the letter's reading (see the module documentation).
    """
    return AllOf(
        [
            problemen(min_problemen),
            signalen(),
            dwangmiddelen(),
            woonplek(krachtwijken, aanvullende_wijken),
        ],
        label=DOELGROEP_LABEL,
        source=TOEWIJZING,
    )
