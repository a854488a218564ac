"""JSON Schema (draft 2020-12) for terugkeer's documents, generated from the types.

The schema follows the same rules as loading wherever JSON Schema can express them: exact JSON
types, enums by value and catalogue ids, dates as ``YYYY-MM-DD``, decimal amounts as strings, no
unknown keys, 19 ratings in book order, a score exactly when scored, ranges and list limits. Records
add their cross-field rules with a ``__json_schema__`` class attribute (``if``/``then``). Rules that
compare records or need the clock are checked by :func:`~terugkeer.loads` only (listed in the docs).
"""

from __future__ import annotations

import copy
import datetime as dt
import decimal
import enum
import types
import typing
from typing import Any

import attrs

from terugkeer._fields import spec_of
from terugkeer._types import optional
from terugkeer.case import CaseFile
from terugkeer.factors import FACTORS, Factor
from terugkeer.forms import all_forms
from terugkeer.i18n import resolve_locale, text
from terugkeer.planning import PlanSection
from terugkeer.signals import Signal, SuicideStep
from terugkeer.wellbeing import WellbeingItem

from .serialization import DOCUMENT_TYPES

__all__ = ["DRAFT", "json_schema"]

#: The JSON Schema dialect of the generated schemas.
DRAFT = "https://json-schema.org/draft/2020-12/schema"

_ID_TYPES = (Factor, PlanSection, Signal, SuicideStep, WellbeingItem)
_DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"  # ECMA-262: "$" is the very end
_DATETIME_PATTERN = (
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?"
    r"(Z|[+-][0-9]{2}:[0-9]{2})$"
)
_DECIMAL_PATTERN = r"^-?(0|[1-9][0-9]*)(\.[0-9]+)?$"


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}

    def of(self, annotation: Any, extra: dict[str, Any] | None = None) -> dict[str, Any]:
        schema = self._of(annotation)
        return {**schema, **(extra or {})}

    def _of(self, annotation: Any) -> dict[str, Any]:
        origin = typing.get_origin(annotation)
        if origin in (typing.Union, types.UnionType):
            options = [self.of(a) for a in typing.get_args(annotation) if a is not type(None)]
            if len(options) < len(typing.get_args(annotation)):
                options.append({"type": "null"})
            return {"anyOf": options}
        if origin is tuple:
            return {"type": "array", "items": self.of(typing.get_args(annotation)[0])}
        simple = {str: "string", bool: "boolean", int: "integer"}
        if annotation in simple:
            return {"type": simple[annotation]}
        if annotation is dt.datetime:
            return {"type": "string", "format": "date-time", "pattern": _DATETIME_PATTERN}
        if annotation is dt.date:
            return {"type": "string", "format": "date", "pattern": _DATE_PATTERN}
        if annotation is decimal.Decimal:
            return {"type": "string", "pattern": _DECIMAL_PATTERN}
        if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
            return {"enum": [m.value for m in annotation]}
        if annotation in _ID_TYPES:
            return {"type": "string", "description": f"a {annotation.__name__} id"}
        if isinstance(annotation, type) and attrs.has(annotation):
            return self.record(annotation)
        raise TypeError(f"no JSON Schema for {annotation!r}")  # pragma: no cover

    def record(self, cls: type) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # reserve first: records may refer to each other
            hints = typing.get_type_hints(cls)
            properties = {}
            required = []
            for field in attrs.fields(cls):
                # A fresh dict: titles are added to the schema later, never to the field's spec.
                hint = hints[field.name]
                is_list = typing.get_origin(optional(hint)[0]) is tuple
                extra: dict[str, Any] = spec_of(field).schema(is_list=is_list)
                prop = self.of(hint)
                if "enum" in extra and "anyOf" in prop:
                    prop = {"enum": extra.pop("enum")}
                properties[field.name] = {**prop, **extra}
                if field.default is attrs.NOTHING:
                    required.append(field.name)
            self.defs[name] = {
                "type": "object",
                "properties": properties,
                "required": required,
                "additionalProperties": False,
                **copy.deepcopy(getattr(cls, "__json_schema__", {})),
            }
        return {"$ref": f"#/$defs/{name}"}


def json_schema(cls: type = CaseFile, locale: str | None = None) -> dict[str, Any]:
    """The JSON Schema of a document type (by default the case file), headed like a document.

    With ``locale``, every property whose field has a label gains it as ``title`` in that
    language (the label its form shows), and Overview 1's 19 ratings their factor's label and
    help text as ``title`` and ``description``.

    >>> schema = json_schema()
    >>> schema["$schema"], schema["properties"]["schema"]
    ('https://json-schema.org/draft/2020-12/schema', {'const': 'terugkeer/case'})
    >>> json_schema(locale="en")["$defs"]["Medicine"]["properties"]["substance"]["title"]
    'Medicine: active substance (generic name)'
    """
    name, version = DOCUMENT_TYPES[cls]
    builder = _Builder()
    builder.record(cls)
    if locale is not None:
        _add_titles(builder.defs, resolve_locale(locale))
    body = builder.defs[cls.__name__]
    return {
        "$schema": DRAFT,
        "$id": f"https://terugkeer.invalid/schema/{name}/v{version}",
        "title": f"{name} version {version}",
        "type": "object",
        "properties": {
            "schema": {"const": name},
            "version": {"const": version},
            **body["properties"],
        },
        "required": ["schema", "version", *body["required"]],
        "additionalProperties": False,
        "$defs": builder.defs,
    }


def _add_titles(defs: dict[str, dict[str, Any]], language: str) -> None:
    labels: dict[str, str] = {}
    for form in all_forms():
        for item in form.walk():
            labels.setdefault(item.field, item.message_id)
    for record, definition in defs.items():
        for field, prop in definition.get("properties", {}).items():
            message_id = labels.get(f"{record}.{field}", f"Field.{record}.{field}")
            title = text(message_id, language)
            if title != message_id:  # a field without a label gets no title
                prop["title"] = title
    ratings = defs.get("Assessment", {}).get("properties", {}).get("ratings", {})
    for entry, factor in zip(ratings.get("prefixItems", []), FACTORS, strict=False):
        entry["title"] = text(factor.message_id, language)
        entry["description"] = text(factor.help_message_id, language)
