"""A plugin registered for the duration of one block, and the type of that fixture."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Protocol

from sociaaldomein.composition.gemeente import Gemeente

__all__ = ["Registered", "registered_plugin"]


@contextlib.contextmanager
def registered_plugin(gemeente: Gemeente, plugin: object, name: str | None = None) -> Iterator[str]:
    """Register ``plugin`` for the duration of a ``with`` block; removed again in ``finally``."""
    registered_name = gemeente.register(plugin, name)
    try:
        yield registered_name
    finally:
        gemeente.unregister(registered_name)


class Registered(Protocol):
    """The type of the ``registered`` fixture (:func:`registered_plugin`), for annotations.

    .. code-block:: python

        def test_my_pilot(gemeente: Gemeente, registered: Registered) -> None:
            with registered(gemeente, MyPilot()):
                ...
    """

    def __call__(
        self, gemeente: Gemeente, plugin: object, name: str | None = None
    ) -> contextlib.AbstractContextManager[str]:
        """Register ``plugin`` in ``gemeente`` for one ``with`` block."""
        ...
