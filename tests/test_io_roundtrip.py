"""Every public file type survives the converters: structure(unstructure(x)) == x.

Through plain data, and through the text of a JSON and of a TOML document.
A staff member's role and a funding line's model may be a term a plugin
declares; those are read against :data:`REGISTER`, which declares them.
Types that hold callables (rules, facts, routes) or Python objects (plugins,
numpy columns) are not file types; :data:`NOT_FILE_TYPES` names them, and a
test fails when a public type is in neither list.
"""

from __future__ import annotations

import datetime
import enum
from decimal import Decimal
from typing import Any

import attrs
import jsonschema
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sociaaldomein as sd
from sociaaldomein.composition.discovery import LoadedPlugin
from sociaaldomein.io import (
    SCHEMAS,
    AdviceCheck,
    CohortSettings,
    FileFormatError,
    PilotChoice,
    Scenario,
    SimulationSettings,
    dumps_document,
    loads_document,
    structure,
    unstructure,
)
from sociaaldomein.io.schema import schema_of, type_schema

NOT_FILE_TYPES = {
    # rules and facts hold Python callables; a route and an outflow rule hold a rule
    *(sd.Rule, sd.AllOf, sd.AnyOf, sd.AtLeast, sd.Compare, sd.HasAll, sd.HasAny, sd.IsTrue),
    *(sd.Not, sd.OneOf, sd.Predicate, sd.Feit, sd.Route, sd.UitstroomAlsRegel, sd.InGebied),
    # area trees have a file format of their own (sociaaldomein.io.gebied, test_gebied.py)
    *(sd.Gebied, sd.Gebiedsindeling),
    # composition objects: plugin objects, compiled rules, numpy columns
    *(sd.CompiledPilot, sd.Cohort, sd.Gemeente, sd.PluginSpec, LoadedPlugin),
    # a compiled composition holds compiled pilots; a plugin's info its hooks, as shown
    *(sd.Compilation, sd.FailedPilot, sd.PluginInfo),
    # abstract bases: their concrete subclasses are covered
    *(sd.PilotEindregel, sd.TrajectEindregel),
    # declared facts and terms are read against the composition's register, which holds
    # facts (callables); their round trip through family files is in test_facts_files.py
    *(sd.Feitenregister, sd.Recent, sd.Term, sd.Observatie),
}

# --- leaves ------------------------------------------------------------------------

BRON = sd.Citation("wmo-begeleiding-thuis.txt", "4. Financiering")
ROLES = (sd.Term("rol", "wmo.consulent", "Wmo-consulent", bron=BRON),)
MODELS = (sd.Term("financieringsmodel", "wmo.pgb", "pgb", bron=BRON),)
REGISTER = sd.Feitenregister.core().declare([*ROLES, *MODELS], by="wmo")
"""The register a declared role's or model's code is read against."""
rollen = st.sampled_from(sd.Rol) | st.sampled_from(ROLES)
modellen = st.sampled_from(sd.Financieringsmodel) | st.sampled_from(MODELS)

text = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=12
).filter(lambda s: bool(s.strip()))
any_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=12)
dates = st.dates(datetime.date(1900, 1, 1), datetime.date(2199, 12, 31)).map(
    lambda d: pendulum.Date(d.year, d.month, d.day)
)
# Within the plausibility bounds of domain/gezin.py: born by about today, observed from 1990.
birth_dates = st.dates(datetime.date(1900, 1, 1), datetime.date(2025, 12, 31)).map(
    lambda d: pendulum.Date(d.year, d.month, d.day)
)
observation_dates = st.dates(datetime.date(1990, 1, 1), datetime.date(2199, 12, 31)).map(
    lambda d: pendulum.Date(d.year, d.month, d.day)
)
cents = st.integers(-(10**14), 10**14).map(lambda c: sd.Money(Decimal(c).scaleb(-2)))
positive_cents = st.integers(1, 10**12).map(lambda c: sd.Money(Decimal(c).scaleb(-2)))
exact_money = st.integers(0, 10**14).map(lambda c: sd.Money(Decimal(c).scaleb(-4), exact=True))
decimals = st.decimals(Decimal(-(10**9)), Decimal(10**9), places=6)
citations = st.builds(sd.Citation, text, text, any_text)
bron = st.none() | citations
days = st.builds(
    pendulum.duration, years=st.integers(0, 3), months=st.integers(0, 11), days=st.integers(0, 60)
)


def optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


def names(min_size: int = 1) -> st.SearchStrategy[tuple[str, ...]]:
    unique = st.lists(
        text, min_size=min_size, max_size=3, unique_by=lambda s: " ".join(s.split()).casefold()
    )
    return unique.map(tuple)


@st.composite
def periodes(draw: st.DrawFn) -> sd.Periode:
    start = draw(dates.filter(lambda d: d.year < 2199))
    return sd.Periode(start, start.add(days=draw(st.integers(1, 300))))


@st.composite
def looptijden(draw: st.DrawFn) -> sd.Looptijd:
    start = draw(dates.filter(lambda d: d.year < 2190))
    ends, day = [], start
    for _ in range(draw(st.integers(1, 3))):
        day = day.add(days=draw(st.integers(1, 400)))
        ends.append(day)
    extensions = [
        sd.Verlenging(end, draw(text), draw(optional(dates)), draw(bron)) for end in ends[1:]
    ]
    return sd.Looptijd(start, ends[0], extensions)


zrm_scores = st.builds(
    sd.ZrmScores, **{f.name: optional(st.integers(1, 5)) for f in attrs.fields(sd.ZrmScores)}
)
leden = st.builds(sd.Lid, st.sampled_from(sd.LidRol), birth_dates, st.booleans())
zorg = st.builds(
    sd.Zorg,
    st.sampled_from(sd.Zorgsoort),
    st.sampled_from(sd.Leveringsvorm),
    observation_dates,
    optional(st.sampled_from(sd.Verwijzer)),
    any_text,
)
zrm = st.builds(sd.ZrmMeting, observation_dates, zrm_scores, optional(zrm_scores))


def sets(kind: type[enum.Enum]) -> st.SearchStrategy[frozenset[Any]]:
    return st.frozensets(st.sampled_from(kind))


gezinnen = st.builds(
    sd.Gezin,
    id=st.from_regex(r"[a-z][a-z0-9-]{0,15}", fullmatch=True),
    leden=st.lists(leden, min_size=1, max_size=3),
    wijk=optional(text.map(str.strip)),
    problemen=sets(sd.Probleem),
    signalen=sets(sd.Signaal),
    dwangmiddelen=sets(sd.Dwangmiddel),
    aantal_hulpverleners=st.integers(0, 1000),
    zrm=optional(zrm),
    hulpvragen=sets(sd.Hulpvraag),
    complexe_vraag=st.booleans(),
    verwijzer=optional(st.sampled_from(sd.Verwijzer)),
    zorg=st.lists(zorg, max_size=2),
)
organisaties = st.builds(sd.Organisatie, text, any_text)
professionals = st.builds(
    sd.Professional,
    text,
    rollen,
    st.decimals(0, 1, places=2),
    organisaties,
    optional(st.sampled_from(sd.Opleidingsniveau)),
    optional(cents),
    optional(st.integers(0, 500)),
)
pilots = st.builds(
    sd.Pilot,
    naam=st.from_regex(r"[a-z][a-z0-9-]{0,15}", fullmatch=True),
    titel=text,
    gemeente=text,
    looptijd=looptijden(),
    capaciteit=optional(st.integers(0, 10**7)),
    capaciteit_bron=bron,
    max_totaal=optional(st.integers(0, 10**7)),
    max_totaal_bron=bron,
    bemensing=st.lists(professionals, max_size=2),
    partners=st.lists(organisaties, max_size=2),
    status=st.sampled_from(sd.PilotStatus),
    brief=optional(st.builds(sd.Letter, text, dates, any_text, text)),
    omschrijving=any_text,
)


