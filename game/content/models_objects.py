"""The objects a scenario lists: resources, tracks, channels, parties, statuses, positions,
contests, moves, events, personas and actors.

Models describe shape and ranges only; ids are resolved by ``crossref``.  The docstrings
under each field are the modding reference (``docs/MODDING.md``).
"""

# Pydantic copies mutable defaults per instance, so `= []` is safe here.
# ruff: noqa: RUF012

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, field_validator
from pydantic.json_schema import SkipJsonSchema
from pydantic_core import PydanticCustomError

from game.content.backgrounds import background_ids
from game.content.models_rules import (
    Amount,
    Condition,
    Effect,
    Id,
    Popularity,
    Probability,
    ResourceEffect,
    Strict,
    Text,
    Turns,
    Weight,
)

ContestKind = Literal["general_election", "party_election", "nomination", "appointment", "exam",
                      "investiture", "confidence"]


class Resource(Strict):
    """A resource every actor carries (support, funds, a skill...)."""

    id: Id
    """Unique among resources; conditions, effects and factors name it."""
    name: Text
    """Shown to the player."""
    min: Amount = 0
    """Lowest value; changes are clamped to it."""
    max: Amount | None = 100
    """Highest value (none: unbounded)."""
    initial: Amount = 0
    """Value at the start, unless an actor sets its own."""
    decay: Probability = 0
    """Share of the gap to ``baseline`` closed every turn (0: no decay)."""
    baseline: Amount = 0
    """The value decay pulls toward."""
    skill: bool = False
    """A skill (grouped with the skills in the interface)."""
    party_bound: bool = False
    """Reset to ``initial`` when the actor leaves a party (e.g. party standing)."""
    resets_after_contest: bool = False
    """Reset to ``initial`` once the day's general elections the actor stood in are over
    (campaign momentum: elections held the same day share it)."""
    log_scale: Annotated[float, Field(ge=0, le=1e9)] = 0
    """Above 0: contests and checks read log(1+value)/log(1+log_scale) (for money)."""
    taper: Probability = 0
    """Gains from moves and event cards shrink as the value nears ``max``: such a gain is \
multiplied by 1 - taper x (the share of the range already filled). Per-turn changes (offices, \
statuses, decay) are not tapered. 0: no taper; needs a ``max``."""


class Track(Strict):
    """A board column: a ladder of positions."""

    id: Id
    """Unique among tracks."""
    name: Text
    """Column heading."""


class Channel(Strict):
    """A mobility channel and how it is entered."""

    id: Id
    """Unique among channels; moves name their channel."""
    name: Text
    """Shown to the player."""
    description: Text
    """What the channel is, for the in-game guide."""
    entry_positions: list[Id] = []
    """Holding any of these positions enters the channel."""
    entry_contest_kinds: list[ContestKind] = []
    """Standing in a contest of any of these kinds enters the channel."""


class Position(Strict):
    """An office on the board."""

    id: Id
    """Unique among positions."""
    name: Text
    """Shown to the player (use the country's own term: bupati, DPR member...)."""
    description: Text = {"en": ""}
    """What the office does."""
    track: Id
    """The board column it sits in."""
    tier: Annotated[int, Field(ge=1, le=20)]
    """Row on the board (1 = bottom)."""
    seats: Annotated[int, Field(ge=1, le=10_000)]
    """How many actors may hold it at once (per party when ``per_party``)."""
    obtained: Literal["contest", "appointment", "exam", "automatic", "move"]
    """How it is gained: by a contest, appointment or exam (each a contest object), \
automatically once the requirements hold, or by a move's ``gain_position`` effect."""
    requires: list[Condition] = []
    """Conditions an actor must meet to gain it."""
    excludes: list[Id] = []
    """Positions that may not be held together with it (both ways)."""
    neutral: bool = False
    """Holders may not be party members (civil servants, diplomats)."""
    per_party: bool = False
    """Every party has its own seats; lost on leaving the party."""
    replaces: list[Id] = []
    """Positions given up when this one is gained (a promotion)."""
    term: Turns = 0
    """Turns until an appointed or examined seat is vacated (0: no fixed term)."""
    term_limit: Turns = 0
    """Wins allowed in its election (0: unlimited)."""
    salary: Amount = 0
    """Funds paid every turn."""
    agenda_cost: Annotated[int, Field(ge=0, le=10)] = 0
    """Agenda points it takes every turn."""
    influence: Amount = 0
    """Influence gained every turn."""
    per_turn: list[ResourceEffect] = []
    """Other resource changes every turn (experience, standing...)."""
    prestige: Amount | None = None
    """Legacy points for having held it (none: 10 per tier)."""
    lapses: bool = False
    """Lost as soon as its requirements stop holding (a prime minister without a majority)."""


