"""Seed recipes: the knobs of a synthetic network, read from TOML files in `seed/`.

A recipe names how many members, how connected they are, how many groups, how many
countries and how unevenly members spread over them, the simulated start date, which
member the user plays, and the random seed. Same recipe + same seed = same network.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields
from datetime import date, datetime
from pathlib import Path
from typing import Literal

from netui.core.model import Plan
from netui.errors import BadInput
from netui.synth.countries import COUNTRIES

SEED_DIR = Path(__file__).resolve().parents[2] / "seed"

MIN_MEMBERS = 50
MAX_MEMBERS = 5_000_000
MAX_CONNECTIONS = 30_000  # R1.3: nobody has more
# LinkedIn opened in May 2003; members must have joined before the clock starts.
NETWORK_OPENED = date(2003, 5, 5)


@dataclass(frozen=True)
class Recipe:
    name: str
    members: int
    mean_connections: float
    groups: int
    countries: int = len(COUNTRIES)  # draw from this many of the largest countries
    country_skew: float = 0.7  # country share ∝ size ** skew; lower is flatter
    start_date: date = date(2015, 1, 12)
    me: int | Literal["auto"] = "auto"
    me_connections: tuple[int, int] = (100, 500)  # "auto" picks "me" within this range …
    me_prefers: int = 250  # … as close to this count as possible
    me_plan: str = "premium-business"  # the plan I start on: InMail credits from day one
    groups_per_member: float = 2.0  # mean group memberships per member
    seed: int = 0


def list_recipes() -> list[str]:
    """Names of the recipes shipped in `seed/`, sorted."""
    return sorted(p.stem for p in SEED_DIR.glob("*.toml"))


def load_recipe(
    name_or_path: str, *, members: int | None = None, seed: int | None = None
) -> Recipe:
    """Read a recipe by name (`seed/<name>.toml`) or path; flags override the file.

    Raises BadInput naming the file and the field for anything unusable.
    """
    path = _locate(name_or_path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as err:
        raise BadInput(f"{path}: not valid TOML ({err}).") from None
    except (OSError, UnicodeDecodeError) as err:
        raise BadInput(f"{path}: cannot read the recipe ({err}).") from None
    if members is not None:
        data["members"] = members
    if seed is not None:
        data["seed"] = seed
    data.setdefault("name", path.stem)
    return _validated(_build(data, path), path)


def _locate(name_or_path: str) -> Path:
    as_path = Path(name_or_path).expanduser()
    looks_like_path = as_path.suffix == ".toml" or len(as_path.parts) > 1
    if looks_like_path:
        if not as_path.is_file():
            raise BadInput(f"Recipe file {as_path} does not exist.")
        return as_path
    shipped = SEED_DIR / f"{name_or_path}.toml"
    if not shipped.is_file():
        choices = ", ".join(list_recipes()) or "none found"
        raise BadInput(
            f"Unknown recipe {name_or_path!r}; choose one of: {choices} "
            "(or give the path of a .toml file)."
        )
    return shipped


_FIELD_NAMES = tuple(f.name for f in fields(Recipe))


def _build(data: dict, path: Path) -> Recipe:
    """A Recipe from the TOML table, with TOML's types adapted (lists, date-times)."""
    unknown = sorted(set(data) - set(_FIELD_NAMES))
    if unknown:
        raise BadInput(
            f"{path}: unknown field {unknown[0]!r}; known fields: {', '.join(_FIELD_NAMES)}."
        )
    for required in ("members", "mean_connections", "groups"):
        if required not in data:
            raise BadInput(f"{path}: field {required!r} is missing.")
    values = dict(data)
    if isinstance(values.get("me_connections"), list):
        values["me_connections"] = tuple(values["me_connections"])
    start = values.get("start_date")
    if isinstance(start, str):
        values["start_date"] = _parse_date(start, path)
    elif isinstance(start, datetime):  # a TOML date-time: the day is what counts
        values["start_date"] = start.date()
    return Recipe(**values)


def _parse_date(text: str, path: Path) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise BadInput(f"{path}: field 'start_date' must be a date like 2015-01-12.") from None


def _validated(r: Recipe, path: Path) -> Recipe:
    """Check every field; the first problem found is reported."""

    def bad(field: str, why: str) -> BadInput:
        return BadInput(f"{path}: field {field!r} {why}.")

    if not isinstance(r.name, str) or not r.name.strip():
        raise bad("name", "must be a non-empty string")
    if not _is_int(r.members) or not MIN_MEMBERS <= r.members <= MAX_MEMBERS:
        raise bad("members", f"must be a whole number from {MIN_MEMBERS} to {MAX_MEMBERS:,}")
    if not _is_number(r.mean_connections) or r.mean_connections <= 0:
        raise bad("mean_connections", "must be a number above 0")
    if r.mean_connections > min(MAX_CONNECTIONS, (r.members - 1) / 4):
        raise bad("mean_connections", "must be at most a quarter of the members")
    if not _is_int(r.groups) or not 2 <= r.groups <= r.members:
        raise bad("groups", "must be a whole number from 2 to the number of members")
    if not _is_int(r.countries) or not 1 <= r.countries <= len(COUNTRIES):
        raise bad("countries", f"must be a whole number from 1 to {len(COUNTRIES)}")
    if not _is_number(r.country_skew) or not 0 <= r.country_skew <= 3:
        raise bad("country_skew", "must be a number from 0 (even) to 3 (very skewed)")
    if not isinstance(r.start_date, date) or r.start_date <= NETWORK_OPENED:
        raise bad("start_date", f"must be a date after {NETWORK_OPENED.isoformat()}")
    if r.me != "auto" and not (_is_int(r.me) and 1 <= r.me <= r.members):
        raise bad("me", f'must be "auto" or a member id from 1 to {r.members}')
    low_high = r.me_connections
    if (
        not isinstance(low_high, tuple)
        or len(low_high) != 2
        or not all(_is_int(v) for v in low_high)
        or not 1 <= low_high[0] <= low_high[1]
    ):
        raise bad("me_connections", "must be two whole numbers [low, high] with 1 <= low <= high")
    if not _is_int(r.me_prefers) or r.me_prefers < 1:
        raise bad("me_prefers", "must be a whole number above 0")
    if r.me_plan not in {plan.value for plan in Plan}:
        raise bad("me_plan", f"must be one of {', '.join(plan.value for plan in Plan)}")
    if not _is_number(r.groups_per_member) or not 0 < r.groups_per_member <= 50:
        raise bad("groups_per_member", "must be a number above 0 and at most 50")
    if not _is_int(r.seed) or r.seed < 0:
        raise bad("seed", "must be a whole number, 0 or more")
    return r


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: object) -> bool:
    return _is_int(value) or isinstance(value, float)
