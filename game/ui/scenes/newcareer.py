"""New career: scenario (with its system explained), name, background, difficulty, seed,
and the patch mods to stack on the scenario, in the load order the player chooses."""

from __future__ import annotations

import random
from pathlib import Path

import pygame
import pygame_gui

from game.ai import DIFFICULTIES
from game.content import (
    DEFAULT_SCENARIO,
    ContentError,
    ModInfo,
    check_scenario,
    load_scenario,
    mods_for,
)
from game.content.backgrounds import Background, backgrounds
from game.content.loader import MAIN_FILE, scenario_dirs
from game.core.scenario import Scenario
from game.ui import gui
from game.ui.context import Ui
from game.ui.locale import Locale
from game.ui.scene import Action, Pop, Push, Reset, Scene, Transition
from game.ui.scenes.common import esc, heading, typing
from game.ui.scenes.flow import problem_text
from game.ui.session import Session
from game.ui.widgets import label

_loaded: dict[str, Scenario | str] = {}
MOD_ROWS = 4  # patch mods listed at once (the most a screen of 720 pixels keeps readable)


def available(extra: tuple[str, ...] = ()) -> list[str]:
    """Scenario references: ``extra`` first, then every folder with a scenario.json (the
    default scenario first among them)."""
    refs = list(extra)
    found: list[Path] = []
    for folder in scenario_dirs():
        found += sorted(folder.glob(f"*/{MAIN_FILE}"))
    found.sort(key=lambda main: main.parent.name != DEFAULT_SCENARIO)
    for main in found:
        if str(main.parent) not in refs and main.parent.name not in refs:
            refs.append(str(main.parent))
    return refs


def scenario_or_problem(ref: str) -> Scenario | str:
    """The loaded scenario, or what is wrong with it (cached)."""
    if ref not in _loaded:
        try:
            _loaded[ref] = load_scenario(ref)
        except ContentError as exc:
            _loaded[ref] = problem_text(exc)
    return _loaded[ref]


def describe(loc: Locale, scenario: Scenario) -> str:
    """The scenario card: its system, size and length."""
    t = loc.t
    rivals = sum(1 for a in scenario.actors if not a.player)
    years = scenario.max_turns * scenario.months_per_turn / 12
    system_key = f"system.{scenario.system}"
    system = t(system_key) if loc.has(system_key) else scenario.system.replace("_", " ")
    lines = [f"<b>{esc(loc.text(scenario.name))}</b>", f"<i>{esc(system)}</i>", "",
             esc(loc.text(scenario.description)), "",
             esc(t("new.facts", tracks=len(scenario.tracks), positions=len(scenario.positions),
                   moves=len(scenario.moves), events=len(scenario.events), rivals=rivals)),
             esc(t("new.length", year=scenario.start_year, turns=scenario.max_turns,
                   years=f"{years:.0f}", age=f"{scenario.start_age:.0f}"))]
    return "<br>".join(lines)


