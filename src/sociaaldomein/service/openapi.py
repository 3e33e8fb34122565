"""The OpenAPI document, its schemas taken from the library's own JSON Schemas.

FastAPI describes the routes; the bodies and answers are described by
:mod:`sociaaldomein.io.schema`, generated from the same attrs classes the
cattrs converters read and write, so the document cannot drift from what the
service accepts.  Each schema's ``$defs`` become ``components/schemas``
(OpenAPI 3.1 is JSON Schema 2020-12), and routes refer to them by name.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from sociaaldomein.composition.overview import FundingRow
from sociaaldomein.domain.escalatie import Escalatieladder
from sociaaldomein.domain.mandaat import Advies, AdviesOordeel, Mandaat
from sociaaldomein.domain.pilot import Pilot
from sociaaldomein.domain.verdict import Assessment
from sociaaldomein.io.schema import advice_schema, family_schema, scenario_schema, schema_of

__all__ = ["SECURITY_SCHEME", "body", "components", "english_schema", "ref", "reply"]

SECURITY_SCHEME: Final = "token"

_ROOTS: Final[dict[str, Callable[[], dict[str, Any]]]] = {
    "FamilyFile": family_schema,
    "ScenarioFile": scenario_schema,
    "AdviceFile": advice_schema,
}
_CLASSES: Final[tuple[type, ...]] = (
    Assessment,
    Pilot,
    Mandaat,
    Escalatieladder,
    Advies,
    AdviesOordeel,
    FundingRow,
)
_AS_WRITTEN: Final[tuple[type, ...]] = (Pilot,)
"""Classes an answer holds as the converters write them; the others under English keys."""
_ANSWER_NAMES: Final[dict[type, str]] = {Advies: "Advice"}
"""The component of an answer class whose name an input file's schema has taken
(``AdviceFile`` holds ``Advies`` with its Dutch fields, the answer the same in English)."""


def english_schema(node: Any) -> Any:
    """A JSON Schema with the property names of the command line's English keys.

    The answers are written with English keys (:mod:`sociaaldomein.cli.keys`), so the
    schema of a class they hold names its fields the same way.
    """
    from sociaaldomein.cli.keys import ENGLISH

    if isinstance(node, dict):
        out: dict[str, Any] = {}
        for key, value in node.items():
            if key == "properties" and isinstance(value, dict):
                out[key] = {ENGLISH.get(k, k): english_schema(v) for k, v in value.items()}
            elif key == "required" and isinstance(value, list):
                out[key] = [ENGLISH.get(k, k) if isinstance(k, str) else k for k in value]
            else:
                out[key] = english_schema(value)
        return out
    if isinstance(node, list):
        return [english_schema(v) for v in node]
    return node


def ref(name: str) -> dict[str, str]:
    """A reference to the component schema ``name``."""
    return {"$ref": f"#/components/schemas/{name}"}


def _relinked(node: Any) -> Any:
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str) and value.startswith("#/$defs/"):
                out[key] = "#/components/schemas/" + value.removeprefix("#/$defs/")
            else:
                out[key] = _relinked(value)
        return out
    if isinstance(node, list):
        return [_relinked(v) for v in node]
    return node


def _own(name: str, schema: dict[str, Any]) -> dict[str, Any]:
    """A whole schema as one component: its ``$defs`` lifted out, its references relinked."""
    root = {k: v for k, v in schema.items() if k not in ("$schema", "$defs")}
    return {name: _relinked(root), **_relinked(schema.get("$defs", {}))}


def components() -> dict[str, dict[str, Any]]:
    """Every component schema: the three file formats, the answers, and what they refer to."""
    out: dict[str, dict[str, Any]] = {}
    for name, build in _ROOTS.items():
        out.update(_own(name, build()))
    for cl in _CLASSES:
        schema = schema_of(cl, title=cl.__name__)
        if cl not in _AS_WRITTEN:
            schema = english_schema(schema)
        for name, part in _own(_ANSWER_NAMES.get(cl, cl.__name__), schema).items():
            out.setdefault(name, part)
    out.update(_SHAPES)
    return dict(sorted(out.items()))


def body(*names: str, toml: bool = True) -> dict[str, Any]:
    """``openapi_extra`` for a route whose JSON (or TOML) body is a component of ``names``."""
    schema = ref(names[0]) if len(names) == 1 else {"oneOf": [ref(n) for n in names]}
    content: dict[str, Any] = {"application/json": {"schema": schema}}
    if toml:
        content["application/toml"] = {"schema": {"type": "string"}}
    return {"requestBody": {"required": True, "content": content}}


def reply(name: str, description: str) -> dict[int | str, dict[str, Any]]:
    """``responses`` for a route whose JSON answer is the component ``name``."""
    return {
        200: {"description": description, "content": {"application/json": {"schema": ref(name)}}}
    }


def _money_map() -> dict[str, Any]:
    return {"type": "object", "additionalProperties": {"type": "string"}}


# The envelopes of the answers (as the command line's --json prints them), around the
# library's own classes above.
_ERROR: Final = {
    "type": "object",
    "properties": {
        "kind": {"type": "string"},
        "message": {"type": "string"},
        "field": {"type": ["string", "null"]},
        "source": {"type": "object", "description": "the citation of the rule that refused"},
    },
    "required": ["kind", "message"],
}
_SHAPES: Final[dict[str, dict[str, Any]]] = {
    "Error": {
        "type": "object",
        "properties": {"error": _ERROR, "errors": {"type": "array", "items": _ERROR}},
        "required": ["error"],
    },
    "AssessmentList": {
        "type": "object",
        "properties": {
            "on": {"type": "string", "format": "date"},
            "assessments": {"type": "array", "items": ref("Assessment")},
        },
        "required": ["on", "assessments"],
    },
    "PluginList": {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {
                "name": {"type": "string"},
                "distribution": {"type": ["string", "null"]},
                "version": {"type": ["string", "null"]},
                "hooks": {"type": "array", "items": {"type": "string"}},
                "pilots": {"type": "array", "items": {"type": "string"}},
                "changes": {"type": "array", "items": {"type": "object"}},
                "failures": {"type": "array", "items": {"type": "object"}},
            },
        },
    },
    "PilotSummary": {
        "type": "object",
        "properties": {
            "name": {"type": "string"},
            "title": {"type": "string"},
            "status": {"type": "string"},
            "provided_by": {"type": "string"},
            "failed": {"type": ["string", "null"]},
        },
    },
    "PilotList": {"type": "array", "items": ref("PilotSummary")},
    "PilotPage": {
        "type": "object",
        "properties": {
            "name": {"type": "string"},
            "pilot": ref("Pilot"),
            "status_on": {"type": "string"},
            "rules": {"type": "string", "description": "the eligibility rule as Markdown"},
            "funding": {"type": "array", "items": ref("FundingRow")},
            "provided_by": {"type": "string"},
        },
    },
    "FundingOverviewJson": {
        "type": "object",
        "properties": {
            "years": {"type": ["array", "null"], "items": {"type": "integer"}},
            "rows": {"type": "array", "items": ref("FundingRow")},
            "parts": {"type": "object"},
            "total": {"type": "string"},
            "per_pilot": _money_map(),
            "per_year": _money_map(),
            "per_funder": _money_map(),
            "failed": {"type": "array", "items": {"type": "object"}},
        },
    },
    "MandateAnswer": {
        "type": "object",
        "properties": {
            "pilot": {"type": "string"},
            "mandate": {"anyOf": [ref("Mandaat"), {"type": "null"}]},
            "escalation_ladder": {"anyOf": [ref("Escalatieladder"), {"type": "null"}]},
        },
    },
    "AdviceAnswer": {
        "type": "object",
        "properties": {
            "pilot": {"type": "string"},
            "advice": ref("Advice"),
            "selected": {"type": "boolean"},
            "verdict": ref("AdviesOordeel"),
            "binds": {"type": "boolean"},
        },
    },
    "Job": {
        "type": "object",
        "properties": {
            "id": {"type": "string"},
            "status": {"enum": ["queued", "running", "done", "failed"]},
            "runs": {"type": "integer"},
            "pilots": {"type": "array", "items": {"type": "string"}},
            "created": {"type": "string", "format": "date-time"},
            "error": {"type": ["string", "null"]},
            "warnings": {"type": "array", "items": {"type": "string"}},
        },
    },
    "JobResults": {
        "type": "object",
        "description": "The summary of a finished simulation: one row per pilot and figure "
        "(floats: an analyst's table, not money the library computes with).",
        "properties": {
            "id": {"type": "string"},
            "summary": {"type": "array", "items": {"type": "object"}},
        },
    },
}
