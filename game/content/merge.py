"""Merging the layers of a scenario, in order: removals, replacements, patches, additions,
settings.  Every merged object keeps its provenance; nothing here raises."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from game.content.issues import ContentError, did_you_mean, issue
from game.content.jsonfile import read_source
from game.content.layers import (
    BUILTIN_NAME,
    SINGULAR,
    Composition,
    Entry,
    LayerFile,
    Origin,
    parse_model,
)
from game.content.models import LIST_KINDS, SETTINGS, PartFile
from game.content.patch import apply_patches, record_write, report_conflicts
from game.content.textsafety import text_issues

BUILTIN_PERSONAS = Path(__file__).with_name("personas.json")


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
    """Apply every layer in order: removals, replacements, patches, additions, settings."""
    _builtin(comp)
    for layer in comp.layers:
        _remove(comp, layer)
        _replace(comp, layer)
        if layer.scenario:
            raw = layer.data
            for key in SETTINGS:
                if raw.get(key) is not None:
                    comp.settings[key] = raw[key]
                    comp.setting_files[key] = layer.source.name
        apply_patches(comp, layer)
        _add(comp, layer)
    report_conflicts(comp)


def _remove(comp: Composition, layer: LayerFile) -> None:
    name = layer.source.name
    for kind in LIST_KINDS:
        for i, oid in enumerate(getattr(layer.model.remove, kind)):
            pointer = f"{layer.prefix}/remove/{kind}/{i}"
            if oid in comp.lists[kind]:
                del comp.lists[kind][oid]
                comp.removed[(kind, oid)] = Origin(name, pointer)
                record_write(comp, layer, kind, oid, "", pointer)
            else:
                comp.issues.append(issue(
                    "remove-unknown", f"cannot remove {SINGULAR[kind]} {oid!r}: no earlier "
                    f"file defines it{did_you_mean(oid, comp.lists[kind])}", name, pointer, oid))


def _replace(comp: Composition, layer: LayerFile) -> None:
    name = layer.source.name
    for kind in LIST_KINDS:
        for i, obj in enumerate(getattr(layer.model.replace, kind)):
            pointer = f"{layer.prefix}/replace/{kind}/{i}"
            raw = layer.data["replace"][kind][i]
            old = comp.lists[kind].get(obj.id)
            if old is None:
                comp.issues.append(issue(
                    "replace-unknown", f"cannot replace {SINGULAR[kind]} {obj.id!r}: no earlier "
                    f"file defines it{did_you_mean(obj.id, comp.lists[kind])}; list it under "
                    f"\"{kind}\" to add it", name, pointer, obj.id))
                continue
            comp.lists[kind][obj.id] = Entry(obj, raw, Origin(name, pointer, old.origin.file))
            record_write(comp, layer, kind, obj.id, "", pointer)


def _add(comp: Composition, layer: LayerFile) -> None:
    name = layer.source.name
    for kind in LIST_KINDS:
        for i, obj in enumerate(getattr(layer.model, kind)):
            pointer = f"{layer.prefix}/{kind}/{i}"
            old = comp.lists[kind].get(obj.id)
            if old is not None and not (kind == "personas" and old.origin.file == BUILTIN_NAME):
                where = "earlier in this file" if old.origin.file == name else \
                    f"in {old.origin.file}"
                hint = "" if old.origin.file == name else \
                    f"; to override it, move this one into \"replace\": {{\"{kind}\": [...]}}" \
                    " or edit fields with \"patch\""
                comp.issues.append(issue(
                    "duplicate-id", f"{SINGULAR[kind]} {obj.id!r} is already defined {where} "
                    f"(at {old.origin.pointer}){hint}", name, pointer, obj.id))
                continue
            raw: dict[str, Any] = layer.data[kind][i]
            comp.lists[kind][obj.id] = Entry(obj, raw, Origin(name, pointer))


def check_text(comp: Composition, data: Any, name: str) -> bool:
    """Refuse control and bidi characters in a file's text; True when it is clean."""
    found = text_issues(data, name)
    comp.issues.extend(found)
    return not found
