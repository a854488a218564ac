"""Hypothesis profiles: no deadline anywhere (CI machines vary); derandomized on CI so a run
that passed once passes again, while local runs keep exploring new examples."""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("dev", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "dev")
