"""The session glue: commands through the API, background turns, saves, history."""

from __future__ import annotations

from pathlib import Path

from ui_helpers import MINI

from game.api import Career
from game.content.backgrounds import backgrounds, start_resources
from game.core import ChooseOption, EndTurn, MakeMove
from game.ui.history import build_timeline
from game.ui.session import Session


def test_turns_run_in_the_background_and_changes_are_explained(tmp_path: Path) -> None:
    session = Session.new(MINI, seed=4, autosave=tmp_path)
    move = next(c for c in session.legal() if isinstance(c, MakeMove))
    events = session.submit(move)
    assert events and session.career.history[-1] == move
    assert session.submit(EndTurn(session.player.id)) is None
    assert session.busy
    assert session.submit(EndTurn(session.player.id)) is None  # queued behind the job
    done = session.wait()
    assert done is not None and not session.busy
    while (card := session.waiting_card()) is not None:
        choice = session.career.book.events[card].choices[0].id
        session.submit(ChooseOption(session.player.id, card, choice))
        session.wait()
    assert session.state.turn >= 2
    changes = session.changes()  # upkeep at least: living costs
    assert changes and all(isinstance(r, str) for rows in changes.values() for r, _ in rows)
    session.worker and session.worker.flush(5)  # type: ignore[func-returns-value]
    assert list(tmp_path.glob("autosave-*.json"))


def test_a_name_and_background_reach_the_save(tmp_path: Path) -> None:
    chosen = next(b for b in backgrounds() if b.id == "activist")
    session = Session.new(MINI, seed=1, name="Siti", background=chosen)
    assert session.player.name == "Siti"
    book = session.career.book
    assert start_resources(book.scenario, None)["support"] == 5 + 5  # mini's 5, activist +5
    path = tmp_path / "s.json"
    session.save(path)
    loaded = Session.load(path)
    assert loaded.player.name == "Siti"
    assert loaded.state.turn == session.state.turn
    assert loaded.career.history_complete


def test_backgrounds_stay_within_bounds() -> None:
    session = Session.new(MINI, seed=1)
    scenario = session.career.book.scenario
    for background in backgrounds():
        start = start_resources(scenario, background)
        for rdef in scenario.resources:
            assert start[rdef.id] >= rdef.minimum
            assert rdef.maximum is None or start[rdef.id] <= rdef.maximum


def test_a_loaded_career_replays_its_past_for_the_timeline(tmp_path: Path) -> None:
    career = Career.new(MINI, seed=3)
    career.play_to_end()
    path = tmp_path / "end.json"
    career.save(path)
    session = Session.load(path)
    for _ in range(200):
        if session.past_ready:
            break
        import time

        time.sleep(0.01)
    assert session.past_ready and session.past
    timeline = build_timeline(session.all_events(), session.state)
    direct = build_timeline(career.events, career.state)
    assert timeline.turns == direct.turns
    assert sorted(timeline.spans, key=repr) == sorted(direct.spans, key=repr)


def test_timeline_matches_the_state() -> None:
    career = Career.new(MINI, seed=5)
    career.play_to_end()
    timeline = build_timeline(career.events, career.state)
    state = career.state
    assert timeline.turns[0] == 1 and timeline.turns[-1] == state.turn
    for aid, actor in state.actors.items():
        for rid, value in actor.resources.items():
            assert abs(timeline.series[aid][rid][-1] - value) < 1e-9
        open_spans = {s.position for s in timeline.spans_of(aid) if s.end is None}
        assert open_spans == set(actor.positions)
        for span in timeline.spans_of(aid):
            assert span.end is None or span.end >= span.start
    mid = build_timeline(career.events[len(career.events) // 2:], state)
    assert all(s.start >= mid.turns[0] for s in mid.spans)


def test_emergency_save(tmp_path: Path) -> None:
    session = Session.new(MINI, seed=1)
    path = session.emergency_save(tmp_path / "folder")
    assert path is not None and path.exists()
    assert Session.load(path).state.turn == session.state.turn
