"""The service: an HTTP API and a Dutch web page for the people who run a pilot.

``sociaaldomein serve`` runs it; :func:`create_app` builds the ASGI
application for a composition, to serve with any ASGI server or to test
with an HTTP client.  It needs the extra ``sociaaldomein[service]``
(FastAPI, uvicorn, Jinja2, python-multipart) and is never imported by
``import sociaaldomein``.  ``docs/service.md`` describes the routes, the
access model and how to run it behind a reverse proxy.
"""

from __future__ import annotations

from sociaaldomein.service.access import (
    ALL_PILOTS,
    Access,
    Grant,
    Permission,
    Role,
    hash_token,
    new_token,
    read_tokens,
)
from sociaaldomein.service.app import Service, create_app
from sociaaldomein.service.limits import ServiceLimits

__all__ = [
    "ALL_PILOTS",
    "Access",
    "Grant",
    "Permission",
    "Role",
    "Service",
    "ServiceLimits",
    "create_app",
    "hash_token",
    "new_token",
    "read_tokens",
]
