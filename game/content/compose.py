"""Composing a scenario from files: ``extends``, ``include``, ``replace`` and ``remove``.

Files are read in merge order: a file's base (``extends``, recursively) first, then the file,
then its includes.  Each file (a layer) first removes, then replaces (by id, the whole
object), then adds objects; a scenario layer's settings override its base's.  Every merged
object keeps its provenance (file and JSON pointer) so that later checks point at the line
that defined it.  Nothing here raises: problems become issues.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from game.content import mods
from game.content.issues import ContentError, Issue, did_you_mean, issue
from game.content.jsonfile import Source, read_source
from game.content.models import ID_PATTERN, LIST_KINDS, SETTINGS, Layer, PartFile, ScenarioLayer
from game.content.schemaerrors import validation_issues

BUILTIN_PERSONAS = Path(__file__).with_name("personas.json")
BUILTIN_NAME = "<built-in personas>"
MAX_EXTENDS = 16
SINGULAR = {"resources": "resource", "tracks": "track", "channels": "channel",
            "parties": "party", "statuses": "status", "positions": "position",
            "contests": "contest", "moves": "move", "events": "event", "personas": "persona",
            "actors": "actor"}


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a merged object was defined: file, JSON pointer, and what it replaced."""

    file: str
    pointer: str
    replaced: str = ""  # the file whose object of the same id this one replaced


@dataclass(slots=True)
class Entry:
    """A merged object: its model, its JSON as written and its origin."""

    model: Any
    raw: dict[str, Any]
    origin: Origin


@dataclass(slots=True)
class LayerFile:
    """One file read and validated, in merge order."""

    source: Source
    model: Layer
    scenario: bool  # a scenario layer (settings) rather than a part


@dataclass(slots=True)
class Composition:
    """Every file of a scenario merged, with provenance and the issues found."""

    main: str
    layers: list[LayerFile] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)
    setting_files: dict[str, str] = field(default_factory=dict)
    lists: dict[str, dict[str, Entry]] = field(
        default_factory=lambda: {kind: {} for kind in LIST_KINDS})
    removed: dict[tuple[str, str], Origin] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)  # every file read, by name


def display(path: Path) -> str:
    """A path as reported: relative to the working folder when inside it."""
    try:
        return str(mods.resolved(path).relative_to(mods.resolved(Path.cwd())))
    except (ValueError, OSError):
        return str(path)


class _Reader:
    """Reads a scenario's files depth first, in merge order."""

    def __init__(self, comp: Composition) -> None:
        self.comp = comp
        self.done: set[str] = set()

    def visit(self, path: Path, role: str, root: Path, ref: tuple[str, str] | None,
              stack: tuple[str, ...]) -> None:
        key = str(mods.resolved(path))
        if key in stack:
            chain = " -> ".join(display(Path(p)) for p in (*stack[stack.index(key):], key))
            self._at(ref, "extends-cycle", f"files extend each other in a circle: {chain}")
            return
        if key in self.done:
            return
        if len(stack) > MAX_EXTENDS:
            self._at(ref, "extends-too-deep", f"more than {MAX_EXTENDS} levels of extends")
            return
        self.done.add(key)
        layer = self._read(path, role, ref)
        if layer is None:
            return
        name = layer.source.name
        if layer.model.extends:
            target = self._extends_target(layer.model.extends, path, root, name)
            if target is not None:
                self.visit(target[0], "base", target[1], (name, "/extends"), (*stack, key))
        self.comp.layers.append(layer)
        if isinstance(layer.model, ScenarioLayer):
            for i, inc in enumerate(layer.model.include):
                target_path = path.parent / inc
                where = (name, f"/include/{i}")
                if self._inside(target_path, root, where, inc):
                    self.visit(target_path, "part", root, where, (*stack, key))

    def _at(self, ref: tuple[str, str] | None, code: str, message: str) -> None:
        file, pointer = ref if ref else (self.comp.main, "")
        self.comp.issues.append(issue(code, message, file, pointer))

    def _read(self, path: Path, role: str, ref: tuple[str, str] | None) -> LayerFile | None:
        name = display(path)
        try:
            source = read_source(path, name)
        except ContentError as exc:
            if ref is not None and exc.issues[0].code == "file-missing":
                self._at(ref, "file-missing", f"{name} does not exist")
            else:
                self.comp.issues.extend(exc.issues)
            return None
        self.comp.sources[name] = source
        data = source.data
        if not isinstance(data, dict):
            self.comp.issues.append(issue("not-an-object", "the file must hold one JSON object "
                                          f"{{...}}, not {type(data).__name__}", name))
            return None
        scenario = role == "scenario" or (role == "base" and "id" in data)
        model_type: type[Layer] = ScenarioLayer if scenario else PartFile
        model = parse_model(model_type, data, name, self.comp.issues)
        if model is None:
            return None
        return LayerFile(source, model, scenario)

    def _inside(self, target: Path, root: Path, where: tuple[str, str], value: str) -> bool:
        inside = mods.resolved(target).is_relative_to(mods.resolved(root))
        if not inside:
            self._at(where, "path-outside",
                     f"{value!r} leaves the mod's folder ({display(root)})")
        return inside

    def _extends_target(self, value: str, path: Path, root: Path,
                        name: str) -> tuple[Path, Path] | None:
        where = (name, "/extends")
        if re.fullmatch(ID_PATTERN, value):
            found = mods.find_by_id(value, near=path.parent)
            if found is None:
                known = sorted({f.id for f in mods.discover()})
                self._at(where, "unknown-scenario",
                         f"no scenario {value!r}{did_you_mean(value, known)}; "
                         f"known: {', '.join(known) or 'none'}")
                return None
            return found, mods.mod_root(found)
        target = path.parent / value
        if not self._inside(target, root, where, value):
            return None
        if target.is_dir():
            target = target / mods.MAIN_FILE
        return target, root


