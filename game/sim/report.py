"""summary.json and report.md (with PNG charts) for a batch folder."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from game.sim.plots import write_plots
from game.sim.rows import Row, batch_info, batch_scenario, load_rows
from game.sim.stats import Rate
from game.sim.summary import RESULTS, summarise

SUMMARY_FILE, REPORT_FILE = "summary.json", "report.md"
NO_MATPLOTLIB = "No charts: they need matplotlib (`pip install 'saluran[plots]'`)."


def _rate(data: dict[str, Any]) -> str:
    return Rate(int(data["k"]), int(data["n"]), data["rate"], data["lo"], data["hi"]).text()


def _table(header: Sequence[str], lines: Sequence[Sequence[object]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(str(cell) for cell in line) + " |" for line in lines]
    return [*out, ""]


def _provenance(summary: dict[str, Any]) -> list[str]:
    info = summary["provenance"]
    fields = [("saluran version", info.get("version", "?")),
              ("scenario", f"{summary['scenario']['id']} ({info.get('scenario', '?')})"),
              ("fingerprint", summary["scenario"]["fingerprint"]),
              ("seeds", "–".join(str(s) for s in info.get("seeds", []))),
              ("player policies", ", ".join(info.get("player_policies", []))),
              ("rival policy", info.get("rival_policy") or "each rival's persona"),
              ("difficulty", "-" if info.get("rival_policy") else
               info.get("difficulty", "easy (batch from before difficulties)")),
              ("careers", summary["careers"]),
              ("backend, jobs", f"{info.get('backend', '?')}, {info.get('jobs', '?')}"),
              ("wall time", f"{info.get('wall_s', 0):.1f} s"),
              ("careers/s", f"{info.get('careers_per_s', 0):.1f} "
                            f"({info.get('careers_per_s_per_core', 0):.1f} per core)"),
              ("python, platform", f"{info.get('python', '?')}, {info.get('platform', '?')}")]
    return ["## Provenance", "", *_table(("", ""), fields)]


def _policies(summary: dict[str, Any]) -> list[str]:
    lines = []
    for name, data in summary["policies"].items():
        ends = data["results"]
        lines.append([name, data["careers"], _rate(data["top"]),
                      *(ends.get(r, 0) for r in RESULTS), data["score"]["mean"],
                      data["turns"]["p50"], _rate(data["contests"]["win_rate"])])
    top = summary.get("ceiling")
    said = ([f"**Ceiling**: the strongest policy in this batch, `{top['policy']}`, reaches the "
             f"top post in {_rate(top['top'])} of careers.", ""] if top else [])
    return ["## Top-post rate and endings by policy", "", *said,
            *_table(("policy", "careers", "top post [95% CI]", *RESULTS, "mean score",
                     "median turns", "contest win rate"), lines)]


def _spreads(summary: dict[str, Any]) -> list[str]:
    out = ["## Legacy score and career length", ""]
    for field in ("score", "turns"):
        lines = [[name, *(data[field].get(k, "") for k in
                          ("mean", "sd", "min", "p10", "p25", "p50", "p75", "p90", "max"))]
                 for name, data in summary["policies"].items()]
        out += [f"**{field}**", "", *_table(("policy", "mean", "sd", "min", "p10", "p25", "p50",
                                             "p75", "p90", "max"), lines)]
    return out


def _bands(summary: dict[str, Any]) -> list[str]:
    out = ["## Legacy score by turn (p10 / median / p90 of careers still running)", ""]
    for name, data in summary["policies"].items():
        band = data["bands"]
        picks = sorted({0, len(band["turns"]) // 4, len(band["turns"]) // 2,
                        3 * len(band["turns"]) // 4, len(band["turns"]) - 1})
        lines = [[band["turns"][j], band["careers"][j],
                  f"{band['score']['p10'][j]:.1f} / {band['score']['p50'][j]:.1f} / "
                  f"{band['score']['p90'][j]:.1f}"] for j in picks if band["turns"]]
        out += [f"**{name}**", "", *_table(("turn", "careers", "score p10 / p50 / p90"), lines)]
    return out


def _flows(summary: dict[str, Any]) -> list[str]:
    out = ["## Where the player's resources come from (mean change per career, by reason)", ""]
    for name, data in summary["policies"].items():
        lines = [[resource, ", ".join(f"{kind} {delta:+.1f}" for kind, delta in
                                      list(kinds.items())[:5])]
                 for resource, kinds in data["flows"].items()]
        out += [f"**{name}**", "", *_table(("resource", "largest changes by reason"), lines)]
    return out


def _usage(summary: dict[str, Any]) -> list[str]:
    paths = [[p["path"], p["careers"], f"{100 * p['share']:.1f}%", _rate(p["top"])]
             for p in summary["paths"]]
    channels = [[c, v["careers"], f"{100 * v['share']:.1f}%", _rate(v["top_when_used"]),
                 _rate(v["top_when_not"])] for c, v in summary["channels"].items()]
    moves = [[m, v["careers"], v["uses"], f"{100 * v['share_of_moves']:.1f}%",
              _rate(v["top_when_used"]), _rate(v["top_when_not"])]
             for m, v in summary["moves"].items()]
    return ["## Channel paths (order of channels entered)", "",
            *_table(("path", "careers", "share", "top post [95% CI]"), paths),
            "## Channels: use and top-post rate when used", "",
            *_table(("channel", "careers", "share", "top when used", "top when not"), channels),
            "## Moves: use and top-post rate when used", "",
            *_table(("move", "careers", "uses", "share of moves", "top when used",
                     "top when not"), moves)]


def _personas(summary: dict[str, Any]) -> list[str]:
    lines = []
    for name, seats in summary["personas"].items():
        cells: list[object] = [name]
        for seat in ("player", "rival"):
            data = seats.get(seat)
            cells += ([data["careers"], _rate(data["top"]), data["score"]["mean"]]
                      if data else ["–", "–", "–"])
        lines.append(cells)
    rivals = [[aid, v["policy"], _rate(v["top"]), v["score"]["mean"]]
              for aid, v in summary["rivals"].items()]
    return ["## Persona effects", "",
            *_table(("persona", "as player: careers", "top post", "mean score",
                     "as rival: careers", "top post", "mean score"), lines),
            "Rival seats start differently, so compare a persona across rival seats with care.",
            "", *_table(("rival seat", "policy", "top post", "mean score"), rivals),
            *_roads(summary)]


def _roads(summary: dict[str, Any]) -> list[str]:
    """Each persona's road: its preferred channels, how often it took one, what it entered."""
    lines = []
    for name, seats in summary["personas"].items():
        cells: list[object] = [name]
        roads: list[str] = next((s["roads"] for s in seats.values() if "roads" in s), [])
        cells.append(", ".join(roads) or "any")
        for seat in ("player", "rival"):
            data = seats.get(seat)
            if not data:
                cells += ["–", "–"]
                continue
            own = _rate(data["own_road"]) if "own_road" in data else "–"
            used = ", ".join(f"{c} {100 * v:.0f}%" for c, v in list(data["channels"].items())[:5])
            cells += [own, used]
        lines.append(cells)
    top = summary.get("roads_to_top", {})
    through = ", ".join(f"{c} {100 * v:.0f}%" for c, v in top.get("channels", {}).items())
    starts = ", ".join(f"{name} `{seats['player']['background']}`"
                       for name, seats in summary["personas"].items()
                       if "background" in seats.get("player", {}))
    return ["## Roads", "",
            *_table(("persona", "prefers", "as player: on its road", "channels entered",
                     "as rival: on its road", "channels entered"), lines),
            *([f"In the player's seat, a persona starts with its background, as a player "
               f"picks one on the new-career screen: {starts}.", ""] if starts else []),
            f"Player careers that reached the top post ({top.get('careers', 0)}) passed "
            f"through: {through or 'none'}.", ""]


