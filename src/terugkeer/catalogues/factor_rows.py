"""Overview 1 (Bijlage 1) as a data table: the 19 factors in book order.

Each row: stable id, number on the form, group value, whether the factor may be skipped under time
pressure (§3.1: only the Netherlands factors), the notes the form attaches, and whether the factor
carries the asylum outcome categories. Labels and help texts live in the gettext catalogues under
``Factor.<id>.label`` and ``Factor.<id>.help``; nothing here is display text.

The ids are part of the public contract: never renumber or reuse one.
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["FACTOR_ROWS", "FactorRow"]


class FactorRow(NamedTuple):
    id: str
    number: int
    group: str
    skippable_under_time_pressure: bool
    personal_and_family: bool = False
    asylum_outcome: bool = False


FACTOR_ROWS: tuple[FactorRow, ...] = (
    # Starting position (uitgangspositie): hard to score, so "no score" plus the category and an
    # explanation is a normal rating (§3.2); it is not among the factors §3.1 lets one skip.
    FactorRow("F01", 1, "starting_position", False, asylum_outcome=True),
    # Possibilities in the country of origin, as the client sees them: always rated (§3.1).
    FactorRow("F02", 2, "country_of_origin", False, personal_and_family=True),
    FactorRow("F03", 3, "country_of_origin", False),
    FactorRow("F04", 4, "country_of_origin", False),
    FactorRow("F05", 5, "country_of_origin", False),
    FactorRow("F06", 6, "country_of_origin", False),
    FactorRow("F07", 7, "country_of_origin", False),
    FactorRow("F08", 8, "country_of_origin", False),
    FactorRow("F09", 9, "country_of_origin", False),
    # Possibilities in the Netherlands: the only ones §3.1 lets one skip under time pressure.
    FactorRow("F10", 10, "netherlands", True, personal_and_family=True),
    FactorRow("F11", 11, "netherlands", True),
    FactorRow("F12", 12, "netherlands", True),
    FactorRow("F13", 13, "netherlands", True),
    FactorRow("F14", 14, "netherlands", True),
    FactorRow("F15", 15, "netherlands", True),
    FactorRow("F16", 16, "netherlands", True),
    FactorRow("F17", 17, "netherlands", True),
    # Health: always rated.
    FactorRow("F18", 18, "health", False),
    FactorRow("F19", 19, "health", False),
)
