"""Old names that keep working, with a warning that says what to change.

Release 0.2 gave the plugins and the core one English naming scheme.  An old
spelling keeps working until 0.3, and each use warns with a
:class:`DeprecationWarning` that names the new spelling.  Plugin authors can
rename their own parameters and module names the same way:

>>> import warnings
>>> @renamed_parameters(naam="name")
... def make(name: str = "pilot") -> str:
...     return name
>>> with warnings.catch_warnings(record=True) as caught:
...     warnings.simplefilter("always")
...     make(naam="x")
'x'
>>> print(caught[0].message)
make(naam=...): naam= is renamed name=; pass name= instead (naam= works until sociaaldomein 0.3)

A module renames a function or constant with a module ``__getattr__``::

    def __getattr__(name: str) -> object:
        return renamed_attribute(__name__, name, {"BRIEF": "LETTER"})
"""

from __future__ import annotations

import functools
import sys
import warnings
from collections.abc import Callable, Mapping
from typing import ParamSpec, TypeVar

from sociaaldomein.errors import InvalidValueError

__all__ = ["REMOVED_IN", "renamed_attribute", "renamed_parameters"]

REMOVED_IN = "0.3"
"""The release that drops the old spellings of 0.1."""

P = ParamSpec("P")
R = TypeVar("R")


def renamed_parameters(**renames: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Decorator: accept each old keyword (``old="new"``) with a :class:`DeprecationWarning`.

    The function keeps its new signature; a call with the old keyword warns and
    passes the value on under the new one.  Passing both is refused with an
    :class:`~sociaaldomein.InvalidValueError` naming both.
    """

    def decorate(function: Callable[P, R]) -> Callable[P, R]:
        owner = _owner(function)

        @functools.wraps(function)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            for old, new in renames.items():
                if old not in kwargs:
                    continue
                if new in kwargs:
                    raise InvalidValueError(
                        f"{owner}.{new}",
                        f"given twice, as {new}= and as its old spelling {old}=; drop {old}=",
                    )
                warnings.warn(
                    f"{owner}({old}=...): {old}= is renamed {new}=; pass {new}= instead "
                    f"({old}= works until sociaaldomein {REMOVED_IN})",
                    DeprecationWarning,
                    stacklevel=2,
                )
                kwargs[new] = kwargs.pop(old)
            return function(*args, **kwargs)

        return wrapper

    return decorate


def renamed_attribute(module: str, name: str, renames: Mapping[str, str]) -> object:
    """The body of a module ``__getattr__``: an old name warns and gives the new one.

    ``renames`` maps each old name of ``module`` to its new name.  Any other
    name raises the :class:`AttributeError` Python expects from ``__getattr__``.
    """
    new = renames.get(name)
    if new is None:
        raise AttributeError(f"module {module!r} has no attribute {name!r}")
    warnings.warn(
        f"{module}.{name} is renamed {new}; use {module}.{new} instead "
        f"(the old name works until sociaaldomein {REMOVED_IN})",
        DeprecationWarning,
        stacklevel=3,
    )
    value: object = getattr(sys.modules[module], new)
    return value


def _owner(function: Callable[..., object]) -> str:
    # "HoogkerkPilot" reads better than "HoogkerkPilot.__init__" in a call.
    qualname = getattr(function, "__qualname__", repr(function))
    return qualname.removesuffix(".__init__")
