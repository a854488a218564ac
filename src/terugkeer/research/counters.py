"""Generated counters for the research export: the plan's progress rows, spelled out per section.

The domain counts in readable code (:func:`terugkeer.planning.section_counts`); the export runs
the same rule over many cases, so here it is generated once into straight-line code (each
question's path walked inline, a record's answered check spelled out for its type). Tests hold
the two equal on generated plans.

>>> from terugkeer import ActionPlan
>>> from terugkeer.actionplan import Goals
>>> progress_rows(ActionPlan().with_section(goals=Goals(work="tailor")), "k")[1]
['k', 'AP02a', 'partly', 1, 3]
"""

from __future__ import annotations

import datetime as dt
import decimal
import enum
import functools
import itertools
import typing
from collections.abc import Callable, Iterator
from typing import Any

import attrs

from terugkeer._codegen import generated_function
from terugkeer._types import optional
from terugkeer.actionplan import ActionPlan
from terugkeer.planning import PLAN_SECTIONS, PlanSection, is_answered, progress_of

__all__ = ["progress_rows"]


def progress_rows(plan: ActionPlan, key: object) -> list[list[object]]:
    """Per section, in form order, one row ``[key, section id, progress code, answered,
    total]``: :func:`~terugkeer.planning.completeness` as the research export writes it (one
    generated function, no record or tuple per section)."""
    return _row_maker()(plan, key)


def _answered_check(expr: str, t: Any, temps: Iterator[int]) -> str:
    """A condition, true when the value ``expr`` (of type ``t``) is answered as
    :func:`~terugkeer.planning.is_answered` says, spelled out for the type (a record's fields
    inline) instead of asked at run time. (Its value need not be a bool: it is only tested.)"""
    inner, _ = optional(t)
    if inner is str or typing.get_origin(inner) is tuple:  # empty text or list, or None: no
        return expr
    if isinstance(inner, type) and attrs.has(inner):
        v = f"_v{next(temps)}"
        hints = typing.get_type_hints(inner)
        checks = " or ".join(
            _answered_check(f"{v}.{f.name}", hints[f.name], temps) for f in attrs.fields(inner)
        )
        return f"(({v} := {expr}) is not None and ({checks or 'False'}))"
    plain = isinstance(inner, type) and (
        inner in (int, bool, dt.date, dt.datetime, decimal.Decimal)
        or (issubclass(inner, enum.Enum) and all(m.value not in ("", ()) for m in inner))
    )
    if plain:  # never equal to "" or (): answered unless None
        return f"({expr} is not None)"
    return f"_is_answered({expr})"


def _count_lines(section: PlanSection, temps: Iterator[int]) -> tuple[list[str], int, bool]:
    """Lines counting a section's answered questions and all of them into ``answered`` and
    ``total``, exactly as :func:`terugkeer.planning.section_counts` counts it, without walking a
    path per call: a question outside any list counts in the total once, as a constant. Also
    that constant, and whether a question is in a list (so that the total varies)."""
    fixed = 0
    varies = False
    lines = [f"    s = plan.{section.attribute}", "    answered = total = 0"]

    def ask(expr: str, t: Any, path: list[str], indent: str, repeated: bool) -> list[str]:
        """Lines adding the values ``path`` reaches from ``expr`` (of type ``t``)."""
        nonlocal fixed, varies
        if typing.get_origin(t) is tuple and path:  # a list on the way: each item counts
            varies = True
            (inner,) = typing.get_args(t)[:1]
            n = next(temps)
            body = ask(f"_i{n}", inner, path, indent + "        ", True)
            return [
                f"{indent}if not {expr}:",
                f"{indent}    total += 1",
                f"{indent}else:",
                f"{indent}    for _i{n} in {expr}:",
                *body,
            ]
        if not path:
            if not repeated:
                fixed += 1
                return [
                    f"{indent}if {_answered_check(expr, t, temps)}:",
                    f"{indent}    answered += 1",
                ]
            return [
                f"{indent}total += 1",
                f"{indent}if {_answered_check(expr, t, temps)}:",
                f"{indent}    answered += 1",
            ]
        hint = typing.get_type_hints(t)[path[0]]
        return ask(f"{expr}.{path[0]}", hint, path[1:], indent, repeated)

    root = typing.get_type_hints(ActionPlan)[section.attribute]
    for question in section.questions:
        lines += ask("s", root, question.path.split("."), "    ", False)
    return [*lines, f"    total += {fixed}"], fixed, varies


@functools.cache
def _row_maker() -> Callable[[ActionPlan, object], list[list[object]]]:
    """One generated function giving :func:`progress_rows` (generated on first use): each
    section counted inline, its progress code read from a tuple by its count of answered
    questions when its total is fixed (the tuple made by :func:`~terugkeer.planning.progress_of`),
    else from ``progress_of`` itself."""
    temps = itertools.count()
    lines = ["def rows(plan, k):"]
    namespace: dict[str, Any] = {"_is_answered": is_answered, "_progress_of": progress_of}
    for n, section in enumerate(PLAN_SECTIONS):
        counting, fixed, varies = _count_lines(section, temps)
        if varies:
            code = "_progress_of(answered, total)._value_"
        else:
            namespace[f"_p{n}"] = tuple(progress_of(a, fixed).value for a in range(fixed + 1))
            code = f"_p{n}[answered]"
        lines += [*counting, f"    _c{n} = [k, {section.id!r}, {code}, answered, total]"]
    lines.append(f"    return [{', '.join(f'_c{n}' for n in range(len(PLAN_SECTIONS)))}]")
    rows = generated_function("rows", "\n".join(lines), namespace, "plan progress")
    return typing.cast("Callable[[ActionPlan, object], list[list[object]]]", rows)
