"""Open the netui terminal UI: `python app.py` (same as `netui` with no command)."""

from netui.cli import main

if __name__ == "__main__":
    raise SystemExit(main([]))
