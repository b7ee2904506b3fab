"""Strict pydantic models of scenario JSON: the modding format.

Every object forbids unknown keys and is frozen; conditions and effects are unions
discriminated by ``type``.  Models describe shape and ranges only; ids are resolved by
``crossref`` and turned into the engine's dataclasses by ``convert``.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

Id = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
Text = Annotated[dict[str, str], Field(min_length=1)]
Weight = Annotated[float, Field(ge=-1000, le=1000, allow_inf_nan=False)]
Amount = Annotated[float, Field(ge=-1e9, le=1e9, allow_inf_nan=False)]
Probability = Annotated[float, Field(ge=0, le=1, allow_inf_nan=False)]
Turns = Annotated[int, Field(ge=0, le=10_000)]


class Strict(BaseModel):
    """Base of every content model: unknown keys are errors; objects are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# ----------------------------------------------------------------------------- conditions


class ResourceCond(Strict):
    """The actor's resource lies within [min, max]."""

    type: Literal["resource"]
    resource: Id
    min: Amount | None = None
    max: Amount | None = None


class HoldsCond(Strict):
    """The actor holds one of ``positions`` (``ever``: held one at any time)."""

    type: Literal["holds"]
    positions: Annotated[list[Id], Field(min_length=1)]
    ever: bool = False


class TenureCond(Strict):
    """Turns held in ``position`` (or in any current position) are at least ``turns``."""

    type: Literal["tenure"]
    turns: Turns
    position: Id | None = None


class PartyMemberCond(Strict):
    """Party membership (``member`` false: not in any party)."""

    type: Literal["party_member"]
    member: bool = True
    min_turns: Turns = 0
    party: Id | None = None


class StatusCond(Strict):
    """The actor has (``present`` false: has not) the status."""

    type: Literal["status"]
    status: Id
    present: bool = True


class TurnCond(Strict):
    """The turn number lies within [min, max]."""

    type: Literal["turn"]
    min: Turns | None = None
    max: Turns | None = None


class AgeCond(Strict):
    """The actor's age in years lies within [min, max]."""

    type: Literal["age"]
    min: Annotated[float, Field(ge=0, le=150)] | None = None
    max: Annotated[float, Field(ge=0, le=150)] | None = None


class ContestSoonCond(Strict):
    """The contest sits within ``within`` turns (0 = this turn)."""

    type: Literal["contest_soon"]
    contest: Id
    within: Turns


class RegisteredCond(Strict):
    """The actor is (``present`` false: is not) registered for the contest."""

    type: Literal["registered"]
    contest: Id
    present: bool = True


class PartyPopularityCond(Strict):
    """The actor's party's popularity lies within [min, max]."""

    type: Literal["party_popularity"]
    min: Annotated[float, Field(ge=0, le=100)] | None = None
    max: Annotated[float, Field(ge=0, le=100)] | None = None


class PartySeatsCond(Strict):
    """The actor's party holds at least ``min_share`` (0..1) of a body's seats; with
    ``largest``, more than any other party."""

    type: Literal["party_seats"]
    position: Id
    min_share: Probability = 0
    largest: bool = False


class AllCond(Strict):
    """Every listed condition holds."""

    type: Literal["all"]
    conditions: list[Condition]


class AnyCond(Strict):
    """At least one listed condition holds."""

    type: Literal["any"]
    conditions: Annotated[list[Condition], Field(min_length=1)]


class NotCond(Strict):
    """The condition does not hold."""

    type: Literal["not"]
    condition: Condition


Condition = Annotated[
    ResourceCond | HoldsCond | TenureCond | PartyMemberCond | StatusCond | TurnCond | AgeCond
    | ContestSoonCond | RegisteredCond | PartyPopularityCond | PartySeatsCond | AllCond | AnyCond
    | NotCond,
    Field(discriminator="type"),
]

# ----------------------------------------------------------------------------- effects


class ResourceEffect(Strict):
    """Add ``delta`` to a resource (clamped to its bounds)."""

    type: Literal["resource"]
    resource: Id
    delta: Amount


class AddStatusEffect(Strict):
    """Give a status for ``turns`` turns (0 = until removed)."""

    type: Literal["add_status"]
    status: Id
    turns: Turns = 0


class RemoveStatusEffect(Strict):
    """Remove a status."""

    type: Literal["remove_status"]
    status: Id


class JoinPartyEffect(Strict):
    """Join ``party`` (null: the party the move targets)."""

    type: Literal["join_party"]
    party: Id | None = None


