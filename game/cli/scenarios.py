"""``saluran scenarios``: every scenario found, shipped and in the mods folder."""

from __future__ import annotations

import argparse
import json
from typing import Any

from game.content import check_scenario, use_mods_folder
from game.content.compose import display
from game.content.idref import markdown, scenario_ids, shipped_ids, text
from game.content.mods import discover, discover_mods, mods_folder
from game.content.modstack import read_mod
from game.content.textsafety import shown


def register(sub: Any) -> None:
    """Add the ``scenarios`` sub-command."""
    parser = sub.add_parser("scenarios", help="list the scenarios found (shipped and mods)")
    parser.add_argument("--format", choices=("text", "json", "markdown"), default="text",
                        help="markdown: only with --ids (the docs page)")
    parser.add_argument("--ids", metavar="ID", default=None,
                        help="list the ids inside scenario ID (or 'all' shipped ones): what a "
                             "patch or a mod names")
    parser.add_argument("--lang", choices=("en", "id"), default="en")
    parser.add_argument("--mods", metavar="DIR", default=argparse.SUPPRESS,
                        help="the mods folder (default: $SALURAN_MODS or the user data dir)")
    parser.set_defaults(run=run)


def listing(lang: str = "en") -> list[dict[str, Any]]:
    """One row per scenario found: id, name, system, source, path, playable, ..."""
    rows = []
    for found in discover():
        checked = check_scenario(found.path, deep=False)
        scenario = checked.scenario
        names = dict(scenario.name) if scenario else {}
        rows.append({
            "id": found.id,  # what --scenario takes: the folder's name
            "name": names.get(lang) or names.get("en") or found.id,
            "system": scenario.system if scenario else None,
            "source": found.source,
            "path": display(found.path),
            "playable": scenario is not None,
            "errors": len(checked.errors),
            "shadowed": found.shadowed,
        })
    return rows


def run(args: argparse.Namespace) -> int:
    """Print the table (or JSON list)."""
    if getattr(args, "mods", None):
        use_mods_folder(args.mods)
    if args.ids is not None:
        return _ids(args.ids, args.format)
    rows = listing(args.lang)
    if args.format == "json":
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    if not rows:
        print(f"no scenarios found (mods folder: {display(mods_folder())})")
        return 0
    width = max(len(shown(r["id"])) for r in rows)
    for r in rows:
        note = "" if r["playable"] else f"  [{r['errors']} error(s): saluran validate {r['path']}]"
        if r["shadowed"]:
            note += "  [hidden by an earlier scenario with the same id]"
        # folder names come from the disk: never let them write control characters
        print(shown(f"{shown(r['id']):<{width}}  {r['system'] or '?':<24}  {r['source']:<7}  "
                    f"{r['name']}{note}"))
    for mod in discover_mods():
        info = read_mod(mod.path, mod.id)
        what = info.problem or (f"patch mod for {', '.join(info.applies_to)}: "
                                f"{info.name.get(args.lang) or info.name.get('en', mod.id)}")
        print(shown(f"{mod.id:<{width}}  {what}"))
    print(shown(f"mods folder: {display(mods_folder())}"))
    return 0


def _ids(ref: str, fmt: str) -> int:
    refs = shipped_ids() if ref == "all" else [ref]
    listings = [scenario_ids(r) for r in refs]
    if fmt == "json":
        print(json.dumps(listings if ref == "all" else listings[0], indent=2,
                         ensure_ascii=False))
    elif fmt == "markdown":
        print(markdown(listings), end="")
    else:
        lines = "\n\n".join(text(item) for item in listings).splitlines()
        print("\n".join(shown(line) for line in lines))
    return 1 if any("error" in item for item in listings) else 0
