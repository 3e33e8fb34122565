"""Who BT Hoogkerk is for, and when the regular route applies instead.

004_b7ccad7045cc3ba8.txt, "Geachte heer, mevrouw": "Het aanbod van BT Hoogkerk voorziet in
individuele begeleiding en dagbesteding voor volwassenen.  Daarnaast proberen
we in samenhang en binnen de kaders van de regionale inkoop jeugdhulp
ondersteuningsvragen rondom jeugd inhoudelijk onderdeel te laten zijn van de
proeftuin."  "Achtergrond van deze beweging": BT Hoogkerk is an algemene
voorziening, so "inwoners van Hoogkerk die op basis van een analyse vanuit het
WIJ-team in aanmerking komen voor jeugdhulp, individuele begeleiding of
dagbesteding, hiervoor niet langer een indicatie of zorgtoewijzing nodig
hebben. Zij worden in principe door het WIJ-team verwezen naar het BT Hoogkerk."

When the WIJ-team, "of naderhand het BT Hoogkerk", finds that BT Hoogkerk
cannot answer the question adequately ("bijvoorbeeld vanwege complexiteit"),
"treedt het 'reguliere proces' in werking": a maatwerkbeschikking or a
zorgtoewijzing, with the choice between zorg in natura and a persoonsgebonden
budget.  That is :data:`REGULIERE_ROUTE`, both at the door (a route) and later
in a trajectory (:func:`uitstroom`).

Readings, each a parameter of :func:`doelgroep` (and of the plugin), listed in
:data:`sociaaldomein_hoogkerk.readings.READINGS`:

* ``wijken``: "inwoners van Hoogkerk" is the wijk ``"Hoogkerk"``;
* ``hulpvragen``: what BT Hoogkerk answers.  Its own offer is "individuele
  begeleiding en dagbesteding voor volwassenen"; youth questions come in only
  "binnen de kaders van de regionale inkoop jeugdhulp", and specialist youth
  care is bought regionally (RIGG), not from BT Hoogkerk, so the default is
  basic youth care (begeleiding, lichte behandeling) and not
  :attr:`~sociaaldomein.Hulpvraag.JEUGDHULP_SPECIALISTISCH`.  A family whose
  only need is specialist youth care is not eligible;
* a youth-care need counts only for a household with a minor (a jeugdige: a
  child younger than 18, or expected); this follows from "jeugd" and is fixed;
* ``jeugd_alleen_in_samenhang``: "in samenhang en binnen de kaders van de
  regionale inkoop jeugdhulp" is read as in coherence with the regional
  purchasing (both phrases take "de regionale inkoop jeugdhulp"), so a youth
  question alone is enough (default ``False``); ``True`` reads it as "only
  together with an adult's need for individuele begeleiding or dagbesteding";
* ``verwijzers``: "door het WIJ-team" is the referrer code 01 *gemeente*
  (iJw COD327), because the WIJ-team is the municipality's access team;
  "in principe" leaves room for others, which a municipality can add.

The core records a household's needs, not whose they are, so "voor
volwassenen" cannot be checked per member: a need for individuele begeleiding
or dagbesteding is read as an adult's.

>>> [leaf.text() for leaf in doelgroep().leaves()][-1]
'referred by the WIJ-team (the municipal access team)'
>>> source = reguliere_route().source
>>> source.file, source.section
('004_b7ccad7045cc3ba8.txt', 'Achtergrond van deze beweging')
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Final

from sociaaldomein import (
    FEITEN,
    AllOf,
    AnyOf,
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
from sociaaldomein_hoogkerk.letter import ACHTERGROND, INLEIDING, LETTER
from sociaaldomein_hoogkerk.messages import _

__all__ = [
    "DOELGROEP_LABEL",
    "HULPVRAGEN",
    "JEUGDHULPVRAGEN",
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
    Hulpvraag.INDIVIDUELE_BEGELEIDING,
    Hulpvraag.DAGBESTEDING,
)
"""004: "jeugdhulp, individuele begeleiding of dagbesteding", youth care "binnen de kaders van
de regionale inkoop jeugdhulp": basic youth care, not specialist youth care."""

JEUGDHULPVRAGEN: Final = frozenset(
    {
        Hulpvraag.JEUGDHULP_BEGELEIDING,
        Hulpvraag.JEUGDHULP_LICHTE_BEHANDELING,
        Hulpvraag.JEUGDHULP_SPECIALISTISCH,
    }
)
"""The needs that are youth care: they count only for a household with a minor."""

