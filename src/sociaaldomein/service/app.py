"""The service as one ASGI application: the API, the web page and the guard in front of both.

>>> from fastapi.testclient import TestClient
>>> from sociaaldomein import Gemeente
>>> from sociaaldomein.testing import ToyPilot
>>> client = TestClient(create_app(Gemeente(plugins=[ToyPilot()])))
>>> [p["name"] for p in client.get("/api/pilots").json()]
['toy']
>>> client.post("/api/assess", content=b"{}").status_code  # no token: nothing personal
401
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Mapping, Sequence
from typing import Any

import attrs
import pendulum
from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from sociaaldomein import Gemeente, __version__
from sociaaldomein.domain.compiled import FailedPilot
from sociaaldomein.io import unstructure
from sociaaldomein.service.access import Access
from sociaaldomein.service.api import api_router, error_handlers
from sociaaldomein.service.guard import Guard
from sociaaldomein.service.jobs import JobQueue
from sociaaldomein.service.limits import ServiceLimits
from sociaaldomein.service.openapi import SECURITY_SCHEME, components, ref

__all__ = ["Service", "create_app"]

_DESCRIPTION = """\
The governance of Dutch municipal social-domain pilots, as a service: the
verdict of every pilot for a family with its reasons and sources, the money,
the mandates, and simulations.  The bodies are the library's file formats
(``sociaaldomein schema family``); the answers are what the command line's
``--json`` prints.  Routes marked ``x-personal`` need a token
(``Authorization: Bearer ...``) whose role allows them, for the pilots it is
granted.
"""


@attrs.define
class Service:
    """What the routes work from: the composition, the access table, the limits, the jobs.

    ``register`` is the register of a running pilot when one is configured.
    """

    gemeente: Gemeente
    access: Access
    limits: ServiceLimits
    jobs: JobQueue
    register: Any = None

    def pilot_list(self) -> list[dict[str, Any]]:
        """Every pilot: name, title, status today, the plugin that provides it, or its failure."""
        compilation = self.gemeente.compile()
        today = pendulum.today().date()
        out = []
        for name in compilation.names:
            found = compilation.get_any(name)
            pilot = found.pilot
            failed = found.failure.message() if isinstance(found, FailedPilot) else None
            out.append(
                {
                    "name": name,
                    "titel": pilot.titel if pilot is not None else name,
                    "status": pilot.status_on(today).name if pilot is not None else None,
                    "provided_by": found.failure.plugin.name
                    if isinstance(found, FailedPilot)
                    else found.provided_by.name,
                    "failed": failed,
                }
            )
        return out

    def pilot_page(self, name: str, on: pendulum.Date) -> dict[str, Any]:
        """One pilot: the pilot as decided, its status on ``on``, its rules and its money."""
        compiled = self.gemeente.compiled(name)
        overview = self.gemeente.funding_overview(pilots=[name])
        return {
            "name": name,
            "pilot": unstructure(compiled.pilot),
            "status_on": compiled.pilot.status_on(on).name,
            "on": on.isoformat(),
            "rules": compiled.eligibility.describe(),
            "funding": [unstructure(row) for row in overview.rows],
            "total": unstructure(overview.total()),
            "provided_by": compiled.provided_by.name,
        }

    def occupancy(self, pilots: Sequence[str], on: pendulum.Date) -> Mapping[str, int] | None:
        """The families in each pilot on ``on``, from the register when there is one."""
        if self.register is None:
            return None
        return {name: len(self.register.in_pilot(name, on)) for name in pilots}


def _openapi(app: FastAPI) -> dict[str, Any]:
    if app.openapi_schema is None:
        schema = get_openapi(
            title=app.title,
            version=app.version,
            description=app.description,
            routes=app.routes,
        )
        for item in schema.get("paths", {}).values():
            for operation in item.values():
                # a bad parameter is a 400 in the library's error shape (see api.py)
                operation.get("responses", {}).pop("422", None)
                operation.setdefault("responses", {})["400"] = {
                    "description": "bad input: the field and the problem, never the value",
                    "content": {"application/json": {"schema": ref("Error")}},
                }
        found = schema.setdefault("components", {})
        schemas = found.setdefault("schemas", {})
        for name in ("HTTPValidationError", "ValidationError"):
            schemas.pop(name, None)
        schemas.update(components())
        found["securitySchemes"] = {
            SECURITY_SCHEME: {
                "type": "http",
                "scheme": "bearer",
                "description": "a token from the service's tokens file",
            }
        }
        app.openapi_schema = schema
    return app.openapi_schema


def create_app(
    gemeente: Gemeente | None = None,
    *,
    access: Access | None = None,
    limits: ServiceLimits | None = None,
    register: Any = None,
    cors_origins: Sequence[str] = (),
    web: bool = True,
) -> FastAPI:
    """The service for ``gemeente`` (default: the installed plugins).

    ``access`` holds the tokens (none: nothing personal is served to anyone);
    ``cors_origins`` the origins a browser may call the API from (none: no
    cross-origin calls, the default).
    """
    if gemeente is None:
        gemeente = Gemeente()
        gemeente.load_entry_points()
    gemeente.compile()  # once, before the first request
    access = access or Access()
    limits = limits or ServiceLimits()
    service = Service(gemeente, access, limits, JobQueue(limits), register)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        service.jobs.close()

    app = FastAPI(
        title=f"sociaaldomein ({gemeente.naam})",
        version=__version__,
        description=_DESCRIPTION,
        lifespan=lifespan,
        exception_handlers=error_handlers(),
        docs_url="/api/docs",
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.service = service
    app.include_router(api_router(service))
    if register is not None:
        from sociaaldomein.service.registry import register_router

        app.include_router(register_router(service))
    if web:
        from sociaaldomein.service.web import web_router

        web_router(app, service)
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    if cors_origins:
        from starlette.middleware.cors import CORSMiddleware

        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
        )
    app.add_middleware(Guard, access=access, limits=limits, routes=lambda: app.router.routes)
    return app
