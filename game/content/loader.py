"""Loading a scenario: find, read, compose, check, convert.

Errors never escape as tracebacks: every problem becomes an ``Issue`` (inside a
``ContentError`` for the loading functions) that names the file, line, column, JSON pointer
and object, and where possible a fix.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from game.content import convert
from game.content.compose import BUILTIN_NAME, Composition, compose, compose_document
from game.content.crossref import check_references, check_scenario_settings
from game.content.electoral import check_electoral
from game.content.issues import ContentError, Issue, did_you_mean, has_errors, issue
from game.content.jsonfile import Source
from game.content.meaning import check_meaning, check_world_choices
from game.content.models import LIST_KINDS, Parts, ScenarioFile, ScenarioLayer
from game.content.mods import MAIN_FILE, discover, find_by_id, scenario_dirs
from game.content.schemaerrors import validation_issues
from game.content.semantic import check_semantics, check_translations
from game.core.rulebook import compile_rulebook
from game.core.scenario import Scenario

DEFAULT_SCENARIO = "nusantara"
KEY_CODES = frozenset({"unknown-key", "duplicate-key"})  # located at the key, not the value

__all__ = ["DEFAULT_SCENARIO", "MAIN_FILE", "Checked", "check_scenario", "find_scenario",
           "load_scenario", "load_with_document", "scenario_dirs", "scenario_from_document"]


@dataclass(slots=True)
class Checked:
    """The outcome of checking one scenario: issues, and the scenario if it can be played."""

    main: str
    issues: list[Issue] = field(default_factory=list)
    scenario: Scenario | None = None
    document: dict[str, Any] | None = None
    files: list[str] = field(default_factory=list)  # every file read, in merge order
    mods: list[str] = field(default_factory=list)  # the patch mods applied, in load order
    id: str = ""  # the scenario's id (its file's, else its folder's name), even when broken

    @property
    def errors(self) -> list[Issue]:
        """Only the errors."""
        return [i for i in self.issues if i.severity == "error"]


def find_scenario(ref: str) -> Path:
    """The main file of a scenario given by id, folder or file path."""
    path = Path(ref)
    if path.suffix == ".json" or path.exists() or os.sep in ref or "/" in ref:
        return path / MAIN_FILE if path.is_dir() else path
    found = find_by_id(ref)
    if found is not None:
        return found
    known = sorted({f.id for f in discover()})
    raise ContentError([issue("unknown-scenario",
                              f"no scenario {ref!r}{did_you_mean(ref, known)}; "
                              f"known: {', '.join(known) or 'none'}")])


def check_scenario(ref: str | Path, deep: bool = True,
                   mods: Sequence[str | Path] = ()) -> Checked:
    """Every check on one scenario (``deep``: also meaning, and building the engine's rules),
    with the patch mods ``mods`` (names or paths) stacked on it in that order.

    Never raises for bad content: everything found is in ``issues``.
    """
    try:
        main_path = find_scenario(str(ref))
    except ContentError as exc:
        return Checked(str(ref), exc.issues, id=str(ref) if "/" not in str(ref) else "")
    comp = compose(main_path, tuple(str(m) for m in mods))
    return _finish(comp, deep, main_path)


#: Warnings a player starting a career with mods must see: what the load order decided.
MOD_WARNINGS = frozenset({"mod-conflict"})


def load_scenario(ref: str = DEFAULT_SCENARIO, mods: Sequence[str | Path] = (),
                  warned: list[Issue] | None = None) -> Scenario:
    """Load, check and convert a scenario; raise ContentError listing every problem."""
    return load_with_document(ref, mods, warned)[0]


def load_with_document(ref: str = DEFAULT_SCENARIO, mods: Sequence[str | Path] = (),
                       warned: list[Issue] | None = None) -> tuple[Scenario, dict[str, Any]]:
    """The scenario and its self-contained document: one JSON object, every file merged,
    the patch mods ``mods`` applied in that order.  ``warned`` receives the conflicts
    between the mods (the later one won), for the player to be told.

    Saves embed the document so a career keeps loading when its mod changes or disappears.
    """
    checked = check_scenario(ref, deep=True, mods=mods)
    if checked.scenario is None or checked.document is None:
        raise ContentError(checked.errors or checked.issues)
    if warned is not None:
        warned.extend(i for i in checked.issues if i.code in MOD_WARNINGS)
    return checked.scenario, checked.document


def scenario_from_document(document: Any, source: str = "<embedded scenario>") -> Scenario:
    """A scenario from a self-contained document (as embedded in a save)."""
    if not isinstance(document, dict):
        raise ContentError([issue("not-an-object", "a scenario must be a JSON object",
                                  source)])
    checked = _finish(compose_document(document, source), False, None)
    if checked.scenario is None:
        raise ContentError(checked.errors or checked.issues)
    return checked.scenario


def _finish(comp: Composition, deep: bool, main_path: Path | None) -> Checked:
    files = list(dict.fromkeys(ly.source.name for ly in comp.layers))  # mods' blocks: once
    checked = Checked(comp.main, list(comp.issues), files=files,
                      mods=[mid for mid, _ in comp.mods], id=_scenario_id(comp, main_path))
    issues = checked.issues
    main = None if has_errors(issues) else _settings(comp, issues)
    if main is not None:
        issues += check_references(comp)
        issues += check_scenario_settings(main, comp)
        if not has_errors(issues):
            issues += check_electoral(comp)
        if main_path is not None and main_path.name == MAIN_FILE \
                and main.id != main_path.parent.name:
            issues.append(issue("id-mismatch", f"the scenario's id {main.id!r} differs from "
                                f"its folder's name {main_path.parent.name!r}", comp.main,
                                "/id"))
        issues += check_translations(main, comp)
        issues += check_world_choices(comp)
        if deep and not has_errors(issues):
            issues += check_semantics(main, comp)
            issues += check_meaning(main, comp)
        if not has_errors(issues):
            _build(checked, main, comp, deep)
    checked.issues = place(issues, comp.sources)
    return checked


def _scenario_id(comp: Composition, main_path: Path | None) -> str:
    for layer in comp.layers:
        if layer.source.name == comp.main and isinstance(layer.model, ScenarioLayer):
            return layer.model.id
    if main_path is None:
        return ""
    return main_path.parent.name if main_path.name == MAIN_FILE else main_path.stem


def _settings(comp: Composition, issues: list[Issue]) -> ScenarioFile | None:
    try:
        return ScenarioFile.model_validate(comp.settings)
    except ValidationError as exc:
        for found in validation_issues(exc, ScenarioFile, comp.settings, comp.main):
            key = found.pointer.split("/")[1] if found.pointer.count("/") else ""
            if key in comp.setting_patches:  # a patch set it: point at the patch
                file, base = comp.setting_patches[key]
                found = dataclasses.replace(found, file=file, pointer=base + found.pointer)
            elif key in comp.setting_files:
                found = dataclasses.replace(found, file=comp.setting_files[key])
            if found.code == "missing-key":
                key = found.pointer.strip("/")
                found = issue("missing-setting", f"the scenario needs {key!r}: set it here or "
                              "extend a scenario that sets it", comp.main)
            issues.append(found)
    return None


def _build(checked: Checked, main: ScenarioFile, comp: Composition, compile_rules: bool) -> None:
    document = _document(comp)
    digest = hashlib.sha256(json.dumps(document, sort_keys=True).encode()).hexdigest()[:16]
    lists: dict[str, Any] = {kind: [e.model for e in comp.lists[kind].values()]
                             for kind in LIST_KINDS}
    merged = Parts.model_construct(None, **lists)
    try:
        scenario = convert.scenario(main, merged, digest)
        if compile_rules:
            compile_rulebook(scenario)
    except Exception as exc:  # a bug in the engine or the checks, not the modder's fault
        checked.issues.append(issue("build-failed", f"{type(exc).__name__}: {exc}",
                                    comp.main))
        return
    checked.scenario, checked.document = scenario, document


def _document(comp: Composition) -> dict[str, Any]:
    document = dict(comp.settings)
    for kind in LIST_KINDS:
        items = [e.raw for e in comp.lists[kind].values() if e.origin.file != BUILTIN_NAME]
        if items or any(kind in layer.source.data for layer in comp.layers):
            document[kind] = items
    return document


def place(issues: list[Issue], sources: dict[str, Source]) -> list[Issue]:
    """Issues with line and column filled in from their file's text and JSON pointer."""
    placed = []
    for found in issues:
        source = sources.get(found.file)
        if source is not None and source.text and not found.line:
            line, column = source.locator.locate(found.pointer, found.code in KEY_CODES)
            found = dataclasses.replace(found, line=line, column=column)
        placed.append(found)
    return placed
