"""Checks of meaning: positions nobody can reach, events that never fire, prerequisite
circles, a goal out of reach, and texts missing a language."""

from __future__ import annotations

import dataclasses
from typing import Any

from pydantic import BaseModel

from game.content import models as m
from game.content.compose import BUILTIN_NAME, Composition
from game.content.issues import LANGUAGES, Issue, issue, language_problem
from game.content.layers import Entry
from game.content.locate import escape
from game.content.meaning import summary
from game.content.reach import Analysis, Reach, effects_of


def check_semantics(main: m.ScenarioFile, comp: Composition) -> list[Issue]:
    """Every check of meaning; assumes every reference resolves."""
    analysis = Analysis(main, comp)
    reach = analysis.run()
    issues, in_cycles = _cycles(comp, reach)
    issues += _unreachable(comp, analysis, in_cycles)
    issues += _dead_events(comp, analysis)
    if not any(p in reach.positions for p in main.victory.positions):
        issues.append(issue("victory-unreachable",
                            "no actor can ever hold any of the victory positions "
                            f"({', '.join(main.victory.positions)}); the goal cannot be reached",
                            comp.setting_files.get("victory", comp.main), "/victory/positions"))
    return issues


def _requirement_edges(pos: m.Position) -> set[str]:
    """Positions ``pos`` certainly needs held (or once held) before it can be gained."""
    needed: set[str] = set()
    stack: list[Any] = list(pos.requires)
    while stack:
        cond = stack.pop()
        if isinstance(cond, m.HoldsCond) and len(cond.positions) == 1:
            needed.add(cond.positions[0])
        elif isinstance(cond, m.TenureCond) and cond.position is not None:
            needed.add(cond.position)
        elif isinstance(cond, m.AllCond):
            stack.extend(cond.conditions)
    return needed


def _cycles(comp: Composition, reach: Reach) -> tuple[list[Issue], set[str]]:
    positions = comp.lists["positions"]
    edges = {pid: _requirement_edges(e.model) & positions.keys()
             for pid, e in positions.items()}
    # Peel off positions whose needs are all outside any circle (Kahn's algorithm); what is
    # left is in a circle or behind one.
    needed_by: dict[str, list[str]] = {}
    for pid, needs in edges.items():
        for need in needs:
            needed_by.setdefault(need, []).append(pid)
    waiting = {pid: len(needs) for pid, needs in edges.items()}
    ready = [pid for pid, count in waiting.items() if count == 0]
    left = set(edges)
    while ready:
        pid = ready.pop()
        left.discard(pid)
        for user in needed_by.get(pid, ()):
            waiting[user] -= 1
            if waiting[user] == 0:
                ready.append(user)
    issues: list[Issue] = []
    reported: set[str] = set()
    for start in [p for p in positions if p in left]:
        if start in reported:
            continue
        path: dict[str, int] = {}  # node -> its index in the walk
        node = start
        while node not in path:
            path[node] = len(path)
            node = min(edges[node] & left)
        cycle = list(path)[path[node]:]
        seen_before = not reported.isdisjoint(cycle)
        reported.update(cycle)
        if seen_before or any(p in reach.positions for p in cycle):
            continue  # already reported, or someone starts inside the circle
        origin = positions[cycle[0]].origin
        shown = cycle if len(cycle) <= 8 else [*cycle[:7], f"... {len(cycle) - 7} more"]
        chain = " -> ".join([*shown, cycle[0]])
        issues.append(issue("prerequisite-cycle",
                            f"positions require each other in a circle ({chain}); nobody can "
                            "take the first step", origin.file, f"{origin.pointer}/requires",
                            cycle[0]))
    return issues, reported


def failing(analysis: Analysis, entry: Entry, attr: str) -> str:
    """The first of ``entry``'s conditions (``attr``) that can never hold, named, or ""."""
    for i, cond in enumerate(getattr(entry.model, attr)):
        if not analysis.can(cond):
            return f"{attr}/{i} {summary(entry.raw[attr][i], 70)} can never hold"
    return ""


