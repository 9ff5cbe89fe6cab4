"""The key a user presses for one of netui's bindings, for hints written on screen."""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding


def key_for(app: App, binding_id: str, default: str = "") -> str:
    """The key for `binding_id`, after the user's keymap ("n", "ctrl+s", "?").

    The screen's active bindings come first; `default` is the binding's own key, for
    bindings not active yet (a screen that is still opening).
    """
    for active in app.screen.active_bindings.values():
        if active.binding.id == binding_id:
            return app.get_key_display(active.binding)
    own = next(
        (b.key for b in app.BINDINGS if isinstance(b, Binding) and b.id == binding_id), default
    )
    keys = app._keymap.get(binding_id, own)
    return app.get_key_display(Binding(keys.split(",")[0], "")) if keys else "?"
