"""Problem codes: every problem the library builds is a stable code with parameters; its English
reason and its Dutch and English messages come from the catalogue; none carries an input value."""

from __future__ import annotations

import ast
import json
import pickle
import re
import string
from pathlib import Path

import pytest

from mutations import BOTH, LOADER_ONLY, base_document
from terugkeer import CaseFile, ValidationError, loads
from terugkeer.catalogues.problem_rows import FALLBACK_CODE, PROBLEM_ROWS, parameters
from terugkeer.errors import Problem
from terugkeer.forms import forms
from terugkeer.i18n import problem_message, text
from terugkeer.interop.formdata import from_form

_SRC = Path(__file__).resolve().parents[1] / "src" / "terugkeer"
_CODES = {row.code for row in PROBLEM_ROWS}


def _calls() -> list[tuple[str, ast.expr]]:
    """Every ``Problem(path, code, ...)`` and ``ValidationError.at(path, code, ...)`` in the
    source, with where it is and its code argument."""
    found = []
    for path in _SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or len(node.args) < 2:
                continue
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            if name in ("Problem", "at"):
                found.append((f"{path.name}:{node.lineno}", node.args[1]))
    return found


def test_the_source_builds_a_good_number_of_problems() -> None:
    assert len(_calls()) > 150  # the scan itself works


def test_every_problem_the_library_builds_names_a_catalogued_code_not_a_text() -> None:
    written = [(where, arg) for where, arg in _calls() if isinstance(arg, ast.Constant)]
    assert len(written) > 130
    assert [where for where, arg in written if arg.value not in _CODES] == []
    # The few that pass the code in a variable do so from a literal code elsewhere; none builds
    # a reason text to be classified later.
    assert [where for where, arg in _calls() if isinstance(arg, ast.JoinedStr)] == []


def test_a_reason_text_is_not_a_code() -> None:
    with pytest.raises(LookupError):
        Problem("$.score", "must be an integer")  # the reason of type.integer, not its code
    with pytest.raises(LookupError):
        Problem("$.score", "list.too_long")  # its template names a bound
    with pytest.raises(LookupError):
        Problem("$.score", "list.too_long", {"maximum": 3})  # not the parameter it names
    with pytest.raises(TypeError):
        Problem("$.score", "list.too_long", {"max": True})


def test_the_reason_is_the_catalogue_template_with_its_parameters() -> None:
    assert Problem("$.n", "number.out_of_range").reason == "is out of range"
    assert Problem("$.n", "number.out_of_range", {"min": 1}).reason == "must be at least 1"
    bounds = {"min": 0, "max": 120}
    assert Problem("$.n", "number.out_of_range", bounds).reason == "must be between 0 and 120"
    assert str(ValidationError.at("$.n", "number.out_of_range", {"max": 9})) == (
        "1 problem: $.n: must be at most 9"
    )


def test_each_template_of_a_code_takes_its_own_set_of_parameters() -> None:
    for row in PROBLEM_ROWS:
        sets = [parameters(r) for r in row.reasons]
        assert len(sets) == len(set(sets)), row.code
        assert all(r and r == r.strip() and not r.endswith(".") for r in row.reasons), row.code


def test_every_code_has_a_dutch_and_an_english_message_with_its_parameters() -> None:
    for row in PROBLEM_ROWS:
        # A message may name only the parameters every template of its code has.
        common = frozenset.intersection(*(parameters(r) for r in row.reasons))
        for locale in ("nl", "en"):
            message = text(f"Problem.{row.code}", locale)
            assert message != f"Problem.{row.code}", (row.code, locale)
            named = {f for _, f, _, _ in string.Formatter().parse(message) if f}
            assert named <= common, (row.code, locale, named)


def test_codes_are_unique_and_named_like_ids() -> None:
    codes = [row.code for row in PROBLEM_ROWS]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"[a-z]+(\.[a-z_0-9]+)*", code) for code in codes)
    assert FALLBACK_CODE in codes


def test_problems_compare_hash_pickle_and_show_their_parts() -> None:
    problem = Problem("$.x", "list.too_long", {"max": 3})
    assert problem == Problem("$.x", "list.too_long", (("max", "3"),))
    assert problem != Problem("$.x", "list.too_long", {"max": 4})
    assert len({problem, Problem("$.x", "list.too_long", {"max": "3"})}) == 1
    assert pickle.loads(pickle.dumps(problem)) == problem
    assert repr(problem) == "Problem(path='$.x', code='list.too_long', params={'max': '3'})"
    assert problem.under("$.plan").path == "$.plan.x"
    assert problem.with_path("$.y") == Problem("$.y", "list.too_long", {"max": 3})


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
    problem = Problem("$.plan.safety.worries", "list.too_long", {"max": 100})
    assert (problem.reason, problem.params) == ("holds at most 100 items", {"max": "100"})
    assert problem_message(problem, "en") == "This list holds at most 100 entries."
    assert problem_message(Problem("$.x", "key.unknown"), "nl") == "Dit veld bestaat hier niet."


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
