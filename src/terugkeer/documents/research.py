"""The research export: flat, tidy, pseudonymised rows for pandas, polars or CSV.

One row per case × assessment × factor, with the case's context repeated on each row. Which fields
identify a person is read from the types' metadata (``identifying``), never from a list kept here:
those fields are left out, the case id is replaced by a keyed hash (HMAC-SHA256 with a secret the
caller keeps, so the same case gets the same pseudonym across runs), the date of birth is reduced
to its year, and free-text notes are left out unless the caller opts in.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import hmac
import typing
from collections.abc import Iterable, Iterator

import attrs

from terugkeer.actionplan import ClientInfo
from terugkeer.case import CaseContext, CaseFile
from terugkeer.errors import ValidationError
from terugkeer.factors import FACTORS

__all__ = ["MIN_KEY_BYTES", "RESEARCH_COLUMNS", "csv_cell", "pseudonym", "research_rows"]

#: The secret key must be at least this long (bytes).
MIN_KEY_BYTES = 16

ResearchValue = str | int | bool | None


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: ResearchValue) -> ResearchValue:
    """A value made safe for a spreadsheet: text that a spreadsheet would run as a formula (it
    starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) gets a leading ``'``.

    Numbers stay numbers; only text is changed, and only when it could start a formula.

    >>> csv_cell("=HYPERLINK(1)"), csv_cell("Syria"), csv_cell(-3)
    ("'=HYPERLINK(1)", 'Syria', -3)
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def pseudonym(case_id: str, key: bytes) -> str:
    """The stable keyed pseudonym of a case id (hex HMAC-SHA256)."""
    if not isinstance(key, bytes) or len(key) < MIN_KEY_BYTES:
        raise ValidationError.at("$.key", f"must be at least {MIN_KEY_BYTES} bytes")
    return hmac.new(key, case_id.encode("utf-8"), hashlib.sha256).hexdigest()


def _plain(value: object) -> ResearchValue:
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return ";".join(str(_plain(v)) for v in value)
    if value is None or isinstance(value, (str, int, bool)):
        return value
    raise TypeError(type(value).__name__)  # pragma: no cover - every field type is covered


def _holds_records(annotation: object) -> bool:
    args = typing.get_args(annotation) or (annotation,)
    return any(isinstance(a, type) and attrs.has(a) for a in args)


def _record_columns(
    obj: attrs.AttrsInstance, prefix: str, include_notes: bool
) -> dict[str, ResearchValue]:
    """The non-identifying fields of a record, as columns; metadata decides what is left out."""
    columns: dict[str, ResearchValue] = {}
    hints = typing.get_type_hints(type(obj))
    for field in attrs.fields(type(obj)):
        value = getattr(obj, field.name)
        meta = field.metadata
        if meta.get("identifying"):
            if meta.get("research") == "year" and isinstance(value, dt.date):
                columns[f"{prefix}{field.name}_year"] = value.year
            continue
        if meta.get("free_text") and not include_notes:
            continue
        if _holds_records(hints[field.name]):
            continue  # nested records are not flattened into the case columns
        columns[f"{prefix}{field.name}"] = _plain(value)
    return columns


def _case_columns(case: CaseFile, key: bytes) -> dict[str, ResearchValue]:
    columns: dict[str, ResearchValue] = {"case": pseudonym(case.case_id, key)}
    columns |= _record_columns(case.client, "client_", include_notes=False)
    context = case.context
    columns["phase"] = _plain(context.phase)
    columns |= _record_columns(context, "", include_notes=False)
    return columns


#: The columns of every row, in order (``note`` only with ``include_notes=True``).
RESEARCH_COLUMNS: tuple[str, ...] = (
    "case",
    *_record_columns(ClientInfo(), "client_", include_notes=False),
    "client_date_of_birth_year",
    "phase",
    *_record_columns(CaseContext(), "", include_notes=False),
    "assessment",
    "assessed_on",
    "factor",
    "factor_number",
    "factor_group",
    "kind",
    "score",
)


def research_rows(
    cases: Iterable[CaseFile], key: bytes, *, include_notes: bool = False
) -> Iterator[dict[str, ResearchValue]]:
    """Tidy rows for analysis, pseudonymised by default (see the module docstring).

    >>> import datetime as dt
    >>> from terugkeer import CaseFile, Assessment
    >>> case = CaseFile("case-7").add_assessment(Assessment.build(dt.date(2026, 3, 2), {"F02": -3}))
    >>> rows = list(research_rows([case], key=b"a secret of sixteen+ bytes"))
    >>> len(rows), rows[1]["factor"], rows[1]["score"]
    (19, 'F02', -3)
    >>> "case-7" in str(rows)
    False
    """
    pseudonym("", key)  # validates the key before anything is produced
    columns = (*RESEARCH_COLUMNS, "note") if include_notes else RESEARCH_COLUMNS
    for case in cases:
        base = _case_columns(case, key)
        base.setdefault("client_date_of_birth_year", None)
        for index, assessment in enumerate(case.assessments):
            for factor, rating in zip(FACTORS, assessment.ratings, strict=True):
                row = dict(base)
                row |= {
                    "assessment": index,
                    "assessed_on": assessment.assessed_on.isoformat(),
                    "factor": factor.id,
                    "factor_number": factor.number,
                    "factor_group": factor.group.value,
                    "kind": rating.kind.value,
                    "score": rating.score,
                }
                if include_notes:
                    row["note"] = rating.note
                yield {c: row.get(c) for c in columns}
