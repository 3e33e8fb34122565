"""Serve the API and the web page over HTTP (needs sociaaldomein[service]).

sociaaldomein serve [--host HOST] [--port PORT] [--tokens FILE] [--register URL]
                    [--rate N] [--max-body BYTES] [--cors ORIGIN ...]
sociaaldomein serve --new-token NAME --role ROLE [--grant PILOT ...]

Listens on 127.0.0.1 unless --host says otherwise.  --tokens names the TOML
file of tokens with their roles and pilots (see the documentation: the
service); without it nothing about a family is served to anyone.
--new-token prints a fresh token once, and the [[token]] entry (with its
hash, never the token) to add to the tokens file.  The API's reference is at /api/docs, its OpenAPI
document at /api/openapi.json.
"""

from __future__ import annotations

import argparse
import importlib.util
import ipaddress
import sys

from sociaaldomein.cli.common import OK, BadInputError, compose, warn
from sociaaldomein.i18n import _

__all__ = ["add_arguments", "run"]

EXAMPLES: tuple[str, ...] = (
    "sociaaldomein serve",
    "sociaaldomein serve --new-token wij-1 --role wij-medewerker --grant samen",
    "sociaaldomein serve --tokens tokens.toml --register register.db --port 8080",
)
"""Command lines shown at the end of ``--help``."""

_ROLES = ("analyst", "wij-medewerker", "projectleider", "administrator")


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a port number, got {text!r}") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"must be a port from 0 to 65535, got {port}")
    return port


def _positive_number(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a number, got {text!r}") from None
    if not 0 <= value < float("inf"):
        raise argparse.ArgumentTypeError(f"must be 0 or more, got {text!r}")
    return value


def _bytes(text: str) -> int:
    from sociaaldomein.errors import InvalidValueError
    from sociaaldomein.simulation.limits import parse_size

    try:
        return parse_size(text)
    except InvalidValueError as exc:
        raise argparse.ArgumentTypeError(exc.problem) from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``[--host HOST] [--port PORT] [--tokens FILE] [--register URL] ...``."""
    parser.add_argument(
        "--host", default="127.0.0.1", help=_("the address to listen on (default: 127.0.0.1)")
    )
    parser.add_argument("--port", type=_port, default=8000, help=_("the port (default: 8000)"))
    parser.add_argument("--tokens", metavar="FILE", help=_("the tokens file (TOML)"))
    parser.add_argument(
        "--register", metavar="URL", help=_("the register of a running pilot (a database URL)")
    )
    parser.add_argument(
        "--rate",
        type=_positive_number,
        metavar="N",
        help=_("requests per second per token or address (default: 20; 0: no limit)"),
    )
    parser.add_argument(
        "--max-body",
        type=_bytes,
        metavar="SIZE",
        help=_("the largest request body (default: 1MiB)"),
    )
    parser.add_argument(
        "--cors",
        action="append",
        metavar="ORIGIN",
        help=_("let a web page from ORIGIN call the API (repeatable; default: none)"),
    )
    parser.add_argument(
        "--new-token", metavar="NAME", help=_("print a new token and its tokens-file entry")
    )
    parser.add_argument("--role", choices=_ROLES, help=_("the role of --new-token"))
    parser.add_argument(
        "--grant",
        action="append",
        metavar="PILOT",
        help=_('a pilot --new-token is granted (repeatable; "*" for every pilot)'),
    )


def _new_token(args: argparse.Namespace) -> int:
    from sociaaldomein.service.access import hash_token, new_token, valid_name

    if not valid_name(args.new_token):
        raise BadInputError(
            _("--new-token: a name is 1 to 64 letters, digits or - _ . @ (it is logged)")
        )
    if args.role is None:
        raise BadInputError(_("--new-token needs --role: {roles}", roles=", ".join(_ROLES)))
    token = new_token()
    pilots = ", ".join(f'"{p}"' for p in (args.grant or []))
    print(
        _("# the token, shown once; give it to {name} and keep no copy:", name=args.new_token),
        file=sys.stderr,
    )
    print(f"#   {token}", file=sys.stderr)
    print("[[token]]")
    print(f'name = "{args.new_token}"')
    print(f'role = "{args.role}"')
    print(f'sha256 = "{hash_token(token)}"')
    print(f"pilots = [{pilots}]")
    return OK


def _require_service() -> None:
    missing = [m for m in ("fastapi", "uvicorn", "jinja2", "multipart") if not _importable(m)]
    if missing:
        raise BadInputError(
            _(
                "serve needs {modules}: pip install 'sociaaldomein[service]'",
                modules=", ".join(missing),
            )
        )


def _importable(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def run(args: argparse.Namespace) -> int:
    """Serve until interrupted."""
    if args.new_token is not None:
        return _new_token(args)
    _require_service()
    import uvicorn

    from sociaaldomein.service import Access, ServiceLimits, create_app, read_tokens

    access = read_tokens(args.tokens) if args.tokens else Access()
    if not access.grants:
        warn(_("no tokens (--tokens FILE): nothing about a family is served"))
    defaults = ServiceLimits()
    limits = ServiceLimits(
        max_body=defaults.max_body if args.max_body is None else args.max_body,
        rate=defaults.rate if args.rate is None else args.rate,
    )
    gemeente = compose(args)
    register = None
    if args.register is not None:
        from sociaaldomein.errors import InvalidValueError, SociaaldomeinError
        from sociaaldomein.service.registry import open_register

        try:
            register = open_register(args.register, gemeente)
        except InvalidValueError:
            raise
        except SociaaldomeinError as exc:  # not a register, a newer schema: the message says
            raise BadInputError(_("--register: {problem}", problem=str(exc))) from None
    app = create_app(
        gemeente, access=access, limits=limits, register=register, cors_origins=args.cors or ()
    )
    if not _loopback(args.host):
        warn(
            _(
                "listening on {host}, not only on this machine: put it behind a TLS proxy",
                host=args.host,
            )
        )
    uvicorn.run(app, host=args.host, port=args.port, access_log=False, log_level="info")
    return OK
