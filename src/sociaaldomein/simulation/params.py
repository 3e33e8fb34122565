"""Cohort parameter files: a municipality's figures, read into :class:`CohortParams`.

:func:`load_cohort_params` reads a cohort parameter file
(:mod:`sociaaldomein.io.population`, ``docs/files.md``, "Cohort parameter
file") and its area file, checks every figure (a share from 0 to 1, the area
shares adding up to 1, every area in the area file, every problem and need a
known one) and gives the generator's parameters, each figure's source kept
as a :class:`~sociaaldomein.domain.citation.Citation`.  A problem names the
file, the line and the field, and is raised as
:class:`~sociaaldomein.io.FileFormatError` (exit code 2 on the command line).

Two files ship with the library: :data:`GRONINGEN_FILE`, the public figures
of the gemeente Groningen, and :data:`WESTERKWARTIER_FILE`, an *invented*
gemeente Westerkwartier for examples and tests of a pilot outside Groningen.

>>> params = load_cohort_params(WESTERKWARTIER_FILE)
>>> params.gemeente, params.invented, params.wijken[:2]
('Westerkwartier', True, ('Zuidhorn', 'Leek'))
>>> str(load_cohort_params(GRONINGEN_FILE).source("households"))
'CBS core figures, about 2021, "households"'
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Final

from sociaaldomein.domain.citation import Citation
from sociaaldomein.domain.gebied import Gebied, GebiedNiveau, Gebiedsindeling
from sociaaldomein.domain.gezin import Verwijzer
from sociaaldomein.errors import InvalidValueError
from sociaaldomein.io.documents import located, with_lines
from sociaaldomein.io.errors import FileFormatError, InputProblemsError
from sociaaldomein.io.gebied import load_gebiedsindeling
from sociaaldomein.io.population import (
    AreaShare,
    CohortParameterFile,
    Figure,
    load_cohort_parameters,
)
from sociaaldomein.simulation.population import CohortParams

__all__ = [
    "DATA",
    "GRONINGEN_FILE",
    "WESTERKWARTIER_FILE",
    "load_cohort_params",
    "params_from_file",
]

DATA: Final = Path(__file__).resolve().parent.parent / "data"
"""The folder of the data files that ship with the library."""
GRONINGEN_FILE: Final = DATA / "cohort_groningen.toml"
"""The gemeente Groningen's public figures (``DOMAIN.md``, "Public figures"), each cited."""
WESTERKWARTIER_FILE: Final = DATA / "cohort_westerkwartier.toml"
"""An invented gemeente Westerkwartier: its figures are made up, its area tree is small."""

_TOLERANCE: Final = Decimal("0.001")


def load_cohort_params(path: str | os.PathLike[str]) -> CohortParams:
    """The generator's parameters from the cohort parameter file ``path`` (and its area file)."""
    try:
        document = load_cohort_parameters(path)
    except FileFormatError as exc:
        raise InputProblemsError(with_lines(exc)) from None
    return params_from_file(document, path)


def _fail(path: str | os.PathLike[str], field: str, problem: str) -> FileFormatError:
    # the line of the field in the file, so that the message points at it
    return located(path, [(field, problem)])[0]


def _share(path: str | os.PathLike[str], field: str, figure: Figure | AreaShare) -> float:
    value = figure.value
    if not value.is_finite() or not 0 <= value <= 1:
        raise _fail(path, f"{field}.value", f"must be a share from 0 to 1, got {value}")
    return float(value)


def _cite(figure: Figure | AreaShare, name: str) -> Citation:
    return Citation(figure.source, figure.section or name)


def _area(tree: Gebiedsindeling, name: str) -> Gebied | None:
    found = tree.find(name)
    if found is not None:
        return found
    code = name.strip().upper()
    return next((g for g in tree if g.code == code), None)


