"""Rich tables for the terminal: a batch summary and an A/B comparison."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from game.sim.compare import METRICS
from game.sim.stats import Rate
from game.sim.summary import RESULTS


def _rate(data: dict[str, Any]) -> str:
    return Rate(int(data["k"]), int(data["n"]), data["rate"], data["lo"], data["hi"]).text()


def summary_table(summary: dict[str, Any]) -> Table:
    """One line per player policy: top-post rate, endings, score, length."""
    info = summary["provenance"]
    table = Table(title=f"{summary['scenario']['id']} ({summary['scenario']['fingerprint']}): "
                        f"{summary['careers']} careers, "
                        f"{info.get('careers_per_s', 0):.1f} careers/s")
    for column in ("policy", "careers", "top post\n[95% CI]", "won/ruined/\nretired/time up",
                   "score p50\n(p10–p90)", "turns\np50"):
        table.add_column(column, justify="left" if column == "policy" else "right",
                         no_wrap=True)
    for name, data in summary["policies"].items():
        ends = data["results"]
        score = data["score"]
        table.add_row(name, str(data["careers"]), _rate(data["top"]),
                      "/".join(str(ends.get(r, 0)) for r in RESULTS),
                      f"{score['p50']:.0f} ({score['p10']:.0f}–{score['p90']:.0f})",
                      f"{data['turns']['p50']:.0f}")
    return table


def _console() -> Console:
    """Standard output; 120 columns wide when it is not a terminal (logs, pipes)."""
    console = Console()
    if not console.is_terminal:
        console.width = 120
    return console


def print_summary(summary: dict[str, Any], console: Console | None = None) -> None:
    """The summary table, then dominance flags and dead content in one line each."""
    console = console or _console()
    console.print(summary_table(summary))
    for flag in summary["dominance"]:
        console.print(f"[yellow]dominance[/]: {flag['kind']} {flag['id']}: {flag['why']}")
    for key, items in summary["dead"].items():
        if items:
            console.print(f"[yellow]dead content[/]: {key.replace('_', ' ')}: "
                          + ", ".join(items))


def print_compare(result: dict[str, Any], console: Console | None = None) -> None:
    """One table per policy: A, B and B − A with its interval."""
    console = console or _console()
    for policy, data in result["policies"].items():
        table = Table(title=f"{policy}: B − A over {data['pairs']} paired careers")
        for column in ("metric", "A", "B", "B − A [95% CI]"):
            table.add_column(column, justify="left" if column == "metric" else "right")
        for metric, label in METRICS:
            cell = data[metric]
            scale = 100.0 if metric == "top" else 1.0
            diff = cell["diff"]
            table.add_row(label + (" (%)" if metric == "top" else ""),
                          f"{scale * cell['a']['mean']:.2f}", f"{scale * cell['b']['mean']:.2f}",
                          f"{scale * diff['mean']:+.2f} [{scale * diff['lo']:+.2f}, "
                          f"{scale * diff['hi']:+.2f}]")
        console.print(table)
