"""Problem codes: every reason the library writes has a stable code, parameters and a message in
Dutch and English; messages never carry an input value."""

from __future__ import annotations

import ast
import json
import re
import string
from pathlib import Path

import pytest

from mutations import BOTH, LOADER_ONLY, base_document
from terugkeer import CaseFile, ValidationError, loads
from terugkeer.catalogues.problems import FALLBACK_CODE, PROBLEM_ROWS
from terugkeer.errors import Problem
from terugkeer.forms import forms
from terugkeer.i18n import problem_message, text
from terugkeer.interop.formdata import from_form

_SRC = Path(__file__).resolve().parents[1] / "src" / "terugkeer"
_FILLERS = (
    "12",
    "factor",
    "Answer",
    "'terugkeer/case'",
    "terugkeer_consents",
    "valueString",
    "F02",
    "x.y",
)


def _reasons() -> set[str]:
    """Every reason written in the source: literals, and f-strings with ``{}`` for their holes."""
    found = set()
    for path in _SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or len(node.args) < 2:
                continue
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            if name not in ("Problem", "at", "_problem"):
                continue
            reason = node.args[1]
            if isinstance(reason, ast.Constant) and isinstance(reason.value, str):
                found.add(reason.value)
            elif isinstance(reason, ast.JoinedStr):
                found.add("".join(_piece(v) for v in reason.values))
    return found


def _piece(node: ast.expr) -> str:
    """A literal part of an f-string as written, a formatted part as ``{}``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return "{}"


def test_the_source_writes_a_good_number_of_reasons() -> None:
    assert len(_reasons()) > 100  # the scan itself works


@pytest.mark.parametrize("reason", sorted(_reasons()))
def test_every_reason_the_library_writes_has_its_own_code(reason: str) -> None:
    codes = {Problem("$", reason.replace("{}", filler)).code for filler in _FILLERS}
    assert codes - {FALLBACK_CODE}, reason


def test_every_code_has_a_dutch_and_an_english_message_with_its_parameters() -> None:
    for row in (*PROBLEM_ROWS, None):
        code = FALLBACK_CODE if row is None else row.code
        groups = (
            set() if row is None else {g for p in row.patterns for g in re.compile(p).groupindex}
        )
        for locale in ("nl", "en"):
            message = text(f"Problem.{code}", locale)
            assert message != f"Problem.{code}", (code, locale)
            named = {f for _, f, _, _ in string.Formatter().parse(message) if f}
            assert named <= groups, (code, locale, named)


def test_codes_are_unique_and_named_like_ids() -> None:
    codes = [row.code for row in PROBLEM_ROWS]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"[a-z]+(\.[a-z_0-9]+)+", code) for code in codes)


@pytest.mark.parametrize("rule", sorted(BOTH | LOADER_ONLY))
def test_every_refused_document_has_coded_problems_with_messages(rule: str) -> None:
    document = (BOTH | LOADER_ONLY)[rule](base_document())
    with pytest.raises(ValidationError) as info:
        loads(json.dumps(document), CaseFile)
    for problem in info.value.problems:
        assert problem.code != FALLBACK_CODE, (rule, problem)
        for locale in ("nl", "en"):
            message = problem_message(problem, locale)
            assert message and "{" not in message


def test_parameters_name_bounds_never_input() -> None:
    problem = Problem("$.plan.safety.worries", "holds at most 100 items")
    assert (problem.code, problem.params) == ("list.too_long", {"max": "100"})
    assert problem_message(problem, "en") == "This list holds at most 100 entries."
    assert problem_message(Problem("$.x", "unknown key"), "nl") == "Dit veld bestaat hier niet."


def test_a_problem_of_a_posted_form_leads_to_its_form_item() -> None:
    form = forms("overview1")[0]
    posted = {"assessed_on": "2026-02-30"}
    posted |= {f"ratings[{i}].kind": "unscored" for i in range(19)}
    posted["ratings[6].score"] = "9"
    with pytest.raises(ValidationError) as info:
        from_form(form, posted)
    linked = {}
    for p in info.value.problems:
        item = form.item_at(p.path)
        assert item is not None, p.path
        linked[item.link_id] = p.code
    assert linked == {"overview1.assessed_on": "date.not_a_date", "F07.score": "choice.not_allowed"}


def test_no_message_carries_what_was_posted() -> None:
    secret = "Amira-Haddad-1987"
    form = forms("overview1")[0]
    posted = {"assessed_on": secret, "ratings[1].score": secret, secret: secret}
    with pytest.raises(ValidationError) as info:
        from_form(form, posted)
    for problem in info.value.problems:
        for locale in ("nl", "en"):
            assert "Amira" not in problem_message(problem, locale)
        assert "Amira" not in problem.path and "Amira" not in str(problem.params)