def params_from_file(document: CohortParameterFile, path: str | os.PathLike[str]) -> CohortParams:
    """The generator's parameters from a parameter document read from ``path``.

    The area file is read relative to ``path``.
    """
    base = Path(path).parent
    sources: dict[str, Citation] = {}
    values: dict[str, object] = {}

    def share(field: str, figure: Figure | None) -> None:
        if figure is not None:
            values[field] = _share(path, field, figure)
            sources[field] = _cite(figure, field)

    households = document.households.value
    if not households.is_finite() or households != households.to_integral_value():
        raise _fail(path, "households.value", f"must be a whole number, got {households}")
    if not 0 <= households <= 10**8:
        raise _fail(path, "households.value", f"must be from 0 to 100,000,000, got {households}")
    values["households"] = int(households)
    sources["households"] = _cite(document.households, "households")
    for field in ("share_with_children", "single_parent_share"):
        share(field, getattr(document, field))
    for field in ("youth_care_share", "multiprobleem_share", "pgb_share", "zrm_scored_share"):
        share(field, getattr(document, field))
    if values.get("youth_care_share", 0.15) + values.get("multiprobleem_share", 0.024) > 1:  # type: ignore[operator]
        raise _fail(
            path, "youth_care_share", "youth care and multiprobleem shares add up to more than 1"
        )

    tree = _tree(document, path, base)
    wijken, weights = _areas(document, path, tree, sources)
    values["wijken"], values["wijk_weights"] = wijken, weights
    if document.children:
        values["children_weights"] = _children(document.children, path, sources)
    if document.referrers:
        values["verwijzer_weights"] = _referrers(document.referrers, path, sources)
    for field, name in (("problems", "problem_shares"), ("needs", "need_shares")):
        figures: Mapping[str, Figure] = getattr(document, field)
        values[name] = {
            key: _share(path, f"{field}.{key}", figure) for key, figure in figures.items()
        }
        sources.update({f"{field}.{k}": _cite(f, f"{field}.{k}") for k, f in figures.items()})
    values["fact_shares"] = {
        key: _share(path, f"facts.{key}", f) for key, f in document.facts.items()
    }
    sources.update({f"facts.{k}": _cite(f, f"facts.{k}") for k, f in document.facts.items()})
    try:
        return CohortParams(
            gemeente=document.gemeente,
            reference_date=document.reference_date,
            invented=document.invented,
            gebieden=tree,
            sources=sources,
            **values,  # type: ignore[arg-type]
        )
    except InvalidValueError as exc:
        field = exc.field.removeprefix("CohortParams.")
        for ours, theirs in (("problem_shares", "problems"), ("need_shares", "needs")):
            field = field.replace(ours, theirs)
        field = field.replace("fact_shares", "facts").replace("[", ".").replace("]", "")
        raise _fail(path, field, exc.problem) from None


def _tree(
    document: CohortParameterFile, path: str | os.PathLike[str], base: Path
) -> Gebiedsindeling:
    file = base / document.areas
    if not file.is_file():
        raise _fail(path, "areas", f"no such area file: {file}")
    return load_gebiedsindeling(file)


def _areas(
    document: CohortParameterFile,
    path: str | os.PathLike[str],
    tree: Gebiedsindeling,
    sources: dict[str, Citation],
) -> tuple[tuple[str, ...], tuple[float, ...]]:
    if not document.area_shares:
        raise _fail(path, "area_shares", "must name at least one area and its share")
    names: list[str] = []
    weights: list[float] = []
    total = Decimal(0)
    for i, row in enumerate(document.area_shares):
        field = f"area_shares[{i}]"
        found = _area(tree, row.area)
        if found is None:
            known = [n for g in tree for n in g.names()]
            close = difflib.get_close_matches(row.area, known, n=1, cutoff=0.7)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise _fail(
                path, f"{field}.area", f"{row.area!r} is not an area of {document.areas}{hint}"
            )
        if found.niveau is GebiedNiveau.GEMEENTE:
            raise _fail(
                path, f"{field}.area", f"{found.naam!r} is a gemeente; name a wijk or buurt"
            )
        if found.naam in names:
            raise _fail(path, f"{field}.area", f"{found.naam!r} is named twice")
        weights.append(_share(path, field, row))
        names.append(found.naam)
        total += row.value
        sources[f"wijken.{found.naam}"] = _cite(row, f"area_shares.{found.naam}")
    if abs(total - 1) > _TOLERANCE:
        raise _fail(path, "area_shares", f"the shares must add up to 1, they add up to {total}")
    return tuple(names), tuple(weights)


def _children(
    figures: Mapping[str, Figure], path: str | os.PathLike[str], sources: dict[str, Citation]
) -> tuple[float, ...]:
    keys = [str(i) for i in range(1, len(figures) + 1)]
    if sorted(figures, key=lambda k: (len(k), k)) != keys:
        raise _fail(
            path, "children", f"the keys are the numbers of children 1 to n, got {sorted(figures)}"
        )
    weights = tuple(_share(path, f"children.{k}", figures[k]) for k in keys)
    if not sum(weights):
        raise _fail(path, "children", "at least one weight must be above 0")
    sources.update({f"children.{k}": _cite(figures[k], f"children.{k}") for k in keys})
    return weights


def _referrers(
    figures: Mapping[str, Figure], path: str | os.PathLike[str], sources: dict[str, Citation]
) -> tuple[float, ...]:
    known = Verwijzer.__members__
    for key in figures:
        if key not in known:
            close = difflib.get_close_matches(key, known, n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            raise _fail(
                path, f"referrers.{key}", f"unknown Verwijzer; {hint}known: {', '.join(known)}"
            )
    weights = tuple(
        _share(path, f"referrers.{k}", figures[k]) if k in figures else 0.0 for k in known
    )
    if not sum(weights):
        raise _fail(path, "referrers", "at least one weight must be above 0")
    sources.update({f"referrers.{k}": _cite(f, f"referrers.{k}") for k, f in figures.items()})
    return weights
