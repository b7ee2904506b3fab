"""New career: scenario (with its system explained), name, background, difficulty, seed."""

from __future__ import annotations

import random
from pathlib import Path

import pygame
import pygame_gui

from game.ai import DIFFICULTIES
from game.content import DEFAULT_SCENARIO, ContentError, load_scenario
from game.content.loader import MAIN_FILE, scenario_dirs
from game.core.scenario import Scenario
from game.ui import gui
from game.ui.context import Ui
from game.ui.locale import Locale
from game.ui.scene import Action, Pop, Push, Reset, Scene, Transition
from game.ui.scenes.common import esc, heading, typing
from game.ui.scenes.flow import problem_text
from game.ui.session import Background, Session, backgrounds
from game.ui.widgets import label

_loaded: dict[str, Scenario | str] = {}


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
        info_h = max(h - ui.s(430), ui.s(150))
        pygame_gui.elements.UITextBox(html, pygame.Rect(x, ui.s(130), right_w, info_h),
                                      ui.manager)
        self._form(x, ui.s(130) + info_h + ui.s(16), right_w, selected)

    def _form(self, x: int, y: int, width: int, selected: Scenario | str) -> None:
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
                    self._cycle_background, object_id="@row")
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
        self.start_button = self.button(pygame.Rect(x + width - ui.s(260), bottom, ui.s(260),
                                                    ui.s(46)), t("new.start"), self.start,
                                        object_id="@primary")
        if not isinstance(selected, Scenario):
            gui.enable(self.start_button, False)
        self.button(pygame.Rect(x, bottom, ui.s(180), ui.s(46)), t("menu.back"), self.back)
        self.buttons.set_focus(len(self.buttons.items) - 2)

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
            return self._again()
        return pick

    def _again(self) -> Transition:
        from game.ui.scene import Replace

        return Replace(self)

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
                                  autosave=self.ui.paths.saves)
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
