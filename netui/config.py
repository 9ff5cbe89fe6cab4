"""Where netui keeps its files, and the user's configuration."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "netui"


def default_database_path() -> Path:
    """`$NETUI_DB` if set, else `netui.db` in the platform's user data directory."""
    override = os.environ.get("NETUI_DB")
    if override:
        return Path(override).expanduser()
    return Path(user_data_dir(APP_NAME)) / "netui.db"