class Party(Strict):
    """A party and its starting popularity."""

    id: Id
    """Unique among parties."""
    name: Text
    """Full name."""
    short: Annotated[str, Field(max_length=12)] = ""
    """Abbreviation for the board."""
    popularity: Popularity
    """Popularity at the start (0-100)."""
    ideology: Annotated[float, Field(ge=-10, le=10, allow_inf_nan=False)] = 0
    """Where it stands, -10 (left) to 10 (right): coalitions form between close parties."""
    shuns: list[Id] = []
    """Parties it will never govern with (it takes one side to refuse)."""


class FactorModel(Strict):
    """A weighted input of a contest or a check: a resource id or a special source."""

    source: Id
    """A resource id, or party_popularity, incumbency, party_tenure or nominated."""
    weight: Weight
    """Multiplies the source's value, normalised to about 0-1."""


class ScheduleModel(Strict):
    """When a contest sits: on turns offset, offset + every, offset + 2 every..."""

    every: Annotated[int, Field(ge=1, le=1000)] = 1
    """Turns between sittings."""
    offset: Annotated[int, Field(ge=1, le=1000)] = 1
    """First turn it sits."""


class Field_(Strict):
    """Contenders not played by actors (the rest of the field)."""

    count: Annotated[int, Field(ge=0, le=500)] = 0
    """How many."""
    strength: Weight = 0
    """Their strength before noise."""
    per_popularity: Annotated[float, Field(ge=0, le=10, allow_inf_nan=False)] = 0
    """In a party's own contests (``per_party``): added to ``strength`` for every point of \
the party's popularity, so a big party's nomination draws a stronger field (0: the same in \
every party)."""


class Mixed(Strict):
    """Mixed-member systems: constituency seats first, then a party-list tier."""

    constituencies: Annotated[int, Field(ge=0, le=10_000)]
    """Seats filled first past the post, one per constituency (at most the house)."""
    field: Field_ = Field_(count=2)
    """Contenders not played by actors in each actor's constituency."""
    compensation: Literal["kept", "levelled", "none"] = "kept"
    """kept: list seats top each party up to its share of the party vote, and constituency \
seats beyond it stay (overhang seats, the house grows); levelled: the house then grows \
until every party has its share again (levelling seats); none: the list seats left after \
the constituencies are shared by the party vote alone (a parallel system)."""
    exemption: Annotated[int, Field(ge=0, le=10_000)] = 0
    """Constituencies a party must win to share the list seats even below the threshold \
(0: no exemption)."""
    odd_house: bool = False
    """levelled: enlarge the house further to an odd number of seats."""


class Region(Strict):
    """A regional list: a share of the electorate with its own party swings."""

    id: Id
    """Unique within the contest."""
    name: Text
    """Shown to the player (a state, a province)."""
    weight: Annotated[float, Field(gt=0, le=1e6, allow_inf_nan=False)] = 1
    """Share of the electorate, relative to the other regions."""
    swing: dict[str, Annotated[float, Field(ge=-100, le=100, allow_inf_nan=False)]] = {}
    """Party id -> popularity points added to that party's vote in this region."""
    requires: list[Condition] = []
    """Actors meeting these stand on this region's lists; each actor takes the first region \
it meets (a region without requirements takes everyone left)."""


