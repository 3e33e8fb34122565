"""Who the pilot is for, and when a family goes to a gezinscoach instead.

Eligibility (all three must hold):

* a parent has problems of a chronic or structural nature
  (000_6fd8bb18cab06410.txt, "Bemensing pilot");
* the family needs someone to (temporarily) take over running the household and
  part of the upbringing (:attr:`~sociaaldomein.Hulpvraag.OVERNAME_HUISHOUDEN`,
  "Initiatiefvoorstel");
* a child younger than 18 (or expected) lives in the family.  The letter does
  not say so in as many words; it follows from the money, which is youth-care
  money ("Kosten pilot": "ten laste van de begrote middelen voor jeugdhulp"),
  and from the task, which includes "de opvoeding" ("Initiatiefvoorstel").

Routing.  "De keuze of het gezinscoach of gezinsverzorger moet zijn, is
afhankelijk van de inschatting van de mate van dan wel de te bereiken mate van
zelfredzaamheid van het gezin" ("Initiatiefvoorstel").  The letter names no
instrument or threshold; the library reads it on the Zelfredzaamheid-Matrix
(ZRM 2017) as follows, and both choices are parameters of the plugin:

* the *household domains* are the ZRM domains of running a household and a
  family: Financien, Huiselijke relaties, Basale ADL and Instrumentele ADL
  (:data:`HOUSEHOLD_DOMAINS`);
* the family's zelfredzaamheid *can be strengthened* when on every household
  domain it is at least "beperkt zelfredzaam" (level 3, :data:`ZRM_THRESHOLD`)
  now or judged achievable with support.  Such a family goes to a gezinscoach,
  who strengthens the family's own regie; any other eligible family stays with
  the gezinsverzorger;
* a household domain that was not scored counts as *not shown*: the step to the
  lighter gezinscoach needs the assessment the letter makes the choice depend
  on.  A family without any ZRM assessment therefore stays with the
  gezinsverzorger;
* ZRM information older than :data:`ZRM_MAX_AGE_DAYS` (30) days is not used
  (:func:`zrm_recent`): the route to the gezinscoach needs a recent ZRM, and
  the explanation says "ZRM of 2021-02-15 is older than 30 days".  Where a
  municipality wants the assessment to be a condition of the pilot itself,
  :func:`eligibility` takes ``require_zrm=True``.

>>> print(can_be_strengthened((ZrmDomein.FINANCIEN,)).describe())  # doctest: +ELLIPSIS
- the family's zelfredzaamheid can be strengthened: ...
  - Financiën: at least level 3 (beperkt zelfredzaam) now or achievable
    - ZRM level on Financiën is at least 3 [Pilot gezinsverzorger, ..., "Initiatiefvoorstel"]
    - achievable ZRM level on Financiën is at least 3 [Pilot gezinsverzorger, ...]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import pendulum

from sociaaldomein import (
    FEITEN,
    AllOf,
    AnyOf,
    Cohort,
    Compare,
    Gezin,
    HasAny,
    Hulpvraag,
    IsTrue,
    Outcome,
    Predicate,
    Route,
    Rule,
    ZrmDomein,
)
from sociaaldomein.domain.cohort import Array
from sociaaldomein.domain.feiten import ZRM_GELDIG_DAGEN
from sociaaldomein_gezinsverzorger.letter import BEMENSING, INITIATIEFVOORSTEL, JEUGDHULP
from sociaaldomein_gezinsverzorger.messages import _

__all__ = [
    "GEZINSCOACH",
    "HOUSEHOLD_DOMAINS",
    "ZRM_LEVELS",
    "ZRM_MAX_AGE_DAYS",
    "ZRM_THRESHOLD",
    "can_be_strengthened",
    "eligibility",
    "gezinscoach_route",
    "gezinscoach_rule",
    "zrm_recent",
]

GEZINSCOACH: Final = "gezinscoach"
"""Where a family whose zelfredzaamheid can be strengthened goes (WIJ Groningen's coaches)."""

HOUSEHOLD_DOMAINS: Final[tuple[ZrmDomein, ...]] = (
    ZrmDomein.FINANCIEN,
    ZrmDomein.HUISELIJKE_RELATIES,
    ZrmDomein.BASALE_ADL,
    ZrmDomein.INSTRUMENTELE_ADL,
)
"""The ZRM domains of running a household and a family: the library's reading of the letter."""

ZRM_LEVELS: Final[dict[int, str]] = {
    1: "acute problematiek",
    2: "niet zelfredzaam",
    3: "beperkt zelfredzaam",
    4: "voldoende zelfredzaam",
    5: "volledig zelfredzaam",
}
"""The five levels of the ZRM, by number."""

ZRM_THRESHOLD: Final = 3
"""The level ("beperkt zelfredzaam") from which a household domain can be left to the family."""

ZRM_MAX_AGE_DAYS: Final = ZRM_GELDIG_DAGEN
"""A ZRM score older than this is not used (a snapshot; see DOMAIN.md, ZRM): the core ZRM
facts' own validity (``FEITEN.zrm_laagste.geldig_dagen``), 30 days."""


def eligibility(*, require_zrm: bool = False, zrm_max_age_days: int = ZRM_MAX_AGE_DAYS) -> Rule:
    """The eligibility rule of the pilot gezinsverzorger.

    :param require_zrm: also require a ZRM assessment taken at most
        ``zrm_max_age_days`` days before the assessment date.  The letter makes
        only the *choice* between coach and gezinsverzorger depend on the
        assessment, so the default is ``False``.
    :param zrm_max_age_days: how old that assessment may be.
    """
    conditions: list[Rule] = [
        IsTrue(
            FEITEN.ouder_chronisch,
            source=BEMENSING,
            label=_("a parent has problems of a chronic or structural nature"),
        ),
        HasAny(
            FEITEN.hulpvragen,
            [Hulpvraag.OVERNAME_HUISHOUDEN],
            source=INITIATIEFVOORSTEL,
            label=_(
                "the family needs someone to (temporarily) take over running the household "
                "and part of the upbringing"
            ),
        ),
        IsTrue(
            FEITEN.minderjarig_kind,
            source=JEUGDHULP,
            label=_("a child younger than 18 (or expected) lives in the family: youth care"),
        ),
    ]
    if require_zrm:
        conditions.append(zrm_recent(zrm_max_age_days))
    return AllOf(conditions, label=_("the family is one the pilot gezinsverzorger is for"))


def zrm_recent(max_age_days: int = ZRM_MAX_AGE_DAYS) -> Rule:
    """The ZRM was assessed at most ``max_age_days`` days before the day of the decision.

    A leaf on the ZRM's age (``FEITEN.zrm_leeftijd_dagen``): it vectorises
    over a cohort like the comparison it is, and its explanation names the
    ZRM's date, so an old score says why it was not used.
    """
    age = FEITEN.zrm_leeftijd_dagen
    lower = Compare(age, ">=", 0, source=INITIATIEFVOORSTEL)
    upper = Compare(age, "<=", max_age_days, source=INITIATIEFVOORSTEL)

    def scalar(gezin: Gezin, on: pendulum.Date) -> bool:
        found = age.scalar(gezin, on)
        return found is not None and 0 <= found <= max_age_days

    def vector(cohort: Cohort, on: pendulum.Date) -> Array:
        return lower.evaluate(cohort, on) & upper.evaluate(cohort, on)

    def observe(gezin: Gezin, on: pendulum.Date) -> str:
        if gezin.zrm is None:
            return _("no ZRM")
        taken, days = gezin.zrm.afgenomen_op.isoformat(), age.scalar(gezin, on)
        if days is not None and days > max_age_days:
            return _(
                "ZRM of {taken} is older than {most} days ({days} days): not used",
                taken=taken,
                most=max_age_days,
                days=days,
            )
        return _("ZRM of {taken}, {days} days old", taken=taken, days=days)

    return Predicate(
        _(
            "a ZRM of at most {most} days old (older ZRM information is not used)",
            most=max_age_days,
        ),
        scalar,
        vector,
        observe,
        source=INITIATIEFVOORSTEL,
        facts=[age],
    )


def gezinscoach_rule(strengthen: Rule, max_age_days: int = ZRM_MAX_AGE_DAYS) -> Rule:
    """``strengthen``, judged on a ZRM of at most ``max_age_days`` days old only."""
    return AllOf(
        [zrm_recent(max_age_days), strengthen],
        label=_(
            "a recent ZRM shows the family's zelfredzaamheid can be strengthened: a gezinscoach"
        ),
    )


def can_be_strengthened(
    domains: Sequence[ZrmDomein] = HOUSEHOLD_DOMAINS, threshold: int = ZRM_THRESHOLD
) -> Rule:
    """Whether the family's zelfredzaamheid can be strengthened (then: a gezinscoach).

    On every domain of ``domains`` the family is at ``threshold`` or above,
    now or as judged achievable; an unscored domain counts as not shown.  Every
    leaf compares one ZRM score, so an explanation names the scores that decided.
    """
    level = _("level {n} ({name})", n=threshold, name=ZRM_LEVELS[threshold])
    per_domain: list[Rule] = [
        AnyOf(
            [
                Compare(FEITEN.zrm[domein], ">=", threshold, source=INITIATIEFVOORSTEL),
                Compare(FEITEN.zrm_haalbaar[domein], ">=", threshold, source=INITIATIEFVOORSTEL),
            ],
            label=_("{domain}: at least {level} now or achievable", domain=domein, level=level),
        )
        for domein in domains
    ]
    return AllOf(
        per_domain,
        label=_(
            "the family's zelfredzaamheid can be strengthened: at least {level} "
            "now or achievable on every household domain ({domains})",
            level=level,
            domains=tuple(domains),
        ),
    )


def gezinscoach_route(strengthen: Rule) -> Route:
    """The route to a gezinscoach for a family for which ``strengthen`` holds."""
    return Route(
        when=strengthen,
        outcome=Outcome.REFERRED,
        to=GEZINSCOACH,
        reason=_(
            "the family's zelfredzaamheid can be strengthened: a gezinscoach strengthens the "
            "family's own regie, temporarily, on goals set with the family"
        ),
        source=INITIATIEFVOORSTEL,
    )
