"""How long-running work says how far it has got.

Building a network takes from a blink (tiny) to minutes (a million members). The
seeder, the LDBC importer and the store report through these callbacks, so that
`netui seed` can draw a bar and the start screen a line of text, and the work never
needs to know who is watching.
"""

from __future__ import annotations

from collections.abc import Callable

# (phase, fraction of that phase done from 0 to 1), e.g. ("Storing members", 0.4).
Progress = Callable[[str, float], None]
# One phase's own steps report only the fraction; the caller knows the phase.
PhaseProgress = Callable[[float], None]


def no_progress(phase: str, fraction: float) -> None:
    """For work nobody watches."""
