"""Strict pydantic models of scenario JSON: the modding format.

Every object forbids unknown keys, coerces no types and is frozen; conditions and effects are
unions discriminated by ``type``.  Files come in two shapes: a scenario's main file
(``ScenarioLayer``; settings, lists and composition) and a part (``PartFile``; lists and
composition), included by a scenario or extended as a shared base.  ``ScenarioFile`` is a
complete scenario after merging, as saves embed it.
"""

# Pydantic copies mutable defaults per instance, so `= []` is safe here.
# ruff: noqa: RUF012

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field
from pydantic.json_schema import SkipJsonSchema

from game.content.models_objects import (
    ActorModel,
    Calendar,
    Channel,
    CheckModel,
    Contest,
    ContestKind,
    Cost,
    Event,
    FactorModel,
    Field_,
    Mixed,
    Move,
    Party,
    PatchOp,
    Persona,
    Position,
    Region,
    RepeatModel,
    Resource,
    ScheduleModel,
    Status,
    Track,
    Victory,
)
from game.content.models_rules import (
    CONDITIONS,
    EFFECTS,
    ID_PATTERN,
    AddStatusEffect,
    AgeCond,
    AllCond,
    Amount,
    AnyCond,
    Condition,
    ContestSoonCond,
    Effect,
    EnterContestEffect,
    GainPositionEffect,
    GovernmentCond,
    HoldsCond,
    Id,
    JoinGovernmentEffect,
    JoinPartyEffect,
    LeaveGovernmentEffect,
    LeavePartyEffect,
    LosePositionEffect,
    NominateEffect,
    NotCond,
    PartyMemberCond,
    PartyPopularityCond,
    PartyPopularityEffect,
    PartySeatsCond,
    RegisteredCond,
    RemoveStatusEffect,
    ResourceCond,
    ResourceEffect,
    RetireEffect,
    StatusCond,
    Strict,
    TenureCond,
    Text,
    TurnCond,
)

__all__ = [
    "CONDITIONS",
    "EFFECTS",
    "ID_PATTERN",
    "LIST_KINDS",
    "SETTINGS",
    "ActorModel",
    "AddStatusEffect",
    "AgeCond",
    "AllCond",
    "AnyCond",
    "Calendar",
    "Channel",
    "CheckModel",
    "Condition",
    "Contest",
    "ContestKind",
    "ContestSoonCond",
    "Cost",
    "Edits",
    "Effect",
    "EnterContestEffect",
    "Event",
    "FactorModel",
    "Field_",
    "GainPositionEffect",
    "GovernmentCond",
    "HoldsCond",
    "Id",
    "JoinGovernmentEffect",
    "JoinPartyEffect",
    "Layer",
    "LeaveGovernmentEffect",
    "LeavePartyEffect",
    "LosePositionEffect",
    "Mixed",
    "ModBlock",
    "ModFile",
    "Move",
    "NominateEffect",
    "NotCond",
    "PartFile",
    "Parts",
    "Party",
    "PartyMemberCond",
    "PartyPopularityCond",
    "PartyPopularityEffect",
    "PartySeatsCond",
    "Patch",
    "PatchOp",
    "Persona",
    "Position",
    "Region",
    "RegisteredCond",
    "Remove",
    "RemoveStatusEffect",
    "Resource",
    "ResourceCond",
    "ResourceEffect",
    "RetireEffect",
    "ScenarioFile",
    "ScenarioLayer",
    "ScheduleModel",
    "Status",
    "StatusCond",
    "Strict",
    "TenureCond",
    "Text",
    "Track",
    "TurnCond",
    "Victory",
]

#: The lists a file may hold, in merge and report order.
LIST_KINDS = ("resources", "tracks", "channels", "parties", "statuses", "positions",
              "contests", "moves", "events", "personas", "actors")

RefPath = Annotated[str, Field(pattern=r"^[A-Za-z0-9_\-./]+$", max_length=300)]
IncludePath = Annotated[str, Field(pattern=r"^[A-Za-z0-9_\-./]+\.json$", max_length=300)]
Ids = Annotated[list[Id], Field(max_length=10_000)]


class Parts(Strict):
    """Lists of objects; a scenario and each file it includes or extends may hold any."""

    resources: list[Resource] = []
    """Resources every actor carries."""
    tracks: list[Track] = []
    """Board columns."""
    channels: list[Channel] = []
    """Mobility channels."""
    parties: list[Party] = []
    """Political parties."""
    statuses: list[Status] = []
    """Lasting conditions."""
    positions: list[Position] = []
    """Offices."""
    contests: list[Contest] = []
    """Elections, nominations, appointments and exams."""
    moves: list[Move] = []
    """Channel moves."""
    events: list[Event] = []
    """Event cards."""
    personas: list[Persona] = []
    """AI personas (added to the built-in ones)."""
    actors: list[ActorModel] = []
    """The player and the rivals."""


class Remove(Strict):
    """Ids of objects defined by earlier files (bases) to drop, by kind."""

    resources: Ids = []
    """Resource ids."""
    tracks: Ids = []
    """Track ids."""
    channels: Ids = []
    """Channel ids."""
    parties: Ids = []
    """Party ids."""
    statuses: Ids = []
    """Status ids."""
    positions: Ids = []
    """Position ids."""
    contests: Ids = []
    """Contest ids."""
    moves: Ids = []
    """Move ids."""
    events: Ids = []
    """Event ids."""
    personas: Ids = []
    """Persona ids."""
    actors: Ids = []
    """Actor ids."""


