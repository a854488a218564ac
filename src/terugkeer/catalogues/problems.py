"""Problem codes as data: each code with the reasons it stands for (regular expressions).

A problem's reason is English text, written where the problem is found; its code is the stable
name a program or a translated UI keys on (``date.not_a_date``), and the named groups of the
matching pattern are its parameters (bounds, allowed codes, a part's name; never an input
value). Messages are in the gettext catalogues under ``Problem.<code>``, with the parameters as
``{name}`` placeholders. A reason no row matches has the code ``invalid``.
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["FALLBACK_CODE", "PROBLEM_ROWS", "ProblemRow"]

#: The code of a reason no row matches (a test keeps every reason of the library matched).
FALLBACK_CODE = "invalid"


class ProblemRow(NamedTuple):
    code: str
    patterns: tuple[str, ...]


PROBLEM_ROWS: tuple[ProblemRow, ...] = (
    ProblemRow(
        "json.not_text",
        (
            r"must be JSON text",
            r"must be a path, or the document as bytes",
        ),
    ),
    ProblemRow(
        "json.too_large",
        (
            r"is larger than (?P<max>\d+) bytes",
            r"would be larger than (?P<max>\d+) bytes: it could not be loaded again",
        ),
    ),
    ProblemRow(
        "json.not_utf8",
        (
            r"is not UTF-8 text \(without a byte order mark\)",
            r"holds text that is not UTF-8",
            r"starts with a byte order mark; documents are plain UTF-8",
        ),
    ),
    ProblemRow(
        "json.invalid",
        (r"is not valid JSON",),
    ),
    ProblemRow(
        "json.too_deep",
        (r"is too deeply nested",),
    ),
    ProblemRow(
        "json.duplicate_key",
        (r"an object has the same key twice",),
    ),
    ProblemRow(
        "json.not_finite",
        (r"NaN and Infinity are not JSON",),
    ),
    ProblemRow(
        "text.lone_surrogate",
        (
            r"holds a lone surrogate: not UTF-8 text",
            r"has a key with a lone surrogate",
        ),
    ),
    ProblemRow(
        "document.wrong_schema",
        (r"must be (?P<expected>'terugkeer/[\w-]+')",),
    ),
    ProblemRow(
        "document.version",
        (r"must be a positive integer",),
    ),
    ProblemRow(
        "document.too_new",
        (
            r"version (?P<found>\d+) is newer than version (?P<newest>\d+), "
            r"the newest this library reads; upgrade terugkeer",
        ),
    ),
    ProblemRow(
        "document.no_migration",
        (r"no migration from version (?P<version>\d+)",),
    ),
    ProblemRow(
        "key.unknown",
        (r"unknown key",),
    ),
    ProblemRow(
        "key.missing",
        (r"required key is missing",),
    ),
    ProblemRow(
        "value.invalid",
        (r"is not valid here",),
    ),
    ProblemRow(
        "type.object",
        (r"must be an object",),
    ),
    ProblemRow(
        "type.list",
        (
            r"must be a list",
            r"must be a tuple",
            r"must be a tuple of ratings",
            r"must be a list of items",
            r"must be a list of text values",
        ),
    ),
    ProblemRow(
        "type.string",
        (
            r"must be a string",
            r"must be an id \(a string\)",
            r"must be one text value",
        ),
    ),
    ProblemRow(
        "type.integer",
        (
            r"must be an integer",
            r"must be a whole number",
        ),
    ),
    ProblemRow(
        "type.boolean",
        (r"must be true or false",),
    ),
    ProblemRow(
        "type.record",
        (
            r"must be an? (?P<expected>[A-Z]\w+)",
            r"must be of type (?P<expected>\w+)",
        ),
    ),
    ProblemRow(
        "choice.not_allowed",
        (
            r"must be one of: (?P<allowed>.+)",
            r"is not one of the choices",
        ),
    ),
    ProblemRow(
        "date.format",
        (
            r"must be a date written YYYY-MM-DD",
            r"must be a date",
        ),
    ),
    ProblemRow(
        "date.not_a_date",
        (r"is not a calendar date",),
    ),
    ProblemRow(
        "datetime.format",
        (
            r"must be a date and time with a zone \(ISO 8601\)",
            r"must be a date and time",
        ),
    ),
    ProblemRow(
        "datetime.not_a_moment",
        (r"is not a calendar date and time",),
    ),
    ProblemRow(
        "datetime.no_zone",
        (r"must carry a time zone",),
    ),
    ProblemRow(
        "decimal.format",
        (
            r"must be a decimal number written as a string",
            r"must be a decimal number",
            r"must be a finite decimal",
        ),
    ),
    ProblemRow(
        "number.out_of_range",
        (
            r"is out of range",
            r"must be between (?P<min>\d+) and (?P<max>\d+)",
            r"must be at least (?P<min>\d+)",
            r"must be at most (?P<max>\d+)",
        ),
    ),
    ProblemRow(
        "number.negative",
        (
            r"must be 0 or more",
            r"must not be negative",
        ),
    ),
    ProblemRow(
        "list.too_long",
        (r"holds at most (?P<max>\d+) items",),
    ),
    ProblemRow(
        "list.duplicate",
        (r"lists a (?P<what>\w+) twice",),
    ),
    ProblemRow(
        "text.blank",
        (
            r"must not be blank",
            r"must not be empty",
            r"must name the organisation",
        ),
    ),
    ProblemRow(
        "currency.unknown",
        (r"must be an ISO 4217 currency code",),
    ),
    ProblemRow(
        "url.invalid",
        (r"must be an http\(s\) web address",),
    ),
    ProblemRow(
        "plan.moved_to_case",
        (r"belongs to the case now: read the plan with its case",),
    ),
    ProblemRow(
        "id.unknown",
        (
            r"unknown (?P<kind>factor|plan section|signal|suicide-step|wellbeing item|risk factor"
            r"|protective factor|social map entry|currency) id",
            r"not an item of this instrument",
        ),
    ),
    ProblemRow(
        "factor.order",
        (
            r"expected (?P<expected>F\d\d) \(book order\)",
            r"is not the factor of this key",
        ),
    ),
    ProblemRow(
        "factor.count",
        (r"must rate each of the (?P<count>\d+) factors",),
    ),
    ProblemRow(
        "score.not_scored",
        (r"must be absent unless the kind is 'scored'",),
    ),
    ProblemRow(
        "date.in_future",
        (r"is in the future",),
    ),
    ProblemRow(
        "date.before_previous",
        (r"is before the previous(?: (?P<what>change|appointment|step))?",),
    ),
    ProblemRow(
        "date.before_earlier_assessment",
        (
            r"is before the earlier assessment",
            r"is before the assessment it starts from",
        ),
    ),
    ProblemRow(
        "date.after_assessment",
        (r"is after the assessment",),
    ),
    ProblemRow(
        "date.before_appointment",
        (
            r"is before the appointment it updates",
            r"is before the appointment itself",
        ),
    ),
    ProblemRow(
        "date.before_referral",
        (r"is before the referral was decided",),
    ),
    ProblemRow(
        "overview.no_assessment",
        (r"no assessment of that day",),
    ),
    ProblemRow(
        "overview.differs",
        (r"differs from the assessment of that day",),
    ),
    ProblemRow(
        "plan.client_details",
        (r"client details belong in the case's client field only",),
    ),
    ProblemRow(
        "plan.not_a_part",
        (r"is not a part of the plan",),
    ),
    ProblemRow(
        "plan.no_appointment",
        (r"no such appointment",),
    ),
    ProblemRow(
        "plan.no_activity",
        (r"no such activity in that appointment",),
    ),
    ProblemRow(
        "plan.reason_required",
        (r"is required when the activity was not done",),
    ),
    ProblemRow(
        "signal.other_needs_note",
        (r"must say what was seen for an 'other' signal",),
    ),
    ProblemRow(
        "signal.names_people",
        (r"names whom a signal is about",),
    ),
    ProblemRow(
        "referral.no_reason",
        (r"must name at least one reason",),
    ),
    ProblemRow(
        "referral.no_such",
        (r"no such referral",),
    ),
    ProblemRow(
        "referral.step_order",
        (r"out of order for this referral",),
    ),
    ProblemRow(
        "referral.consult_no_outcome",
        (r"consulting has no outcome",),
    ),
    ProblemRow(
        "consent.missing",
        (r"consulting needs the client's consent",),
    ),
    ProblemRow(
        "consent.parts_missing",
        (r"a handover consent must name the parts",),
    ),
    ProblemRow(
        "consent.part_required",
        (
            r"travels only with the part (?P<part>\w+)",
            r"identifies people: that needs the part (?P<part>client_details)",
        ),
    ),
    ProblemRow(
        "history.append_only",
        (
            r"history cannot be rewritten",
            r"only grows: use the add methods",
        ),
    ),
    ProblemRow(
        "form.unknown_field",
        (
            r"is not a field of this form",
            r"is not an item of this questionnaire here",
            r"is not a questionnaire of a case",
        ),
    ),
    ProblemRow(
        "form.once_only",
        (
            r"is posted twice",
            r"this question takes one answer",
            r"this group does not repeat",
            r"a case holds one (?P<form>[\w.]+) response",
        ),
    ),
    ProblemRow(
        "form.shape",
        (
            r"must hold the fields of a group",
            r"must be the posted fields, by name",
            r"a group holds items, not answers",
            r"a question holds answers, not items",
            r"a question holds text, not elements",
        ),
    ),
    ProblemRow(
        "form.numbering",
        (
            r"entries must be numbered from 0 without gaps",
            r"must be numbered entries: name\[0\], name\[1\] \.\.\.",
        ),
    ),
    ProblemRow(
        "form.wrong_form",
        (
            r"must be 'QuestionnaireResponse'",
            r"must be the questionnaire of (?P<form>[\w.]+)",
            r"must be (?P<expected>terugkeer_\w+)",
        ),
    ),
    ProblemRow(
        "fhir.answer",
        (
            r"must be an answer object",
            r"must hold (?P<expected>value\w+) alone",
            r"has the wrong type",
            r"must be a code",
            r"is not of this item's code system",
        ),
    ),
    ProblemRow(
        "fhir.text",
        (r"holds white space FHIR text cannot hold \(such as a non-breaking space\)",),
    ),
    ProblemRow(
        "xml.text",
        (r"holds a control character XML cannot hold",),
    ),
    ProblemRow(
        "xml.invalid",
        (
            r"is not well-formed XML",
            r"must be XML text",
            r"must not declare a document type or entities",
        ),
    ),
    ProblemRow(
        "key.too_short",
        (r"must be at least (?P<min>\d+) bytes",),
    ),
    ProblemRow(
        "options.not_field_groups",
        (r"must hold field groups only",),
    ),
)
