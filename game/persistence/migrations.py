"""Upgrading older save formats, one version at a time, through a registry.

``MIGRATIONS[n]`` turns a format-``n`` save (parsed JSON) into a format-``n + 1`` one.  A
save of format 1 goes 1 -> 2 -> ... -> ``FORMAT_VERSION``.  Every old format keeps a fixture
under tests/data/saves/ that must keep loading; add one whenever the format is bumped.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from game.content import ContentError, load_with_document
from game.core import compile_rulebook, load_state
from game.persistence.errors import SaveError
from game.persistence.format import (
    FORMAT_VERSION,
    CareerInfo,
    build_meta,
    dump_sha256,
    history_sha256,
    meta_sha256,
)


@dataclass(frozen=True, slots=True)
class MigrationContext:
    """Where the save being upgraded lives (old formats may name files relative to it)."""

    path: Path
    modified: float | None = None  # the file's mtime, for saves that kept no time stamp


Migration = Callable[[dict[str, Any], MigrationContext], dict[str, Any]]


class _V1(BaseModel):
    """Format 1: a scenario reference, the state dump and its hash (no history, no meta)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    format: int
    scenario: str
    state: dict[str, Any]
    state_sha256: str


def _v1_scenario(ref: str, ctx: MigrationContext) -> tuple[str, Any, dict[str, Any]]:
    """Format 1 named its scenario by id or path: try it as given, then beside the save."""
    tries = [ref]
    if not Path(ref).is_absolute() and ("/" in ref or "\\" in ref or ref.endswith(".json")):
        tries.append(str(ctx.path.parent / ref))
    problems: list[str] = []
    for attempt in tries:
        try:
            scenario, document = load_with_document(attempt)
            return attempt, scenario, document
        except ContentError as exc:
            problems.append(exc.issues[0].message if exc.issues else "cannot be loaded")
        except Exception as exc:  # a scenario that breaks the loader: report, never crash
            problems.append(repr(exc))
    raise SaveError.because(ctx.path, "v1_scenario_missing", ref=ref, detail=problems[-1])


def v1_to_v2(raw: dict[str, Any], ctx: MigrationContext) -> dict[str, Any]:
    """Embed the scenario, derive the meta block; the history was never recorded (null)."""
    try:
        old = _V1.model_validate(raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = "/".join(str(p) for p in err["loc"]) or "top level"
        raise SaveError.because(ctx.path, "v1_invalid", field=where, detail=err["msg"]) from None
    if dump_sha256(old.state) != old.state_sha256:
        raise SaveError.because(ctx.path, "v1_checksum")
    ref, scenario, document = _v1_scenario(old.scenario, ctx)
    if old.state.get("fingerprint") != scenario.fingerprint:
        raise SaveError.because(ctx.path, "v1_scenario_changed", ref=old.scenario)
    try:
        state = load_state(compile_rulebook(scenario), old.state)
    except Exception as exc:  # untrusted data
        raise SaveError.because(ctx.path, "v1_bad_state", detail=repr(exc)) from None
    info = CareerInfo(career_id="v1-" + hashlib.sha256(old.state_sha256.encode()).hexdigest()[:9],
                      scenario_ref=ref)
    stamp = datetime.fromtimestamp(ctx.modified or 0, UTC).isoformat(timespec="seconds")
    meta = build_meta(state, info, "manual", 0.0, saved_at=stamp)
    settings = {"scenario_ref": ref, "rivals": None, "difficulty": "easy"}
    return {
        "format": 2, "game_version": "format-1 save", "meta": meta, "settings": settings,
        "state_sha256": old.state_sha256, "history_sha256": history_sha256(None),
        "meta_sha256": meta_sha256(meta, settings), "state": old.state,
        "history": None, "scenario": document,
    }


#: format n -> the function that upgrades it to n + 1.
MIGRATIONS: dict[int, Migration] = {1: v1_to_v2}


def upgrade(raw: dict[str, Any], version: int, ctx: MigrationContext) -> dict[str, Any]:
    """``raw`` (of format ``version``) upgraded step by step to ``FORMAT_VERSION``."""
    while version < FORMAT_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise SaveError.because(ctx.path, "too_old", format=version, newest=FORMAT_VERSION)
        raw = step(raw, ctx)
        version += 1
        if raw.get("format") != version:  # a migration must say what it produced
            raise SaveError.because(ctx.path, "upgrade_failed", format=version)
    return raw
