"""Overview 1 (Bijlage 1) as a data table: the 19 factors in book order.

Each row: stable id, number on the form, group value, whether a rating is required for a complete
assessment (SPEC §2), the notes the form attaches, and whether the factor carries the asylum
outcome categories. Labels and help texts live in the gettext catalogues under
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
    rating_required: bool
    personal_and_family: bool = False
    asylum_outcome: bool = False


FACTOR_ROWS: tuple[FactorRow, ...] = (
    # Starting position (uitgangspositie): hard to score, so a score is optional.
    FactorRow("F01", 1, "starting_position", False, asylum_outcome=True),
    # Possibilities in the country of origin: always to be rated (SPEC §2, §3.1).
    FactorRow("F02", 2, "country_of_origin", True, personal_and_family=True),
    FactorRow("F03", 3, "country_of_origin", True),
    FactorRow("F04", 4, "country_of_origin", True),
    FactorRow("F05", 5, "country_of_origin", True),
    FactorRow("F06", 6, "country_of_origin", True),
    FactorRow("F07", 7, "country_of_origin", True),
    FactorRow("F08", 8, "country_of_origin", True),
    FactorRow("F09", 9, "country_of_origin", True),
    # Possibilities in the Netherlands: may be skipped under time pressure.
    FactorRow("F10", 10, "netherlands", False, personal_and_family=True),
    FactorRow("F11", 11, "netherlands", False),
    FactorRow("F12", 12, "netherlands", False),
    FactorRow("F13", 13, "netherlands", False),
    FactorRow("F14", 14, "netherlands", False),
    FactorRow("F15", 15, "netherlands", False),
    FactorRow("F16", 16, "netherlands", False),
    FactorRow("F17", 17, "netherlands", False),
    # Health: always to be rated.
    FactorRow("F18", 18, "health", True),
    FactorRow("F19", 19, "health", True),
)