def parse_model(model_type: type[BaseModel], data: Any, name: str,
                issues: list[Issue]) -> Any:
    """``data`` validated as ``model_type``, or None with the problems added to ``issues``."""
    try:
        return model_type.model_validate(data)
    except ValidationError as exc:
        issues.extend(validation_issues(exc, model_type, data, name))
    except RecursionError:
        issues.append(issue("too-deep", "nested too deeply", name))
    return None


def compose(main: Path) -> Composition:
    """Read every file of the scenario whose main file is ``main`` and merge them."""
    comp = Composition(main=display(main))
    _Reader(comp).visit(main, "scenario", mods.mod_root(main), None, ())
    if not any(i.severity == "error" for i in comp.issues):
        merge(comp)
    return comp


def compose_document(document: dict[str, Any], name: str) -> Composition:
    """A composition of one self-contained document (as embedded in a save)."""
    comp = Composition(main=name)
    source = Source(name, "", document)
    model = parse_model(ScenarioLayer, document, name, comp.issues)
    if model is not None:
        if model.include or model.extends:
            comp.issues.append(issue("include-in-document",
                                     "an embedded scenario cannot include or extend files",
                                     name))
        comp.layers.append(LayerFile(source, model, True))
        merge(comp)
    return comp


def _builtin(comp: Composition) -> None:
    try:
        data = read_source(BUILTIN_PERSONAS, BUILTIN_NAME).data
    except ContentError as exc:
        comp.issues.extend(exc.issues)
        return
    part = parse_model(PartFile, data, BUILTIN_NAME, comp.issues)
    if part is not None:
        for i, persona in enumerate(part.personas):
            comp.lists["personas"][persona.id] = Entry(
                persona, data["personas"][i], Origin(BUILTIN_NAME, f"/personas/{i}"))


def merge(comp: Composition) -> None:
    """Apply every layer in order: removals, replacements, additions, settings."""
    _builtin(comp)
    for layer in comp.layers:
        _remove(comp, layer)
        _replace(comp, layer)
        _add(comp, layer)
        if layer.scenario:
            raw = layer.source.data
            for key in SETTINGS:
                if raw.get(key) is not None:
                    comp.settings[key] = raw[key]
                    comp.setting_files[key] = layer.source.name


def _remove(comp: Composition, layer: LayerFile) -> None:
    name = layer.source.name
    for kind in LIST_KINDS:
        for i, oid in enumerate(getattr(layer.model.remove, kind)):
            pointer = f"/remove/{kind}/{i}"
            if oid in comp.lists[kind]:
                del comp.lists[kind][oid]
                comp.removed[(kind, oid)] = Origin(name, pointer)
            else:
                comp.issues.append(issue(
                    "remove-unknown", f"cannot remove {SINGULAR[kind]} {oid!r}: no earlier "
                    f"file defines it{did_you_mean(oid, comp.lists[kind])}", name, pointer, oid))


def _replace(comp: Composition, layer: LayerFile) -> None:
    name = layer.source.name
    for kind in LIST_KINDS:
        for i, obj in enumerate(getattr(layer.model.replace, kind)):
            pointer = f"/replace/{kind}/{i}"
            raw = layer.source.data["replace"][kind][i]
            old = comp.lists[kind].get(obj.id)
            if old is None:
                comp.issues.append(issue(
                    "replace-unknown", f"cannot replace {SINGULAR[kind]} {obj.id!r}: no earlier "
                    f"file defines it{did_you_mean(obj.id, comp.lists[kind])}; list it under "
                    f"\"{kind}\" to add it", name, pointer, obj.id))
                continue
            comp.lists[kind][obj.id] = Entry(obj, raw, Origin(name, pointer, old.origin.file))


def _add(comp: Composition, layer: LayerFile) -> None:
    name = layer.source.name
    for kind in LIST_KINDS:
        for i, obj in enumerate(getattr(layer.model, kind)):
            pointer = f"/{kind}/{i}"
            old = comp.lists[kind].get(obj.id)
            if old is not None and not (kind == "personas" and old.origin.file == BUILTIN_NAME):
                where = "earlier in this file" if old.origin.file == name else \
                    f"in {old.origin.file}"
                hint = "" if old.origin.file == name else \
                    f"; to override it, move this one into \"replace\": {{\"{kind}\": [...]}}"
                comp.issues.append(issue(
                    "duplicate-id", f"{SINGULAR[kind]} {obj.id!r} is already defined {where} "
                    f"(at {old.origin.pointer}){hint}", name, pointer, obj.id))
                continue
            raw = layer.source.data[kind][i]
            comp.lists[kind][obj.id] = Entry(obj, raw, Origin(name, pointer))
