"""Small validation helpers shared by the domain modules.

Each returns a list of :class:`~terugkeer.errors.Problem` (empty when fine) so that a record can
report every problem at once; none of them ever puts the checked value into a reason.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import enum
import functools
import types
import typing
from collections.abc import Callable, Iterator
from typing import Any

import attrs

from ._fields import Spec, spec_of
from .errors import Problem, ValidationError

__all__ = [
    "check_date",
    "check_enum",
    "check_fields",
    "check_int",
    "check_text",
    "check_unique",
    "fields_trusted",
    "raise_if",
    "reading_day",
    "trusted_fields",
    "validated",
]


def check_text(value: object, path: str) -> list[Problem]:
    """A free-text field: must be a str (may be empty)."""
    return [] if type(value) is str else [Problem(path, "type.string")]


def check_int(value: object, path: str, allowed: range | frozenset[int]) -> list[Problem]:
    """An exact int (never bool or float) within ``allowed``."""
    if type(value) is not int:
        return [Problem(path, "type.integer")]
    if value not in allowed:
        return [Problem(path, "number.out_of_range")]
    return []


def check_date(value: object, path: str) -> list[Problem]:
    """A calendar date (a ``datetime`` is refused: these are days, not moments)."""
    return [] if type(value) is dt.date else [Problem(path, "date.format")]


def check_enum(value: object, path: str, enum_type: type[enum.Enum]) -> list[Problem]:
    """A member of ``enum_type`` (a bare value is refused in Python code)."""
    return (
        []
        if isinstance(value, enum_type)
        else [Problem(path, "type.record", {"expected": enum_type.__name__})]
    )


def check_unique(values: object, path: str, noun: str) -> list[Problem]:
    """A tuple that must not list the same entry twice."""
    if type(values) is tuple and len(set(values)) != len(values):
        return [Problem(path, "list.duplicate", {"what": noun})]
    return []


def raise_if(problems: list[Problem]) -> None:
    """Raise one :class:`ValidationError` listing every problem, if there are any."""
    if problems:
        raise ValidationError(problems)


Checker = Callable[[object, str], list[Problem]]


def _compile(annotation: Any) -> Checker:
    """A checker for one annotation, built once: no ``typing`` introspection per value."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        inner = _compile(args[0])
        if len(args) < len(typing.get_args(annotation)):
            return lambda value, path: [] if value is None else inner(value, path)
        return inner
    if origin is tuple:
        item = _compile(typing.get_args(annotation)[0])

        def check_tuple(value: object, path: str) -> list[Problem]:
            if type(value) is not tuple:
                return [Problem(path, "type.list")]
            found: list[Problem] = []
            for i, v in enumerate(value):
                problems = item(v, "")
                if problems:
                    found += [p.with_path(f"{path}[{i}]{p.path}") for p in problems]
            return found

        return check_tuple
    if annotation in (str, int, bool):
        expected = {"expected": annotation.__name__}
        return lambda value, path: (
            [] if type(value) is annotation else [Problem(path, "type.record", expected)]
        )
    if annotation is dt.date:
        return check_date
    if annotation is dt.datetime:
        return lambda value, path: (
            [] if type(value) is dt.datetime else [Problem(path, "datetime.format")]
        )
    if isinstance(annotation, type):
        expected = {"expected": annotation.__name__}
        return lambda value, path: (
            [] if isinstance(value, annotation) else [Problem(path, "type.record", expected)]
        )
    return lambda value, path: []


#: The day a read by the converter began: every record of one document meets the same today.
_TODAY: contextvars.ContextVar[dt.date | None] = contextvars.ContextVar(
    "terugkeer_today", default=None
)


def reading_day() -> dt.date | None:
    """Inside :func:`trusted_fields`, the day the document's reader gave as today (asked once
    per document, not per record); else None. The domain never reads the clock itself."""
    return _TODAY.get()


#: True only while the document converter builds records from values its hooks already checked.
_FIELDS_TRUSTED: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "terugkeer_fields_trusted", default=False
)


