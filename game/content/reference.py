"""The modding reference in Markdown, generated from the models (``docs/MODDING.md``).

Every field of every object, condition and effect, with its type, range, default and the
docstring written under it in the models; plus the factor sources and the issue codes.  The
generated part of ``docs/MODDING.md`` sits between two marker comments; ``update_document``
rewrites only that part, so the hand-written tutorial around it stays.
"""

from __future__ import annotations

import json
import re
from typing import Any, get_args

from game.content.compose import MAX_EXTENDS
from game.content.issues import CODES
from game.content.jsonfile import MAX_BYTES, MAX_DEPTH
from game.content.models import CONDITIONS, EFFECTS, ID_PATTERN, Strict
from game.content.schema_export import mod_schema, part_schema, scenario_schema
from game.content.validate import MAX_SEARCH_DEPTH
from game.core.rulebook import SPECIAL_SOURCES

BEGIN = "<!-- BEGIN GENERATED REFERENCE: saluran schema --docs docs/MODDING.md -->"
END = "<!-- END GENERATED REFERENCE -->"
FILES = ("ScenarioLayer", "PartFile", "ModFile", "ModBlock", "Parts", "Remove", "Patch",
         "PatchOp")
OBJECTS = ("Resource", "Track", "Channel", "Party", "Status", "Position", "Contest",
           "ScheduleModel", "Field_", "Move", "Cost", "CheckModel", "FactorModel", "Event",
           "Choice", "Persona", "ActorModel", "Calendar", "Victory")
TITLES = {"ScenarioLayer": "Scenario file", "PartFile": "Part file", "ModFile": "Mod file",
          "ModBlock": "With-mods block", "Parts": "Lists", "Remove": "Remove block",
          "Patch": "Patch block", "PatchOp": "Patch operation"}
SOURCES = {
    "party_popularity": "the popularity of the actor's party (0 without a party)",
    "incumbency": "1 when the actor holds the contest's position, else 0",
    "party_tenure": "turns in the party, reaching 1 at 20 turns",
    "nominated": "1 when the actor holds a nomination for the contest, else 0",
}


def tag_of(model: type[Strict]) -> str:
    """The ``type`` tag of a condition or effect model."""
    return str(get_args(model.model_fields["type"].annotation)[0])


def _title(name: str) -> str:
    return TITLES.get(name) or name.removesuffix("Model").rstrip("_")


def _anchor(title: str) -> str:
    return re.sub(r"[^a-z0-9_ -]", "", title.lower()).replace(" ", "-")


def _doc(text: str | None) -> str:
    return " ".join((text or "").replace("``", "`").split())


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _range(node: dict[str, Any]) -> str:
    low = node.get("minimum", node.get("exclusiveMinimum"))
    high = node.get("maximum", node.get("exclusiveMaximum"))
    if (low is None and high is None) or max(abs(low or 0), abs(high or 0)) >= 1e6:
        return ""
    return f" {_num(low)}–{_num(high)}"


def _num(value: float | None) -> str:
    return "…" if value is None else f"{value:g}"


def type_text(node: dict[str, Any]) -> str:
    """A schema node as a short human type: id, text, list of effect, number 0–1..."""
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        for models, what in ((CONDITIONS, "condition"), (EFFECTS, "effect")):
            for model in models:
                if model.__name__ == name:
                    return f"[`{tag_of(model)}` {what}](#{_anchor(f'{tag_of(model)} {what}')})"
        title = _title(name)
        return f"[{title}](#{_anchor(title)})"
    if "discriminator" in node:
        tags = set(node["discriminator"].get("mapping", {}))
        # some tags name both a condition and an effect (resource, party_popularity)
        if tags <= {tag_of(c) for c in CONDITIONS}:
            return "[condition](#conditions)"
        return "[effect](#effects)"
    if "anyOf" in node:
        kinds = [type_text(x) for x in node["anyOf"] if x.get("type") != "null"]
        text = " or ".join(kinds)
        return text + " or null" if len(kinds) < len(node["anyOf"]) else text
    if "const" in node:
        return f"`{json.dumps(node['const'])}`"
    if "enum" in node:
        return " or ".join(f"`{json.dumps(v)}`" for v in node["enum"])
    kind = node.get("type")
    if kind == "string":
        return "id" if node.get("pattern") == ID_PATTERN else \
            "path" if node.get("pattern") else "string"
    if kind == "object":
        if "patternProperties" in node:
            inner: dict[str, Any] = next(iter(node["patternProperties"].values()), {})
            if inner.get("type") == "string":
                return "[text](#texts)"
            return f"map of id to {type_text(inner)}"
        value = node.get("additionalProperties")
        return f"map of id to {type_text(value)}" if isinstance(value, dict) else "object"
    if kind == "array":
        size = ""
        if node.get("minItems") or node.get("maxItems", 1000) < 1000:
            size = f" ({node.get('minItems', 0)}–{node.get('maxItems', '…')} items)"
        return f"list of {type_text(node.get('items', {}))}{size}"
    if kind in ("number", "integer"):
        return ("number" if kind == "number" else "whole number") + _range(node)
    if kind == "boolean":
        return "true or false"
    return "any"


