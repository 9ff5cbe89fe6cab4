"""netui in a browser: the real server, the real app, headless Chromium.

What this verifies, honestly:
- `netui.serve.serve` answers HTTP on a loopback port;
- Chromium loads the page, whose script opens the websocket, which makes the server
  start `python -m netui --db …` for that tab;
- the app's output reaches the page through that websocket, and it contains the
  dashboard (my name from the database); we read it from a hook on the page's
  WebSocket, because xterm.js paints the terminal on a canvas, not as DOM text;
- a screenshot of the page is a real PNG with more than a blank page in it.
It does not read the pixels back as text.

Chromium is driven through its DevTools protocol with aiohttp (a textual-serve
dependency), so no browser-automation package is needed.
"""

from __future__ import annotations

import asyncio
import base64
import importlib.util
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from netui.errors import BadInput
from netui.serve import app_command, is_loopback, public_url, serve

WEB_EXTRA = importlib.util.find_spec("textual_serve") is not None

LOOPBACK = "127.0.0.1"
ME = "Giulia Rossi"  # member 1 of the handmade network
DEADLINE = 75  # seconds for the whole test, once Chromium is installed
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

# Installed before the page's own script runs: keep every byte the app sends.
RECORD_WEBSOCKET = """
(() => {
  window.__received = "";
  const decoder = new TextDecoder();
  const Original = window.WebSocket;
  window.WebSocket = function (...args) {
    const socket = new Original(...args);
    socket.addEventListener("message", (event) => {
      if (event.data instanceof ArrayBuffer) {
        window.__received += decoder.decode(event.data, {stream: true});
      } else if (event.data instanceof Blob) {
        event.data.arrayBuffer().then((b) => { window.__received += decoder.decode(b); });
      } else {
        window.__received += event.data;
      }
    });
    return socket;
  };
  window.WebSocket.prototype = Original.prototype;
  Object.assign(window.WebSocket, Original);
})();
"""


def screen_text(received: str) -> str:
    """The words in the terminal output, without escape sequences (for failure messages)."""
    return " ".join(re.sub(r"\x1b\[[0-9;?$]*[A-Za-z]|\x1b\][^\x07\x1b]*", " ", received).split())[
        -600:
    ]


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if path := shutil.which(name):
            return path
    return None


@pytest.fixture(scope="session")
def chromium() -> str:
    """Debian's chromium, installed on the spot when we are root and apt works."""
    if found := find_chromium():
        return found
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        pytest.skip("chromium is not installed and we cannot apt-get install it (not root)")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for step in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "chromium"]):
        done = subprocess.run(step, env=env, capture_output=True, timeout=600, check=False)
        if done.returncode != 0 and step[1] == "install":
            pytest.skip(f"apt-get install chromium failed: {done.stderr.decode()[-300:]}")
    return find_chromium() or pytest.skip("chromium still not found after apt-get install")


def free_port() -> int:
    with socket.socket() as s:
        s.bind((LOOPBACK, 0))
        return s.getsockname()[1]


def wait_for(check, seconds: float, what: str):
    """Poll `check` until it returns something truthy, or fail naming `what`."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if result := check():
            return result
        time.sleep(0.2)
    pytest.fail(f"timed out after {seconds:.0f} s waiting for {what}")


def answers_http(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def stop(process: subprocess.Popen) -> None:
    """End a process we started and everything it started (its own session)."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=5)


@pytest.fixture
def server(handmade_db, tmp_path):
    db = handmade_db
    port = free_port()
    code = f"from netui.serve import serve; serve({str(db)!r}, host={LOOPBACK!r}, port={port})"
    log = (tmp_path / "server.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-c", code], stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    url = f"http://{LOOPBACK}:{port}/"
    try:
        wait_for(lambda: process.poll() is not None or answers_http(url), 20, "the server")
        assert process.poll() is None, (tmp_path / "server.log").read_text()
        yield url
    finally:
        stop(process)
        log.close()


class DevTools:
    """Just enough of Chromium's DevTools protocol: commands on one page session."""

    def __init__(self, socket) -> None:  # an aiohttp client websocket
        self.socket = socket
        self.next_id = 0
        self.session: str | None = None

    async def call(self, method: str, **params) -> dict:
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params}
        if self.session:
            message["sessionId"] = self.session
        await self.socket.send_str(json.dumps(message))
        while True:  # skip events until our answer comes
            reply = json.loads((await self.socket.receive()).data)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply["result"]

    async def open_page(self) -> None:
        target = await self.call("Target.createTarget", url="about:blank")
        attached = await self.call(
            "Target.attachToTarget", targetId=target["targetId"], flatten=True
        )
        self.session = attached["sessionId"]

    async def evaluate(self, expression: str):
        result = await self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result["result"].get("value")


