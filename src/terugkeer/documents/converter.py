"""The one cattrs converter of terugkeer, in cattrs' preconf shape.

Every hook lives here. Structuring is strict: exact JSON types for int, str and bool (so ``2.7``,
``"2"`` and ``true`` are never a score), enums by value, dates as ``YYYY-MM-DD``, lists for
tuples, objects for records, and unknown keys are refused. Every failure becomes a
:class:`~terugkeer.errors.ValidationError` listing each problem as a JSON path with a reason and
never the offending value.
"""

from __future__ import annotations

import datetime as dt
import decimal
import enum
import functools
import re
import sys
from collections.abc import Callable
from typing import Any, TypeVar, get_args, get_origin

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn

from terugkeer._checks import trusted_fields
from terugkeer._labelled import LabelledEnum
from terugkeer.errors import MAX_PROBLEMS, Problem, ValidationError

from ._fastpath import DATE as _DATE
from ._fastpath import make_fast_structure_fn, make_fast_unstructure_fn
from ._problems import PartFailed, child_path, problem_count, problems_of

__all__ = [
    "child_path",
    "configure_converter",
    "make_converter",
    "problem_count",
    "problems_of",
    "structure",
]

T = TypeVar("T")


def _exact(kind: type, code: str) -> Callable[[Any, Any], Any]:
    def hook(value: Any, _: Any) -> Any:
        if type(value) is not kind:
            raise ValidationError.at("$", code)
        return value

    return hook


def _structure_date(value: Any, _: Any) -> dt.date:
    if type(value) is not str or not _DATE.fullmatch(value):
        raise ValidationError.at("$", "date.format")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        pass
    raise ValidationError.at("$", "date.not_a_date")


_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})")


def _structure_datetime(value: Any, _: Any) -> dt.datetime:
    if type(value) is not str or not _DATETIME.fullmatch(value):
        raise ValidationError.at("$", "datetime.format")
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        pass
    raise ValidationError.at("$", "datetime.not_a_moment")


def _by_id(lookup: Callable[[str], T]) -> Callable[[Any, Any], T]:
    """Catalogue entries are written as their stable id and read back through the catalogue."""

    def hook(value: Any, _: Any) -> T:
        if type(value) is not str:
            raise ValidationError.at("$", "type.string")
        return lookup(value)

    return hook


@functools.cache
def _enum_members(enum_type: type[enum.Enum]) -> tuple[dict[object, enum.Enum], dict[str, str]]:
    allowed = {m.value: m for m in enum_type}
    return allowed, {"allowed": ", ".join(str(v) for v in allowed)}


def _structure_enum(value: Any, enum_type: type[enum.Enum]) -> enum.Enum:
    allowed, params = _enum_members(enum_type)
    if type(value) is not str or value not in allowed:
        raise ValidationError.at("$", "choice.not_allowed", params)
    return allowed[value]


_DECIMAL = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?")


def _structure_decimal(value: Any, _: Any) -> decimal.Decimal:
    # Amounts travel as JSON strings ("12.50"): a JSON number could already be a rounded float.
    if type(value) is not str or not _DECIMAL.fullmatch(value):
        raise ValidationError.at("$", "decimal.format")
    return decimal.Decimal(value)


def _unstructure_enum(member: enum.Enum) -> Any:
    return member.value


def _structure_str(value: Any, target: type) -> Any:
    # Class hooks are single-dispatched, so this one also serves str-valued enums.
    if target is not str and issubclass(target, enum.Enum):
        return _structure_enum(value, target)
    if type(value) is not str:
        raise ValidationError.at("$", "type.string")
    return value


def _is_homogeneous_tuple(t: Any) -> bool:
    args = get_args(t)
    return get_origin(t) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_hook(t: Any, converter: cattrs.Converter) -> Callable[[Any, Any], tuple[Any, ...]]:
    item_type = get_args(t)[0]
    item_hook = converter.get_structure_hook(item_type)

    def hook(value: Any, _: Any) -> tuple[Any, ...]:
        if type(value) is not list:
            raise ValidationError.at("$", "type.list")
        return read_items(value, item_hook, item_type)

    return hook


def read_items(
    value: list[Any],
    item_hook: Callable[[Any, Any], Any],
    item_type: Any,
    items: list[Any] | None = None,
    first: Exception | None = None,
) -> tuple[Any, ...]:
    """Every item of a JSON list read by ``item_hook``; a failure lists every bad item by index.

    ``items`` and ``first`` continue a read that stopped at its first failure: ``items`` are the
    items read before it and ``first`` is that item's complete error, so no item is read twice.
    """
    items = [] if items is None else items
    problems: list[Problem] = []
    total = 0  # every failed item's problems, also those past the cap (counted, not described)
    start = len(items)
    if first is not None:  # taken as it is and dropped: holding it would keep a frame cycle
        problems += problems_of(first, f"$[{start}]")
        total += problem_count(first)
        first = None
        start += 1
    for i in range(start, len(value)):
        try:
            items.append(item_hook(value[i], item_type))
        except Exception as exc:  # every failure is reported as a path
            if len(problems) < MAX_PROBLEMS:
                problems += problems_of(exc, f"$[{i}]")
            total += problem_count(exc)
    if problems:
        raise PartFailed(problems[:MAX_PROBLEMS], total)
    return tuple(items)


