"""The forms filled in real form engines, and what those engines give back read by the library.

ODK's own form engine (``@getodk/xforms-engine``, under Node with jsdom) loads every workbook as
pyxform converts it, in Dutch and in English, and is filled by ``tests/engines/odk.mjs`` as a
person would fill it: adding list entries, typing, choosing. LHC-Forms (npm ``lforms``) renders
every Questionnaire in the system Chromium, is given the response to show, and writes its own.
Both engines' output must read back through ``from_submission`` / ``from_questionnaire_response``
equal to what was filled in, and neither engine may refuse a form the record allows.

The engines come from ``tests/engines/package-lock.json`` (``.ci/run`` runs ``npm ci``); nothing
downloads a browser. Where Node or the packages are missing, the tests skip with that reason
(and fail on CI, which installs them).
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import json
import os
import re
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyxform.xls2xform import convert

from caseparts import replaced
from terugkeer import from_document, to_document
from terugkeer._demo import demo_case
from terugkeer.answers import Answer
from terugkeer.case import ConsentPurpose, ConsentRecord
from terugkeer.forms import (
    CASE_PARTS,
    AnswerType,
    Form,
    FormItem,
    Requirement,
    all_forms,
    form,
    form_for,
)
from terugkeer.health import HealthChecklist, SourcedAnswer
from terugkeer.i18n import text
from terugkeer.interop.fhir import questionnaire
from terugkeer.interop.fhirresponse import from_questionnaire_response, questionnaire_response
from terugkeer.interop.xlsform import form_languages, from_submission, submission, write_xlsform
from terugkeer.testing import (
    emotion_exercises,
    intervision_reflections,
    reactions_reflections,
    signals_checks,
    stress_self_checks,
)

ENGINES = Path(__file__).parent / "engines"
NODE = shutil.which("node")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
#: The day the engines fill the forms on: after every date of the demo case.
TODAY = dt.date(2026, 12, 5)


def _need(what: str, present: bool) -> None:
    if not present:
        if os.environ.get("CI"):
            pytest.fail(f"{what} must be installed on CI (.ci/run installs it)")
        pytest.skip(f"{what} is not installed here (cd tests/engines && npm ci --ignore-scripts)")


# --- The engines -------------------------------------------------------------------------------


_FOLDER = Path(tempfile.mkdtemp(prefix="terugkeer-xforms-"))


@functools.cache
def _xform(form_id: str) -> str:
    """The XForm pyxform makes of the form's workbook."""
    path = _FOLDER / f"{form_id}.xlsx"
    write_xlsform(form(form_id), path)
    return str(convert(xlsform=str(path), validate=False).xform)


def odk(jobs: list[dict[str, str]]) -> list[dict[str, Any]]:
    """Fill each job's XForm with its answers in ODK's engine; what the engine hands back."""
    _need("Node.js", NODE is not None)
    _need("the npm packages of tests/engines", (ENGINES / "node_modules").is_dir())
    assert NODE is not None
    done = subprocess.run(
        [NODE, "odk.mjs"],
        input=json.dumps(jobs),
        capture_output=True,
        text=True,
        cwd=ENGINES,
        timeout=300,
        check=True,
    )
    results = [json.loads(line) for line in done.stdout.split("\n") if line]
    assert len(results) == len(jobs), done.stderr[-2000:]
    for result in results:
        assert "error" not in result, result.get("error")
    return results


class _Pages(SimpleHTTPRequestHandler):
    jobs = b"[]"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, directory=str(ENGINES), **kwargs)

    def log_message(self, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        if self.path == "/jobs.json":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(self.jobs)))
            self.end_headers()
            self.wfile.write(self.jobs)
            return
        super().do_GET()


def lhc(jobs: list[dict[str, Any]], folder: Path) -> list[dict[str, Any]]:
    """Render each job's Questionnaire in LHC-Forms with its response; what LHC-Forms writes."""
    _need("Chromium", CHROMIUM is not None)
    _need("the npm packages of tests/engines", (ENGINES / "node_modules").is_dir())
    assert CHROMIUM is not None
    handler = type("Pages", (_Pages,), {"jobs": json.dumps(jobs).encode()})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        page = subprocess.run(
            [
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
                f"--user-data-dir={folder / 'profile'}",
                "--virtual-time-budget=120000",
                "--dump-dom",
                f"http://127.0.0.1:{server.server_address[1]}/lhc.html",
            ],
            capture_output=True,
            text=True,
            timeout=300,
            check=True,
        ).stdout
    finally:
        server.shutdown()
        server.server_close()
    found = re.search(r'<pre id="result">(.*?)</pre>', page, re.S)
    assert found is not None, page[-2000:]
    results: list[dict[str, Any]] = json.loads(html.unescape(found[1]))
    assert len(results) == len(jobs), results[-1:]
    for result in results:
        assert "error" not in result, result.get("error")
    return results