class Contest(Strict):
    """A recurring contest that fills a position's seats or grants nominations."""

    id: Id
    """Unique among contests."""
    name: Text
    """Shown to the player (Pilkada, party congress...)."""
    kind: ContestKind
    """general_election, party_election, nomination, appointment, exam, investiture (a \
chamber elects the head of government) or confidence (a head of government faces the \
chamber)."""
    position: Id
    """The position whose seats it fills (for a nomination: the office nominated for)."""
    schedule: ScheduleModel = ScheduleModel()
    """When it sits."""
    factors: Annotated[list[FactorModel], Field(min_length=1)]
    """What makes a contestant strong."""
    noise: Annotated[float, Field(ge=0, le=100)] = 5
    """Standard deviation of the random part of strength."""
    temperature: Annotated[float, Field(gt=0, le=100)] = 10
    """Softmax temperature turning strengths into vote shares."""
    per_party: bool = False
    """Held once inside every party (party elections, nominations)."""
    field: Field_ = Field_()
    """Contenders not played by actors."""
    threshold: Weight = 0
    """Exams and appointments: the strength needed to pass."""
    requires: list[Condition] = []
    """Conditions a contestant must meet to stand."""
    requires_nomination: bool = False
    """Only nominated actors may stand."""
    for_contest: Id | None = None
    """Nominations: the contest the nominees stand in."""
    min_party_popularity: Annotated[float, Field(ge=0, le=100)] = 0
    """Nominations: a party below this popularity cannot nominate (a threshold)."""
    incumbents_run: bool = True
    """Holders stand again automatically."""
    winners: Annotated[int, Field(ge=0, le=10_000)] = 0
    """Seats filled at each sitting (0: the position's seats)."""
    allocation: Literal["top_k", "two_round", "districts", "dhondt", "sainte_lague"] = "top_k"
    """Elections: top_k (plurality), two_round, districts (one district per candidate,
    first past the post), dhondt or sainte_lague (party lists)."""
    list_type: Literal["open", "closed"] = "open"
    """List systems: open (voters rank candidates) or closed (the party ranks them by \
``list_rank``)."""
    list_rank: list[FactorModel] = []
    """Closed lists: what ranks a candidate on the party's list (none: standing, weight 100)."""
    two_ballots: bool = False
    """List systems: the party vote is a ballot of its own; otherwise candidates' strengths \
add to their party's vote."""
    mixed: Mixed | None = None
    """List systems: constituency seats plus a list tier (mixed-member representation)."""
    regions: Annotated[list[Region], Field(max_length=50)] = []
    """List systems: regional lists sharing out each party's list seats."""
    chamber: Id | None = None
    """Investiture and confidence: the elected position whose seats vote."""
    party_threshold: Probability = 0
    """List systems: share of the vote (0-1) a party needs to win seats."""
    party_noise: Annotated[float, Field(ge=0, le=100)] = 3
    """List systems: random swing of each party's vote, in popularity points."""
    on_demand: bool = False
    """Sits on its schedule only when an actor has registered (e.g. a leadership challenge)."""


class CheckModel(Strict):
    """A success check: chance = base + weighted factors, clamped to [min, max]."""

    base: Probability
    """The chance before factors."""
    factors: list[FactorModel] = []
    """Inputs that raise or lower the chance."""
    min: Probability = 0.05
    """Lowest chance."""
    max: Probability = 0.95
    """Highest chance."""


class RepeatModel(Strict):
    """Diminishing returns of a move made again soon."""

    window: Annotated[int, Field(ge=1, le=100)]
    """How many turns back a move's earlier uses count."""
    falloff: Probability
    """Each earlier use within the window multiplies the gains by this (1: no falloff)."""


class Cost(Strict):
    """What a move costs."""

    agenda: Annotated[int, Field(ge=0, le=10)] = 1
    """Agenda points."""
    funds: Annotated[float, Field(ge=0, le=1e9)] = 0
    """Funds."""


class Move(Strict):
    """A channel move an actor may make with agenda points."""

    id: Id
    """Unique among moves."""
    channel: Id
    """The mobility channel it belongs to."""
    name: Text
    """Shown to the player (imperative: "Attend party meetings")."""
    help: Text
    """What it does, in a sentence."""
    requires: list[Condition] = []
    """Conditions to be allowed to make it."""
    cost: Cost = Cost()
    """Agenda points and funds."""
    effects: list[Effect] = []
    """Effects that always happen."""
    check: CheckModel | None = None
    """A success check (none: always succeeds)."""
    on_success: list[Effect] = []
    """Effects when the check succeeds."""
    on_failure: list[Effect] = []
    """Effects when the check fails."""
    cooldown: Turns = 0
    """Turns before it can be made again (0: next turn)."""
    target: Literal["none", "party", "held_position"] = "none"
    """What the player picks when making it: nothing, a party or a held position."""
    once: bool = False
    """Can be made only once per career."""
    repeat: RepeatModel | SkipJsonSchema[None] = None
    """Its own diminishing returns when made again soon (default: the scenario's \
``repeat``; ``{"window": 1, "falloff": 1}`` turns them off)."""


class Choice(Strict):
    """An answer to an event card."""

    id: Id
    """Unique within the event."""
    label: Text
    """The button text."""
    effects: list[Effect] = []
    """Effects that always happen."""
    check: CheckModel | None = None
    """A success check (none: always succeeds)."""
    on_success: list[Effect] = []
    """Effects when the check succeeds."""
    on_failure: list[Effect] = []
    """Effects when the check fails."""


class Event(Strict):
    """An event card."""

    id: Id
    """Unique among events."""
    title: Text
    """Card title."""
    text: Text
    """Card text."""
    scope: Literal["actor", "world"] = "actor"
    """actor: drawn per actor; world: once for everyone (conditions read the player)."""
    probability: Probability
    """Chance per eligible actor and turn."""
    conditions: list[Condition] = []
    """Conditions for it to be drawn."""
    choices: Annotated[list[Choice], Field(max_length=3)] = []
    """Up to three answers."""
    effects: list[Effect] = []
    """Effects applied when drawn (world events: to every actor)."""
    once: bool = False
    """Drawn at most once per career."""
    cooldown: Turns = 0
    """Turns before it can be drawn again."""


