"""Localised names for scenario ids, reasons, factor sources, dates and ages."""

from __future__ import annotations

from game.core.conditions import actor_age
from game.core.events import FactorValue
from game.core.rulebook import Rulebook
from game.core.scenario import PartyDef, TrackDef
from game.core.state import GameState
from game.ui.locale import Locale


class Names:
    """Turns ids from the rules and events into words in the player's language."""

    def __init__(self, locale: Locale, book: Rulebook) -> None:
        self.loc = locale
        self.book = book
        spec = book.scenario
        self._parties: dict[str, PartyDef] = {p.id: p for p in spec.parties}
        self._tracks: dict[str, TrackDef] = {t.id: t for t in spec.tracks}

    def resource(self, rid: str) -> str:
        """A resource's name."""
        rdef = self.book.resources.get(rid)
        return self.loc.text(rdef.name) if rdef else rid

    def position(self, pid: str) -> str:
        """A position's name."""
        pdef = self.book.positions.get(pid)
        return self.loc.text(pdef.name) if pdef else pid

    def move(self, mid: str) -> str:
        """A move's name."""
        mdef = self.book.moves.get(mid)
        return self.loc.text(mdef.name) if mdef else mid

    def contest(self, cid: str) -> str:
        """A contest's name."""
        cdef = self.book.contests.get(cid)
        return self.loc.text(cdef.name) if cdef else cid

    def party(self, party: str | None) -> str:
        """A party's name (or "independent")."""
        if party is None:
            return self.loc.t("party.none")
        pdef = self._parties.get(party)
        return self.loc.text(pdef.name) if pdef else party

    def party_short(self, party: str) -> str:
        """A party's short name, else its name."""
        pdef = self._parties.get(party)
        return (pdef.short or self.loc.text(pdef.name)) if pdef else party

    def abbreviation(self, party: str | None) -> str:
        """A party's short name as the scenario gives it ("" if it gives none)."""
        pdef = self._parties.get(party) if party else None
        return pdef.short if pdef else ""

    def status(self, sid: str) -> str:
        """A status's name."""
        sdef = self.book.statuses.get(sid)
        return self.loc.text(sdef.name) if sdef else sid

    def channel(self, cid: str) -> str:
        """A channel's name."""
        cdef = self.book.channels.get(cid)
        return self.loc.text(cdef.name) if cdef else cid

    def track(self, tid: str) -> str:
        """A track's (board column's) name."""
        tdef = self._tracks.get(tid)
        return self.loc.text(tdef.name) if tdef else tid

    def event_title(self, eid: str) -> str:
        """An event card's title."""
        edef = self.book.events.get(eid)
        return self.loc.text(edef.title) if edef else eid

    def target(self, target: str | None) -> str:
        """A move target: a party or a held position."""
        if target is None:
            return ""
        if target in self._parties:
            return self.party(target)
        return self.position(target)

    def reason(self, reason: str) -> str:
        """Why a resource changed: ``move:x``, ``position:x``, ``decay``, ... in words."""
        kind, _, ref = reason.partition(":")
        if ref:
            lookup = {"move": self.move, "position": self.position, "status": self.status,
                      "event": self.event_title, "contest": self.contest}.get(kind)
            if lookup is not None:
                return self.loc.t(f"reason.{kind}", name=lookup(ref))
        key = "reason." + reason.replace(" ", "_")
        return self.loc.t(key) if self.loc.has(key) else reason.replace("_", " ")

    def source(self, source: str) -> str:
        """A factor source: a resource, a special source or a status penalty."""
        if source.startswith("status:"):
            return self.status(source[7:])
        if source in self.book.resources:
            return self.resource(source)
        key = f"factor.{source}"
        return self.loc.t(key) if self.loc.has(key) else source.replace("_", " ")

    def factor(self, factor: FactorValue) -> str:
        """A factor line's label with its inputs, e.g. ``Support (0.62 × 35)``."""
        name = self.source(factor.label)
        if factor.label == "base" or factor.label.startswith("status:"):
            return name
        value, weight = self.loc.number(factor.value, 2), self.loc.number(factor.weight, 2)
        return f"{name} ({value} \u00d7 {weight})"

    def how(self, how: str) -> str:
        """How a position was gained."""
        key = f"how.{how}"
        return self.loc.t(key) if self.loc.has(key) else how.replace("_", " ")

    def why(self, why: str) -> str:
        """Why a position was lost."""
        key = "why." + why.replace(" ", "_")
        return self.loc.t(key) if self.loc.has(key) else why

    def result(self, result: str | None) -> str:
        """A career result in words."""
        return self.loc.t(f"result.{result or 'ongoing'}")

    def kind(self, kind: str) -> str:
        """A contest kind in words."""
        return self.loc.t(f"kind.{kind}")

    def date(self, turn: int) -> str:
        """The in-game date of ``turn``: month and year."""
        spec = self.book.scenario
        months = (max(turn, 1) - 1) * spec.months_per_turn
        return f"{self.loc.t(f'month.{months % 12 + 1}')} {spec.start_year + months // 12}"

    def age(self, state: GameState) -> int:
        """Everyone's age in whole years now."""
        return int(actor_age(self.book.scenario, state))
