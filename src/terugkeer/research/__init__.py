"""Datasets for research: every instrument of a case as tidy, pseudonymised tables
(:mod:`~terugkeer.research.tables`), the keyed pseudonyms (:mod:`~terugkeer.research.pseudonyms`),
the codebook (:mod:`~terugkeer.research.codebook`), the file formats
(:mod:`~terugkeer.research.formats`) and a cohort of case files exported in one call
(:func:`export_cohort`, in :mod:`~terugkeer.research.cohort`).

This layer reads the instrument records and the case files; nothing below it imports it.
"""

from __future__ import annotations

import typing
from typing import Any

if typing.TYPE_CHECKING:
    from .cohort import CohortExport, case_paths, export_cohort
    from .formats import ExportFormat
    from .tables import DatePrecision, FieldGroup, ResearchOptions

__all__ = [
    "CohortExport",
    "DatePrecision",
    "ExportFormat",
    "FieldGroup",
    "ResearchOptions",
    "case_paths",
    "export_cohort",
]

_LAZY = {
    "CohortExport": "cohort",
    "case_paths": "cohort",
    "export_cohort": "cohort",
    "ExportFormat": "formats",
    "DatePrecision": "tables",
    "FieldGroup": "tables",
    "ResearchOptions": "tables",
}


def __getattr__(name: str) -> Any:
    """The names a cohort export needs, imported from their module on first use."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return list(__all__)