class Status(Strict):
    """A lasting condition, such as being under investigation."""

    id: Id
    """Unique among statuses."""
    name: Text
    """Shown to the player."""
    description: Text
    """What it means."""
    per_turn: list[ResourceEffect] = []
    """Resource changes every turn while it lasts."""
    contest_penalty: Weight = 0
    """Strength points lost in every contest."""
    check_penalty: Probability = 0
    """Subtracted from every success chance."""
    blocks_contests: bool = False
    """Its holder may not stand in contests."""
    ruin: bool = False
    """Disgrace: the career ends."""
    hidden: bool = False
    """A skeleton: not shown until it surfaces."""


class Persona(Strict):
    """AI preferences as data."""

    id: Id
    """Unique among personas (built-in ones: loyalist, technocrat, populist...)."""
    name: Text
    """Shown to the player."""
    resource_weights: dict[str, Weight]
    """How much the AI values each resource."""
    channel_bias: dict[str, Weight] = {}
    """Preference multipliers for moves of each channel."""
    risk: Probability = 0.5
    """0: avoids uncertain moves; 1: indifferent to risk."""
    position_weight: Weight = 1
    """How much the AI values positions."""
    roads: list[Id] = []
    """Channels the persona's road to the top prefers to pass through: a road through any of
    them is worth ``commitment`` times as much to it, and a persona not yet in one weighs
    entering it first (at the cost of the turns that takes).  Channels the scenario lacks are
    ignored, so one persona serves every system."""
    commitment: Annotated[float, Field(ge=1, le=10, allow_inf_nan=False)] = 1
    """How much more a road through one of ``roads`` is worth to the persona (1: no
    preference)."""
    ethics: Probability = 0.5
    """0: takes whatever pays; 1: turns down every offer that would leave a skeleton."""
    background: Id | SkipJsonSchema[None] = None
    """The starting background the persona takes when it plays the player's seat in the
    balance lab, as a player picks one on the new-career screen (one of the ids in
    game/content/backgrounds.json, e.g. foreign_service); left out: the scenario's start."""
    loyalty: Probability = 0
    """0: leaves its party for another whenever a road there promises clearly more; 1: never
    leaves the party it is in (the share of that promise it forgoes)."""

    @field_validator("background")
    @classmethod
    def _known_background(cls, value: str | None) -> str | None:
        known = background_ids()
        if value is not None and value not in known:
            # reported as a choice outside the allowed ones, as a Literal's would be
            raise PydanticCustomError("literal_error", "not a background",
                                      {"expected": ", ".join(repr(k) for k in known)})
        return value


class PatchOp(Strict):
    """One JSON Patch operation (RFC 6902) on an object, e.g. appending to a list."""

    op: Literal["add", "remove", "replace", "move", "copy", "test"]
    """add (a path ending in /- appends), remove, replace, move, copy or test."""
    path: Annotated[str, Field(max_length=300)]
    """A JSON pointer inside the object, e.g. "/effects/-" or "/requires/0"."""
    value: Any = None
    """The value for add, replace and test."""
    from_: Annotated[str, Field(max_length=300)] | SkipJsonSchema[None] = Field(
        default=None, alias="from")
    """The source pointer for move and copy."""


class ActorModel(Strict):
    """The player or a rival at the start."""

    id: Id
    """Unique among actors."""
    name: Annotated[str, Field(min_length=1, max_length=60)] | Text
    """The person's name: a string, or a text when it differs by language."""
    persona: Id | None = None
    """The AI persona of a rival."""
    party: Id | None = None
    """Party at the start."""
    resources: dict[str, Amount] = {}
    """Starting values that differ from the resources' ``initial``."""
    positions: list[Id] = []
    """Positions held at the start."""
    player: bool = False
    """The player's seat (exactly one actor)."""


class Victory(Strict):
    """The goal of a career."""

    positions: Annotated[list[Id], Field(min_length=1)]
    """Holding any of these wins."""
    debt_turns: Annotated[int, Field(ge=1, le=100)] = 2
    """Turns in a row below the debt limit before ruin."""


class Calendar(Strict):
    """Time: when the career starts and how long a turn lasts."""

    start_year: Annotated[int, Field(ge=1, le=9999)]
    """Calendar year of turn 1."""
    months_per_turn: Annotated[int, Field(ge=1, le=24)] = 6
    """Months in one turn."""
    max_turns: Annotated[int, Field(ge=1, le=1000)] = 80
    """Length of a career in turns."""
