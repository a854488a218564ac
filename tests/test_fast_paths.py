"""The fast paths give what the detailed paths give: the same records, the same problems, the same
JSON text. Each fast path is checked against the slow one it stands in for, never against itself.
"""

from __future__ import annotations

import copy
import datetime as dt
import enum
import gc
import json
import typing
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mutations import BOTH, LOADER_ONLY, Doc, base_document
from terugkeer import CaseFile, Problem, ValidationError, dumps, loads, to_document
from terugkeer._checks import trusted_fields
from terugkeer._labelled import strings_are_values
from terugkeer.documents import _json
from terugkeer.documents.converter import CONVERTER, problem_count, problems_of, structure
from terugkeer.documents.serialization import DOCUMENT_TYPES, parse
from terugkeer.factors import NewConsideration, RatingKind
from terugkeer.health import Source, SourceKind
from terugkeer.testing import case_files

_SLOW = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _body(doc: Doc) -> Doc:
    return {k: v for k, v in doc.items() if k not in ("schema", "version")}


def _outcome(data: Any, *, fast: bool) -> object:
    """The record, or the problems and their count: what a caller can observe."""
    try:
        return structure(data, CaseFile, fast=fast)
    except ValidationError as err:
        return (err.problems, err.total)


def _untrusted_outcome(data: Any) -> object:
    """As before the fast path existed: the detailed converter, every record checking its
    fields again as if built in Python."""
    from terugkeer import _checks

    day = _checks._TODAY.set(dt.date.today())  # the reader's today, fields not trusted
    try:
        return CONVERTER.structure(data, CaseFile)
    except Exception as exc:
        err = ValidationError(problems_of(exc), total=problem_count(exc))  # capped as loads caps
        return (err.problems, err.total)
    finally:
        _checks._TODAY.reset(day)


def test_the_accelerators_are_installed_for_the_tests() -> None:
    # Otherwise the comparisons below would compare the standard library with itself.
    assert _json._jiter() is not None
    assert _json._orjson() is not None


@_SLOW
@given(case_files())
def test_fast_and_detailed_paths_build_the_same_case(case: CaseFile) -> None:
    body = _body(json.loads(json.dumps(to_document(case))))
    fast = structure(body, CaseFile)
    assert fast == case
    assert structure(body, CaseFile, fast=False) == case
    assert to_document(fast) == to_document(case)


@pytest.mark.parametrize("rule", sorted({**BOTH, **LOADER_ONLY}))
def test_an_invalid_document_gives_the_same_problems_on_both_paths(rule: str) -> None:
    doc = {**BOTH, **LOADER_ONLY}[rule](base_document())
    assert doc is not None
    fast, detailed = _outcome(_body(doc), fast=True), _outcome(_body(doc), fast=False)
    assert isinstance(detailed, tuple), "the mutation must make the document invalid"
    assert fast == detailed == _untrusted_outcome(_body(doc))


#: A valid document to mutate, as the loader reads it back.
BASE = to_document(loads(json.dumps(base_document()), CaseFile))

_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=2) | st.dictionaries(st.text(max_size=4), inner, max_size=2)
    ),
    max_leaves=4,
)


