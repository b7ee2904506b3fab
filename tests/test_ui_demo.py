"""Demo mode drives the real UI and writes a screenshot of each distinct scene."""

from __future__ import annotations

import argparse
from pathlib import Path

from ui_helpers import MINI

from game.cli import build_parser
from game.ui.demo import run_demo


def test_demo_plays_and_writes_screenshots(tmp_path: Path) -> None:
    out = tmp_path / "shots"
    args = argparse.Namespace(demo=3, screenshots=str(out), lang="id", scenario=MINI, seed=1)
    assert run_demo(args) == 0
    names = {p.stem.split("-", 1)[1] for p in out.glob("*.png")}
    for kind in ("title", "settings", "guide_channels", "guide_rules", "guide_keys",
                 "new_career", "campaign", "campaign_tooltip", "pause", "save", "load",
                 "error"):
        assert kind in names, kind
    assert names & {"summary", "end"}


def test_play_accepts_the_demo_flags() -> None:
    args = build_parser().parse_args(["play", "--demo", "2", "--screenshots", "out"])
    assert args.demo == 2 and args.screenshots == "out"
    assert build_parser().parse_args(["play"]).demo is None
