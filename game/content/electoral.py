"""Checks of the electoral-system fields: settings that contradict each other or the rest of
the scenario (a mixed system without a list method, more constituencies than seats, a vote
of a chamber nobody elects, a party that shuns itself...)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from game.content import models as m
from game.content.compose import BUILTIN_NAME, Composition
from game.content.issues import Issue, issue

LISTS = ("dhondt", "sainte_lague")
CHAMBER_KINDS = ("investiture", "confidence")


def check_electoral(comp: Composition) -> list[Issue]:
    """Every electoral-system check; assumes every reference resolves."""
    issues: list[Issue] = []
    positions = {pid: e.model for pid, e in comp.lists["positions"].items()}
    contests = [e for e in comp.lists["contests"].values()]
    elected = {e.model.position for e in contests
               if e.model.kind == "general_election" and not e.model.per_party}
    governed = {e.model.chamber or e.model.position for e in contests
                if e.model.kind == "investiture"}
    for entry in contests:
        for problem, where in _contest_problems(entry.model, positions, elected):
            issues.append(issue("electoral-system", problem, entry.origin.file,
                                f"{entry.origin.pointer}{where}", entry.model.id))
    for pid, entry in comp.lists["parties"].items():
        if pid in entry.model.shuns:
            issues.append(issue("electoral-system", "a party cannot shun itself",
                                entry.origin.file, f"{entry.origin.pointer}/shuns", pid))
    for kind in ("moves", "events", "positions", "contests"):
        for oid, entry in comp.lists[kind].items():
            if entry.origin.file == BUILTIN_NAME:
                continue
            for chamber, pointer in _government_refs(entry.model, entry.origin.pointer):
                if chamber not in governed:
                    issues.append(issue(
                        "no-government", f"no investiture contest forms a government of "
                        f"{chamber!r}, so this never applies", entry.origin.file, pointer, oid))
    return issues


def _contest_problems(contest: m.Contest, positions: dict[str, m.Position],
                      elected: set[str]) -> Iterator[tuple[str, str]]:
    lists = contest.allocation in LISTS and contest.kind == "general_election"
    if contest.mixed is not None:
        if not lists:
            yield ("a mixed system needs a general election with allocation dhondt or "
                   "sainte_lague (the method of its list seats)", "/mixed")
        seats = contest.winners or positions[contest.position].seats
        if contest.mixed.constituencies > seats:
            yield (f"{contest.mixed.constituencies} constituencies but only {seats} seats in "
                   "the house", "/mixed/constituencies")
    if contest.regions:
        if not lists:
            yield ("regional lists need a general election with allocation dhondt or "
                   "sainte_lague", "/regions")
        ids = [r.id for r in contest.regions]
        for i, rid in enumerate(ids):
            if rid in ids[:i]:
                yield f"region {rid!r} is listed twice", f"/regions/{i}/id"
    if contest.kind in CHAMBER_KINDS:
        if contest.chamber is None:
            yield (f"a {contest.kind} vote needs a chamber: the elected position whose seats "
                   "vote", "")
        elif contest.chamber not in elected:
            yield (f"the chamber {contest.chamber!r} is not filled by any general election "
                   "(not per party), so it has no seats to vote with", "/chamber")
        if contest.per_party:
            yield f"a {contest.kind} vote is held by the whole chamber, not per party", \
                "/per_party"


def _government_refs(node: Any, pointer: str) -> Iterator[tuple[str, str]]:
    """(chamber, pointer) of every government condition and effect inside ``node``."""
    if isinstance(node, m.GovernmentCond | m.JoinGovernmentEffect | m.LeaveGovernmentEffect):
        yield node.chamber, f"{pointer}/chamber"
        return
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            value = getattr(node, name)
            if isinstance(value, BaseModel | list):
                yield from _government_refs(value, f"{pointer}/{name}")
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from _government_refs(item, f"{pointer}/{i}")
