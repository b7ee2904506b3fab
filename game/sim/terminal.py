"""Rich tables for the terminal: a batch summary and an A/B comparison.

Their words are ``LABELS`` (English); a front end in another language passes its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rich.console import Console
from rich.table import Table

from game.sim.compare import METRICS
from game.sim.stats import Rate
from game.sim.summary import RESULTS


def _rate(data: dict[str, Any]) -> str:
    return Rate(int(data["k"]), int(data["n"]), data["rate"], data["lo"], data["hi"]).text()


#: Every word the tables print; ``{...}`` fields are filled in.
LABELS = {
    "title": "{scenario} ({fingerprint}): {careers} careers, {rate} careers/s",
    "policy": "policy", "careers": "careers", "top": "top post\n[95% CI]",
    "endings": "won/ruined/\nretired/time up", "score": "score p50\n(p10–p90)",
    "turns": "turns\np50", "dominance": "dominance", "dead": "dead content",
    "dead.positions_only_at_start": "positions only at start",
    "dead.positions_never_held": "positions never held",
    "dead.moves_never_used": "moves never used", "dead.events_never_fired": "events never fired",
    "compare.title": "{policy}: B − A over {pairs} paired careers", "compare.metric": "metric",
    "compare.diff": "B − A [95% CI]", "metric.top": "top-post rate",
    "metric.score": "legacy score", "metric.turns": "career length",
    "metric.contests_won": "contests won",
}


def _label(labels: Mapping[str, str] | None, key: str, **values: Any) -> str:
    text = (labels or {}).get(key) or LABELS.get(key) or key.rpartition(".")[2].replace("_", " ")
    return text.format(**values) if values else text


def summary_table(summary: dict[str, Any], labels: Mapping[str, str] | None = None) -> Table:
    """One line per player policy: top-post rate, endings, score, length."""
    info = summary["provenance"]
    table = Table(title=_label(labels, "title", scenario=summary["scenario"]["id"],
                               fingerprint=summary["scenario"]["fingerprint"],
                               careers=summary["careers"],
                               rate=f"{info.get('careers_per_s', 0):.1f}"))
    for column in ("policy", "careers", "top", "endings", "score", "turns"):
        table.add_column(_label(labels, column), no_wrap=True,
                         justify="left" if column == "policy" else "right")
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


def print_summary(summary: dict[str, Any], console: Console | None = None,
                  labels: Mapping[str, str] | None = None) -> None:
    """The summary table, then dominance flags and dead content in one line each."""
    console = console or _console()
    console.print(summary_table(summary, labels))
    for flag in summary["dominance"]:
        console.print(f"[yellow]{_label(labels, 'dominance')}[/]: {flag['kind']} {flag['id']}: "
                      f"{flag['why']}")
    for key, items in summary["dead"].items():
        if items:
            console.print(f"[yellow]{_label(labels, 'dead')}[/]: "
                          f"{_label(labels, 'dead.' + key)}: " + ", ".join(items))


def print_compare(result: dict[str, Any], console: Console | None = None,
                  labels: Mapping[str, str] | None = None) -> None:
    """One table per policy: A, B and B − A with its interval."""
    console = console or _console()
    for policy, data in result["policies"].items():
        table = Table(title=_label(labels, "compare.title", policy=policy, pairs=data["pairs"]))
        table.add_column(_label(labels, "compare.metric"), justify="left")
        for column in ("A", "B", _label(labels, "compare.diff")):
            table.add_column(column, justify="right")
        for metric, english in METRICS:
            label = (labels or {}).get(f"metric.{metric}") or english
            cell = data[metric]
            scale = 100.0 if metric == "top" else 1.0
            diff = cell["diff"]
            table.add_row(label + (" (%)" if metric == "top" else ""),
                          f"{scale * cell['a']['mean']:.2f}", f"{scale * cell['b']['mean']:.2f}",
                          f"{scale * diff['mean']:+.2f} [{scale * diff['lo']:+.2f}, "
                          f"{scale * diff['hi']:+.2f}]")
        console.print(table)
