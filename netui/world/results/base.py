"""How a World answer becomes the JSON of the command contract (R11)."""

from __future__ import annotations

from dataclasses import field, fields
from enum import Enum
from typing import Any, ClassVar


def to_json(value: Any) -> Any:
    """A field's value as the contract spells it: enums by value, tuples as lists."""
    if hasattr(value, "as_json"):
        return value.as_json()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple | list):
        return [to_json(item) for item in value]
    if isinstance(value, dict):
        return {to_json(key): to_json(item) for key, item in value.items()}
    return value


def spread() -> Any:
    """A field whose JSON keys are written among its owner's own (`{**glance, …}`)."""
    return field(metadata={"spread": True})


def unlisted() -> Any:
    """A field the screens read that the command contract does not print."""
    return field(metadata={"unlisted": True})


class Result:
    """Fields in the contract's order; `JSON_NAMES` renames those whose contract name
    is a Python keyword or reads badly as an attribute."""

    __slots__ = ()
    JSON_NAMES: ClassVar[dict[str, str]] = {}

    def as_json(self) -> dict:
        data: dict = {}
        for f in fields(self):  # type: ignore[arg-type]
            value = getattr(self, f.name)
            if f.metadata.get("unlisted"):
                continue
            if f.metadata.get("spread"):
                data.update(value.as_json())
            else:
                data[self.JSON_NAMES.get(f.name, f.name)] = to_json(value)
        return data
