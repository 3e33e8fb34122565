"""Who coordinates contact, who may see what, and who ratifies: the agreements around the coach.

From 003_720c15da674da257.txt:

* "8. Algemene afspraken" I, II, V and VI: every contact with a selected family
  is coordinated with the project beforehand, the coach's voice leads, and the
  one exception, statutory duties, is reported to the project afterwards:
  :data:`REGIE` and :func:`check_contact`;
* "8." VII and VIII, and "10. Gezins Herstel Plan als informatiebron": the
  information for the approach of the selected families passes freely between
  the partners and the coach, Intraval included; the GHP is open to every
  partner: :func:`informatie_toegestaan`;
* the letter's "Positie gemeente": the municipality's own services that the
  approach needs (:data:`GEMEENTELIJKE_DIENSTEN`);
* the letter's "Tenslotte": the council still has to ratify the doorstart,
  because the money of 2011 and 2012 is committed in advance; a proposal comes
  in March (:data:`BEKRACHTIGING`).

Reading (:data:`~sociaaldomein_multiprobleem.readings.READINGS`): VII speaks of
"deze top tien gezinnen"; the agreement calls the selected families the top 10
throughout and its mandates cover the families added later too, so the default
reads it as every selected family (``ook_aanvullingen=True``); ``False`` keeps
free exchange to the ten designated before the start.

>>> check_contact(afgestemd=False).toegestaan
False
>>> check_contact(afgestemd=False, wettelijke_verplichting=True).achteraf_informeren
('gezinscoach', 'projectleider')
"""

from __future__ import annotations

from typing import Final

import attrs
import pendulum

from sociaaldomein import Citation, Periode, Rol
from sociaaldomein_multiprobleem.letter import (
    ALGEMENE_AFSPRAKEN,
    GHP_INFORMATIEBRON,
    LETTER,
    POSITIE_GEMEENTE,
    TENSLOTTE,
)
from sociaaldomein_multiprobleem.messages import _
from sociaaldomein_multiprobleem.partners import SAMENWERKINGSPARTNERS
from sociaaldomein_multiprobleem.selection import Selectie

__all__ = [
    "BEKRACHTIGING",
    "GEMEENTELIJKE_DIENSTEN",
    "INTRAVAL",
    "PROJECT",
    "RAAD_GEINFORMEERD",
    "REGIE",
    "Bekrachtiging",
    "Contactbesluit",
    "Dienst",
    "Informatiebesluit",
    "Regie",
    "check_contact",
    "informatie_toegestaan",
]

PROJECT: Final = (Rol.GEZINSCOACH.value, Rol.PROJECTLEIDER.value)
""""het project (gezinscoach of projectleider)", "8. Algemene afspraken" I."""

INTRAVAL: Final = "onderzoeksbureau Intraval"
"""The evaluator, with the same free access to information ("8." VIII)."""


def _afspraak(nummer: str) -> Citation:
    return LETTER.cite(ALGEMENE_AFSPRAKEN.section, nummer)


@attrs.frozen
class Regie:
    """The partners' recognition of the coach's regie in the selected families ("8." I-VI)."""

    contact_vooraf_afgestemd_met: tuple[str, ...]
    leidende_stem: str
    uitzondering: str
    achteraf_geinformeerd: tuple[str, ...]
    bron: Citation


REGIE: Final = Regie(
    contact_vooraf_afgestemd_met=PROJECT,
    leidende_stem=Rol.GEZINSCOACH.value,
    uitzondering="wettelijke verplichtingen in het geding",
    achteraf_geinformeerd=PROJECT,
    bron=ALGEMENE_AFSPRAKEN,
)
"""I: contact coordinated with the project; II: the coach's voice leads; V and VI: the exception."""


@attrs.frozen
class Contactbesluit:
    """Whether a partner may contact a selected family, and whom it informs afterwards."""

    toegestaan: bool
    reden: str
    achteraf_informeren: tuple[str, ...]
    bron: Citation


def check_contact(*, afgestemd: bool, wettelijke_verplichting: bool = False) -> Contactbesluit:
    """A partner's contact with a selected family ("8. Algemene afspraken" I, V and VI).

    ``afgestemd``: the contact was coordinated with the coach or the
    projectleider beforehand; ``wettelijke_verplichting``: a statutory duty is
    at stake, the one exception to I, after which the project is informed "zo
    spoedig mogelijk achteraf".
    """
    if afgestemd:
        return Contactbesluit(
            True, "coordinated with the project beforehand (I)", (), _afspraak("I")
        )
    if wettelijke_verplichting:
        return Contactbesluit(
            True,
            "a statutory duty is at stake, the exception to I (V); the coach or the "
            "projectleider is informed as soon as possible afterwards (VI)",
            PROJECT,
            _afspraak("VI"),
        )
    return Contactbesluit(
        False,
        "every contact with a selected family is coordinated with the project (gezinscoach "
        "or projectleider) beforehand (I)",
        (),
        _afspraak("I"),
    )


