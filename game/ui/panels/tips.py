"""Tooltips that explain numbers: moves, positions, resources and contest forecasts."""

from __future__ import annotations

from collections.abc import Sequence

from game.core import Forecast, MakeMove, MovePreview, contest_forecast
from game.core.contests import entry_rejection
from game.core.events import FactorValue
from game.core.scenario import MoveDef
from game.ui.board_layout import BoardSpec
from game.ui.context import Ui
from game.ui.panels.lens import Lens
from game.ui.widgets import Tip


def when_text(ui: Ui, turns: int) -> str:
    """"this turn", "next turn" or "in N turns"."""
    if turns <= 0:
        return ui.t("contest.this_turn")
    return ui.t("contest.next_turn") if turns == 1 else ui.t("contest.in_turns", n=turns)


def add_factors(lens: Lens, tip: Tip, factors: Sequence[FactorValue], percent: bool) -> None:
    """Factor lines: a check's in percentage points, a contest's in strength points."""
    loc = lens.ui.locale
    for factor in factors:
        value = loc.signed(factor.contribution * 100) + " pp" if percent else loc.signed(
            factor.contribution, 1)
        colour = lens.ui.pal.bad if factor.contribution < 0 else None
        tip.add(lens.names.factor(factor), value, colour, indent=1)


def add_forecast(lens: Lens, tip: Tip, forecast: Forecast) -> None:
    """A poll: chance with its error band, strength against the cutoff, the rivals."""
    t, loc = lens.ui.t, lens.ui.locale
    when = when_text(lens.ui, forecast.turns_until)
    tip.add(t("tip.poll", contest=lens.names.contest(forecast.contest)), when, bold=True)
    band = loc.percent(forecast.chance) + (
        f" \u00b1 {forecast.error * 100:.0f}" if forecast.error > 0 else "")
    tip.add(t("tip.win_chance"), band,
            lens.ui.pal.good if forecast.chance >= 0.5 else lens.ui.pal.bad, indent=1)
    tip.add(t("tip.your_strength"), loc.number(forecast.strength, 1), indent=1)
    add_factors(lens, tip, forecast.factors, percent=False)
    tip.add(t("tip.to_beat", seats=forecast.seats), loc.number(forecast.cutoff, 1), indent=1)
    for name, strength in forecast.rivals[:4]:
        who = t("word.field") if name == "field" else name
        tip.add(who, loc.number(strength, 1), lens.ui.pal.dim, indent=2)


def move_tip(lens: Lens, mdef: MoveDef, command: MakeMove, preview: MovePreview | None,
             refusal: str | None) -> Tip:
    """Everything about a move: cost, chance and factors, effects, forecasts, or why not."""
    t, loc, n, x = lens.ui.t, lens.ui.locale, lens.names, lens.explain
    title = n.move(mdef.id) + (f": {n.target(command.target)}" if command.target else "")
    tip = Tip(title, loc.text(mdef.help))
    cost = t("tip.agenda", n=mdef.agenda) + (
        f", {t('tip.funds', n=loc.number(mdef.funds))}" if mdef.funds else "")
    tip.add(t("tip.cost"), cost)
    if refusal:
        tip.add(t("tip.unavailable"), "", lens.ui.pal.bad, bold=True)
        tip.add(refusal, "", lens.ui.pal.bad, indent=1)
    if preview is not None and preview.chance is not None:
        tip.add(t("tip.chance"), loc.percent(preview.chance), bold=True)
        add_factors(lens, tip, preview.factors, percent=True)
        check = mdef.check
        if check is not None and preview.chance in (check.minimum, check.maximum):
            tip.add(t("tip.clamped", low=loc.percent(check.minimum),
                      high=loc.percent(check.maximum)), "", lens.ui.pal.dim, indent=1)
    for heading, effects in ((t("tip.effects"), mdef.effects),
                             (t("tip.on_success"), mdef.on_success),
                             (t("tip.on_failure"), mdef.on_failure)):
        if effects:
            tip.add(heading, "", bold=True)
            for effect in effects:
                tip.add(x.effect(effect), indent=1)
    for forecast in preview.forecasts if preview is not None else ():
        add_forecast(lens, tip, forecast)
    if mdef.once:
        tip.add(t("tip.once"), "", lens.ui.pal.dim)
    elif mdef.cooldown:
        tip.add(t("tip.cooldown", n=mdef.cooldown), "", lens.ui.pal.dim)
    add_repeat(lens, tip, mdef, preview)
    if mdef.requires:
        tip.add(t("tip.requires"), "", bold=True)
        for text, ok in x.checklist(lens.state, lens.player, mdef.requires):
            tip.add(text, indent=1, mark=ok)
    return tip


