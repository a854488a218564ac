"""The fast path: one generated structuring function per record class (and one for writing).

Each function checks the same things as the detailed path (cattrs' generated function with
detailed validation), in straight-line code: an object with no unknown key, every required key,
the exact JSON type of every plain field (``str``, ``int``, ``bool``, enums by value), nested
records and lists through their own functions, and the converter's strict hooks for dates,
moments, amounts and catalogue ids. It builds the record without ``__init__`` (every value is
checked already), in a builder with the record's slots that becomes the record when complete (see
:func:`_builder`), and runs the record's limits and cross-field rules (its
``__attrs_post_init__``, under :func:`~terugkeer._checks.trusted_fields`).

A valid document never meets an exception handler, which costs nothing in CPython 3.11+. When a
field fails, its handler records the problems the detailed path would find for it, with the same
paths, and reading goes on with the next field; a record that failed raises one
:class:`~terugkeer.errors.ValidationError` with them all. So a document gets exactly the detailed
path's problems (in the same order, with the same total) while only the failing fields are read
twice.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import types
import typing
from collections.abc import Callable
from typing import Any

import attrs
import cattrs
from cattrs.errors import BaseValidationError

from terugkeer._checks import validated
from terugkeer._codegen import generated_function
from terugkeer._fields import spec_of
from terugkeer._labelled import strings_are_values
from terugkeer.errors import MAX_PROBLEMS, Problem, ValidationError

from ._problems import PartFailed, child_path, problem_count, problems_of

__all__ = ["DATE", "make_fast_structure_fn", "make_fast_unstructure_fn"]

#: How a date is written in a document: ``YYYY-MM-DD`` and nothing else (the converter's rule).
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class Fallback(Exception):
    """A plain check failed; the field's handler asks the field's hook why."""


_PLAIN = {str: "str", int: "int", bool: "bool"}

#: Reads on through a list after its first failure and raises the complete error.
ReadItems = Callable[[list[Any], Callable[[Any, Any], Any], Any, list[Any], Exception], object]


class _Writer:
    """Builds the source of one structuring function and the names it uses."""

    def __init__(
        self,
        cls: type,
        converter: cattrs.Converter,
        read_items: ReadItems | None = None,
        *,
        for_orjson: bool = False,
    ) -> None:
        self.cls = cls
        self.converter = converter
        self.for_orjson = for_orjson
        self.names: dict[str, Any] = {
            "_read_items": read_items,
            "_cls": cls,
            "_new": object.__new__,
            "_set": object.__setattr__,
            "_Fallback": Fallback,
            "_dict": dict,
            "_list": list,
            "_tuple": tuple,
            "_str": str,
            "_int": int,
            "_bool": bool,
            "_len": len,
            "_date_form": DATE.fullmatch,
            "_date": dt.date.fromisoformat,
            "_type": type,
            "_exact_date": dt.date,
            "_failed": _failed,
            "_not_an_object": _not_an_object,
            "_unknown_keys": _unknown_keys,
            "_rule_error": _rule_error,
        }
        self.lines: list[str] = []

    def name(self, prefix: str, value: Any) -> str:
        key = f"_{prefix}{len(self.names)}"
        self.names[key] = value
        return key

    def assign(self, field: str, value: str) -> str:
        """A statement setting ``field`` of the record being read (``self``) to ``value``: a plain
        store on a builder (see :func:`_builder`), else a call of the slot's own descriptor,
        which is cheaper than ``object.__setattr__``."""
        if "_builder" in self.names:
            return f"self.{field} = {value}"
        slot = getattr(self.cls, field, None)
        if isinstance(slot, types.MemberDescriptorType):
            return f"{self.name('s', slot.__set__)}(self, {value})"
        return f"_set(self, {field!r}, {value})"

    def check(self, t: Any, var: str, indent: str) -> str | None:
        """Lines that check (and maybe convert) ``var`` as ``t``; the result expression."""
        origin = typing.get_origin(t)
        if origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(t) if a is not type(None)]
            if len(args) != 1 or len(typing.get_args(t)) != 2:
                return None
            inner_lines: list[str] = []
            saved, self.lines = self.lines, inner_lines
            result = self.check(args[0], var, indent + " ")
            self.lines = saved
            if result is None:
                return None
            self.lines.append(f"{indent}if {var} is not None:")
            self.lines += inner_lines or [f"{indent} pass"]
            if result != var:
                self.lines.append(f"{indent} {var} = {result}")
            return var
        if origin is tuple:
            parts = typing.get_args(t)
            if len(parts) != 2 or parts[1] is not Ellipsis:
                return None
            item = parts[0]
            self.lines.append(f"{indent}if type({var}) is not _list: raise _Fallback")
            if item in _PLAIN:
                self.lines.append(f"{indent}for _i in {var}:")
                self.lines.append(f"{indent} if type(_i) is not _{_PLAIN[item]}: raise _Fallback")
                return f"_tuple({var})"
            hook = self.name("h", self.converter.get_structure_hook(item))
            item_name = self.name("t", item)
            if not attrs.has(item):
                return f"_tuple([{hook}(_i, {item_name}) for _i in {var}])"
            # Records: on a failure, read on from the bad item, so that no item is read twice.
            self.lines += [
                f"{indent}_out = []",
                f"{indent}_add = _out.append",
                f"{indent}try:",
                f"{indent} for _i in {var}: _add({hook}(_i, {item_name}))",
                f"{indent}except Exception as _e:",
                f"{indent} _read_items({var}, {hook}, {item_name}, _out, _e)",
            ]
            return "_tuple(_out)"
        if t in _PLAIN:
            self.lines.append(f"{indent}if type({var}) is not _{_PLAIN[t]}: raise _Fallback")
            return var
        if t is dt.date:  # the converter's date hook, inline; a bad day raises ValueError
            self.lines.append(
                f"{indent}if type({var}) is not _str or not _date_form({var}): raise _Fallback"
            )
            return f"_date({var})"
        if isinstance(t, type) and issubclass(t, enum.Enum):
            members = self.name("e", {m.value: m for m in t})
            self.lines.append(f"{indent}if type({var}) is not _str: raise _Fallback")
            return f"{members}[{var}]"  # KeyError for a value that is not a member
        hook = self.name("h", self.converter.get_structure_hook(t))
        return f"{hook}({var}, {self.name('t', t)})"

    def function(self) -> Callable[[Any, Any], Any] | None:
        cls = self.cls
        if hasattr(cls, "__attrs_pre_init__"):
            return None
        fields = attrs.fields(cls)
        if any(f.converter is not None or f.validator is not None or not f.init for f in fields):
            return None
        hints = typing.get_type_hints(cls)
        allowed = self.name("k", frozenset(f.name for f in fields))
        builder = _builder(cls) if len(fields) > 1 else None
        if builder is not None:
            self.names["_builder"] = builder
        self.lines = [
            "def structure(o, _=None):",
            " if type(o) is not _dict: _not_an_object()",
            " errors = None",
            " missing = False",
            f" self = _new({'_cls' if builder is None else '_builder'})",
        ]
        for f in fields:
            key = repr(f.name)
            t = hints[f.name]
            self.lines += [" try:", f"  v = o[{key}]"]
            result = self.check(t, "v", "  ")
            if result is None:
                return None
            self.lines.append(f"  {self.assign(f.name, result)}")
            hook = self.name("h", self.converter.get_structure_hook(t))
            path = child_path("$", f.name)
            args = f"o, {key}, {path!r}, {self.name('t', t)}, {hook}, {_plain_list(t)}"
            self.lines.append(" except Exception as e:")
            if f.default is attrs.NOTHING:
                self.lines.append(f"  errors = _failed(errors, e, {args})")
                continue
            # A key left out takes the default; asked only here, so that a present key costs
            # one lookup (documents this library writes hold every key).
            if isinstance(f.default, attrs.Factory):  # type: ignore[arg-type]
                if f.default.takes_self:
                    return None
                default = f"{self.name('f', f.default.factory)}()"
            else:
                default = self.name("d", f.default)
            self.lines += [
                f"  if {key} not in o:",
                "   missing = True",
                f"   {self.assign(f.name, default)}",
                "  else:",
                f"   errors = _failed(errors, e, {args})",
            ]
        # Every field's key was found (no default used, no key missing): then ``o`` holds no
        # other key exactly when it holds as many keys as there are fields.
        self.lines += [
            f" if (missing or errors or _len(o) != {len(fields)}) and not o.keys() <= {allowed}:",
            f"  errors = _unknown_keys(errors, o, {allowed})",
            " if errors is not None: raise errors.error()",
        ]
        if builder is not None:
            self.lines.append(" self.__class__ = _cls")
        post_init = getattr(cls, "__attrs_post_init__", None)
        limits = [check for f in fields for check in _limit_checks(f)]
        run = " try:"
        if post_init is validated:
            # validated() checks nothing the lines above did not, except the spec's limits (list
            # sizes, bounds): it runs only when one is exceeded, to report it as it always does.
            run = f" if {' or '.join(limits)}:\n  try:" if limits else ""
        if post_init is not None and run:
            pad = "  " if run.startswith(" if") else " "
            self.lines += [
                run,
                f"{pad} self.__attrs_post_init__()",
                f"{pad}except Exception as e:",
                f"{pad} raise _rule_error(e)",
            ]
        self.lines.append(" return self")
        namespace = dict(self.names)
        source = "\n".join(self.lines)
        what = f"structure {cls.__qualname__}"
        return generated_function("structure", source, namespace, what)


def _limit_checks(f: attrs.Attribute[Any]) -> list[str]:
    """Conditions, true when the field's value breaks its spec's limits (a list too long, a whole
    number out of bounds); the record's ``validated`` then reports it."""
    spec = spec_of(f)
    checks = []
    if spec.max_items is not None:
        checks.append(f"_len(self.{f.name}) > {int(spec.max_items)}")
    if spec.minimum is not None:
        checks.append(f"(_type(self.{f.name}) is _int and self.{f.name} < {int(spec.minimum)})")
    if spec.maximum is not None:
        checks.append(f"(_type(self.{f.name}) is _int and self.{f.name} > {int(spec.maximum)})")
    return checks


