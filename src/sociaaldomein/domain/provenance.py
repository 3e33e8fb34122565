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

from sociaaldomein.i18n import _

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

    def render(self, language: str | None = None) -> str:
        """One line: ``from plugin 'x' (dist 1.0), changed by 'policy'`` (in ``language``)."""
        if not self.changed_by:
            return _("from plugin {plugin}", plugin=str(self.given_by)).render(language)
        return _(
            "from plugin {plugin}, changed by {policies}",
            plugin=str(self.given_by),
            policies=_(", then ").render(language).join(str(p) for p in self.changed_by),
        ).render(language)

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
        if self.pilot:
            return _(
                "plugin {plugin} failed in {call} for pilot {pilot}: {error}",
                plugin=str(self.plugin),
                call=self.call,
                pilot=repr(self.pilot),
                error=self.error,
            )
        return _(
            "plugin {plugin} failed in {call}: {error}",
            plugin=str(self.plugin),
            call=self.call,
            error=self.error,
        )

    def advice(self) -> str:
        """What to do about it: which distribution to fix or uninstall, or how to leave it out."""
        if self.plugin.distribution:
            return _(
                "fix or uninstall the distribution {distribution}, "
                "or leave it out with --no-plugin {name}",
                distribution=self.plugin.distribution,
                name=self.plugin.name,
            )
        return _(
            "fix the plugin {plugin}, or leave it out with --no-plugin {name}",
            plugin=repr(self.plugin.name),
            name=self.plugin.name,
        )

    def __str__(self) -> str:
        return self.message()