def add_repeat(lens: Lens, tip: Tip, mdef: MoveDef, preview: MovePreview | None) -> None:
    """A repeated move's diminishing returns: what it yields now, or the rule."""
    repeat = lens.book.repeats.get(mdef.id)
    if repeat is None:
        return
    t, loc = lens.ui.t, lens.ui.locale
    if preview is not None and preview.repeats:
        tip.add(t("tip.repeated", n=preview.repeats, window=repeat.window,
                  share=loc.percent(preview.share)), "", lens.ui.pal.bad)
    else:
        tip.add(t("tip.repeat", window=repeat.window, share=loc.percent(repeat.falloff)), "",
                lens.ui.pal.dim)


def position_tip(lens: Lens, pid: str, reachable: bool) -> Tip:
    """A board cell: how it is won, its seats and holders, pay, requirements."""
    t, loc, n = lens.ui.t, lens.ui.locale, lens.names
    state, book = lens.state, lens.book
    pdef = book.positions[pid]
    tip = Tip(n.position(pid), loc.text(pdef.description))
    tip.add(t("tip.track"), t("tip.track_tier", track=n.track(pdef.track), tier=pdef.tier))
    contests = [c for c in book.scenario.contests if c.position == pid and c.kind != "nomination"]
    how = n.kind(contests[0].kind) if contests else t(f"obtained.{pdef.obtained}")
    tip.add(t("tip.obtained"), how)
    holders = [aid for key, ids in state.seats.items() if key.split("@")[0] == pid for aid in ids]
    seats = t("tip.per_party", n=pdef.seats) if pdef.per_party else str(pdef.seats)
    tip.add(t("tip.seats"), seats)
    if holders:
        tip.add(t("tip.held_by", names=", ".join(lens.actor_name(a) for a in holders[:8])),
                indent=1)
    add_chamber(lens, tip, pid)
    for key, value in (("salary", pdef.salary), ("influence", pdef.influence)):
        if value:
            tip.add(t(f"tip.{key}"), loc.signed(value, 1))
    if pdef.agenda_cost:
        tip.add(t("tip.agenda_cost"), f"\u2212{pdef.agenda_cost}")
    if pdef.term:
        tip.add(t("tip.term"), t("tip.turns", n=pdef.term))
    if pdef.neutral:
        tip.add(t("tip.neutral"), "", lens.ui.pal.dim)
    if pid in book.victory_positions:
        tip.add(t("tip.goal"), "", lens.ui.pal.accent, bold=True)
    for contest in contests[:2]:
        rejection = entry_rejection(state, lens.player, contest.id)
        if rejection is None or pid in lens.player.positions:
            add_forecast(lens, tip, contest_forecast(state, lens.player.id, contest.id))
    holding = lens.player.positions.get(pid)
    if holding is not None:
        tip.add(t("tip.you_hold", turn=n.date(holding.since)), "", lens.ui.pal.accent)
    elif reachable:
        tip.add(t("tip.reachable"), "", lens.ui.pal.reach, bold=True)
    if pdef.requires:
        tip.add(t("tip.requires"), "", bold=True)
        for text, ok in lens.explain.checklist(state, lens.player, pdef.requires):
            tip.add(text, indent=1, mark=ok)
    if pdef.excludes:
        tip.add(t("tip.excludes", items=", ".join(n.position(p) for p in pdef.excludes)), "",
                lens.ui.pal.dim)
    return tip