class LeavePartyEffect(Strict):
    """Leave the current party and everything bound to it."""

    type: Literal["leave_party"]


class EnterContestEffect(Strict):
    """Register for the next sitting of a contest."""

    type: Literal["enter_contest"]
    contest: Id


class GainPositionEffect(Strict):
    """Take a free seat of a position directly."""

    type: Literal["gain_position"]
    position: Id


class LosePositionEffect(Strict):
    """Give up a position (null: the position the move targets)."""

    type: Literal["lose_position"]
    position: Id | None = None


class PartyPopularityEffect(Strict):
    """Shift the own party's popularity, a named party's, or every party's."""

    type: Literal["party_popularity"]
    delta: Annotated[float, Field(ge=-100, le=100, allow_inf_nan=False)]
    party: Id | None = None
    every_party: bool = False


class NominateEffect(Strict):
    """Take the party's nomination for a contest."""

    type: Literal["nominate"]
    contest: Id


class RetireEffect(Strict):
    """End the career by choice."""

    type: Literal["retire"]


Effect = Annotated[
    ResourceEffect | AddStatusEffect | RemoveStatusEffect | JoinPartyEffect | LeavePartyEffect
    | EnterContestEffect | GainPositionEffect | LosePositionEffect | PartyPopularityEffect
    | NominateEffect | RetireEffect,
    Field(discriminator="type"),
]

# ----------------------------------------------------------------------------- objects


class Resource(Strict):
    """A resource every actor carries."""

    id: Id
    name: Text
    min: Amount = 0
    max: Amount | None = 100
    initial: Amount = 0
    decay: Probability = 0
    baseline: Amount = 0
    skill: bool = False
    party_bound: bool = False
    resets_after_contest: bool = False
    log_scale: Annotated[float, Field(ge=0, le=1e9)] = 0


class Track(Strict):
    """A board column."""

    id: Id
    name: Text


class Channel(Strict):
    """A mobility channel and how it is entered."""

    id: Id
    name: Text
    description: Text
    entry_positions: list[Id] = []
    entry_contest_kinds: list[
        Literal["general_election", "party_election", "nomination", "appointment", "exam"]
    ] = []


class Position(Strict):
    """An office on the board."""

    id: Id
    name: Text
    description: Text = {"en": ""}
    track: Id
    tier: Annotated[int, Field(ge=1, le=20)]
    seats: Annotated[int, Field(ge=1, le=10_000)]
    obtained: Literal["contest", "appointment", "exam", "automatic", "move"]
    requires: list[Condition] = []
    excludes: list[Id] = []
    neutral: bool = False
    per_party: bool = False
    replaces: list[Id] = []
    term: Turns = 0
    term_limit: Turns = 0
    salary: Amount = 0
    agenda_cost: Annotated[int, Field(ge=0, le=10)] = 0
    influence: Amount = 0
    per_turn: list[ResourceEffect] = []
    prestige: Amount | None = None


class Party(Strict):
    """A party and its starting popularity."""

    id: Id
    name: Text
    short: str = ""
    popularity: Annotated[float, Field(ge=0, le=100)]


class FactorModel(Strict):
    """A weighted input: a resource id or party_popularity, incumbency, party_tenure, nominated."""

    source: Id
    weight: Weight


class ScheduleModel(Strict):
    """Sits on turns offset, offset + every, ..."""

    every: Annotated[int, Field(ge=1, le=1000)] = 1
    offset: Annotated[int, Field(ge=1, le=1000)] = 1


class Field_(Strict):
    """Contenders not played by actors."""

    count: Annotated[int, Field(ge=0, le=500)] = 0
    strength: Weight = 0


class Contest(Strict):
    """A recurring contest that fills a position's seats or grants nominations."""

    id: Id
    name: Text
    kind: Literal["general_election", "party_election", "nomination", "appointment", "exam"]
    position: Id
    schedule: ScheduleModel = ScheduleModel()
    factors: Annotated[list[FactorModel], Field(min_length=1)]
    noise: Annotated[float, Field(ge=0, le=100)] = 5
    temperature: Annotated[float, Field(gt=0, le=100)] = 10
    per_party: bool = False
    field: Field_ = Field_()
    threshold: Weight = 0
    requires: list[Condition] = []
    requires_nomination: bool = False
    for_contest: Id | None = None
    min_party_popularity: Annotated[float, Field(ge=0, le=100)] = 0
    incumbents_run: bool = True
    winners: Annotated[int, Field(ge=0, le=10_000)] = 0
    allocation: Literal["top_k", "two_round", "districts", "dhondt", "sainte_lague"] = "top_k"
    list_type: Literal["open", "closed"] = "open"
    party_threshold: Probability = 0
    party_noise: Annotated[float, Field(ge=0, le=100)] = 3
    on_demand: bool = False


