"""Small validation helpers shared by the domain modules.

Each returns a list of :class:`~terugkeer.errors.Problem` (empty when fine) so that a record can
report every problem at once; none of them ever puts the checked value into a reason.
"""

from __future__ import annotations

import datetime as dt
import enum

from .errors import Problem, ValidationError

__all__ = ["check_date", "check_enum", "check_int", "check_text", "raise_if"]


def check_text(value: object, path: str) -> list[Problem]:
    """A free-text field: must be a str (may be empty)."""
    return [] if type(value) is str else [Problem(path, "must be a string")]


def check_int(value: object, path: str, allowed: range | frozenset[int]) -> list[Problem]:
    """An exact int (never bool or float) within ``allowed``."""
    if type(value) is not int:
        return [Problem(path, "must be an integer")]
    if value not in allowed:
        return [Problem(path, "is out of range")]
    return []


def check_date(value: object, path: str) -> list[Problem]:
    """A calendar date (a ``datetime`` is refused: these are days, not moments)."""
    return [] if type(value) is dt.date else [Problem(path, "must be a date")]


def check_enum(value: object, path: str, enum_type: type[enum.Enum]) -> list[Problem]:
    """A member of ``enum_type`` (a bare value is refused in Python code)."""
    return (
        [] if isinstance(value, enum_type) else [Problem(path, f"must be a {enum_type.__name__}")]
    )


def raise_if(problems: list[Problem]) -> None:
    """Raise one :class:`ValidationError` listing every problem, if there are any."""
    if problems:
        raise ValidationError(problems)
