"""The layers are enforced: the import-linter contracts in pyproject.toml hold.

core imports no SQL and no Textual; store imports no Textual; nothing below the UI
imports the UI; the CLI imports it only to start it; inside the UI, layers with no
cycle (issue 10.4). See [tool.importlinter].
"""

from __future__ import annotations

import pkgutil
import subprocess
import sys
import tomllib
from pathlib import Path

import netui
import netui.ui

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = ROOT / "pyproject.toml"


def test_the_import_contracts_are_kept():
    lint_imports = Path(sys.executable).parent / "lint-imports"
    done = subprocess.run(
        [str(lint_imports), "--no-cache", "--no-logo", str(PYPROJECT)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout, done.stdout


def test_every_module_below_the_ui_is_under_the_no_ui_contract():
    """A new module of netui is checked too, or this test says to add it."""
    contracts = tomllib.loads(PYPROJECT.read_text())["tool"]["importlinter"]["contracts"]
    (no_ui,) = [c for c in contracts if c["name"] == "nothing below the UI imports the UI"]
    modules = {f"netui.{m.name}" for m in pkgutil.iter_modules(netui.__path__)}
    assert modules - {"netui.ui"} == set(no_ui["source_modules"])


def test_every_module_of_the_ui_is_in_one_of_its_layers():
    """Issue 10.4: no import cycle in netui/ui. A new module must take its place in the
    layers contract, or nothing would stop it importing the App from below."""
    contracts = tomllib.loads(PYPROJECT.read_text())["tool"]["importlinter"]["contracts"]
    (layered,) = [c for c in contracts if c["type"] == "layers" and "netui.ui.app" in c["layers"]]
    in_layers = {name.strip() for layer in layered["layers"] for name in layer.split("|")}
    modules = {f"netui.ui.{m.name}" for m in pkgutil.iter_modules(netui.ui.__path__)}
    assert modules == in_layers


def test_the_ui_needs_no_type_ignore():
    """Issue 10.4: screens post messages instead of calling the App's own methods, so no
    checker has to be told to look away."""
    ignored = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "netui" / "ui").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "type: ignore" in line
    ]
    assert ignored == []
