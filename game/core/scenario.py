"""Static scenario definitions: the country, its system and its rules, as plain data.

A ``Scenario`` is immutable and shared by every game played from it.  ``game.content`` builds
it from JSON; tests may build one in code.  Units: a turn is ``months_per_turn`` months;
funds are in the scenario's currency unit; bounded resources are clamped to [minimum, maximum].
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

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
    Text,
    TrackId,
)
from game.core.rules import ChangeResource, Condition, Effect

Obtained = Literal["contest", "appointment", "exam", "automatic", "move"]
ContestKind = Literal["general_election", "party_election", "nomination", "appointment", "exam",
                      "investiture", "confidence"]
#: How an election turns strengths into seats (exams and appointments use a pass mark).
Allocation = Literal["top_k", "two_round", "districts", "dhondt", "sainte_lague"]
LIST_METHODS = ("dhondt", "sainte_lague")
#: Mixed-member systems: what happens to constituency seats beyond a party's share.
Compensation = Literal["kept", "levelled", "none"]
MoveTarget = Literal["none", "party", "held_position"]


@dataclass(frozen=True, slots=True)
class ResourceDef:
    """A quantity every actor carries, with bounds and a per-turn pull toward ``baseline``."""

    id: ResourceId
    name: Text
    minimum: float
    maximum: float | None
    initial: float
    decay: float = 0.0  # share of the gap to ``baseline`` closed each turn, 0..1
    baseline: float = 0.0
    skill: bool = False
    party_bound: bool = False  # reset to ``initial`` when the actor leaves a party
    resets_after_contest: bool = False  # campaign momentum: spent on election day
    log_scale: float = 0.0  # >0: contests and checks read log1p(value)/log1p(log_scale)
    # 0..1: gains shrink as the value nears the maximum, by taper x the share of the range
    # already filled (a cap that binds is felt before it is reached)
    taper: float = 0.0


@dataclass(frozen=True, slots=True)
class TrackDef:
    """A column of the board: a ladder of positions."""

    id: TrackId
    name: Text


@dataclass(frozen=True, slots=True)
class ChannelDef:
    """One of the mobility channels; entered by holding an entry position or standing."""

    id: ChannelId
    name: Text
    description: Text
    entry_positions: tuple[PositionId, ...] = ()
    entry_contest_kinds: tuple[ContestKind, ...] = ()


@dataclass(frozen=True, slots=True)
class PositionDef:
    """A seat-bearing office on the board."""

    id: PositionId
    name: Text
    track: TrackId
    tier: int
    seats: int
    obtained: Obtained
    requires: tuple[Condition, ...] = ()
    excludes: tuple[PositionId, ...] = ()
    neutral: bool = False  # holders may not be party members
    per_party: bool = False  # each party has its own ``seats`` seats; lost on leaving
    replaces: tuple[PositionId, ...] = ()  # given up when this one is gained (promotion)
    term: int = 0  # turns until the seat is vacated; 0 = until the next contest or forever
    term_limit: int = 0  # consecutive wins allowed in its contest; 0 = unlimited
    salary: float = 0.0
    agenda_cost: int = 0
    influence: float = 0.0
    per_turn: tuple[ChangeResource, ...] = ()
    prestige: float = 0.0  # legacy points for having held it
    description: Text = field(default_factory=dict)
    lapses: bool = False  # lost when its requirements stop holding (a PM without a majority)


@dataclass(frozen=True, slots=True)
class PartyDef:
    """A political party and its starting popularity (0..100)."""

    id: PartyId
    name: Text
    popularity: float
    short: str = ""
    ideology: float = 0.0  # -10 (left) .. 10 (right): coalitions prefer close partners
    shuns: tuple[PartyId, ...] = ()  # parties it will not govern with (either way round)


@dataclass(frozen=True, slots=True)
class Factor:
    """One weighted input of a contest strength or success chance."""

    source: str  # a resource id or one of CONTEST_SOURCES
    weight: float


@dataclass(frozen=True, slots=True)
class Schedule:
    """A contest sits on turns ``offset``, ``offset + every``, ..."""

    every: int = 1
    offset: int = 1


@dataclass(frozen=True, slots=True)
class MixedDef:
    """Mixed-member systems: constituency seats first, then a party-list tier."""

    constituencies: int  # seats filled first past the post, one per constituency
    field_count: int = 2  # contenders not played by actors in each actor's constituency
    field_strength: float = 0.0
    compensation: Compensation = "kept"
    exemption: int = 0  # constituencies won that exempt a party from the threshold (0: none)
    odd_house: bool = False  # levelling: enlarge the house to an odd number of seats


@dataclass(frozen=True, slots=True)
class RegionDef:
    """A regional list: a share of the electorate, its party swings, who stands on it."""

    id: str
    name: Text
    weight: float = 1.0  # share of the electorate, relative to the other regions
    swing: dict[str, float] = field(default_factory=dict)  # party -> popularity points
    requires: tuple[Condition, ...] = ()  # actors stand on the first region they meet


@dataclass(frozen=True, slots=True)
class ContestDef:
    """A recurring contest that fills the seats of ``position`` (or grants nominations)."""

    id: ContestId
    name: Text
    kind: ContestKind
    position: PositionId
    schedule: Schedule
    factors: tuple[Factor, ...]
    noise: float = 5.0  # standard deviation of the strength noise, in strength points
    temperature: float = 10.0  # softmax temperature for vote shares
    per_party: bool = False
    field_count: int = 0  # contenders not played by actors
    field_strength: float = 0.0
    # a party's own contests: the field grows this much stronger per point of the party's
    # popularity (big parties, crowded nominations)
    field_per_popularity: float = 0.0
    threshold: float = 0.0  # exams and appointments: strength needed to win a seat
    requires: tuple[Condition, ...] = ()
    requires_nomination: bool = False
    for_contest: ContestId | None = None  # nominations: the election nominated for
    min_party_popularity: float = 0.0  # nominations: the party's threshold to nominate
    incumbents_run: bool = True
    winners: int = 0  # seats (or nominations per party) filled; 0 = the position's seats
    allocation: Allocation = "top_k"
    list_type: Literal["open", "closed"] = "open"  # list systems: who ranks the candidates
    party_threshold: float = 0.0  # list systems: share of the vote (0..1) needed for seats
    party_noise: float = 3.0  # list systems: noise on each party's vote, popularity points
    on_demand: bool = False  # sits on schedule only if an actor registered (a challenge)
    list_rank: tuple[Factor, ...] = ()  # closed lists: how parties rank (empty: standing)
    two_ballots: bool = False  # list systems: the party vote is cast apart from candidates
    mixed: MixedDef | None = None  # list systems: constituencies plus a list tier
    regions: tuple[RegionDef, ...] = ()  # list systems: regional lists
    chamber: PositionId | None = None  # investiture and confidence: the elected body voting


@dataclass(frozen=True, slots=True)
class Check:
    """A success check: chance = base + sum(weight * normalised source), clamped."""

    base: float
    factors: tuple[Factor, ...] = ()
    minimum: float = 0.05
    maximum: float = 0.95


@dataclass(frozen=True, slots=True)
class Repeat:
    """Diminishing returns of a repeated move: its gains are multiplied by ``falloff`` once
    for each time the actor made it in the ``window`` turns before this one."""

    window: int
    falloff: float


@dataclass(frozen=True, slots=True)
class MoveDef:
    """A channel move an actor may make with agenda points."""

    id: MoveId
    channel: ChannelId
    name: Text
    help: Text
    requires: tuple[Condition, ...] = ()
    agenda: int = 1
    funds: float = 0.0
    effects: tuple[Effect, ...] = ()
    check: Check | None = None
    on_success: tuple[Effect, ...] = ()
    on_failure: tuple[Effect, ...] = ()
    cooldown: int = 0  # turns before it can be made again (0 = next turn)
    target: MoveTarget = "none"
    once: bool = False
    repeat: Repeat | None = None  # None: the scenario's ``repeat`` (if any) applies


@dataclass(frozen=True, slots=True)
class ChoiceDef:
    """One answer to an event card."""

    id: str
    label: Text
    effects: tuple[Effect, ...] = ()
    check: Check | None = None
    on_success: tuple[Effect, ...] = ()
    on_failure: tuple[Effect, ...] = ()


@dataclass(frozen=True, slots=True)
class EventDef:
    """A card drawn when its conditions hold, with ``probability`` per eligible actor-turn."""

    id: EventId
    title: Text
    text: Text
    scope: Literal["actor", "world"]
    probability: float
    conditions: tuple[Condition, ...] = ()
    choices: tuple[ChoiceDef, ...] = ()
    effects: tuple[Effect, ...] = ()  # world events: applied to every active actor
    once: bool = False
    cooldown: int = 0


@dataclass(frozen=True, slots=True)
class StatusDef:
    """A lasting condition on an actor, such as being under investigation."""

    id: StatusId
    name: Text
    description: Text
    per_turn: tuple[ChangeResource, ...] = ()
    contest_penalty: float = 0.0  # strength points subtracted in every contest
    check_penalty: float = 0.0  # subtracted from every success chance
    blocks_contests: bool = False
    ruin: bool = False  # disgrace: the career ends
    hidden: bool = False  # a skeleton: not shown to the actor until it surfaces


@dataclass(frozen=True, slots=True)
class PersonaDef:
    """AI preferences as data: how much a rival values each resource and channel, the roads
    to the top it prefers, and what it will do for them."""

    id: str
    name: Text
    resource_weights: dict[str, float]
    channel_bias: dict[str, float] = field(default_factory=dict)
    risk: float = 0.5  # 0 = avoids uncertain moves, 1 = indifferent to risk
    position_weight: float = 1.0
    roads: tuple[str, ...] = ()  # channels its road to the top prefers, most preferred first
    commitment: float = 1.0  # how much more such a road is worth to it (1 = no preference)
    ethics: float = 0.5  # 0 = takes whatever pays, 1 = refuses whatever leaves a skeleton
    background: str | None = None  # the start it takes in the player's seat (balance lab)
    loyalty: float = 0.0  # 0 = changes party for a likelier road, 1 = never leaves its party


@dataclass(frozen=True, slots=True)
class ActorSetup:
    """The player or a rival as the scenario starts them."""

    id: ActorId
    name: str  # the name in English (or the only name given)
    persona: str | None = None
    party: PartyId | None = None
    resources: dict[str, float] = field(default_factory=dict)
    positions: tuple[PositionId, ...] = ()
    player: bool = False
    names: Text = field(default_factory=dict)  # the name by language, when it differs


@dataclass(frozen=True, slots=True)
class VictoryDef:
    """The goal: hold any of ``positions``; otherwise the legacy score counts."""

    positions: tuple[PositionId, ...]
    debt_turns: int = 2  # turns in a row below the debt limit before ruin


@dataclass(frozen=True, slots=True)
class Scenario:
    """Everything the engine needs to play one country and political system."""

    id: str
    name: Text
    description: Text
    system: str
    start_year: int
    start_age: float
    months_per_turn: int
    max_turns: int
    agenda_per_turn: int
    debt_limit: float
    living_cost: float
    resources: tuple[ResourceDef, ...]
    tracks: tuple[TrackDef, ...]
    channels: tuple[ChannelDef, ...]
    positions: tuple[PositionDef, ...]
    parties: tuple[PartyDef, ...]
    contests: tuple[ContestDef, ...]
    moves: tuple[MoveDef, ...]
    events: tuple[EventDef, ...]
    statuses: tuple[StatusDef, ...]
    personas: tuple[PersonaDef, ...]
    actors: tuple[ActorSetup, ...]
    victory: VictoryDef
    repeat: Repeat | None = None  # every move's diminishing returns unless it sets its own
    fingerprint: str = ""  # content hash, set by the loader; saves and reports quote it
