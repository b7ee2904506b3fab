"""JSON Schema of the scenario format, for editors (autocompletion and live errors).

Three schemas: ``scenario.schema.json`` for a scenario's main file, ``part.schema.json`` for
included files and shared bases, and ``mod.schema.json`` for a patch mod's ``mod.json``.  All
come from the pydantic models, so they never drift from what the validator accepts;
``saluran schema --out DIR`` writes them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from game.content.models import ModFile, PartFile, ScenarioLayer

DRAFT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_FILES = ("scenario.schema.json", "part.schema.json", "mod.schema.json")
#: Settings a scenario must give unless it extends another scenario.
REQUIRED_WITHOUT_EXTENDS = ("name", "description", "system", "calendar", "victory")


def scenario_schema() -> dict[str, Any]:
    """The schema of a scenario's main file."""
    schema = _with_header(ScenarioLayer.model_json_schema(by_alias=True),
                          "Saluran scenario")
    schema["if"] = {"not": {"required": ["extends"]}}
    schema["then"] = {"required": list(REQUIRED_WITHOUT_EXTENDS)}
    return schema


def part_schema() -> dict[str, Any]:
    """The schema of an included file or a shared base."""
    return _with_header(PartFile.model_json_schema(by_alias=True),
                        "Saluran scenario part")


def mod_schema() -> dict[str, Any]:
    """The schema of a patch mod's ``mod.json``."""
    return _with_header(ModFile.model_json_schema(by_alias=True), "Saluran patch mod")


def _with_header(schema: dict[str, Any], title: str) -> dict[str, Any]:
    _drop_titles(schema)
    return {"$schema": DRAFT, "title": title,
            **{k: v for k, v in schema.items() if k != "title"}}


def _drop_titles(node: Any) -> None:
    """Pydantic's per-field titles only repeat the key; editors show descriptions instead."""
    if isinstance(node, dict):
        props = node.get("properties")
        if isinstance(props, dict):
            for value in props.values():
                if isinstance(value, dict):
                    value.pop("title", None)
        for value in node.values():
            _drop_titles(value)
    elif isinstance(node, list):
        for value in node:
            _drop_titles(value)


def render(schema: dict[str, Any]) -> str:
    """A schema as the text written to disk (stable, so a test can compare it)."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def schema_texts() -> dict[str, str]:
    """File name -> text of every schema file."""
    return {SCHEMA_FILES[0]: render(scenario_schema()), SCHEMA_FILES[1]: render(part_schema()),
            SCHEMA_FILES[2]: render(mod_schema())}


def write_schemas(folder: Path) -> list[Path]:
    """Write every schema file into ``folder`` (created if needed); the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_texts().items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def stale_schemas(folder: Path) -> list[str]:
    """Schema files in ``folder`` that are missing or differ from the models."""
    stale = []
    for name, text in schema_texts().items():
        path = folder / name
        try:
            current = path.read_text(encoding="utf-8")
        except OSError:
            current = None
        if current != text:
            stale.append(name)
    return stale
