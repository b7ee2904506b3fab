"""What a planner remembers between turns: the road each actor chose when it last reckoned
every road.  Reckoning all roads is the costly part of planning; following a chosen road
for a few turns, placed again each turn as the actor stands, is cheap.  The memory is plain
data so that saves keep it: a career loaded from a save plays on exactly as it would have.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from game.ai.planner.atlas import Atlas, Gate
from game.ai.planner.atoms import Atom
from game.ai.planner.routes import Route

KEEP_ROAD = 4  # turns a chosen road is followed before every road is reckoned again
StepRef = tuple[str, int, int]  # position, index of its gate, index of the gate's alternative


@dataclass(frozen=True, slots=True)
class RoadMemory:
    """The road an actor chose at ``reckoned``, reckoned for ``party`` (joining it that turn
    when ``joining``), and what joining each party was worth then; ``scale``: the share of
    the road's chance that rests on what comes after its last step (below 1 for a detour
    into a channel, which leads on to the top by a road not yet reckoned)."""

    reckoned: int
    party: str | None
    joining: bool
    steps: tuple[StepRef, ...]
    parties: Mapping[str, float]
    scale: float = 1.0

    def fresh(self, turn: int) -> bool:
        """True while the road is to be followed rather than reckoned again."""
        return 0 <= turn - self.reckoned < KEEP_ROAD

    def to_data(self) -> dict[str, Any]:
        """Plain JSON data (for saves)."""
        data: dict[str, Any] = {
            "reckoned": self.reckoned, "party": self.party, "joining": self.joining,
            "steps": [list(s) for s in self.steps], "parties": dict(self.parties)}
        if self.scale != 1.0:
            data["scale"] = self.scale
        return data


def remember(atlas: Atlas, turn: int, party: str | None, joining: bool, road: Route,
             parties: Mapping[str, float], scale: float = 1.0) -> RoadMemory | None:
    """The memory of ``road`` (None if one of its steps is not in the atlas)."""
    refs = []
    for step in road.steps:
        gates = atlas.gates.get(step.gate.position, [])
        gate_index = next((i for i, g in enumerate(gates) if g is step.gate), None)
        if gate_index is None or step.term not in step.gate.needs:
            return None
        refs.append((step.gate.position, gate_index, step.gate.needs.index(step.term)))
    return RoadMemory(turn, party, joining, tuple(refs), dict(parties), scale)


def steps_of(atlas: Atlas, memory: RoadMemory) -> list[tuple[Gate, tuple[Atom, ...]]] | None:
    """The gates and alternatives a memory names (None if the atlas no longer has them)."""
    found = []
    for position, gate_index, term_index in memory.steps:
        gates = atlas.gates.get(position, [])
        if not 0 <= gate_index < len(gates):
            return None
        gate = gates[gate_index]
        if not 0 <= term_index < len(gate.needs):
            return None
        found.append((gate, gate.needs[term_index]))
    return found


def from_data(data: Any) -> RoadMemory | None:
    """A memory from saved data; None for anything malformed (a save is untrusted)."""
    if not isinstance(data, Mapping):
        return None
    try:
        steps = tuple((str(p), int(g), int(t)) for p, g, t in data["steps"])
        parties = {str(k): float(v) for k, v in data["parties"].items()}
        party = data["party"]
        scale = float(data.get("scale", 1.0))  # saves from before detours have none
        if not 0.0 <= scale <= 1.0:
            return None
        return RoadMemory(int(data["reckoned"]), None if party is None else str(party),
                          bool(data["joining"]), steps, parties, scale)
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
