"""Small validation helpers shared by the domain modules.

Each returns a list of :class:`~terugkeer.errors.Problem` (empty when fine) so that a record can
report every problem at once; none of them ever puts the checked value into a reason.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import types
import typing
from typing import Any

import attrs

from .errors import Problem, ValidationError

__all__ = [
    "check_date",
    "check_enum",
    "check_fields",
    "check_int",
    "check_text",
    "check_unique",
    "check_value",
    "raise_if",
    "validated",
]


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


def check_unique(values: object, path: str, noun: str) -> list[Problem]:
    """A tuple that must not list the same entry twice."""
    if type(values) is tuple and len(set(values)) != len(values):
        return [Problem(path, f"lists a {noun} twice")]
    return []


def raise_if(problems: list[Problem]) -> None:
    """Raise one :class:`ValidationError` listing every problem, if there are any."""
    if problems:
        raise ValidationError(problems)


@functools.cache
def _hints(cls: type[attrs.AttrsInstance]) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def check_value(value: object, annotation: Any, path: str) -> list[Problem]:
    """Check ``value`` against a simple annotation: str, int, bool, date, enums, records,
    ``X | None`` and ``tuple[X, ...]``. Python code gets the same strictness as documents."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if value is None and len(args) < len(typing.get_args(annotation)):
            return []
        return check_value(value, args[0], path)
    if origin is tuple:
        if type(value) is not tuple:
            return [Problem(path, "must be a tuple")]
        (item_type, _) = typing.get_args(annotation)
        return [p for i, v in enumerate(value) for p in check_value(v, item_type, f"{path}[{i}]")]
    if annotation in (str, int, bool):
        if type(value) is not annotation:
            return [Problem(path, f"must be of type {annotation.__name__}")]
        return []
    if annotation is dt.date:
        return check_date(value, path)
    if annotation is dt.datetime:
        return [] if type(value) is dt.datetime else [Problem(path, "must be a date and time")]
    if isinstance(annotation, type) and not isinstance(value, annotation):
        return [Problem(path, f"must be a {annotation.__name__}")]
    return []


def check_fields(obj: attrs.AttrsInstance) -> list[Problem]:
    """Check every attrs field of ``obj`` against its annotation and its ``max_items`` metadata."""
    cls = type(obj)
    hints = _hints(cls)
    problems: list[Problem] = []
    for field in attrs.fields(cls):
        value = getattr(obj, field.name)
        path = f"$.{field.name}"
        problems += check_value(value, hints[field.name], path)
        limit = field.metadata.get("max_items")
        if limit is not None and type(value) is tuple and len(value) > limit:
            problems.append(Problem(path, f"holds at most {limit} items"))
    return problems


def validated(obj: attrs.AttrsInstance, extra: list[Problem] | None = None) -> None:
    """Raise one error with every field problem of ``obj`` plus ``extra`` ones (one per path)."""
    problems = check_fields(obj)
    seen = {p.path for p in problems}
    raise_if(problems + [p for p in extra or [] if p.path not in seen])
