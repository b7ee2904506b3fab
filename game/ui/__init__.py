"""The pygame front end: scenes, the campaign screen, locale and theme (only layer with pygame)."""

import os

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
