"""Validating files and folders: what ``saluran validate`` checks, without playing.

A folder holding ``scenario.json`` is one scenario; a folder holding ``mod.json`` is one
patch mod, checked stacked on each scenario it applies to; any other folder is searched (up
to ``MAX_SEARCH_DEPTH`` levels) for both.  A JSON file is checked as a scenario when it is
named ``scenario.json`` or holds an ``id``, as a patch mod when it is named ``mod.json`` or
holds ``applies_to``; otherwise as a part (shape only: its references are checked with the
scenario that includes it).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from game.content.compose import Composition, display, parse_model
from game.content.issues import ContentError, Issue, issue
from game.content.jsonfile import read_source
from game.content.loader import Checked, check_scenario, place
from game.content.models import PartFile
from game.content.mods import MAIN_FILE, MOD_FILE
from game.content.modstack import read_mod, read_mod_file

MAX_SEARCH_DEPTH = 3


@dataclass(slots=True)
class Target:
    """One thing to validate: a scenario's main file or a lone part file."""

    path: Path
    scenario: bool
    mod: bool = False


@dataclass(slots=True)
class Report:
    """Everything found in the given paths."""

    checked: list[Checked] = field(default_factory=list)  # one per scenario
    parts: list[str] = field(default_factory=list)  # part files checked on their own
    issues: list[Issue] = field(default_factory=list)  # every issue, without duplicates

    def add(self, found: list[Issue]) -> None:
        """Add issues not reported yet (a shared base is read by every scenario using it)."""
        seen = set(self.issues)
        for item in found:
            if item not in seen:
                self.issues.append(item)
                seen.add(item)


def targets(path: Path) -> tuple[list[Target], list[Issue]]:
    """What to validate under ``path`` (which must exist)."""
    if path.is_dir():
        main, mod = path / MAIN_FILE, path / MOD_FILE
        if main.is_file() or mod.is_file():
            return [Target(p, p == main, p == mod) for p in (main, mod) if p.is_file()], []
        found: list[Target] = []
        for name in (MAIN_FILE, MOD_FILE):
            pattern = name
            for _ in range(MAX_SEARCH_DEPTH):
                pattern = f"*/{pattern}"
                try:
                    found += [Target(p, name == MAIN_FILE, name == MOD_FILE)
                              for p in sorted(path.glob(pattern)) if p.is_file()]
                except OSError:
                    break
        if not found:
            return [], [issue("no-scenario", f"no {MAIN_FILE} or {MOD_FILE} in this folder "
                              "or below it", display(path))]
        return found, []
    if _looks_like_mod(path):
        return [Target(path, False, True)], []
    return [Target(path, _looks_like_scenario(path))], []


def _looks_like_mod(path: Path) -> bool:
    if path.name == MOD_FILE:
        return True
    try:
        data = read_source(path, display(path)).data
    except ContentError:
        return False
    return isinstance(data, dict) and "applies_to" in data and "id" not in data


def _looks_like_scenario(path: Path) -> bool:
    if path.name == MAIN_FILE:
        return True
    try:
        data = read_source(path, display(path)).data
    except ContentError:
        return True  # the scenario check reports why it cannot be read
    return not isinstance(data, dict) or "id" in data or (
        "extends" not in data and ("calendar" in data or "victory" in data))


def check_part(path: Path) -> list[Issue]:
    """A part file alone: reading and shape."""
    name = display(path)
    try:
        source = read_source(path, name)
    except ContentError as exc:
        return exc.issues
    if not isinstance(source.data, dict):
        return [issue("not-an-object", "the file must hold one JSON object", name)]
    issues: list[Issue] = []
    parse_model(PartFile, source.data, name, issues)
    return place(issues, {name: source})


def check_mod(path: Path, deep: bool = True, before: Sequence[str] = ()) -> list[Checked]:
    """A patch mod stacked (after ``before``) on each scenario it applies to."""
    info = read_mod(path, path.parent.name)
    if info.problem:
        comp = Composition(main=display(path))
        read_mod_file(comp, path)
        return [Checked(display(path), place(comp.issues, comp.sources), files=[display(path)],
                        id=info.id)]
    results = []
    for i, sid in enumerate(info.applies_to):
        checked = check_scenario(sid, deep=deep, mods=[*before, path])
        if not checked.files:  # no such scenario: say so at the mod's applies_to
            source = read_source(path, display(path))
            moved = [dataclasses.replace(found, file=display(path), pointer=f"/applies_to/{i}")
                     for found in checked.issues]
            checked.issues = place(moved, {display(path): source})
        results.append(checked)
    return results


def validate_paths(paths: list[Path], deep: bool = True, mods: Sequence[str] = ()) -> Report:
    """Check every scenario, patch mod and part under ``paths`` (each must exist); scenarios
    with the patch mods ``mods`` stacked on them."""
    report = Report()
    for path in paths:
        found, problems = targets(path)
        report.add(problems)
        for target in found:
            try:
                if target.mod:
                    for checked in check_mod(target.path, deep, mods):
                        report.checked.append(checked)
                        report.add(checked.issues)
                elif target.scenario:
                    checked = check_scenario(target.path, deep=deep, mods=mods)
                    report.checked.append(checked)
                    report.add(checked.issues)
                else:
                    report.parts.append(display(target.path))
                    report.add(check_part(target.path))
            except Exception as exc:  # a bug in the checks: report it, check the rest
                report.add([issue("internal-error", f"{type(exc).__name__}: {exc}",
                                  display(target.path))])
    return report
