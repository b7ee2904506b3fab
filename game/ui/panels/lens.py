"""What the campaign panels read: the session, names and explanations in the player's language."""

from __future__ import annotations

from dataclasses import dataclass

from game.core import GameState, Rulebook
from game.core.state import Actor
from game.ui.context import Ui
from game.ui.explain import Explainer
from game.ui.names import Names
from game.ui.session import Session
from game.ui.theme import RGB


@dataclass(slots=True)
class Lens:
    """Read-only access to one career for drawing and tooltips."""

    ui: Ui
    session: Session
    names: Names
    explain: Explainer
    colours: dict[str, RGB]  # actor id -> token colour
    letters: dict[str, str]  # actor id -> token letter

    @classmethod
    def of(cls, ui: Ui, session: Session) -> Lens:
        """A lens for the current language and palette."""
        names = Names(ui.locale, session.career.book)
        state = session.state
        colours: dict[str, RGB] = {}
        letters: dict[str, str] = {}
        for index, aid in enumerate(state.order):
            actor = state.actors[aid]
            colours[aid] = ui.pal.accent if actor.is_player else ui.pal.actor(index - 1)
            letters[aid] = (actor.name[:1] or "?").upper()
        return cls(ui, session, names, Explainer(names), colours, letters)

    @property
    def state(self) -> GameState:
        """The game state."""
        return self.session.state

    @property
    def book(self) -> Rulebook:
        """The compiled scenario."""
        return self.session.career.book

    @property
    def player(self) -> Actor:
        """The player's actor."""
        return self.session.player

    def actor_name(self, aid: str | None) -> str:
        """An actor's name ("You" for the player)."""
        if aid is None:
            return self.ui.t("word.field")
        if aid == self.player.id:
            return self.ui.t("word.you")
        actor = self.state.actors.get(aid)  # type: ignore[call-overload]
        return self.person(actor) if actor is not None else aid

    def person(self, actor: Actor) -> str:
        """An actor's own name in the player's language: a name the scenario translates is
        shown translated, unless the player chose another one."""
        for setup in self.book.scenario.actors:
            if setup.id == actor.id and actor.name == setup.name:
                return setup.names.get(self.ui.locale.lang, actor.name)
        return actor.name

    def party_colour(self, party: str) -> RGB:
        """A party's neutral colour."""
        ids: list[str] = [p.id for p in self.book.scenario.parties]
        return self.ui.pal.party(ids.index(party) if party in ids else len(ids))
