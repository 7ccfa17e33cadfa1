"""Fill a document's optional keys with their defaults, as a full export writes them.

Driven by the shared version 2 schema itself (a key's ``default``; else null where the
schema allows null; else an empty list), not by the code under test.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

V2_SCHEMA = Path(__file__).resolve().parents[1] / "data" / "meeting.v2.schema.json"


def with_defaults(doc: dict[str, Any]) -> dict[str, Any]:
    """The document (version 1 or 2) as a version 2 export writes it: every key present."""
    schema = json.loads(V2_SCHEMA.read_text())
    d = copy.deepcopy(doc)
    d["format"] = "scrutiny-minutes/2"
    _fill(d, schema, schema)
    return d


def _resolve(sch: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in sch:
        name = sch["$ref"].split("/")[-1]
        sch = {**root["$defs"][name], **{k: v for k, v in sch.items() if k != "$ref"}}
    return sch


def _nullable(sch: dict[str, Any], root: dict[str, Any]) -> bool:
    sch = _resolve(sch, root)
    kinds = sch.get("type")
    if kinds == "null" or (isinstance(kinds, list) and "null" in kinds):
        return True
    if None in sch.get("enum", []):
        return True
    return any(_nullable(alt, root) for alt in sch.get("oneOf", []) + sch.get("anyOf", []))


def _is_array(sch: dict[str, Any], root: dict[str, Any]) -> bool:
    kinds = _resolve(sch, root).get("type")
    return kinds == "array" or (isinstance(kinds, list) and "array" in kinds)


def _fill(value: Any, sch: dict[str, Any], root: dict[str, Any]) -> None:
    sch = _resolve(sch, root)
    if isinstance(value, dict):
        if "properties" not in sch and "oneOf" in sch:
            # A body block: the alternative whose required key is present.
            sch = next(
                _resolve(alt, root)
                for alt in sch["oneOf"]
                if set(_resolve(alt, root).get("required", [])) <= set(value)
                and _resolve(alt, root).get("type") == "object"
            )
        for key, prop in sch.get("properties", {}).items():
            if key not in value:
                resolved = _resolve(prop, root)
                if "default" in resolved:
                    value[key] = copy.deepcopy(resolved["default"])
                elif _nullable(prop, root):
                    value[key] = None
                elif _is_array(prop, root):
                    value[key] = []
            if key in value and value[key] is not None:
                _fill(value[key], prop, root)
    elif isinstance(value, list) and "items" in sch:
        for v in value:
            _fill(v, sch["items"], root)
