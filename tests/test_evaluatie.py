"""Evaluation plans on the gezinsverzorger letter (000) and the multiprobleem doorstart (003)."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sociaaldomein.domain.citation import Citation
from sociaaldomein.domain.evaluatie import (
    DEFAULT_VOOR_EINDE,
    Evaluatiemoment,
    Evaluatieplan,
    Evaluatieresultaat,
    Indicator,
    Meting,
    MomentSoort,
)
from sociaaldomein.domain.periode import Periode
from sociaaldomein.errors import InvalidValueError

SLOT = Citation("000_6fd8bb18cab06410.txt", "Kosten pilot")
# 24 months from October 2021, derived from EUR 14,000 a month (seeds/README.md).
GEZINSVERZORGER_LOOPTIJD = Periode(pendulum.date(2021, 10, 1), pendulum.date(2023, 10, 1))
TUSSENEVALUATIE = Evaluatiemoment(MomentSoort.HALVERWEGE, "tussenevaluatie", bron=SLOT)
BORGING = Evaluatiemoment(MomentSoort.VOOR_EINDE, "voorstel borging", bron=SLOT)
GEZINNEN = Indicator("gezinnen begeleid", "families supported at the same time", "aantal")
GEZINSVERZORGER = Evaluatieplan(
    momenten=(BORGING, TUSSENEVALUATIE),
    indicatoren=(GEZINNEN, Indicator("zware zorg", "heavy care avoided", "trajecten")),
    bron=SLOT,
)

DOORSTART = Periode(pendulum.date(2011, 1, 1), pendulum.date(2012, 7, 1))
# "Begin 2012": the letter names no day, so the first of January stands for it.
INTRAVAL = Evaluatiemoment(
    MomentSoort.OP_DATUM,
    "evaluatie Intraval",
    datum=datetime.date(2012, 1, 1),
    bron=Citation("003_720c15da674da257.txt", "Tenslotte"),
)


def test_gezinsverzorger_is_evaluated_halfway_and_before_the_end() -> None:
    """000_6fd8bb18cab06410.txt, "Kosten pilot": "Halverwege de pilot ... tussenevaluatie en voor
    het aflopen van de pilot met een voorstel"."""
    assert GEZINSVERZORGER.schedule(GEZINSVERZORGER_LOOPTIJD) == (
        (pendulum.date(2022, 10, 1), TUSSENEVALUATIE),
        (pendulum.date(2023, 7, 1), BORGING),
    )


def test_a_fixed_date_resolves_to_itself() -> None:
    """003_720c15da674da257.txt, "Tenslotte": evaluation by Intraval early 2012."""
    assert INTRAVAL.datum == pendulum.date(2012, 1, 1)
    assert isinstance(INTRAVAL.datum, pendulum.Date)
    assert INTRAVAL.resolve(DOORSTART) == pendulum.date(2012, 1, 1)


def test_an_offset_before_the_end() -> None:
    zes_weken = Evaluatiemoment("VOOR_EINDE", "eindrapport", voor_einde=datetime.timedelta(weeks=6))
    assert zes_weken.soort is MomentSoort.VOOR_EINDE
    assert zes_weken.voor_einde == pendulum.duration(days=42)
    assert zes_weken.resolve(DOORSTART) == pendulum.date(2012, 5, 20)
    assert BORGING.resolve(DOORSTART) == pendulum.date(2012, 4, 1)
    assert pendulum.date(2012, 4, 1) + DEFAULT_VOOR_EINDE == DOORSTART.end


def test_an_offset_longer_than_the_looptijd_is_refused() -> None:
    jaar = Evaluatiemoment(
        MomentSoort.VOOR_EINDE, "te vroeg", voor_einde=pendulum.duration(years=3)
    )
    with pytest.raises(InvalidValueError, match="before the looptijd starts") as info:
        jaar.resolve(DOORSTART)
    assert info.value.field == "Evaluatiemoment.voor_einde"


def test_due_on_gives_the_moments_of_that_day() -> None:
    assert GEZINSVERZORGER.due_on(GEZINSVERZORGER_LOOPTIJD, datetime.date(2022, 10, 1)) == (
        TUSSENEVALUATIE,
    )
    assert GEZINSVERZORGER.due_on(GEZINSVERZORGER_LOOPTIJD, pendulum.date(2022, 10, 2)) == ()


def test_bad_moments_are_refused_by_field() -> None:
    with pytest.raises(InvalidValueError, match="required for OP_DATUM") as info:
        Evaluatiemoment(MomentSoort.OP_DATUM, "evaluatie")
    assert info.value.field == "Evaluatiemoment.datum"
    with pytest.raises(InvalidValueError, match="only for OP_DATUM") as info:
        Evaluatiemoment(MomentSoort.HALVERWEGE, "x", datum=pendulum.date(2012, 1, 1))
    assert info.value.field == "Evaluatiemoment.datum"
    with pytest.raises(InvalidValueError, match="only for VOOR_EINDE") as info:
        Evaluatiemoment(MomentSoort.HALVERWEGE, "x", voor_einde=pendulum.duration(months=1))
    assert info.value.field == "Evaluatiemoment.voor_einde"
    for bad in (pendulum.duration(), pendulum.duration(days=-1), pendulum.duration(hours=3)):
        with pytest.raises(InvalidValueError) as info:
            Evaluatiemoment(MomentSoort.VOOR_EINDE, "x", voor_einde=bad)
        assert info.value.field == "Evaluatiemoment.voor_einde"
    with pytest.raises(InvalidValueError, match="allowed: HALVERWEGE") as info:
        Evaluatiemoment("HALFWAY", "x")
    assert info.value.field == "Evaluatiemoment.soort"


