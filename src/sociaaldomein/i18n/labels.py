"""Labels of enum members in the languages a person reads.

A reason shows ``found: overname van het huishouden``, not the constant
``OVERNAME_HUISHOUDEN``.  Each enum gets English labels (the message ids, with
the enum's name as their context) registered with :func:`register_labels`;
the catalogues translate them.  The library's own enums are registered here;
a plugin registers its own enums with its own domain.

>>> from sociaaldomein import Hulpvraag
>>> label(Hulpvraag.OVERNAME_HUISHOUDEN, "nl")
'overname van het huishouden'
>>> label(Hulpvraag.OVERNAME_HUISHOUDEN, "en")
'taking over the household'

An enum without labels shows its value if that is text, else its name.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Mapping
from typing import TYPE_CHECKING

from sociaaldomein.i18n.catalogue import CORE_DOMAIN
from sociaaldomein.i18n.language import Language
from sociaaldomein.i18n.messages import Bericht

if TYPE_CHECKING:
    from sociaaldomein.domain.vocabulary import Term

__all__ = ["label", "labelled", "labelled_enums", "register_labels", "unlabelled"]

_REGISTERED: dict[type[enum.Enum], tuple[str, dict[str, str]]] = {}


def register_labels(
    enum_type: type[enum.Enum], labels: Mapping[enum.Enum, str], *, domain: str = CORE_DOMAIN
) -> None:
    """Give the members of ``enum_type`` English labels, translated in ``domain``.

    A member without one shows its value; :func:`unlabelled` lists those, and
    the catalogue test fails on them, so that a new member is noticed.
    """
    _REGISTERED[enum_type] = (domain, {m.name: text for m, text in labels.items()})


def labelled_enums() -> dict[type[enum.Enum], str]:
    """Every enum with labels, and the domain that translates them."""
    _core()
    return {kind: domain for kind, (domain, _) in _REGISTERED.items()}


def unlabelled() -> list[str]:
    """Every member of a registered enum that has no label (``Enum.MEMBER``)."""
    _core()
    return [
        f"{kind.__name__}.{member.name}"
        for kind, (_, texts) in _REGISTERED.items()
        for member in kind
        if member.name not in texts
    ]


def labelled(member: enum.Enum | Term) -> Bericht:
    """The label of ``member`` as a message, rendered in whichever language is asked.

    A term a plugin declares (:class:`~sociaaldomein.domain.vocabulary.Term`) is
    its label, in the letter's words, in every language.
    """
    if not isinstance(member, enum.Enum):
        return Bericht(member.label, domain="")
    _core()
    kind = type(member)
    domain, texts = _REGISTERED.get(kind, ("", {}))
    if member.name in texts:
        return Bericht(texts[member.name], context=kind.__name__, domain=domain)
    return Bericht(member.value if isinstance(member.value, str) else member.name, domain="")


def label(member: enum.Enum | Term, language: Language | None = None) -> str:
    """The label of ``member`` in ``language`` (default: English, the message id)."""
    made = labelled(member)
    return str.__str__(made) if language is None else made.render(language)


@functools.cache
def _core() -> None:
    # Imported here: the domain imports this package, not the other way round.
    from sociaaldomein.i18n import core_labels

    core_labels.register()
