"""Who may do what: tokens with roles, each granted pilots, read from a TOML file.

The file stores the SHA-256 of each token, never the token itself, so a copy
of the file opens nothing::

    [[token]]
    name = "wij-selwerd"            # shown in logs; never the token
    role = "wij-medewerker"         # analyst, wij-medewerker, projectleider, administrator
    sha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
    pilots = ["gezinsverzorger"]    # or ["*"] for every pilot

A token is a long random text (``sociaaldomein serve --new-token`` makes one),
so one round of SHA-256 is enough: nobody guesses it, and a hash that leaks
does not give it away.  What the service shows without a token is what the
council letters publish (the plugins, pilots, money, mandates and schemas);
everything about a family needs a token whose role allows it, for a pilot
it is granted.
"""

from __future__ import annotations

import enum
import hashlib
import hmac
import os
import re
import secrets
import tomllib
from collections.abc import Iterable, Mapping
from typing import Final

import attrs

from sociaaldomein.io import FileFormatError
from sociaaldomein.io._paths import describe

__all__ = [
    "ALL_PILOTS",
    "Access",
    "Grant",
    "Permission",
    "Role",
    "hash_token",
    "new_token",
    "read_tokens",
    "valid_name",
]

ALL_PILOTS: Final = "*"
"""In a token's ``pilots``: every pilot of the composition."""

_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$")


class Permission(enum.Enum):
    """What a request does, as far as access is concerned."""

    ASSESS = "assess families"
    CHECK_ADVICE = "check an advice about a family"
    SIMULATE = "run simulations"
    REGISTER_READ = "read a register's families (waitlist, escalations, history)"
    REGISTER_FIGURES = "read a register's figures (budget remaining)"
    REGISTER_WRITE = "record events in a register"
    ALL_JOBS = "see every simulation job"


class Role(enum.Enum):
    """A role, as the tokens file names it; each has a fixed set of permissions."""

    ANALYST = "analyst"
    WIJ_MEDEWERKER = "wij-medewerker"
    PROJECTLEIDER = "projectleider"
    ADMINISTRATOR = "administrator"

    @property
    def permissions(self) -> frozenset[Permission]:
        """What this role may do (only within the pilots a token is granted)."""
        return _PERMISSIONS[self]


_PERMISSIONS: Final[Mapping[Role, frozenset[Permission]]] = {
    # read-only and nothing about a family: simulations and aggregate figures
    Role.ANALYST: frozenset({Permission.SIMULATE, Permission.REGISTER_FIGURES}),
    # the team that works with the families
    Role.WIJ_MEDEWERKER: frozenset(
        {
            Permission.ASSESS,
            Permission.CHECK_ADVICE,
            Permission.REGISTER_READ,
            Permission.REGISTER_WRITE,
        }
    ),
    Role.PROJECTLEIDER: frozenset(
        {
            Permission.ASSESS,
            Permission.CHECK_ADVICE,
            Permission.SIMULATE,
            Permission.REGISTER_READ,
            Permission.REGISTER_FIGURES,
            Permission.REGISTER_WRITE,
        }
    ),
    Role.ADMINISTRATOR: frozenset(Permission),
}


def valid_name(name: str) -> bool:
    """Whether ``name`` may name a token: 1 to 64 letters, digits or ``- _ . @`` (it is logged)."""
    return bool(_NAME.match(name))


def hash_token(token: str) -> str:
    """The SHA-256 of ``token`` as 64 hexadecimal digits, as the tokens file stores it."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token() -> str:
    """A fresh random token (256 bits, URL-safe text)."""
    return secrets.token_urlsafe(32)


@attrs.frozen
class Grant:
    """One token's entry: its name (for logs), its role and the pilots it is granted."""

    name: str
    role: Role
    pilots: frozenset[str]

    def may(self, permission: Permission) -> bool:
        """Whether the role allows ``permission`` at all."""
        return permission in self.role.permissions

    def sees(self, pilot: str) -> bool:
        """Whether the token is granted ``pilot``."""
        return ALL_PILOTS in self.pilots or pilot in self.pilots


