"""Composing a scenario from files: ``extends``, ``include``, ``replace``, ``remove``,
``patch``, and the patch mods stacked on it.

Files are read in merge order: a file's base (``extends``, recursively) first, then the file,
then its includes, then the patch mods in the load order the player chose.  Each file (a
layer) first removes, then replaces (by id, the whole object), then patches fields, then adds
objects; a scenario layer's settings override its base's.  Every merged object keeps its
provenance (file and JSON pointer) so that later checks point at the line that defined it.
Nothing here raises: problems become issues.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from game.content import mods
from game.content.issues import ContentError, did_you_mean, issue
from game.content.jsonfile import Source, read_source
from game.content.layers import (
    BUILTIN_NAME,
    SINGULAR,
    Composition,
    Entry,
    LayerFile,
    Origin,
    display,
    parse_model,
)
from game.content.merge import check_text, merge
from game.content.models import ID_PATTERN, Layer, PartFile, ScenarioLayer
from game.content.modstack import add_mods, name_with_mods

MAX_EXTENDS = 16

__all__ = ["BUILTIN_NAME", "SINGULAR", "Composition", "Entry", "LayerFile", "Origin",
           "compose", "compose_document", "display", "parse_model"]


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
        if isinstance(layer.model, Layer) and layer.model.extends:
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
        if not check_text(self.comp, data, name):
            return None
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

    def _shadowed(self, value: str, found: Path, path: Path, where: tuple[str, str]) -> None:
        """Warn when ``extends`` names an id two scenarios share (one shadows the other)."""
        me = mods.resolved(path)
        same = [f for f in mods.discover() if f.id == value]
        if len(same) < 2 or any(mods.resolved(f.path) == me for f in same):
            return  # one scenario, or a tweak that extends the scenario it shadows
        hidden = ", ".join(display(f.path) for f in same if f.path != found)
        self._at(where, "extends-shadowed",
                 f"two scenarios have the id {value!r}: this extends {display(found)}, which "
                 f"shadows {hidden}; a path chooses only inside your mod's folder (a mod "
                 "holding both), else rename or remove the shadowing scenario to use the "
                 "other")

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
            found = mods.find_by_id(value, near=path.parent, exclude=path)
            if found is None:
                known = sorted({f.id for f in mods.discover()})
                self._at(where, "unknown-scenario",
                         f"no scenario {value!r}{did_you_mean(value, known)}; "
                         f"known: {', '.join(known) or 'none'}")
                return None
            self._shadowed(value, found, path, where)
            return found, mods.mod_root(found)
        target = path.parent / value
        if not self._inside(target, root, where, value):
            return None
        if target.is_dir():
            target = target / mods.MAIN_FILE
        return target, root


def compose(main: Path, mod_refs: tuple[str, ...] = ()) -> Composition:
    """Read every file of the scenario whose main file is ``main`` and merge them, then the
    patch mods ``mod_refs`` (names or paths) in that order."""
    comp = Composition(main=display(main))
    _Reader(comp).visit(main, "scenario", mods.mod_root(main), None, ())
    if mod_refs and comp.layers:
        add_mods(comp, mod_refs)
    if not any(i.severity == "error" for i in comp.issues):
        merge(comp)
        name_with_mods(comp)
    return comp


def compose_document(document: dict[str, Any], name: str) -> Composition:
    """A composition of one self-contained document (as embedded in a save)."""
    comp = Composition(main=name)
    source = Source(name, "", document)
    if not check_text(comp, document, name):
        return comp
    model = parse_model(ScenarioLayer, document, name, comp.issues)
    if model is not None:
        if model.include or model.extends:
            comp.issues.append(issue("include-in-document",
                                     "an embedded scenario cannot include or extend files",
                                     name))
        comp.layers.append(LayerFile(source, model, True))
        merge(comp)
    return comp