def _leaves(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value in a parsed document, containers included."""
    found = [path] if path else []
    items = (
        node.items()
        if isinstance(node, dict)
        else enumerate(node)
        if isinstance(node, list)
        else ()
    )
    for key, value in items:
        found += _leaves(value, (*path, key))
    return found


@settings(_SLOW, max_examples=300)
@given(st.data())
def test_a_mutated_document_gives_the_same_outcome_on_both_paths(data: st.DataObject) -> None:
    """Change, drop or add one value anywhere in a valid document: whatever the detailed path
    says (the same case, or these problems), the fast path says too."""
    doc = copy.deepcopy(BASE)
    paths = _leaves(doc)
    path = data.draw(st.sampled_from(paths))
    *parents, last = path
    target: Any = doc
    for key in parents:
        target = target[key]
    action = data.draw(st.sampled_from(["replace", "drop", "add"]))
    if action == "replace":
        target[last] = data.draw(_JSON_VALUES)
    elif action == "drop":
        del target[last]
    elif isinstance(target, dict):
        target[data.draw(st.text(max_size=6))] = data.draw(_JSON_VALUES)
    else:
        target.append(data.draw(_JSON_VALUES))
    body = _body(doc)
    assert _outcome(body, fast=True) == _outcome(body, fast=False) == _untrusted_outcome(body)


def test_records_built_in_python_are_still_checked_in_full() -> None:
    """The trusted mode is the converter's alone: outside it a record checks every field."""
    with pytest.raises(ValidationError, match=r"\$\.name"):
        Source(SourceKind.WEB_PAGE, name=5)  # type: ignore[arg-type]
    with trusted_fields():  # inside, the field checks are the caller's: here nobody's
        Source(SourceKind.WEB_PAGE, name=5)  # type: ignore[arg-type]
    with pytest.raises(RuntimeError), trusted_fields():
        raise RuntimeError  # an exception inside must not leave the mode switched on
    with pytest.raises(ValidationError, match=r"\$\.name"):
        Source(SourceKind.WEB_PAGE, name=5)  # type: ignore[arg-type]


def _by_id(cls: type) -> bool:
    """Whether documents hold ``cls`` (a catalogue entry) as its stable id."""
    from terugkeer.documents.converter import FAST_CONVERTER

    return FAST_CONVERTER.get_structure_hook(cls).__qualname__.startswith("_by_id.")


def _record_classes(cls: type, found: set[type] | None = None) -> set[type]:
    """Every attrs class a document of ``cls`` holds field by field, ``cls`` included (not the
    catalogue entries it names by their id)."""
    found = set() if found is None else found
    if cls in found or _by_id(cls):
        return found
    found.add(cls)
    hints = typing.get_type_hints(cls)
    for field in attrs.fields(cls):
        stack = [hints[field.name]]
        while stack:
            t = stack.pop()
            stack += typing.get_args(t)
            if isinstance(t, type) and attrs.has(t):
                _record_classes(t, found)
    return found


_READ_RECORDS = set().union(*(_record_classes(cls) for cls in DOCUMENT_TYPES))


def _instances(value: object) -> list[object]:
    """Every record inside ``value`` (itself included)."""
    found: list[object] = []
    stack = [value]
    while stack:
        item = stack.pop()
        kind: Any = type(item)
        if attrs.has(kind):
            found.append(item)
            stack += [getattr(item, f.name) for f in attrs.fields(kind)]
        elif isinstance(item, tuple):
            stack += item
    return found


def test_a_record_read_from_a_document_is_exactly_its_class_and_frozen() -> None:
    """Records are read into a builder and become their class when complete: what comes out is
    an instance of the record class itself, frozen and hashable, and reading adds no subclass
    to any record class."""
    case = loads(json.dumps(base_document()), CaseFile)
    records = _instances(case)
    assert len({type(r) for r in records}) > 20  # the base document holds many kinds
    for record in records:
        kind: Any = type(record)
        assert kind in _READ_RECORDS
        first = attrs.fields(kind)[0].name
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(record, first, getattr(record, first))
        hash(record)
    assert all(cls.__subclasses__() == [] for cls in _READ_RECORDS)


def test_every_record_of_several_fields_is_read_through_a_builder() -> None:
    """A record class keeps no ``__weakref__`` slot (``weakref_slot=False``), so that its
    builder has its layout; one that kept it would still be read, only more slowly."""
    from terugkeer.documents.converter import FAST_CONVERTER

    for cls in _READ_RECORDS:
        if len(attrs.fields(cls)) > 1:
            hook = FAST_CONVERTER.get_structure_hook(cls)
            assert "_builder" in hook.__globals__, cls.__name__


def test_every_document_type_has_a_fast_structuring_function() -> None:
    from terugkeer.documents.converter import FAST_CONVERTER

    for cls in DOCUMENT_TYPES:
        hook = FAST_CONVERTER.get_structure_hook(cls)
        assert "terugkeer generated structure" in hook.__code__.co_filename, cls.__name__


def test_generated_code_is_shown_in_tracebacks_and_by_inspect() -> None:
    """Every generator registers its source (as attrs and cattrs do): a debugger, a traceback
    or ``inspect.getsource`` shows the generated lines."""
    import inspect
    import linecache

    from terugkeer.documents.converter import FAST_CONVERTER
    from terugkeer.factors import Assessment

    hook = FAST_CONVERTER.get_structure_hook(Assessment)
    filename = hook.__code__.co_filename
    assert inspect.getsource(hook).startswith("def structure(")
    assert linecache.getline(filename, 1).startswith("def structure(")


@attrs.frozen
class _Buggy:
    """A record whose own rule has a bug."""

    a: int

    def __attrs_post_init__(self) -> None:
        raise ZeroDivisionError


@attrs.frozen
class _HoldsBuggy:
    items: tuple[_Buggy, ...]
    one: _Buggy | None = None


@pytest.mark.parametrize("fast", [True, False])
@pytest.mark.parametrize(
    ("data", "cls"),
    [
        ({"a": 1}, _Buggy),
        ({"items": [{"a": 1}]}, _HoldsBuggy),
        ({"items": [], "one": {"a": 1}}, _HoldsBuggy),
    ],
)
def test_a_bug_in_a_records_rule_is_a_traceback_not_bad_input(
    fast: bool, data: dict[str, object], cls: type
) -> None:
    """Only what bad input can cause is reported as a problem with the input; a library bug
    (here a rule raising ZeroDivisionError, at any depth) reaches the caller as itself."""
    from terugkeer.documents.converter import structure

    with pytest.raises(ZeroDivisionError):
        structure(data, cls, fast=fast)


def test_bad_input_next_to_a_bug_is_still_not_a_problem_list() -> None:
    from terugkeer.documents.converter import structure

    with pytest.raises(ZeroDivisionError):
        structure({"items": [{"a": "x"}, {"a": 1}]}, _HoldsBuggy)


# The JSON text layer: jiter and orjson against the standard library.

_TEXTS = st.text(alphabet=st.characters(codec="utf-8"), max_size=20) | st.sampled_from(
    ["\u2028", "\x7f", "\x00\x1f", '"\\', "\ud7ff\ue000", "é", "😀", "</script>"]
)
_DOCUMENT_LIKE = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | _TEXTS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TEXTS, inner, max_size=4),
    max_leaves=20,
)


