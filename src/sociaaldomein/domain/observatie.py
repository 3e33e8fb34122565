"""A dated observation: a fact's value and the day it was observed.

A value observed long ago may no longer be true.  A fact whose declaration
says how long an observation stays valid (:attr:`Feit.geldig_dagen
<sociaaldomein.domain.feiten.Feit.geldig_dagen>`, 30 days for the ZRM) is
not used once it is older: a rule on it fails and its explanation says why
("ZRM of 2021-02-15 is older than 30 days").  A family file writes an
observation as ``{waarde = 3, datum = 2021-02-15}``.

>>> import pendulum
>>> seen = Observatie(3, pendulum.date(2021, 2, 15))
>>> seen.age_on(pendulum.date(2021, 3, 1))
14
"""

from __future__ import annotations

import attrs
import pendulum

from sociaaldomein._validators import as_date, is_date

__all__ = ["Observatie", "observed_value"]


@attrs.frozen
class Observatie:
    """``waarde`` as observed on ``datum``."""

    waarde: object
    datum: pendulum.Date = attrs.field(converter=as_date, validator=is_date)

    def age_on(self, on: pendulum.Date) -> int:
        """Whole days from the observation to ``on`` (negative when observed later)."""
        return on.toordinal() - self.datum.toordinal()


def observed_value(value: object) -> object:
    """The value itself, whether given plainly or as an :class:`Observatie`."""
    return value.waarde if isinstance(value, Observatie) else value