def test_a_meting_is_exact() -> None:
    assert Meting("gezinnen begeleid", pendulum.date(2022, 9, 30), 9).waarde == Decimal(9)
    assert Meting("zware zorg", pendulum.date(2022, 9, 30), "2.5").waarde == Decimal("2.5")
    with pytest.raises(InvalidValueError, match="float is not exact") as info:
        Meting("gezinnen begeleid", pendulum.date(2022, 9, 30), 0.1)  # type: ignore[arg-type]
    assert info.value.field == "Meting.waarde"


def test_a_result_only_takes_indicators_of_the_plan() -> None:
    meting = Meting("klanttevredenheid", pendulum.date(2022, 9, 30), 8)
    with pytest.raises(InvalidValueError, match="'klanttevredenheid' is not an indicator") as info:
        GEZINSVERZORGER.result("tussenevaluatie", pendulum.date(2022, 10, 1), [meting], "ok")
    assert info.value.field == "Meting.indicator"
    assert "gezinnen begeleid, zware zorg" in info.value.problem


def test_a_result_only_takes_moments_of_the_plan() -> None:
    with pytest.raises(InvalidValueError, match="'eindevaluatie' is not in the plan") as info:
        GEZINSVERZORGER.result("eindevaluatie", pendulum.date(2023, 9, 1), [], "ok")
    assert info.value.field == "Evaluatieresultaat.moment"


def test_a_result_names_the_moment_as_the_plan_does() -> None:
    """000_6fd8bb18cab06410.txt, "Aantal gezinnen": at most 8 to 10 families together."""
    resultaat = GEZINSVERZORGER.result(
        " Tussenevaluatie",
        pendulum.date(2022, 10, 1),
        [
            Meting("Gezinnen begeleid", pendulum.date(2022, 6, 30), 6),
            Meting("gezinnen  begeleid", pendulum.date(2022, 9, 30), 9),
        ],
        "within the 8 to 10 families the letter expects",
        voortzetten=True,
    )
    assert resultaat.moment == "tussenevaluatie"
    assert resultaat.waarde("GEZINNEN BEGELEID") == Decimal(9)
    assert resultaat.waarde("zware zorg") is None
    assert resultaat.voortzetten is True


def test_bad_plans_and_results_are_refused_by_field() -> None:
    with pytest.raises(InvalidValueError, match="listed twice") as info:
        Evaluatieplan((TUSSENEVALUATIE,), (GEZINNEN, Indicator("Gezinnen begeleid ", "", "n")))
    assert info.value.field == "Evaluatieplan.indicatoren"
    with pytest.raises(InvalidValueError) as info:
        Evaluatieplan((), ())
    assert info.value.field == "Evaluatieplan.momenten"
    with pytest.raises(InvalidValueError, match="must be a Meting") as info:
        Evaluatieresultaat("x", pendulum.date(2022, 1, 1), [9], "ok")  # type: ignore[list-item]
    assert info.value.field == "Evaluatieresultaat.metingen"
    with pytest.raises(InvalidValueError) as info:
        Evaluatieresultaat("x", pendulum.date(2022, 1, 1), [], "ok", voortzetten="ja")  # type: ignore[arg-type]
    assert info.value.field == "Evaluatieresultaat.voortzetten"


looptijden = st.builds(
    lambda start, days: Periode(start, start + datetime.timedelta(days=days)),
    st.dates(datetime.date(2000, 1, 1), datetime.date(2040, 1, 1)),
    st.integers(30, 2000),
)


@given(looptijd=looptijden, offset=st.integers(1, 29), extra=st.dates())
def test_the_schedule_is_sorted_and_complete(
    looptijd: Periode, offset: int, extra: datetime.date
) -> None:
    momenten = (
        Evaluatiemoment(MomentSoort.VOOR_EINDE, "eind", voor_einde=pendulum.duration(days=offset)),
        Evaluatiemoment(MomentSoort.OP_DATUM, "vast", datum=extra),
        Evaluatiemoment(MomentSoort.HALVERWEGE, "midden"),
    )
    schedule = Evaluatieplan(momenten, ()).schedule(looptijd)
    days = [day for day, _ in schedule]
    assert days == sorted(days)
    assert sorted(m.naam for _, m in schedule) == ["eind", "midden", "vast"]
    by_name = {m.naam: day for day, m in schedule}
    assert by_name["eind"] + pendulum.duration(days=offset) == looptijd.end
    assert by_name["midden"] in looptijd
    assert by_name["vast"] == extra
