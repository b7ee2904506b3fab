"""From result rows to the numbers of summary.json: rates with Wilson intervals, spreads,
per-turn bands, usage and win rates, persona effects, dominance flags and dead content.

"Top" means the career reached one of the scenario's victory positions; for the player that
is a won game, for a rival any time it held the top post.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from game.core import Scenario
from game.sim.flags import dead_content, dominance_flags
from game.sim.rows import Row
from game.sim.stats import describe, quantile, wilson

RESULTS = ("won", "ruined", "retired", "time_up")
PATH_SEPARATOR = " > "
MAX_PATHS = 20  # the most common channel paths listed


def path_label(channels: Sequence[str]) -> str:
    """A channel path as one string (``(none)`` for a career that entered none)."""
    return PATH_SEPARATOR.join(channels) if channels else "(none)"


def top_rate(rows: Sequence[Row]) -> dict[str, float | int]:
    """Share of ``rows`` that reached the top post, with its Wilson interval."""
    return wilson(sum(bool(r["top"]) for r in rows), len(rows)).as_dict()


def by_policy(rows: Iterable[Row]) -> dict[str, list[Row]]:
    """Rows grouped by the player's policy, in first-seen order."""
    groups: dict[str, list[Row]] = {}
    for row in rows:
        groups.setdefault(row["player_policy"], []).append(row)
    return groups


def policy_summary(rows: Sequence[Row]) -> dict[str, Any]:
    """Top-post rate, endings, score and length spreads, contests and bands for one policy."""
    results = Counter(r["result"] for r in rows)
    entered = sum(r["contests_entered"] for r in rows)
    won = sum(r["contests_won"] for r in rows)
    return {
        "careers": len(rows),
        "top": top_rate(rows),
        "results": {k: results.get(k, 0) for k in (*RESULTS, *sorted(set(results) - set(RESULTS)))},
        "score": describe([r["score"] for r in rows]),
        "turns": describe([r["turns"] for r in rows]),
        "contests": {"entered_per_career": round(entered / len(rows), 3),
                     "won_per_career": round(won / len(rows), 3),
                     "win_rate": wilson(won, entered).as_dict()},
        "bands": bands(rows),
        "flows": flows(rows),
    }


def flows(rows: Sequence[Row]) -> dict[str, dict[str, float]]:
    """Mean change per career of each player resource by kind of reason (move, position,
    event, decay...), largest first: where resources come from and where they go."""
    totals: dict[str, dict[str, float]] = defaultdict(dict)
    for row in rows:
        for resource, kinds in row.get("flows", {}).items():
            for kind, delta in kinds.items():
                totals[resource][kind] = totals[resource].get(kind, 0.0) + delta
    return {resource: {k: round(v / len(rows), 3)
                       for k, v in sorted(kinds.items(), key=lambda kv: (-abs(kv[1]), kv[0]))}
            for resource, kinds in sorted(totals.items())}


def bands(rows: Sequence[Row]) -> dict[str, Any]:
    """Per-turn p10/p50/p90 of every sampled resource over the careers still running."""
    by_turn: dict[int, list[dict[str, float]]] = defaultdict(list)
    keys: list[str] = []
    for row in rows:
        samples = row["samples"]
        keys = keys or [k for k in samples if k != "turns"]
        for j, turn in enumerate(samples["turns"]):
            by_turn[turn].append({k: samples[k][j] for k in keys})
    turns = sorted(by_turn)
    out: dict[str, Any] = {"turns": turns, "careers": [len(by_turn[t]) for t in turns]}
    for key in keys:
        columns = [sorted(s[key] for s in by_turn[t]) for t in turns]
        out[key] = {name: [round(quantile(c, q), 3) for c in columns]
                    for name, q in (("p10", 0.1), ("p50", 0.5), ("p90", 0.9))}
    return out


def path_summary(rows: Sequence[Row]) -> list[dict[str, Any]]:
    """The most common channel paths with their share and top-post rate."""
    groups: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        groups[path_label(row["path"])].append(row)
    ranked = sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))
    return [{"path": label, "careers": len(group), "share": round(len(group) / len(rows), 4),
             "top": top_rate(group)} for label, group in ranked[:MAX_PATHS]]


def usage(rows: Sequence[Row], items: Iterable[str], used: str) -> dict[str, Any]:
    """For each channel or move: careers using it, uses, top rate when used and when not.

    ``used`` names the row field: ``path`` (channels entered) or ``moves`` (move counts).
    """
    out: dict[str, Any] = {}
    total_uses = sum(sum(r["moves"].values()) for r in rows) if used == "moves" else 0
    for item in items:
        with_it = [r for r in rows if item in r[used]]
        without = [r for r in rows if item not in r[used]]
        entry: dict[str, Any] = {
            "careers": len(with_it), "share": round(len(with_it) / max(1, len(rows)), 4),
            "top_when_used": top_rate(with_it), "top_when_not": top_rate(without),
        }
        if used == "moves":
            uses = sum(r["moves"].get(item, 0) for r in rows)
            entry["uses"] = uses
            entry["share_of_moves"] = round(uses / max(1, total_uses), 4)
        out[item] = entry
    return out


