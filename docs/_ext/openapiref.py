"""The ``{openapi}`` directive: the service's OpenAPI document, rendered into the page.

The document is built while the page is built, from the service for the
installed plugins with a register (:func:`sociaaldomein.service.create_app`),
the same document the service serves at ``/api/openapi.json``; every route becomes a
section with its access, parameters, body and answers, and the schemas,
generated from the library's own types, a table.  The JSON document itself
is written next to the HTML as ``openapi.json``.

.. code-block:: markdown

    ```{openapi}
    ```
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

_ROLE = re.compile(r":[a-z]+:`~?([\w.]+)`")
_SPECIAL = re.compile(r"([\\*_{}\[\]<>()#+!|~&])")


def md(text: str) -> str:
    """``text`` as Markdown in which only backticks (code) are markup.

    A docstring's Sphinx role (``:class:`~a.b.Advies```) is shown as the code ``Advies``.
    """
    plain = _ROLE.sub(lambda m: f"`{m.group(1).rsplit('.', 1)[-1]}`", " ".join(str(text).split()))
    return _SPECIAL.sub(r"\\\1", plain)


def document() -> dict[str, Any]:
    """The OpenAPI document of the service for the installed plugins, with a register.

    The register's routes exist only when the service has one: an empty one is
    made in a temporary folder for the build (without ``sociaaldomein[register]``
    the reference shows the routes without them).
    """
    from sociaaldomein import Gemeente
    from sociaaldomein.service import create_app

    gemeente = Gemeente()
    gemeente.load_entry_points()
    with tempfile.TemporaryDirectory() as folder:
        register = None
        try:
            from sociaaldomein.register import Register
        except ImportError:
            pass
        else:
            register = Register.open(Path(folder) / "register.db", gemeente=gemeente, create=True)
        try:
            app = create_app(gemeente, register=register, web=False)
            schema: dict[str, Any] = app.openapi()
        finally:
            if register is not None:
                register.close()
    return schema


def _schema_name(schema: dict[str, Any]) -> str:
    if "$ref" in schema:
        return f"`{schema['$ref'].rsplit('/', 1)[-1]}`"
    if "oneOf" in schema:
        return " or ".join(_schema_name(s) for s in schema["oneOf"])
    kind = schema.get("type", "any")
    return f"`{kind}`" if isinstance(kind, str) else "`" + " or ".join(kind) + "`"


def _operation(method: str, path: str, op: dict[str, Any]) -> list[str]:
    lines = [f"### `{method.upper()} {path}`", "", f"**{md(op.get('summary', ''))}**", ""]
    if op.get("description"):
        lines += [md(op["description"]), ""]
    if path.startswith("/api/register/"):
        lines += ["*Only with a register* (`sociaaldomein serve --register URL`).", ""]
    if op.get("x-personal"):
        lines += [
            f"*Access*: a token whose role may `{op['x-permission']}`, for the pilots it is "
            "granted; no token or an unknown one: `401`, another role or pilot: `403`.",
            "",
        ]
    else:
        lines += ["*Access*: open; nothing in it is about a family.", ""]
    parameters = op.get("parameters", [])
    if parameters:
        lines += ["| parameter | in | required | type |", "|---|---|---|---|"]
        for p in parameters:
            schema = p.get("schema", {})
            if "anyOf" in schema:
                schema = schema["anyOf"][0]
            required = "yes" if p.get("required") else "no"
            lines.append(f"| `{p['name']}` | {p['in']} | {required} | {_schema_name(schema)} |")
        lines.append("")
    body = op.get("requestBody")
    if body:
        kinds = ", ".join(f"`{k}`" for k in body["content"])
        schema = body["content"]["application/json"]["schema"]
        lines += [f"*Body* ({kinds}): {_schema_name(schema)}", ""]
    answers = []
    for status, answer in op.get("responses", {}).items():
        content = answer.get("content", {}).get("application/json", {})
        shape = f" {_schema_name(content['schema'])}" if content.get("schema") else ""
        answers.append(f"`{status}`{shape} {md(answer.get('description', ''))}".rstrip())
    if answers:
        lines += ["*Answers*: " + "; ".join(answers) + ".", ""]
    return lines


def render(doc: dict[str, Any]) -> str:
    """The document as Markdown: one section per route, then the schemas."""
    lines = [md(doc["info"]["description"]), ""]
    for path, item in doc["paths"].items():
        for method, op in item.items():
            lines += _operation(method, path, op)
    lines += ["### Schemas", "", "| schema | what it is |", "|---|---|"]
    for name, schema in doc["components"]["schemas"].items():
        about = str(schema.get("description", "")).split(". ")[0]
        lines.append(f"| `{name}` | {md(about)} |")
    lines.append("")
    return "\n".join(lines)


class OpenApiDirective(SphinxDirective):
    """Render the OpenAPI document of the service (no arguments, no content)."""

    has_content = False
    option_spec: ClassVar[dict[str, Any]] = {}

    def run(self) -> list[nodes.Node]:
        self.env.note_reread()  # the document follows the installed plugins, not the page
        text = render(document())
        holder = nodes.container()
        lines = StringList(text.splitlines(), source="<openapi>")
        self.state.nested_parse(lines, self.content_offset, holder, match_titles=True)
        return list(holder.children)


def _write_json(app: Sphinx, exception: Exception | None) -> None:
    if exception is None and app.builder.format == "html":
        target = Path(app.outdir) / "openapi.json"
        target.write_text(json.dumps(document(), indent=2), encoding="utf-8")


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the directive and the JSON file."""
    app.add_directive("openapi", OpenApiDirective)
    app.connect("build-finished", _write_json)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
