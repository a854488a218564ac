"""JSON documents: every record of terugkeer saved and loaded through one strict converter.

A document is a JSON object that says what it is and in which version of its format::

    {"schema": "terugkeer/assessment", "version": 1, "assessed_on": "2026-03-02", ...}

Loading refuses unknown keys, wrong JSON types (``2.7``, ``"2"`` and ``true`` are not scores),
out-of-range values and documents of another schema, and reports every problem at once as a
:class:`~terugkeer.errors.ValidationError` whose paths never contain the offending values.
Older versions load through explicit migrations; a newer version than this library knows is an
error naming both versions.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import cattrs

from terugkeer import actionplan as ap
from terugkeer import case as cf
from terugkeer import health as hc
from terugkeer import referral as rf
from terugkeer import signals as sg
from terugkeer import wellbeing as wb
from terugkeer.casesummary import CaseSummary
from terugkeer.context import LegalCheckAdvice
from terugkeer.errors import MAX_PROBLEMS, Problem, ValidationError
from terugkeer.factors import Assessment, FactorChange, NewConsideration, Rating, Totals
from terugkeer.healthfindings import HealthFinding
from terugkeer.overviews import ChangeCandidate, ChangePossibility, WeightyFactor
from terugkeer.planning import MonitoringAdvice, PlanAttention, SectionProgress
from terugkeer.socialmap import MapEntry, SocialMap
from terugkeer.stamps import Entered

from ._json import accelerated_parse, encode, native_encode, native_writes
from .converter import FAST_CONVERTER, _orjson_converter, child_path, structure

__all__ = [
    "DOCUMENT_TYPES",
    "MAX_DOCUMENT_BYTES",
    "Migration",
    "dumps",
    "from_document",
    "loads",
    "parse",
    "to_document",
]

T = TypeVar("T")

#: A migration turns the body of a document of version N into the body of version N + 1.
Migration = Callable[[dict[str, Any]], dict[str, Any]]

#: Inputs larger than this many bytes are refused before parsing.
MAX_DOCUMENT_BYTES = 10_000_000

#: Each serialisable type, its schema name and the current version of its format.
DOCUMENT_TYPES: Mapping[type, tuple[str, int]] = {
    Rating: ("terugkeer/rating", 1),
    Assessment: ("terugkeer/assessment", 3),
    NewConsideration: ("terugkeer/new-consideration", 1),
    Entered: ("terugkeer/entered", 1),
    Totals: ("terugkeer/totals", 1),
    FactorChange: ("terugkeer/factor-change", 2),
    ChangeCandidate: ("terugkeer/change-candidate", 1),
    ChangePossibility: ("terugkeer/change-possibility", 1),
    WeightyFactor: ("terugkeer/weighty-factor", 2),
    ap.ActionPlan: ("terugkeer/action-plan", 4),
    ap.OrganisationInfo: ("terugkeer/organisation-info", 1),
    ap.ClientInfo: ("terugkeer/client-info", 1),
    ap.PlaceAnswer: ("terugkeer/place-answer", 1),
    ap.Background: ("terugkeer/background", 1),
    ap.Goals: ("terugkeer/goals", 1),
    ap.Needs: ("terugkeer/needs", 1),
    ap.GoalNeeds: ("terugkeer/goal-needs", 1),
    ap.Helper: ("terugkeer/helper", 1),
    ap.HelperPlaces: ("terugkeer/helper-places", 1),
    ap.Support: ("terugkeer/support", 1),
    ap.ChildPlan: ("terugkeer/child-plan", 2),
    ap.Safety: ("terugkeer/safety", 2),
    ap.Information: ("terugkeer/information", 1),
    ap.ComplaintCare: ("terugkeer/complaint-care", 1),
    ap.HealthSection: ("terugkeer/health-section", 1),
    ap.LeftBehind: ("terugkeer/left-behind", 2),
    ap.Dread: ("terugkeer/dread", 1),
    ap.OwnExpectations: ("terugkeer/own-expectations", 2),
    ap.PracticalTask: ("terugkeer/practical-task", 1),
    ap.InvolvedOrganisation: ("terugkeer/involved-organisation", 1),
    ap.Handover: ("terugkeer/handover", 1),
    ap.Monitoring: ("terugkeer/monitoring", 2),
    ap.Activity: ("terugkeer/activity", 1),
    ap.Appointment: ("terugkeer/appointment", 3),
    ap.ActivityUpdate: ("terugkeer/activity-update", 2),
    ap.FamilyMemberView: ("terugkeer/family-member-view", 1),
    SectionProgress: ("terugkeer/section-progress", 1),
    PlanAttention: ("terugkeer/plan-attention", 2),
    MonitoringAdvice: ("terugkeer/monitoring-advice", 2),
    hc.HealthChecklist: ("terugkeer/health-checklist", 1),
    hc.Source: ("terugkeer/source", 1),
    hc.Money: ("terugkeer/money", 1),
    hc.SourcedAnswer: ("terugkeer/sourced-answer", 1),
    hc.SourcedText: ("terugkeer/sourced-text", 1),
    hc.SourcedCost: ("terugkeer/sourced-cost", 1),
    hc.Medicine: ("terugkeer/medicine", 1),
    hc.Facility: ("terugkeer/facility", 1),
    hc.Network: ("terugkeer/network", 1),
    hc.DecisionCapacity: ("terugkeer/decision-capacity", 1),
    hc.HealthHandover: ("terugkeer/health-handover", 1),
    HealthFinding: ("terugkeer/health-finding", 2),
    sg.SignalLog: ("terugkeer/signal-log", 3),
    sg.SignalObservation: ("terugkeer/signal-observation", 3),
    sg.FactorsRecord: ("terugkeer/factors-record", 1),
    sg.Taxation: ("terugkeer/taxation", 1),
    sg.Referral: ("terugkeer/referral", 1),
    sg.StepRecord: ("terugkeer/step-record", 1),
    sg.EmotionObservation: ("terugkeer/emotion-observation", 1),
    sg.EmotionRecord: ("terugkeer/emotion-record", 1),
    rf.ReferralIndication: ("terugkeer/referral-indication", 1),
    rf.OpenStep: ("terugkeer/open-step", 1),
    rf.Guidance: ("terugkeer/guidance", 1),
    rf.SignalSummary: ("terugkeer/signal-summary", 2),
    wb.EmotionExample: ("terugkeer/emotion-example", 1),
    wb.EmotionExercise: ("terugkeer/emotion-exercise", 1),
    wb.SignalsCheck: ("terugkeer/signals-check", 1),
    wb.StressSelfCheck: ("terugkeer/stress-self-check", 1),
    wb.StressAdvice: ("terugkeer/stress-advice", 2),
    wb.ReactionsReflection: ("terugkeer/reactions-reflection", 1),
    wb.ReflectionSummary: ("terugkeer/reflection-summary", 1),
    wb.IntervisionEntry: ("terugkeer/intervision-entry", 1),
    wb.IntervisionReflection: ("terugkeer/intervision-reflection", 1),
    MapEntry: ("terugkeer/map-entry", 2),
    SocialMap: ("terugkeer/social-map", 2),
    LegalCheckAdvice: ("terugkeer/legal-check-advice", 1),
    cf.CaseFile: ("terugkeer/case", 5),
    cf.CaseContext: ("terugkeer/case-context", 2),
    cf.PhaseChange: ("terugkeer/phase-change", 2),
    cf.ConsentRecord: ("terugkeer/consent", 2),
    cf.HandoverBundle: ("terugkeer/handover-bundle", 4),
    cf.ClinicianBundle: ("terugkeer/clinician-bundle", 1),
    cf.ReferralBundle: ("terugkeer/referral-bundle", 1),
    CaseSummary: ("terugkeer/case-summary", 2),
}


def _unchanged(body: dict[str, Any]) -> dict[str, Any]:
    """Version 2 only added optional fields (or widened a bound): a version 1 body is valid."""
    return body


def _weighty_factor_v2(body: dict[str, Any]) -> dict[str, Any]:
    """An Overview 3 row of version 1 had no chosen kind: mark it "not yet chosen".

    The kind is never guessed from the sign of the score (§3.7); counsellor and client choose it.
    """
    return body if "kind" in body else {**body, "kind": "not_yet_chosen"}


def _weighty_rows_v2(body: dict[str, Any]) -> dict[str, Any]:
    """A case or bundle of version 1: each of its Overview 3 rows as in ``_weighty_factor_v2``."""
    rows = body.get("weighty_factors")
    if not isinstance(rows, list):
        return body
    upgraded = [_weighty_factor_v2(r) if isinstance(r, dict) else r for r in rows]
    return {**body, "weighty_factors": upgraded}


def _health_finding_v2(body: dict[str, Any]) -> dict[str, Any]:
    """Version 1 reported an unknown or missing triad answer as a care gap too."""
    if body.get("kind") == "care_gap" and body.get("answer") != "no":
        return {**body, "kind": "care_unknown"}
    return body


def _empty(value: object) -> bool:
    """Whether a stored value holds nothing: no text, no list items, no answer, at any depth."""
    if isinstance(value, dict):
        return all(_empty(v) for v in value.values())
    return value in (None, "", [], False)


def _plan_v4(body: dict[str, Any]) -> dict[str, Any]:
    """A plan of version 3 carried the client's details and the family members' views, which
    are the case's (kept once, in the case file). Empty, they go; filled in, the plan cannot be
    read alone without losing them: it is refused, to be read with its case."""
    plan = dict(body)
    problems = []
    for name in ("client", "family"):
        if name in plan and not _empty(plan[name]):
            problems.append(Problem(f"$.{name}", "plan.moved_to_case"))
        elif name in plan:
            del plan[name]
    if problems:
        raise ValidationError(problems)
    return plan


def _moved_family(body: dict[str, Any]) -> dict[str, Any]:
    """A case or handover bundle of the previous version: the plan's family views join the
    document's own ``family`` (those not in it already, in order), and an empty client header
    leaves the plan (a filled-in one stays, and is refused as an unknown key, with its path)."""
    plan = body.get("plan")
    if not isinstance(plan, dict):
        return body
    plan = dict(plan)
    family = body.get("family", [])
    moved = plan.pop("family", [])
    if isinstance(family, list) and isinstance(moved, list):
        family = family + [view for view in moved if view not in family]
    elif moved:
        plan["family"] = moved  # not a list: left where it was, to be refused with its path
    if "client" in plan and _empty(plan["client"]):
        del plan["client"]
    return {**body, "plan": plan, "family": family}


#: Explicit upgrade steps: ``(schema, N) -> migration`` from version N to N + 1. Each change of a
#: stored format adds its step here and a test with a stored old document. Derived results (a
#: comparison, a summary, plan reminders) have no step: compute them again from the records.
MIGRATIONS: Mapping[tuple[str, int], Migration] = {
    ("terugkeer/assessment", 1): _unchanged,
    ("terugkeer/weighty-factor", 1): _weighty_factor_v2,
    ("terugkeer/action-plan", 1): _unchanged,
    ("terugkeer/child-plan", 1): _unchanged,
    ("terugkeer/safety", 1): _unchanged,
    ("terugkeer/left-behind", 1): _unchanged,
    ("terugkeer/own-expectations", 1): _unchanged,
    ("terugkeer/monitoring", 1): _unchanged,
    ("terugkeer/appointment", 1): _unchanged,
    ("terugkeer/activity-update", 1): _unchanged,
    ("terugkeer/health-finding", 1): _health_finding_v2,
    ("terugkeer/signal-log", 1): _unchanged,
    ("terugkeer/signal-observation", 1): _unchanged,
    ("terugkeer/map-entry", 1): _unchanged,
    ("terugkeer/social-map", 1): _unchanged,
    ("terugkeer/case", 1): _weighty_rows_v2,
    ("terugkeer/case", 2): _unchanged,  # version 3 added the optional ``revision``
    # The next versions added the optional ``entered`` stamp (who entered a record, when):
    ("terugkeer/assessment", 2): _unchanged,
    ("terugkeer/action-plan", 2): _unchanged,
    ("terugkeer/appointment", 2): _unchanged,
    ("terugkeer/signal-log", 2): _unchanged,
    ("terugkeer/signal-observation", 2): _unchanged,
    ("terugkeer/case", 3): _unchanged,
    ("terugkeer/case-context", 1): _unchanged,
    ("terugkeer/phase-change", 1): _unchanged,
    ("terugkeer/consent", 1): _unchanged,
    ("terugkeer/handover-bundle", 2): _unchanged,
    ("terugkeer/handover-bundle", 1): _weighty_rows_v2,
    # The client's details and the family's views are the case's only (kept once):
    ("terugkeer/action-plan", 3): _plan_v4,
    ("terugkeer/case", 4): _moved_family,
    ("terugkeer/handover-bundle", 3): _moved_family,
}


def _schema_of(cls: type) -> tuple[str, int]:
    found = DOCUMENT_TYPES.get(cls)
    if found is None:
        raise TypeError(f"{cls.__name__} is not a terugkeer document type")
    return found


def to_document(obj: object) -> dict[str, Any]:
    """The JSON-ready dict of a record, headed by its ``schema`` and ``version``."""
    return _document(obj, FAST_CONVERTER)


def _document(obj: object, converter: cattrs.Converter) -> dict[str, Any]:
    schema, version = _schema_of(type(obj))
    body: dict[str, Any] = converter.unstructure(obj)
    return {"schema": schema, "version": version, **body}


def dumps(obj: object, *, indent: int | None = None) -> str:
    """Serialise a record to a JSON document: compact, or indented by ``indent`` spaces.

    The text is UTF-8-ready (no ``\\u`` escapes beyond the control characters JSON requires),
    the same whether or not orjson is installed.

    >>> from terugkeer import Rating
    >>> dumps(Rating.scored("F02", -3))
    '{"schema":"terugkeer/rating","version":1,"factor":"F02","kind":"scored","score":-3,"note":""}'
    >>> print(dumps(Rating.scored("F02", -3), indent=2))
    {
      "schema": "terugkeer/rating",
      "version": 1,
      "factor": "F02",
      "kind": "scored",
      "score": -3,
      "note": ""
    }
    """
    if native_writes(indent):  # orjson, handed what it writes itself (dates, codes, tuples)
        text = native_encode(_document(obj, _orjson_converter()), indent)
        if text is not None:
            return text
    return encode(to_document(obj), indent)


def from_document(
    data: object,
    cls: type[T],
    *,
    migrations: Mapping[tuple[str, int], Migration] | None = None,
) -> T:
    """Validate a parsed document and build ``cls`` from it, migrating older versions first.

    ``migrations`` replaces the built-in steps (for tests and for projects that extend formats).
    """
    schema, current = _schema_of(cls)
    steps = MIGRATIONS if migrations is None else migrations
    if type(data) is not dict:
        raise ValidationError.at("$", "type.object")
    problems: list[Problem] = []
    if data.get("schema") != schema:
        problems.append(Problem("$.schema", "document.wrong_schema", {"expected": schema}))
    version = data.get("version")
    if type(version) is not int or version < 1:
        problems.append(Problem("$.version", "document.version"))
    elif version > current:
        problems.append(
            Problem("$.version", "document.too_new", {"found": version, "newest": current})
        )
    if problems:
        raise ValidationError(problems)
    assert type(version) is int
    body = {k: v for k, v in data.items() if k not in ("schema", "version")}
    while version < current:
        step = steps.get((schema, version))
        if step is None:
            raise ValidationError.at("$.version", "document.no_migration", {"version": version})
        body = step(body)
        version += 1
    return structure(body, cls)


class _Refused(Exception):
    """Raised inside the JSON parser's hooks; carries a problem code, never a value."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def _refuse_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise _Refused("json.duplicate_key")
    return result