# --- What is filled in ---------------------------------------------------------------------------


def _demo_records() -> Iterator[tuple[Form[Any], object]]:
    """Every part of the demo case, with each list's entries, and the header's forms."""
    case = demo_case("nl")
    for part in CASE_PARTS:
        value = getattr(case, part.field)
        for record in value if part.many else (value,):
            yield form(part.form_id), record
    yield form("client"), case.client
    for view in case.family:
        yield form("family"), view


def _variants() -> Iterator[tuple[Form[Any], object]]:
    """The demo's records with what may be left out left out: no lists, no sources, no groups."""
    case = demo_case("nl")
    checklist: HealthChecklist = case.health[0]
    yield form("health"), HealthChecklist(kind=checklist.kind)  # nothing but the kind
    yield form("health"), attrs.evolve(checklist, medicines=())
    unsourced = attrs.evolve(
        checklist,
        medicines=tuple(
            attrs.evolve(m, available=SourcedAnswer(Answer.YES)) for m in checklist.medicines
        ),
    )
    yield form("health"), unsourced  # an answer without a source: allowed, marked unverified
    plan = case.plan
    yield form("actionplan"), attrs.evolve(plan, appointments=(), activity_updates=())
    yield form("signals"), attrs.evolve(case.signals, observations=(), emotions=())
    yield (
        form("consents"),
        ConsentRecord(ConsentPurpose.REFERRAL_CONSULTATION, "GGZ", dt.date(2026, 3, 2)),
    )


def _records() -> list[tuple[Form[Any], object]]:
    return [*_demo_records(), *_variants()]


# --- ODK -------------------------------------------------------------------------------------


def test_every_workbook_loads_in_odks_engine_in_both_languages(tmp_path: Path) -> None:
    forms = all_forms()
    jobs = [
        {
            "xform": _xform(f.id),
            "answers": f'<data id="terugkeer_{f.id.replace(".", "_")}"/>',
            "language": language,
        }
        for f in forms
        for language in ("Nederlands (nl)", "English (en)")
    ]
    results = odk(jobs)
    for i, f in enumerate(forms):
        dutch, english = results[2 * i], results[2 * i + 1]
        first = f.items[0]
        assert dutch["label"] == text(first.message_id, "nl"), f.id
        assert english["label"] == text(first.message_id, "en"), f.id


def test_the_action_plan_loads_in_odk_in_every_client_language_and_an_arabic_plan_returns(
    tmp_path: Path,
) -> None:
    """The client fills in the plan in their own language: ODK offers each one, and what it
    submits from the Arabic form reads back as the plan that was sent."""
    plan_form = form("actionplan")
    languages = form_languages(plan_form)
    blank = '<data id="terugkeer_actionplan"/>'
    jobs = [{"xform": _xform("actionplan"), "answers": blank, "language": n} for _, n in languages]
    for (code, name), result in zip(languages, odk(jobs), strict=True):
        assert result["label"] == text(plan_form.items[0].message_id, code), name
    case = demo_case("nl")
    header = attrs.evolve(case.plan.organisation, language="ar", interpreter=True)
    safety = attrs.evolve(case.plan.safety, worries="الخوف من العودة إلى الحي القديم")
    plan = attrs.evolve(case.plan, organisation=header, safety=safety)
    (filled,) = odk(
        [{"xform": _xform("actionplan"), "answers": submission(plan_form, plan),
          "language": "العربية (ar)"}]
    )  # fmt: skip
    assert filled["status"] == "ready", filled["violations"][:5]
    assert from_submission(plan_form, filled["xml"], today=TODAY) == plan


def test_a_blank_form_in_odk_asks_only_what_the_record_needs_at_its_top(tmp_path: Path) -> None:
    """Nothing inside a list or a group that may be left out blocks a blank form."""
    forms = all_forms()
    jobs = [
        {
            "xform": _xform(f.id),
            "answers": f'<data id="terugkeer_{f.id.replace(".", "_")}"/>',
            "language": "English (en)",
        }
        for f in forms
    ]
    for f, result in zip(forms, odk(jobs), strict=True):
        needed = _needed_throughout(f.items)
        for violation in result["violations"]:
            assert violation["condition"] == "required", (f.id, violation)
            assert "[" not in violation["reference"], (f.id, violation)  # never in a list
            name = violation["reference"].rsplit("/", 1)[-1]
            assert name in needed, (f.id, violation)


