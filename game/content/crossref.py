"""Cross-reference checks: every id a scenario names must exist, once."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from game.content.issues import Issue, did_you_mean
from game.content.models import Parts, ScenarioFile
from game.core.rulebook import SPECIAL_SOURCES

#: Which kind of object a field names, wherever the field appears.
REFERENCE_FIELDS = {
    "resource": "resources", "positions": "positions", "position": "positions",
    "party": "parties", "status": "statuses", "contest": "contests", "for_contest": "contests",
    "track": "tracks", "channel": "channels", "excludes": "positions",
    "replaces": "positions", "entry_positions": "positions", "persona": "personas",
}
SINGULAR = {"resources": "resource", "tracks": "track", "channels": "channel", "parties": "party",
            "statuses": "status", "positions": "position", "contests": "contest",
            "moves": "move", "events": "event", "personas": "persona", "actors": "actor"}
LIST_KINDS = ("resources", "tracks", "channels", "parties", "statuses", "positions",
              "contests", "moves", "events", "personas", "actors")


def _walk(node: Any, pointer: str) -> Iterator[tuple[str, str, str]]:
    """Yield (kind, id, pointer) for every reference inside ``node``."""
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            value = getattr(node, name)
            here = f"{pointer}/{name}"
            kind = REFERENCE_FIELDS.get(name)
            if kind is not None and name != "id":
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
            if name == "channel_bias" and isinstance(value, dict):
                for key in value:
                    yield "channels", key, f"{here}/{key}"
            yield from _walk(value, here)
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from _walk(item, f"{pointer}/{i}")


def check_references(
    merged: Parts, origin: dict[tuple[str, int], str], generic: str = ""
) -> list[Issue]:
    """Duplicate ids and dangling references, each with a did-you-mean hint.

    Objects from the ``generic`` file (built-in personas) may weigh resources and channels a
    scenario lacks; those weights are simply unused, so they are not checked.
    """
    issues: list[Issue] = []
    known: dict[str, set[str]] = {}
    for kind in LIST_KINDS:
        ids: set[str] = set()
        for index, obj in enumerate(getattr(merged, kind)):
            if obj.id in ids:
                issues.append(Issue(
                    "duplicate-id", "error", f"{SINGULAR[kind]} {obj.id!r} is defined twice",
                    origin.get((kind, index), ""), pointer=f"/{kind}/{index}", object_id=obj.id))
            ids.add(obj.id)
        known[kind] = ids
    for kind in LIST_KINDS:
        for index, obj in enumerate(getattr(merged, kind)):
            if generic and origin.get((kind, index)) == generic:
                continue
            for ref_kind, ref, pointer in _walk(obj, f"/{kind}/{index}"):
                if ref_kind == "resources" and kind == "resources":
                    continue
                if ref not in known[ref_kind]:
                    issues.append(Issue(
                        "unknown-id", "error",
                        f"no {SINGULAR[ref_kind]} {ref!r}{did_you_mean(ref, known[ref_kind])}",
                        origin.get((kind, index), ""), pointer=pointer, object_id=obj.id))
    return issues


def check_scenario_settings(main: ScenarioFile, merged: Parts) -> list[Issue]:
    """Settings outside the lists: the victory, the one player."""
    issues = []
    positions = {p.id for p in merged.positions}
    for i, pid in enumerate(main.victory.positions):
        if pid not in positions:
            issues.append(Issue("unknown-id", "error",
                                f"no position {pid!r}{did_you_mean(pid, positions)}",
                                pointer=f"/victory/positions/{i}"))
    players = [a.id for a in merged.actors if a.player]
    if len(players) != 1:
        issues.append(Issue("player-count", "error",
                            f"exactly one actor must have \"player\": true, found {len(players)}",
                            pointer="/actors"))
    for required in ("funds", "influence"):
        if required not in {r.id for r in merged.resources}:
            issues.append(Issue("missing-resource", "error",
                                f"the engine needs a resource {required!r}", pointer="/resources"))
    return issues
