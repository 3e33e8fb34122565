"""Who answered: the plugin behind every answer, the policies that changed it, and failures.

Every answer of a compiled pilot keeps its :class:`Provenance`: the plugin that
gave it and, in the order they were applied, the policies that changed it.  A
plugin that fails when it is called becomes a :class:`PluginFailure`, a value
that the pilots it concerns carry instead of an answer, so that the failure
stays where it happened.

>>> ref = PluginRef("gezinsverzorger", "sociaaldomein-gezinsverzorger", "0.1.0")
>>> str(ref)
"'gezinsverzorger' (sociaaldomein-gezinsverzorger 0.1.0)"
>>> print(Provenance(ref, (PluginRef("krachtwijken"),)).render())
from plugin 'gezinsverzorger' (sociaaldomein-gezinsverzorger 0.1.0), changed by 'krachtwijken'
"""

from __future__ import annotations

import attrs

__all__ = ["PluginFailure", "PluginRef", "Provenance"]


@attrs.frozen
class PluginRef:
    """A registered plugin as people and tools name it: its name, distribution and version.

    ``distribution`` and ``version`` are ``None`` for a plugin that is not part
    of an installed distribution (one defined in a notebook or a test).
    """

    name: str
    distribution: str | None = None
    version: str | None = None

    def __str__(self) -> str:
        installed = " ".join(v for v in (self.distribution, self.version) if v)
        return f"{self.name!r}" + (f" ({installed})" if installed else "")


@attrs.frozen
class Provenance:
    """Where one answer comes from: the plugin that gave it and the policies that changed it.

    ``changed_by`` lists the policies in the order their changes were applied
    (the innermost wrapper first).
    """

    given_by: PluginRef
    changed_by: tuple[PluginRef, ...] = ()

    def render(self) -> str:
        """One line: ``from plugin 'x' (dist 1.0), changed by 'policy'``."""
        text = f"from plugin {self.given_by}"
        if self.changed_by:
            text += ", changed by " + ", then ".join(str(p) for p in self.changed_by)
        return text

    def merge(self, other: Provenance) -> Provenance:
        """This provenance with the changes of ``other`` added (once each, in order)."""
        changed = list(self.changed_by)
        changed += [p for p in other.changed_by if p not in changed]
        return Provenance(self.given_by, tuple(changed))


@attrs.frozen
class PluginFailure:
    """A plugin failed when it was called: which plugin, in which call, about which pilot.

    ``call`` is the hook or the pilot method that failed (``sociaaldomein_pilots``,
    ``eligibility()``); ``error`` the exception's type and message; ``pilot``
    the pilot asked about, when there was one.  ``details`` holds the
    traceback for those who debug the plugin; it is not part of the value.
    """

    plugin: PluginRef
    call: str
    error: str
    pilot: str | None = None
    details: str = attrs.field(default="", eq=False, repr=False)

    def message(self) -> str:
        """What failed, in one line."""
        about = f" for pilot {self.pilot!r}" if self.pilot else ""
        return f"plugin {self.plugin} failed in {self.call}{about}: {self.error}"

    def advice(self) -> str:
        """What to do about it: which distribution to fix or uninstall, or how to leave it out."""
        fix = (
            f"fix or uninstall the distribution {self.plugin.distribution}"
            if self.plugin.distribution
            else f"fix the plugin {self.plugin.name!r}"
        )
        return f"{fix}, or leave it out with --no-plugin {self.plugin.name}"

    def __str__(self) -> str:
        return self.message()