@st.composite
def budgetregels(draw: st.DrawFn) -> sd.Budgetregel:
    by_year = draw(st.booleans())
    return sd.Budgetregel(
        draw(text),
        draw(text),
        draw(cents),
        draw(text),
        draw(modellen),
        jaar=draw(st.integers(1900, 2200)) if by_year else None,
        periode=None if by_year else draw(periodes()),
        bron=draw(bron),
        afgeleid=draw(st.booleans()),
    )


non_negative_cents = st.integers(0, 10**12).map(lambda c: sd.Money(Decimal(c).scaleb(-2)))
kostenmodellen = st.builds(
    sd.Kostenmodel,
    non_negative_cents,
    non_negative_cents,
    non_negative_cents,
    bron,
    st.booleans(),
    st.booleans(),
)
products = st.builds(sd.ProductVolume, text, st.decimals(0, 10**6, places=3), exact_money)
aankopen = st.builds(sd.GhpAankoop, text, text, positive_cents, dates)


@st.composite
def ghp_budgets(draw: st.DrawFn) -> sd.GhpBudget:
    bought = draw(st.lists(aankopen, max_size=3))
    pot = sd.Money.total(a.bedrag for a in bought) + draw(positive_cents)
    return sd.GhpBudget(pot, bought)


@st.composite
def mandaten(draw: st.DrawFn) -> sd.Mandaat:
    who = draw(names(1).filter(lambda n: len(n) >= 1))
    split = draw(st.integers(1, len(who)))
    regels = [sd.MandaatRegel(draw(text), w, draw(names()), draw(bron)) for w in who[:split]]
    afspraken = [
        sd.Samenwerkingsafspraak(draw(text), w, draw(names()), draw(bron)) for w in who[split:]
    ]
    opvang = draw(st.none() | st.builds(sd.Budgetopvang, text, bron, names()))
    return sd.Mandaat(regels, afspraken, draw(bron), draw(st.booleans()), opvang)


@st.composite
def adviezen(draw: st.DrawFn) -> sd.Advies:
    allowed = draw(st.booleans())
    grond = None if allowed else draw(text)
    return sd.Advies(draw(text), draw(text), draw(text), draw(dates), allowed, grond)


@st.composite
def oordelen(draw: st.DrawFn) -> sd.AdviesOordeel:
    status = draw(st.sampled_from(sd.AdviesStatus))
    grond = draw(text) if status is sd.AdviesStatus.AFWIJKING_WETTELIJK else None
    afgewezen = draw(st.none() | text) if status is sd.AdviesStatus.BINDEND else None
    return sd.AdviesOordeel(status, draw(text), draw(bron), grond, afgewezen)


@st.composite
def ladders(draw: st.DrawFn) -> sd.Escalatieladder:
    levels = sorted(draw(st.sets(st.integers(1, 9), min_size=1, max_size=3)))
    treden = [
        sd.Trede(n, draw(text), draw(names()), draw(optional(days)), draw(any_text), draw(bron))
        for n in levels
    ]
    return sd.Escalatieladder(treden, draw(names(0)), draw(bron))


@st.composite
def escalaties(draw: st.DrawFn) -> sd.Escalatie:
    ladder = draw(ladders())
    day = draw(dates.filter(lambda d: d.year < 2190))
    history = []
    for trede in ladder.treden[: draw(st.integers(1, len(ladder.treden)))]:
        history.append((day, trede.niveau))
        day = day.add(days=draw(st.integers(0, 30)))
    closed = day if draw(st.booleans()) else None
    return sd.Escalatie(ladder, history, closed)


verzoeken = st.builds(sd.Opzegverzoek, text, dates, st.booleans())


