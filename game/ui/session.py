"""Session glue between the UI and one career: commands, background turns, saves.

The UI never writes game state: it sends commands through ``game.api.Career``.  Rival turns
(and saves) run on a worker thread while the frame loop keeps drawing; scenes must not read
the state while ``busy`` is true (they draw what they cached).
"""

from __future__ import annotations

import copy
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from game.api import Career
from game.content import load_with_document, scenario_from_document
from game.content.backgrounds import Background, start_changes
from game.core import (
    ChooseOption,
    Command,
    EndTurn,
    GameState,
    MakeMove,
    Rejected,
    apply,
    new_game,
    validate,
)
from game.core.events import Event, ResourceChanged
from game.core.scenario import Scenario
from game.core.state import Actor
from game.persistence import Autosaver, AutosaveWorker


def customised(ref: str, name: str, background: Background | None,
               mods: Sequence[str] = ()) -> tuple[Scenario, dict[str, Any]]:
    """The scenario with the patch mods ``mods`` stacked on it in that order (and its
    document, for saves and replays), with the player's chosen name and background;
    ContentError if it does not load."""
    scenario, document = load_with_document(ref, mods)
    start = start_changes(scenario, background)
    document = copy.deepcopy(dict(document))
    for actor in document.get("actors", []):
        if isinstance(actor, dict) and actor.get("player"):
            if name.strip():
                actor["name"] = name.strip()
            actor["resources"] = start
    return scenario_from_document(document, ref), document


def absolute_ref(ref: str) -> str:
    """What a save records: an id as it is, an existing path made absolute."""
    path = Path(ref)
    return str(path.resolve()) if path.exists() else ref


