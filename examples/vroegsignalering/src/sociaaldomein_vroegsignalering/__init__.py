"""An example pilot plugin for sociaaldomein: vroegsignalering schulden in Voorbeeldstad.

Voorbeeldstad and its letter are invented, for the tutorial "Write your own
pilot plugin".  The entry point ``vroegsignalering`` in the group
``sociaaldomein`` names :class:`Vroegsignalering`.
"""

from __future__ import annotations

from typing import Final

from sociaaldomein.compat import renamed_attribute
from sociaaldomein_vroegsignalering.letter import LETTER
from sociaaldomein_vroegsignalering.pilot import NAME
from sociaaldomein_vroegsignalering.plugin import Vroegsignalering

__all__ = ["LETTER", "NAME", "Vroegsignalering"]


_RENAMED: Final = {
    "NAAM": "NAME",
}
"""0.1 names, importable with a DeprecationWarning until 0.3."""


def __getattr__(name: str) -> object:
    return renamed_attribute(__name__, name, _RENAMED)
