"""Package data: the files ``sociaaldomein new-plugin`` fills in (``plugin/``, ``*.tmpl``).

The templates are text with ``$name``-style placeholders (:class:`string.Template`),
not Python modules of this package: nothing here is imported or linted as code.
"""
