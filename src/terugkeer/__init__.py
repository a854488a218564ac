"""terugkeer: the Pharos methodology *Bewogen terugkeer* as typed, immutable domain objects.

The public API is re-exported here; everything in a ``_``-module is private. Stable ids (``F02``,
...) and document schema names are part of the contract. Importing terugkeer does not import
Babel: labels and formatted dates are produced only when asked for.
"""

from __future__ import annotations

from .errors import Problem, TerugkeerError, UnsupportedLocaleError, ValidationError
from .factors import (
    FACTORS,
    SCORES,
    Assessment,
    AsylumOutcome,
    CandidateReason,
    ChangeCandidate,
    ChangePossibility,
    Factor,
    FactorChange,
    FactorGroup,
    FactorNote,
    Movement,
    Rating,
    RatingKind,
    Totals,
    WeightKind,
    WeightyFactor,
    change_candidates,
    compare,
    get_factor,
    propose_weighty,
)
from .i18n import (
    AVAILABLE_LOCALES,
    DEFAULT_LOCALE,
    Labelled,
    format_date,
    format_number,
    help_text,
    label,
    resolve_locale,
    text,
)
from .serialization import (
    DOCUMENT_TYPES,
    MAX_DOCUMENT_BYTES,
    Migration,
    dumps,
    from_document,
    loads,
    to_document,
)

__version__ = "0.1.0"

__all__ = [
    "AVAILABLE_LOCALES",
    "DEFAULT_LOCALE",
    "DOCUMENT_TYPES",
    "FACTORS",
    "MAX_DOCUMENT_BYTES",
    "SCORES",
    "Assessment",
    "AsylumOutcome",
    "CandidateReason",
    "ChangeCandidate",
    "ChangePossibility",
    "Factor",
    "FactorChange",
    "FactorGroup",
    "FactorNote",
    "Labelled",
    "Migration",
    "Movement",
    "Problem",
    "Rating",
    "RatingKind",
    "TerugkeerError",
    "Totals",
    "UnsupportedLocaleError",
    "ValidationError",
    "WeightKind",
    "WeightyFactor",
    "__version__",
    "change_candidates",
    "compare",
    "dumps",
    "format_date",
    "format_number",
    "from_document",
    "get_factor",
    "help_text",
    "label",
    "loads",
    "propose_weighty",
    "resolve_locale",
    "text",
    "to_document",
]


def __dir__() -> list[str]:
    return list(__all__)
