"""The ``sociaaldomein`` command line: ``main`` is the console script, ``demo`` the demo.

Subcommands are listed in :data:`SUBCOMMANDS`, one module each; see ``docs/cli.md``.
"""

from __future__ import annotations

from sociaaldomein.cli.demo import demo
from sociaaldomein.cli.main import SUBCOMMANDS, build_parser, main

__all__ = ["SUBCOMMANDS", "build_parser", "demo", "main"]
