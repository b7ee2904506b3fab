"""Demo mode drives the real UI and photographs every scene, at both sizes in both languages."""

from __future__ import annotations

import argparse
from pathlib import Path

import pygame
import pytest
from ui_helpers import MINI

from game.cli import build_parser, main
from game.cli.play import MAX_WINDOW, MIN_WINDOW
from game.ui.context import MIN_SIZE
from game.ui.demo import run_demo

SCENES = ("title", "settings", "guide_channels", "guide_rules", "guide_keys", "new_career",
          "campaign", "campaign_tooltip", "campaign_board_tooltip", "event_card", "contest",
          "campaign_later", "pause", "save", "load", "error")


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
@pytest.mark.parametrize("lang", ["en", "id"])
def test_demo_photographs_every_scene(tmp_path: Path, lang: str, size: tuple[int, int]) -> None:
    out = tmp_path / "shots"
    args = argparse.Namespace(demo=3, screenshots=str(out), lang=lang, scenario=MINI, seed=1,
                              size=size)
    assert run_demo(args) == 0
    shots = {p.stem.split("-", 1)[1]: p for p in out.glob("*.png")}
    for kind in SCENES:
        assert kind in shots, kind
    assert set(shots) & {"summary", "end"}
    for path in shots.values():
        assert pygame.image.load(str(path)).get_size() == size, path


def test_play_accepts_the_demo_flags() -> None:
    args = build_parser().parse_args(["play", "--demo", "2", "--screenshots", "out",
                                      "--size", "1920x1080"])
    assert args.demo == 2 and args.screenshots == "out" and args.size == (1920, 1080)
    defaults = build_parser().parse_args(["play"])
    assert defaults.demo is None and defaults.size is None


@pytest.mark.parametrize("bad", ["1920", "1920x", "x1080", "wide", "1920x1080x2", "-1x5",
                                 "100x100", "99999x1080", "1920.5x1080", ""])
def test_a_bad_size_is_refused_with_one_line(bad: str,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["play", "--demo", "1", "--size", bad]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("saluran: error: ")
    assert "--size" in err[0] and "Traceback" not in err[0]


def test_size_needs_the_demo(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["play", "--size", "1920x1080"]) == 2
    assert capsys.readouterr().err.strip() == (
        "saluran: error: --size needs --demo: the game window sizes itself; change it in "
        "the settings (see `saluran play --help`)")


def test_the_size_limits_match_the_window() -> None:
    assert MIN_WINDOW == MIN_SIZE
    assert MAX_WINDOW[0] >= 3840 and MAX_WINDOW[1] >= 2160
