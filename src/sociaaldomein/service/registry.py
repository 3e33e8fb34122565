"""The register of a running pilot, when the service is given one (``--register URL``)."""

from __future__ import annotations

import importlib
from typing import Any

from sociaaldomein.errors import InvalidValueError

__all__ = ["open_register"]


def open_register(url: str) -> Any:
    """The register at ``url`` (``sociaaldomein.register.Register.open``)."""
    try:
        module = importlib.import_module("sociaaldomein.register")
    except ImportError as exc:
        raise InvalidValueError(
            "--register", f"this installation cannot open a register ({exc.name} is missing)"
        ) from None
    return module.Register.open(url)
