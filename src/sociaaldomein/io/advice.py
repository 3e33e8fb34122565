"""The advice file: a coach's advice, and whether the family was selected for the pilot.

``sociaaldomein mandate PILOT --check ADVICE_FILE`` reads one and says whether
the advice binds the institution, and why.

>>> check = loads_advice('''
... geselecteerd = true
... [advies]
... gezin_id = "gezin-7"
... instelling = "Woningcorporaties"
... besluit = "woningtoewijzing"
... datum = 2011-03-01
... ''', "toml")
>>> check.geselecteerd, check.advies.besluit
(True, 'woningtoewijzing')
"""

from __future__ import annotations

import os
from collections.abc import Mapping

import attrs

from sociaaldomein._validators import one_of_type
from sociaaldomein.domain.bsn import BSN_PROBLEM, check_key, value_looks_like_bsn
from sociaaldomein.domain.mandaat import Advies
from sociaaldomein.io.converters import Format, structure, unstructure
from sociaaldomein.io.documents import dumps_document, load_document, loads_document
from sociaaldomein.io.errors import FileFormatError

__all__ = ["AdviceCheck", "dumps_advice", "loads_advice", "read_advice"]

Source = str | os.PathLike[str] | None


@attrs.frozen
class AdviceCheck:
    """An :class:`~sociaaldomein.domain.mandaat.Advies` to check against a mandate.

    ``geselecteerd`` says whether the family was selected for the pilot: a
    mandate may apply to selected families only.
    """

    advies: Advies = attrs.field(validator=one_of_type(Advies))
    geselecteerd: bool = attrs.field(validator=one_of_type(bool))

    @advies.validator
    def _pseudonymous(self, attribute: attrs.Attribute[Advies], value: Advies) -> None:
        # an advice is kept and shown: it names the family by a key, never by its BSN
        check_key("Advies.gezin_id", value.gezin_id)


def _refuse_bsn(data: object, source: Source) -> None:
    # before structuring, so that a BSN written as a number is not repeated in a
    # "must be text" message, and the field is named as the file names it
    advies = data.get("advies") if isinstance(data, Mapping) else None
    if isinstance(advies, Mapping) and value_looks_like_bsn(advies.get("gezin_id")):
        raise FileFormatError(source, "advies.gezin_id", BSN_PROBLEM)


def loads_advice(
    text: str | bytes, format: Format = "json", *, source: Source = None
) -> AdviceCheck:
    """The advice in the text of an advice document."""
    data = loads_document(text, format, source=source)
    _refuse_bsn(data, source)
    return structure(data, AdviceCheck, source=source, format=format)


def read_advice(path: str | os.PathLike[str]) -> AdviceCheck:
    """The advice in the file ``path`` (``.json`` or ``.toml``)."""
    data, format = load_document(path)
    _refuse_bsn(data, path)
    return structure(data, AdviceCheck, source=path, format=format)


def dumps_advice(check: AdviceCheck, format: Format = "json") -> str:
    """An advice document as text."""
    return dumps_document(unstructure(check, format), format)
