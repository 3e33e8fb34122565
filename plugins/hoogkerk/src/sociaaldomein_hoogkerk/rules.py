"""Who BT Hoogkerk is for, and when the regular route applies instead.

004_b7ccad7045cc3ba8.txt, "Achtergrond van deze beweging": BT Hoogkerk is an
algemene voorziening, so "inwoners van Hoogkerk die op basis van een analyse
vanuit het WIJ-team in aanmerking komen voor jeugdhulp, individuele begeleiding
of dagbesteding, hiervoor niet langer een indicatie of zorgtoewijzing nodig
hebben. Zij worden in principe door het WIJ-team verwezen naar het BT Hoogkerk."

When the WIJ-team, "of naderhand het BT Hoogkerk", finds that BT Hoogkerk
cannot answer the question adequately ("bijvoorbeeld vanwege complexiteit"),
"treedt het 'reguliere proces' in werking": a maatwerkbeschikking or a
zorgtoewijzing, with the choice between zorg in natura and a persoonsgebonden
budget.  That is :data:`REGULIERE_ROUTE`, both at the door (a route) and later
in a trajectory (:func:`uitstroom`).

Readings, each a parameter of :func:`doelgroep`:

* ``wijken``: "inwoners van Hoogkerk" is the wijk ``"Hoogkerk"``;
* ``hulpvragen``: "jeugdhulp" is every youth-care need the core knows
  (begeleiding, lichte behandeling and specialistische jeugdhulp), because the
  letter does not narrow it; a question too heavy for BT Hoogkerk goes the
  regular route by :data:`REGULIERE_ROUTE`, and the youth part stays "binnen de
  kaders van de regionale inkoop jeugdhulp" (RIGG);
* ``verwijzers``: "door het WIJ-team" is the referrer code 01 *gemeente*
  (iJw COD327), because the WIJ-team is the municipality's access team;
  "in principe" leaves room for others, which a municipality can add.

>>> [leaf.text() for leaf in doelgroep().leaves()][2]
'referred by the WIJ-team (the municipal access team)'
>>> str(reguliere_route().source)
'004_b7ccad7045cc3ba8.txt, "Achtergrond van deze beweging"'
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Final

from sociaaldomein import (
    FEITEN,
    AllOf,
    HasAny,
    Hulpvraag,
    IsTrue,
    Leveringsvorm,
    OneOf,
    Outcome,
    Route,
    Rule,
    UitstroomAlsRegel,
    Verwijzer,
)
from sociaaldomein_hoogkerk.letter import ACHTERGROND, LETTER

__all__ = [
    "DOELGROEP_LABEL",
    "HULPVRAGEN",
    "KEUZE_LEVERINGSVORM",
    "REGULIERE_ROUTE",
    "VERWIJZERS",
    "WIJKEN",
    "doelgroep",
    "reguliere_route",
    "te_complex",
    "uitstroom",
]

WIJKEN: Final = ("Hoogkerk",)
"""004, "Achtergrond van deze beweging": "inwoners van Hoogkerk"."""

HULPVRAGEN: Final = (
    Hulpvraag.JEUGDHULP_BEGELEIDING,
    Hulpvraag.JEUGDHULP_LICHTE_BEHANDELING,
    Hulpvraag.JEUGDHULP_SPECIALISTISCH,
    Hulpvraag.INDIVIDUELE_BEGELEIDING,
    Hulpvraag.DAGBESTEDING,
)
"""004: "jeugdhulp, individuele begeleiding of dagbesteding"."""

VERWIJZERS: Final = (Verwijzer.GEMEENTE,)
"""004: "in principe door het WIJ-team verwezen" (COD327 01, the municipal access team)."""

KEUZE_LEVERINGSVORM: Final = (Leveringsvorm.ZORG_IN_NATURA, Leveringsvorm.PGB)
"""004: "de keuze tussen zorg in natura of een persoonsgebonden budget"."""

REGULIERE_ROUTE: Final = "maatwerkbeschikking of zorgtoewijzing (keuze zorg in natura of PGB)"
"""Where a question too complex for BT Hoogkerk goes."""

DOELGROEP_LABEL: Final = (
    "a resident of Hoogkerk for BT Hoogkerk, an algemene voorziening: no indicatie or "
    "zorgtoewijzing needed"
)

_REDEN: Final = (
    "BT Hoogkerk cannot answer the question adequately (for example because of its "
    "complexity), so the regular process applies: support on a maatwerkbeschikking or a "
    "zorgtoewijzing, with the choice between zorg in natura and a persoonsgebonden budget (PGB)"
)
_REGULIER: Final = LETTER.cite(
    ACHTERGROND.section,
    "treedt het 'reguliere proces' in werking, waarbij de persoon die ondersteuning nodig heeft "
    "deze ondersteuning op basis van een maatwerkbeschikking dan wel via een zorgtoewijzing kan "
    "verkrijgen (waarbij hij de keuze heeft tussen zorg in natura of een persoonsgebonden budget)",
)


def _or(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


def doelgroep(
    *,
    wijken: Sequence[str] = WIJKEN,
    hulpvragen: Collection[Hulpvraag] = HULPVRAGEN,
    verwijzers: Collection[Verwijzer] = VERWIJZERS,
) -> Rule:
    """The eligibility rule: lives in Hoogkerk, a need BT Hoogkerk meets, referred by WIJ."""
    wijk = tuple(wijken)
    wie = ", ".join(v.name for v in verwijzers)
    door = (
        "referred by the WIJ-team (the municipal access team)"
        if tuple(verwijzers) == VERWIJZERS
        else f"referred by: {wie}"
    )
    return AllOf(
        [
            OneOf(
                FEITEN.wijk,
                wijk,
                label=f"lives in {_or(wijk)}",
                source=LETTER.cite(ACHTERGROND.section, "inwoners van Hoogkerk"),
            ),
            HasAny(
                FEITEN.hulpvragen,
                frozenset(hulpvragen),
                label=(
                    "the WIJ-team's analysis finds a need for jeugdhulp, individuele "
                    "begeleiding or dagbesteding"
                ),
                source=LETTER.cite(
                    ACHTERGROND.section,
                    "op basis van een analyse vanuit het WIJ-team in aanmerking komen voor "
                    "jeugdhulp, individuele begeleiding of dagbesteding",
                ),
            ),
            OneOf(
                FEITEN.verwijzer,
                [v.name for v in verwijzers],
                label=door,
                source=LETTER.cite(
                    ACHTERGROND.section,
                    "Zij worden in principe door het WIJ-team verwezen naar het BT Hoogkerk.",
                ),
            ),
        ],
        label=DOELGROEP_LABEL,
        source=ACHTERGROND,
    )


def te_complex() -> Rule:
    """The WIJ-team, or later BT Hoogkerk, finds the question too complex for BT Hoogkerk."""
    return IsTrue(
        FEITEN.complexe_vraag,
        label="the WIJ-team or BT Hoogkerk finds the question too complex for BT Hoogkerk",
        source=LETTER.cite(
            ACHTERGROND.section,
            "Indien het WIJ-team, of naderhand het BT Hoogkerk, constateert dat de "
            "ondersteuningsvraag van de bewoner niet adequaat genoeg kan worden beantwoord",
        ),
    )


def reguliere_route() -> Route:
    """The route of an eligible resident whose question is too complex: the regular process."""
    return Route(te_complex(), Outcome.REGULAR_ROUTE, REGULIERE_ROUTE, _REDEN, _REGULIER)


def uitstroom() -> UitstroomAlsRegel:
    """A trajectory ends towards the regular route when BT Hoogkerk later finds it too complex."""
    return UitstroomAlsRegel(
        "too complex for BT Hoogkerk", te_complex(), REGULIERE_ROUTE, _REGULIER
    )
