"""Pilot.status_on: the status on a date, derived from the looptijd, beside the letter's status."""

from __future__ import annotations

import datetime

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sociaaldomein import InvalidValueError, Letter, Looptijd, Pilot, PilotStatus

START = pendulum.date(2021, 10, 1)
EIND = pendulum.date(2022, 10, 1)
LETTER = Letter("000_6fd8bb18cab06410.txt", pendulum.date(2021, 9, 15), "438104-2021", "Pilot")


def pilot(status: PilotStatus = PilotStatus.PREPARING, looptijd: Looptijd | None = None) -> Pilot:
    return Pilot(
        "proef",
        "Proef",
        "Groningen",
        looptijd or Looptijd(START, EIND),
        status=status,
        brief=LETTER,
    )


days = st.dates(datetime.date(2019, 1, 1), datetime.date(2026, 12, 31)).map(
    lambda d: pendulum.date(d.year, d.month, d.day)
)


@given(days, st.sampled_from([PilotStatus.PREPARING, PilotStatus.ACTIVE]))
def test_the_status_follows_the_looptijd_whatever_the_letter_recorded(
    day: pendulum.Date, recorded: PilotStatus
) -> None:
    status = pilot(recorded).status_on(day)
    if day < START:
        assert status is PilotStatus.PREPARING
    elif day < EIND:
        assert status is PilotStatus.ACTIVE
    else:
        assert status is PilotStatus.ENDED
    assert pilot(recorded).status is recorded  # the letter's status is kept


def test_a_pilot_in_preparation_in_the_letter_is_active_and_then_ended() -> None:
    """000_6fd8bb18cab06410.txt records the gezinsverzorger in preparation (15-9-2021)."""
    p = pilot(PilotStatus.PREPARING)
    assert p.status_on(LETTER.date) is PilotStatus.PREPARING
    assert p.status_on(START) is PilotStatus.ACTIVE
    assert p.status_on(EIND.subtract(days=1)) is PilotStatus.ACTIVE
    assert p.status_on(EIND) is PilotStatus.ENDED
    assert p.status_on(pendulum.date(2025, 1, 1)) is PilotStatus.ENDED


def test_an_extension_counts_from_its_decision_or_from_the_original_end() -> None:
    decided = pilot(PilotStatus.ACTIVE).extend(
        pendulum.date(2023, 7, 1), reason="doorstart", decided_on=pendulum.date(2022, 3, 1)
    )
    assert decided.status_on(pendulum.date(2022, 2, 28)) is PilotStatus.ACTIVE
    assert decided.status_on(pendulum.date(2022, 3, 1)) is PilotStatus.EXTENDED
    assert decided.status_on(pendulum.date(2023, 6, 30)) is PilotStatus.EXTENDED
    assert decided.status_on(pendulum.date(2023, 7, 1)) is PilotStatus.ENDED
    undated = pilot(PilotStatus.ACTIVE).extend(pendulum.date(2023, 7, 1), reason="doorstart")
    assert undated.status_on(EIND.subtract(days=1)) is PilotStatus.ACTIVE
    assert undated.status_on(EIND) is PilotStatus.EXTENDED


def test_a_recorded_end_or_embedding_holds_from_the_letters_date() -> None:
    ended = pilot(PilotStatus.PREPARING).with_status(PilotStatus.ENDED)
    assert ended.status_on(pendulum.date(2021, 9, 1)) is PilotStatus.PREPARING
    assert ended.status_on(START) is PilotStatus.ENDED
    embedded = pilot(PilotStatus.ACTIVE).with_status(PilotStatus.EMBEDDED)
    assert embedded.status_on(pendulum.date(2030, 1, 1)) is PilotStatus.EMBEDDED


def test_status_on_needs_a_date() -> None:
    with pytest.raises(InvalidValueError) as info:
        pilot().status_on("2022-01-01")  # type: ignore[arg-type]
    assert info.value.field == "Pilot.status_on"
    with pytest.raises(InvalidValueError):
        pilot().status_on(pendulum.datetime(2022, 1, 1))
    assert pilot().status_on(datetime.date(2022, 1, 1)) is PilotStatus.ACTIVE