@st.composite
def regelingen(draw: st.DrawFn) -> sd.Opzegregeling:
    partners = draw(names())
    minimum = draw(st.integers(1, len(partners)))
    flags = draw(st.tuples(st.booleans(), st.booleans()))
    return sd.Opzegregeling(minimum, partners, *flags, bron=draw(bron))


@st.composite
def momenten(draw: st.DrawFn, naam: str | None = None) -> sd.Evaluatiemoment:
    soort = draw(st.sampled_from(sd.MomentSoort))
    datum = draw(dates) if soort is sd.MomentSoort.OP_DATUM else None
    positive = days.filter(lambda d: d > pendulum.duration())
    offset = draw(optional(positive)) if soort is sd.MomentSoort.VOOR_EINDE else None
    return sd.Evaluatiemoment(soort, naam or draw(text), datum, offset, draw(any_text), draw(bron))


indicatoren = st.builds(sd.Indicator, text, any_text, text, bron)
metingen = st.builds(sd.Meting, text, dates, decimals, any_text)


@st.composite
def plannen(draw: st.DrawFn) -> sd.Evaluatieplan:
    moments = [draw(momenten(n)) for n in draw(names())]
    indicators = [sd.Indicator(n, draw(any_text), draw(text)) for n in draw(names(0))]
    return sd.Evaluatieplan(moments, indicators, draw(any_text), draw(bron))


explanations = st.recursive(
    st.builds(sd.Explanation, st.booleans(), text, optional(any_text), bron),
    lambda children: st.builds(
        sd.Explanation,
        st.booleans(),
        text,
        optional(any_text),
        bron,
        st.lists(children, max_size=2).map(tuple),
    ),
    max_leaves=4,
)
notes = st.builds(sd.Note, any_text, bron)
einden = st.builds(
    sd.Einde, st.booleans(), text, any_text, bron, optional(text), optional(explanations)
)
plugin_refs = st.builds(sd.PluginRef, text, optional(text), optional(text))
provenances = st.builds(sd.Provenance, plugin_refs, st.lists(plugin_refs, max_size=2).map(tuple))
plugin_failures = st.builds(sd.PluginFailure, plugin_refs, text, any_text, optional(text))
verdicts = st.builds(
    sd.Verdict,
    text,
    text,
    dates,
    st.sampled_from(sd.Outcome),
    explanations,
    optional(explanations),
    optional(text),
    st.lists(notes, max_size=2).map(tuple),
    st.lists(explanations, max_size=1).map(tuple),
    optional(provenances),
    optional(plugin_failures),
)
funding_rows = st.builds(
    sd.FundingRow,
    text,
    text,
    st.integers(1900, 2200),
    modellen,
    any_text,
    cents,
    st.booleans(),
    optional(text),
)
json_values = st.one_of(st.integers(-1000, 1000), st.booleans(), text)


@st.composite
def cohorts(draw: st.DrawFn) -> CohortSettings:
    if draw(st.booleans()):
        return CohortSettings(draw(st.integers(1, 10**8)), draw(optional(st.integers(0, 2**32))))
    return CohortSettings(file=draw(text))


simulation_settings = st.builds(
    SimulationSettings,
    dates,
    st.integers(1, 600),
    st.integers(1, 100_000),
    st.integers(0, 2**62),
    st.integers(1, 1024),
)
choices = st.builds(
    PilotChoice, text, st.dictionaries(st.from_regex(r"[a-z_]{1,8}", fullmatch=True), json_values)
)

