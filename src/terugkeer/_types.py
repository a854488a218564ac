"""What the modules that write code from the records' annotations ask of a type."""

from __future__ import annotations

import types
import typing
from typing import Any

__all__ = ["optional"]


def optional(t: Any) -> tuple[Any, bool]:
    """``(T, True)`` for ``T | None`` (or ``Optional[T]``), else ``(t, False)``.

    >>> optional(int | None), optional(int)
    ((<class 'int'>, True), (<class 'int'>, False))
    """
    if typing.get_origin(t) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(t) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
    return t, False