def _default(name: str, node: dict[str, Any], required: set[str]) -> str:
    if name in required:
        return "**required**"
    if "default" not in node or (isinstance(node["default"], dict)
                                 and len(node["default"]) > 1):
        return ""
    if node["default"] is None and "anyOf" not in node:
        return ""  # a setting inherited from the base scenario
    return f"`{json.dumps(node['default'], ensure_ascii=False)}`"


def fields_table(schema: dict[str, Any], skip: tuple[str, ...] | set[str] = ()) -> list[str]:
    """A Markdown table of a model's fields."""
    props = schema.get("properties", {})
    required = set(schema.get("required", ()))
    rows = ["| field | type | default | meaning |", "|---|---|---|---|"]
    for name, node in props.items():
        if name in skip:
            continue
        default = _cell(_default(name, node, required))
        rows.append(f"| `{name}` | {_cell(type_text(node))} | {default}"
                    f" | {_cell(_doc(node.get('description')))} |")
    return rows if len(rows) > 2 else ["(no fields besides `type`)"]


def _section(name: str, schema: dict[str, Any], lists: set[str]) -> list[str]:
    out = [f"### {_title(name)}", "", _doc(schema.get("description")), ""]
    if name in ("ScenarioLayer", "PartFile", "ModFile", "ModBlock"):
        out += [*fields_table(schema, skip=lists), "",
                "It may also hold any of the [lists](#lists) of objects.", ""]
        return out
    return [*out, *fields_table(schema), ""]


def _tagged(models: tuple[type[Strict], ...], defs: dict[str, Any], what: str) -> list[str]:
    out = []
    for model in models:
        tag = tag_of(model)
        schema = defs[model.__name__]
        out += [f"#### `{tag}` ({what})", "", _doc(schema.get("description")), "",
                *fields_table(schema, skip=("type",)), ""]
    return out


def generate() -> str:
    """The whole generated reference, between its markers."""
    top = scenario_schema()
    defs = top["$defs"]
    defs["ScenarioLayer"] = {k: v for k, v in top.items() if k != "$defs"}
    defs["PartFile"] = {k: v for k, v in part_schema().items() if k != "$defs"}
    mod = mod_schema()
    defs.update({k: v for k, v in mod["$defs"].items() if k not in defs})
    defs["ModFile"] = {k: v for k, v in mod.items() if k != "$defs"}
    out = [BEGIN, "", "## Reference", "",
           "Generated from the models by `saluran schema --docs docs/MODDING.md`; do not edit "
           "by hand.", "", "### Texts", "",
           "A text is an object from language code to string: `{\"en\": \"Mayor\", "
           "\"id\": \"Wali kota\"}`. Give every text both `en` and `id` (the validator warns "
           "otherwise).", ""]
    lists = set(defs["Parts"]["properties"])
    for name in FILES:
        out += _section(name, defs[name], lists)
    listed = set(FILES) | set(OBJECTS) | {m.__name__ for m in CONDITIONS + EFFECTS}
    extra = sorted(n for n in defs if n not in listed)
    for name in (*OBJECTS, *extra):
        out += _section(name, defs[name], lists)
    out += ["### Conditions", "",
            "A condition is an object with a `type`; lists of conditions must all hold.", ""]
    out += _tagged(CONDITIONS, defs, "condition")
    out += ["### Effects", "", "An effect is an object with a `type`; lists apply in order.", ""]
    out += _tagged(EFFECTS, defs, "effect")
    out += ["### Factor sources", "",
            "A factor's `source` is a resource id or one of these:", ""]
    out += [f"- `{s}`: {SOURCES.get(s, '')}" for s in SPECIAL_SOURCES] + [""]
    out += ["### Limits", "",
            f"- A file holds at most {MAX_BYTES} bytes (larger files are refused before being "
            f"read) and nests at most {MAX_DEPTH} levels of objects and lists.",
            f"- At most {MAX_EXTENDS} levels of `extends`; `validate` searches folders "
            f"{MAX_SEARCH_DEPTH} levels deep.",
            "- An id is `lower_snake_case`, at most 64 characters; a text at most 20000 "
            "characters per language; an actor's name at most 60; a party's `short` at most 12.",
            "- An event has at most 3 choices; lists of ids and patch blocks at most 10000 "
            "entries; a mod at most 100 `applies_to` scenarios and 100 `with_mods` blocks.",
            "- Numbers elsewhere: the ranges in the tables above (amounts within ±10⁹, weights "
            "within ±1000).",
            "- Texts hold no control characters or bidirectional overrides; line breaks and "
            "tabs only in `description`, `text` and `help`.", "",
            "### Issue codes", "",
            "| code | severity | meaning |", "|---|---|---|"]
    out += [f"| `{code}` | {sev} | {_cell(text)} |" for code, (sev, text) in CODES.items()]
    return "\n".join([*out, "", END])


def update_document(text: str) -> str:
    """``text`` with its generated part replaced (appended when the markers are missing)."""
    generated = generate()
    start, end = text.find(BEGIN), text.find(END)
    if start < 0 or end < start:
        return text.rstrip("\n") + "\n\n" + generated + "\n"
    return text[:start] + generated + text[end + len(END):]
