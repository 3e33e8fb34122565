"""The HTTP API under ``/api``: the same answers as the command line's ``--json``.

Bodies are parsed by the library's readers (the cattrs converters), answers
written by its ``unstructure``; the OpenAPI document describes both with the
library's JSON Schemas (:mod:`sociaaldomein.service.openapi`).  Routes that
touch a family need a token (see :mod:`sociaaldomein.service.access`).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Annotated, Any, Final

import pendulum
from fastapi import APIRouter, Query, Request
from fastapi.exceptions import RequestValidationError
from starlette.responses import Response

from sociaaldomein.cli.keys import english
from sociaaldomein.errors import (
    InvalidValueError,
    PluginFailedError,
    SociaaldomeinError,
    UnknownPilotError,
)
from sociaaldomein.i18n import Bericht, Language, _, as_language, use_language
from sociaaldomein.io import (
    SCHEMAS,
    FileFormatError,
    Format,
    gezinnen_from_data,
    loads_advice,
    loads_document,
    structure_date,
    unstructure,
)
from sociaaldomein.io._paths import ConversionError
from sociaaldomein.service.access import Grant, Permission
from sociaaldomein.service.errors import RefusedError, error_response, json_response, redact
from sociaaldomein.service.jobs import JobsFullError, parse_scenario
from sociaaldomein.service.openapi import SECURITY_SCHEME, body, ref, reply

if TYPE_CHECKING:
    from sociaaldomein.domain.gezin import Gezin
    from sociaaldomein.service.app import Service

__all__ = [
    "PERSONAL",
    "api_router",
    "body_format",
    "error_handlers",
    "granted",
    "in_language",
    "language_of",
    "need",
    "parse_on",
    "read_families",
]

_VARY: Final = {"Vary": "Accept-Language"}

PERSONAL: Final = "x-personal"
"""The OpenAPI extension that marks a route touching personal data (it needs a token)."""


def body_format(request: Request) -> Format:
    """``toml`` when the body says it is TOML (``application/toml``), else ``json``."""
    kind = request.headers.get("content-type", "")
    return "toml" if "toml" in kind.lower() else "json"


def parse_on(text: str | None) -> pendulum.Date:
    """The date of a query parameter (today when absent); a bad one is a 400 naming ``on``."""
    if not text:
        return pendulum.today().date()
    try:
        return structure_date(text)
    except ConversionError as exc:
        raise FileFormatError("request", "on", exc.problem) from None


def read_families(data: object, fmt: Format, on: pendulum.Date, limit: int) -> tuple[Gezin, ...]:
    """The families of a family document, checked as ``sociaaldomein assess`` checks them."""
    gezinnen = gezinnen_from_data(data, source="request", format=fmt)
    if len(gezinnen) > limit:
        raise FileFormatError(
            "request", "gezinnen", f"at most {limit} families per request, got {len(gezinnen)}"
        )
    single = isinstance(data, dict) and "gezin" in data
    for i, gezin in enumerate(gezinnen):
        try:
            gezin.check_dates_on(on)
        except InvalidValueError as exc:
            where = "gezin" if single else f"gezinnen[{i}]"
            raise FileFormatError(
                "request", exc.field.replace("Gezin", where, 1), f"{exc.problem} (on {on})"
            ) from None
    return gezinnen


def language_of(request: Request) -> Language:
    """The language the request prefers (``Accept-Language``) of those the library speaks.

    English unless Dutch is preferred: the machine interface (keys, codes) stays
    English either way; only the texts a person reads change.
    """
    offered: list[tuple[float, int, Language]] = []
    for i, part in enumerate(request.headers.get("accept-language", "").split(",")):
        tag, _, params = part.strip().partition(";")
        try:
            language = as_language(tag)
        except ValueError:
            continue
        weight = 1.0
        if params.strip().startswith("q="):
            try:
                weight = float(params.strip()[2:])
            except ValueError:
                continue
        offered.append((-weight, i, language))
    return min(offered)[2] if offered else "en"


def in_language(data: Any, language: Language) -> Any:
    """``data`` (unstructured) with every message of the library rendered in ``language``."""
    if isinstance(data, Bericht):
        return data.render(language)
    if isinstance(data, dict):
        return {k: in_language(v, language) for k, v in data.items()}
    if isinstance(data, list):
        return [in_language(v, language) for v in data]
    return data


def need(permission: Permission) -> Callable[[Request], Grant]:
    """The grant of the request's token when its role allows ``permission``; refused otherwise."""

    def check(request: Request) -> Grant:
        grant: Grant | None = request.state.grant
        if grant is None:
            if request.state.token == "unknown":
                raise RefusedError(401, "unknown-token", _("the token is not known"))
            raise RefusedError(401, "no-token", _("this needs a token (Authorization: Bearer ...)"))
        if not grant.may(permission):
            raise RefusedError(
                403,
                "role",
                _(
                    "the role {role} may not {permission}",
                    role=grant.role.value,
                    permission=permission.value,
                ),
            )
        return grant

    return check


