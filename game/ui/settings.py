"""Player settings, remembered between runs in a JSON file in the user's config folder."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import platformdirs

from game.persistence import save_dir

APP_NAME = "saluran"
RESOLUTIONS = ((1280, 720), (1600, 900), (1920, 1080), (2560, 1440))
UI_SCALES = (0.8, 0.9, 1.0, 1.1, 1.25, 1.5)
ANIMATION_SPEEDS = (0.0, 0.5, 1.0, 2.0)  # 0 = no animation; 2 = twice as fast
PALETTES = ("standard", "colourblind")


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything the settings screen changes; unknown or bad values fall back to defaults."""

    language: str = "en"
    resolution: tuple[int, int] = (1280, 720)
    fullscreen: bool = False
    ui_scale: float = 1.0
    animation_speed: float = 1.0
    palette: str = "standard"
    hints: bool = True
    seen_hints: tuple[str, ...] = field(default_factory=tuple)

    def with_(self, **changes: Any) -> Settings:
        """A copy with ``changes`` applied."""
        return replace(self, **changes)


def _coerce(data: dict[str, Any]) -> Settings:
    """Settings from loose JSON: every field checked, anything odd left at its default."""
    base = Settings()
    good: dict[str, Any] = {}
    lang = data.get("language")
    if lang in ("en", "id"):
        good["language"] = lang
    res = data.get("resolution")
    if isinstance(res, list) and len(res) == 2 and all(isinstance(v, int) for v in res):
        good["resolution"] = (max(640, res[0]), max(480, res[1]))
    for name, kind in (("fullscreen", bool), ("hints", bool)):
        if isinstance(data.get(name), kind):
            good[name] = data[name]
    for name, allowed in (("ui_scale", UI_SCALES), ("animation_speed", ANIMATION_SPEEDS)):
        value = data.get(name)
        if isinstance(value, int | float) and not isinstance(value, bool):
            good[name] = min(allowed, key=lambda v, x=float(value): abs(v - x))
    if data.get("palette") in PALETTES:
        good["palette"] = data["palette"]
    seen = data.get("seen_hints")
    if isinstance(seen, list):
        good["seen_hints"] = tuple(str(s) for s in seen)
    return replace(base, **good)


@dataclass(slots=True)
class Paths:
    """Where settings and saves live (tests point these at temporary folders)."""

    config: Path
    saves: Path
    persist: bool = True  # False: settings are never written (demo mode)

    @classmethod
    def default(cls, saves: str | None = None) -> Paths:
        """The user's config folder, and the save folder the command line also uses
        (``saves``, else $SALURAN_SAVE_DIR, saves/ in a source checkout, else user data)."""
        return cls(platformdirs.user_config_path(APP_NAME), save_dir(saves))

    @property
    def settings_file(self) -> Path:
        """The settings JSON file."""
        return self.config / "settings.json"


def load_settings(paths: Paths) -> Settings:
    """Saved settings, or defaults when the file is missing or unreadable."""
    try:
        data = json.loads(paths.settings_file.read_text("utf-8"))
    except (OSError, ValueError):
        return Settings()
    return _coerce(data) if isinstance(data, dict) else Settings()


def save_settings(paths: Paths, settings: Settings) -> bool:
    """Write settings atomically; False (and nothing changed) if the folder is not writable."""
    if not paths.persist:
        return True
    body = {f.name: getattr(settings, f.name) for f in fields(settings)}
    body = json.loads(json.dumps(body))  # tuples become lists
    try:
        paths.config.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=paths.config,
                                         delete=False, suffix=".tmp") as tmp:
            json.dump(body, tmp, indent=1, sort_keys=True)
        os.replace(tmp.name, paths.settings_file)
    except OSError:
        return False
    return True


def settings_dict(settings: Settings) -> dict[str, Any]:
    """Plain data (for tests and debugging)."""
    return asdict(settings)
