"""Reports and A/B comparisons of batch folders."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from game.sim import BatchError, BatchSpec, compare_dirs, run_batch, write_compare, write_report
from game.sim.compare import render_compare

MINI = str(Path(__file__).parent / "data" / "mini")


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Run A (rivals play personas) and B (rivals play random) on the same seeds."""
    a, b = tmp_path_factory.mktemp("a"), tmp_path_factory.mktemp("b")
    policies = ("greedy", "random", "populist")
    run_batch(BatchSpec(scenario=MINI, games=25, player_policies=policies), a, jobs=1)
    run_batch(BatchSpec(scenario=MINI, games=25, player_policies=policies,
                        rival_policy="random"), b, jobs=1)
    return a, b


def test_report_files_and_plots(runs: tuple[Path, Path]) -> None:
    folder = runs[0]
    summary = write_report(folder)
    report = (folder / "report.md").read_text()
    assert json.loads((folder / "summary.json").read_text())["careers"] == 75
    links = re.findall(r"!\[[^]]*]\(([^)]+)\)", report)
    assert len(links) >= 6
    for link in links:
        assert (folder / link).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert summary["scenario"]["fingerprint"] in report
    for heading in ("Provenance", "Top-post rate", "Channel paths", "Moves", "Persona effects",
                    "Dominance flags", "Dead content"):
        assert heading in report


def test_summary_contents(runs: tuple[Path, Path]) -> None:
    summary = write_report(runs[0], plots=False)
    info = summary["provenance"]
    assert info["seeds"] == [0, 24] and info["player_policies"] == ["greedy", "random", "populist"]
    assert {"version", "fingerprint", "wall_s", "careers_per_s"} <= info.keys()
    greedy = summary["policies"]["greedy"]
    assert sum(greedy["results"].values()) == 25
    assert greedy["top"]["n"] == 25 and greedy["top"]["lo"] <= greedy["top"]["rate"]
    assert len(greedy["bands"]["turns"]) == len(greedy["bands"]["score"]["p50"])
    assert set(summary["channels"]) == {"party_member", "bureaucrat", "candidate", "general"}
    assert {"loyalist", "technocrat", "populist"} <= summary["personas"].keys()
    assert "player" in summary["personas"]["populist"]
    assert "rival" in summary["personas"]["loyalist"]
    assert set(summary["dead"]) == {"positions_never_held", "positions_only_at_start",
                                    "moves_never_used", "events_never_fired"}
    assert "general" not in summary["dead"]["moves_never_used"]


def test_compare_same_run_is_all_zero(runs: tuple[Path, Path]) -> None:
    result = compare_dirs(runs[0], runs[0])
    greedy = result["policies"]["greedy"]
    assert greedy["pairs"] == 25 and greedy["same_line"] == 25
    assert greedy["score"]["diff"]["mean"] == 0 and greedy["top"]["only_b"] == 0


def test_compare_two_variants(runs: tuple[Path, Path], tmp_path: Path) -> None:
    result = compare_dirs(*runs)
    assert result["unpaired"] == 0
    assert set(result["policies"]) == {"greedy", "random", "populist"}
    score = result["policies"]["greedy"]["score"]
    assert score["diff"]["mean"] == pytest.approx(score["b"]["mean"] - score["a"]["mean"])
    assert score["diff"]["lo"] <= score["diff"]["mean"] <= score["diff"]["hi"]
    write_compare(result, tmp_path)
    assert "B − A" in (tmp_path / "compare.md").read_text()
    assert json.loads((tmp_path / "compare.json").read_text())["a"]["careers"] == 75
    assert "greedy (25 pairs)" in render_compare(result)


def test_compare_needs_shared_seeds(runs: tuple[Path, Path], tmp_path: Path) -> None:
    run_batch(BatchSpec(scenario=MINI, games=2, seed=1000), tmp_path, jobs=1)
    with pytest.raises(BatchError, match="share no careers"):
        compare_dirs(runs[0], tmp_path)


def test_the_report_gives_the_top_post_rate_by_the_first_party_joined(
        runs: tuple[Path, Path]) -> None:
    folder = runs[0]
    summary = write_report(folder, plots=False)
    greedy = summary["first_party"]["greedy"]
    assert sum(p["careers"] for p in greedy.values()) == 25
    assert set(greedy) <= {"blue", "red", "none"}
    top = sum(p["top"]["rate"] * p["careers"] for p in greedy.values())
    assert top == pytest.approx(summary["policies"]["greedy"]["top"]["rate"] * 25)
    report = (folder / "report.md").read_text()
    assert "## Top post by the first party joined" in report
    assert re.search(r"\| greedy \| (blue|red) \| \d+ \|", report)
