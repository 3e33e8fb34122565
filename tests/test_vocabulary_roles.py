"""Roles of staff and funding models are open vocabularies, as problems and needs are.

A plugin declares a role (``Term("rol", ...)``) or a funding model
(``Term("financieringsmodel", ...)``) in ``facts()``; its pilot's staff and
funding lines hold the term where a core member would stand, the funding
overview and ``budget --json`` show it, and a decision file names it by its
code.  The core's :class:`Rol` and :class:`Financieringsmodel` stay the default,
so every caller that passes a member or its name keeps working.
"""

from __future__ import annotations

import string
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sociaaldomein import (
    Begroting,
    Budgetregel,
    Citation,
    Feit,
    Financieringsmodel,
    Gemeente,
    InvalidValueError,
    Money,
    Organisatie,
    Professional,
    Rol,
    Term,
)
from sociaaldomein.cli.budget import overview_json
from sociaaldomein.domain.feitenregister import Feitenregister
from sociaaldomein.i18n import label
from sociaaldomein.io import FileFormatError, unstructure
from sociaaldomein.policy.files import apply_file, besluiten_schema
from sociaaldomein.testing import PluginConformance, ToyPilot

BRON = Citation("wmo-begeleiding-thuis.txt", "4. Financiering")
"""The (invented) letter of the test plugin below."""

PGB = Term(
    "financieringsmodel",
    "wmo.pgb",
    "persoonsgebonden budget (pgb)",
    bron=BRON,
    description="the client buys the begeleiding with a personal budget",
)
CONSULENT = Term("rol", "wmo.consulent", "Wmo-consulent", bron=BRON)
WIJ = Organisatie("WIJ Groningen")


class WmoBegeleiding(ToyPilot):
    """A Wmo pilot for adults living alone: a Wmo-consulent, begeleiding paid by pgb."""

    def __init__(self) -> None:
        super().__init__("wmo-begeleiding", funder="Gemeente Groningen (Wmo)")
        staff = (Professional("consulent", CONSULENT, "0.5", WIJ),)
        self.pilot = attrs.evolve(self.pilot, bemensing=staff)

    def facts(self) -> Sequence[Feit | Term]:
        return [PGB, CONSULENT]

    def funding(self) -> Sequence[Budgetregel]:
        return [
            Budgetregel(self.pilot.naam, "begeleiding", Money(50_000), self.funder, PGB, jaar=2024),
            *super().funding(),
        ]


def _gemeente() -> Gemeente:
    return Gemeente("Groningen", plugins=[WmoBegeleiding()])


# --- the domain: a member, its name, or a declared term -------------------------


def test_a_role_is_a_core_member_its_name_or_a_declared_term() -> None:
    assert Professional("coach", Rol.GEZINSCOACH, 1, WIJ).rol is Rol.GEZINSCOACH
    assert Professional("coach", "GEZINSCOACH", 1, WIJ).rol is Rol.GEZINSCOACH
    consulent = Professional("consulent", CONSULENT, "0.5", WIJ)
    assert consulent.rol is CONSULENT
    assert (consulent.rol.name, consulent.rol.value) == ("wmo.consulent", "Wmo-consulent")


def test_a_term_of_another_vocabulary_is_not_a_role() -> None:
    with pytest.raises(InvalidValueError) as caught:
        Professional("x", PGB, 1, WIJ)
    assert caught.value.field == "Professional.rol"
    assert "'wmo.pgb' is a term of financieringsmodel, not of rol" in caught.value.problem


def test_a_declared_code_as_text_says_how_a_declared_role_is_given() -> None:
    with pytest.raises(InvalidValueError) as caught:
        Professional("x", "wmo.consulent", 1, WIJ)
    assert "unknown Rol 'wmo.consulent'" in caught.value.problem
    assert "GEZINSCOACH" in caught.value.problem  # the members are listed
    assert "feiten=gemeente.feiten" in caught.value.problem


def test_a_funding_line_takes_a_declared_model_and_the_budget_adds_it_per_model() -> None:
    regels = [
        Budgetregel("p", "begeleiding", Money(300), "gemeente", PGB, jaar=2024),
        Budgetregel("p", "coördinatie", Money(100), "gemeente", "PROJECTBUDGET", jaar=2024),
        Budgetregel("p", "begeleiding", Money(200), "gemeente", PGB, jaar=2025),
    ]
    begroting = Begroting(regels)
    assert begroting.per_model() == {
        PGB: Money(500),
        Financieringsmodel.PROJECTBUDGET: Money(100),
    }
    assert "(wmo.pgb)" in str(regels[0])
    with pytest.raises(InvalidValueError, match="is a term of rol, not of financieringsmodel"):
        Budgetregel("p", "x", Money(1), "g", CONSULENT, jaar=2024)


MODELS = st.sampled_from([*Financieringsmodel, PGB, attrs.evolve(PGB, code="wmo.lumpsum")])


