"""Reading an LDBC snapshot's CSV files: pipe-separated, one header row, any number
of `part-*.csv` (or `.csv.gz`) files per entity. Every error names the file and line."""

from __future__ import annotations

import gzip
from collections.abc import Iterator, Sequence
from operator import itemgetter
from pathlib import Path
from typing import TextIO

from netui.errors import BadInput


def rows(root: Path, entity: str, columns: Sequence[str]) -> Iterator[tuple[str, int, list[str]]]:
    """Every row of an entity as (file, line number, the wanted columns in order).

    File names are relative to the snapshot so error messages stay short; lines
    count from 1 at the header, as an editor shows them.
    """
    for part in part_files(root, entity):
        file = part.relative_to(root).as_posix()
        with open_text(part) as lines:
            try:
                yield from _filerows(file, lines, columns)
            except UnicodeDecodeError as error:
                raise BadInput(f"{file}: not UTF-8 text ({error.reason}).") from None


def _filerows(
    file: str, lines: TextIO, columns: Sequence[str]
) -> Iterator[tuple[str, int, list[str]]]:
    header = next(lines, "").rstrip("\r\n").split("|")
    missing = [c for c in columns if c not in header]
    if missing:
        raise BadInput(
            f"{file} line 1: the header lacks {', '.join(missing)} "
            f"(found {'|'.join(header) or 'nothing'})."
        )
    positions = [header.index(c) for c in columns]
    pick = itemgetter(*positions) if len(positions) > 1 else lambda f: (f[positions[0]],)
    width = len(header)
    for number, line in enumerate(lines, start=2):
        fields = line.rstrip("\r\n").split("|")
        if len(fields) != width:
            if not line.strip():
                continue  # a trailing blank line is harmless
            raise BadInput(
                f"{file} line {number}: {len(fields)} fields where the header has {width}."
            )
        yield file, number, pick(fields)


def part_files(root: Path, entity: str) -> list[Path]:
    folder = root / entity
    parts = sorted(folder.glob("part-*.csv")) + sorted(folder.glob("part-*.csv.gz"))
    if not parts:
        raise BadInput(f"{entity}: missing (no part-*.csv files in {folder}).")
    return parts


def open_text(path: Path) -> TextIO:
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8", newline="")
    return path.open(encoding="utf-8", newline="")


def whole_number(value: str, file: str, line: int, column: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise BadInput(f"{file} line {line}: {column} {value!r} is not a whole number.") from None


class Index:
    """LDBC ids of one entity → a number of ours, found by the id as the file writes it.

    Parsing millions of ids is most of an import's time, so the text is looked up
    first; only a miss (a dangling id, or an odd spelling such as "0014") is parsed.
    """

    def __init__(self, what: str, entity: str, numbers: dict[int, int]) -> None:
        self.what, self.entity = what, entity
        self.numbers = numbers
        self._by_text = {str(ldbc_id): number for ldbc_id, number in numbers.items()}

    def __contains__(self, ldbc_id: int) -> bool:
        return ldbc_id in self.numbers

    def __getitem__(self, ldbc_id: int) -> int:
        return self.numbers[ldbc_id]

    def __len__(self) -> int:
        return len(self.numbers)

    def find(self, text: str, file: str, line: int, column: str) -> int:
        """Our number for the id in `column`, or BadInput for an id that points nowhere."""
        number = self._by_text.get(text)
        if number is None:
            ldbc_id = whole_number(text, file, line, column)
            number = self.numbers.get(ldbc_id)
            if number is None:
                raise BadInput(
                    f"{file} line {line}: {self.what} {ldbc_id} is not in {self.entity}."
                )
        return number


def plain(name: str) -> str:
    """LDBC names come from DBpedia resources, with `_` for spaces."""
    return name.replace("_", " ")
