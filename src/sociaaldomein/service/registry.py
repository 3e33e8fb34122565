"""The register of a running pilot, through the service: its questions and its events.

Configured with ``sociaaldomein serve --register URL`` (an SQLite file or a
PostgreSQL URL, ``sociaaldomein[register]``), the service adds routes under
``/api/register``.  Every one needs a token: a register holds families.  The
waitlist, the open and overdue escalations and a family's history need
permission ``REGISTER_READ``, the budget and the advices per institution
(figures, no family) ``REGISTER_FIGURES``, recording events
``REGISTER_WRITE``; each for the pilots the token is granted.  Events are
recorded by the register itself, which checks each against its pilot's rules
and chains it; the service makes the token's holder the event's actor, so the
chain says who recorded what.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final

import attrs
import pendulum
from fastapi import APIRouter, Request
from starlette.responses import Response

from sociaaldomein.errors import InvalidValueError
from sociaaldomein.io import FileFormatError, loads_document, unstructure
from sociaaldomein.io.converters import structure
from sociaaldomein.service.access import Grant, Permission, Role
from sociaaldomein.service.api import granted, need, parse_on
from sociaaldomein.service.errors import json_response

if TYPE_CHECKING:
    from sociaaldomein.register import Event, Register
    from sociaaldomein.service.app import Service

__all__ = ["budget_lines", "events_from_data", "open_register", "register_router"]

MAX_EVENTS: Final = 100
"""Events per request (one transaction)."""

_ROLES: Final = {Role.WIJ_MEDEWERKER: "WIJ_MEDEWERKER", Role.PROJECTLEIDER: "PROJECTLEIDER"}
"""The register's role (``Rol``) an event recorded with a token of this role is made in."""


def open_register(url: str, gemeente: Any = None) -> Register:
    """The register at ``url`` (``Register.open``), its events checked by ``gemeente``."""
    try:
        module = importlib.import_module("sociaaldomein.register")
    except ImportError as exc:
        raise InvalidValueError(
            "--register",
            f"this installation cannot open a register ({exc.name} is missing): "
            "pip install 'sociaaldomein[register]'",
        ) from None
    register: Register = module.Register.open(url, gemeente=gemeente)
    return register


def _actor(item: Mapping[str, Any], grant: Grant, where: str) -> dict[str, Any]:
    """The event's actor: the token's holder, in the role the token gives (or the one named)."""
    given = item.get("actor")
    rol = _ROLES.get(grant.role)
    if isinstance(given, Mapping):
        if given.get("id", grant.name) != grant.name:
            raise FileFormatError(
                "request",
                f"{where}actor.id",
                "must be the holder of the token: an event is recorded in the name of "
                "who records it",
            )
        rol = given.get("rol", rol)
    if rol is None:
        raise FileFormatError(
            "request", f"{where}actor.rol", "is required: say in which role the event is recorded"
        )
    return {"id": grant.name, "rol": rol}


def events_from_data(data: object, grant: Grant) -> list[Event]:
    """The events of a request body: one object or a list, each with its ``kind``."""
    from sociaaldomein.register.events import EVENT_KINDS

    items = data if isinstance(data, list) else [data]
    if len(items) > MAX_EVENTS:
        raise FileFormatError("request", "", f"at most {MAX_EVENTS} events per request")
    out: list[Event] = []
    for i, item in enumerate(items):
        where = f"[{i}]." if isinstance(data, list) else ""
        if not isinstance(item, dict):
            raise FileFormatError("request", where.rstrip("."), "an event is a JSON object")
        kind = item.get("kind")
        if kind not in EVENT_KINDS:
            known = ", ".join(sorted(EVENT_KINDS))
            raise FileFormatError("request", f"{where}kind", f"is not a kind; kinds: {known}")
        fields = {k: v for k, v in item.items() if k != "kind"}
        fields["actor"] = _actor(item, grant, where)
        out.append(structure(fields, EVENT_KINDS[kind], source="request", field=where.rstrip(".")))
    return out


def _plain(value: Any) -> Any:
    return unstructure(value) if attrs.has(type(value)) else value


def _read(
    permission: Permission, what: str, answer: dict[str, Any], status: int = 200
) -> dict[str, Any]:
    """The OpenAPI of a register route: the token it needs and its answer."""
    return {
        "openapi_extra": {
            "x-personal": True,
            "x-permission": permission.name,
            "security": [{"token": []}],
        },
        "responses": {
            status: {"description": what, "content": {"application/json": {"schema": answer}}},
            401: {"description": "no token, or one that is not known"},
            403: {"description": "the role may not do this, or the token is not granted the pilot"},
        },
    }


def _with_body(route: dict[str, Any]) -> dict[str, Any]:
    from sociaaldomein.register.events import EVENT_KINDS

    names = ", ".join(cls.__name__ for cls in EVENT_KINDS.values())
    one = {
        "type": "object",
        "required": ["kind", "pilot", "datum"],
        "properties": {"kind": {"enum": sorted(EVENT_KINDS)}},
        "description": f"an event: its kind and the fields of its class ({names})",
    }
    schema = {"oneOf": [one, {"type": "array", "items": one, "maxItems": MAX_EVENTS}]}
    content = {"application/json": {"schema": schema}}
    route["openapi_extra"]["requestBody"] = {"required": True, "content": content}
    return route