@given(_DOCUMENT_LIKE)
def test_orjson_writes_the_standard_librarys_bytes(value: Any) -> None:
    for indent in (None, 2):
        assert _json.encode(value, indent) == _json.encode(value, indent, accelerate=False)
    assert _json.encode(value, None, accelerate=False) == json.dumps(
        value, ensure_ascii=False, separators=(",", ":")
    )


@_SLOW
@given(case_files())
def test_a_case_is_written_the_same_with_and_without_orjson(case: CaseFile) -> None:
    doc = to_document(case)
    assert dumps(case) == _json.encode(doc, None, accelerate=False)
    assert dumps(case, indent=2) == json.dumps(doc, ensure_ascii=False, indent=2)


def _parsed(text: str | bytes, *, accelerate: bool) -> object:
    try:
        return ("ok", parse(text, accelerate=accelerate))
    except ValidationError as err:
        return ("error", err.problems)


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


_RAW = (
    st.binary(max_size=40)
    | _DOCUMENT_LIKE.map(lambda v: json.dumps(v).encode())
    | _DOCUMENT_LIKE.map(lambda v: _utf8(json.dumps(v, ensure_ascii=False)))
    | _DOCUMENT_LIKE.map(lambda v: _utf8(json.dumps(v, ensure_ascii=False, indent=4)))
    | _DOCUMENT_LIKE.map(lambda v: _json.encode(v, None).encode("utf-8", "surrogatepass"))
    | _DOCUMENT_LIKE.map(lambda v: _json.encode(v, 2).encode("utf-8", "surrogatepass"))
    | st.lists(st.sampled_from(['{"a":', "1", ",", '"a"', ":", "}", "[", "]", "NaN", "-0",
                                "1e400", '"\\ud800"', '"\\udc00"', " ", "\t", "\x0c", "\ufeff",
                                '"\\u00e9"', '"é"', "Infinity", "2.0", "true"]))
    .map(lambda parts: "".join(parts).encode("utf-8", "surrogatepass"))
)  # fmt: skip