def _refuse_constant(_: str) -> None:
    raise _Refused("json.not_finite")


def _decode(data: bytes) -> str | None:
    """UTF-8 text without a byte order mark, or None."""
    if data[:3] == b"\xef\xbb\xbf" or data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _is_text(value: str) -> bool:
    """True unless the string holds a lone surrogate (which no UTF-8 file can hold)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


#: An escaped surrogate, leading (D800–DBFF) or trailing (DC00–DFFF). JSON text without one
#: (and, for a ``str``, without a raw surrogate) holds no lone surrogate: the exact walk is skipped.
_ESCAPED_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]")


def _text_problems(data: object) -> list[Problem]:
    """Lone surrogates, each by path; walks without recursion."""
    problems: list[Problem] = []
    stack: list[tuple[object, str]] = [(data, "$")]
    while stack and len(problems) < MAX_PROBLEMS:
        value, path = stack.pop()
        if isinstance(value, str):
            if not _is_text(value):
                problems.append(Problem(path, "text.lone_surrogate"))
        elif isinstance(value, dict):
            for key, item in value.items():
                if not _is_text(key):
                    problems.append(Problem(path, "text.lone_surrogate"))
                    continue
                stack.append((item, child_path(path, key)))
        elif isinstance(value, list):
            stack.extend((item, f"{path}[{i}]") for i, item in enumerate(value))
    return problems


def parse(text: str | bytes, *, accelerate: bool = True) -> object:
    """Parse a JSON document strictly: UTF-8 only (no byte order mark, no UTF-16 or UTF-32), no
    duplicate keys, no NaN, no lone surrogates, no nesting deeper than the parser allows, at most
    :data:`MAX_DOCUMENT_BYTES`. Every failure is a :class:`ValidationError` that keeps no link to
    the input (no ``__context__`` or ``__cause__``).

    With ``terugkeer[fast]`` installed, a document in terugkeer's own form (one orjson writes
    back byte for byte) is parsed without the costly duplicate-key check, and jiter checks any
    other; whatever they refuse goes to the standard library, which gives the reason, so results
    and errors are the same on every route.
    ``accelerate=False`` uses the standard library alone.
    """
    code: str | None = None
    surrogates = False  # a str may hold raw surrogates; text decoded from UTF-8 cannot
    if isinstance(text, bytes):
        if len(text) > MAX_DOCUMENT_BYTES:
            raise ValidationError.at("$", "json.too_large", {"max": MAX_DOCUMENT_BYTES})
        if accelerate:
            accepted, data = accelerated_parse(text)  # orjson or jiter, when installed
            if accepted:
                return data
        decoded = _decode(text)
        if decoded is None:
            raise ValidationError.at("$", "json.not_utf8")
        text = decoded
    elif not isinstance(text, str):
        raise ValidationError.at("$", "json.not_text")
    else:
        try:
            encoded = text.encode("utf-8")
        except UnicodeEncodeError:  # raw surrogates: the walk below names their paths
            surrogates = True
            encoded = text.encode("utf-8", "surrogatepass")
        if len(text) > MAX_DOCUMENT_BYTES or len(encoded) > MAX_DOCUMENT_BYTES:
            raise ValidationError.at("$", "json.too_large", {"max": MAX_DOCUMENT_BYTES})
        if accelerate and not surrogates:
            accepted, data = accelerated_parse(encoded)
            if accepted:
                return data
    if text.startswith("\ufeff"):
        raise ValidationError.at("$", "json.not_utf8")
    data = None
    try:
        data = json.loads(
            text, object_pairs_hook=_refuse_duplicates, parse_constant=_refuse_constant
        )
    except _Refused as refused:
        code = refused.code
    except RecursionError:
        code = "json.too_deep"
    except ValueError:  # JSONDecodeError: it holds the whole document, so it goes no further
        code = "json.invalid"
    if code is not None:
        raise ValidationError.at("$", code)
    if surrogates or ("\\u" in text and _ESCAPED_SURROGATE.search(text)):
        problems = _text_problems(data)  # exact, by path; only when the text hints at a problem
        if problems:
            raise ValidationError(problems)
    return data


def loads(
    text: str | bytes,
    cls: type[T],
    *,
    migrations: Mapping[tuple[str, int], Migration] | None = None,
) -> T:
    """Parse and validate a JSON document into ``cls``; bad input is a :class:`ValidationError`.

    >>> loads('{"schema": "terugkeer/rating", "version": 1, "factor": "F02", '
    ...       '"kind": "scored", "score": 2.7}', Rating)
    Traceback (most recent call last):
    ...
    terugkeer.errors.ValidationError: 1 problem: $.score: must be an integer
    """
    return from_document(parse(text), cls, migrations=migrations)
