"""An example pilot plugin for sociaaldomein: vroegsignalering schulden in Voorbeeldstad.

Voorbeeldstad and its letter are invented, for the tutorial "Write your own
pilot plugin".  The entry point ``vroegsignalering`` in the group
``sociaaldomein`` names :class:`Vroegsignalering`.
"""

from __future__ import annotations

from sociaaldomein_vroegsignalering.letter import LETTER
from sociaaldomein_vroegsignalering.pilot import NAAM
from sociaaldomein_vroegsignalering.plugin import Vroegsignalering

__all__ = ["LETTER", "NAAM", "Vroegsignalering"]
