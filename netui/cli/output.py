"""What a command prints: its result as JSON or as text, or the error that stopped it."""

from __future__ import annotations

import json
import os
import sys
from typing import TextIO

from netui.cli.text import render
from netui.errors import NetuiError

EXIT_REFUSED = 2


def succeed(command: str, result: object, as_json: bool) -> int:
    if as_json:
        emit(json.dumps(to_json(result), ensure_ascii=False, indent=2), sys.stdout)
    else:
        emit(render(command, result), sys.stdout)
    return 0  # the work is done, even if the reader of the output has gone


def fail(error: NetuiError, as_json: bool) -> int:
    if as_json:
        emit(json.dumps(error.as_json(), ensure_ascii=False), sys.stdout)
    else:
        lines = [f"netui: {error.message}", *(f"  - {reason}" for reason in error.reasons)]
        emit("\n".join(lines), sys.stderr)
    return EXIT_REFUSED


def emit(text: str, stream: TextIO | None) -> None:
    """Write one document, as `git` and `ls` do: a reader that leaves early
    (`netui search … | head -1`) ends the output quietly, not with a traceback.

    Characters the stream cannot encode (a file name with bytes that are not UTF-8,
    a name in a script a Latin-1 terminal lacks) are written as backslash escapes,
    which in JSON are the very same characters.
    """
    if stream is None:  # started with the descriptor closed (`netui stats >&-`)
        return
    encoding = getattr(stream, "encoding", None) or "utf-8"
    text = text.encode(encoding, "backslashreplace").decode(encoding)
    try:
        stream.write(text + "\n")
        stream.flush()
    except BrokenPipeError:
        _discard_rest(stream)


def _discard_rest(stream: TextIO) -> None:
    """Send what is still buffered to /dev/null: Python flushes the standard streams on
    exit, and a second broken pipe there would print 'Exception ignored…' to stderr."""
    try:
        descriptor = stream.fileno()
    except (OSError, ValueError):  # not a real file: nothing will flush it at exit
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, descriptor)
    finally:
        os.close(devnull)


def to_json(result: object) -> object:
    """A command's result as JSON: a World answer (or a list of them) by its `as_json`."""
    if isinstance(result, list):
        return [to_json(item) for item in result]
    as_json = getattr(result, "as_json", None)
    return as_json() if callable(as_json) else result
