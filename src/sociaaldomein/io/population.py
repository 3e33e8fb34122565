"""The cohort parameter file: a municipality's population, each figure with its source.

A cohort parameter file (TOML or JSON, ``docs/files.md``, "Cohort parameter
file") describes the households of one gemeente closely enough to draw a
synthetic cohort of its families: how many households, the share with
children and the single-parent share, the areas (by the names or CBS codes
of an area file, :mod:`sociaaldomein.io.gebied`) with their shares, and the
prevalence of problems, needs and declared facts.  Every figure is a table
``{ value = ..., source = "..." }``, so that nobody uses a number without
knowing where it comes from.  :func:`loads_cohort_parameters` reads the
document into :class:`CohortParameterFile`; the simulation turns it into the
generator's :class:`~sociaaldomein.simulation.CohortParams`
(:func:`sociaaldomein.simulation.load_cohort_params`).

>>> doc = loads_cohort_parameters('''
... gemeente = "Voorbeeld"
... areas = "gebieden.toml"
... households = { value = 1000, source = "invented" }
... share_with_children = { value = 0.25, source = "invented" }
... single_parent_share = { value = 0.2, source = "invented" }
... [[area_shares]]
... area = "Noord"
... value = 1
... source = "invented"
... ''', "toml")
>>> doc.households.value, doc.area_shares[0].area
(Decimal('1000'), 'Noord')
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import attrs
import pendulum

from sociaaldomein._validators import as_date, as_decimal, is_date, non_empty, one_of_type
from sociaaldomein.io.converters import Format, structure
from sociaaldomein.io.documents import load_document, loads_document

__all__ = [
    "AreaShare",
    "CohortParameterFile",
    "Figure",
    "load_cohort_parameters",
    "loads_cohort_parameters",
]

Source = str | os.PathLike[str] | None


def _figures(value: Mapping[str, Figure]) -> dict[str, Figure]:
    return dict(value)


@attrs.frozen
class Figure:
    """A figure and its source: ``{ value = 0.19, source = "CBS core figures, about 2021" }``.

    ``source`` is the citation text (the publication, or "an assumption",
    or "invented"); ``section`` the part of it, where it matters.
    """

    value: Decimal = attrs.field(converter=as_decimal)
    source: str = attrs.field(validator=[one_of_type(str), non_empty])
    section: str = attrs.field(default="", validator=one_of_type(str))


@attrs.frozen
class AreaShare:
    """The share of families in one area (``area``: its name or CBS code in the area file)."""

    area: str = attrs.field(validator=[one_of_type(str), non_empty])
    value: Decimal = attrs.field(converter=as_decimal)
    source: str = attrs.field(validator=[one_of_type(str), non_empty])
    section: str = attrs.field(default="", validator=one_of_type(str))


def _area_shares(values: Any) -> tuple[AreaShare, ...]:
    return tuple(values)


@attrs.frozen
class CohortParameterFile:
    """The document of a cohort parameter file, as written (checked further by the simulation).

    Shares are fractions from 0 to 1 of the *families with children*, except
    ``share_with_children`` (of households) and the needs (of the families in
    youth care).  Figures left out take the library's assumptions, which the
    Groningen parameter file states with their sources.
    """

    gemeente: str = attrs.field(validator=[one_of_type(str), non_empty])
    """The gemeente the figures describe."""
    areas: str = attrs.field(validator=[one_of_type(str), non_empty])
    """The area file (``.toml`` or ``.csv``), relative to this file."""
    households: Figure = attrs.field(validator=one_of_type(Figure))
    """Households in the gemeente."""
    share_with_children: Figure = attrs.field(validator=one_of_type(Figure))
    """The share of households with children living at home."""
    single_parent_share: Figure = attrs.field(validator=one_of_type(Figure))
    """The share of families with children that have one parent."""
    area_shares: tuple[AreaShare, ...] = attrs.field(converter=_area_shares)
    """Where the families live: every area named once, the shares adding up to 1."""
    description: str = attrs.field(default="", validator=one_of_type(str))
    invented: bool = attrs.field(default=False, validator=one_of_type(bool))
    """Whether the figures are invented (an example), not a real municipality's."""
    reference_date: pendulum.Date = attrs.field(
        default=pendulum.date(2024, 1, 1), converter=as_date, validator=is_date
    )
    """The day ages and assessment dates are counted from."""
    youth_care_share: Figure | None = None
    """The share of families with youth care now."""
    multiprobleem_share: Figure | None = None
    """The share of families that are multiprobleemgezinnen."""
    pgb_share: Figure | None = None
    """The share of care delivered as a PGB."""
    zrm_scored_share: Figure | None = None
    """The share of families in care (not multiprobleem) whose ZRM was taken."""
    children: Mapping[str, Figure] = attrs.field(factory=dict, converter=_figures)
    """Weights of the number of children, keyed ``"1"``, ``"2"``, ..."""
    referrers: Mapping[str, Figure] = attrs.field(factory=dict, converter=_figures)
    """Weights of the referrers of youth care, by ``Verwijzer`` name (``HUISARTS``)."""
    problems: Mapping[str, Figure] = attrs.field(factory=dict, converter=_figures)
    """Per ``Probleem`` name, the share of families that have it."""
    needs: Mapping[str, Figure] = attrs.field(factory=dict, converter=_figures)
    """Per ``Hulpvraag`` name, the share of families in youth care that ask for it."""
    facts: Mapping[str, Figure] = attrs.field(factory=dict, converter=_figures)
    """Per declared yes/no fact (``westerkwartier.mantelzorg``), the share of families for
    whom it holds."""


def loads_cohort_parameters(
    text: str | bytes, format: Format = "toml", *, source: Source = None
) -> CohortParameterFile:
    """The cohort parameter document in ``text``; a problem names the field."""
    data = loads_document(text, format, source=source)
    return structure(data, CohortParameterFile, source=source, format=format)


def load_cohort_parameters(path: str | os.PathLike[str]) -> CohortParameterFile:
    """The cohort parameter document in the file ``path`` (``.toml`` or ``.json``)."""
    data, format = load_document(path)
    return structure(data, CohortParameterFile, source=path, format=format)
