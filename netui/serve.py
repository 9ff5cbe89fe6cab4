"""The app in a browser: textual-serve runs `netui` once per browser tab.

Each tab that opens the page gets its own `python -m netui --db PATH` process,
whose terminal is drawn in the page by xterm.js. The server has no login, so it
listens on the loopback address unless told otherwise: anyone who can reach the
port can play the member the database holds.
"""

from __future__ import annotations

import ipaddress
import shlex
import sys
from pathlib import Path

from rich.console import Console

from netui.errors import BadInput

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def serve(db_path: Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> None:
    """Serve the terminal UI over HTTP until interrupted (Ctrl+C)."""
    try:
        from textual_serve.server import Server
    except ImportError:
        raise BadInput(
            "The browser version needs textual-serve: pip install 'netui[web]'."
        ) from None
    if not 1 <= port <= 65535:
        raise BadInput(f"--port must be between 1 and 65535, not {port}.")
    db_path = Path(db_path).resolve()
    if not db_path.is_file():
        # Each tab would otherwise seed its own copy of the default network at once.
        raise BadInput(f"No database at {db_path}; build one first with `netui seed`.")
    if not is_loopback(host):
        print(
            f"netui: serving on {host}, reachable from other machines, with no login.",
            file=sys.stderr,
        )
    server = Server(
        app_command(db_path),
        host=host,
        port=port,
        title="netui",
        public_url=public_url(host, port),
    )
    # Its banner and log go to stderr, so stdout stays free for `--json`.
    server.console = Console(stderr=True)
    try:
        server.serve()
    except OSError as error:  # the port is taken, or the address is not ours
        raise BadInput(f"Cannot listen on {host}:{port}: {error.strerror or error}.") from None


def app_command(db_path: Path) -> str:
    """The shell command textual-serve starts for each browser tab."""
    return f"{shlex.quote(sys.executable)} -m netui --db {shlex.quote(str(db_path))}"


def public_url(host: str, port: int) -> str:
    """The address the page's script connects back to (IPv6 hosts need brackets)."""
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:  # a host name other than localhost
        return False
