"""PNG charts of a batch (matplotlib, no display needed): distributions, endings, bands,
top-post rates and usage.  Optional: without matplotlib the report simply has no charts.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.sim.rows import Row
from game.sim.summary import RESULTS, by_policy

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

PLOTS_DIR = "plots"
Plot = tuple[str, str]  # (title, path relative to the batch folder)


def plots_available() -> bool:
    """True when matplotlib can be imported."""
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return False
    return True


def _figure(width: float = 7.0, height: float = 4.0) -> Figure:
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=100, layout="constrained")


def _save(fig: Figure, folder: Path, name: str) -> str:
    (folder / PLOTS_DIR).mkdir(parents=True, exist_ok=True)
    fig.savefig(folder / PLOTS_DIR / name, format="png")
    return f"{PLOTS_DIR}/{name}"


def _histogram(rows: Sequence[Row], field: str, label: str, folder: Path, name: str) -> str:
    fig = _figure()
    ax = fig.subplots()
    for policy, group in by_policy(rows).items():
        ax.hist([r[field] for r in group], bins=30, histtype="step", linewidth=1.5, label=policy)
    ax.set_xlabel(label)
    ax.set_ylabel("careers")
    ax.legend()
    return _save(fig, folder, name)


def _results(summary: dict[str, Any], folder: Path) -> str:
    fig = _figure()
    ax = fig.subplots()
    policies = list(summary["policies"])
    bottom = [0.0] * len(policies)
    for result in RESULTS:
        shares = [summary["policies"][p]["results"].get(result, 0) /
                  summary["policies"][p]["careers"] for p in policies]
        ax.bar(policies, shares, bottom=bottom, label=result)
        bottom = [b + s for b, s in zip(bottom, shares, strict=True)]
    ax.set_ylabel("share of careers")
    ax.set_title("How careers end")
    ax.legend()
    return _save(fig, folder, "results.png")


def _bands(summary: dict[str, Any], folder: Path) -> str:
    first = next(iter(summary["policies"].values()))["bands"]
    keys = sorted((k for k in first if k not in ("turns", "careers")),
                  key=lambda k: (k != "score", k))
    cols = 3
    rows_n = math.ceil(len(keys) / cols)
    fig = _figure(4.0 * cols, 3.0 * rows_n)
    axes = fig.subplots(rows_n, cols, squeeze=False)
    for index, key in enumerate(keys):
        ax: Axes = axes[index // cols][index % cols]
        for policy, data in summary["policies"].items():
            band = data["bands"]
            line = ax.plot(band["turns"], band[key]["p50"], label=policy)[0]
            ax.fill_between(band["turns"], band[key]["p10"], band[key]["p90"],
                            color=line.get_color(), alpha=0.2)
        ax.set_title(key)
        ax.set_xlabel("turn")
    for index in range(len(keys), rows_n * cols):
        axes[index // cols][index % cols].set_visible(False)
    axes[0][0].legend()
    return _save(fig, folder, "bands.png")


def _rates(labels: list[str], rates: list[dict[str, Any]], title: str, folder: Path,
           name: str) -> str:
    longest = max((len(label) for label in labels), default=0)
    fig = _figure(5.0 + 0.08 * longest, 1.2 + 0.3 * len(labels))  # room for long labels
    ax = fig.subplots()
    ys = list(range(len(labels)))
    values = [r["rate"] for r in rates]
    errors = [[r["rate"] - r["lo"] for r in rates], [r["hi"] - r["rate"] for r in rates]]
    ax.errorbar(values, ys, xerr=errors, fmt="o", capsize=3)
    ax.set_yticks(ys, labels)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("top-post rate (95% Wilson interval)")
    ax.set_title(title)
    return _save(fig, folder, name)


def write_plots(rows: Sequence[Row], summary: dict[str, Any], folder: Path) -> list[Plot]:
    """Draw every chart into ``folder/plots``; empty when matplotlib is missing."""
    if not plots_available():
        return []
    policies = summary["policies"]
    paths = summary["paths"][:12]
    used = {k: v for k, v in summary["channels"].items() if v["careers"]}
    moves = {k: v for k, v in summary["moves"].items() if v["careers"]}
    return [
        ("Legacy score", _histogram(rows, "score", "legacy score", folder, "score.png")),
        ("Career length", _histogram(rows, "turns", "turns played", folder, "turns.png")),
        ("How careers end", _results(summary, folder)),
        ("Resources by turn (median, p10–p90)", _bands(summary, folder)),
        ("Top-post rate by policy", _rates(list(policies), [v["top"] for v in policies.values()],
                                           "Top-post rate by policy", folder, "top_policy.png")),
        ("Top-post rate by channel path", _rates(
            [p["path"] for p in paths], [p["top"] for p in paths], "Top-post rate by channel path",
            folder, "top_path.png")),
        ("Top-post rate when a channel is used", _rates(
            list(used), [v["top_when_used"] for v in used.values()],
            "When the channel is entered", folder, "channels.png")),
        ("Top-post rate when a move is used", _rates(
            list(moves), [v["top_when_used"] for v in moves.values()], "When the move is used",
            folder, "moves.png")),
    ]
