"""Starting backgrounds: resource changes on top of the scenario's start for the player's
seat.  The new-career screen offers them to the player; a persona names the one it starts
with when it plays the player's seat in the balance lab (``PersonaDef.background``).
"""

from __future__ import annotations

import dataclasses
import json
from functools import cache
from importlib import resources

from game.core.ids import Text
from game.core.scenario import ResourceDef, Scenario


@dataclasses.dataclass(frozen=True, slots=True)
class Background:
    """A starting background: resource changes on top of the scenario's start."""

    id: str
    name: Text
    about: Text
    resources: dict[str, float]


@cache
def _all() -> tuple[Background, ...]:
    raw = json.loads(resources.files("game.content").joinpath("backgrounds.json")
                     .read_text("utf-8"))
    return tuple(Background(b["id"], b["name"], b["about"], dict(b["resources"]))
                 for b in raw["backgrounds"])


def backgrounds() -> list[Background]:
    """Every starting background, in the order the new-career screen offers them."""
    return list(_all())


def background_ids() -> tuple[str, ...]:
    """The ids a persona's ``background`` may name."""
    return tuple(b.id for b in _all())


def find_background(background_id: str | None) -> Background | None:
    """The background with this id (None if there is none, or no id is given)."""
    return next((b for b in _all() if b.id == background_id), None)


def start_resources(scenario: Scenario, background: Background | None) -> dict[str, float]:
    """The player's starting resources with ``background`` applied, within bounds
    (resources the scenario does not have are left out)."""
    limits: dict[str, ResourceDef] = {r.id: r for r in scenario.resources}
    setup = next(a for a in scenario.actors if a.player)
    start: dict[str, float] = {r.id: r.initial for r in scenario.resources}
    start |= setup.resources
    for rid, delta in (background.resources if background else {}).items():
        if rid in limits:
            top = limits[rid].maximum
            value = max(start[rid] + delta, limits[rid].minimum)
            start[rid] = min(value, top) if top is not None else value
    return start


def start_changes(scenario: Scenario, background: Background | None) -> dict[str, float]:
    """``start_resources`` as a scenario writes an actor's start: only the resources that
    differ from their initial values."""
    initial: dict[str, float] = {r.id: r.initial for r in scenario.resources}
    return {k: v for k, v in start_resources(scenario, background).items() if v != initial[k]}


def with_background(scenario: Scenario, background: Background) -> Scenario:
    """``scenario`` with the player's seat starting from ``background``."""
    start = start_changes(scenario, background)
    actors = tuple(dataclasses.replace(a, resources=start) if a.player else a
                   for a in scenario.actors)
    return dataclasses.replace(scenario, actors=actors)
