"""Contest results name every row: named entrants by name, the unnamed field as groups."""

from __future__ import annotations

import re
from pathlib import Path

import pygame
import pytest
from ui_helpers import make_app, open_campaign, pump

from game.core.events import Contestant, ContestHeld
from game.ui.app import App
from game.ui.locale import Locale
from game.ui.results import districts, result_rows
from game.ui.scene import Push
from game.ui.scenes.contest import ContestScene


def entrant(actor: str | None, share: float, won: bool, strength: float = 0.0) -> Contestant:
    return Contestant(actor, actor or "field", (), 0.0, strength or share * 100, share, won)


FIELD_WON = [0.34, 0.19, 0.10, 0.10, 0.05]
FIELD_LOST = [0.04, 0.04, 0.02]


def branch_election(me: str, rival: str) -> tuple[Contestant, ...]:
    """Six seats: five field contenders and one rival win, the player and three others lose."""
    return (entrant(me, 0.05, False), entrant(rival, 0.07, True),
            *(entrant(None, s, True) for s in FIELD_WON),
            *(entrant(None, s, False) for s in FIELD_LOST))


def test_the_field_is_grouped_into_winners_and_the_rest() -> None:
    rows, hidden = result_rows(branch_election("me", "bambang"), exam=False, limit=10)
    assert hidden == 0
    labels = [r.label(Locale("en").t) or r.lead.actor for r in rows]
    assert labels == ["5 other winners", "3 other candidates", "bambang", "me"]
    assert rows[0].share == pytest.approx(sum(FIELD_WON))
    assert rows[1].share == pytest.approx(0.10)
    assert [r.label(Locale("id").t) for r in rows if r.grouped] == [
        "5 pemenang lain", "3 kandidat lain"]


def test_an_exam_groups_by_pass_and_shows_the_best_score() -> None:
    taken = (entrant("me", 0.0, True, 61.0), entrant(None, 0.0, True, 70.0),
             entrant(None, 0.0, False, 40.0), entrant(None, 0.0, False, 45.0))
    rows, _ = result_rows(taken, exam=True, limit=10)
    t = Locale("en").t
    assert [(r.label(t), r.value) for r in rows] == [
        ("1 other passed", 70.0), ("", 61.0), ("2 others failed", 45.0)]


def test_the_player_and_the_groups_always_fit() -> None:
    many = tuple(entrant(f"rival{i}", 0.05, False) for i in range(12))
    rows, hidden = result_rows((*many, entrant("me", 0.01, False), entrant(None, 0.3, True)),
                               exam=False, limit=5, keep="me")
    assert len(rows) == 5 and hidden == 9
    assert any(r.lead.actor == "me" for r in rows) and any(r.grouped for r in rows)


def shown_texts(app: App) -> set[str]:
    """Every text the results screen draws in one frame."""
    seen: set[str] = set()
    render = app.ui.text.render

    def spy(text: str, *args: object, **kwargs: object) -> pygame.Surface:
        seen.add(text)
        return render(text, *args, **kwargs)  # type: ignore[arg-type]

    app.ui.text.render = spy  # type: ignore[method-assign]
    try:
        pump(app, 2)
    finally:
        app.ui.text.render = render  # type: ignore[method-assign]
    return seen


@pytest.mark.parametrize(("lang", "winners", "losers"), [
    ("en", "5 other winners", "3 other candidates"),
    ("id", "5 pemenang lain", "3 kandidat lain"),
])
def test_the_results_screen_names_no_numbered_contenders(tmp_path: Path, lang: str,
                                                         winners: str, losers: str) -> None:
    app = make_app(tmp_path, language=lang)
    try:
        open_campaign(app)
        session = app.ui.session
        assert session is not None
        rival = next(a for a in session.state.order if a != session.player.id)
        contest = session.career.book.scenario.contests[0]
        held = ContestHeld(contest.id, contest.position, None, 6,
                           branch_election(session.player.id, rival))
        app.apply(Push(ContestScene(app.ui, [held])))
        pump(app, 2)
        texts = shown_texts(app)
        assert {winners, losers} <= texts
        assert session.state.actors[rival].name in texts  # type: ignore[index]
        assert not [t for t in texts if re.search(r"(Contender|Penantang) \d", t)]
        session.wait()
    finally:
        pygame.quit()


def test_district_shares_are_never_added_up() -> None:
    # three districts of three: each actor against two field contenders
    ballot = (entrant(None, 0.7, True), entrant("me", 0.2, False), entrant(None, 0.1, False),
              entrant("ann", 0.6, True), entrant(None, 0.3, False), entrant(None, 0.1, False),
              entrant("bob", 0.5, True), entrant(None, 0.4, False), entrant(None, 0.1, False))
    assert [len(d) for d in districts(ballot, 3)] == [3, 3, 3]
    assert districts(ballot, 4) == [] and districts(ballot[:6], 6) == []  # not that shape
    rows, _ = result_rows(ballot, exam=False, limit=10, pooled=False)
    losers = next(r for r in rows if r.grouped and not r.won)
    assert losers.value == pytest.approx(0.4)  # the best of them, not 0.4+0.3+0.1+...
    assert all(r.value <= 1.0 for r in rows)


def test_every_group_label_has_words_in_both_languages() -> None:
    from game.ui.locale import table

    for lang in ("en", "id"):
        for kind in ("won", "lost", "passed", "failed"):
            for suffix in ("", "_one"):
                assert f"contest.field_{kind}{suffix}" in table(lang), (lang, kind, suffix)
