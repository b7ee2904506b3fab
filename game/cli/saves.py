"""``saluran saves``: the saves in the save folder, with their meta; the ones that cannot
load are listed too, with the reason."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from game.cli.messages import LANGUAGES, Messages, current, default_language, save_reason
from game.cli.options import Options
from game.persistence import SaveError, SaveListing, list_saves, save_dir


def register(sub: Any) -> None:
    """Add the ``saves`` sub-command."""
    parser = sub.add_parser("saves", help="list saved careers and autosaves")
    opts = Options(parser)
    opts.add("--save-dir", metavar="DIR",
             help="the save folder; it must exist (default: $SALURAN_SAVE_DIR, saves/ in a "
                  "source checkout, else your user data folder)")
    opts.add("--format", choices=("text", "json"), default="text",
             help="text for people, json for programs")
    opts.add("--lang", choices=LANGUAGES, default=default_language(),
             help="language of the listing: en or id (also $SALURAN_LANG)")
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


def as_line(item: SaveListing, said: Messages | None = None) -> str:
    """One listing as a text line."""
    said = said or current()
    meta = item.meta
    if meta is None:
        error = item.error
        said_so = None if error is None else save_reason(said, error.key, error.values)
        problem = said_so or item.problem
        return said.t("saves.bad", file=item.path.name, problem=problem)
    top = said.text(meta.highest_position_name) or meta.highest_position or "-"
    kind = said.t(f"saves.kind.{meta.kind}")
    if meta.ironman and meta.kind != "ironman":
        kind += " " + said.t("saves.ironman")
    state = said.t(f"result.{meta.result}") if meta.result else said.t("result.ongoing")
    return said.t("saves.line", file=item.path.name, kind=kind,
                  scenario=said.text(meta.scenario_name) or meta.scenario_id, turn=meta.turn,
                  date=meta.date, player=meta.player_name, top=top, state=state,
                  played=_duration(meta.playtime_seconds), saved=meta.saved_at)


def run(args: argparse.Namespace) -> int:
    """Print the saves, newest first; a --save-dir that does not exist is an error."""
    said = current()
    folder = save_dir(args.save_dir)
    if args.save_dir and not Path(folder).exists():
        raise SaveError.because(folder, "no_folder")
    found = list_saves(folder)
    if args.format == "json":
        print(json.dumps({"folder": str(folder), "saves": [as_dict(s) for s in found]},
                         indent=1, ensure_ascii=False))
        return 0
    if not found:
        key = "saves.none" if folder.exists() else "saves.none_yet"
        print(said.t(key, folder=folder))
        return 0
    bad = sum(1 for s in found if s.meta is None)
    print(said.t("saves.title", folder=folder, good=len(found) - bad, bad=bad))
    for item in found:
        print("  " + as_line(item, said))
    return 0