def granted(grant: Grant, pilots: list[str]) -> None:
    """Refuse unless ``grant`` covers every pilot in ``pilots``."""
    for name in pilots:
        if not grant.sees(name):
            raise RefusedError(
                403, "pilot", _("the token is not granted one of the pilots asked for")
            )


def _personal(
    permission: Permission,
    answer: str,
    what: str,
    *,
    status: int = 200,
    body_of: str | None = None,
) -> dict[str, Any]:
    """The OpenAPI of a route that touches personal data: its token, permission and answers."""
    extra: dict[str, Any] = {
        PERSONAL: True,
        "x-permission": permission.name,
        "security": [{SECURITY_SCHEME: []}],
    }
    if body_of is not None:
        extra.update(body(body_of))
    answers: dict[int | str, dict[str, Any]] = {
        status: {"description": what, "content": {"application/json": {"schema": ref(answer)}}},
        401: {"description": "no token, or one that is not known"},
        403: {"description": "the role may not do this, or the token is not granted the pilot"},
    }
    return {"openapi_extra": extra, "responses": answers}


def api_router(service: Service) -> APIRouter:
    """Every ``/api`` route, working from ``service``'s composition."""
    router = APIRouter(prefix="/api")
    gemeente = service.gemeente

    def known(name: str) -> None:
        gemeente.pilot(name)  # an unknown name is a 404 listing the known ones

    @router.get(
        "/plugins",
        summary="The installed plugins",
        responses=reply("PluginList", "name, version, hooks, pilots and failures of each"),
    )
    async def plugins() -> Response:
        from sociaaldomein.cli.plugins import plugins_json

        return json_response(plugins_json(gemeente))

    @router.get(
        "/pilots",
        summary="The pilots",
        responses=reply("PilotList", "every pilot of the composition"),
    )
    async def pilots() -> Response:
        return json_response(english(service.pilot_list()))

    @router.get(
        "/pilots/{pilot}",
        summary="One pilot: its rules, money and status",
        responses=reply("PilotPage", "the pilot as its letter decided it"),
    )
    async def pilot(pilot: str, request: Request, on: str | None = None) -> Response:
        known(pilot)
        language = language_of(request)
        # The pilot itself as the converters write it (its fields are its letter's nouns);
        # the funding rows as `sociaaldomein budget --json` writes them.
        page = english(service.pilot_page(pilot, parse_on(on)), keep=("pilot",))
        if language != "en":  # English is the text as the command line's --json writes it
            page = in_language(page, language)
        return json_response(page, headers=_VARY)

    @router.get(
        "/pilots/{pilot}/mandate",
        summary="A pilot's functional mandate and escalation ladder",
        responses=reply("MandateAnswer", "as `sociaaldomein mandate PILOT --json` prints it"),
    )
    async def mandate(pilot: str) -> Response:
        known(pilot)
        from sociaaldomein.cli.mandate import mandate_json

        compiled = gemeente.compiled(pilot)
        return json_response(mandate_json(pilot, compiled.mandate, compiled.escalation))

    @router.post(
        "/pilots/{pilot}/advice",
        summary="Check whether an advice binds",
        description="The body is an advice file; the answer as "
        "`sociaaldomein mandate PILOT --check ADVICE --json` prints it.",
        **_personal(
            Permission.CHECK_ADVICE, "AdviceAnswer", "whether it binds", body_of="AdviceFile"
        ),
    )
    async def advice(pilot: str, request: Request) -> Response:
        grant = need(Permission.CHECK_ADVICE)(request)
        granted(grant, [pilot])
        known(pilot)
        from sociaaldomein.cli.mandate import advice_json, check

        found = loads_advice(await request.body(), body_format(request), source="request")
        oordeel = check(pilot, gemeente.compiled(pilot).mandate, found)
        return json_response(advice_json(pilot, found, oordeel))

    @router.get(
        "/funding",
        summary="The funding overview",
        responses=reply("FundingOverviewJson", "as `sociaaldomein budget --json` prints it"),
    )
    async def funding(
        year: Annotated[list[int] | None, Query()] = None,
        pilot: Annotated[list[str] | None, Query()] = None,
    ) -> Response:
        from sociaaldomein.cli.budget import overview_json

        for name in pilot or ():
            known(name)
        overview = gemeente.funding_overview(years=year, pilots=pilot)
        return json_response(overview_json(overview, year))

    @router.get("/schemas/{name}", summary="The JSON Schema of a file format")
    async def schema(name: str) -> Response:
        if name not in SCHEMAS:
            return error_response(
                404, "input", f"no such schema; known: {', '.join(sorted(SCHEMAS))}"
            )
        return json_response(SCHEMAS[name]())

    @router.post(
        "/assess",
        summary="Assess families on a date, with every reason",
        description="The body is a family file (one family or several); the answer as "
        "`sociaaldomein assess --json` prints it.  Without `pilot`, every pilot the token is "
        "granted.",
        **_personal(
            Permission.ASSESS, "AssessmentList", "one assessment per family", body_of="FamilyFile"
        ),
    )
    async def assess(
        request: Request,
        on: str | None = None,
        pilot: Annotated[list[str] | None, Query()] = None,
    ) -> Response:
        grant = need(Permission.ASSESS)(request)
        names = pilot if pilot else [n for n in gemeente.pilots if grant.sees(n)]
        granted(grant, names)
        for name in names:
            known(name)
        date = parse_on(on)
        fmt = body_format(request)
        data = loads_document(await request.body(), fmt, source="request")
        gezinnen = read_families(data, fmt, date, service.limits.max_families)
        occupancy = service.occupancy(names, date)
        found = [gemeente.assess(g, date, pilots=names, occupancy=occupancy) for g in gezinnen]
        from sociaaldomein.cli.assess import assessments_json

        answer = assessments_json(date, found)
        language = language_of(request)
        if language != "en":  # English is the text as the command line's --json writes it
            answer = in_language(answer, language)
        return json_response(answer, headers=_VARY)

    @router.post(
        "/simulations",
        summary="Start a simulation job",
        description="The body is a scenario file with a synthetic cohort; the answer is the "
        "job (202), whose status and results the two routes below give.",
        status_code=202,
        **_personal(
            Permission.SIMULATE, "Job", "the job, queued", status=202, body_of="ScenarioFile"
        ),
    )
    async def simulate(
        request: Request, runs: Annotated[int | None, Query(ge=1, le=100_000)] = None
    ) -> Response:
        grant = need(Permission.SIMULATE)(request)
        scenario = parse_scenario(await request.body(), body_format(request))
        granted(grant, list(service.jobs.pilot_names(scenario)))
        try:
            job = service.jobs.submit(scenario, grant.name, runs=runs)
        except JobsFullError as exc:
            return error_response(503, "limit", str(exc), headers={"Retry-After": "30"})
        return json_response(job.describe(), 202)

    def _job(job_id: str, grant: Grant) -> Any:
        job = service.jobs.get(job_id)
        if job is None or not (job.owner == grant.name or grant.may(Permission.ALL_JOBS)):
            return None  # another token's job is not found, not refused: its id says nothing
        return job

    @router.get(
        "/simulations/{job_id}",
        summary="A simulation job's status",
        **_personal(Permission.SIMULATE, "Job", "the job"),
    )
    async def job_status(job_id: str, request: Request) -> Response:
        grant = need(Permission.SIMULATE)(request)
        job = _job(job_id, grant)
        if job is None:
            return error_response(404, "input", _("no such job").render(language_of(request)))
        return json_response(job.describe())

    @router.get(
        "/simulations/{job_id}/results",
        summary="A finished simulation's summary",
        **_personal(Permission.SIMULATE, "JobResults", "the summary of every pilot and figure"),
    )
    async def job_results(job_id: str, request: Request) -> Response:
        grant = need(Permission.SIMULATE)(request)
        job = _job(job_id, grant)
        if job is None:
            return error_response(404, "input", _("no such job").render(language_of(request)))
        if job.status != "done":
            message = _("the job is {status}", status=job.status).render(language_of(request))
            return error_response(409, "state", message, field=None)
        return json_response({"id": job.id, "summary": job.summary})

    return router


