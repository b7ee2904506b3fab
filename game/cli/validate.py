"""``saluran validate PATH...``: check scenarios and mods; optionally play smoke careers.

Exit status: 0 clean, 1 problems (warnings only with --strict) or a PATH that does not
exist, 2 a wrong command line.  ``--format json`` prints one object: {"ok", "errors", "warnings",
"scenarios", "parts", "issues"}, each issue with code, severity, message, file, line,
column, pointer and object_id.
"""

from __future__ import annotations

import argparse
import json
import sys
import traceback
from pathlib import Path
from typing import Any

from game.ai import seat_policies, step
from game.cli import non_negative
from game.cli.messages import t
from game.cli.options import Refused
from game.content import Checked, Issue, use_mods_folder
from game.content.issues import issue
from game.content.validate import Report, validate_paths
from game.core import compile_rulebook, new_game

SMOKE_POLICIES = ("greedy", "random")  # the player's policy, alternating by seed


def register(sub: Any) -> None:
    """Add the ``validate`` sub-command."""
    parser = sub.add_parser(
        "validate", help="check scenarios and mods: syntax, schema, references, meaning",
        description="Check scenario files or folders. Exit 0 clean, 1 problems, 2 usage.")
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="a scenario folder, a folder of scenarios, or a JSON file")
    parser.add_argument("--strict", action="store_true", help="warnings fail too")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--smoke", type=non_negative, default=0, metavar="N",
                        help="also play N seeded headless careers per scenario")
    parser.add_argument("--mods", metavar="DIR", default=argparse.SUPPRESS,
                        help="the mods folder (for extends by id and --mod names)")
    parser.add_argument("--mod", dest="mod_list", action="append", default=[],
                        metavar="NAME", help="stack a patch mod on each scenario checked "
                        "(repeatable; applied in the order given)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Validate, print the issues, return the exit status."""
    if getattr(args, "mods", None):
        use_mods_folder(args.mods)
    paths = [Path(p) for p in args.paths]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise Refused(t("error.no_such_path", paths=", ".join(missing)))
    report = validate_paths(paths, mods=args.mod_list)
    for checked in report.checked:
        if args.smoke and checked.scenario is not None:
            report.add(smoke(checked, args.smoke))
    _print(report, args.format)
    failing = [i for i in report.issues if i.severity == "error" or args.strict]
    return 1 if failing else 0


def smoke(checked: Checked, careers: int) -> list[Issue]:
    """Play ``careers`` seeded headless careers; an issue for each crash or endless game."""
    assert checked.scenario is not None
    book = compile_rulebook(checked.scenario)
    budget = 400 * book.scenario.max_turns * max(len(book.scenario.actors), 1) + 1000
    issues = []
    for seed in range(careers):
        policy = SMOKE_POLICIES[seed % len(SMOKE_POLICIES)]
        turn = 0
        try:
            state, _ = new_game(book, seed)
            policies = seat_policies(book, policy)
            steps = 0
            while state.phase != "over" and steps < budget:
                turn = state.turn
                step(state, policies)
                steps += 1
            if state.phase != "over":
                issues.append(issue("smoke-stuck", f"seed {seed} ({policy} player): no end "
                                    f"after {budget} decisions (turn {state.turn})",
                                    checked.main))
        except Exception as exc:  # the point of a smoke test: report, never crash
            where = traceback.extract_tb(exc.__traceback__)[-1]
            issues.append(issue(
                "smoke-crash", f"seed {seed} ({policy} player) crashed at turn {turn}: "
                f"{type(exc).__name__}: {exc} [{Path(where.filename).name}:{where.lineno}]; "
                f"reproduce: saluran play --headless --scenario {checked.main} --seed {seed} "
                f"--ai {policy}", checked.main))
    return issues


def _print(report: Report, fmt: str) -> None:
    errors = sum(1 for i in report.issues if i.severity == "error")
    warnings = len(report.issues) - errors
    if fmt == "json":
        print(json.dumps({
            "ok": not report.issues, "errors": errors, "warnings": warnings,
            "scenarios": [{"main": c.main, "id": c.id, "mods": c.mods,
                           "files": c.files, "playable": c.scenario is not None}
                          for c in report.checked],
            "parts": report.parts,
            "issues": [i.as_dict() for i in report.issues],
        }, indent=2, ensure_ascii=False))
        return
    for found in report.issues:
        print(found.render())
    where = f"{len(report.checked)} scenario(s)"
    if report.parts:
        where += f" and {len(report.parts)} part file(s)"
    print(f"{errors} error(s), {warnings} warning(s) in {where}", file=sys.stderr)