@given(_RAW)
def test_jiter_and_the_standard_library_agree_on_every_input(data: bytes) -> None:
    assert _parsed(data, accelerate=True) == _parsed(data, accelerate=False)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return
    assert _parsed(text, accelerate=True) == _parsed(text, accelerate=False)


@pytest.mark.parametrize(
    "text",
    ['{"a": 1, "a": 2}', '{"a":1,"a":2}', '{\n  "a": 1,\n  "a": 1\n}', '{"a":NaN}',
     '{"a": NaN}', '{"a":18446744073709551616}', '{"a":-0}', '{"a":1.0}', '{"a": Infinity}',
     '["\\ud800"]', '["\\udc00"]',
     '{"\\u00e9": 1, "é": 2}', "[" * 300 + "]" * 300, "\ufeff{}", '{"a": 1} x'],
)  # fmt: skip
def test_what_jiter_refuses_gets_the_standard_librarys_answer(text: str) -> None:
    # 300 levels are too deep for jiter and fine for the standard library: still the same answer.
    data = text.encode("utf-8", "surrogatepass")
    assert _parsed(data, accelerate=True) == _parsed(data, accelerate=False)


@_SLOW
@given(case_files())
def test_a_case_as_terugkeer_writes_it_takes_the_quick_parse(case: CaseFile) -> None:
    """Compact and indented documents are what orjson writes back, so they need no key check."""
    for text in (dumps(case), dumps(case, indent=2)):
        assert _json._canonical(text.encode("utf-8")) == (True, json.loads(text))


@pytest.mark.parametrize(
    "text",
    ['{"a":1,"a":1}', '{\n  "a": 1,\n  "a": 1\n}', '{"a":NaN}', "[1.50]", '{"a": 1, "a": 1}',
     '{"a": 1, "a" : 1}', '{"a":"x y","a":"xy"}', '{"a b": 1, "ab": 1, "a b": 1}',
     '{\n    "a": [1, 2],\n    "a": [1, 2]\n}', '{"a": "\\u00e9"}', '{"a": "\\/"}',
     '{"a": 1e5}', '{"a": -0}', '{"a": 1} x', '\ufeff{"a": 1}', '{"a": 1, "b": 2}'],
)  # fmt: skip
def test_orjson_is_not_trusted_with_a_document_it_would_write_otherwise(text: str) -> None:
    """A duplicate key, NaN, a number or escape the value does not state exactly, or a layout
    other than terugkeer's own: another parser decides."""
    assert _json._canonical(text.encode("utf-8")) == (False, None)


def test_a_lone_trailing_surrogate_escape_is_refused_with_its_path() -> None:
    # \udc00 alone (no leading half before it) is no character: no UTF-8 file can hold it.
    for accelerate in (True, False):
        with pytest.raises(ValidationError) as err:
            parse(b'{"note": "\\udc00"}', accelerate=accelerate)
        assert [p.path for p in err.value.problems] == ["$.note"]