@given(
    lines=st.lists(
        st.tuples(MODELS, st.integers(-(10**6), 10**8), st.integers(2024, 2026)), max_size=12
    )
)
def test_the_budget_adds_up_to_the_cent_per_model_whatever_the_models(
    lines: list[tuple[Financieringsmodel | Term, int, int]],
) -> None:
    begroting = Begroting(
        Budgetregel("p", "x", Money(Decimal(cents).scaleb(-2)), "gemeente", model, jaar=jaar)
        for model, cents, jaar in lines
    )
    per_model = begroting.per_model()
    assert Money.total(per_model.values()) == begroting.total()
    assert set(per_model) == {model for model, _, _ in lines}


def test_a_term_is_labelled_by_its_label_in_every_language() -> None:
    assert label(PGB) == label(PGB, "nl") == "persoonsgebonden budget (pgb)"
    assert label(Financieringsmodel.LUMPSUM, "en") == "lump sum"  # the core's, translated
    assert Term("rol", "a.b", "b", bron=BRON).description == "b"  # default: the label


# --- the register reads a file's code --------------------------------------------

CODES = st.from_regex(r"\A[a-z][a-z0-9_]{0,8}\.[a-z][a-z0-9_]{0,8}\Z")


@given(codes=st.sets(CODES, min_size=1, max_size=6))
def test_every_declared_model_reads_back_and_every_member_by_its_name(codes: set[str]) -> None:
    terms = [Term("financieringsmodel", c, c.upper(), bron=BRON) for c in codes]
    register = Feitenregister.core().declare(terms, by="wmo")
    for term in terms:
        assert register.member_or_term(Financieringsmodel, "financieringsmodel", term.code) is term
        with pytest.raises(InvalidValueError):  # a model is not a role
            register.member_or_term(Rol, "rol", term.code)
    for member in Financieringsmodel:
        assert register.member_or_term(Financieringsmodel, "financieringsmodel", member.name) is (
            member
        )


@given(code=CODES, extra=st.sampled_from(string.ascii_lowercase))
def test_an_unknown_code_is_refused_naming_the_field(code: str, extra: str) -> None:
    register = Feitenregister.core().declare([Term("rol", code, "x", bron=BRON)], by="p")
    with pytest.raises(InvalidValueError) as caught:
        register.member_or_term(Rol, "rol", code + extra, field="besluit.rol")
    assert caught.value.field == "besluit.rol"
    assert caught.value.problem.startswith(f"unknown rol {code + extra!r}")


def test_the_nearest_known_code_is_suggested() -> None:
    register = Feitenregister.core().declare([PGB], by="wmo")
    with pytest.raises(InvalidValueError) as caught:
        register.member_or_term(Financieringsmodel, "financieringsmodel", "wmo.pbg", field="m")
    assert caught.value.problem == "unknown financieringsmodel 'wmo.pbg'; did you mean 'wmo.pgb'?"
    with pytest.raises(InvalidValueError) as caught:
        register.member_or_term(Financieringsmodel, "financieringsmodel", "LUMSUM", field="m")
    assert "did you mean 'LUMPSUM'?" in caught.value.problem


def test_two_plugins_cannot_declare_one_role() -> None:
    register = Feitenregister.core().declare([CONSULENT], by="wmo")
    with pytest.raises(InvalidValueError, match="declared by wmo already"):
        register.declare([Term("rol", "wmo.consulent", "consulent", bron=BRON)], by="ander")


# --- end to end: declared, compiled, shown, written as JSON ------------------------


def test_a_wmo_pilot_with_its_own_role_and_funding_model_needs_no_change_of_the_core() -> None:
    gemeente = _gemeente()
    assert gemeente.feiten.term("financieringsmodel", "wmo.pgb") is PGB
    assert gemeente.feiten.owners["wmo.consulent"] == "wmo-begeleiding"
    assert not gemeente.failures
    assert gemeente.pilot("wmo-begeleiding").bemensing[0].rol is CONSULENT
    compiled = gemeente.compiled("wmo-begeleiding")
    assert compiled.funding[0].model is PGB

    overview = gemeente.funding_overview()
    assert "persoonsgebonden budget (pgb)" in overview.render(120)
    data = overview_json(overview, None)
    models = {(row["year"], row["model"]) for row in data["rows"]}
    assert (2024, "wmo.pgb") in models
    assert (2024, "PROJECTBUDGET") in models
    assert data["parts"]["from_letters"]["total"] == "70000.00"  # 50.000 pgb + 2 x 10.000
    assert unstructure(gemeente.pilot("wmo-begeleiding").bemensing[0])["rol"] == "wmo.consulent"


DECISION = """\
[[besluiten]]
orgaan = "college"
datum = 2024-06-01
kenmerk = "CB 7"
bron = {{ letter = "collegebesluit-7.txt", section = "Besluit" }}
[[besluiten.wijzigingen]]
soort = "financiering"
pilot = "wmo-begeleiding"
omschrijving = "extra begeleiding"
bedrag = "12000.00"
financier = "Gemeente Groningen (Wmo)"
model = "{model}"
jaar = 2025
"""


