"""Problem codes as data: each code with its English reason, the short text that follows a
problem's path in an error message (``$.assessed_on: is not a calendar date``).

A problem is built from a code and its parameters (bounds, allowed codes, a part's name; never
an input value); its reason is the code's template with those parameters filled in. A code may
have one template per set of parameters it is given (``number.out_of_range`` with a minimum, a
maximum, both or neither). The sentences a person reads are in the gettext catalogues under
``Problem.<code>`` (Dutch and English), with the parameters as ``{name}`` placeholders.
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["FALLBACK_CODE", "PROBLEM_ROWS", "ProblemRow", "parameters", "templates"]

#: The code of the message shown when a translation names a parameter its problem lacks.
FALLBACK_CODE = "invalid"


class ProblemRow(NamedTuple):
    """One problem code and its English reason templates (at most one per set of parameters)."""

    code: str
    reasons: tuple[str, ...]


def parameters(template: str) -> frozenset[str]:
    """The ``{name}`` placeholders of a template.

    >>> sorted(parameters("must be between {min} and {max}"))
    ['max', 'min']
    """
    return frozenset(_PLACEHOLDER.findall(template))


_PLACEHOLDER = re.compile(r"\{(\w+)\}")


PROBLEM_ROWS: tuple[ProblemRow, ...] = (
    ProblemRow("json.not_text", ("must be JSON text",)),
    ProblemRow("json.too_large", ("is larger than {max} bytes",)),
    ProblemRow("json.not_utf8", ("is not UTF-8 text (without a byte order mark)",)),
    ProblemRow("json.invalid", ("is not valid JSON",)),
    ProblemRow("json.too_deep", ("is too deeply nested",)),
    ProblemRow("json.duplicate_key", ("an object has the same key twice",)),
    ProblemRow("json.not_finite", ("NaN and Infinity are not JSON",)),
    ProblemRow("text.lone_surrogate", ("holds a lone surrogate: not UTF-8 text",)),
    ProblemRow("document.wrong_schema", ("must be '{expected}'",)),
    ProblemRow("document.version", ("must be a positive integer",)),
    ProblemRow(
        "document.too_new",
        (
            "version {found} is newer than version {newest}, the newest this library reads; "
            "upgrade terugkeer",
        ),
    ),
    ProblemRow("document.no_migration", ("no migration from version {version}",)),
    ProblemRow("file.unreadable", ("cannot be read as a file",)),
    ProblemRow("file.unwritable", ("cannot be written there (no such folder, or a broken link)",)),
    ProblemRow("key.unknown", ("unknown key",)),
    ProblemRow("key.missing", ("required key is missing",)),
    ProblemRow("value.invalid", ("is not valid here",)),
    ProblemRow("type.object", ("must be an object",)),
    ProblemRow("type.list", ("must be a list",)),
    ProblemRow("type.string", ("must be a string",)),
    ProblemRow("type.integer", ("must be an integer",)),
    ProblemRow("type.boolean", ("must be true or false",)),
    ProblemRow("type.record", ("must be of type {expected}",)),
    ProblemRow(
        "choice.not_allowed",
        (
            "is not one of the choices",
            "must be one of: {allowed}",
        ),
    ),
    ProblemRow("date.format", ("must be a date written YYYY-MM-DD",)),
    ProblemRow("date.not_a_date", ("is not a calendar date",)),
    ProblemRow("datetime.format", ("must be a date and time with a zone (ISO 8601)",)),
    ProblemRow("datetime.not_a_moment", ("is not a calendar date and time",)),
    ProblemRow("datetime.no_zone", ("must carry a time zone",)),
    ProblemRow("decimal.format", ("must be a decimal number",)),
    ProblemRow(
        "number.out_of_range",
        (
            "is out of range",
            "must be between {min} and {max}",
            "must be at least {min}",
            "must be at most {max}",
        ),
    ),
    ProblemRow("number.negative", ("must not be negative",)),
    ProblemRow("list.too_long", ("holds at most {max} items",)),
    ProblemRow("list.duplicate", ("lists a {what} twice",)),
    ProblemRow("text.blank", ("must not be empty",)),
    ProblemRow("currency.unknown", ("must be an ISO 4217 currency code",)),
    ProblemRow("url.invalid", ("must be an http(s) web address",)),
    ProblemRow("text.language_tag", ("must be a language tag (BCP 47), such as ar or fa-AF",)),
    ProblemRow("plan.moved_to_case", ("belongs to the case now: read the plan with its case",)),
    ProblemRow(
        "id.unknown",
        (
            "is not an id of this instrument",
            "unknown {kind} id",
        ),
    ),
    ProblemRow("factor.order", ("expected {expected} (book order)",)),
    ProblemRow("factor.count", ("must rate each of the {count} factors",)),
    ProblemRow("score.not_scored", ("must be absent unless the kind is 'scored'",)),
    ProblemRow("date.in_future", ("is in the future",)),
    ProblemRow(
        "date.before_previous",
        (
            "is before the previous entry",
            "is before the previous {what}",
        ),
    ),
    ProblemRow("date.before_earlier_assessment", ("is before the earlier assessment",)),
    ProblemRow("date.after_assessment", ("is after the assessment",)),
    ProblemRow("date.before_appointment", ("is before the appointment",)),
    ProblemRow("date.before_referral", ("is before the referral was decided",)),
    ProblemRow("overview.no_assessment", ("no assessment of that day",)),
    ProblemRow("overview.differs", ("differs from the assessment of that day",)),
    ProblemRow("plan.client_details", ("client details belong in the case's client field only",)),
    ProblemRow("plan.not_a_part", ("is not a part of the plan",)),
    ProblemRow("plan.no_appointment", ("no such appointment",)),
    ProblemRow("plan.no_activity", ("no such activity in that appointment",)),
    ProblemRow("plan.reason_required", ("is required when the activity was not done",)),
    ProblemRow("signal.other_needs_note", ("must say what was seen for an 'other' signal",)),
    ProblemRow("signal.names_people", ("names whom a signal is about",)),
    ProblemRow("referral.no_reason", ("must name at least one reason",)),
    ProblemRow("referral.no_such", ("no such referral",)),
    ProblemRow("referral.step_order", ("out of order for this referral",)),
    ProblemRow("referral.consult_no_outcome", ("consulting has no outcome",)),
    ProblemRow("consent.missing", ("consulting needs the client's consent",)),
    ProblemRow("consent.parts_missing", ("a handover consent must name the parts",)),
    ProblemRow("consent.part_required", ("travels only with the part {part}",)),
    ProblemRow("history.append_only", ("history cannot be rewritten",)),
    ProblemRow("form.unknown_field", ("is not a field of this form",)),
    ProblemRow(
        "form.once_only",
        (
            "may occur only once",
            "a case holds one {form} response",
        ),
    ),
    ProblemRow("form.shape", ("does not have the shape of this form",)),
    ProblemRow("form.numbering", ("entries must be numbered from 0 without gaps",)),
    ProblemRow(
        "form.wrong_form",
        (
            "is not a response to this form",
            "must be the form {form}",
        ),
    ),
    ProblemRow(
        "fhir.answer",
        (
            "is not an answer this question takes",
            "must hold {expected} alone",
        ),
    ),
    ProblemRow("form.wrong_version", ("is a version of the form {form} this library cannot read",)),
    ProblemRow("fhir.text", ("holds a control character FHIR text cannot hold",)),
    ProblemRow("fhir.decimal", ("has more digits than a JSON number keeps exactly",)),
    ProblemRow("xml.text", ("holds a control character XML cannot hold",)),
    ProblemRow("xml.invalid", ("is not well-formed XML without a document type or entities",)),
    ProblemRow("key.weak", ("holds too few different characters to be hard to guess",)),
    ProblemRow("key.too_short", ("must be at least {min} bytes",)),
    ProblemRow("options.not_field_groups", ("must hold field groups only",)),
    ProblemRow(FALLBACK_CODE, ("is not valid",)),
)


def templates() -> dict[tuple[str, frozenset[str]], str]:
    """Every reason template by its code and the names of its parameters."""
    return {(row.code, parameters(r)): r for row in PROBLEM_ROWS for r in row.reasons}