@attrs.frozen
class Informatiebesluit:
    """Whether information about a family may go to a recipient, and why."""

    toegestaan: bool
    reden: str
    bron: Citation


def _norm(name: str) -> str:
    return " ".join(name.split()).casefold()


_ONTVANGERS: Final = {_norm(p) for p in SAMENWERKINGSPARTNERS} | {_norm(r) for r in PROJECT}


def informatie_toegestaan(
    ontvanger: str,
    gezin_id: str,
    selectie: Selectie,
    on: pendulum.Date,
    *,
    ook_aanvullingen: bool = True,
) -> Informatiebesluit:
    """Whether information for the approach of ``gezin_id`` may go to ``ontvanger`` on ``on``.

    Free between the partners on one side and the coach (the project) on the
    other ("8." VII), and to Intraval (VIII), for the families selected on
    ``on``; with ``ook_aanvullingen=False`` only for the top 10 designated
    before the start.  Anyone else, or another family, gets nothing from this
    agreement (which does not settle what the law otherwise allows).
    """
    wie = _norm(ontvanger)
    if wie == _norm(INTRAVAL):
        grond, bron = _("Intraval's independent evaluation (VIII)"), _afspraak("VIII")
    elif wie in _ONTVANGERS:
        grond, bron = (
            _("free exchange between the partners and the gezinscoach (VII)"),
            _afspraak("VII"),
        )
    else:
        return Informatiebesluit(
            False,
            _(
                "{ontvanger} is not a partner, the project or Intraval; the agreement shares "
                "information only among them (VII, VIII)",
                ontvanger=repr(ontvanger),
            ),
            _afspraak("VII"),
        )
    if not selectie.is_selected(gezin_id, on):
        return Informatiebesluit(
            False,
            _(
                "family {gezin} is not selected on {on}: the agreement applies "
                "only to the families the partners selected together ({bron})",
                gezin=repr(gezin_id),
                on=on.isoformat(),
                bron=GHP_INFORMATIEBRON,
            ),
            GHP_INFORMATIEBRON,
        )
    if not ook_aanvullingen and gezin_id not in selectie.top10:
        return Informatiebesluit(
            False,
            _(
                "family {gezin} was added during the pilot; read as only 'deze top tien "
                "gezinnen' (ook_aanvullingen=False), free exchange covers the top 10 alone",
                gezin=repr(gezin_id),
            ),
            _afspraak("VII"),
        )
    return Informatiebesluit(True, grond, bron)


@attrs.frozen
class Dienst:
    """A municipal service the approach needs from the municipality itself."""

    dienst: str
    taak: str
    bron: Citation


GEMEENTELIJKE_DIENSTEN: Final = (
    Dienst("Sozawe", "werk en inkomen, schuldhulpverlening", POSITIE_GEMEENTE),
    Dienst("OCSW", "leerplicht", POSITIE_GEMEENTE),
    Dienst("BSD", "optreden bij huiselijk geweld", POSITIE_GEMEENTE),
)
"""003, "Positie gemeente": "hofleverancier van een aantal noodzakelijke diensten"."""


@attrs.frozen
class Bekrachtiging:
    """What the council still has to decide about the doorstart, and why."""

    door: str
    waarom: str
    voorstel_in: Periode
    binnen_oorspronkelijk_budget: bool
    instemming_van: tuple[str, ...]
    bron: Citation


BEKRACHTIGING: Final = Bekrachtiging(
    door="gemeenteraad",
    waarom="voorbeslag voor de middelen van 2011 en 2012",
    voorstel_in=Periode(pendulum.date(2011, 3, 1), pendulum.date(2011, 4, 1)),
    binnen_oorspronkelijk_budget=True,
    instemming_van=("Rijk", "corporaties", "Provincie Groningen"),
    bron=LETTER.cite(
        TENSLOTTE.section,
        "Dit moet nog wel officieel door uw raad bekrachtigd worden omdat er sprake is van "
        "voorbeslag voor de middelen van 2011 en 2012.",
    ),
)
"""003, "Tenslotte": the council ratifies; "in maart een officieel voorstel"."""

RAAD_GEINFORMEERD: Final = LETTER.cite(
    TENSLOTTE.section, "Uiteraard zullen wij uw Raad daarover informeren."
)
"""The council is informed of the results judged early 2012 ("Tenslotte")."""
