"""The messages of this plugin, in its own gettext domain ``sociaaldomein_multiprobleem``.

Its catalogues are ``locale/<lang>/LC_MESSAGES/sociaaldomein_multiprobleem.po`` in this
package; ``nox -s translations`` keeps them up to date.
"""

from __future__ import annotations

from typing import Final

from sociaaldomein.i18n import Messages

__all__ = ["_"]

_: Final = Messages("sociaaldomein_multiprobleem")
"""A message of this plugin: ``_("...", name=value)``."""