def start_chromium(chromium: str, profile: Path) -> tuple[subprocess.Popen, str]:
    """Headless Chromium with DevTools on a loopback port; returns its websocket URL."""
    process = subprocess.Popen(
        [
            chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-dev-shm-usage", "--window-size=1280,800", f"--user-data-dir={profile}",
            "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "about:blank",
        ],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )  # fmt: skip
    end = time.monotonic() + 30
    while time.monotonic() < end:
        line = process.stderr.readline()
        if match := re.search(r"DevTools listening on (ws://\S+)", line):
            return process, match[1]
        if not line and process.poll() is not None:
            break
    stop(process)
    pytest.fail("chromium did not start its DevTools endpoint")


async def visit(devtools_url: str, page_url: str, screenshot: Path) -> str:
    """Open the page, wait until the app has drawn my dashboard, take a screenshot."""
    import aiohttp  # comes with textual-serve

    async with aiohttp.ClientSession() as http, http.ws_connect(devtools_url, max_msg_size=0) as ws:
        tools = DevTools(ws)
        await tools.open_page()
        await tools.call("Page.enable")
        await tools.call("Page.addScriptToEvaluateOnNewDocument", source=RECORD_WEBSOCKET)
        await tools.call("Page.navigate", url=page_url)
        received = ""
        end = time.monotonic() + 40
        while ME not in received and time.monotonic() < end:
            await asyncio.sleep(0.5)
            received = await tools.evaluate("window.__received || ''") or ""
        started = await tools.evaluate("document.body.classList.contains('-first-byte')")
        await asyncio.sleep(1)  # let xterm.js paint the last frame
        shot = await tools.call("Page.captureScreenshot", format="png")
        screenshot.write_bytes(base64.b64decode(shot["data"]))
        return received if started else ""


@pytest.mark.e2e
@pytest.mark.skipif(not WEB_EXTRA, reason="textual-serve is not installed (pip install netui[web])")
def test_the_dashboard_opens_in_a_browser(server, chromium, tmp_path):
    began = time.monotonic()
    browser, devtools_url = start_chromium(chromium, tmp_path / "profile")
    screenshot = tmp_path / "netui.png"
    try:
        received = asyncio.run(asyncio.wait_for(visit(devtools_url, server, screenshot), 60))
    finally:
        stop(browser)
    assert ME in received, f"no dashboard in what the page received: {screen_text(received)!r}"
    data = screenshot.read_bytes()
    assert data.startswith(PNG_SIGNATURE)
    assert len(data) > 20_000, "the screenshot looks blank"
    assert time.monotonic() - began < DEADLINE


# ── the parts of serve() that need no browser ─────────────────────────────


def test_the_app_command_quotes_the_database_path(tmp_path):
    db = tmp_path / "my network's.db"
    command = app_command(db)
    assert command.startswith(sys.executable) or command.startswith(f"'{sys.executable}'")
    assert command.endswith("-m netui --db '" + str(db).replace("'", "'\"'\"'") + "'")


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("localhost", True), ("::1", True), ("127.0.0.2", True),
     ("0.0.0.0", False), ("192.168.1.4", False), ("example.org", False)],
)  # fmt: skip
def test_loopback_addresses_are_recognised(host, loopback):
    assert is_loopback(host) is loopback


def test_an_ipv6_host_gets_brackets_in_the_page_url():
    assert public_url("::1", 8000) == "http://[::1]:8000"
    assert public_url("127.0.0.1", 8000) == "http://127.0.0.1:8000"


def test_without_textual_serve_the_error_says_what_to_install(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "textual_serve.server", None)  # import fails
    with pytest.raises(BadInput, match=r"pip install 'netui\[web\]'"):
        serve(tmp_path / "x.db")


@pytest.mark.skipif(not WEB_EXTRA, reason="textual-serve is not installed")
def test_a_missing_database_or_bad_port_is_refused_before_serving(handmade_db, tmp_path):
    with pytest.raises(BadInput, match="No database at"):
        serve(tmp_path / "none.db", port=free_port())
    with pytest.raises(BadInput, match="--port must be between"):
        serve(handmade_db, port=70000)


@pytest.mark.skipif(not WEB_EXTRA, reason="textual-serve is not installed")
def test_a_port_in_use_is_a_clear_error(handmade_db):
    # In a child process: the server installs signal handlers and logging for good.
    with socket.socket() as taken:
        taken.bind((LOOPBACK, 0))
        taken.listen()
        port = taken.getsockname()[1]
        code = f"from netui.serve import serve; serve({str(handmade_db)!r}, port={port})"
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=30
        )
    assert done.returncode != 0
    assert f"BadInput: Cannot listen on 127.0.0.1:{port}" in done.stderr
