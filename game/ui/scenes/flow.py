"""Moving between a career and the menus: opening saves, starting careers, leaving."""

from __future__ import annotations

import contextlib
from pathlib import Path

from game.content import ContentError
from game.persistence import SaveError
from game.ui.context import Ui
from game.ui.scene import Push, Reset, Transition
from game.ui.session import Session


def problem_text(exc: Exception) -> str:
    """A broken mod or save, in words (every content issue on its own line)."""
    if isinstance(exc, ContentError):
        return "\n".join(issue.render() for issue in exc.issues[:12])
    return str(exc)


def open_save(ui: Ui, path: Path) -> Transition:
    """Load ``path`` and open its campaign; a broken save shows what is wrong."""
    from game.ui.scenes.campaign import CampaignScene
    from game.ui.scenes.error import ErrorScene

    try:
        session = Session.load(path, autosave=ui.paths.saves)
    except (SaveError, ContentError, OSError) as exc:
        other = exc.alternatives[0] if isinstance(exc, SaveError) and exc.alternatives else None
        return Push(ErrorScene(ui, exc, crash=False, title=ui.t("error.bad_save"),
                               alternative=other))
    ui.session = session
    return Reset(CampaignScene(ui))


def to_menu(ui: Ui) -> Transition:
    """Leave the career (autosaving it) for the title menu."""
    from game.ui.scenes.title import TitleScene

    autosave(ui)
    ui.session = None
    return Reset(TitleScene(ui))


def autosave(ui: Ui) -> None:
    """Autosave the open career now (leaving it, or closing the window)."""
    session = ui.session
    if session is not None:
        # on failure the rotation still holds the autosave of the last turn
        with contextlib.suppress(SaveError, OSError):
            session.closing_save()