def _builder(cls: type) -> type | None:
    """A class with the slots of the record class ``cls`` and nothing else, or None when ``cls``
    has no such twin (it is not slotted, it keeps a ``__weakref__`` or ``__dict__`` slot, or
    it has a base class of its own).

    A record is read into an instance of its builder, where each field costs one plain store
    (a frozen record's own slots are set through their descriptors: a call each, several times
    the cost); when every field is read and checked, the instance becomes the record by
    assigning its ``__class__``, which Python allows between classes of the same layout. The
    builder is no subclass of the record class: ``cls.__subclasses__()`` and ``isinstance``
    are not touched, and a builder instance never leaves the reading function."""
    slots = cls.__dict__.get("__slots__")
    if (
        cls.__base__ is not object
        or not isinstance(slots, tuple)
        or cls.__weakrefoffset__
        or cls.__dictoffset__
    ):
        return None
    builder = type(
        f"{cls.__name__} (being read)",
        (),
        {
            "__slots__": slots,
            "__module__": cls.__module__,
            "__qualname__": f"{cls.__qualname__} (being read)",
        },
    )
    probe: Any = object.__new__(builder)
    try:  # the layouts agree (Python says so when they do not)
        probe.__class__ = cls
    except TypeError:
        return None
    return builder


def _plain_list(t: Any) -> bool:
    """A list of anything but records: its fast read stops at the first bad item, silently."""
    for a in (t, *typing.get_args(t)):
        if typing.get_origin(a) is tuple:
            return not attrs.has(typing.get_args(a)[0])
    return False


