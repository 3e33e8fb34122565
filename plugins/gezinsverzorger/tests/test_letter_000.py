"""Letter 000 (pilot gezinsverzorger), statement by statement: the choice of coach on a recent ZRM.

Every test cites the file and section it checks.
"""

from __future__ import annotations

import numpy as np
import pendulum
import pytest
from sociaaldomein_gezinsverzorger import GEZINSCOACH, HOUSEHOLD_DOMAINS, GezinsverzorgerPilot
from sociaaldomein_gezinsverzorger.readings import READINGS

from sociaaldomein import (
    Cohort,
    Gemeente,
    Gezin,
    Hulpvraag,
    Lid,
    LidRol,
    Outcome,
    Verdict,
    ZrmMeting,
    ZrmScores,
    readings_of,
)
from sociaaldomein.domain.compiled import OUTCOME_CODES
from sociaaldomein.testing.checks import find_letter

LETTER = "000_6fd8bb18cab06410.txt"
ON = pendulum.date(2022, 6, 1)


def gezin(taken: pendulum.Date, gid: str = "gv-zrm") -> Gezin:
    """A family whose ZRM, taken on ``taken``, shows level 3 on every household domain."""
    scores = ZrmScores.of(dict.fromkeys(HOUSEHOLD_DOMAINS, 3))
    return Gezin(
        gid,
        leden=[
            Lid(LidRol.OUDER, pendulum.date(1985, 5, 1), chronische_problematiek=True),
            Lid(LidRol.KIND, pendulum.date(2016, 3, 1)),
        ],
        hulpvragen=[Hulpvraag.OVERNAME_HUISHOUDEN],
        zrm=ZrmMeting(taken, scores),
    )


def decide(family: Gezin, plugin: GezinsverzorgerPilot | None = None) -> Verdict:
    return Gemeente(plugins=[plugin or GezinsverzorgerPilot()]).assess(family, ON)[
        "gezinsverzorger"
    ]


def test_every_reading_quotes_the_letter_and_the_plugin_lists_it() -> None:
    """000_6fd8bb18cab06410.txt, "Initiatiefvoorstel": the quotes stand in the letter."""
    path = find_letter(LETTER, "sociaaldomein_gezinsverzorger")
    if path is None:
        pytest.skip(f"{LETTER} is not in the plugin's letters/ folder")
    text = path.read_text(encoding="utf-8")
    assert all(r.found_in(text) for r in READINGS)
    assert set(READINGS) <= set(readings_of(GezinsverzorgerPilot()))


def test_a_recent_zrm_sends_the_family_to_a_gezinscoach() -> None:
    """000_6fd8bb18cab06410.txt, "Initiatiefvoorstel": the choice depends on the inschatting of
    the family's zelfredzaamheid."""
    verdict = decide(gezin(pendulum.date(2022, 5, 20)))
    assert verdict.outcome is Outcome.REFERRED
    assert verdict.to == GEZINSCOACH


def test_a_years_old_zrm_is_not_used_and_the_verdict_says_so() -> None:
    """000_6fd8bb18cab06410.txt, "Initiatiefvoorstel": the inschatting is a current one; ZRM
    information older than 30 days is not used (ZRM_MAX_AGE_DAYS)."""
    verdict = decide(gezin(pendulum.date(2021, 2, 15)))
    assert verdict.outcome is Outcome.ELIGIBLE
    assert verdict.to is None
    text = verdict.render()
    assert "ZRM of 2021-02-15 is older than 30 days" in text


def test_thirty_days_is_still_recent_thirty_one_is_not() -> None:
    """000_6fd8bb18cab06410.txt, "Initiatiefvoorstel": the boundary of ZRM_MAX_AGE_DAYS."""
    assert decide(gezin(ON.subtract(days=30))).outcome is Outcome.REFERRED
    assert decide(gezin(ON.subtract(days=31))).outcome is Outcome.ELIGIBLE


def test_an_old_zrm_also_fails_require_zrm_with_its_date() -> None:
    """000_6fd8bb18cab06410.txt, "Initiatiefvoorstel": with require_zrm=True an old assessment
    makes the family not eligible, and the reason names the ZRM's date."""
    verdict = decide(gezin(pendulum.date(2021, 2, 15)), GezinsverzorgerPilot(require_zrm=True))
    assert verdict.outcome is Outcome.NOT_ELIGIBLE
    assert "ZRM of 2021-02-15 is older than 30 days" in verdict.render()


def test_the_age_of_the_zrm_vectorises_as_the_verdicts_decide() -> None:
    """000_6fd8bb18cab06410.txt, "Initiatiefvoorstel": a cohort gets the verdicts' outcomes."""
    families = [gezin(ON.subtract(days=d), f"gv-{d}") for d in (0, 10, 30, 31, 400, 900)]
    compiled = Gemeente(plugins=[GezinsverzorgerPilot()]).compiled("gezinsverzorger")
    codes = compiled.outcomes(Cohort.from_gezinnen(families), ON)
    expected = [OUTCOME_CODES[compiled.decide(g, ON).outcome] for g in families]
    assert np.array_equal(codes, np.asarray(expected, dtype=np.int8))
    assert [compiled.decide(g, ON).outcome is Outcome.REFERRED for g in families] == [
        True,
        True,
        True,
        False,
        False,
        False,
    ]
