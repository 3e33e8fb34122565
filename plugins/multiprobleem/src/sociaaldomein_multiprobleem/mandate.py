"""The functional mandate: the table of 003_720c15da674da257.txt, "9. Functionele mandaten".

For the selected families, the institution follows the coach's proposal "1 op 1
en zet om in formeel besluit"; it may deviate "alleen in situaties waarin de
wet het besluit niet toelaat" ("Begrippenlijst", Functioneel mandaat, and
section 9).  Budgetary objections are no ground to deviate: they "kunnen worden
opgevangen met gebruik van het GHP gebonden budget" (section 9), so an advice
whose institution names a budget objection as its ground still binds, and the
verdict records the refused ground (:data:`GHP_BUDGETOPVANG`).  The police
and the Burgemeester give no mandate, only cooperation agreements
(:class:`~sociaaldomein.Samenwerkingsafspraak`).

Every row, institution and decision is spelled as the letter spells it.  Where
the table continues on a new page or leaves the leefgebied cell empty, the row
belongs to the leefgebied and institution above it: the second block of
Bureau jeugdzorg's decisions, and Elker, MJD, Thuiszorg Groningen and the
OCSW coördinatiepunt under "Zorg/hulpverlening", the Burgemeester under
"Politie/justitie/gedwongen kader", Sozawe-GKB under "werk en inkomen".

>>> import pendulum
>>> from sociaaldomein import Advies
>>> advies = Advies("gezin-01", SOZAWE, "Toekenning bijzondere bijstand",
...                 pendulum.date(2011, 3, 1))
>>> FUNCTIONEEL_MANDAAT.check(advies, geselecteerd=True).binds
True
>>> geen_budget = Advies("gezin-01", SOZAWE, "Toekenning bijzondere bijstand",
...                      pendulum.date(2011, 3, 1), wettelijk_toegestaan=False,
...                      wettelijke_grond="geen budget")
>>> FUNCTIONEEL_MANDAAT.check(geen_budget, geselecteerd=True).status.name
'BINDEND'
"""

from __future__ import annotations

from typing import Final

from sociaaldomein import (
    Advies,
    AdviesOordeel,
    Budgetopvang,
    Mandaat,
    MandaatRegel,
    Samenwerkingsafspraak,
)
from sociaaldomein_multiprobleem.letter import GHP_INFORMATIEBRON, LETTER, MANDATEN
from sociaaldomein_multiprobleem.selection import Selectie

__all__ = [
    "BUREAU_JEUGDZORG",
    "FUNCTIONEEL_MANDAAT",
    "GHP_BUDGETOPVANG",
    "POLITIE",
    "SOZAWE",
    "check_advice",
]

WERK_EN_INKOMEN: Final = "werk en inkomen"
LEERPLICHT: Final = "leerplicht"
WONEN: Final = "wonen"
ZORG: Final = "Zorg/hulpverlening"
POLITIE_JUSTITIE: Final = "Politie/justitie/gedwongen kader"

SOZAWE: Final = "Gemeente Groningen (Sozawe)"
BUREAU_JEUGDZORG: Final = "Bureau jeugdzorg"
POLITIE: Final = "politie"

GHP_BUDGETOPVANG: Final = Budgetopvang(
    "het GHP gebonden budget",
    LETTER.cite(
        MANDATEN.section,
        "Budgettaire bezwaren kunnen worden opgevangen met gebruik van het GHP gebonden budget.",
    ),
)
"""003, "9. Functionele mandaten": a budget objection is absorbed, not a ground to deviate."""

