"""Shared base for closed vocabularies whose members carry a gettext message id."""

from __future__ import annotations

import enum

__all__ = ["LabelledEnum"]


class LabelledEnum(str, enum.Enum):
    """A closed set of values, serialised by value, labelled through ``ClassName.value``."""

    @property
    def message_id(self) -> str:
        """The gettext message id of this member's label, e.g. ``FactorGroup.health``."""
        return f"{type(self).__name__}.{self.value}"

    def __str__(self) -> str:
        return str(self.value)