def persona_summary(rows: Sequence[Row], roads: dict[str, tuple[str, ...]],
                    backgrounds: dict[str, str] | None = None) -> dict[str, Any]:
    """Each persona's top rate and score, and the road it takes (the channels it enters, and
    how often one of its preferred ``roads``), as the player's policy and in the rivals'
    seats; in the player's seat, the background it starts with (``backgrounds``)."""
    personas = set(roads)
    as_player: dict[str, list[Row]] = defaultdict(list)
    as_rival: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        if row["player_policy"] in personas:
            as_player[row["player_policy"]].append(row)
        for rival in row["rivals"]:
            as_rival[rival["policy"]].append(rival)
    out: dict[str, Any] = {}
    for name in sorted(as_player.keys() | as_rival.keys()):
        entry: dict[str, Any] = {}
        for seat, group in (("player", as_player.get(name, [])), ("rival", as_rival.get(name, []))):
            if group:
                entry[seat] = {"careers": len(group), "top": top_rate(group),
                               "score": describe([g["score"] for g in group]),
                               **road_use(group, roads.get(name, ()))}
        background = (backgrounds or {}).get(name)
        if background and "player" in entry:
            entry["player"]["background"] = background
        out[name] = entry
    return out


def took_road(career: dict[str, Any], roads: Iterable[str]) -> bool:
    """True when ``career`` (a player's row or a rival's entry) entered one of ``roads``."""
    return not set(roads).isdisjoint(career["path"])


def road_use(group: Sequence[dict[str, Any]], roads: tuple[str, ...]) -> dict[str, Any]:
    """How often careers entered each channel, and one of ``roads`` (if any are preferred)."""
    entered: Counter[str] = Counter(c for g in group for c in set(g["path"]))
    out: dict[str, Any] = {"channels": {c: round(n / len(group), 4)
                                        for c, n in entered.most_common()}}
    if roads:
        on_road = [g for g in group if took_road(g, roads)]
        out["own_road"] = wilson(len(on_road), len(group)).as_dict()
        out["roads"] = list(roads)
    return out


def ceiling(policies: dict[str, Any]) -> dict[str, Any]:
    """The strongest policy of the batch: its top-post rate is the scenario's ceiling."""
    name = max(policies, key=lambda p: (policies[p]["top"]["rate"], p))
    return {"policy": name, "top": policies[name]["top"]}


def roads_to_top(rows: Sequence[Row]) -> dict[str, Any]:
    """For the player careers that reached the top post: how many passed through each
    channel on the way."""
    top = [r for r in rows if r["top"]]
    # each path's channels in their own order, so ties keep one order in every process
    passed: Counter[str] = Counter(c for r in top for c in dict.fromkeys(r["path"]))
    return {"careers": len(top),
            "channels": {c: round(n / len(top), 4) for c, n in passed.most_common()}}


def summarise(rows: Sequence[Row], scenario: Scenario,
              provenance: dict[str, Any] | None = None) -> dict[str, Any]:
    """Every number of the report, as JSON-ready data."""
    if not rows:
        raise ValueError("no careers to summarise")
    channels = [c.id for c in scenario.channels]
    moves = [m.id for m in scenario.moves]
    summary: dict[str, Any] = {
        "provenance": provenance or {},
        "scenario": {"id": scenario.id, "fingerprint": scenario.fingerprint,
                     "victory": list(scenario.victory.positions)},
        "careers": len(rows),
        "policies": {name: policy_summary(group) for name, group in by_policy(rows).items()},
        "paths": path_summary(rows),
        "channels": usage(rows, channels, "path"),
        "moves": usage(rows, moves, "moves"),
        "personas": persona_summary(rows, {p.id: p.roads for p in scenario.personas},
                                    {p.id: p.background for p in scenario.personas
                                     if p.background}),
        "roads_to_top": roads_to_top(rows),
        "rivals": rival_summary(rows),
        "first_party": by_first_party(rows),
    }
    summary["ceiling"] = ceiling(summary["policies"])
    summary["dominance"] = dominance_flags(summary)
    summary["dead"] = dead_content(rows, scenario)
    return summary


def by_first_party(rows: Sequence[Row]) -> dict[str, dict[str, Any]]:
    """Per player policy, the top-post rate by the first party the player joined ("none":
    never joined one; rows written before parties were recorded are left out)."""
    out: dict[str, dict[str, Any]] = {}
    for name, group in by_policy(rows).items():
        parties: dict[str, list[Row]] = defaultdict(list)
        for row in group:
            if "first_party" in row:
                parties[row["first_party"] or "none"].append(row)
        if parties:
            out[name] = {party: {"careers": len(g), "top": top_rate(g)}
                         for party, g in sorted(parties.items())}
    return out


def rival_summary(rows: Sequence[Row]) -> dict[str, Any]:
    """Each rival seat: its policy, how often it reached the top post, its mean score."""
    seats: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        for rival in row["rivals"]:
            seats[rival["id"]].append(rival)
    return {aid: {"policy": group[0]["policy"], "top": top_rate(group),
                  "score": describe([g["score"] for g in group])}
            for aid, group in sorted(seats.items())}
