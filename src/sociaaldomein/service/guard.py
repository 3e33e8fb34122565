"""The ASGI middleware in front of every route: who is calling, how often, and how much.

It finds the caller's grant (an ``Authorization: Bearer`` token on the API,
the login cookie on the web pages), counts the request against the caller's
rate, and refuses a body larger than the limit, before any route reads it.
Each refusal is logged with the route (its template, never the path a caller
typed), the method, the status, the reason and the token's name: never a
token, a body or a query string.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from http.cookies import SimpleCookie
from typing import Any, Final

from starlette.routing import BaseRoute, Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sociaaldomein.service.access import Access, Grant
from sociaaldomein.service.errors import error_response
from sociaaldomein.service.limits import RateLimiter, ServiceLimits

__all__ = ["COOKIE", "LOGGER", "Guard", "log_refusal", "route_of"]

LOGGER: Final = logging.getLogger("sociaaldomein.service")
COOKIE: Final = "sociaaldomein_token"
"""The cookie the web page keeps its token in (HttpOnly, SameSite=Strict)."""


class _BodyTooLargeError(Exception):
    pass


def route_of(routes: Sequence[BaseRoute], scope: Scope) -> str:
    """The template of the route ``scope`` matches (``/api/pilots/{pilot}``), or ``(none)``."""
    matched = scope.get("route")
    if matched is not None:  # inside a route: the router has matched it already
        return str(getattr(matched, "path", "(none)"))
    for route in routes:
        match, _ = route.matches(scope)
        if match is Match.FULL:
            return str(getattr(route, "path", "(none)"))
    return "(none)"


def log_refusal(method: str, route: str, status: int, reason: str, grant: Grant | None) -> None:
    """One line per refusal: what was refused and why, without any personal data."""
    who = grant.name if grant is not None else "-"
    LOGGER.warning("refused %s %s: %d %s (token: %s)", method, route, status, reason, who)


def _bearer(headers: list[tuple[bytes, bytes]]) -> str | None:
    for key, value in headers:
        if key == b"authorization":
            scheme, _, token = value.decode("latin-1").partition(" ")
            if scheme.lower() == "bearer" and token.strip():
                return token.strip()
            return ""  # something that is not a bearer token: a token that is not known
    return None


def _cookie(headers: list[tuple[bytes, bytes]]) -> str | None:
    for key, value in headers:
        if key == b"cookie":
            jar: SimpleCookie = SimpleCookie()
            try:
                jar.load(value.decode("latin-1"))
            except Exception:  # a malformed cookie header carries no token
                return None
            if COOKIE in jar:
                return jar[COOKIE].value
    return None


def _content_length(headers: list[tuple[bytes, bytes]]) -> int | None:
    for key, value in headers:
        if key == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


class Guard:
    """Identify, rate-limit and size-limit every HTTP request (see the module docstring)."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        access: Access,
        limits: ServiceLimits,
        routes: Callable[[], Sequence[BaseRoute]],
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.app = app
        self.access = access
        self.limits = limits
        self.routes = routes
        self.clock = clock
        self.rates = RateLimiter(limits.rate, limits.burst)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers: list[tuple[bytes, bytes]] = scope["headers"]
        path: str = scope["path"]
        api = path.startswith("/api/")
        token = _bearer(headers) if api else _cookie(headers)
        grant = self.access.grant_for(token)
        state: dict[str, Any] = scope.setdefault("state", {})
        state["grant"] = grant
        state["token"] = "none" if token is None else "known" if grant else "unknown"
        caller = f"token:{grant.name}" if grant else f"addr:{(scope.get('client') or ('?',))[0]}"
        if not self.rates.allow(caller, now=self.clock()):
            await self._refuse(scope, send, grant, 429, "rate", "too many requests; wait a little")
            return
        length = _content_length(headers)
        if length is not None and length > self.limits.max_body:
            await self._too_large(scope, send, grant)
            return
        received = 0
        started = False

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limits.max_body:
                    raise _BodyTooLargeError
            return message

        async def tracked(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted, tracked)
        except _BodyTooLargeError:
            if not started:
                await self._too_large(scope, send, grant)
        except Exception as exc:
            # An error nobody foresaw: its message may hold what the request held (a
            # database error quotes its parameters), so the log gets its type only.
            LOGGER.error(
                "internal error in %s %s: %s",
                scope["method"],
                route_of(self.routes(), scope),
                type(exc).__name__,
            )
            if not started:
                response = error_response(500, "internal", "an internal error; it was logged")

                async def nothing() -> Message:
                    return {"type": "http.disconnect"}

                await response(scope, nothing, send)

    async def _too_large(self, scope: Scope, send: Send, grant: Grant | None) -> None:
        limit = self.limits.max_body
        await self._refuse(
            scope, send, grant, 413, "size", f"the request body is larger than {limit} bytes"
        )

    async def _refuse(
        self, scope: Scope, send: Send, grant: Grant | None, status: int, reason: str, text: str
    ) -> None:
        log_refusal(scope["method"], route_of(self.routes(), scope), status, reason, grant)
        headers = {"Retry-After": "1"} if status == 429 else None
        response = error_response(status, "limit", text, headers=headers)

        async def nothing() -> Message:
            return {"type": "http.disconnect"}

        await response(scope, nothing, send)
