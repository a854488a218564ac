"""Hypothesis profiles: no deadline anywhere (CI machines vary); derandomized on CI so a run
that passed once passes again, while local runs keep exploring new examples."""

from __future__ import annotations

import os
import pathlib
import sys

from hypothesis import settings

settings.register_profile("dev", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

# Shared test helpers (tests/mutations.py) and the benchmarks' reference models import by name.
sys.path[:0] = [
    str(pathlib.Path(__file__).parent),
    str(pathlib.Path(__file__).parent.parent / "benchmarks"),
]
