"""``python -m sociaaldomein``: the ``sociaaldomein`` command."""

from __future__ import annotations

from sociaaldomein.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