@contextlib.contextmanager
def trusted_fields(today: dt.date | None = None) -> Iterator[None]:
    """While active, :func:`validated` skips the per-field type checks and runs only the limits
    and the cross-field rules: for the converter, whose hooks have checked every type already.

    Scoped to the current thread or task (a context variable) and reset on exit, so records built
    directly in Python are always checked in full. ``today`` is the day the reader takes as
    today (:func:`reading_day`), for the rules that refuse a date after it.
    """
    token = _FIELDS_TRUSTED.set(True)
    day = _TODAY.set(today)
    try:
        yield
    finally:
        _TODAY.reset(day)
        _FIELDS_TRUSTED.reset(token)


#: True inside :func:`trusted_fields`: a record may then skip checks of its field types (never
#: its rules). The context variable's own ``get``, so asking costs no Python call.
fields_trusted: Callable[[], bool] = _FIELDS_TRUSTED.get


@functools.cache
def _field_checks(cls: type) -> tuple[tuple[str, str, Checker, Spec], ...]:
    """Per field of ``cls``: name, path, compiled checker and spec; built once per class."""
    hints = typing.get_type_hints(cls)
    return tuple(
        (f.name, f"$.{f.name}", _compile(hints[f.name]), spec_of(f)) for f in attrs.fields(cls)
    )


def _spec_problems(value: object, path: str, spec: Spec) -> list[Problem]:
    """A list longer than its spec allows, or a whole number outside its bounds."""
    if spec.max_items is not None and type(value) is tuple and len(value) > spec.max_items:
        return [Problem(path, "list.too_long", {"max": spec.max_items})]
    if spec.bounded:
        found = spec.out_of_bounds(value)
        if found is not None:
            return [Problem(path, *found)]
    return []


def check_fields(obj: attrs.AttrsInstance) -> list[Problem]:
    """Check every attrs field of ``obj`` against its annotation and its spec's limits."""
    problems: list[Problem] = []
    for name, path, check, spec in _field_checks(type(obj)):
        value = getattr(obj, name)
        found = check(value, path)
        if found:
            problems += found
        else:
            problems += _spec_problems(value, path, spec)
    return problems


@functools.cache
def _limits(cls: type) -> tuple[tuple[str, str, Spec, int, int], ...]:
    """Per field of ``cls`` with a list limit or bounds: name, path, spec, and the limits as
    plain numbers (a list's most items; a whole number's lowest and highest), read once."""
    far = 1 << 62  # no bound: a value no field holds
    return tuple(
        (
            name,
            path,
            spec,
            -far if spec.minimum is None else spec.minimum,
            far if spec.maximum is None else spec.maximum,
        )
        if spec.max_items is None
        else (name, path, spec, -far, spec.max_items)
        for name, path, _, spec in _field_checks(cls)
        if spec.max_items is not None or spec.bounded
    )


def _limit_problems(obj: attrs.AttrsInstance) -> list[Problem]:
    """The limits of ``obj``'s fields that its values break, tested inline (once per record on
    the reading path); the spec says how, only for a value that breaks one."""
    problems: list[Problem] = []
    for name, path, spec, low, high in _limits(type(obj)):
        value = getattr(obj, name)
        kind = type(value)
        if (kind is tuple and len(value) > high) or (kind is int and not low <= value <= high):
            problems += _spec_problems(value, path, spec)
    return problems


def validated(obj: attrs.AttrsInstance, extra: list[Problem] | None = None) -> None:
    """Raise one error with every field problem of ``obj`` plus ``extra`` ones (one per path).

    Under :func:`trusted_fields` only the spec's limits (list sizes, bounds) are checked here,
    besides ``extra``.
    """
    if _FIELDS_TRUSTED.get():
        if not extra and not _limits(type(obj)):
            return  # nothing left to check
        problems = _limit_problems(obj)
    else:
        problems = check_fields(obj)
    if not problems and not extra:
        return
    seen = {p.path for p in problems}
    raise_if(problems + [p for p in extra or [] if p.path not in seen])