def _not_an_object() -> None:
    raise ValidationError.at("$", "type.object")


class Found:
    """The problems a record's fields gave so far (the first :data:`MAX_PROBLEMS`), and how many
    there were in all. Kept as problems, not as exceptions: an exception kept in a list holds its
    traceback's frames, and with them the record's half-read values, until the cycle collector
    runs; and the record's error becomes one :class:`~._problems.PartFailed`."""

    __slots__ = ("problems", "total")

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.total = 0

    def add(self, exc: BaseException, path: str) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems += problems_of(exc, path)
        self.total += problem_count(exc)

    def error(self) -> PartFailed:
        return PartFailed(self.problems, self.total)


#: Errors that hold every problem of their part (a tuple, built once).
_COMPLETE = (PartFailed, ValidationError, BaseValidationError)


def _failed(
    found: Found | None,
    exc: Exception,
    o: dict[str, Any],
    name: str,
    path: str,
    t: Any,
    hook: Callable[[Any, Any], Any],
    plain_list: bool,
) -> Found:
    """Adds the problems the detailed path finds for field ``name`` (at ``path``). A failed
    plain check says nothing, so the field's own hook runs again to say it; a nested record's
    error is complete already, and so is a list of records' (it reads on past a bad item); a
    list of plain values stops at its first bad item, so it is read again."""
    found = Found() if found is None else found
    if name not in o:
        found.add(KeyError(name), path)
        return found
    if plain_list or not isinstance(exc, _COMPLETE):
        try:
            hook(o[name], t)
        except Exception as again:  # added here: kept in a name, it would hold this frame
            found.add(again, path)
            return found
    found.add(exc, path)
    return found


def _unknown_keys(found: Found | None, o: dict[str, Any], allowed: frozenset[str]) -> Found:
    """Adds one problem per unknown key, in sorted order (as the detailed path lists them)."""
    found = Found() if found is None else found
    unknown = sorted(o.keys() - allowed)
    for key in unknown[: max(0, MAX_PROBLEMS - len(found.problems))]:
        found.problems.append(Problem(child_path("$", key), "key.unknown"))
    found.total += len(unknown)
    return found