VERWIJZERS: Final = (Verwijzer.GEMEENTE,)
"""004: "in principe door het WIJ-team verwezen" (COD327 01, the municipal access team)."""

KEUZE_LEVERINGSVORM: Final = (Leveringsvorm.ZORG_IN_NATURA, Leveringsvorm.PGB)
"""004: "de keuze tussen zorg in natura of een persoonsgebonden budget"."""

REGULIERE_ROUTE: Final = "maatwerkbeschikking of zorgtoewijzing (keuze zorg in natura of PGB)"
"""Where a question too complex for BT Hoogkerk goes."""

DOELGROEP_LABEL: Final = _(
    "a resident of Hoogkerk for BT Hoogkerk, an algemene voorziening: no indicatie or "
    "zorgtoewijzing needed"
)

_REDEN: Final = _(
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
    if len(names) == 1:
        return names[0]
    return _("{names} or {last}", names=tuple(names[:-1]), last=names[-1])


def _needs(hulpvragen: Collection[Hulpvraag], jeugd_alleen_in_samenhang: bool) -> Rule:
    """A need BT Hoogkerk answers: an adult's support, or a minor's youth care."""
    volwassenen = frozenset(hulpvragen) - JEUGDHULPVRAGEN
    jeugd = frozenset(hulpvragen) & JEUGDHULPVRAGEN
    label = _(
        "the WIJ-team's analysis finds a need for jeugdhulp, individuele begeleiding or "
        "dagbesteding that BT Hoogkerk answers"
    )
    analyse = LETTER.cite(
        ACHTERGROND.section,
        "op basis van een analyse vanuit het WIJ-team in aanmerking komen voor jeugdhulp, "
        "individuele begeleiding of dagbesteding",
    )
    parts: list[Rule] = []
    if volwassenen:
        parts.append(
            HasAny(
                FEITEN.hulpvragen,
                volwassenen,
                label=_("a need for support BT Hoogkerk offers adults"),
                source=LETTER.cite(
                    INLEIDING.section,
                    "Het aanbod van BT Hoogkerk voorziet in individuele begeleiding en "
                    "dagbesteding voor volwassenen.",
                ),
            )
        )
    if jeugd and not jeugd_alleen_in_samenhang:
        parts.append(
            AllOf(
                [
                    HasAny(
                        FEITEN.hulpvragen,
                        jeugd,
                        label=_("a need for youth care within the regional inkoop jeugdhulp"),
                        source=LETTER.cite(
                            INLEIDING.section,
                            "in samenhang en binnen de kaders van de regionale inkoop jeugdhulp",
                        ),
                    ),
                    IsTrue(
                        FEITEN.minderjarig_kind,
                        label=_("a minor belongs to the household (youth care is for a jeugdige)"),
                        source=LETTER.cite(INLEIDING.section, "ondersteuningsvragen rondom jeugd"),
                    ),
                ],
                label=_("a youth-care question of a minor, within the regional inkoop jeugdhulp"),
                source=INLEIDING,
            )
        )
    if not parts:
        # Nothing BT Hoogkerk answers (only youth care, taken only together with an adult's
        # need): no household can qualify, and the rule says so rather than failing to build.
        return HasAny(FEITEN.hulpvragen, frozenset(), label=label, source=analyse)
    return AnyOf(parts, label=label, source=analyse)


def doelgroep(
    *,
    wijken: Sequence[str] = WIJKEN,
    hulpvragen: Collection[Hulpvraag] = HULPVRAGEN,
    verwijzers: Collection[Verwijzer] = VERWIJZERS,
    jeugd_alleen_in_samenhang: bool = False,
) -> Rule:
    """The eligibility rule: lives in Hoogkerk, a need BT Hoogkerk meets, referred by WIJ.

    A youth-care need counts only for a household with a minor; with
    ``jeugd_alleen_in_samenhang=True`` it counts only together with an adult's
    need for individuele begeleiding or dagbesteding, so it adds nothing.
    """
    wijk = tuple(wijken)
    door = (
        _("referred by the WIJ-team (the municipal access team)")
        if tuple(verwijzers) == VERWIJZERS
        else _("referred by: {referrers}", referrers=tuple(verwijzers))
    )
    return AllOf(
        [
            OneOf(
                FEITEN.wijk,
                wijk,
                label=_("lives in {areas}", areas=_or(wijk)),
                source=LETTER.cite(ACHTERGROND.section, "inwoners van Hoogkerk"),
            ),
            _needs(hulpvragen, jeugd_alleen_in_samenhang),
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
        label=_("the WIJ-team or BT Hoogkerk finds the question too complex for BT Hoogkerk"),
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
