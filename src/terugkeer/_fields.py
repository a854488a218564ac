"""Each field declared once: what a record field holds beyond its type, in one typed description.

A field's :class:`Spec` (its bounds, pattern, allowed ids, list size, and whether it identifies a
person or holds free text) sits in the field's metadata under one private key. Everything that
walks the records reads it from there: the records' own checks (:mod:`terugkeer._checks`), the
loader's fast path, the JSON Schema, the form definitions, the Hypothesis strategies and the
research export. A field declared without one has the empty spec.

>>> import attrs
>>> @attrs.frozen
... class Example:
...     months: int | None = attrs.field(default=None, metadata=whole(0, 120))
>>> spec_of(attrs.fields(Example).months).schema()
{'minimum': 0, 'maximum': 120}
>>> spec_of(attrs.fields(Example).months).out_of_bounds(121)
('number.out_of_range', {'min': 0, 'max': 120})
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

__all__ = [
    "Spec",
    "codes",
    "identifying",
    "items",
    "spec",
    "spec_of",
    "text",
    "whole",
]

#: The metadata key a field's spec lives under; nothing else is stored in a field's metadata.
KEY = "terugkeer"


@attrs.frozen
class Spec:
    """What a field holds beyond its annotation.

    ``minimum``/``maximum`` bound a whole number; ``pattern`` is a JSON Schema (ECMA-262) pattern
    for text; ``choices`` the values a field (or each item of a list) may take; ``max_items`` and
    ``unique`` bound a list. ``identifying`` marks what names or reaches a person (never in a
    research export, stripped from a handover without consent); ``free_text`` a person's own
    words; ``research`` how the research export shows it (``year``, ``country``, ``vulnerable``).
    ``schema_extra`` adds what only the JSON Schema can say (Overview 1's 19 ratings in book order).
    """

    minimum: int | None = None
    maximum: int | None = None
    pattern: str | None = None
    choices: tuple[object, ...] | None = None
    max_items: int | None = None
    unique: bool = False
    identifying: bool = False
    free_text: bool = False
    research: str | None = None
    schema_extra: Mapping[str, Any] | None = attrs.field(default=None, eq=False, hash=False)

    def schema(self, *, is_list: bool = False) -> dict[str, Any]:
        """The JSON Schema keywords this spec adds to the field's type (a fresh dict)."""
        found: dict[str, Any] = {}
        if self.minimum is not None:
            found["minimum"] = self.minimum
        if self.maximum is not None:
            found["maximum"] = self.maximum
        if self.pattern is not None:
            found["pattern"] = self.pattern
        if self.choices is not None:
            if is_list:
                found["items"] = {"enum": list(self.choices)}
            else:
                found["enum"] = list(self.choices)
        if self.unique:
            found["uniqueItems"] = True
        if self.max_items is not None:
            found["maxItems"] = self.max_items
        if self.schema_extra:
            found.update(copy.deepcopy(dict(self.schema_extra)))
        return found

    @property
    def bounded(self) -> bool:
        """Whether a whole number's bounds are to be checked."""
        return self.minimum is not None or self.maximum is not None

    def out_of_bounds(self, value: object) -> tuple[str, dict[str, int]] | None:
        """The problem code and parameters saying why the whole number ``value`` lies outside
        the bounds, or None (also for a value of another type, which its type check reports)."""
        if type(value) is not int:
            return None
        low, high = self.minimum, self.maximum
        if (low is None or value >= low) and (high is None or value <= high):
            return None
        if high is None:
            assert low is not None
            return ("number.negative", {}) if low == 0 else ("number.out_of_range", {"min": low})
        if low is None:
            return "number.out_of_range", {"max": high}
        return "number.out_of_range", {"min": low, "max": high}


#: White space as JSON Schema's regular expressions (ECMA-262) have it, ``\s`` there: a required
#: text made of these alone is blank to the loader exactly when the schema's ``\S`` refuses it.
#: (Python's ``str.isspace`` also counts U+001C-U+001F and U+0085, and not U+FEFF.)
ECMA_SPACE = (
    "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000\ufeff"
)


def is_blank(text: str) -> bool:
    """Whether ``text`` holds nothing but white space (as :data:`ECMA_SPACE` has it).

    >>> is_blank(" \ufeff"), is_blank("\x1f")
    (True, False)
    """
    return not text.strip(ECMA_SPACE)


_EMPTY = Spec()


def spec_of(field: attrs.Attribute[Any]) -> Spec:
    """The spec of an attrs field (the empty spec when it was declared without one)."""
    found = field.metadata.get(KEY, _EMPTY)
    assert isinstance(found, Spec)
    return found


def spec(**described: Any) -> dict[str, Spec]:
    """A field's metadata holding its :class:`Spec`: ``attrs.field(metadata=spec(...))``."""
    return {KEY: Spec(**described)}


def whole(minimum: int | None, maximum: int | None) -> dict[str, Spec]:
    """A whole number between ``minimum`` and ``maximum`` (either may be None: unbounded)."""
    return spec(minimum=minimum, maximum=maximum)


def text(
    *, required: bool = False, free_text: bool = False, research: str | None = None
) -> dict[str, Spec]:
    """Text; ``required`` text must hold more than white space."""
    return spec(pattern="\\S" if required else None, free_text=free_text, research=research)


def identifying(*, research: str | None = None) -> dict[str, Spec]:
    """A value that names or reaches a person (a name, a phone number, a date of birth)."""
    return spec(identifying=True, research=research)


def codes(allowed: Iterable[object], *, unique: bool = False) -> dict[str, Spec]:
    """One of ``allowed`` (or, for a list, each item one of them; ``unique``: each once)."""
    return spec(choices=tuple(allowed), unique=unique)


def items(max_items: int) -> dict[str, Spec]:
    """A list of at most ``max_items`` items."""
    return spec(max_items=max_items)
