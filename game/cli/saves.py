"""``saluran saves``: the saves in the save folder, with their meta."""

from __future__ import annotations

import argparse
import json
from typing import Any

from game.persistence import SaveListing, list_saves, save_dir


def register(sub: Any) -> None:
    """Add the ``saves`` sub-command."""
    parser = sub.add_parser("saves", help="list saved careers and autosaves")
    parser.add_argument("--save-dir", metavar="DIR", default=None,
                        help="the save folder (default: $SALURAN_SAVE_DIR, saves/ in a source "
                             "checkout, else your user data folder)")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(run=run)


def as_dict(item: SaveListing) -> dict[str, Any]:
    """One listing as JSON-ready data."""
    return {
        "file": item.path.name, "path": str(item.path), "size": item.size,
        "modified": item.modified, "has_backup": item.has_backup, "problem": item.problem,
        "meta": None if item.meta is None else item.meta.model_dump(),
    }


def _duration(seconds: float) -> str:
    minutes = int(seconds // 60)
    return f"{minutes // 60}h{minutes % 60:02d}"


def as_line(item: SaveListing) -> str:
    """One listing as a text line."""
    meta = item.meta
    if meta is None:
        return f"{item.path.name}  CANNOT LOAD: {item.problem}"
    name = meta.scenario_name.get("en") or meta.scenario_id
    top = (meta.highest_position_name or {}).get("en") or meta.highest_position or "-"
    mode = f"{meta.kind}{' (ironman)' if meta.ironman and meta.kind != 'ironman' else ''}"
    state = meta.result or "in progress"
    played = _duration(meta.playtime_seconds)
    return (f"{item.path.name}  [{mode}] {name}, turn {meta.turn} ({meta.date}), "
            f"{meta.player_name}, highest: {top}, {state}, played {played}, "
            f"saved {meta.saved_at}")


def run(args: argparse.Namespace) -> int:
    """Print the saves, newest first."""
    folder = save_dir(args.save_dir)
    found = list_saves(folder)
    if args.format == "json":
        print(json.dumps({"folder": str(folder), "saves": [as_dict(s) for s in found]},
                         indent=1, ensure_ascii=False))
        return 0
    if not found:
        print(f"No saves in {folder}")
        return 0
    print(f"Saves in {folder} (newest first):")
    for item in found:
        print("  " + as_line(item))
    return 0
