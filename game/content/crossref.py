"""Cross-reference checks: every id a scenario names must exist."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from game.content.compose import BUILTIN_NAME, SINGULAR, Composition
from game.content.issues import Issue, did_you_mean, issue
from game.content.models import LIST_KINDS, ScenarioFile
from game.core.rulebook import SPECIAL_SOURCES

#: Which kind of object a field names, wherever the field appears.
REFERENCE_FIELDS = {
    "resource": "resources", "positions": "positions", "position": "positions",
    "party": "parties", "status": "statuses", "contest": "contests", "for_contest": "contests",
    "track": "tracks", "channel": "channels", "excludes": "positions",
    "replaces": "positions", "entry_positions": "positions", "persona": "personas",
    "roads": "channels",
    "chamber": "positions", "shuns": "parties",
}
_FIELDS_BY_MODEL: dict[type[BaseModel], tuple[str, ...]] = {}

__all__ = ["LIST_KINDS", "REFERENCE_FIELDS", "SINGULAR", "check_references",
           "check_scenario_settings", "references"]


def _fields(model: type[BaseModel]) -> tuple[str, ...]:
    names = _FIELDS_BY_MODEL.get(model)
    if names is None:
        names = _FIELDS_BY_MODEL[model] = tuple(model.model_fields)
    return names


def references(node: Any, pointer: str) -> Iterator[tuple[str, str, str]]:
    """Yield (kind, id, pointer) for every reference inside ``node``."""
    if isinstance(node, BaseModel):
        for name in _fields(type(node)):
            value = getattr(node, name)
            if value is None or isinstance(value, bool | int | float):
                continue
            here = f"{pointer}/{name}"
            kind = REFERENCE_FIELDS.get(name)
            if kind is not None:
                if isinstance(value, str):
                    yield kind, value, here
                elif isinstance(value, list):
                    for i, item in enumerate(value):
                        if isinstance(item, str):
                            yield kind, item, f"{here}/{i}"
            if name == "source" and isinstance(value, str) and value not in SPECIAL_SOURCES:
                yield "resources", value, here
            if name in ("resource_weights", "resources") and isinstance(value, dict):
                for key in value:
                    yield "resources", key, f"{here}/{key}"
            if name == "swing" and isinstance(value, dict):
                for key in value:
                    yield "parties", key, f"{here}/{key}"
            if name == "channel_bias" and isinstance(value, dict):
                for key in value:
                    yield "channels", key, f"{here}/{key}"
            if isinstance(value, BaseModel | list):
                yield from references(value, here)
    elif isinstance(node, list):
        for i, item in enumerate(node):
            if isinstance(item, BaseModel):
                yield from references(item, f"{pointer}/{i}")


def _unknown(comp: Composition, kind: str, ref: str, known: set[str]) -> str:
    removed = comp.removed.get((kind, ref))
    if removed is not None:
        return f"no {SINGULAR[kind]} {ref!r}: {removed.file} removes it"
    return f"no {SINGULAR[kind]} {ref!r}{did_you_mean(ref, known)}"


def check_references(comp: Composition) -> list[Issue]:
    """Dangling references, each with a did-you-mean hint or the file that removed the id.

    Built-in personas may weigh resources and channels a scenario lacks; those weights are
    simply unused, so they are not checked.
    """
    issues: list[Issue] = []
    known = {kind: set(comp.lists[kind]) for kind in LIST_KINDS}
    for kind in LIST_KINDS:
        for entry in comp.lists[kind].values():
            if entry.origin.file == BUILTIN_NAME:
                continue
            for ref_kind, ref, pointer in references(entry.model, entry.origin.pointer):
                if ref not in known[ref_kind]:
                    file, where = entry.where(pointer)  # a patch that wrote it, if any
                    issues.append(issue("unknown-id", _unknown(comp, ref_kind, ref,
                                                               known[ref_kind]),
                                        file, where, entry.model.id))
    return issues


def check_scenario_settings(main: ScenarioFile, comp: Composition) -> list[Issue]:
    """Settings outside the lists: the victory, the one player, the resources the engine needs."""
    issues = []
    positions = set(comp.lists["positions"])
    victory_file = comp.setting_files.get("victory", comp.main)
    for i, pid in enumerate(main.victory.positions):
        if pid not in positions:
            issues.append(issue("unknown-id", _unknown(comp, "positions", pid, positions),
                                victory_file, f"/victory/positions/{i}"))
    players = [e for e in comp.lists["actors"].values() if e.model.player]
    if len(players) != 1:
        where = players[1].origin if len(players) > 1 else None
        issues.append(issue("player-count",
                            f"exactly one actor must have \"player\": true, found "
                            f"{len(players)}", where.file if where else comp.main,
                            where.pointer if where else ""))
    for required in ("funds", "influence"):
        if required not in comp.lists["resources"]:
            issues.append(issue("missing-resource",
                                f"the engine needs a resource {required!r}", comp.main))
    return issues