FUNCTIONEEL_MANDAAT: Final = Mandaat(
    regels=(
        MandaatRegel(
            WERK_EN_INKOMEN,
            SOZAWE,
            (
                "Toekenning bijzondere bijstand",
                "Versnellen afhandelen aanvraag levensonderhoud// verstrekken voorschot",
                "Sanctie/beëindiging sanctie",
                "Openen BBR",
                "Voordracht voor diagnosetraject",
                "Voorrang beoordeling cliënt ten behoeve van bemiddelings –of zorgtraject",
            ),
            MANDATEN,
        ),
        MandaatRegel(
            WERK_EN_INKOMEN,
            "Gemeente Groningen (Sozawe- GKB)",
            ("Inzet schuldhulpverlening", "Inzet budgetbeheer"),
            MANDATEN,
        ),
        MandaatRegel(
            LEERPLICHT,
            "Gemeente Groningen (leerplichtambtenaar - OCSW)",
            ("controle en gesprek in kader van leerplicht", "voordragen sanctietraject"),
            MANDATEN,
        ),
        MandaatRegel(
            WONEN,
            "woningcorporaties",
            (
                "woningtoewijzing",
                "verplaatsing",
                "terugdraaien toewijzing of verplaatsing",
                "bij incasso gang naar deurwaarder stopzetten of uitstellen",
                "aanpassen woning",
            ),
            MANDATEN,
        ),
        MandaatRegel(
            ZORG,
            BUREAU_JEUGDZORG,
            (
                "geven van een aanwijzing",
                "Indicatiebesluit",
                "machtiging uithuisplaatsing",
                "aanvragen bijzondere kosten",
                "aanvragen psychologisch/diagnostisch onderzoek",
                "beëindigen/niet verlengen OTS",
                "beslissingen jeugdreclasserder",
                "opdracht tot indicatie ambulante zorg",
                "besluit na aanmelding en acceptatie",
                "besluit tot een vorm van zorg",
            ),
            MANDATEN,
        ),
        MandaatRegel(
            ZORG,
            "Elker",
            (
                "specifiek ambulante Jeugdhulp",
                "ambulante multidisciplinaire observatie diagnostiek",
                "sociale vaardigheidstraining",
                "training agressieregulatie",
                "training zelfcontrole",
                "ambulante interventie jonge kind",
                "video gezinsbehandeling",
                "speltherapie",
                "opvang, observatie en oriëntatie",
            ),
            MANDATEN,
        ),
        MandaatRegel(
            ZORG,
            "MJD",
            ("voordracht traject woonkans", "voordracht administratieve ondersteuning"),
            MANDATEN,
        ),
        MandaatRegel(
            ZORG,
            "Thuiszorg Groningen",
            ("voordracht intensieve huishoudelijke hulp",),
            MANDATEN,
        ),
        MandaatRegel(
            ZORG,
            "Gemeente (OCSW, coördinatiepunt nazorg ex-gedetineerden)",
            (
                "voordracht casusbespreking en traject in kader recidivebeperking van "
                "ex-gedetineerden",
            ),
            MANDATEN,
        ),
    ),
    samenwerkingsafspraken=(
        Samenwerkingsafspraak(
            POLITIE_JUSTITIE,
            POLITIE,
            (
                "actie politie in het kader van (herhaling van) huiselijk geweld, actie "
                "tijdelijk huisverbod",
                "actie politie in kader overlastbestrijding, afspraken over snelle actie en "
                "strafkader, jeugdaanpak, lik op stuk, taakstraffen (in overleg OM en "
                "reclassering), straatverbod",
            ),
            MANDATEN,
        ),
        Samenwerkingsafspraak(
            POLITIE_JUSTITIE,
            "Burgemeester",
            ("(toekenning/verlenging) tijdelijk huisverbod (in samenwerking met ASHG)",),
            MANDATEN,
        ),
    ),
    bron=GHP_INFORMATIEBRON,
    alleen_geselecteerde_gezinnen=True,
    budgetopvang=GHP_BUDGETOPVANG,
)
"""The whole table of section 9; the mandate applies only to the selected families ("10.")."""


def check_advice(
    advies: Advies, selectie: Selectie, *, mandaat: Mandaat = FUNCTIONEEL_MANDAAT
) -> AdviesOordeel:
    """Whether a coach's ``advies`` binds the institution, given the partners' ``selectie``.

    The mandate covers only families selected on the day of the advice (003,
    "10. Gezins Herstel Plan als informatiebron"); within it the advice binds
    unless the law does not allow the decision (003, "9. Functionele mandaten");
    a budget objection is no such ground, the GHP-bound budget absorbs it.
    """
    geselecteerd = selectie.is_selected(advies.gezin_id, advies.datum)
    return mandaat.check(advies, geselecteerd=geselecteerd)