STRATEGIES: dict[Any, st.SearchStrategy[Any]] = {
    sd.Money: cents | exact_money,
    sd.Periode: periodes(),
    sd.Citation: citations,
    sd.Letter: st.builds(sd.Letter, text, dates, any_text, text),
    sd.Reading: st.one_of(
        st.builds(sd.Reading, text, citations, text, assumption=st.booleans()),
        st.builds(sd.Reading, text, citations, text, text, text, st.booleans()),
    ),
    sd.Lid: leden,
    sd.Zorg: zorg,
    sd.ZrmScores: zrm_scores,
    sd.ZrmMeting: zrm,
    sd.Gezin: gezinnen,
    sd.Organisatie: organisaties,
    sd.Professional: professionals,
    sd.Verlenging: st.builds(sd.Verlenging, dates, text, optional(dates), bron),
    sd.Looptijd: looptijden(),
    sd.Pilot: pilots,
    sd.Budgetregel: budgetregels(),
    sd.Begroting: st.lists(budgetregels(), max_size=3).map(sd.Begroting),
    sd.Kostenmodel: kostenmodellen,
    sd.ProductVolume: products,
    sd.Lumpsum: st.lists(products, min_size=1, max_size=3).map(sd.Lumpsum),
    sd.Substitutie: st.builds(
        sd.Substitutie, positive_cents, positive_cents, st.integers(0, 10**6)
    ),
    sd.GhpAankoop: aankopen,
    sd.GhpBudget: ghp_budgets(),
    sd.MandaatRegel: st.builds(sd.MandaatRegel, text, text, names(), bron),
    sd.Samenwerkingsafspraak: st.builds(sd.Samenwerkingsafspraak, text, text, names(), bron),
    sd.MandaatRij: st.builds(sd.MandaatRij, text, text, names(), st.booleans()),
    sd.Mandaat: mandaten(),
    sd.Budgetopvang: st.builds(sd.Budgetopvang, text, bron, names()),
    sd.Advies: adviezen(),
    sd.AdviesOordeel: oordelen(),
    sd.Trede: ladders().map(lambda ladder: ladder.treden[0]),
    sd.Escalatieladder: ladders(),
    sd.Escalatie: escalaties(),
    sd.Opzegverzoek: verzoeken,
    sd.OpzegBesluit: st.builds(
        sd.OpzegBesluit,
        st.booleans(),
        st.lists(verzoeken, max_size=2).map(tuple),
        st.lists(verzoeken, max_size=2).map(tuple),
        any_text,
        bron,
    ),
    sd.Opzegregeling: regelingen(),
    sd.Evaluatiemoment: momenten(),
    sd.Indicator: indicatoren,
    sd.Meting: metingen,
    sd.Evaluatieresultaat: st.builds(
        sd.Evaluatieresultaat,
        text,
        dates,
        st.lists(metingen, max_size=2),
        text,
        optional(st.booleans()),
    ),
    sd.Evaluatieplan: plannen(),
    sd.Einde: einden,
    sd.PilotToestand: st.builds(
        sd.PilotToestand,
        dates,
        optional(cents),
        optional(cents),
        st.lists(verzoeken, max_size=2),
        st.booleans(),
        optional(st.booleans()),
    ),
    sd.TrajectToestand: st.builds(sd.TrajectToestand, gezinnen, dates, dates, st.booleans()),
    sd.EindeLooptijd: st.builds(sd.EindeLooptijd, bron),
    sd.PartnerOpzegging: st.builds(sd.PartnerOpzegging, regelingen(), bron),
    sd.BudgetUitgeput: st.builds(sd.BudgetUitgeput, bron),
    sd.GeenGegarandeerdeInstroom: st.builds(sd.GeenGegarandeerdeInstroom, bron),
    sd.DoelenBehaald: st.builds(sd.DoelenBehaald, bron),
    sd.Explanation: explanations,
    sd.Note: notes,
    sd.Verdict: verdicts,
    sd.PluginRef: plugin_refs,
    sd.Provenance: provenances,
    sd.PluginFailure: plugin_failures,
    sd.Assessment: st.builds(
        sd.Assessment, text, dates, st.dictionaries(text, verdicts, max_size=2)
    ),
    sd.FundingRow: funding_rows,
    sd.FundingOverview: st.lists(funding_rows, max_size=3).map(
        lambda r: sd.FundingOverview(tuple(r))
    ),
    sd.TerminationCheck: st.builds(
        sd.TerminationCheck,
        st.booleans(),
        st.lists(einden, max_size=2).map(tuple),
        st.lists(einden, max_size=2).map(tuple),
    ),
    PilotChoice: choices,
    CohortSettings: cohorts(),
    SimulationSettings: simulation_settings,
    Scenario: st.builds(
        Scenario, cohorts(), simulation_settings, text, st.lists(choices, max_size=2), any_text
    ),
    AdviceCheck: st.builds(AdviceCheck, adviezen(), st.booleans()),
}