@attrs.frozen
class Access:
    """The tokens the service accepts, by their hash.  No tokens: nothing personal at all."""

    grants: Mapping[str, Grant] = attrs.field(factory=dict)

    def grant_for(self, token: str | None) -> Grant | None:
        """The grant of ``token``, or ``None`` for no token or an unknown one."""
        if not token:
            return None
        digest = hash_token(token)
        for known, grant in self.grants.items():
            # every entry is compared, in constant time, so timing tells nothing
            if hmac.compare_digest(known, digest):
                return grant
        return None

    @classmethod
    def of(cls, entries: Iterable[tuple[str, Grant]]) -> Access:
        """An access table from ``(sha256, grant)`` pairs."""
        return cls(dict(entries))

    @classmethod
    def with_tokens(cls, tokens: Mapping[str, Grant]) -> Access:
        """An access table from plain tokens (for tests and examples): each is hashed."""
        return cls({hash_token(t): g for t, g in tokens.items()})


def read_tokens(path: str | os.PathLike[str]) -> Access:
    """The tokens file ``path``; every problem is one :class:`FileFormatError` naming the field."""
    where = os.fspath(path)
    try:
        with open(where, "rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        raise FileFormatError(where, "", "no such file") from None
    except OSError as exc:
        raise FileFormatError(where, "", f"cannot be read: {exc.strerror or exc}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise FileFormatError(where, "", f"invalid TOML: {exc}") from None
    unknown = sorted(set(data) - {"token"})
    if unknown:
        raise FileFormatError(where, unknown[0], "unknown table; a tokens file has [[token]] only")
    entries = data.get("token", [])
    if not isinstance(entries, list):
        raise FileFormatError(where, "token", "must be a list of tables: write [[token]]")
    seen: dict[str, str] = {}
    pairs = []
    for i, entry in enumerate(entries):
        digest, grant = _entry(entry, where, f"token[{i}]")
        if digest in seen:
            raise FileFormatError(
                where, f"token[{i}].sha256", f"is the hash of {seen[digest]!r} too"
            )
        if grant.name in seen.values():
            raise FileFormatError(where, f"token[{i}].name", "another token has this name")
        seen[digest] = grant.name
        pairs.append((digest, grant))
    return Access.of(pairs)


def _entry(entry: object, where: str, field: str) -> tuple[str, Grant]:
    if not isinstance(entry, dict):
        raise FileFormatError(where, field, f"must be a table, got {describe(entry)}")
    allowed = {"name", "role", "sha256", "pilots"}
    for key in entry:
        if key not in allowed:
            raise FileFormatError(
                where, f"{field}.{key}", "unknown field; a token has name, role, sha256, pilots"
            )
    for key in sorted(allowed):
        if key not in entry:
            raise FileFormatError(where, f"{field}.{key}", "is required")
    name, role, digest, pilots = entry["name"], entry["role"], entry["sha256"], entry["pilots"]
    if not isinstance(name, str) or not valid_name(name):
        raise FileFormatError(
            where, f"{field}.name", "must be 1 to 64 letters, digits or - _ . @ (it is logged)"
        )
    roles = {r.value: r for r in Role}
    if role not in roles:
        raise FileFormatError(where, f"{field}.role", f"must be one of {', '.join(roles)}")
    if not isinstance(digest, str) or not _HEX64.match(digest):
        raise FileFormatError(
            where,
            f"{field}.sha256",
            "must be the SHA-256 of the token as 64 lowercase hexadecimal digits, never the "
            "token itself (sociaaldomein serve --new-token prints one)",
        )
    if not isinstance(pilots, list) or not all(isinstance(p, str) and p for p in pilots):
        raise FileFormatError(
            where, f"{field}.pilots", 'must be a list of pilot names, or ["*"] for every pilot'
        )
    return digest, Grant(name, roles[role], frozenset(pilots))
