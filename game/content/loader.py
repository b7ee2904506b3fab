"""Loading a scenario from JSON: read, validate, merge includes, cross-check, convert.

Errors never escape as tracebacks: every problem becomes an ``Issue`` inside a
``ContentError`` that names the file, the JSON pointer and, where possible, a fix.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from game.content import convert
from game.content.crossref import LIST_KINDS, check_references, check_scenario_settings
from game.content.issues import ContentError, Issue, did_you_mean
from game.content.jsonfile import read_json
from game.content.models import PartFile, Parts, ScenarioFile
from game.core.scenario import Scenario

DEFAULT_SCENARIO = "nusantara"
MAIN_FILE = "scenario.json"
BUILTIN_PERSONAS = Path(__file__).with_name("personas.json")
SCENARIOS_ENV = "SALURAN_SCENARIOS"


def scenario_dirs() -> list[Path]:
    """Folders searched for scenarios: $SALURAN_SCENARIOS entries, then the shipped ones."""
    found = [Path(p) for p in os.environ.get(SCENARIOS_ENV, "").split(os.pathsep) if p]
    found.append(Path(__file__).resolve().parents[2] / "scenarios")
    return found


def find_scenario(ref: str) -> Path:
    """The main file of a scenario given by id, folder or file path."""
    path = Path(ref)
    if path.suffix == ".json" or path.exists() or os.sep in ref or "/" in ref:
        return path / MAIN_FILE if path.is_dir() else path
    known: list[str] = []
    for folder in scenario_dirs():
        for main in sorted(folder.glob(f"*/{MAIN_FILE}")):
            known.append(main.parent.name)
            if main.parent.name == ref:
                return main
    raise ContentError([Issue("unknown-scenario", "error",
                              f"no scenario {ref!r}{did_you_mean(ref, known)}; "
                              f"known: {', '.join(sorted(known)) or 'none'}")])


def _validation_issues(exc: ValidationError, file: str, object_ids: list[str]) -> list[Issue]:
    issues = []
    for err in exc.errors():
        loc = err.get("loc", ())
        pointer = "".join(f"/{part}" for part in loc)
        obj = ""
        if len(loc) >= 2 and loc[0] in LIST_KINDS and isinstance(loc[1], int):
            obj = f"{loc[0]}[{loc[1]}]"
        code = "unknown-key" if err["type"] == "extra_forbidden" else "schema"
        issues.append(Issue(code, "error", err["msg"], file, pointer=pointer, object_id=obj))
    return issues


def _parse(model: type[BaseModel], data: Any, file: str) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise ContentError(_validation_issues(exc, file, [])) from None
    except RecursionError:
        raise ContentError([Issue("too-deep", "error", "nested too deeply", file)]) from None


def _include_path(folder: Path, name: str, file: str) -> Path:
    path = (folder / name).resolve()
    if not path.is_relative_to(folder.resolve()):
        raise ContentError([Issue("include-outside", "error",
                                  f"include {name!r} leaves the scenario folder", file,
                                  pointer="/include")])
    return path


def load_scenario(ref: str = DEFAULT_SCENARIO) -> Scenario:
    """Load, check and convert a scenario; raise ContentError listing every problem."""
    return load_with_document(ref)[0]


def load_with_document(ref: str = DEFAULT_SCENARIO) -> tuple[Scenario, dict[str, Any]]:
    """The scenario and its self-contained document: one JSON object, includes merged in.

    Saves embed the document so a career keeps loading when its mod changes or disappears.
    """
    main_path = find_scenario(ref)
    raw_main = read_json(main_path)
    if not isinstance(raw_main, dict):
        raise ContentError([Issue("wrong-type", "error", "a scenario file must be a JSON object",
                                  str(main_path))])
    main: ScenarioFile = _parse(ScenarioFile, raw_main, str(main_path))
    parts: list[tuple[str, Parts]] = [(str(main_path), main)]
    raws: list[Any] = [raw_main]
    issues: list[Issue] = []
    for name in main.include:
        path = _include_path(main_path.parent, name, str(main_path))
        try:
            raw = read_json(path)
            if not isinstance(raw, dict):
                raise ContentError([Issue("wrong-type", "error", "must be a JSON object",
                                          str(path))])
            parts.append((str(path), _parse(PartFile, raw, str(path))))
            raws.append(raw)
        except ContentError as exc:
            issues.extend(exc.issues)
    if issues:
        raise ContentError(issues)
    return _finish(main, parts, raws)


def _finish(
    main: ScenarioFile, parts: list[tuple[str, Parts]], raws: list[Any]
) -> tuple[Scenario, dict[str, Any]]:
    builtin: PartFile = _parse(PartFile, read_json(BUILTIN_PERSONAS), str(BUILTIN_PERSONAS))
    merged, origin = merge(parts, builtin)
    issues = check_references(merged, origin, str(BUILTIN_PERSONAS))
    issues += check_scenario_settings(main, merged)
    if any(i.severity == "error" for i in issues):
        raise ContentError(issues)
    document = _document(raws)
    digest = hashlib.sha256(json.dumps(document, sort_keys=True).encode()).hexdigest()[:16]
    return convert.scenario(main, merged, digest), document


def _document(raws: list[Any]) -> dict[str, Any]:
    document = {k: v for k, v in raws[0].items() if k not in ("include", "$schema")}
    for raw in raws[1:]:
        for kind in LIST_KINDS:
            if kind in raw:
                document[kind] = [*document.get(kind, []), *raw[kind]]
    return document


def scenario_from_document(document: Any, source: str = "<embedded scenario>") -> Scenario:
    """A scenario from a self-contained document (as embedded in a save)."""
    if not isinstance(document, dict):
        raise ContentError([Issue("wrong-type", "error", "a scenario must be a JSON object",
                                  source)])
    main: ScenarioFile = _parse(ScenarioFile, document, source)
    if main.include:
        raise ContentError([Issue("include-in-document", "error",
                                  "an embedded scenario cannot include files", source)])
    return _finish(main, [(source, main)], [document])[0]


def merge(
    parts: list[tuple[str, Parts]], builtin: Parts
) -> tuple[Parts, dict[tuple[str, int], str]]:
    """Concatenate every list of every file; remember which file each object came from.

    Built-in personas come first unless the scenario defines one with the same id.
    """
    lists: dict[str, list[Any]] = {kind: [] for kind in LIST_KINDS}
    origin: dict[tuple[str, int], str] = {}
    own = {p.id for _, part in parts for p in part.personas}
    for persona in builtin.personas:
        if persona.id not in own:
            origin[("personas", len(lists["personas"]))] = str(BUILTIN_PERSONAS)
            lists["personas"].append(persona)
    for file, part in parts:
        for kind in LIST_KINDS:
            for obj in getattr(part, kind):
                origin[(kind, len(lists[kind]))] = file
                lists[kind].append(obj)
    return Parts(**lists), origin
