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

import importlib
import json
import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any, TypeVar

import cattrs

from terugkeer.errors import MAX_PROBLEMS, Problem, ValidationError

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

#: Each serialisable type by its module and class name (below ``terugkeer``), its schema name and
#: the current version of its format. Names, not classes: reading an assessment imports no action
#: plan, and ``import terugkeer; terugkeer.loads`` imports no instrument at all.
_SCHEMAS: dict[str, tuple[str, int]] = {
    "factors.Rating": ("terugkeer/rating", 1),
    "factors.Assessment": ("terugkeer/assessment", 3),
    "factors.NewConsideration": ("terugkeer/new-consideration", 1),
    "stamps.Entered": ("terugkeer/entered", 1),
    "factors.Totals": ("terugkeer/totals", 1),
    "factors.FactorChange": ("terugkeer/factor-change", 3),
    "overviews.ChangeCandidate": ("terugkeer/change-candidate", 1),
    "overviews.ChangePossibility": ("terugkeer/change-possibility", 1),
    "overviews.WeightyFactor": ("terugkeer/weighty-factor", 2),
    "actionplan.ActionPlan": ("terugkeer/action-plan", 7),
    "actionplan.OrganisationInfo": ("terugkeer/organisation-info", 2),
    "actionplan.ClientInfo": ("terugkeer/client-info", 1),
    "actionplan.PlaceAnswer": ("terugkeer/place-answer", 1),
    "actionplan.Background": ("terugkeer/background", 1),
    "actionplan.Goals": ("terugkeer/goals", 1),
    "actionplan.Needs": ("terugkeer/needs", 1),
    "actionplan.GoalNeeds": ("terugkeer/goal-needs", 1),
    "actionplan.Helper": ("terugkeer/helper", 1),
    "actionplan.HelperPlaces": ("terugkeer/helper-places", 1),
    "actionplan.Support": ("terugkeer/support", 1),
    "actionplan.ChildPlan": ("terugkeer/child-plan", 2),
    "actionplan.Safety": ("terugkeer/safety", 2),
    "actionplan.Information": ("terugkeer/information", 1),
    "actionplan.ComplaintCare": ("terugkeer/complaint-care", 1),
    "actionplan.HealthSection": ("terugkeer/health-section", 1),
    "actionplan.LeftBehind": ("terugkeer/left-behind", 2),
    "actionplan.Dread": ("terugkeer/dread", 1),
    "actionplan.OwnExpectations": ("terugkeer/own-expectations", 2),
    "actionplan.PracticalTask": ("terugkeer/practical-task", 2),
    "actionplan.InvolvedOrganisation": ("terugkeer/involved-organisation", 1),
    "actionplan.Handover": ("terugkeer/handover", 1),
    "actionplan.Monitoring": ("terugkeer/monitoring", 2),
    "actionplan.Activity": ("terugkeer/activity", 1),
    "actionplan.Appointment": ("terugkeer/appointment", 3),
    "actionplan.ActivityUpdate": ("terugkeer/activity-update", 3),
    "actionplan.FamilyMemberView": ("terugkeer/family-member-view", 2),
    "planning.SectionProgress": ("terugkeer/section-progress", 1),
    "planning.PlanAttention": ("terugkeer/plan-attention", 2),
    "planning.MonitoringAdvice": ("terugkeer/monitoring-advice", 2),
    "health.HealthChecklist": ("terugkeer/health-checklist", 2),
    "health.Source": ("terugkeer/source", 2),
    "health.Money": ("terugkeer/money", 1),
    "health.SourcedAnswer": ("terugkeer/sourced-answer", 2),
    "health.SourcedText": ("terugkeer/sourced-text", 2),
    "health.SourcedCost": ("terugkeer/sourced-cost", 2),
    "health.Medicine": ("terugkeer/medicine", 2),
    "health.Facility": ("terugkeer/facility", 2),
    "health.Network": ("terugkeer/network", 2),
    "health.DecisionCapacity": ("terugkeer/decision-capacity", 2),
    "health.HealthHandover": ("terugkeer/health-handover", 2),
    "healthfindings.HealthFinding": ("terugkeer/health-finding", 3),
    "signals.SignalLog": ("terugkeer/signal-log", 4),
    "signals.SignalObservation": ("terugkeer/signal-observation", 3),
    "signals.FactorsRecord": ("terugkeer/factors-record", 1),
    "signals.Taxation": ("terugkeer/taxation", 1),
    "signals.Referral": ("terugkeer/referral", 1),
    "signals.StepRecord": ("terugkeer/step-record", 2),
    "signals.EmotionObservation": ("terugkeer/emotion-observation", 1),
    "signals.EmotionRecord": ("terugkeer/emotion-record", 1),
    "referral.ReferralIndication": ("terugkeer/referral-indication", 1),
    "referral.OpenStep": ("terugkeer/open-step", 1),
    "referral.Guidance": ("terugkeer/guidance", 1),
    "referral.SignalSummary": ("terugkeer/signal-summary", 2),
    "wellbeing.EmotionExample": ("terugkeer/emotion-example", 1),
    "wellbeing.EmotionExercise": ("terugkeer/emotion-exercise", 1),
    "wellbeing.SignalsCheck": ("terugkeer/signals-check", 1),
    "wellbeing.StressSelfCheck": ("terugkeer/stress-self-check", 1),
    "wellbeing.StressAdvice": ("terugkeer/stress-advice", 2),
    "wellbeing.ReactionsReflection": ("terugkeer/reactions-reflection", 1),
    "wellbeing.ReflectionSummary": ("terugkeer/reflection-summary", 1),
    "wellbeing.IntervisionEntry": ("terugkeer/intervision-entry", 1),
    "wellbeing.IntervisionReflection": ("terugkeer/intervision-reflection", 1),
    "wellbeing.CounsellorJournal": ("terugkeer/counsellor-journal", 1),
    "socialmap.MapEntry": ("terugkeer/map-entry", 2),
    "socialmap.SocialMap": ("terugkeer/social-map", 2),
    "context.LegalCheckAdvice": ("terugkeer/legal-check-advice", 1),
    "case.CaseFile": ("terugkeer/case", 8),
    "case.CaseContext": ("terugkeer/case-context", 2),
    "case.PhaseChange": ("terugkeer/phase-change", 2),
    "case.ConsentRecord": ("terugkeer/consent", 2),
    "case.HandoverBundle": ("terugkeer/handover-bundle", 7),
    "case.ClinicianBundle": ("terugkeer/clinician-bundle", 2),
    "case.ReferralBundle": ("terugkeer/referral-bundle", 2),
    "casesummary.CaseSummary": ("terugkeer/case-summary", 3),
}


