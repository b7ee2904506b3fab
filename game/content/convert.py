"""Turning validated content models into the engine's plain dataclasses."""

from __future__ import annotations

from typing import Any

from game.content import models as m
from game.content.models_objects import RepeatModel
from game.core import rules as r
from game.core import scenario as s
from game.core.ids import (
    ActorId,
    ChannelId,
    ContestId,
    EventId,
    MoveId,
    PartyId,
    PositionId,
    ResourceId,
    StatusId,
    TrackId,
)


def condition(c: Any) -> r.Condition:
    """One condition model to the engine's condition."""
    if isinstance(c, m.ResourceCond):
        return r.ResourceRange(ResourceId(c.resource), c.min, c.max)
    if isinstance(c, m.HoldsCond):
        return r.HoldsPosition(tuple(PositionId(p) for p in c.positions), c.ever)
    if isinstance(c, m.TenureCond):
        return r.Tenure(c.turns, PositionId(c.position) if c.position else None)
    if isinstance(c, m.PartyMemberCond):
        return r.PartyMember(c.member, c.min_turns, PartyId(c.party) if c.party else None)
    if isinstance(c, m.StatusCond):
        return r.HasStatus(StatusId(c.status), c.present)
    if isinstance(c, m.TurnCond):
        return r.TurnRange(c.min, c.max)
    if isinstance(c, m.AgeCond):
        return r.AgeRange(c.min, c.max)
    if isinstance(c, m.ContestSoonCond):
        return r.ContestSoon(ContestId(c.contest), c.within)
    if isinstance(c, m.RegisteredCond):
        return r.Registered(ContestId(c.contest), c.present)
    if isinstance(c, m.PartyPopularityCond):
        return r.PartyPopularity(c.min, c.max)
    if isinstance(c, m.PartySeatsCond):
        return r.PartySeats(PositionId(c.position), c.min_share, c.largest)
    if isinstance(c, m.GovernmentCond):
        return r.InGovernment(PositionId(c.chamber), c.member, c.leads)
    if isinstance(c, m.AllCond):
        return r.AllOf(conditions(c.conditions))
    if isinstance(c, m.AnyCond):
        return r.AnyOf(conditions(c.conditions))
    if isinstance(c, m.NotCond):
        return r.Not(condition(c.condition))
    raise TypeError(f"unknown condition model {type(c).__name__}")


def conditions(items: list[Any]) -> tuple[r.Condition, ...]:
    """A list of condition models to a tuple of engine conditions."""
    return tuple(condition(c) for c in items)


def effect(e: Any) -> r.Effect:
    """One effect model to the engine's effect."""
    if isinstance(e, m.ResourceEffect):
        return r.ChangeResource(ResourceId(e.resource), e.delta)
    if isinstance(e, m.AddStatusEffect):
        return r.AddStatus(StatusId(e.status), e.turns)
    if isinstance(e, m.RemoveStatusEffect):
        return r.RemoveStatus(StatusId(e.status))
    if isinstance(e, m.JoinPartyEffect):
        return r.JoinParty(PartyId(e.party) if e.party else None)
    if isinstance(e, m.LeavePartyEffect):
        return r.LeaveParty()
    if isinstance(e, m.EnterContestEffect):
        return r.EnterContest(ContestId(e.contest))
    if isinstance(e, m.GainPositionEffect):
        return r.GainPosition(PositionId(e.position))
    if isinstance(e, m.LosePositionEffect):
        return r.LosePosition(PositionId(e.position) if e.position else None)
    if isinstance(e, m.PartyPopularityEffect):
        return r.ChangePartyPopularity(e.delta, PartyId(e.party) if e.party else None,
                                       e.every_party)
    if isinstance(e, m.NominateEffect):
        return r.Nominate(ContestId(e.contest))
    if isinstance(e, m.JoinGovernmentEffect):
        return r.JoinGovernment(PositionId(e.chamber))
    if isinstance(e, m.LeaveGovernmentEffect):
        return r.LeaveGovernment(PositionId(e.chamber))
    if isinstance(e, m.RetireEffect):
        return r.Retire()
    raise TypeError(f"unknown effect model {type(e).__name__}")


def effects(items: list[Any]) -> tuple[r.Effect, ...]:
    """A list of effect models to a tuple of engine effects."""
    return tuple(effect(e) for e in items)


def _resource_changes(items: list[m.ResourceEffect]) -> tuple[r.ChangeResource, ...]:
    return tuple(r.ChangeResource(ResourceId(e.resource), e.delta) for e in items)


def _factors(items: list[m.FactorModel]) -> tuple[s.Factor, ...]:
    return tuple(s.Factor(f.source, f.weight) for f in items)


def _check(c: m.CheckModel | None) -> s.Check | None:
    return None if c is None else s.Check(c.base, _factors(c.factors), c.min, c.max)


def _name(name: str | dict[str, str]) -> str:
    """An actor's name for the engine: English, else the first language given."""
    if isinstance(name, str):
        return name
    return name.get("en") or next(iter(name.values()), "")


def position(p: m.Position) -> s.PositionDef:
    """A position model to the engine's definition (prestige defaults to 10 per tier)."""
    return s.PositionDef(
        id=PositionId(p.id), name=dict(p.name), track=TrackId(p.track), tier=p.tier,
        seats=p.seats, obtained=p.obtained, requires=conditions(p.requires),
        excludes=tuple(PositionId(x) for x in p.excludes), neutral=p.neutral,
        per_party=p.per_party, replaces=tuple(PositionId(x) for x in p.replaces), term=p.term,
        term_limit=p.term_limit, salary=p.salary, agenda_cost=p.agenda_cost,
        influence=p.influence, per_turn=_resource_changes(p.per_turn),
        prestige=p.prestige if p.prestige is not None else 10.0 * p.tier,
        description=dict(p.description), lapses=p.lapses,
    )


