"""terugkeer: the Pharos methodology *Bewogen terugkeer* as typed, immutable domain objects.

This namespace holds the few names most users need: the case file and its main records, loading and
saving, the errors, and the texts. Every instrument has its own module with its details
(``terugkeer.factors.compare``, ``terugkeer.signals.SignalLog``, ...).

The package has visible layers; each imports only from layers above it in this table
(interop and research each from documents, never from one another):

===========  ===============================  ==============================================
layer        where                            what
===========  ===============================  ==============================================
catalogues   ``terugkeer.catalogues``         instrument content as data (ids and rows)
foundations  ``errors``, ``answers``,         errors, yes/no/unknown, texts per locale
             ``i18n``
instruments  ``factors``, ``overviews``,      the domain: frozen records and pure functions,
             ``actionplan``, ``planning``,    one module per instrument
             ``health``, ``healthfindings``,
             ``signals``, ``referral``,
             ``wellbeing``, ``socialmap``,
             ``context``, ``case``,
             ``casesummary``
documents    ``terugkeer.documents``          the case's own documents: converter, versions,
                                              migrations, schema, files
interop      ``terugkeer.interop``            posted forms, FHIR, XLSForm (above documents)
research     ``terugkeer.research``           tables, pseudonyms, codebook, formats, cohort
                                              export (above documents)
reports      ``terugkeer.reports``            text, HTML and SVG for people to read
programs     ``cli``, ``_demo``, ``testing``  the command line, the example, strategies
===========  ===============================  ==============================================

Importing terugkeer does not import Babel: labels and formatted dates are produced when asked for.
"""

from __future__ import annotations

import importlib
import typing
from typing import Any

if typing.TYPE_CHECKING:  # for type checkers; at run time each name loads on first use
    from .actionplan import ActionPlan
    from .case import CaseFile, ConsentRecord, ConsentRequired, handover_bundle
    from .casesummary import CaseSummary, case_summary
    from .documents.casefiles import load_case, save_case
    from .documents.schema import json_schema
    from .documents.serialization import dumps, from_document, loads, to_document
    from .errors import (
        ConflictError,
        Problem,
        TerugkeerError,
        UnsupportedLocaleError,
        ValidationError,
    )
    from .factors import FACTORS, Assessment, Rating, compare
    from .health import HealthChecklist
    from .i18n import AVAILABLE_LOCALES, Texts, label
    from .overviews import ChangePossibility, WeightyFactor
    from .reports.html import html_report
    from .reports.text import case_lines
    from .signals import SignalLog

#: Where each public name lives: its module is imported on first use (PEP 562), so that
#: ``import terugkeer`` is cheap and a program pays only for the instruments it touches.
_LAZY: dict[str, str] = {
    "ActionPlan": "actionplan",
    "CaseFile": "case",
    "ConsentRecord": "case",
    "ConsentRequired": "case",
    "handover_bundle": "case",
    "CaseSummary": "casesummary",
    "case_summary": "casesummary",
    "load_case": "documents.casefiles",
    "save_case": "documents.casefiles",
    "json_schema": "documents.schema",
    "dumps": "documents.serialization",
    "from_document": "documents.serialization",
    "loads": "documents.serialization",
    "to_document": "documents.serialization",
    "ConflictError": "errors",
    "Problem": "errors",
    "TerugkeerError": "errors",
    "UnsupportedLocaleError": "errors",
    "ValidationError": "errors",
    "FACTORS": "factors",
    "Assessment": "factors",
    "Rating": "factors",
    "compare": "factors",
    "HealthChecklist": "health",
    "AVAILABLE_LOCALES": "i18n",
    "Texts": "i18n",
    "label": "i18n",
    "ChangePossibility": "overviews",
    "WeightyFactor": "overviews",
    "html_report": "reports.html",
    "case_lines": "reports.text",
    "SignalLog": "signals",
}

#: Names that left this namespace, each kept for one minor version with a DeprecationWarning:
#: old name -> (new home, module, catalogue whose ``get`` it was).
_MOVED: dict[str, tuple[str, str, str]] = {
    "get_factor": ("terugkeer.FACTORS.get", "factors", "FACTORS"),
}

__all__ = [
    "AVAILABLE_LOCALES",
    "FACTORS",
    "ActionPlan",
    "Assessment",
    "CaseFile",
    "CaseSummary",
    "ChangePossibility",
    "ConflictError",
    "ConsentRecord",
    "ConsentRequired",
    "HealthChecklist",
    "Problem",
    "Rating",
    "SignalLog",
    "TerugkeerError",
    "Texts",
    "UnsupportedLocaleError",
    "ValidationError",
    "WeightyFactor",
    "__version__",
    "case_lines",
    "case_summary",
    "compare",
    "dumps",
    "from_document",
    "handover_bundle",
    "html_report",
    "json_schema",
    "label",
    "load_case",
    "loads",
    "save_case",
    "to_document",
]


def __getattr__(name: str) -> Any:
    """A public name is imported from its module on first use and then kept here;
    ``__version__`` is read from the installed package's metadata: one source."""
    module = _LAZY.get(name)
    if module is not None:
        value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
        globals()[name] = value  # found directly from now on
        return value
    if name == "__version__":
        from importlib.metadata import version

        return version("terugkeer")
    if name in _MOVED:
        from ._moved import moved

        new_home, module, attribute = _MOVED[name]
        value = getattr(importlib.import_module(f"{__name__}.{module}"), attribute).get
        return moved(__name__, name, {name: (new_home, value)})
    raise AttributeError(f"module 'terugkeer' has no attribute {name!r}")


def __dir__() -> list[str]:
    return list(__all__)