_KEYS: Final = {"type": "array", "items": {"type": "string"}}
_OBJECTS: Final = {"type": "array", "items": {"type": "object"}}


def register_router(service: Service) -> APIRouter:
    """The ``/api/register`` routes, answering from ``service.register``."""
    router = APIRouter(prefix="/api/register")
    register: Register = service.register

    def allowed(request: Request, permission: Permission, pilots: Sequence[str]) -> Grant:
        grant = need(permission)(request)
        granted(grant, list(pilots))
        for pilot in pilots:
            service.gemeente.pilot(pilot)  # an unknown name is a 404 listing the known ones
        return grant

    @router.get(
        "/{pilot}/waitlist",
        summary="A pilot's waitlist, first come first",
        **_read(Permission.REGISTER_READ, "the families' keys, in order", _KEYS),
    )
    async def waitlist(pilot: str, request: Request, on: str | None = None) -> Response:
        allowed(request, Permission.REGISTER_READ, [pilot])
        return _answer(register.waitlist(pilot, parse_on(on)))

    @router.get(
        "/{pilot}/escalations",
        summary="A pilot's open escalations (overdue=true: past their deadline)",
        **_read(Permission.REGISTER_READ, "each escalation, its level and deadline", _OBJECTS),
    )
    async def escalations(
        pilot: str, request: Request, on: str | None = None, overdue: bool = False
    ) -> Response:
        allowed(request, Permission.REGISTER_READ, [pilot])
        day = parse_on(on)
        if overdue:
            return _answer([_plain(o) for o in register.overdue_escalations(pilot, day)])
        return _answer([_escalation(e, day) for e in register.escalations(pilot, day)])

    @router.get(
        "/{pilot}/budget",
        summary="A pilot's money: planned, committed, spent and remaining per funding line",
        **_read(Permission.REGISTER_FIGURES, "one object per funding line", _OBJECTS),
    )
    async def budget(pilot: str, request: Request) -> Response:
        allowed(request, Permission.REGISTER_FIGURES, [pilot])
        return _answer(budget_lines(register, pilot))

    @router.get(
        "/{pilot}/advices",
        summary="Advices per institution, and how they were answered",
        **_read(Permission.REGISTER_FIGURES, "one object per institution", _OBJECTS),
    )
    async def advices(pilot: str, request: Request) -> Response:
        allowed(request, Permission.REGISTER_FIGURES, [pilot])
        return _answer([_plain(t) for t in register.advices(pilot)])

    @router.get(
        "/history",
        summary="Everything recorded about one family, in the pilots the token is granted",
        **_read(Permission.REGISTER_READ, "the events, in order", _OBJECTS),
    )
    async def history(request: Request, gezin: str | None = None) -> Response:
        grant = need(Permission.REGISTER_READ)(request)  # the token first, then the question
        if not gezin:
            raise FileFormatError("request", "gezin", "is required: the family's key")
        try:
            found = register.history(gezin)
        except InvalidValueError as exc:  # a BSN or no key: the field, never the value
            raise FileFormatError("request", "gezin", exc.problem) from None
        return _answer(
            [
                {
                    "seq": r.seq,
                    "datum": r.event.datum.isoformat(),
                    "kind": r.event.KIND,
                    "event": _plain(r.event),
                }
                for r in found
                if grant.sees(r.event.pilot)
            ]
        )

    @router.post(
        "/events",
        summary="Record events (one object or a list, in one transaction)",
        description="Each event as `sociaaldomein register record` reads it; the actor is the "
        "token's holder. The register checks each against its pilot's rules and chains it; "
        "a refusal writes nothing.",
        status_code=201,
        **_with_body(
            _read(Permission.REGISTER_WRITE, "each event's place in the chain", _OBJECTS, 201)
        ),
    )
    async def record(request: Request) -> Response:
        grant = need(Permission.REGISTER_WRITE)(request)
        data = loads_document(await request.body(), "json", source="request")
        events = events_from_data(data, grant)
        granted(grant, [e.pilot for e in events])
        recorded = register.record_many(events)
        return _answer(
            [
                {"seq": r.seq, "kind": r.event.KIND, "hash": r.hash, "bron": _plain(r.bron)}
                for r in recorded
            ],
            201,
        )

    return router


def _answer(data: Any, status: int = 200) -> Response:
    """``data`` under the English keys ``sociaaldomein register ... --json`` prints."""
    from sociaaldomein.cli.keys import REGISTER_AS_WRITTEN, english

    return json_response(english(data, keep=REGISTER_AS_WRITTEN), status)


def _escalation(e: Any, on: pendulum.Date) -> dict[str, Any]:
    return {
        "ref": e.ref,
        "partner": e.partner,
        "niveau": e.niveau,
        "houders": list(e.houders),
        "termijn": e.termijn.isoformat() if e.termijn else None,
        "overdue": e.is_overdue(on),
    }


def budget_lines(register: Register, pilot: str) -> list[dict[str, Any]]:
    """The budget of ``pilot`` per funding line, with what remains (amounts as exact text)."""
    return [{**_plain(b), "remaining": unstructure(b.remaining)} for b in register.budget(pilot)]
