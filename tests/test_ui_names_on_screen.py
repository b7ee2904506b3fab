"""Names on the campaign screen: whole words only, in both languages and at both sizes, and
the full name on hover."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest
from ui_helpers import make_app, open_campaign, pump

from game.ui.fitting import ELLIPSIS
from game.ui.scenes.campaign import CampaignScene

SCENARIOS = ("nusantara", "westminster", "partai_tunggal", "federal")


def words_of(text: str) -> list[str]:
    """Whole words, where a word may also end after / or -."""
    found: list[str] = []
    for word in text.split():
        piece = ""
        for char in word:
            piece += char
            if char in "/-":
                found.append(piece)
                piece = ""
        if piece:
            found.append(piece)
    return found


def assert_whole_words(shown: list[str], full: str, where: str) -> None:
    """Every word shown is a word of the name, in order, from its start (no initials, no lone
    ellipsis at these sizes)."""
    words = [w for line in shown for w in words_of(line.removesuffix(ELLIPSIS))]
    assert words, f"{where}: {full!r} shown as {shown!r}"
    assert words == words_of(full)[:len(words)], f"{where}: {full!r} shown as {shown!r}"
    assert shown[-1].endswith(ELLIPSIS) or len(words) == len(words_of(full)), (where, shown)


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
@pytest.mark.parametrize("lang", ["en", "id"])
def test_board_names_never_cut_a_word(tmp_path: Path, lang: str,
                                      size: tuple[int, int]) -> None:
    app = make_app(tmp_path, size=size, language=lang, hints=False)
    try:
        for scenario in SCENARIOS:
            scene = open_campaign(app, scenario)
            assert isinstance(scene, CampaignScene)
            board, names = scene.board, scene.lens.names
            for pid in board.lens.book.positions:
                assert_whole_words(board.shown[pid], names.position(pid),
                                   f"{scenario}/{lang}/{pid}")
            for track, (_size, lines) in board.headings.items():
                assert_whole_words(lines, names.track(track), f"{scenario}/{lang}/{track}")
            assert app.ui.session is not None
            app.ui.session.wait()
    finally:
        pygame.quit()


def test_hovering_a_column_header_shows_its_full_name(tmp_path: Path) -> None:
    app = make_app(tmp_path, language="id", hints=False)
    try:
        scene = open_campaign(app, "westminster")
        assert isinstance(scene, CampaignScene)
        heads = [t for t in scene.all_targets() if t.key.startswith("track:")]
        assert len(heads) == len(scene.board.spec.tracks)
        lobby = next(t for t in heads if t.key == "track:consulting")
        pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=lobby.rect.center,
                                             rel=(0, 0), buttons=(0, 0, 0)))
        pump(app, 2)
        assert scene.hover is not None and scene.hover.key == "track:consulting"
        assert scene.tips.visible
        tip = lobby.tip() if lobby.tip else None
        assert tip is not None and tip.title == "Lobi dan penasihat"
        assert any(line.left == "Mitra firma lobi" for line in tip.lines)
        assert app.ui.session is not None
        app.ui.session.wait()
    finally:
        pygame.quit()
