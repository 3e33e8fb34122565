"""The English labels of the library's own enums (the catalogues translate them).

Most values of these enums are the letters' own Dutch words; the labels say
them as a reader of either language expects them in a sentence.  The domains
of the Zelfredzaamheid-Matrix keep their own (Dutch) names in both languages,
as the instrument names them: "Financiën", "Basale ADL".  A label is
looked up by member name, so a member added to an enum shows its value until
it has a label here (the catalogue test names it).
"""

from __future__ import annotations

import enum
import importlib
from typing import Final

from sociaaldomein.i18n.labels import register_labels

__all__ = ["LABELS", "register"]

LABELS: Final[dict[tuple[str, str], dict[str, str]]] = {
    ("gezin", "Probleem"): {
        "LAAG_INKOMEN": "low income (poverty)",
        "GEEN_WERK": "no work",
        "SCHULDEN": "debts",
        "VERSLAVING": "addiction",
        "CRIMINALITEIT": "crime",
        "ONAANGEPAST_GEDRAG": "maladjusted behaviour",
        "RELATIE_EN_OPVOEDINGSPROBLEMEN": "relationship and upbringing problems",
        "PSYCHIATRISCHE_STORINGEN": "psychiatric disorders",
        "VERSTANDELIJKE_BEPERKINGEN": "intellectual disabilities",
    },
    ("gezin", "Signaal"): {
        "KEERT_STEEDS_TERUG": "keeps coming back",
        "VOORTDURENDE_OVERLAST": "causes constant nuisance",
        "KINDEREN_STRUCTUREEL_ONVEILIG": "children are structurally unsafe",
        "STRUCTUREEL_VEEL_HULPVERLENERS": "structurally many care providers involved",
        "ACUTE_CRISIS": "acute crisis such as eviction or out-of-home placement",
    },
    ("gezin", "Dwangmiddel"): {
        "UITHUISPLAATSING": "out-of-home placement",
        "HUISUITZETTING": "eviction",
        "HUISVERBOD": "restraining order (huisverbod)",
        "ONDERTOEZICHTSTELLING": "family supervision order (OTS)",
        "INTREKKING_UITKERING": "(partial) withdrawal of benefit",
        "VOORWAARDELIJKE_STRAF": "conditional sentence",
    },
    ("gezin", "Hulpvraag"): {
        "JEUGDHULP_BEGELEIDING": "basic youth care: support",
        "JEUGDHULP_LICHTE_BEHANDELING": "basic youth care: light treatment",
        "JEUGDHULP_SPECIALISTISCH": "specialist youth care",
        "INDIVIDUELE_BEGELEIDING": "individual support",
        "DAGBESTEDING": "day activities",
        "OVERNAME_HUISHOUDEN": "taking over the household",
    },
    ("gezin", "Verwijzer"): {
        "GEMEENTE": "municipality (access team)",
        "HUISARTS": "general practitioner",
        "JEUGDARTS": "youth doctor",
        "GECERTIFICEERDE_INSTELLING": "certified institution",
        "MEDISCH_SPECIALIST": "medical specialist",
        "ZELFVERWIJZER": "self-referral",
        "RECHTER_OVJ_JJI": "judge, public prosecutor or youth custody",
    },
    ("gezin", "Zorgsoort"): {
        "INDICATIE": "indicatie",
        "TOEWIJZING": "zorgtoewijzing",
        "BESCHIKKING": "beschikking",
    },
    ("gezin", "Leveringsvorm"): {
        "ZORG_IN_NATURA": "care in kind",
        "PGB": "personal budget (PGB)",
    },
    ("gezin", "ZrmVersie"): {
        "ZRM_2017": "ZRM 2017",
    },
    ("gezin", "ZrmDomein"): {
        "FINANCIEN": "Financiën",
        "WERK_EN_OPLEIDING": "Werk & Opleiding",
        "TIJDSBESTEDING": "Tijdsbesteding",
        "HUISVESTING": "Huisvesting",
        "HUISELIJKE_RELATIES": "Huiselijke relaties",
        "GEESTELIJKE_GEZONDHEID": "Geestelijke gezondheid",
        "LICHAMELIJKE_GEZONDHEID": "Lichamelijke gezondheid",
        "MIDDELENGEBRUIK": "Middelengebruik",
        "BASALE_ADL": "Basale ADL",
        "INSTRUMENTELE_ADL": "Instrumentele ADL",
        "SOCIAAL_NETWERK": "Sociaal netwerk",
        "MAATSCHAPPELIJKE_PARTICIPATIE": "Maatschappelijke participatie",
        "JUSTITIE": "Justitie",
    },
    ("professional", "Rol"): {
        "GEZINSCOACH": "family coach (gezinscoach)",
        "GEZINSVERZORGER": "family carer (gezinsverzorger)",
        "PROJECTLEIDER": "project leader",
        "GEDRAGSWETENSCHAPPER": "behavioural scientist",
        "PRAKTIJKBEGELEIDER": "practice supervisor",
        "WIJ_MEDEWERKER": "WIJ worker",
        "VRIJWILLIGER": "volunteer",
    },
    ("professional", "Opleidingsniveau"): {
        "MBO": "MBO",
        "HBO": "HBO",
        "WO": "WO",
    },
    ("gebied", "GebiedNiveau"): {
        "GEMEENTE": "municipality",
        "WIJK": "district",
        "BUURT": "neighbourhood",
    },
    ("evaluatie", "MomentSoort"): {
        "HALVERWEGE": "halfway",
        "VOOR_EINDE": "before the end",
        "OP_DATUM": "on a date",
    },
    ("mandaat", "AdviesStatus"): {
        "BINDEND": "binding",
        "AFWIJKING_WETTELIJK": "deviation required by law",
        "GEWEIGERD": "refused",
    },
    ("pilot", "PilotStatus"): {
        "PREPARING": "in preparation",
        "ACTIVE": "active",
        "EXTENDED": "extended",
        "ENDED": "ended",
        "EMBEDDED": "embedded (geborgd)",
    },
    ("budget", "Financieringsmodel"): {
        "PROJECTBUDGET": "project budget",
        "LUMPSUM": "lump sum",
        "SUBSTITUTIE": "substitution",
        "GHP_GEBONDEN": "bound to the family's recovery plan (GHP)",
        "VOORINVESTERING": "pre-investment",
        "INCIDENTEEL": "incidental budget",
    },
    ("gezin", "LidRol"): {
        "OUDER": "parent",
        "KIND": "child",
        "VOLWASSENE": "adult",
        "ANDERE_VOLWASSENE": "other adult in the household",
        "VERWACHT_KIND": "expected child",
    },
}
"""English label per member name, per (module of :mod:`sociaaldomein.domain`, enum)."""


def register() -> None:
    """Register the labels of every enum of :mod:`sociaaldomein.domain` a person reads."""
    from sociaaldomein.domain.verdict import Outcome

    for (module, name), texts in LABELS.items():
        kind: type[enum.Enum] = getattr(
            importlib.import_module(f"sociaaldomein.domain.{module}"), name
        )
        register_labels(kind, {m: texts[m.name] for m in kind if m.name in texts})
    register_labels(Outcome, {member: member.value for member in Outcome})
