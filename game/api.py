"""The public headless API: one career, played from Python.

    from game.api import Career
    career = Career.new("nusantara", seed=7)
    command = career.legal_moves()[0]
    print(career.preview(command).chance)
    career.apply(command)
    career.end_turn()

Rivals play their personas between the player's decisions; the player's seat is driven by
the caller (or by ``play_to_end`` with a policy).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from game.ai import (
    DEFAULT_DIFFICULTY,
    Policy,
    make_policy,
    policy_memory,
    recall_memory,
    seat_policies,
    step,
)
from game.content import ContentError, load_with_document
from game.core import (
    Command,
    EndTurn,
    GameState,
    MovePreview,
    Rejected,
    Rulebook,
    apply,
    compile_rulebook,
    dump_state,
    legacy_score,
    legal_moves,
    new_game,
    preview,
    state_sha256,
    to_move,
)
from game.core.events import Event
from game.core.scenario import Scenario
from game.persistence import (
    DEFAULT_SLOTS,
    Autosaver,
    AutosaveWorker,
    CareerInfo,
    HistoryLog,
    SaveError,
    SaveSnapshot,
    ironman_name,
    new_career_id,
    read_save,
    save_dir,
    take_snapshot,
    won_positions,
    write_save,
)
from game.persistence.format import SaveKind

#: Called after each player turn (and at each turn boundary of ``play_to_end``).
TurnHook = Callable[["Career", list[Event]], None]


class IllegalMove(ValueError):
    """A command the rules refuse; the career is unchanged."""

    def __init__(self, rejected: Rejected) -> None:
        self.rejected = rejected
        super().__init__(rejected.message)


class Career:
    """A game seen from the player's seat, with AI rivals."""

    def __init__(self, state: GameState, rivals: str | None = None,
                 difficulty: str = DEFAULT_DIFFICULTY) -> None:
        self.state = state
        self.policies: dict[str, Policy] = seat_policies(state.book, "greedy", rivals,
                                                         difficulty)
        self.player_id = state.order[0]
        self.events: list[Event] = []
        self.history: list[Command] = []  # every command applied, player's and rivals'
        self.scenario_ref = state.scenario_id
        self.rivals = rivals
        self.difficulty = difficulty
        self._loaded_memory: dict[str, Any] = {}  # the AI memory a loaded save kept
        # Saving: the scenario as loaded, the career's file id, mode and time played.
        self.document: Mapping[str, Any] | None = None
        self.career_id = new_career_id()
        self.ironman = False
        self.history_complete = True  # False after loading a save that kept no history
        self.turn_hooks: list[TurnHook] = []
        self._history_log = HistoryLog()
        self._playtime_base = 0.0
        self._clock = time.monotonic()

    @classmethod
    def new(cls, scenario: str | Scenario = "nusantara", seed: int = 0,
            rivals: str | None = None, mods: Sequence[str] = (),
            difficulty: str = DEFAULT_DIFFICULTY) -> Career:
        """A new career; ``scenario`` is an id, a path or a loaded Scenario.

        ``difficulty``: how rivals playing their personas decide (``game.ai.DIFFICULTIES``);
        ``rivals``: one policy for every rival instead.

        ``mods``: patch mods (names in the mods folder, or paths) stacked on the scenario in
        this load order (``game.content.mods_for`` lists those that apply to it).
        """
        document = None
        if isinstance(scenario, str):
            loaded, document = load_with_document(scenario, mods)
        elif mods:
            raise ValueError("mods apply to a scenario given by id or path, not to a "
                             "Scenario object")
        else:
            loaded = scenario
        state, events = new_game(compile_rulebook(loaded), seed)
        career = cls(state, rivals, difficulty)
        career.document = document
        if isinstance(scenario, str):
            career.scenario_ref = scenario
        career.events.extend(events)
        career.advance()
        return career

    @property
    def book(self) -> Rulebook:
        """The compiled scenario."""
        return self.state.book

    def legal_moves(self) -> list[Command]:
        """The player's legal commands now (empty once the game is over)."""
        return legal_moves(self.state, self.player_id)

    def preview(self, command: Command) -> MovePreview:
        """Cost, success chance and factors, contest forecasts; changes nothing."""
        return preview(self.state, command)

    def apply(self, command: Command) -> list[Event]:
        """Apply a player command; raise IllegalMove (state unchanged) if refused."""
        result = apply(self.state, command)
        if isinstance(result, Rejected):
            raise IllegalMove(result)
        self.history.append(command)
        self.events.extend(result)
        self.advance()
        return result

    def end_turn(self) -> list[Event]:
        """End the player's moves; rivals, events and contests run until the player is needed."""
        start = len(self.events)
        self.apply(EndTurn(self.player_id))
        self._run_hooks(self.events[start:])
        return self.events[start:]

    def advance(self) -> None:
        """Let the rivals decide until the player must (or the game is over)."""
        while self.state.phase != "over" and to_move(self.state) != self.player_id:
            self.events.extend(step(self.state, self.policies, self.history))

    def play_to_end(self, policy: str = "greedy",
                    on_events: Callable[[list[Event]], None] | None = None) -> None:
        """Play the player's seat with ``policy`` until the career ends (a policy that
        remembers gets back what a saved career's seat remembered)."""
        remembered = {**self._loaded_memory, **policy_memory(self.policies)}
        self.policies[self.player_id] = make_policy(policy, self.book)
        recall_memory({self.player_id: self.policies[self.player_id]}, remembered)
        turn, since_hook = self.state.turn, len(self.events)
        while self.state.phase != "over":
            events = step(self.state, self.policies, self.history)
            self.events.extend(events)
            if on_events is not None:
                on_events(events)
            if self.turn_hooks and (self.state.turn != turn or self.is_over):
                turn = self.state.turn
                self._run_hooks(self.events[since_hook:])
                since_hook = len(self.events)

    @property
    def is_over(self) -> bool:
        """True once the player's career has ended."""
        return self.state.phase == "over"

    @property
    def result(self) -> str | None:
        """won, ruined, retired or time_up; None while it goes on."""
        return self.state.result

    @property
    def score(self) -> float:
        """The player's legacy score so far."""
        return legacy_score(self.state, self.state.player)

    def dump(self) -> dict[str, Any]:
        """The canonical state dump."""
        return dump_state(self.state)

    def state_sha256(self) -> str:
        """SHA-256 of the canonical dump."""
        return state_sha256(self.state)

    # ------------------------------------------------------------------ saving
    @property
    def playtime(self) -> float:
        """Seconds played in this career, across saves (wall clock: metadata only)."""
        return self._playtime_base + time.monotonic() - self._clock

    @property
    def info(self) -> CareerInfo:
        """The facts a save keeps besides the state: id, scenario reference, rivals, mode."""
        memory = {**self._loaded_memory, **policy_memory(self.policies)}
        return CareerInfo(self.career_id, self.scenario_ref, self.rivals, self.ironman,
                          self.difficulty, memory)

    def _document(self) -> Mapping[str, Any]:
        if self.document is not None:
            return self.document
        # Built from a Scenario object: find its document by reference, if it is the same.
        try:
            scenario, document = load_with_document(self.scenario_ref)
        except ContentError:
            scenario = None
        if scenario is None or scenario.fingerprint != self.book.scenario.fingerprint:
            raise SaveError.because(None, "not_embeddable", ref=self.scenario_ref)
        if scenario != self.book.scenario:
            # Changed in code after loading (e.g. a customised player): the save still loads
            # and continues exactly, but a replay from the document would start elsewhere.
            self.history_complete = False
        self.document = document
        return document

    def snapshot(self, kind: SaveKind = "manual") -> SaveSnapshot:
        """Everything a save holds, taken now (cheap; safe to encode on another thread)."""
        document = self._document()
        history = self._history_log.sync(self.history) if self.history_complete else None
        return take_snapshot(self.state, history, document, self.info,
                             kind="ironman" if self.ironman else kind, playtime=self.playtime)

    def save(self, path: str | Path) -> Path:
        """Save to ``path`` atomically (the previous file kept as ``.bak``); SaveError if not.

        An ironman career saves only to its own slot (see docs/SAVES.md).
        """
        path = Path(path)
        if self.ironman and path.name != ironman_name(self.career_id):
            raise SaveError.because(path, "ironman_save", slot=ironman_name(self.career_id))
        return write_save(path, self.snapshot())

    @classmethod
    def load(cls, path: str | Path, *, continue_ironman: bool = False) -> Career:
        """The career saved in ``path``; SaveError (the file untouched) if it cannot load.

        Ironman saves load only with ``continue_ironman`` from their own slot; the career
        then autosaves to that slot after every turn.
        """
        path = Path(path)
        loaded = read_save(path, mode="continue_ironman" if continue_ironman else "play")
        info = loaded.info
        career = cls(loaded.state, info.rivals, info.difficulty)
        career._loaded_memory = dict(info.ai or {})
        recall_memory(career.policies, career._loaded_memory)
        career.history = list(loaded.history or [])
        career.history_complete = loaded.history is not None
        career.document = loaded.file.scenario
        career.scenario_ref = info.scenario_ref
        career.career_id = info.career_id
        career._playtime_base = loaded.meta.playtime_seconds
        if info.ironman:
            career.ironman = True
            career.enable_autosave(path.parent)
        career.advance()
        return career

    def enable_autosave(self, folder: str | Path | None = None, *, slots: int = DEFAULT_SLOTS,
                        ironman: bool = False,
                        worker: AutosaveWorker | None = None) -> Autosaver:
        """Autosave after every player turn (into ``folder`` or the default save folder).

        ``ironman`` makes this an ironman career (one slot, no reloading); an ironman career
        stays one.  With ``worker`` the files are encoded and written on its thread.
        """
        self.ironman = self.ironman or ironman
        saver = Autosaver(save_dir(folder), self.career_id, slots=slots,
                          ironman=self.ironman, worker=worker,
                          held=self.state.player.first_held)
        self.turn_hooks[:] = [h for h in self.turn_hooks if not isinstance(h, _AutosaveHook)]
        self.turn_hooks.append(_AutosaveHook(saver))
        return saver

    def _run_hooks(self, events: list[Event]) -> None:
        for hook in list(self.turn_hooks):
            hook(self, events)


class _AutosaveHook:
    """The turn hook that feeds an Autosaver (one per career)."""

    def __init__(self, saver: Autosaver) -> None:
        self.saver = saver

    def __call__(self, career: Career, events: list[Event]) -> None:
        snapshot = career.snapshot("autosave")
        self.saver.after_turn(snapshot, won_positions(events, career.player_id))
