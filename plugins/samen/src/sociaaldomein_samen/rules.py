"""Who SAMEN. is for, and the first route out: specialist youth care.

002_3dca2c59337eb1a8.txt, "Wat verstaan we onder de taak SAMEN. bij WIJ
Groningen": WIJ Groningen itself offers basic youth care, "begeleiding en lichte
behandeling, die tot nu toe door gecontracteerde jeugdhulpaanbieders op
indicatie wordt uitgevoerd", and it is already "toegang tot de jeugdhulp".

The rule therefore reads as the access: a jeugdige (a child under 18, or
expected) and a youth-care need.  The routes then decide where the family goes:

1. a family that needs specialist youth care is referred to the (supra)regionally
   purchased specialist field ("De taak SAMEN, in relatie tot WIJ Groningen en
   het regionale jeugdhulpveld"), whatever else it needs: "zo licht als mogelijk
   en zo zwaar en intensief als nodig" ("Het grote kader");
2. a family whose referrer is not phased in yet keeps the regular route
   (:mod:`.phasing`).

A family no route catches has a basic need only, and WIJ Groningen helps it.

>>> print(specialist_need().describe())  # doctest: +ELLIPSIS
- the family needs specialist youth care [Implementatieplan SAMEN., ..., "De taak SAMEN, in ..."]
"""

from __future__ import annotations

from typing import Final

from sociaaldomein import FEITEN, AllOf, HasAny, Hulpvraag, IsTrue, Outcome, Route, Rule
from sociaaldomein_samen.letter import REGIONAAL, TAAK, TOEGANG
from sociaaldomein_samen.messages import _

__all__ = [
    "BASISJEUGDHULP",
    "JEUGDHULP",
    "SPECIALISTISCH",
    "eligibility",
    "specialist_need",
    "specialist_route",
]

BASISJEUGDHULP: Final = frozenset(
    {Hulpvraag.JEUGDHULP_BEGELEIDING, Hulpvraag.JEUGDHULP_LICHTE_BEHANDELING}
)
"""Basic youth care, the task SAMEN. moves to WIJ Groningen ("Wat verstaan we onder ...")."""

JEUGDHULP: Final = BASISJEUGDHULP | {Hulpvraag.JEUGDHULP_SPECIALISTISCH}
"""Every youth-care need WIJ Groningen, as the access, sees."""

SPECIALISTISCH: Final = "specialistische jeugdhulp (regionaal ingekocht)"
"""Where a family that needs specialist youth care goes."""


def eligibility() -> Rule:
    """The access to SAMEN.: a jeugdige and a youth-care need."""
    return AllOf(
        [
            IsTrue(
                FEITEN.minderjarig_kind,
                source=TAAK,
                label=_("a jeugdige: a child younger than 18 (or expected) lives in the family"),
            ),
            HasAny(
                FEITEN.hulpvragen,
                JEUGDHULP,
                source=TOEGANG,
                label=_("the family has a youth-care need (WIJ Groningen is the access)"),
            ),
        ],
        label=_("the family comes to WIJ Groningen with a youth-care question"),
    )


def specialist_need() -> Rule:
    """Whether the family needs specialist youth care, which stays regionally purchased."""
    return HasAny(
        FEITEN.hulpvragen,
        [Hulpvraag.JEUGDHULP_SPECIALISTISCH],
        source=REGIONAAL,
        label=_("the family needs specialist youth care"),
    )


def specialist_route() -> Route:
    """The first route: specialist youth care, (supra)regionally purchased, not SAMEN."""
    return Route(
        when=specialist_need(),
        outcome=Outcome.REFERRED,
        to=SPECIALISTISCH,
        reason=_(
            "specialist youth care stays (supra)regionally purchased; SAMEN. is basic youth "
            "care at WIJ Groningen"
        ),
        source=REGIONAAL,
    )