def _public_types() -> list[type]:
    found = []
    for name in sd.__all__:
        obj = getattr(sd, name)
        if isinstance(obj, type) and (attrs.has(obj) or issubclass(obj, (enum.Enum, sd.Money))):
            found.append(obj)
    return found


ENUMS = [t for t in _public_types() if issubclass(t, enum.Enum)]
FILE_TYPES = [t for t in _public_types() if not issubclass(t, enum.Enum)]


def test_every_public_type_is_a_file_type_or_named_as_not_one() -> None:
    missing = [t.__name__ for t in FILE_TYPES if t not in STRATEGIES and t not in NOT_FILE_TYPES]
    assert not missing, f"add a round-trip strategy (or list as not a file type): {missing}"


def _through_text(value: object, cl: Any, format: Any) -> object:
    text = dumps_document({"value": unstructure(value, format, as_type=cl)}, format)
    return structure(loads_document(text, format)["value"], cl, format=format, feiten=REGISTER)


@pytest.mark.parametrize("cl", list(STRATEGIES), ids=lambda t: t.__name__)
@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_round_trip(cl: Any, data: st.DataObject) -> None:
    value = data.draw(STRATEGIES[cl])
    assert structure(unstructure(value), cl, feiten=REGISTER) == value
    assert _through_text(value, cl, "json") == value
    assert _through_text(value, cl, "toml") == value


@pytest.mark.parametrize("kind", ENUMS, ids=lambda t: t.__name__)
def test_enums_round_trip_by_name(kind: type[enum.Enum]) -> None:
    for member in kind:
        assert unstructure(member) == member.name
        assert structure(member.name, kind) is member


@given(days)
def test_durations_keep_their_calendar_parts(duration: pendulum.Duration) -> None:
    back = structure(unstructure(duration), pendulum.Duration)
    assert (back.years, back.months, back.in_days()) == (
        duration.years,
        duration.months,
        duration.in_days(),
    )


def test_notations() -> None:
    assert unstructure(sd.Money(42_000)) == "42000.00"
    assert unstructure(sd.Money("0.125", exact=True)) == "0.125"
    assert unstructure(Decimal("1E+3")) == "1000"
    assert unstructure(pendulum.date(2021, 10, 1)) == "2021-10-01"
    assert unstructure(pendulum.duration(months=3)) == "P3M"
    assert unstructure(pendulum.duration(weeks=2)) == "P14D"
    assert unstructure(pendulum.duration()) == "P0D"
    assert structure(14, pendulum.Duration) == pendulum.duration(days=14)
    assert unstructure(frozenset({sd.Probleem.VERSLAVING, sd.Probleem.SCHULDEN})) == [
        "SCHULDEN",
        "VERSLAVING",
    ]
    assert unstructure(sd.Citation("a.txt", "b")) == {
        "letter": "a.txt",
        "section": "b",
        "quote": "",
    }
    assert "bedrag" not in unstructure(sd.Lumpsum([sd.ProductVolume("x", 1, sd.Money(1))]))


SCHEMA_KINDS = {"family": sd.Gezin, "scenario": Scenario, "advice": AdviceCheck}