class CheckModel(Strict):
    """A success check: base + weighted factors, clamped to [min, max]."""

    base: Probability
    factors: list[FactorModel] = []
    min: Probability = 0.05
    max: Probability = 0.95


class Cost(Strict):
    """What a move costs."""

    agenda: Annotated[int, Field(ge=0, le=10)] = 1
    funds: Annotated[float, Field(ge=0, le=1e9)] = 0


class Move(Strict):
    """A channel move."""

    id: Id
    channel: Id
    name: Text
    help: Text
    requires: list[Condition] = []
    cost: Cost = Cost()
    effects: list[Effect] = []
    check: CheckModel | None = None
    on_success: list[Effect] = []
    on_failure: list[Effect] = []
    cooldown: Turns = 0
    target: Literal["none", "party", "held_position"] = "none"
    once: bool = False


class Choice(Strict):
    """An answer to an event card."""

    id: Id
    label: Text
    effects: list[Effect] = []
    check: CheckModel | None = None
    on_success: list[Effect] = []
    on_failure: list[Effect] = []


class Event(Strict):
    """An event card."""

    id: Id
    title: Text
    text: Text
    scope: Literal["actor", "world"] = "actor"
    probability: Probability
    conditions: list[Condition] = []
    choices: Annotated[list[Choice], Field(max_length=3)] = []
    effects: list[Effect] = []
    once: bool = False
    cooldown: Turns = 0


class Status(Strict):
    """A lasting condition."""

    id: Id
    name: Text
    description: Text
    per_turn: list[ResourceEffect] = []
    contest_penalty: Weight = 0
    check_penalty: Probability = 0
    blocks_contests: bool = False
    ruin: bool = False
    hidden: bool = False


class Persona(Strict):
    """AI preferences as data."""

    id: Id
    name: Text
    resource_weights: dict[str, Weight]
    channel_bias: dict[str, Weight] = {}
    risk: Probability = 0.5
    position_weight: Weight = 1


class ActorModel(Strict):
    """The player or a rival at the start."""

    id: Id
    name: Annotated[str, Field(min_length=1, max_length=60)]
    persona: Id | None = None
    party: Id | None = None
    resources: dict[str, Amount] = {}
    positions: list[Id] = []
    player: bool = False


class Victory(Strict):
    """The goal of a career."""

    positions: Annotated[list[Id], Field(min_length=1)]
    debt_turns: Annotated[int, Field(ge=1, le=100)] = 2


class Calendar(Strict):
    """Time: when the career starts and how long a turn lasts."""

    start_year: Annotated[int, Field(ge=1, le=9999)]
    months_per_turn: Annotated[int, Field(ge=1, le=24)] = 6
    max_turns: Annotated[int, Field(ge=1, le=1000)] = 80


class Parts(Strict):
    """Lists of objects; a scenario and each file it includes may hold any of them."""

    resources: list[Resource] = []
    tracks: list[Track] = []
    channels: list[Channel] = []
    parties: list[Party] = []
    statuses: list[Status] = []
    positions: list[Position] = []
    contests: list[Contest] = []
    moves: list[Move] = []
    events: list[Event] = []
    personas: list[Persona] = []
    actors: list[ActorModel] = []


class PartFile(Parts):
    """An included file: only lists of objects."""

    schema_: str | None = Field(default=None, alias="$schema")


class ScenarioFile(Parts):
    """A scenario's main file: settings plus lists, and files to include."""

    schema_: str | None = Field(default=None, alias="$schema")
    format: Literal[1] = 1
    id: Id
    name: Text
    description: Text
    system: Id
    calendar: Calendar
    start_age: Annotated[float, Field(ge=10, le=100)] = 25
    agenda_per_turn: Annotated[int, Field(ge=1, le=20)] = 3
    debt_limit: Amount = -100
    living_cost: Amount = 0
    include: list[Annotated[str, Field(pattern=r"^[A-Za-z0-9_\-./]+\.json$")]] = []
    victory: Victory


AllCond.model_rebuild()
AnyCond.model_rebuild()
NotCond.model_rebuild()