def error_handlers() -> dict[Any, Callable[..., Any]]:
    """The responses for what the routes raise: access, bad input, unknown pilots, failures."""
    from sociaaldomein.service.errors import input_error
    from sociaaldomein.service.guard import log_refusal, route_of

    def in_request_language(
        handler: Callable[[Request, Exception], Awaitable[Response]],
    ) -> Callable[[Request, Exception], Awaitable[Response]]:
        # An error's message reads in the language the request asks for (English by
        # default); its kind, field and the other keys are the same in every language.
        async def answer(request: Request, exc: Exception) -> Response:
            with use_language(language_of(request)):
                return await handler(request, exc)

        return answer

    async def refused(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RefusedError)
        routes = request.app.router.routes
        log_refusal(
            request.method,
            route_of(routes, request.scope),
            exc.status,
            exc.reason,
            request.state.grant,
        )
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        return error_response(exc.status, "access", str(exc.message), headers=headers)

    async def bad_input(request: Request, exc: Exception) -> Response:
        if isinstance(exc, FileFormatError):
            return input_error(exc)
        assert isinstance(exc, InvalidValueError)
        # a value refused after reading (a limit, a rule between fields, a register's rule):
        # the field and the problem, and the rule's source kept whole
        bron = getattr(exc, "bron", None)
        problem = str(exc.problem)
        problem = problem.removesuffix(f" [{bron}]") if bron is not None else problem
        error = {"kind": "input", "message": redact(problem), "field": exc.field or None}
        if bron is not None:
            error["source"] = unstructure(bron)  # English, as every key of an answer
        return json_response({"error": error}, 400)

    async def library(request: Request, exc: Exception) -> Response:
        # what the library (a register) cannot do: a 400 without the values it quoted
        return error_response(400, "input", redact(str(exc)))

    async def unknown(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, UnknownPilotError)
        return error_response(404, "input", str(exc))

    async def parameters(request: Request, exc: Exception) -> Response:
        # a query or path parameter of the wrong type: the library's error shape, not pydantic's
        assert isinstance(exc, RequestValidationError)
        errors = [
            {
                "kind": "input",
                "field": ".".join(str(part) for part in e.get("loc", ())) or None,
                "message": redact(str(e.get("msg", "invalid"))),
            }
            for e in exc.errors()[:20]
        ]
        first = errors[0] if errors else {"field": None, "message": "invalid request"}
        return error_response(
            400, "input", str(first["message"]), field=first["field"], errors=errors[1:] or None
        )

    async def failed(request: Request, exc: Exception) -> Response:
        return error_response(502, "plugin", str(exc))

    handlers: dict[Any, Callable[[Request, Exception], Awaitable[Response]]] = {
        RefusedError: refused,
        UnknownPilotError: unknown,
        InvalidValueError: bad_input,
        PluginFailedError: failed,
        SociaaldomeinError: library,
        RequestValidationError: parameters,
    }
    return {kind: in_request_language(handler) for kind, handler in handlers.items()}
