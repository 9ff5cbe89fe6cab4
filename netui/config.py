"""Where netui keeps its files, and the user's configuration.

The configuration is a TOML file, `config.toml` in the platform's user config
directory (on Linux `~/.config/netui/config.toml`), or the file `$NETUI_CONFIG`
names:

    database = "~/networks/work.db"        # relative paths start at this file's folder
    theme = "nord"
    refund_policy = "response-within-90-days"

    [keys]                                  # binding id → key, as the help screen lists
    quit = "ctrl+q"
    go.search = "ctrl+f"                    # dotted ids may be written bare

    [prices]                                # US dollars (R5.8); unnamed ones keep 2015's
    credit = 10.00                          # one bought InMail credit
    premium-business = 59.99                # one month of a plan, by its name

A broken file never stops netui: each problem becomes one line in
`Config.warnings` (the CLI prints them on stderr) and the setting keeps its default.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_config_dir, user_data_dir

from netui.core.model import Plan, RefundPolicy
from netui.core.money import PriceList

APP_NAME = "netui"
SETTINGS = ("database", "theme", "refund_policy", "keys", "prices")
MOST_USD = 100_000  # a price above this is a typo, not a lesson


@dataclass(frozen=True)
class Config:
    path: Path  # the file read, or that would be read (it need not exist)
    database: Path | None = None
    theme: str | None = None  # a Textual theme name; the app checks it exists
    keys: dict[str, str] = field(default_factory=dict)  # binding id → key(s)
    refund_policy: RefundPolicy = RefundPolicy.OPEN_WITHIN_90_DAYS
    prices: PriceList = field(default_factory=PriceList)
    warnings: tuple[str, ...] = ()


def config_path() -> Path:
    """`$NETUI_CONFIG` if set, else `config.toml` in the user config directory."""
    override = os.environ.get("NETUI_CONFIG")
    if override:
        return Path(override).expanduser()
    return Path(user_config_dir(APP_NAME)) / "config.toml"


def load_config() -> Config:
    """The user's configuration; defaults (and a warning) for anything unusable."""
    path = config_path()
    try:
        exists = path.exists()
    except OSError as error:  # e.g. a folder on the way that we may not enter
        return Config(path, warnings=(_warning(path, f"cannot be read ({error.strerror})"),))
    if not exists:
        if os.environ.get("NETUI_CONFIG"):
            return Config(path, warnings=(_warning(path, "no such file (from $NETUI_CONFIG)"),))
        return Config(path)  # no file is the normal case, not a problem
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        return Config(path, warnings=(_warning(path, f"cannot be read ({error})"),))
    except tomllib.TOMLDecodeError as error:
        return Config(path, warnings=(_warning(path, f"is not valid TOML ({error})"),))
    return _parse(path, document)


def _parse(path: Path, document: dict) -> Config:
    problems: list[str] = [
        f"unknown setting {name!r} (known: {', '.join(SETTINGS)})"
        for name in document
        if name not in SETTINGS
    ]
    values: dict = {}
    for name, read in (
        ("database", lambda value: _database(value, path.parent)),
        ("theme", _text),
        ("refund_policy", _refund_policy),
        ("keys", _keys),
        ("prices", _prices),
    ):
        if name in document:
            try:
                values[name] = read(document[name])
            except ValueError as problem:
                problems.append(f"{name}: {problem}")
    return Config(path, **values, warnings=tuple(_warning(path, p) for p in problems))


def _warning(path: Path, problem: str) -> str:
    return f"config {path}: {problem}; using the default."


# ── one reader per setting: the value, or ValueError saying what is wrong ──


def _text(value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"expected a non-empty string, not {value!r}")
    return value.strip()


def _database(value: object, folder: Path) -> Path:
    database = Path(_text(value)).expanduser()
    return database if database.is_absolute() else folder / database


def _refund_policy(value: object) -> RefundPolicy:
    try:
        return RefundPolicy(_text(value).lower())
    except ValueError:
        choices = ", ".join(p.value for p in RefundPolicy)
        raise ValueError(f"{value!r} is not a refund policy (choose {choices})") from None


def _keys(value: object) -> dict[str, str]:
    if not isinstance(value, dict):
        raise ValueError(f"expected a table of binding id = key, not {value!r}")
    keys = {}
    for binding, key in _flatten(value):
        if not isinstance(key, str) or not key.strip():
            raise ValueError(f'{binding}: expected a key such as "ctrl+f", not {key!r}')
        keys[binding] = key.strip()
    return keys


def _prices(value: object) -> PriceList:
    if not isinstance(value, dict):
        raise ValueError(f"expected a table such as credit = 10.00, not {value!r}")
    names = ["credit", *(plan.value for plan in Plan if plan.is_premium)]
    cents: dict[str, int] = {}
    for name, price in value.items():
        if name not in names:
            raise ValueError(f"unknown price {name!r} (known: {', '.join(names)})")
        if isinstance(price, bool) or not isinstance(price, int | float):
            raise ValueError(f"{name}: expected a number of dollars, not {price!r}")
        if not 0 <= price <= MOST_USD:
            raise ValueError(f"{name}: {price} is not a price between 0 and {MOST_USD:,}")
        cents[name] = round(price * 100)
    default = PriceList()
    plans = {plan: cents.get(plan.value, default.month_of(plan)) for plan in Plan}
    return PriceList(cents.get("credit", default.credit_cents), plans)


def _flatten(table: dict, prefix: str = "") -> list[tuple[str, object]]:
    """`go.search = "x"` in TOML is a nested table; binding ids are dotted strings."""
    pairs: list[tuple[str, object]] = []
    for name, value in table.items():
        if isinstance(value, dict):
            pairs.extend(_flatten(value, f"{prefix}{name}."))
        else:
            pairs.append((f"{prefix}{name}", value))
    return pairs


# ── what the rest of netui asks ───────────────────────────────────────────


def default_database_path(config: Config | None = None) -> Path:
    """`$NETUI_DB` if set, else the config file's `database`, else `netui.db` in
    the platform's user data directory."""
    override = os.environ.get("NETUI_DB")
    if override:
        return Path(override).expanduser()
    database = (config or load_config()).database
    if database is not None:
        return database
    return Path(user_data_dir(APP_NAME)) / "netui.db"


def load_keymap() -> dict[str, str]:
    """Binding id → key, for `App.set_keymap`."""
    return load_config().keys