def add_chamber(lens: Lens, tip: Tip, pid: str) -> None:
    """An elected body's seats by party: what the thin bar in its board cell shows."""
    chamber = lens.state.party_seats.get(pid)
    if not chamber or sum(chamber.values()) <= 0:
        return
    tip.add(lens.ui.t("tip.chamber"), "", bold=True)
    for party, count in sorted(chamber.items(), key=lambda item: -item[1]):
        if count:
            tip.add(lens.names.party(party), str(count), lens.party_colour(party), indent=1)


def resource_tip(lens: Lens, rid: str, changes: list[tuple[str, float]]) -> Tip:
    """A resource: its value, this turn's change and every reason for it."""
    t, loc, n = lens.ui.t, lens.ui.locale, lens.names
    rdef = lens.book.resources[rid]
    value = lens.player.resources.get(rid, 0.0)
    tip = Tip(f"{n.resource(rid)}: {loc.number(value, 1)}", t(f"res.{rid}") if loc.has(
        f"res.{rid}") else "")
    total = sum(delta for _, delta in changes)
    tip.add(t("tip.change_turn"), loc.signed(total, 1), _sign_colour(lens, total), bold=True)
    for reason, delta in sorted(changes, key=lambda row: row[1]):
        tip.add(n.reason(reason), loc.signed(delta, 1), _sign_colour(lens, delta), indent=1)
    if not changes:
        tip.add(t("tip.no_change"), "", lens.ui.pal.dim, indent=1)
    if rdef.decay:
        tip.add(t("tip.decay", share=loc.percent(rdef.decay), base=loc.number(rdef.baseline)),
                "", lens.ui.pal.dim)
    bounds = t("tip.bounds", low=loc.number(rdef.minimum),
               high=loc.number(rdef.maximum) if rdef.maximum is not None else "\u2014")
    tip.add(bounds, "", lens.ui.pal.dim)
    if rdef.party_bound:
        tip.add(t("tip.party_bound"), "", lens.ui.pal.dim)
    if rdef.resets_after_contest:
        tip.add(t("tip.resets"), "", lens.ui.pal.dim)
    return tip


def _sign_colour(lens: Lens, value: float) -> tuple[int, int, int]:
    if round(value, 1) > 0:
        return lens.ui.pal.good
    if round(value, 1) < 0:
        return lens.ui.pal.bad
    return lens.ui.pal.dim


def contest_tip(lens: Lens, cid: str) -> Tip:
    """An upcoming contest: kind, seats, when, and the player's poll or why they cannot run."""
    t, n = lens.ui.t, lens.names
    contest = lens.book.contests[cid]
    tip = Tip(n.contest(cid), t("tip.contest_for", kind=n.kind(contest.kind),
                                position=n.position(contest.position)))
    alloc = getattr(contest, "allocation", "top_k")
    tip.add(t("tip.system"), t(f"alloc.{alloc}"))
    registered = cid in lens.player.registrations
    rejection = entry_rejection(lens.state, lens.player, cid)
    if registered:
        tip.add(t("contest.registered"), "", lens.ui.pal.good, bold=True)
    elif rejection is not None:
        missing = lens.explain.unmet(lens.state, lens.player, contest.requires)
        why = missing[0] if missing else t(f"reject.{rejection.value}")
        tip.add(t("contest.cannot", why=why), "", lens.ui.pal.bad)
    else:
        tip.add(t("contest.can_enter"), "", lens.ui.pal.reach)
    if registered or rejection is None:
        add_forecast(lens, tip, contest_forecast(lens.state, lens.player.id, cid))
    return tip


def track_tip(lens: Lens, track: str, spec: BoardSpec) -> Tip:
    """A board column: its full name and its offices, highest tier first."""
    t, n = lens.ui.t, lens.names
    tip = Tip(n.track(track), t("tip.column"))
    for pid, column, tier in sorted(spec.positions, key=lambda p: -p[2]):
        if column == track:
            tip.add(n.position(pid), t("tip.tier", tier=tier), indent=1)
    return tip