class NewCareerScene(Scene):
    """Pick a scenario and a character, then start."""

    name = "new_career"

    def __init__(self, ui: Ui, extra: tuple[str, ...] = (), root: bool = False,
                 seed: int | None = None, preselect: str | None = None) -> None:
        super().__init__(ui)
        self.root = root  # opened without a menu below: Back goes to the title
        self.refs = available(extra)
        self.choice = 0
        if preselect is not None:
            names = [Path(r).name for r in self.refs]
            self.choice = names.index(preselect) if preselect in names else 0
        self.backgrounds = backgrounds()
        self.background = 0
        self.difficulty = 1
        self.seed = seed if seed is not None else random.randrange(1, 100_000)
        self.player_name = ""
        self.name_entry: pygame_gui.elements.UITextEntryLine | None = None
        self.seed_entry: pygame_gui.elements.UITextEntryLine | None = None
        self.start_button: pygame_gui.elements.UIButton | None = None
        self.mods: list[str] = []  # chosen patch mods, in load order
        self.mod_note = ""  # a conflict or a problem between the chosen mods
        self.note_at = (0, 0)

    def build(self) -> None:
        ui, t = self.ui, self.ui.t
        w, h = ui.size
        left_w = ui.s(340)
        y = ui.s(130)
        for index, ref in enumerate(self.refs):
            loaded = scenario_or_problem(ref)
            text = ui.locale.text(loaded.name) if isinstance(loaded, Scenario) else Path(ref).name
            button = self.button(pygame.Rect(ui.s(40), y, left_w, ui.s(40)), text,
                                 self._picker(index), object_id="@row")
            if index == self.choice:
                gui.select(button)
            y += ui.s(48)
        x = ui.s(40) + left_w + ui.s(30)
        right_w = w - x - ui.s(40)
        selected = scenario_or_problem(self.refs[self.choice]) if self.refs else t("new.none")
        html = describe(ui.locale, selected) if isinstance(selected, Scenario) else (
            f"<b>{esc(t('new.broken'))}</b><br><br>{esc(selected)}")
        offered = self._offered(selected)
        mod_h = (min(len(offered), MOD_ROWS) * ui.s(40) + ui.s(26)) if offered else 0
        info_h = max(h - ui.s(430) - mod_h, ui.s(110))
        pygame_gui.elements.UITextBox(html, pygame.Rect(x, ui.s(130), right_w, info_h),
                                      ui.manager)
        self._form(x, ui.s(130) + info_h + ui.s(16), right_w, selected, offered)

    def _offered(self, selected: Scenario | str) -> list[ModInfo]:
        """The patch mods that apply to the scenario picked (none for a broken one)."""
        if not isinstance(selected, Scenario):
            return []
        found = mods_for(selected.id)
        known = {m.id for m in found if not m.problem}
        self.mods = [m for m in self.mods if m in known]
        return found

    def _form(self, x: int, y: int, width: int, selected: Scenario | str,
              offered: list[ModInfo]) -> None:
        ui, t = self.ui, self.ui.t
        label_w, row_h, gap = ui.s(170), ui.s(38), ui.s(10)
        field_x, field_w = x + label_w, width - label_w
        self.labels = [(t("new.name"), (x, y)), (t("new.background"), (x, y + row_h + gap)),
                       (t("new.difficulty"), (x, y + 2 * (row_h + gap))),
                       (t("new.seed"), (x, y + 3 * (row_h + gap)))]
        player = next((a.names.get(ui.locale.lang, a.name) for a in selected.actors
                       if a.player), "") if isinstance(selected, Scenario) else ""
        self.name_entry = pygame_gui.elements.UITextEntryLine(
            pygame.Rect(field_x, y, field_w, row_h), ui.manager,
            initial_text=self.player_name or player)
        self.name_entry.set_text_length_limit(32)
        bg = self.backgrounds[self.background]
        self.button(pygame.Rect(field_x, y + row_h + gap, field_w, row_h),
                    f"{ui.locale.text(bg.name)} \u2014 {ui.locale.text(bg.about)}",
                    self._cycle_background, tip=self._background_tip(bg, selected),
                    object_id="@row")
        self.button(pygame.Rect(field_x, y + 2 * (row_h + gap), field_w, row_h),
                    t(f"difficulty.{DIFFICULTIES[self.difficulty]}"), self._cycle_difficulty,
                    object_id="@row")
        seed_w = ui.s(160)
        self.seed_entry = pygame_gui.elements.UITextEntryLine(
            pygame.Rect(field_x, y + 3 * (row_h + gap), seed_w, row_h), ui.manager,
            initial_text=str(self.seed))
        self.seed_entry.set_allowed_characters("numbers")
        self.button(pygame.Rect(field_x + seed_w + gap, y + 3 * (row_h + gap), ui.s(200), row_h),
                    t("new.random_seed"), self._random_seed)
        bottom = y + 4 * (row_h + gap) + ui.s(6)
        self.mod_note = ""
        if offered:
            bottom = self._mod_rows(x, bottom, width, offered) + ui.s(6)
        self.start_button = self.button(pygame.Rect(x + width - ui.s(260), bottom, ui.s(260),
                                                    ui.s(46)), t("new.start"), self.start,
                                        object_id="@primary")
        if not isinstance(selected, Scenario) or self.mod_note.startswith("!"):
            gui.enable(self.start_button, False)
        self.button(pygame.Rect(x, bottom, ui.s(180), ui.s(46)), t("menu.back"), self.back)
        self.buttons.set_focus(len(self.buttons.items) - 2)

    def _mod_rows(self, x: int, y: int, width: int, offered: list[ModInfo]) -> int:
        """One row per mod: a toggle (its place in the load order when chosen) and a button
        that moves it earlier; then the conflict the chosen order has, if any."""
        ui, t = self.ui, self.ui.t
        row_h, gap, up_w = ui.s(36), ui.s(4), ui.s(70)
        self.labels.append((t("new.mods"), (x, y)))
        field_x, field_w = x + ui.s(170), width - ui.s(170)
        for info in offered[:MOD_ROWS]:
            name = ui.locale.text(info.name)
            if info.problem:
                text = t("new.mod_broken", name=name, problem=info.problem)
            elif info.id in self.mods:
                text = t("new.mod_on", place=self.mods.index(info.id) + 1, name=name)
            else:
                text = t("new.mod_off", name=name)
            toggle = self.button(pygame.Rect(field_x, y, field_w - up_w - gap, row_h), text,
                                 self._toggle(info.id), object_id="@row",
                                 tip=ui.locale.text(info.description) or None)
            gui.enable(toggle, not info.problem)
            earlier = self.button(pygame.Rect(field_x + field_w - up_w, y, up_w, row_h),
                                  t("new.mod_up"), self._earlier(info.id),
                                  tip=t("new.mod_earlier"))
            gui.enable(earlier, info.id in self.mods and self.mods.index(info.id) > 0)
            y += row_h + gap
        self.mod_note = self._check_mods()
        self.note_at = (field_x, y + ui.s(2))
        return y + ui.s(22)

    def _check_mods(self) -> str:
        """What is wrong with the chosen mods together ("!" first: the career cannot start)."""
        if not self.mods:
            return ""
        checked = check_scenario(self.refs[self.choice], deep=False, mods=self.mods)
        if checked.errors:
            return "!" + self.ui.t("new.mods_broken", problem=checked.errors[0].message)
        conflicts = [i for i in checked.issues if i.code == "mod-conflict"]
        return self.ui.t("new.mods_conflict", problem=conflicts[0].message) if conflicts else ""

    def _toggle(self, mod: str) -> Action:
        def toggle() -> Transition:
            self._remember()
            if mod in self.mods:
                self.mods.remove(mod)
            else:
                self.mods.append(mod)
            return self._again()
        return toggle

    def _earlier(self, mod: str) -> Action:
        def earlier() -> Transition:
            self._remember()
            at = self.mods.index(mod)
            if at > 0:
                self.mods[at - 1], self.mods[at] = self.mods[at], self.mods[at - 1]
            return self._again()
        return earlier

    # ------------------------------------------------------------------ actions
    def back(self) -> Transition:
        """Return to the menu."""
        from game.ui.scenes.title import TitleScene

        return Reset(TitleScene(self.ui)) if self.root else Pop()

    def _remember(self) -> None:
        if self.name_entry is not None:
            self.player_name = self.name_entry.get_text()
        if self.seed_entry is not None and self.seed_entry.get_text().isdigit():
            self.seed = int(self.seed_entry.get_text())

    def _picker(self, index: int) -> Action:
        def pick() -> Transition:
            self._remember()
            self.choice = index
            self.player_name = ""
            self.mods = []
            return self._again()
        return pick

    def _again(self) -> Transition:
        from game.ui.scene import Replace

        return Replace(self)

    def _background_tip(self, background: Background, selected: Scenario | str) -> str:
        """What the background adds to the start, in the scenario's resource names."""
        locale = self.ui.locale
        names: dict[str, str] = ({r.id: locale.text(r.name) for r in selected.resources}
                                 if isinstance(selected, Scenario) else {})
        changes = [f"{names.get(rid, rid)} {delta:+g}" for rid, delta in
                   background.resources.items() if not names or rid in names]
        return locale.t("new.background_tip",
                        changes=", ".join(changes) or locale.t("new.background_none"))

    def _cycle_background(self) -> Transition:
        self._remember()
        self.background = (self.background + 1) % len(self.backgrounds)
        return self._again()

    def _cycle_difficulty(self) -> Transition:
        self._remember()
        self.difficulty = (self.difficulty + 1) % len(DIFFICULTIES)
        return self._again()

    def _random_seed(self) -> Transition:
        self._remember()
        self.seed = random.randrange(1, 100_000)
        return self._again()

    @property
    def chosen_background(self) -> Background:
        """The background picked."""
        return self.backgrounds[self.background]

    def start(self) -> Transition:
        """Create the career and open the campaign (or say what is wrong)."""
        from game.ui.scenes.campaign import CampaignScene
        from game.ui.scenes.error import ErrorScene

        self._remember()
        try:
            session = Session.new(self.refs[self.choice], self.seed, self.player_name,
                                  self.chosen_background, DIFFICULTIES[self.difficulty],
                                  autosave=self.ui.paths.saves, mods=self.mods)
        except ContentError as exc:
            return Push(ErrorScene(self.ui, exc, crash=False,
                                   title=self.ui.t("error.bad_scenario")))
        self.ui.session = session
        return Reset(CampaignScene(self.ui))

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if typing(self.ui) or any(e is not None and e.is_focused
                                  for e in (self.name_entry, self.seed_entry)):
            if event.type == pygame.KEYDOWN and event.key in (pygame.K_TAB, pygame.K_RETURN,
                                                               pygame.K_ESCAPE):
                for entry in (self.name_entry, self.seed_entry):
                    if entry is not None:
                        gui.focus(entry, False)
            return None
        result = self.buttons.handle(event)
        if result is not False:
            return result
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            return self.back()
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F2 and self.name_entry:
            gui.focus(self.name_entry)
        return None

    def draw(self, surface: pygame.Surface) -> None:
        ui = self.ui
        heading(surface, ui, ui.t("new.title"), ui.t("new.sub"))
        label(surface, ui, ui.t("new.scenarios"), (ui.s(40), ui.s(104)), 15, ui.pal.dim, bold=True)
        for text, (x, y) in getattr(self, "labels", []):
            label(surface, ui, text, (x, y + ui.s(8)), 15, ui.pal.dim, width=ui.s(160))
        if self.mod_note:
            x, y = self.note_at
            colour = ui.pal.bad if self.mod_note.startswith("!") else ui.pal.accent
            label(surface, ui, self.mod_note.lstrip("!"), (x, y), 13, colour,
                  width=ui.size[0] - x - ui.s(40))
