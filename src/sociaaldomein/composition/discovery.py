"""Finding plugins: entry points of the ``sociaaldomein`` group, and plain plugin specs.

Entry points are loaded one at a time, so one broken plugin is named in a
warning and skipped while the others load; ``strict=True`` raises instead.
A :class:`PluginSpec` names a plugin by import path and parameters: plain data
that pickles, so a worker process can build the same composition.
"""

from __future__ import annotations

import importlib
import inspect
import warnings
from collections.abc import Collection, Mapping
from importlib.metadata import EntryPoint, entry_points
from typing import Any

import attrs

from sociaaldomein.errors import InvalidValueError, PluginLoadError, PluginLoadWarning
from sociaaldomein.hookspecs import PROJECT_NAME

__all__ = ["LoadedPlugin", "PluginSpec", "import_target", "instantiate", "load_entry_points"]


def import_target(target: str) -> object:
    """The object ``"package.module:attr.path"`` names (the module itself without ``:``)."""
    module_name, _, attr = target.partition(":")
    try:
        obj: object = importlib.import_module(module_name)
        for part in filter(None, attr.split(".")):
            obj = getattr(obj, part)
    except (ImportError, AttributeError, ValueError) as exc:
        raise InvalidValueError("PluginSpec.target", f"cannot import {target!r}: {exc}") from None
    return obj


def instantiate(obj: object, params: Mapping[str, Any] | None = None) -> object:
    """A plugin object from what an entry point or spec names.

    A class is instantiated (with ``params``; its defaults are the letter's
    reading); a module or an instance is used as it is.
    """
    if inspect.isclass(obj):
        return obj(**(params or {}))
    if params:
        raise InvalidValueError(
            "PluginSpec.params", f"{obj!r} is not a class, so it takes no parameters"
        )
    return obj


@attrs.frozen
class PluginSpec:
    """A plugin as plain data: ``"package.module:Class"`` and its parameters.

    >>> spec = PluginSpec("sociaaldomein.hookspecs")
    >>> spec.build().__name__
    'sociaaldomein.hookspecs'
    """

    target: str
    params: Mapping[str, Any] = attrs.field(factory=dict)
    name: str | None = None

    def build(self) -> object:
        """Import the target and make the plugin object."""
        return instantiate(import_target(self.target), self.params)


@attrs.frozen
class LoadedPlugin:
    """One entry point that was loaded: its name, distribution and version, and the object."""

    name: str
    distribution: str | None
    version: str | None
    plugin: object


def _selected(ep: EntryPoint, allow: Collection[str] | None, block: Collection[str]) -> bool:
    return (allow is None or ep.name in allow) and ep.name not in block


def load_entry_points(
    *,
    allow: Collection[str] | None = None,
    block: Collection[str] = (),
    strict: bool = False,
    group: str = PROJECT_NAME,
    skipped: list[tuple[LoadedPlugin, BaseException]] | None = None,
) -> list[LoadedPlugin]:
    """Load the plugins registered under ``group``, one at a time.

    :param allow: when given, only entry points with these names load.
    :param block: entry points with these names never load.
    :param strict: raise :class:`~sociaaldomein.errors.PluginLoadError` on the
        first broken plugin instead of warning and skipping it.
    :param skipped: when given, each plugin that could not be loaded is appended
        (without its object, with the exception) instead of being warned about.
    """
    loaded: list[LoadedPlugin] = []
    for ep in sorted(entry_points(group=group), key=lambda e: e.name):
        if not _selected(ep, allow, block):
            continue
        dist = ep.dist
        name, version = (None, None) if dist is None else (dist.metadata["Name"], dist.version)
        try:
            plugin = instantiate(ep.load())
        except Exception as exc:
            if strict:
                raise PluginLoadError(ep.name, exc) from exc
            if skipped is not None:
                skipped.append((LoadedPlugin(ep.name, name, version, None), exc))
                continue
            warnings.warn(
                f"skipped plugin {ep.name!r} ({ep.value}): {type(exc).__name__}: {exc}",
                PluginLoadWarning,
                stacklevel=2,
            )
            continue
        loaded.append(LoadedPlugin(ep.name, name, version, plugin))
    return loaded
