"""The register's Alembic migrations, shipped in the package and run by the register itself.

:func:`sociaaldomein.register.store.Register.open` checks the database's revision
against :data:`HEAD`: an empty database is created (``register init``), an
older one upgraded, and one with a revision this version does not know (made by
a newer ``sociaaldomein``) refused.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

__all__ = ["HEAD", "LOCATION"]

LOCATION: Final = Path(__file__).resolve().parent
"""The Alembic script directory."""

HEAD: Final = "0003"
"""The newest revision; a test checks Alembic agrees."""