class Session:
    """One career being played in the window."""

    def __init__(self, career: Career, ref: str, autosave: Path | None = None) -> None:
        self.career = career
        self.ref = ref
        self.worker: AutosaveWorker | None = None
        self.autosaver: Autosaver | None = None
        if autosave is not None:
            self.worker = AutosaveWorker()
            self.autosaver = career.enable_autosave(autosave, worker=self.worker)
        self.version = 0  # bumped after every change: scenes re-read the state then
        self.mark = 0  # index in career.events where "this turn" began for the player
        self.last_job_ms = 0.0
        self._thread: threading.Thread | None = None
        self._result: list[Event] = []
        self._error: BaseException | None = None
        self._legal: tuple[int, list[Command]] = (-1, [])
        self._queued: Command | None = None  # sent while busy: runs after the current job
        self.inbox: list[Event] = []  # events of finished jobs the campaign has not shown yet
        self.past: list[Event] = []  # a loaded career's events before the load (replayed)
        self.past_ready = True

    # ------------------------------------------------------------------ creation
    @classmethod
    def new(cls, ref: str, seed: int, name: str = "", background: Background | None = None,
            difficulty: str = "normal", autosave: Path | None = None,
            mods: Sequence[str] = ()) -> Session:
        """A new career, with ``mods`` stacked on its scenario in that order; raises
        ContentError for a broken scenario or mod."""
        scenario, document = customised(ref, name, background, mods)
        career = Career.new(scenario, seed=seed, difficulty=difficulty)
        career.document = document
        career.scenario_ref = absolute_ref(ref)
        return cls(career, career.scenario_ref, autosave)

    @classmethod
    def load(cls, path: Path, autosave: Path | None = None) -> Session:
        """A saved career; raises SaveError (or ContentError) saying what is wrong."""
        career = Career.load(path)
        session = cls(career, career.scenario_ref, autosave)
        if career.history_complete and career.history:
            session.replay_history()
        return session

    def replay_history(self) -> None:
        """Rebuild the events before the load from the saved history, on a side thread
        (the end screen's timeline and the log read them); the game state is not touched."""
        book, seed, history = self.career.book, self.career.state.seed, list(self.career.history)
        self.past_ready = False

        def work() -> None:
            state, events = new_game(book, seed)
            found = list(events)
            for command in history:
                result = apply(state, command)
                if isinstance(result, Rejected):
                    break
                found.extend(result)
            self.past = found
            self.past_ready = True

        threading.Thread(target=work, name="saluran-replay", daemon=True).start()

    def all_events(self) -> list[Event]:
        """Every event known: replayed ones before a load, then this session's."""
        return [*self.past, *self.career.events] if self.past_ready else list(
            self.career.events)

    # ------------------------------------------------------------------ reading
    @property
    def state(self) -> GameState:
        """The game state (read it only while not ``busy``)."""
        return self.career.state

    @property
    def player(self) -> Actor:
        """The player's actor."""
        return self.career.state.player

    @property
    def busy(self) -> bool:
        """True while a background job (rival turns, a save) runs."""
        return self._thread is not None

    def legal(self) -> list[Command]:
        """The player's legal commands now (cached until the next change)."""
        if self._legal[0] != self.version:
            self._legal = (self.version, [] if self.busy else self.career.legal_moves())
        return self._legal[1]

    def waiting_card(self) -> str | None:
        """The event card the player must answer now, if any."""
        state = self.state
        if state.phase == "choose" and state.pending and state.pending[0].actor == self.player.id:
            return state.pending[0].event
        return None

    def changes(self) -> dict[str, list[tuple[str, float]]]:
        """This turn's resource changes of the player by resource: (reason, total delta)."""
        found: dict[str, dict[str, float]] = {}
        pid = self.player.id
        for event in self.career.events[self.mark:]:
            if isinstance(event, ResourceChanged) and event.actor == pid:
                reasons = found.setdefault(event.resource, {})
                reasons[event.reason] = reasons.get(event.reason, 0.0) + event.delta
        return {rid: list(reasons.items()) for rid, reasons in found.items()}

    # ------------------------------------------------------------------ commands
    def submit(self, command: Command) -> list[Event] | None:
        """Send a player command.  Moves apply at once (their events are returned); ending
        the turn and answering a card run on the worker (``poll`` returns their events).
        A command the rules refuse now is ignored (None)."""
        if self.busy:
            self._queued = command
            return None
        if validate(self.state, command) is not None:
            return None  # stale (a click on a move the last change made illegal): ignore
        if isinstance(command, MakeMove):
            events = self.career.apply(command)
            self.version += 1
            self.inbox.extend(events)
            return events
        if isinstance(command, EndTurn):
            self.mark = len(self.career.events)
            self._start(self.career.end_turn)
        elif isinstance(command, ChooseOption):
            career = self.career
            self._start(lambda: [*career.apply(command)])
        return None

    def save_in_background(self, path: Path) -> None:
        """Write a save on the worker; ``poll`` raises SaveError if it failed."""
        if not self.busy:
            self._start(lambda: self._save_job(path))

    def _save_job(self, path: Path) -> list[Event]:
        self.save(path)
        return []

    def _start(self, job: Callable[[], list[Event]]) -> None:
        start = len(self.career.events)

        def work() -> None:
            began = time.perf_counter()
            try:
                job()
                self._result = self.career.events[start:]
            except BaseException as exc:  # re-raised on the main thread by poll()
                self._error = exc
            self.last_job_ms = (time.perf_counter() - began) * 1000

        self._result, self._error = [], None
        self._thread = threading.Thread(target=work, name="saluran-turn", daemon=True)
        self._thread.start()

    def poll(self) -> list[Event] | None:
        """The events of a finished background job (None while it runs or if none ran);
        they also wait in ``inbox`` for the campaign screen."""
        thread = self._thread
        if thread is None or thread.is_alive():
            return None
        thread.join()
        self._thread = None
        self.version += 1
        if self._error is not None:
            error, self._error = self._error, None
            raise error
        result = self._result
        queued, self._queued = self._queued, None
        if queued is not None:
            moved = self.submit(queued)
            result = result + (moved or [])
        self.inbox.extend(result)
        return result

    def take_inbox(self) -> list[Event]:
        """The finished jobs' events not yet taken (then forgotten)."""
        found, self.inbox = self.inbox, []
        return found

    def wait(self, timeout: float = 30.0) -> list[Event] | None:
        """Block until background work (and anything queued behind it) ends."""
        found: list[Event] | None = None
        while self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive():
                break
            done = self.poll()
            if done is not None:
                found = (found or []) + done
        return found

    # ------------------------------------------------------------------ saving
    def save(self, path: Path) -> None:
        """Save now (blocking, a few milliseconds); raises SaveError."""
        self.career.save(path)

    def closing_save(self) -> None:
        """The window is closing: one more autosave, written before we return."""
        if self.autosaver is None or self.career.is_over:
            return
        self.wait()
        self.autosaver.after_turn(self.career.snapshot("autosave"), [])
        if self.worker is not None:
            self.worker.flush(5.0)

    def emergency_save(self, folder: Path) -> Path | None:
        """Best-effort save after a crash; None if even that failed."""
        path = folder / f"emergency-{time.strftime('%Y%m%d-%H%M%S')}.json"
        try:
            if self._thread is not None:
                self._thread.join(5.0)
            folder.mkdir(parents=True, exist_ok=True)
            self.save(path)
        except Exception:  # the game is already failing: never raise from here
            return None
        return path
