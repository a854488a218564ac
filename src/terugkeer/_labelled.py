"""Shared base for closed vocabularies whose members carry a gettext message id."""

from __future__ import annotations

import enum
from typing import Any

__all__ = ["LabelledEnum", "strings_are_values"]


class LabelledEnum(str, enum.Enum):
    """A closed set of values, serialised by value, labelled through ``ClassName.value``."""

    @property
    def message_id(self) -> str:
        """The gettext message id of this member's label, e.g. ``FactorGroup.health``."""
        return f"{type(self).__name__}.{self.value}"

    def __str__(self) -> str:
        return str(self.value)


def strings_are_values(t: Any) -> bool:
    """Whether ``t`` is an enum whose members are strings (a ``str`` mix-in) holding exactly
    their values: then a member's value and its string are the same text, and code that needs
    the text can read ``_value_`` (orjson, too, writes such a member as its value)."""
    return (
        isinstance(t, type)
        and issubclass(t, str)
        and issubclass(t, enum.Enum)
        and all(str.__str__(m) == m._value_ for m in t)
    )
