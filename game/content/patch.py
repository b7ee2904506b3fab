"""Patches: field-level edits of merged objects, addressed by kind and id.

A patch value is a JSON object merged into the object (RFC 7396: keys replace, nested objects
merge, ``null`` removes a key), a list of JSON Patch operations (RFC 6902, for edits inside
lists: append with ``/-``, insert at an index, remove) or ``null`` (the object is removed).
The result is validated again, so a patch can never produce an object a file could not hold.
Edits by patch mods are recorded, so two mods that edit the same place are reported.
"""

from __future__ import annotations

import copy
from typing import Any, get_args

import jsonpatch
import jsonpointer

from game.content.issues import Issue, did_you_mean, issue
from game.content.layers import (
    SINGULAR,
    Composition,
    Entry,
    LayerFile,
    Origin,
    PatchMark,
    Write,
    parse_model,
)
from game.content.locate import escape
from game.content.models import LIST_KINDS, Parts

#: The model of each kind of object, for validating a patched object.
MODELS: dict[str, Any] = {kind: get_args(Parts.model_fields[kind].annotation)[0]
                          for kind in LIST_KINDS}


def merge_patch(target: Any, patch: Any) -> Any:
    """RFC 7396: ``patch`` merged into ``target`` (neither is changed)."""
    if not isinstance(patch, dict):
        return copy.deepcopy(patch)
    result = dict(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = merge_patch(result.get(key), value)
    return result


def leaf_paths(patch: dict[str, Any], prefix: str = "") -> list[str]:
    """The places a merge patch writes: every key whose value is not an object."""
    paths = []
    for key, value in patch.items():
        here = f"{prefix}/{escape(key)}"
        if isinstance(value, dict) and value:
            paths += leaf_paths(value, here)
        else:
            paths.append(here)
    return paths


def apply_patches(comp: Composition, layer: LayerFile) -> None:
    """Apply the layer's ``patch`` block to what earlier layers merged."""
    raw = layer.data.get("patch")
    if not isinstance(raw, dict):
        return
    settings = raw.get("settings")
    if isinstance(settings, dict):
        _patch_settings(comp, layer, settings)
    for kind in LIST_KINDS:
        for oid, value in (raw.get(kind) or {}).items():
            _patch_object(comp, layer, kind, oid, value)


def _patch_settings(comp: Composition, layer: LayerFile, value: dict[str, Any]) -> None:
    pointer = f"{layer.prefix}/patch/settings"
    if "id" in value:
        comp.issues.append(issue("patch-id", "a patch cannot change the scenario's id",
                                 layer.source.name, f"{pointer}/id"))
        return
    comp.settings = merge_patch(comp.settings, value)
    for key in value:
        comp.setting_files[key] = layer.source.name
        comp.setting_patches[key] = (layer.source.name, pointer)
    for path in leaf_paths(value):
        record_write(comp, layer, "settings", "", path, pointer + path)


def _patch_object(comp: Composition, layer: LayerFile, kind: str, oid: str, value: Any) -> None:
    name = layer.source.name
    pointer = f"{layer.prefix}/patch/{kind}/{escape(oid)}"
    entry = comp.lists[kind].get(oid)
    if entry is None:
        removed = comp.removed.get((kind, oid))
        why = f"{removed.file} removes it" if removed else \
            f"no earlier file defines it{did_you_mean(oid, comp.lists[kind])}"
        comp.issues.append(issue("patch-unknown", f"cannot patch {SINGULAR[kind]} {oid!r}: "
                                 f"{why}", name, pointer, oid))
        return
    if value is None:
        del comp.lists[kind][oid]
        comp.removed[(kind, oid)] = Origin(name, pointer)
        record_write(comp, layer, kind, oid, "", pointer)
        return
    patched = _patched(comp, entry.raw, value, name, pointer, oid)
    if patched is None:
        return
    problems: list[Issue] = []
    model = parse_model(MODELS[kind], patched, name, problems)
    if model is None:
        comp.issues += [_relocated(p, value, pointer, oid) for p in problems]
        return
    mark = PatchMark(name, pointer, value)
    comp.lists[kind][oid] = Entry(model, patched, entry.origin, (*entry.patches, mark))
    if isinstance(value, dict):
        for path in leaf_paths(value):
            record_write(comp, layer, kind, oid, path, pointer + path)
    else:
        for i, path in enumerate(_op_paths(value)):
            record_write(comp, layer, kind, oid, path, f"{pointer}/{i}")


def _patched(comp: Composition, raw: dict[str, Any], value: Any, name: str, pointer: str,
             oid: str) -> dict[str, Any] | None:
    """The object with ``value`` applied, or None with the problem reported."""
    if isinstance(value, dict):
        if "id" in value and value["id"] != raw.get("id"):
            comp.issues.append(issue("patch-id", "a patch cannot change an object's id; "
                                     "remove it and add a new one instead", name,
                                     f"{pointer}/id", oid))
            return None
        return merge_patch(raw, value)  # type: ignore[no-any-return]
    for i, op in enumerate(value):
        try:
            result = jsonpatch.JsonPatch([op]).apply(raw)
        except (jsonpatch.JsonPatchException, jsonpointer.JsonPointerException) as exc:
            comp.issues.append(issue("patch-failed", _op_failure(op, exc), name,
                                     f"{pointer}/{i}", oid))
            return None
        if not isinstance(result, dict) or result.get("id") != raw.get("id"):
            comp.issues.append(issue("patch-id", "a patch cannot change an object's id",
                                     name, f"{pointer}/{i}", oid))
            return None
        raw = result
    return raw


def _op_failure(op: dict[str, Any], exc: Exception) -> str:
    """Why a JSON Patch operation failed, in a sentence (never the whole object)."""
    kind, path = op.get("op"), op.get("path")
    text = str(exc)
    if isinstance(exc, jsonpatch.JsonPatchTestFailed):
        why = f"the test failed: the value at {path} is not {op.get('value')!r}"
    elif "not found" in text or "non-existent" in text or "out of range" in text:
        why = f"{path} does not exist in the object as written (a key left at its default " \
              "is not there yet: add it, or use a merge patch)"
    elif "does not support indexing" in text:
        why = f"{path} goes inside a value that is neither an object nor a list"
    else:
        why = text.split(" in {", 1)[0][:160]
    return f"cannot {kind} at {path}: {why}"


def _op_paths(ops: list[Any]) -> list[str]:
    return [str(op.get("path", "")) for op in ops if isinstance(op, dict)]


def _relocated(found: Issue, value: Any, pointer: str, oid: str) -> Issue:
    """A problem in a patched object, pointed at the patch that caused it."""
    inside = found.pointer
    node: Any = value
    exists = isinstance(value, dict)
    for part in inside.split("/")[1:]:
        if isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        elif isinstance(node, dict) and part in node:
            node = node[part]
        else:
            exists = False
            break
    where = pointer + inside if exists else pointer
    message = found.message if exists else f"after patching, {inside or 'the object'}: " \
        f"{found.message}"
    return Issue(found.code, found.severity, message, found.file, 0, 0, where, oid)


def record_write(comp: Composition, layer: LayerFile, kind: str, oid: str, path: str,
                 pointer: str) -> None:
    """Remember a patch mod's edit of one place, in load order, to find collisions later."""
    if layer.owner is not None:
        comp.writes.setdefault((kind, oid), []).append(
            Write(path, layer.owner, layer.allowed, layer.source.name, pointer))


def report_conflicts(comp: Composition) -> None:
    """A warning for each mod edit that overrides another mod's edit of the same place,
    unless a with-mods block written for the two of them settles that place afterwards."""
    for (kind, oid), writes in comp.writes.items():
        for n, mine in enumerate(writes):
            other = next((o for o in writes[:n] if _collide(o, mine)), None)
            if other is None or _settled(writes[n + 1:], other, mine):
                continue
            what = f"{SINGULAR.get(kind, 'setting')} {oid!r}" if oid else "the settings"
            place = mine.path or other.path or "the whole object"
            comp.issues.append(issue(
                "mod-conflict", f"mods {other.owner!r} and {mine.owner!r} both edit {what} "
                f"at {place}; {mine.owner!r} comes later in the load order and wins (reorder "
                f"the mods, or give one a \"with_mods\" block for the other)", mine.file,
                mine.pointer, oid))


def _collide(a: Write, b: Write) -> bool:
    """Edits by two mods, neither written to work with the other, of the same place."""
    return a.owner != b.owner and a.owner not in b.allowed and b.owner not in a.allowed \
        and _overlap(a.path, b.path)


def _settled(later: list[Write], a: Write, b: Write) -> bool:
    """A later with-mods edit by one of the two mods, for the other, covers the place."""
    place = b.path if len(b.path) >= len(a.path) else a.path
    return any({w.owner} | w.allowed >= {a.owner, b.owner} and _covers(w.path, place)
               for w in later)


def _covers(outer: str, inner: str) -> bool:
    """An edit at ``outer`` rewrites everything at ``inner``."""
    return outer == inner or not outer or inner.startswith(outer + "/")


def _overlap(a: str, b: str) -> bool:
    """Two edits touch the same place: one path lies inside the other (appends excepted)."""
    if a == b:
        return not a.endswith("/-")
    return not a or not b or a.startswith(b + "/") or b.startswith(a + "/")