def _why_not(comp: Composition, analysis: Analysis, pid: str) -> str:
    """Why a position whose grantors exist is still out of reach: the failing condition."""
    entry = comp.lists["positions"][pid]
    pos: m.Position = entry.model
    if pos.neutral and (pos.per_party or any(isinstance(c, m.PartyMemberCond) and c.member
                                             for c in pos.requires)):
        return "it is neutral (no party members), yet it needs a party (per_party or a " \
               "party_member requirement)"
    own = failing(analysis, entry, "requires")
    if own:
        return f"its {own}"
    for kind, attr in (("moves", "requires"), ("contests", "requires"), ("events", "conditions")):
        for other in comp.lists[kind].values():
            grants = other.model.position == pid if kind == "contests" else any(
                isinstance(e, m.GainPositionEffect) and e.position == pid
                for e in effects_of(other.model))
            why = failing(analysis, other, attr) if grants else ""
            if why:
                return f"{kind[:-1]} {other.model.id!r} grants it, but its {why}"
    return "its requirements, or those of what grants it, can never be met"


def _unreachable(comp: Composition, analysis: Analysis, skip: set[str]) -> list[Issue]:
    reach = analysis.reach
    contests = [e.model for e in comp.lists["contests"].values()]
    gains = {eff.position for kind in ("moves", "events") for e in comp.lists[kind].values()
             for eff in effects_of(e.model) if isinstance(eff, m.GainPositionEffect)}
    issues = []
    for pid, entry in comp.lists["positions"].items():
        if pid in reach.positions or pid in skip:
            continue
        pos = entry.model
        fillers = [c for c in contests if c.position == pid and c.kind != "nomination"]
        if pos.obtained != "automatic" and pid not in gains and not fillers:
            why = "nothing grants it: no contest fills it, no move or event has " \
                  "gain_position for it, and it is not automatic"
        elif fillers and not any(c.id in reach.contests for c in fillers) and pid not in gains \
                and pos.obtained != "automatic":
            why = "nobody can stand in " + ", ".join(c.id for c in fillers) + \
                  " (no reachable move or event enters it, or it sits after the last turn)"
        else:
            why = _why_not(comp, analysis, pid)
        issues.append(issue("unreachable-position", f"no actor can ever hold it: {why}",
                            entry.origin.file, entry.origin.pointer, pid))
    return issues


def _dead_events(comp: Composition, analysis: Analysis) -> list[Issue]:
    issues = []
    for eid, entry in comp.lists["events"].items():
        if eid in analysis.reach.events:
            continue
        why = "its probability is 0" if entry.model.probability <= 0 else \
            f"its {failing(analysis, entry, 'conditions') or 'conditions can never hold'}"
        issues.append(issue("event-never-fires", f"this event can never be drawn: {why}",
                            entry.origin.file, entry.origin.pointer, eid))
    return issues


def check_translations(main: m.ScenarioFile, comp: Composition) -> list[Issue]:
    """Every text should have English and Bahasa Indonesia (warnings)."""
    issues: list[Issue] = []
    for key in ("name", "description"):
        file = comp.setting_files.get(key, comp.main)
        _texts(main, key, getattr(main, key), f"/{key}", file, main.id, issues)
    for kind in m.LIST_KINDS:
        for entry in comp.lists[kind].values():
            if entry.origin.file == BUILTIN_NAME:
                continue
            found: list[Issue] = []
            _walk_texts(entry.model, entry.origin.pointer, entry.origin.file, entry.model.id,
                        found)
            for item in found:  # a text a patch wrote is reported in the patch
                file, pointer = entry.where(item.pointer)
                issues.append(dataclasses.replace(item, file=file, pointer=pointer))
    return issues


def _walk_texts(node: BaseModel, pointer: str, file: str, oid: str,
                issues: list[Issue]) -> None:
    for name in node.model_fields_set:
        value = getattr(node, name)
        here = f"{pointer}/{name}"
        if isinstance(value, BaseModel):
            _walk_texts(value, here, file, oid, issues)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    _walk_texts(item, f"{here}/{i}", file, oid, issues)
        elif isinstance(value, dict):
            _texts(node, name, value, here, file, oid, issues)


def _texts(node: BaseModel, name: str, value: dict[str, Any], pointer: str, file: str,
           oid: str, issues: list[Issue]) -> None:
    if not value or not all(isinstance(v, str) for v in value.values()):
        return  # not a text (weights, starting resources)
    if name in ("resource_weights", "channel_bias", "resources"):
        return
    unknown = [lang for lang in value if lang not in LANGUAGES]
    for lang in unknown:
        issues.append(issue("bad-language", language_problem(lang), file,
                            f"{pointer}/{escape(lang)}", oid))
    if unknown:
        return  # one problem: the misspelt code, not also a missing translation
    for lang, language in LANGUAGES.items():
        if lang not in value:
            issues.append(issue("missing-translation",
                                f"{name} has no {language} ({lang!r}) text", file, pointer, oid))