def _needed_throughout(items: tuple[FormItem, ...]) -> set[str]:
    """The XForm names of the questions the record needs, reached through groups it needs
    too (never through a list, never through a group that may be left out)."""
    names = set()
    for item in items:
        if item.requirement not in (Requirement.REQUIRED, Requirement.MINIMUM) or item.repeats:
            continue
        if item.items:
            names |= _needed_throughout(item.items)
        else:
            names.add(item.link_id.replace(".", "_"))
    return names


def test_what_odk_fills_in_and_submits_reads_back_equal(tmp_path: Path) -> None:
    records = _records()
    jobs = [
        {
            "xform": _xform(f.id),
            "answers": submission(f, record),
            "language": "Nederlands (nl)",
        }
        for f, record in records
    ]
    for (f, record), result in zip(records, odk(jobs), strict=True):
        assert result["status"] == "ready", (f.id, result["violations"][:5])
        assert from_submission(f, result["xml"], today=TODAY) == record, f.id


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.tuples(
        emotion_exercises(),
        signals_checks(),
        stress_self_checks(),
        reactions_reflections(),
        intervision_reflections(),
    )
)
def test_the_counsellors_own_forms_round_trip_through_odk(records: tuple[Any, ...]) -> None:
    filled = [(form_for(type(r)), _writable(r)) for r in records]
    jobs = [
        {"xform": _xform(f.id), "answers": submission(f, r), "language": "English (en)"}
        for f, r in filled
    ]
    for (f, record), result in zip(filled, odk(jobs), strict=True):
        assert result["status"] == "ready", (f.id, result["violations"][:5])
        back = from_submission(f, result["xml"], today=TODAY)
        assert _as_sets(f, back) == _as_sets(f, record), f.id


def _as_sets(f: Form[Any], record: object) -> dict[str, Any]:
    """The record's document with each multi-select as a set: a form's multi-select has no
    order (ODK writes the chosen options in the list's order)."""
    body = to_document(record)
    for item in f.walk():
        if item.answer_type is AnswerType.CHOICE and item.repeats and item.path.count(".") == 1:
            name = item.path.removeprefix("$.").removesuffix("[*]")
            body[name] = set(body.get(name, ()))
    return body


#: What XML 1.0 cannot hold, and a carriage return (an engine writes it raw, and XML reads a raw
#: one as a line feed): a generated record is cleaned of them before an engine fills it in.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\ufffe\uffff]")


def _writable(record: Any) -> Any:
    return from_document(replaced(to_document(record), _NOT_XML), type(record))


# --- LHC-Forms -------------------------------------------------------------------------------


@pytest.mark.parametrize("release", ["R5", "R4B"])
def test_lhc_forms_renders_every_questionnaire_and_its_response_reads_back_equal(
    release: str, tmp_path: Path
) -> None:
    records = _records()
    jobs = [
        {
            "questionnaire": questionnaire(f, release),
            "response": questionnaire_response(f, record),
            "release": release,
        }
        for f, record in records
    ]
    for (f, record), result in zip(records, lhc(jobs, tmp_path), strict=True):
        assert result["shown"] > 0, f.id
        assert result["errors"] == [], (f.id, result["errors"][:5])
        written = result["response"]
        assert written["questionnaire"].startswith(questionnaire(f)["url"] + "|")
        assert from_questionnaire_response(f, written, today=TODAY) == record, f.id


def test_lhc_forms_accepts_a_blank_form_of_every_questionnaire(tmp_path: Path) -> None:
    """Blank, LHC-Forms finds only the record's own top-level needs missing."""
    forms = all_forms()
    jobs = [{"questionnaire": questionnaire(f), "response": None, "release": "R5"} for f in forms]
    for f, result in zip(forms, lhc(jobs, tmp_path), strict=True):
        assert result["shown"] > 0
        for error in result["errors"]:
            item = f.item(error["linkId"])
            assert not item.items, (f.id, error)  # a question, never a group
            path = item.path.removeprefix("$.")
            assert "[*]" not in path, (f.id, error)  # never inside a list
