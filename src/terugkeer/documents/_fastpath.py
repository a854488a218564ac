"""The fast path for valid documents: one generated structuring function per record class.

Each function checks the same things as the detailed path, in straight-line code: an object with
no unknown key, every required key, the exact JSON type of every plain field (``str``, ``int``,
``bool``, enums by value), nested records and lists through their own generated functions, and the
converter's strict hooks for dates, moments, amounts and catalogue ids. It builds the record
without ``__init__`` (every value is already checked), applies the list limits, and runs the
record's cross-field rules (its ``__attrs_post_init__``, under
:func:`~terugkeer._checks.trusted_fields`). The first failure raises and ends the fast path; the
caller then runs the detailed path, which reports every problem with its path. So the fast path
never needs to say *why*, and the errors a user sees come from one place.
"""

from __future__ import annotations

import enum
import types
import typing
from collections.abc import Callable
from typing import Any

import attrs
import cattrs

from terugkeer._checks import validated

__all__ = ["make_fast_structure_fn"]


class Fallback(Exception):
    """The fast path gives up here; the detailed path will say why."""


_PLAIN = {str: "str", int: "int", bool: "bool"}


class _Writer:
    """Builds the source of one structuring function and the names it uses."""

    def __init__(self, cls: type, converter: cattrs.Converter) -> None:
        self.cls = cls
        self.converter = converter
        self.names: dict[str, Any] = {
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
        }
        self.lines: list[str] = []

    def name(self, prefix: str, value: Any) -> str:
        key = f"_{prefix}{len(self.names)}"
        self.names[key] = value
        return key

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
            return f"_tuple([{hook}(_i, {item_name}) for _i in {var}])"
        if t in _PLAIN:
            self.lines.append(f"{indent}if type({var}) is not _{_PLAIN[t]}: raise _Fallback")
            return var
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
        self.lines = [
            "def structure(o, _=None):",
            " if type(o) is not _dict or not o.keys() <= " + allowed + ": raise _Fallback",
            " self = _new(_cls)",
        ]
        for f in fields:
            key = repr(f.name)
            if f.default is attrs.NOTHING:
                self.lines.append(f" v = o[{key}]")
                indent = " "
            else:
                self.lines.append(f" if {key} not in o:")
                if isinstance(f.default, attrs.Factory):  # type: ignore[arg-type]
                    if f.default.takes_self:
                        return None
                    self.lines.append(f"  v = {self.name('f', f.default.factory)}()")
                else:
                    self.lines.append(f"  v = {self.name('d', f.default)}")
                self.lines.append(" else:")
                self.lines.append(f"  v = o[{key}]")
                indent = "  "
            result = self.check(hints[f.name], "v", indent)
            if result is None:
                return None
            if result != "v":
                self.lines.append(f"{indent}v = {result}")
            limit = f.metadata.get("max_items")
            if limit is not None:
                self.lines.append(f"{indent}if _len(v) > {int(limit)}: raise _Fallback")
            self.lines.append(f" _set(self, {key}, v)")
        post_init = getattr(cls, "__attrs_post_init__", None)
        if post_init is not None and post_init is not validated:
            # validated() alone would only repeat the checks above; other rules run here.
            self.lines.append(" self.__attrs_post_init__()")
        self.lines.append(" return self")
        namespace = dict(self.names)
        source = "\n".join(self.lines)
        code = compile(source, f"<terugkeer fast structure {cls.__qualname__}>", "exec")
        exec(code, namespace)
        function: Callable[[Any, Any], Any] = namespace["structure"]
        return function


def make_fast_structure_fn(
    cls: type, converter: cattrs.Converter
) -> Callable[[Any, Any], Any] | None:
    """The generated fast structuring function of the attrs class ``cls``, or None when the class
    uses something the generator does not handle (then cattrs' own function serves)."""
    return _Writer(cls, converter).function()
