"""Typed identifiers used across the rules engine."""

from __future__ import annotations

from typing import NewType

ActorId = NewType("ActorId", str)
PositionId = NewType("PositionId", str)
MoveId = NewType("MoveId", str)
ResourceId = NewType("ResourceId", str)
PartyId = NewType("PartyId", str)
ContestId = NewType("ContestId", str)
EventId = NewType("EventId", str)
StatusId = NewType("StatusId", str)
ChannelId = NewType("ChannelId", str)
TrackId = NewType("TrackId", str)

#: Localised text: language code -> string (at least "en" and "id" in shipped content).
Text = dict[str, str]