def _record_hook(
    cls: type, converter: cattrs.Converter, *, detailed: bool = True
) -> Callable[[Any, Any], Any]:
    if not detailed:
        fast = make_fast_structure_fn(cls, converter, read_items)
        if fast is not None:
            return fast
    # cattrs' own function, always with detailed validation: a class the generator does not
    # handle still reports every problem.
    inner: Callable[[Any, Any], Any] = make_dict_structure_fn(
        cls, converter, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True
    )

    def hook(value: Any, _: Any) -> Any:
        if type(value) is not dict:
            raise ValidationError.at("$", "type.object")
        return inner(value, cls)

    return hook


#: Each catalogue entry type (module and class name) with the catalogue that finds it by id, by
#: name: the converter imports no instrument; a type's module is loaded once a record names it.
_CATALOGUE_ENTRIES: dict[str, str] = {
    "terugkeer.factors.Factor": "FACTORS",
    "terugkeer.planning.PlanSection": "PLAN_SECTIONS",
    "terugkeer.signals.Signal": "SIGNALS",
    "terugkeer.signals.SuicideStep": "SUICIDE_STEPS",
    "terugkeer.wellbeing.WellbeingItem": "WELLBEING_ITEMS",
}


def _catalogue_of(t: Any) -> Any:
    """The catalogue whose entries are of type ``t``, or None for any other type."""
    if not isinstance(t, type):
        return None
    name = _CATALOGUE_ENTRIES.get(f"{t.__module__}.{t.__qualname__}")
    return None if name is None else getattr(sys.modules[t.__module__], name)


def _entry_id(entry: Any) -> str:
    found: str = entry.id
    return found


def configure_converter(
    converter: cattrs.Converter, *, detailed: bool = True, for_orjson: bool = False
) -> None:
    """Install terugkeer's strict hooks on ``converter`` (cattrs preconf style).

    ``detailed=False`` gives the fast path: each record is read by a function generated for its
    class (:mod:`terugkeer.documents._fastpath`) that reports the same problems as cattrs'
    detailed validation, and written by one that gives the same dict as cattrs'. With
    ``for_orjson`` too, those dicts keep the dates, string enum members and tuples that
    orjson writes as the hooks would (see ``make_fast_unstructure_fn``).
    """
    converter.register_structure_hook(int, _exact(int, "type.integer"))
    converter.register_structure_hook(bool, _exact(bool, "type.boolean"))
    converter.register_structure_hook(str, _structure_str)
    # Registered on the enum bases too: single dispatch must find them before ``str``.
    for base in (enum.Enum, LabelledEnum):
        converter.register_structure_hook(base, _structure_enum)
        converter.register_unstructure_hook(base, _unstructure_enum)
    converter.register_structure_hook(decimal.Decimal, _structure_decimal)
    converter.register_unstructure_hook(decimal.Decimal, lambda amount: format(amount, "f"))
    converter.register_structure_hook(dt.datetime, _structure_datetime)
    converter.register_unstructure_hook(dt.datetime, dt.datetime.isoformat)
    converter.register_structure_hook(dt.date, _structure_date)
    converter.register_unstructure_hook(dt.date, dt.date.isoformat)
    converter.register_structure_hook_factory(
        _is_homogeneous_tuple, lambda t: _tuple_hook(t, converter)
    )
    converter.register_structure_hook_factory(
        attrs.has, lambda cls: _record_hook(cls, converter, detailed=detailed)
    )
    if not detailed:
        converter.register_unstructure_hook_factory(
            attrs.has,
            lambda cls: make_fast_unstructure_fn(cls, converter, for_orjson=for_orjson),
        )
    # Registered last, so asked first: a catalogue entry is written as its id, not as a record.
    converter.register_structure_hook_factory(
        lambda t: _catalogue_of(t) is not None, lambda t: _by_id(_catalogue_of(t).get)
    )
    converter.register_unstructure_hook_factory(
        lambda t: _catalogue_of(t) is not None, lambda t: _entry_id
    )


def make_converter(*, detailed: bool = True, for_orjson: bool = False) -> cattrs.Converter:
    """A new converter configured for terugkeer's documents (see :func:`configure_converter`)."""
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    configure_converter(converter, detailed=detailed, for_orjson=for_orjson)
    return converter


#: The detailed converter: cattrs' own functions, every problem with its path.
CONVERTER = make_converter()
#: The fast path: the same checks, problems and written dicts, in generated straight-line code.
FAST_CONVERTER = make_converter(detailed=False)


@functools.cache  # made on first use: only writing with orjson needs it
def _orjson_converter() -> cattrs.Converter:
    """The fast path's writer for orjson: its dicts keep what orjson writes itself (dates,
    string enum members, tuples), the same text as the hooks give, in less time."""
    return make_converter(detailed=False, for_orjson=True)


def structure(data: Any, cls: type[T], *, fast: bool = True, today: dt.date | None = None) -> T:
    """Structure ``data`` into ``cls``; any failure is a :class:`ValidationError` with paths.

    The fast path (:mod:`terugkeer.documents._fastpath`) reads each record with a function
    generated for its class; when something fails it reports exactly what the detailed path
    reports (every problem, each with its path), re-reading only the fields that failed. On both
    paths the converter's hooks check every type before a record is built, so the records run
    only their limits and cross-field rules (the per-field type checks they run when built in
    Python would repeat the hooks' work).
    ``fast=False`` runs the detailed path alone (to compare the two). ``today`` is the day a date
    may not lie after (a source's check); by default the clock's, read once here.
    """
    converter = FAST_CONVERTER if fast else CONVERTER
    with trusted_fields(dt.date.today() if today is None else today):
        try:
            return converter.structure(data, cls)
        except Exception as exc:  # every failure is reported as a path, never a value
            problems, total = problems_of(exc), problem_count(exc)
    # Raised outside the handler: the error keeps no link (__context__) to the input's exceptions.
    raise ValidationError(problems, total=total)