def _parties(summary: dict[str, Any]) -> list[str]:
    """The top-post rate by the first party the player joined, per policy."""
    by_policy = summary.get("first_party", {})
    if not by_policy:
        return []
    lines = [[name, party, data["careers"], _rate(data["top"])]
             for name, parties in by_policy.items() for party, data in parties.items()]
    return ["## Top post by the first party joined", "",
            *_table(("policy", "first party", "careers", "top post [95% CI]"), lines)]


def _flags(summary: dict[str, Any]) -> list[str]:
    flags = [f"- **{f['kind']} `{f['id']}`**: {f['why']}" for f in summary["dominance"]]
    dead = summary["dead"]
    out = ["## Dominance flags", "", *(flags or ["None."]), "", "## Dead content", ""]
    for key, items in dead.items():
        label = key.replace("_", " ")
        out.append(f"- {label}: " + (", ".join(f"`{i}`" for i in items) if items else "none"))
    return [*out, ""]


def render(summary: dict[str, Any], plots: Sequence[tuple[str, str]],
           no_plots: str = NO_MATPLOTLIB) -> str:
    """report.md as text."""
    lines = [f"# Balance report: {summary['scenario']['id']}", "",
             "Top post = " + ", ".join(summary["scenario"]["victory"]) +
             ". Intervals are 95% Wilson score intervals.", ""]
    for part in (_provenance, _policies, _parties, _spreads, _bands, _flows, _usage, _personas,
                 _flags):
        lines += part(summary)
    if plots:
        lines += ["## Charts", ""]
        lines += [f"### {title}\n\n![{title}]({path})\n" for title, path in plots]
    else:
        lines += [no_plots, ""]
    return "\n".join(lines)


def write_report(folder: str | Path, rows: Sequence[Row] | None = None,
                 plots: bool = True) -> dict[str, Any]:
    """Write summary.json, report.md and plots/*.png into a batch folder; return the summary."""
    path = Path(folder)
    rows = load_rows(path) if rows is None else rows
    summary = summarise(rows, batch_scenario(path), batch_info(path))
    drawn = write_plots(rows, summary, path) if plots else []
    summary["plots"] = [{"title": t, "path": p} for t, p in drawn]
    (path / SUMMARY_FILE).write_text(json.dumps(summary, indent=1, sort_keys=True) + "\n",
                                     encoding="utf-8")
    note = NO_MATPLOTLIB if plots else "Charts were not drawn (--no-plots)."
    (path / REPORT_FILE).write_text(render(summary, drawn, note), encoding="utf-8")
    return summary