@pytest.mark.parametrize("kind", sorted(SCHEMA_KINDS))
@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_what_the_converters_write_fits_the_schema(kind: str, data: st.DataObject) -> None:
    cl = SCHEMA_KINDS[kind]
    value = unstructure(data.draw(STRATEGIES[cl]))
    document = {"gezin": value} if kind == "family" else value
    jsonschema.validate(document, SCHEMAS[kind]())


# --- a core member or a declared term ------------------------------------------------


@pytest.mark.parametrize("cl", [sd.Pilot, sd.Budgetregel, sd.FundingRow])
@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_a_member_or_a_declared_term_fits_the_schema_as_written(
    cl: type, data: st.DataObject
) -> None:
    value = unstructure(data.draw(STRATEGIES[cl]))
    jsonschema.validate(value, schema_of(cl, title=cl.__name__))


@given(st.sampled_from([*sd.Financieringsmodel, *MODELS]))
def test_a_model_is_written_by_its_name_or_code_and_read_back_as_itself(
    model: sd.Financieringsmodel | sd.Term,
) -> None:
    written = unstructure(model, as_type=sd.Financieringsmodel | sd.Term)
    assert written == (model.code if isinstance(model, sd.Term) else model.name)
    back = structure(written, sd.Financieringsmodel | sd.Term, feiten=REGISTER)  # type: ignore[arg-type]
    assert back is model


def _row(model: str) -> dict[str, Any]:
    row = sd.FundingRow(
        "p", "gemeente", 2024, sd.Financieringsmodel.LUMPSUM, "", sd.Money(1), False, None
    )
    return {**unstructure(row), "model": model}


def test_a_declared_code_without_the_register_is_refused_saying_what_to_pass() -> None:
    with pytest.raises(FileFormatError) as caught:
        structure(_row("wmo.pgb"), sd.FundingRow, source="budget.json")
    assert caught.value.field == "model"
    assert "'wmo.pgb' is not a Financieringsmodel" in caught.value.problem
    assert "feiten=gemeente.feiten" in caught.value.problem


def test_an_unknown_code_with_the_register_names_the_field_and_the_nearest() -> None:
    with pytest.raises(FileFormatError) as caught:
        structure(_row("wmo.pbg"), sd.FundingRow, feiten=REGISTER)
    assert caught.value.field == "model"
    assert caught.value.problem == "unknown financieringsmodel 'wmo.pbg'; did you mean 'wmo.pgb'?"
    with pytest.raises(FileFormatError) as caught:
        structure(_row("LUMSUM"), sd.FundingRow)
    assert "did you mean 'LUMPSUM'?" in caught.value.problem


def test_a_term_of_another_vocabulary_is_not_a_role() -> None:
    professional = unstructure(sd.Professional("Anna", ROLES[0], Decimal(1), sd.Organisatie("WIJ")))
    assert professional["rol"] == "wmo.consulent"
    with pytest.raises(FileFormatError) as caught:
        structure({**professional, "rol": "wmo.pgb"}, sd.Professional, feiten=REGISTER)
    assert (caught.value.field, caught.value.problem) == ("rol", "unknown rol 'wmo.pgb'")
    with pytest.raises(FileFormatError, match="is a term of financieringsmodel, not of rol"):
        structure({**professional, "rol": MODELS[0]}, sd.Professional)


def test_the_schema_given_the_register_takes_exactly_its_declared_codes() -> None:
    defs: dict[str, Any] = {}
    root = type_schema(sd.FundingRow, defs, REGISTER)
    declared = jsonschema.Draft202012Validator({**root, "$defs": defs})
    anyone = jsonschema.Draft202012Validator(schema_of(sd.FundingRow, title="FundingRow"))
    for model in ("LUMPSUM", "wmo.pgb"):
        assert declared.is_valid(_row(model))
        assert anyone.is_valid(_row(model))
    assert not declared.is_valid(_row("wmo.giften"))  # not declared by this composition
    assert anyone.is_valid(_row("wmo.giften"))  # a code some composition may declare
    assert not anyone.is_valid(_row("giften"))  # neither a member nor a code
