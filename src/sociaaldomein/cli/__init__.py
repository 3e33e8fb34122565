"""The ``sociaaldomein`` command line: ``main`` is the console script, ``demo`` the demo.

Subcommands are listed in :data:`SUBCOMMANDS`, one module each; see ``docs/cli.md``.
"""

from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING, Any

from sociaaldomein.cli.main import SUBCOMMANDS, build_parser, main

if TYPE_CHECKING:
    from sociaaldomein.cli.demo import demo

__all__ = ["SUBCOMMANDS", "build_parser", "demo", "main"]


def __getattr__(name: str) -> Any:
    # The demo is imported when it is used, so that ``sociaaldomein --help`` stays quick.
    if name == "demo":
        from sociaaldomein.cli.demo import demo

        return demo
    raise AttributeError(f"module 'sociaaldomein.cli' has no attribute {name!r}")


class _Package(types.ModuleType):
    """This package, whose ``demo`` is the function even after its module is imported.

    Importing ``sociaaldomein.cli.demo`` sets the package's attribute ``demo`` to
    the module; the function is what ``from sociaaldomein.cli import demo`` gives.
    """

    def __setattr__(self, name: str, value: object) -> None:
        if name == "demo" and isinstance(value, types.ModuleType):
            value = value.demo
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
