"""The rules engine: pure Python, standard library only, no I/O.

Typical use::

    state, events = new_game(scenario, seed=7)
    for command in legal_moves(state, to_move(state)): ...
    result = apply(state, command)   # list of events, or a Rejected value
"""

from game.core.clone import clone_state
from game.core.codec import canonical_json, dump_state, event_to_dict, load_state, state_sha256
from game.core.engine import Rejected, apply, legal_moves, to_move, validate
from game.core.legacy import ScorePart, legacy_parts, legacy_score
from game.core.moves import ChooseOption, Command, EndTurn, MakeMove, Rejection
from game.core.polls import Forecast
from game.core.rulebook import Rulebook, compile_rulebook
from game.core.scenario import Scenario
from game.core.setup import new_game
from game.core.state import GameState
from game.core.views import MovePreview, contest_forecast, preview

__all__ = [
    "ChooseOption", "Command", "EndTurn", "Forecast", "GameState", "MakeMove", "MovePreview",
    "Rejected", "Rejection", "Rulebook", "Scenario", "ScorePart", "apply", "canonical_json",
    "clone_state", "compile_rulebook", "contest_forecast", "dump_state", "event_to_dict",
    "legacy_parts", "legacy_score", "legal_moves", "load_state", "new_game", "preview",
    "state_sha256", "to_move", "validate",
]
