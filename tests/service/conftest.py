"""Fixtures of the service tests: the installed pilots, tokens of every role, a client."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

import pytest
from fastapi.testclient import TestClient

from sociaaldomein import Gemeente
from sociaaldomein.service import Access, Grant, Role, ServiceLimits, create_app

TOKENS: Final = {
    "t-analyst": Grant("analist", Role.ANALYST, frozenset({"*"})),
    "t-wij": Grant("wij-selwerd", Role.WIJ_MEDEWERKER, frozenset({"gezinsverzorger"})),
    "t-pl": Grant("projectleider", Role.PROJECTLEIDER, frozenset({"*"})),
    "t-admin": Grant("beheer", Role.ADMINISTRATOR, frozenset({"*"})),
}
"""One token per role; the WIJ-medewerker is granted the gezinsverzorger only."""

FAMILY: Final = {
    "gezin": {
        "id": "gezin-0042",
        "wijk": "Selwerd",
        "hulpvragen": ["OVERNAME_HUISHOUDEN"],
        "leden": [
            {"rol": "OUDER", "geboortedatum": "1984-04-01", "chronische_problematiek": True},
            {"rol": "KIND", "geboortedatum": "2014-06-01"},
        ],
    }
}
"""A family the gezinsverzorger takes on 2022-03-01 (letter 000)."""


def bearer(token: str) -> dict[str, str]:
    """The header that carries ``token``."""
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture(scope="session")
def groningen() -> Gemeente:
    """The installed Groningen pilots, compiled once for every service test."""
    gemeente = Gemeente("Groningen")
    gemeente.load_entry_points()
    gemeente.compile()
    return gemeente


@pytest.fixture
def access() -> Access:
    """The tokens of :data:`TOKENS`, stored by their hashes."""
    return Access.with_tokens(TOKENS)


@pytest.fixture
def client(groningen: Gemeente, access: Access) -> Iterator[TestClient]:
    """A client of the service without a rate limit (each test sets the limits it tests)."""
    app = create_app(groningen, access=access, limits=ServiceLimits(rate=0))
    with TestClient(app) as c:
        yield c
