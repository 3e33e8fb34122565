"""A municipality's population as the synthetic cohort generator reads it: :class:`CohortParams`.

The defaults are the gemeente Groningen, calibrated on the public figures in
the project's domain notes (``DOMAIN.md``, "Public figures"); every default
says where it comes from, and figures that are arithmetic on those, or
assumptions, say so.  The same figures, each with its source, are the shipped
parameter file ``sociaaldomein/data/cohort_groningen.toml``
(:data:`sociaaldomein.simulation.GRONINGEN` is read from it); another
municipality writes its own file (``docs/files.md``, "Cohort parameter file")
and reads it with :func:`sociaaldomein.simulation.load_cohort_params`.

>>> params = CohortParams(households=1_000, share_with_children=0.25)
>>> params.families
250
>>> CohortParams(wijken=("Noord", "Zuid"), wijk_weights=(1.0,))  # doctest: +ELLIPSIS
Traceback (most recent call last):
    ...
sociaaldomein.errors.InvalidValueError: CohortParams.wijk_weights: must give one weight per ...
"""

from __future__ import annotations

import difflib
import enum
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Final

import attrs
import pendulum

from sociaaldomein._validators import one_of_type
from sociaaldomein.domain.citation import Citation
from sociaaldomein.domain.gebied import Gebiedsindeling
from sociaaldomein.domain.gezin import Hulpvraag, Probleem
from sociaaldomein.errors import InvalidValueError

__all__ = ["WIJKEN", "CohortParams", "Shares"]

WIJKEN: Final = (
    "Centrum",
    "Oosterparkwijk",
    "Indische Buurt",
    "Korrewegwijk",
    "de Hoogte",
    "Tuinwijk",
    "Selwerd",
    "Paddepoel",
    "Vinkhuizen",
    "Beijum",
    "Lewenborg",
    "Helpman",
    "Corpus den Hoorn",
    "Hoogkerk",
    "Haren",
    "Meerstad",
)
"""Wijken of the synthetic Groningen; equal weights (an assumption, not a figure)."""

_HOUSEHOLDS: Final = 136_500
_SHARE_WITH_CHILDREN: Final = 0.19

Shares = tuple[tuple[str, float], ...]
"""Named shares, in a stable order: ``(("SCHULDEN", 0.12), ...)``; a mapping is turned into one."""