def _class_name(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}".removeprefix("terugkeer.")


class _DocumentTypes(Mapping[type, tuple[str, int]]):
    """Each document type with its schema name and version. Looking one up imports nothing;
    listing them imports every instrument module that defines one."""

    __slots__ = ()

    def __getitem__(self, cls: type) -> tuple[str, int]:
        found = _KNOWN.get(cls)
        if found is None:
            name = _class_name(cls) if isinstance(cls, type) else ""
            found = _SCHEMAS.get(name)
            if found is None or _resolved(name) is not cls:  # another class of the same name
                raise KeyError(cls)
            _KNOWN[cls] = found
        return found

    def __iter__(self) -> Iterator[type]:
        return (_resolved(name) for name in _SCHEMAS)

    def __len__(self) -> int:
        return len(_SCHEMAS)

    def __repr__(self) -> str:
        return f"DOCUMENT_TYPES({len(_SCHEMAS)} types)"


#: The document types looked up so far (a class's name is worked out once).
_KNOWN: dict[type, tuple[str, int]] = {}


def _resolved(name: str) -> type:
    module, _, qualname = name.rpartition(".")
    found: type = getattr(importlib.import_module(f"terugkeer.{module}"), qualname)
    return found


#: Each serialisable type, its schema name and the current version of its format.
DOCUMENT_TYPES: Mapping[type, tuple[str, int]] = _DocumentTypes()


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
    # Every whole number got a bound every export format holds (the revision, an appointment's
    # and a referral's number; at most 10,000 appointments and referrals):
    ("terugkeer/action-plan", 4): _unchanged,
    ("terugkeer/activity-update", 2): _unchanged,
    ("terugkeer/signal-log", 3): _unchanged,
    ("terugkeer/step-record", 1): _unchanged,
    ("terugkeer/case", 5): _unchanged,
    ("terugkeer/handover-bundle", 4): _unchanged,
    ("terugkeer/referral-bundle", 1): _unchanged,
    # Answers nobody gave are no longer defaults (a task's kind, whether a family member is a
    # minor, whether a source is in the country of origin): older documents keep what they hold.
    ("terugkeer/action-plan", 5): _unchanged,
    ("terugkeer/practical-task", 1): _unchanged,
    ("terugkeer/family-member-view", 1): _unchanged,
    ("terugkeer/health-checklist", 1): _unchanged,
    ("terugkeer/source", 1): _unchanged,
    ("terugkeer/sourced-answer", 1): _unchanged,
    ("terugkeer/sourced-text", 1): _unchanged,
    ("terugkeer/sourced-cost", 1): _unchanged,
    ("terugkeer/medicine", 1): _unchanged,
    ("terugkeer/facility", 1): _unchanged,
    ("terugkeer/network", 1): _unchanged,
    ("terugkeer/decision-capacity", 1): _unchanged,
    ("terugkeer/health-handover", 1): _unchanged,
    ("terugkeer/case", 6): _unchanged,
    ("terugkeer/handover-bundle", 5): _unchanged,
    ("terugkeer/clinician-bundle", 1): _unchanged,
    # Two movements and two kinds of health finding more: every older document still holds.
    ("terugkeer/factor-change", 2): _unchanged,
    ("terugkeer/health-finding", 2): _unchanged,
    ("terugkeer/case-summary", 2): _unchanged,
    # The plan's header records the language of the conversation and whether an interpreter took
    # part (both optional: an older plan did not record them, and nothing is guessed for it).
    ("terugkeer/organisation-info", 1): _unchanged,
    ("terugkeer/action-plan", 6): _unchanged,
    ("terugkeer/case", 7): _unchanged,
    ("terugkeer/handover-bundle", 6): _unchanged,
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

    >>> from terugkeer import Rating
    >>> loads('{"schema": "terugkeer/rating", "version": 1, "factor": "F02", '
    ...       '"kind": "scored", "score": 2.7}', Rating)
    Traceback (most recent call last):
    ...
    terugkeer.errors.ValidationError: 1 problem: $.score: must be an integer
    """
    return from_document(parse(text), cls, migrations=migrations)