def test_a_decision_file_names_a_declared_funding_model_by_its_code(tmp_path: Path) -> None:
    path = tmp_path / "besluit.toml"
    path.write_text(DECISION.format(model="wmo.pgb"), encoding="utf-8")
    gemeente = _gemeente()
    apply_file(gemeente, path)
    added = [r for r in gemeente.funding() if r.omschrijving == "extra begeleiding"]
    assert [(r.model, r.bedrag) for r in added] == [(PGB, Money(12_000))]


def test_a_decision_file_with_an_unknown_funding_model_names_file_field_and_nearest(
    tmp_path: Path,
) -> None:
    path = tmp_path / "besluit.toml"
    path.write_text(DECISION.format(model="wmo.pbg"), encoding="utf-8")
    gemeente = _gemeente()
    before = list(gemeente.funding())
    with pytest.raises(FileFormatError) as caught:
        apply_file(gemeente, path)
    message = str(caught.value)
    assert "besluit.toml" in message
    assert "besluiten[0].wijzigingen[0].model" in message
    assert "did you mean 'wmo.pgb'?" in message
    assert list(gemeente.funding()) == before  # nothing applied


@pytest.mark.parametrize(
    ("model", "fits"),
    [("wmo.pgb", True), ("LUMPSUM", True), ("giften", False), ("Wmo.PGB", False)],
)
def test_the_decision_schema_allows_a_core_name_and_a_declared_code(model: str, fits: bool) -> None:
    import json
    import tomllib

    import jsonschema

    data = json.loads(json.dumps(tomllib.loads(DECISION.format(model=model)), default=str))
    validator = jsonschema.Draft202012Validator(besluiten_schema())
    assert validator.is_valid(data) is fits


def test_the_pilot_page_shows_a_declared_role_and_funding_model_by_their_labels() -> None:
    pytest.importorskip("sociaaldomein_schuldhulp", reason="the second example plugin")
    import importlib.util
    import sys

    name = "pilotrender"
    if name not in sys.modules:
        path = Path(__file__).resolve().parents[1] / "docs" / "_ext" / f"{name}.py"
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec is not None
        assert spec.loader is not None
        sys.modules[name] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(sys.modules[name])
    render = sys.modules[name]
    page = render.render_plugin(render.compose(["schuldhulp-jongeren"]), "schuldhulp-jongeren")
    staffing = page.text.split("**Staffing:**")[1].split("\n\n", 2)[1]
    assert "| doorbraakfunctionaris | doorbraakfunctionaris | 0\\.2 |" in staffing
    funding = page.text.split("## Funding")[1].split("\n## ")[0]
    assert "| 2026 | Gemeente Westerkwartier (schuldhulpverlening) | saneringskrediet |" in funding
    assert "- **saneringskrediet**: the municipality pays off the debts at once" in funding
    declared = page.text.split("## Facts and terms it declares")[1].split("\n## ")[0]
    assert "| `schuldhulp.doorbraakfunctionaris` | a term of rol |" in declared


def test_a_family_does_not_hold_a_role_or_a_funding_model() -> None:
    from sociaaldomein.testing import make_gezin

    with pytest.raises(InvalidValueError, match=r"'wmo\.pgb' is a term of financieringsmodel"):
        make_gezin(termen={PGB})


class Undeclared(WmoBegeleiding):
    """Uses the pgb and the consulent but declares neither."""

    def facts(self) -> Sequence[Feit | Term]:
        return []


class UndeclaredConformance(PluginConformance):
    plugin = Undeclared


class WmoConformance(PluginConformance):
    plugin = WmoBegeleiding


def test_the_conformance_suite_requires_a_used_role_or_model_to_be_declared() -> None:
    WmoConformance().test_every_role_and_funding_model_of_its_own_is_declared()
    with pytest.raises(AssertionError, match=r"the rol 'wmo\.consulent' is used but not declared"):
        UndeclaredConformance().test_every_role_and_funding_model_of_its_own_is_declared()


def test_the_schema_of_a_funding_row_takes_a_member_name_and_a_declared_code() -> None:
    import json

    import jsonschema

    from sociaaldomein.composition.overview import FundingRow
    from sociaaldomein.io.schema import schema_of

    validator = jsonschema.Draft202012Validator(schema_of(FundingRow, title="FundingRow"))
    rows = [json.loads(json.dumps(unstructure(r))) for r in _gemeente().funding_overview().rows]
    assert {row["model"] for row in rows} == {"wmo.pgb", "PROJECTBUDGET"}
    for row in rows:
        assert validator.is_valid(row), list(validator.iter_errors(row))
    assert not validator.is_valid({**rows[0], "model": "giften"})
