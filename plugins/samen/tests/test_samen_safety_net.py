"""The Open House safety net: 002_3dca2c59337eb1a8.txt, "Gezamenlijk proces,
veranderstrategie en aansturing": "Als vangnet houden we de Open House nog tenminste 2,5 jaar
na de start van SAMEN, in stand."."""

from __future__ import annotations

import pendulum
import pytest
from sociaaldomein_samen import DEFAULT_PHASING, OPEN_HOUSE, SamenPilot, open_house_in_force
from sociaaldomein_samen.safety_net import open_house_guaranteed

from sociaaldomein import Gemeente, InvalidValueError, Outcome


def test_the_open_house_is_in_force_at_least_until_30_june_2025_and_then_not_ended() -> None:
    """002_3dca2c59337eb1a8.txt, "Gezamenlijk proces, ...": 2.5 years after 1 January 2023 is
    1 July 2025; "tenminste" is a minimum, so the contracts do not end on that day."""
    assert open_house_in_force(pendulum.date(2025, 6, 30))
    assert SamenPilot().open_house_in_force(pendulum.date(2025, 6, 30))
    assert SamenPilot().open_house_in_force(pendulum.date(2025, 7, 1))
    assert SamenPilot().open_house_in_force(pendulum.date(2030, 1, 1))
    assert SamenPilot().open_house_until is None
    assert open_house_guaranteed(pendulum.date(2025, 6, 30))
    assert not open_house_guaranteed(pendulum.date(2025, 7, 1))
    ended = SamenPilot(open_house_until=pendulum.date(2025, 7, 1))
    assert not ended.open_house_in_force(pendulum.date(2025, 7, 1))


def test_at_least_means_the_municipality_may_keep_it_longer_never_shorter() -> None:
    """002_3dca2c59337eb1a8.txt, "Gezamenlijk proces, ...": "tenminste 2,5 jaar"."""
    longer = SamenPilot(open_house_until=pendulum.date(2026, 1, 1))
    assert longer.open_house_in_force(pendulum.date(2025, 12, 31))
    with pytest.raises(InvalidValueError) as info:
        SamenPilot(open_house_until=pendulum.date(2025, 6, 30))
    assert info.value.field == "SamenPilot.open_house_until"
    assert "2025-07-01" in str(info.value)


def test_a_later_start_moves_the_minimum() -> None:
    """002, "Gezamenlijk proces, ...": 2.5 years after *the start* of SAMEN."""
    later = SamenPilot(
        start=pendulum.date(2023, 7, 1),
        open_house_until=pendulum.date(2026, 1, 1),
        phasing={},
    )
    assert later.open_house_in_force(pendulum.date(2025, 12, 31))
    with pytest.raises(InvalidValueError):
        SamenPilot(start=pendulum.date(2023, 7, 1), open_house_until=pendulum.date(2025, 7, 1))


def test_every_family_on_the_regular_route_still_has_the_open_house() -> None:
    """002_3dca2c59337eb1a8.txt, "Gezamenlijk proces, ...": families are still routed to the
    Open House until their referrer is phased in, and it is in force on each such day."""
    groningen = Gemeente(plugins=[SamenPilot()])
    route = groningen.compiled("samen").routes[-1]
    assert (route.outcome, route.to) == (Outcome.REGULAR_ROUTE, OPEN_HOUSE)
    for day in DEFAULT_PHASING.values():
        assert open_house_in_force(day.subtract(days=1))