PatchValue = Annotated[
    dict[str, Any] | list[PatchOp] | None,
    Field(description="An object: merged into the object (RFC 7396; null removes a key). A "
                      "list: JSON Patch operations (RFC 6902) for list edits. null: the object "
                      "is removed."),
]
PatchMap = Annotated[dict[Id, PatchValue], Field(max_length=10_000)]


class Patch(Strict):
    """Field-level edits of objects from earlier files, by kind and id."""

    settings: dict[str, Any] | SkipJsonSchema[None] = None
    """Merged into the scenario's settings, e.g. {"calendar": {"max_turns": 60}}."""
    resources: PatchMap = {}
    """Resource edits by id."""
    tracks: PatchMap = {}
    """Track edits by id."""
    channels: PatchMap = {}
    """Channel edits by id."""
    parties: PatchMap = {}
    """Party edits by id."""
    statuses: PatchMap = {}
    """Status edits by id."""
    positions: PatchMap = {}
    """Position edits by id."""
    contests: PatchMap = {}
    """Contest edits by id."""
    moves: PatchMap = {}
    """Move edits by id, e.g. {"media_campaign": {"cost": {"funds": 20}}}."""
    events: PatchMap = {}
    """Event edits by id."""
    personas: PatchMap = {}
    """Persona edits by id."""
    actors: PatchMap = {}
    """Actor edits by id."""


class Edits(Parts):
    """What changes objects of earlier files: replacements, removals and patches."""

    replace: Parts = Parts()
    """Objects that replace, whole, the objects with the same id from earlier files."""
    remove: Remove = Remove()
    """Ids of objects from earlier files to drop."""
    patch: Patch = Patch()
    """Field-level edits of objects from earlier files (applied after replace)."""


class Layer(Edits):
    """What every file may hold besides its lists: a base to extend, replacements, removals."""

    schema_: str | SkipJsonSchema[None] = Field(default=None, alias="$schema", max_length=500)
    """The JSON Schema for editors, e.g. "../schema/scenario.schema.json" (ignored)."""
    extends: RefPath | SkipJsonSchema[None] = None
    """A base applied first: a scenario id ("nusantara"), or a path relative to this file \
(a scenario folder, a scenario.json or a part file) that stays inside the mod."""


class PartFile(Layer):
    """An included file or a shared base: lists of objects, replacements and removals."""


class ScenarioLayer(Layer):
    """A scenario's main file.  With ``extends``, every setting but ``id`` is optional: a
    setting left out is inherited from the base scenario; one given replaces it whole."""

    format: Literal[1] = 1
    """Version of this format."""
    id: Id
    """The scenario id; the same as its folder's name."""
    name: Text | SkipJsonSchema[None] = None
    """The scenario's name (the country)."""
    description: Text | SkipJsonSchema[None] = None
    """A paragraph for the scenario picker."""
    system: Id | SkipJsonSchema[None] = None
    """The political system, e.g. presidential_multiparty, westminster."""
    calendar: Calendar | SkipJsonSchema[None] = None
    """When the career starts and how long a turn lasts."""
    start_age: Annotated[float, Field(ge=10, le=100)] | SkipJsonSchema[None] = None
    """Age of every actor at turn 1 (default 25)."""
    agenda_per_turn: Annotated[int, Field(ge=1, le=20)] | SkipJsonSchema[None] = None
    """Agenda points every turn (default 3)."""
    debt_limit: Amount | SkipJsonSchema[None] = None
    """Funds may fall this low before ruin threatens (default -100)."""
    living_cost: Amount | SkipJsonSchema[None] = None
    """Funds spent every turn on living (default 0)."""
    repeat: RepeatModel | SkipJsonSchema[None] = None
    """Diminishing returns of every move made again soon, unless the move sets its own \
(default: none)."""
    include: list[IncludePath] = []
    """Part files merged after this one, relative to this file."""
    victory: Victory | SkipJsonSchema[None] = None
    """The goal."""


class ModBlock(Edits):
    """Edits a patch mod applies only when every mod in ``mods`` is loaded too."""

    mods: Annotated[list[Id], Field(min_length=1, max_length=100)]
    """The other mods (folder names) that must be in the load order."""


class ModFile(Edits):
    """A patch mod (``mods/<name>/mod.json``): edits stacked on scenarios in a chosen order."""

    schema_: str | SkipJsonSchema[None] = Field(default=None, alias="$schema", max_length=500)
    """The JSON Schema for editors, e.g. "../schema/mod.schema.json" (ignored)."""
    format: Literal[1] = 1
    """Version of this format."""
    applies_to: Annotated[list[Id], Field(min_length=1, max_length=100)]
    """The ids of the scenarios this mod edits."""
    name: Text | SkipJsonSchema[None] = None
    """The mod's name, shown after the scenario's ("Base name + mod name"; default: the \
folder's name)."""
    description: Text | SkipJsonSchema[None] = None
    """What the mod changes, for the mod list."""
    with_mods: Annotated[list[ModBlock], Field(max_length=100)] = []
    """Edits that apply only when other mods are loaded too (compatibility patches)."""


class ScenarioFile(Parts):
    """A complete scenario: every setting present, every list merged (as saves embed it)."""

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
    repeat: RepeatModel | SkipJsonSchema[None] = None
    include: list[IncludePath] = []
    victory: Victory


#: Keys of a scenario file that are settings (not lists, composition or editor hints).
SETTINGS = tuple(name for name in ScenarioFile.model_fields
                 if name not in Parts.model_fields and name not in ("schema_", "include"))