def _mixed(x: m.Mixed | None) -> s.MixedDef | None:
    if x is None:
        return None
    return s.MixedDef(x.constituencies, x.field.count, x.field.strength, x.compensation,
                      x.exemption, x.odd_house)


def _region(x: m.Region) -> s.RegionDef:
    return s.RegionDef(x.id, dict(x.name), x.weight, dict(x.swing), conditions(x.requires))


def contest(c: m.Contest) -> s.ContestDef:
    """A contest model to the engine's definition."""
    return s.ContestDef(
        id=ContestId(c.id), name=dict(c.name), kind=c.kind, position=PositionId(c.position),
        schedule=s.Schedule(c.schedule.every, c.schedule.offset), factors=_factors(c.factors),
        noise=c.noise, temperature=c.temperature, per_party=c.per_party,
        field_count=c.field.count, field_strength=c.field.strength,
        field_per_popularity=c.field.per_popularity, threshold=c.threshold,
        requires=conditions(c.requires), requires_nomination=c.requires_nomination,
        for_contest=ContestId(c.for_contest) if c.for_contest else None,
        min_party_popularity=c.min_party_popularity, incumbents_run=c.incumbents_run,
        winners=c.winners, allocation=c.allocation, list_type=c.list_type,
        party_threshold=c.party_threshold, party_noise=c.party_noise, on_demand=c.on_demand,
        list_rank=_factors(c.list_rank), two_ballots=c.two_ballots, mixed=_mixed(c.mixed),
        regions=tuple(_region(x) for x in c.regions),
        chamber=PositionId(c.chamber) if c.chamber else None,
    )


def move(v: m.Move) -> s.MoveDef:
    """A move model to the engine's definition."""
    return s.MoveDef(
        id=MoveId(v.id), channel=ChannelId(v.channel), name=dict(v.name), help=dict(v.help),
        requires=conditions(v.requires), agenda=v.cost.agenda, funds=v.cost.funds,
        effects=effects(v.effects), check=_check(v.check), on_success=effects(v.on_success),
        on_failure=effects(v.on_failure), cooldown=v.cooldown, target=v.target, once=v.once,
        repeat=_repeat(v.repeat),
    )


def _repeat(r: RepeatModel | None) -> s.Repeat | None:
    return None if r is None else s.Repeat(r.window, r.falloff)


def event(e: m.Event) -> s.EventDef:
    """An event model to the engine's definition."""
    return s.EventDef(
        id=EventId(e.id), title=dict(e.title), text=dict(e.text), scope=e.scope,
        probability=e.probability, conditions=conditions(e.conditions),
        choices=tuple(
            s.ChoiceDef(c.id, dict(c.label), effects(c.effects), _check(c.check),
                        effects(c.on_success), effects(c.on_failure))
            for c in e.choices
        ),
        effects=effects(e.effects), once=e.once, cooldown=e.cooldown,
    )


def scenario(main: m.ScenarioFile, merged: m.Parts, fingerprint: str) -> s.Scenario:
    """The whole scenario, once every check has passed."""
    return s.Scenario(
        id=main.id, name=dict(main.name), description=dict(main.description), system=main.system,
        start_year=main.calendar.start_year, start_age=main.start_age,
        months_per_turn=main.calendar.months_per_turn, max_turns=main.calendar.max_turns,
        agenda_per_turn=main.agenda_per_turn, debt_limit=main.debt_limit,
        living_cost=main.living_cost, repeat=_repeat(main.repeat),
        resources=tuple(
            s.ResourceDef(ResourceId(x.id), dict(x.name), x.min, x.max, x.initial, x.decay,
                          x.baseline, x.skill, x.party_bound, x.resets_after_contest, x.log_scale,
                          x.taper)
            for x in merged.resources
        ),
        tracks=tuple(s.TrackDef(TrackId(t.id), dict(t.name)) for t in merged.tracks),
        channels=tuple(
            s.ChannelDef(ChannelId(c.id), dict(c.name), dict(c.description),
                         tuple(PositionId(p) for p in c.entry_positions),
                         tuple(c.entry_contest_kinds))
            for c in merged.channels
        ),
        positions=tuple(position(p) for p in merged.positions),
        parties=tuple(s.PartyDef(PartyId(p.id), dict(p.name), p.popularity, p.short, p.ideology,
                                 tuple(PartyId(x) for x in p.shuns))
                      for p in merged.parties),
        contests=tuple(contest(c) for c in merged.contests),
        moves=tuple(move(v) for v in merged.moves),
        events=tuple(event(e) for e in merged.events),
        statuses=tuple(
            s.StatusDef(StatusId(x.id), dict(x.name), dict(x.description),
                        _resource_changes(x.per_turn), x.contest_penalty, x.check_penalty,
                        x.blocks_contests, x.ruin, x.hidden)
            for x in merged.statuses
        ),
        personas=tuple(
            s.PersonaDef(p.id, dict(p.name), dict(p.resource_weights), dict(p.channel_bias),
                         p.risk, p.position_weight, tuple(p.roads), p.commitment, p.ethics,
                         p.background, p.loyalty)
            for p in merged.personas
        ),
        actors=tuple(
            s.ActorSetup(ActorId(a.id), _name(a.name), a.persona,
                         PartyId(a.party) if a.party else None, dict(a.resources),
                         tuple(PositionId(p) for p in a.positions), a.player,
                         dict(a.name) if isinstance(a.name, dict) else {})
            for a in merged.actors
        ),
        victory=s.VictoryDef(tuple(PositionId(p) for p in main.victory.positions),
                             main.victory.debt_turns),
        fingerprint=fingerprint,
    )
