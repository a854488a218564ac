"""Moved and renamed public names keep working for one minor version, with a warning.

A module that moved a name keeps ``_MOVED = {old name: (new home, value)}`` and a module-level
``__getattr__`` (PEP 562) that calls :func:`moved`: the old name gives the value and a
``DeprecationWarning`` that names where it lives now (see CHANGELOG.md).
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping

__all__ = ["moved"]


def moved(module: str, name: str, names: Mapping[str, tuple[str, object]]) -> object:
    """The value of the moved ``name`` of ``module``, with a DeprecationWarning naming its new
    home; an AttributeError when ``name`` was never there."""
    if name not in names:
        raise AttributeError(f"module {module!r} has no attribute {name!r}")
    new_home, value = names[name]
    warnings.warn(
        f"{module}.{name} is deprecated and goes in the next minor version: use {new_home}",
        DeprecationWarning,
        stacklevel=3,
    )
    return value