def _probability(instance: object, attribute: attrs.Attribute[float], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise InvalidValueError(
            f"CohortParams.{attribute.name}", f"must be a probability from 0 to 1, got {value!r}"
        )


def _weights(
    instance: object, attribute: attrs.Attribute[tuple[float, ...]], value: object
) -> None:
    if (
        not isinstance(value, tuple)
        or not value
        or any(isinstance(w, bool) or not isinstance(w, int | float) or w < 0 for w in value)
        or sum(value) <= 0
    ):
        raise InvalidValueError(
            f"CohortParams.{attribute.name}",
            f"must be a non-empty tuple of non-negative weights, got {value!r}",
        )


def _households(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10**8:
        raise InvalidValueError(
            "CohortParams.households",
            f"must be a whole number from 0 to 100,000,000, got {value!r}",
        )


def _as_shares(value: Mapping[str, float] | Iterable[tuple[str, float]]) -> Shares:
    pairs = value.items() if isinstance(value, Mapping) else value
    return tuple((str(k), v) for k, v in pairs)


def _shares_of(kind: type[enum.Enum] | None) -> Callable[[object, Any, Shares], None]:
    def check(instance: object, attribute: attrs.Attribute[Shares], value: Shares) -> None:
        field = f"CohortParams.{attribute.name}"
        seen: set[str] = set()
        for name, given in value:
            share: object = given
            if kind is not None and name not in kind.__members__:
                close = difflib.get_close_matches(name, kind.__members__, n=1)
                hint = f"did you mean {close[0]!r}? " if close else ""
                raise InvalidValueError(
                    f"{field}[{name}]",
                    f"unknown {kind.__name__}; {hint}known: {', '.join(kind.__members__)}",
                )
            if kind is None and (len(name.split(".")) < 2 or not all(name.split("."))):
                raise InvalidValueError(
                    f"{field}[{name}]", "a declared fact's name has a namespace: 'plugin.name'"
                )
            if name in seen:
                raise InvalidValueError(f"{field}[{name}]", "is named twice")
            seen.add(name)
            if isinstance(share, bool) or not isinstance(share, int | float) or not 0 <= share <= 1:
                raise InvalidValueError(
                    f"{field}[{name}]", f"must be a share from 0 to 1, got {share!r}"
                )

    return check


def _sources(
    value: Mapping[str, Citation] | Iterable[tuple[str, Citation]],
) -> tuple[tuple[str, Citation], ...]:
    pairs = value.items() if isinstance(value, Mapping) else value
    return tuple((str(k), c) for k, c in pairs)


@attrs.frozen
class CohortParams:
    """The knobs of a synthetic municipality.  Every default is documented with its source.

    Shares are per *family with children* (the unit the pilots serve), which is
    why some are derived from per-household or per-child figures.  The defaults
    are the gemeente Groningen; :func:`~sociaaldomein.simulation.load_cohort_params`
    reads another municipality's from its parameter file.
    """

    households: int = attrs.field(default=_HOUSEHOLDS, validator=_households)
    """Households in the gemeente Groningen: about 136,500 (CBS core figures, about 2021)."""
    share_with_children: float = attrs.field(default=_SHARE_WITH_CHILDREN, validator=_probability)
    """Share of households with children: 19% (CBS core figures, about 2021)."""
    single_parent_share: float = attrs.field(default=0.227, validator=_probability)
    """Share of families with one parent: 22.7% in Groningen (CBS, 2019)."""
    youth_care_share: float = attrs.field(default=0.15, validator=_probability)
    """Share of families with youth care now.  CBS gives 14.77-15.27% of *youth* 0-17 with
    jeugdhulp (2021-2023); using it per family is an assumption (one child in care per
    family in care)."""
    multiprobleem_share: float = attrs.field(default=0.024, validator=_probability)
    """Share of families that are multiprobleemgezinnen: 0.37-0.55% of households in
    comparable cities (NJi via Almelo, 2017); derived per family with children as the
    midpoint 0.46% x 136,500 / (19% x 136,500) = 2.4%."""
    children_weights: tuple[float, ...] = attrs.field(
        default=(0.42, 0.40, 0.13, 0.05), validator=_weights
    )
    """Weights of 1, 2, 3, 4 children (an assumption giving about 1.8 children a family)."""
    wijken: tuple[str, ...] = attrs.field(default=WIJKEN)
    """The areas families live in, by name (a wijk or a buurt of :attr:`gebieden`)."""
    verwijzer_weights: tuple[float, ...] = attrs.field(
        default=(0.30, 0.40, 0.10, 0.07, 0.08, 0.05, 0.0), validator=_weights
    )
    """Weights of the referrers of youth care in :class:`Verwijzer` order (gemeente, huisarts,
    jeugdarts, GI, medisch specialist, zelfverwijzer, rechter): an assumption in the shape of
    national figures, where the huisarts and the local team refer most."""
    pgb_share: float = attrs.field(default=0.10, validator=_probability)
    """Share of care delivered as PGB rather than in natura (an assumption)."""
    zrm_scored_share: float = attrs.field(default=0.5, validator=_probability)
    """Share of families in care whose ZRM was taken (an assumption; multiprobleemgezinnen
    are always scored)."""
    reference_date: pendulum.Date = attrs.field(default=pendulum.date(2024, 1, 1))
    """The day ages and assessment dates are counted from."""
    # Fields from here on are new in 0.2: after the old ones, so positional callers still fit.
    wijk_weights: tuple[float, ...] | None = attrs.field(default=None)
    """The share of families in each of :attr:`wijken`; ``None``: equal (an assumption)."""
    problem_shares: Shares = attrs.field(
        default=(), converter=_as_shares, validator=_shares_of(Probleem)
    )
    """Per problem, the share of families that have it.  Empty: the library's assumption
    (families in care have 0-2 problems, one other family in five has one, any problem
    alike); multiprobleemgezinnen have 3-6 problems either way, the more common ones more
    often."""
    need_shares: Shares = attrs.field(
        default=(), converter=_as_shares, validator=_shares_of(Hulpvraag)
    )
    """Per need (hulpvraag), the share of families in youth care that ask for it.  Empty:
    one of the three jeugdhulp needs alike, and taking over the household for every
    multiprobleemgezin (an assumption)."""
    fact_shares: Shares = attrs.field(default=(), converter=_as_shares, validator=_shares_of(None))
    """Per declared yes/no fact (``plugin.name``), the share of families for whom it holds."""
    gemeente: str = attrs.field(default="Groningen", validator=one_of_type(str))
    """The gemeente the figures describe."""
    gebieden: Gebiedsindeling | None = attrs.field(default=None, eq=False)
    """The area tree :attr:`wijken` are named in, when known."""
    invented: bool = attrs.field(default=False, validator=one_of_type(bool))
    """Whether the figures are invented (an example municipality)."""
    sources: tuple[tuple[str, Citation], ...] = attrs.field(
        default=(), converter=_sources, eq=False
    )
    """Per figure (``"households"``, ``"wijken.Zuidhorn"``, ``"problem_shares.SCHULDEN"``),
    where it comes from; a parameter file gives every figure's source."""

    def __attrs_post_init__(self) -> None:
        weights = self.wijk_weights
        if weights is not None:
            _weights(self, attrs.fields(CohortParams).wijk_weights, weights)  # type: ignore[arg-type]
            if len(weights) != len(self.wijken):
                raise InvalidValueError(
                    "CohortParams.wijk_weights",
                    f"must give one weight per wijk ({len(self.wijken)}), got {len(weights)}",
                )

    @property
    def families(self) -> int:
        """Families with children in the city: households x share with children (25,935)."""
        return round(self.households * self.share_with_children)

    def source(self, figure: str) -> Citation | None:
        """Where ``figure`` comes from (``"households"``), if the parameters say."""
        return dict(self.sources).get(figure)
