"""An example pilot plugin for sociaaldomein: schuldhulp for young adults in Westerkwartier.

The letter it rests on is invented, for the tutorial section "Your own facts
and areas": the pilot declares its own facts (debt, income, creditors, birth
date), terms (a problem and a need the core does not list) and areas (gemeente
Westerkwartier and its villages).  The entry point ``schuldhulp-jongeren`` in
the group ``sociaaldomein`` names :class:`SchuldhulpJongeren`.
"""

from __future__ import annotations

from sociaaldomein_schuldhulp.letter import LETTER
from sociaaldomein_schuldhulp.pilot import NAME
from sociaaldomein_schuldhulp.plugin import SchuldhulpJongeren

__all__ = ["LETTER", "NAME", "SchuldhulpJongeren"]
