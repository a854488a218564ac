"""Reference models of the case document in pydantic v2 and msgspec, for the speed benchmarks.

Both are *generated* from terugkeer's attrs classes, so they cannot drift from the document: the
same field names, the same required keys and defaults, exact JSON types, enums by value, dates as
``YYYY-MM-DD``, zoned date-times, amounts as decimal strings, and the ranges, patterns, enums and
list limits that the records state for the JSON Schema. They do what these libraries do well
(strict types, unknown keys refused, frozen); terugkeer's cross-field rules (a score exactly when
scored, 19 ratings in book order, catalogue lookups, consent and Overview 3 consistency) have no
counterpart in them, so the comparison flatters the references, not terugkeer.

``tests/test_reference_models.py`` checks that they accept the benchmark corpus and refuse the
same type-level invalid documents as :func:`terugkeer.loads`.
"""

from __future__ import annotations

import datetime as dt
import decimal
import enum
import functools
import types
import typing
from typing import Annotated, Any, Literal

import attrs
import msgspec
import pydantic

from terugkeer._fields import ECMA_SPACE, spec_of
from terugkeer._types import optional
from terugkeer.case import CaseFile
from terugkeer.documents.serialization import DOCUMENT_TYPES
from terugkeer.factors import Factor
from terugkeer.planning import PlanSection
from terugkeer.signals import Signal, SuicideStep
from terugkeer.wellbeing import WellbeingItem

__all__ = ["msgspec_case", "pydantic_case"]

_ID_TYPES = (Factor, PlanSection, Signal, SuicideStep, WellbeingItem)
_DECIMAL = r"^-?(0|[1-9][0-9]*)(\.[0-9]+)?$"
_DATETIME = (
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?"
    r"(Z|[+-][0-9]{2}:[0-9]{2})$"
)


def _ecma(pattern: str) -> str:
    """A schema pattern with ECMA-262's ``\\S``, which the schema means, spelled out: Python's
    ``re`` (msgspec) and Rust's regex (pydantic) count U+001C-U+001F or U+0085 as white space."""
    return pattern.replace("\\S", "[^" + "".join(f"\\u{ord(c):04x}" for c in ECMA_SPACE) + "]")


class _Models:
    """attrs class → a model of one library; subclasses say how that library spells it."""

    def __init__(self) -> None:
        self.made: dict[type, Any] = {}

    def constrained(self, t: Any, **constraints: Any) -> Any:
        raise NotImplementedError

    def zoned_datetime(self) -> Any:
        raise NotImplementedError

    def make(self, cls: type, name: str, header: tuple[str, int] | None) -> Any:
        raise NotImplementedError

    def annotation(self, t: Any, schema: dict[str, Any]) -> Any:
        origin = typing.get_origin(t)
        if origin in (typing.Union, types.UnionType):
            (inner,) = (a for a in typing.get_args(t) if a is not type(None))
            if "enum" in schema:
                return Literal[tuple(schema["enum"])]
            return self.annotation(inner, schema) | None
        if origin is tuple:
            item = self.annotation(typing.get_args(t)[0], schema.get("items", {}))
            sequence: Any = tuple[item, ...]  # type: ignore[valid-type]
            limits = {
                k: schema[n]
                for n, k in (("minItems", "min_length"), ("maxItems", "max_length"))
                if n in schema
            }
            return self.constrained(sequence, **limits) if limits else sequence
        if "enum" in schema:
            return Literal[tuple(schema["enum"])]
        if t is int:
            bounds = {
                k: schema[n] for n, k in (("minimum", "ge"), ("maximum", "le")) if n in schema
            }
            return self.constrained(int, **bounds) if bounds else int
        if t is str:
            return (
                self.constrained(str, pattern=_ecma(schema["pattern"]))
                if "pattern" in schema
                else str
            )
        if t in (bool, dt.date):
            return t
        if t is dt.datetime:
            return self.zoned_datetime()
        if t is decimal.Decimal:
            return self.constrained(str, pattern=_DECIMAL)
        if t in _ID_TYPES:
            return str
        if isinstance(t, type) and issubclass(t, enum.Enum):
            return Literal[tuple(m.value for m in t)]
        if attrs.has(t):
            return self.model(t)
        raise TypeError(f"no annotation for {t!r}")

    def fields(self, cls: type) -> list[tuple[str, Any, object]]:
        """Per attrs field: name, annotation, and default (``attrs.NOTHING`` when required;
        None for a factory, which terugkeer fills itself)."""
        hints = typing.get_type_hints(cls)
        found: list[tuple[str, Any, object]] = []
        for f in attrs.fields(cls):
            hint = hints[f.name]
            is_list = typing.get_origin(optional(hint)[0]) is tuple
            annotation = self.annotation(hint, spec_of(f).schema(is_list=is_list))
            default = f.default
            if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                default = None
            elif isinstance(default, enum.Enum) and default is not attrs.NOTHING:
                default = default.value
            found.append((f.name, annotation, default))
        return found

    def model(self, cls: type, header: tuple[str, int] | None = None) -> Any:
        if header is not None:
            return self.make(cls, f"{cls.__name__}Document", header)
        if cls not in self.made:
            self.made[cls] = self.make(cls, cls.__name__, None)
        return self.made[cls]


class _Pydantic(_Models):
    """Strict, unknown keys forbidden, frozen."""

    config = pydantic.ConfigDict(strict=True, extra="forbid", frozen=True)

    def constrained(self, t: Any, **constraints: Any) -> Any:
        return Annotated[t, pydantic.Field(**constraints)]

    def zoned_datetime(self) -> Any:
        return self.constrained(str, pattern=_DATETIME)

    def make(self, cls: type, name: str, header: tuple[str, int] | None) -> Any:
        fields: dict[str, Any] = {}
        if header is not None:
            fields["schema_"] = (Literal[header[0]], pydantic.Field(alias="schema"))
            fields["version"] = (Literal[header[1]], ...)
        for field, annotation, default in self.fields(cls):
            fields[field] = (annotation, ... if default is attrs.NOTHING else default)
        return pydantic.create_model(f"P{name}", __config__=self.config, **fields)


class _Msgspec(_Models):
    """Frozen Structs, unknown fields forbidden."""

    def constrained(self, t: Any, **constraints: Any) -> Any:
        return Annotated[t, msgspec.Meta(**constraints)]

    def zoned_datetime(self) -> Any:
        return Annotated[dt.datetime, msgspec.Meta(tz=True)]

    def make(self, cls: type, name: str, header: tuple[str, int] | None) -> Any:
        required: list[Any] = []
        optional: list[Any] = []
        if header is not None:
            required += [("schema", Literal[header[0]]), ("version", Literal[header[1]])]
        for field, annotation, default in self.fields(cls):
            if default is attrs.NOTHING:
                required.append((field, annotation))
            else:
                optional.append((field, annotation, default))
        return msgspec.defstruct(
            f"M{name}", [*required, *optional], frozen=True, forbid_unknown_fields=True
        )


@functools.cache
def pydantic_case() -> type[pydantic.BaseModel]:
    """The pydantic model of a case document (``schema`` and ``version`` included)."""
    model: type[pydantic.BaseModel] = _Pydantic().model(CaseFile, DOCUMENT_TYPES[CaseFile])
    return model


@functools.cache
def msgspec_case() -> type[msgspec.Struct]:
    """The msgspec Struct of a case document (``schema`` and ``version`` included)."""
    struct: type[msgspec.Struct] = _Msgspec().model(CaseFile, DOCUMENT_TYPES[CaseFile])
    return struct