def _rule_error(exc: Exception) -> ValidationError:
    """The error of a record whose rules (``__attrs_post_init__``) failed."""
    if isinstance(exc, ValidationError):
        return exc
    return ValidationError(problems_of(exc), total=problem_count(exc))


def make_fast_structure_fn(
    cls: type, converter: cattrs.Converter, read_items: ReadItems
) -> Callable[[Any, Any], Any] | None:
    """The generated fast structuring function of the attrs class ``cls``, or None when the class
    uses something the generator does not handle (then cattrs' own function serves)."""
    return _Writer(cls, converter, read_items).function()


#: How many levels of nested records one writing function spells out itself (deeper ones are
#: written by their own class's function): fewer calls, without code that grows without end.
_INLINE_DEPTH = 4


def _unstructure_expression(
    t: Any, var: str, writer: _Writer, depth: int = 0, *, hoist: bool = False
) -> str:
    """An expression giving the JSON-ready form of ``var`` (of type ``t``), as cattrs gives it.

    ``hoist``: ``var`` is read on every call (not inside a list or an optional value), so a
    record read through it can be bound to a local name first (see :func:`_record_literal`)."""
    origin = typing.get_origin(t)
    if origin in (typing.Union, types.UnionType):
        (inner,) = (a for a in typing.get_args(t) if a is not type(None))
        written = _unstructure_expression(inner, var, writer, depth)
        return var if written == var else f"(None if {var} is None else {written})"
    if origin is tuple:
        item = typing.get_args(t)[0]
        if writer.for_orjson and (item in _PLAIN or strings_are_values(item)):
            return var  # orjson writes a tuple as a list
        if item in _PLAIN:
            return f"_list({var})"
        name = f"_i{depth}"
        each = _unstructure_expression(item, name, writer, depth + 1)
        # Many lists are empty: those are written without starting a comprehension (its frame).
        return f"([{each} for {name} in {var}] if {var} else [])"
    if t in _PLAIN:
        return var
    if isinstance(t, type) and issubclass(t, enum.Enum):
        if writer.for_orjson and strings_are_values(t):
            return var
        return f"{var}._value_"  # the member's value, without the ``value`` property's cost
    hook = writer.converter.get_unstructure_hook(t)
    if t is dt.date and writer.for_orjson:  # orjson writes a date as the hook would
        return f"({var} if _type({var}) is _exact_date else {writer.name('u', hook)}({var}))"
    if attrs.has(t) and depth < _INLINE_DEPTH and _is_fast_unstructure(hook):
        return _record_literal(t, var, writer, depth + 1, hoist=hoist)
    return f"{writer.name('u', hook)}({var})"


def _is_fast_unstructure(hook: Any) -> bool:
    code = getattr(hook, "__code__", None)
    return code is not None and code.co_filename.startswith("<terugkeer fast unstructure")


def _record_literal(
    cls: type, var: str, writer: _Writer, depth: int, *, hoist: bool = False
) -> str:
    """A dict display with every field of the record ``var`` (of the attrs class ``cls``).

    With ``hoist``, a record reached through attributes (``o.plan.support``) is first bound to
    a local name, one line of ``writer.lines``: its fields then cost one attribute read each,
    not one per step of the chain."""
    if hoist and "." in var:
        name = f"_r{len(writer.lines)}"
        writer.lines.append(f" {name} = {var}")
        var = name
    hints = typing.get_type_hints(cls)
    entries = [
        f"{f.name!r}: "
        + _unstructure_expression(hints[f.name], f"{var}.{f.name}", writer, depth, hoist=hoist)
        for f in attrs.fields(cls)
    ]
    return "{" + ", ".join(entries) + "}"


def make_fast_unstructure_fn(
    cls: type, converter: cattrs.Converter, *, for_orjson: bool = False
) -> Callable[[Any], Any]:
    """A generated function giving the same dict as cattrs' unstructuring of the attrs class
    ``cls`` (every field, in field order), with plain fields, enums, dates, lists and the
    records a few levels down written inline.

    ``for_orjson`` leaves to orjson what it writes as the hooks would, and faster: each
    ``datetime.date`` of exactly that type (``YYYY-MM-DD``, as ``date.isoformat`` gives it;
    a ``datetime`` or a subclass found in a date field still goes through the hook), each
    member of a string enum whose string is its value, and tuples of these or of plain values
    (orjson writes a tuple as a list). Those dicts are JSON-ready for orjson only."""
    writer = _Writer(cls, converter, for_orjson=for_orjson)
    returned = _record_literal(cls, "o", writer, 0, hoist=True)
    source = "\n".join(["def unstructure(o):", *writer.lines, f" return {returned}"])
    namespace = dict(writer.names)
    return generated_function("unstructure", source, namespace, f"unstructure {cls.__qualname__}")
