"""Creating a new game from a scenario and a seed."""

from __future__ import annotations

from game.core import contests, positions
from game.core.effects import join_party
from game.core.events import Event
from game.core.rulebook import Rulebook, compile_rulebook
from game.core.scenario import Scenario
from game.core.state import Actor, GameState
from game.core.turns import start_turn


def new_game(scenario: Scenario | Rulebook, seed: int) -> tuple[GameState, list[Event]]:
    """A fresh game at turn 1 (upkeep done) and the events that set it up.

    Pass a ``Rulebook`` to share one compiled scenario between many games (batch runs).
    """
    book = scenario if isinstance(scenario, Rulebook) else compile_rulebook(scenario)
    spec = book.scenario
    setups = sorted(spec.actors, key=lambda a: not a.player)  # the player acts first
    state = GameState(
        book=book, scenario_id=spec.id, seed=seed, turn=0, phase="act",
        order=[a.id for a in setups], current=0, actors={},
        popularity={p.id: p.popularity for p in spec.parties}, seats={},
    )
    out: list[Event] = []
    for setup in setups:
        resources: dict[str, float] = {r.id: r.initial for r in spec.resources}
        resources.update(setup.resources)
        actor = Actor(id=setup.id, name=setup.name, persona=setup.persona,
                      is_player=setup.player, resources=resources)
        state.actors[actor.id] = actor
        if setup.party is not None:
            join_party(state, actor, setup.party, out)
        for pid in setup.positions:
            positions.gain(state, actor, pid, "start", out)
    contests.form_governments(state, out)
    start_turn(state, 1, out)
    return state, out