def _many_bad(doc: Doc) -> Doc:
    doc = copy.deepcopy(doc)
    ratings = doc["assessments"][0]["ratings"]
    ratings[2]["score"], ratings[5]["kind"], ratings[9]["note"] = "2", "maybe", 7
    doc["assessments"][1]["surprise"] = True
    doc["consents"] = [{"purpose": "nothing"}] * 150 + doc["consents"]  # past the problem cap
    return doc


def test_many_problems_in_many_lists_are_the_same_on_both_paths() -> None:
    body = _body(_many_bad(base_document()))
    fast = _outcome(body, fast=True)
    assert isinstance(fast, tuple) and fast[1] > 100
    assert fast == _outcome(body, fast=False) == _untrusted_outcome(body)


def test_a_list_past_its_limit_is_refused_the_same_on_both_paths() -> None:
    doc = base_document()
    doc["plan"]["safety"]["ways_to_feel_safer"] = ["x"] * 101
    body = _body(doc)
    fast = _outcome(body, fast=True)
    assert fast == (
        (Problem("$.plan.safety.ways_to_feel_safer", "list.too_long", {"max": 100}),),
        1,
    )
    assert fast == _outcome(body, fast=False) == _untrusted_outcome(body)


def test_unknown_keys_past_the_cap_are_counted_the_same_on_both_paths() -> None:
    doc = base_document()
    doc["context"].update({f"extra_{i:03}": i for i in range(150)})
    body = _body(doc)
    fast = _outcome(body, fast=True)
    assert isinstance(fast, tuple)
    problems, total = fast
    assert total == 150 and len(problems) == 100
    assert problems[0] == Problem("$.context.extra_000", "key.unknown")  # sorted, as listed
    assert fast == _outcome(body, fast=False) == _untrusted_outcome(body)


@pytest.mark.parametrize("rule", sorted(BOTH | LOADER_ONLY))
def test_a_refused_document_leaves_nothing_for_the_cycle_collector(rule: str) -> None:
    """A refused document's half-read records are freed when its error goes, not kept alive in
    exception-frame cycles until the collector runs (a cohort of bad files must not pile up)."""
    text = json.dumps((BOTH | LOADER_ONLY)[rule](base_document()))
    gc.collect()
    gc.disable()
    try:
        with pytest.raises(ValidationError):
            loads(text, CaseFile)
        assert gc.collect() == 0
    finally:
        gc.enable()


@given(st.dates(), st.sampled_from([None, 2]))
def test_orjson_writes_every_date_as_its_isoformat(day: dt.date, indent: int | None) -> None:
    record = NewConsideration("a reason", day)
    doc = to_document(record)
    assert doc["raised_on"] == day.isoformat()
    assert dumps(record, indent=indent) == _json.encode(doc, indent, accelerate=False)


class _Day(dt.date):
    """A subclass of ``date``, which orjson refuses to write."""


@pytest.mark.parametrize(
    "day", [_Day(2026, 3, 2), dt.datetime(2026, 3, 2, 14, 5, tzinfo=dt.timezone.utc)]
)
def test_what_else_sits_in_a_date_field_is_written_as_without_orjson(day: dt.date) -> None:
    record = NewConsideration("a reason", dt.date(2000, 1, 1))
    object.__setattr__(record, "raised_on", day)  # past the record's check, which refuses both
    expected = '{"schema":"terugkeer/new-consideration","version":1,'
    assert dumps(record) == expected + '"name":"a reason","raised_on":"2026-03-02","note":""}'
    assert dumps(record, indent=2) == json.dumps(to_document(record), indent=2)


class _Odd(str, enum.Enum):
    """A string enum whose members' strings are not their values."""

    def __new__(cls, value: str) -> _Odd:
        member = str.__new__(cls, value.upper())
        member._value_ = value
        return member

    A = "a"


def test_only_enums_whose_strings_are_their_values_are_left_to_orjson() -> None:
    assert strings_are_values(RatingKind)
    assert not strings_are_values(_Odd)  # orjson would write "A", the hook "a"
    assert not strings_are_values(str)  # a string, but not an enum
