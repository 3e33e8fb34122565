"""``docs/service.md``: the OpenAPI reference is rendered from the document the service serves."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

DOCS = Path(__file__).resolve().parents[2] / "docs"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[str, Any]]:
    """``docs/service.md`` built by Sphinx with the ``openapiref`` extension (text, JSON)."""
    from sphinx.cmd.build import build_main

    source = tmp_path_factory.mktemp("service-src")
    (source / "conf.py").write_text(
        "import sys\n"
        f"sys.path.insert(0, {str(DOCS / '_ext')!r})\n"
        'extensions = ["myst_parser", "openapiref"]\n',
        encoding="utf-8",
    )
    (source / "index.md").write_text((DOCS / "service.md").read_text("utf-8"), "utf-8")
    out = tmp_path_factory.mktemp("service-html")
    assert build_main(["-Q", "-W", "-b", "html", str(source), str(out)]) == 0
    markup = (out / "index.html").read_text(encoding="utf-8")
    text = html.unescape(re.sub(r"<[^>]+>", "", markup))
    return text, json.loads((out / "openapi.json").read_text(encoding="utf-8"))


def test_every_route_is_in_the_reference(
    built: tuple[str, dict[str, Any]], client: TestClient
) -> None:
    page, _ = built
    served = client.get("/api/openapi.json").json()
    for path, item in served["paths"].items():
        for method in item:
            assert f"{method.upper()} {path}" in page


def test_the_written_document_is_the_served_one(
    built: tuple[str, dict[str, Any]], client: TestClient
) -> None:
    _, written = built
    served = client.get("/api/openapi.json").json()
    # the reference is built with a register, so it has the register's routes too
    register = {p for p in written["paths"] if p.startswith("/api/register/")}
    assert written["paths"].keys() - register == served["paths"].keys()
    assert "/api/register/events" in register
    assert written["components"]["schemas"].keys() == served["components"]["schemas"].keys()
