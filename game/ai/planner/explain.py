"""Why the planner chooses what it chooses: its road, goals, prices and every command's worth."""

from __future__ import annotations

from collections.abc import Sequence

from game.ai.planner.policy import PlannerPolicy
from game.core import ChooseOption, Command, MakeMove
from game.core.views import View


def explain(policy: PlannerPolicy, view: View, legal: Sequence[Command]) -> dict[str, object]:
    """Why ``policy`` would choose what it chooses now: its road, the contests it plays for,
    the prices it puts on resources, and every legal command's worth, best first."""
    made = policy.priced_plan(view, legal)
    val = made.valuation
    assert val is not None
    road = made.road
    ranked = sorted(((policy.worth(view, made, c), i, c) for i, c in enumerate(legal)),
                    key=lambda x: (-x[0], x[1]))
    return {
        "turn": view.turn,
        "road": [] if road is None else [
            {"position": s.gate.position, "via": s.gate.move or s.gate.kind,
             "turn": s.turn, "chance": round(s.chance, 3)} for s in road.steps],
        "road_chance": round(made.goals.chance, 3),
        "objectives": [
            {"contest": o.contest, "turn": o.turn, "weight": round(o.weight, 3),
             "strength": round(o.now, 1), "expected": round(o.projected, 1),
             "cutoff": round(o.outlook.cutoff, 1)} for o in made.goals.objectives],
        "prices": {r: round(w * 1000, 2) for r, w in sorted(
            val.weights.items(), key=lambda kv: -abs(kv[1])) if abs(w) > 1e-6},
        "funds": {"reserve": made.goals.reserve, "price_above": round(val.funds_low * 1000, 3),
                  "price_below": round(val.funds_high * 1000, 3)},
        "commands": [{"command": _label(c), "worth": round(v * 1000, 2)}
                     for v, _, c in ranked],
    }


def _label(command: Command) -> str:
    if isinstance(command, MakeMove):
        return command.move + (f" {command.target}" if command.target else "")
    if isinstance(command, ChooseOption):
        return f"{command.event}: {command.choice}"
    return "end turn"
