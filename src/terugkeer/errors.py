"""The exceptions of terugkeer: one base, one for bad input.

Client data are special-category personal data, so no exception raised here ever carries an
offending *value*: a problem names where it is (a JSON path) and why, nothing more.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

import attrs

from .catalogues.problems import FALLBACK_CODE, PROBLEM_ROWS

__all__ = [
    "MAX_PROBLEMS",
    "ConflictError",
    "Problem",
    "TerugkeerError",
    "UnsupportedLocaleError",
    "ValidationError",
    "child_path",
]

#: A :class:`ValidationError` keeps at most this many problems (and counts the rest), so that a
#: hostile document cannot produce megabytes of messages.
MAX_PROBLEMS = 100


class TerugkeerError(Exception):
    """Base class of every error raised on purpose by terugkeer."""


@attrs.frozen(weakref_slot=False)
class Problem:
    """One thing wrong with some input: where (a JSON path such as ``$.ratings[4].score``) and why.

    >>> Problem("$.ratings[4].score", "must be -3..-1 or 1..3")
    Problem(path='$.ratings[4].score', reason='must be -3..-1 or 1..3')
    """

    path: str
    reason: str

    @property
    def code(self) -> str:
        """The stable code of the reason (``date.not_a_date``), for programs and translated
        UIs; ``invalid`` for a reason without one (none of the library's own).

        >>> Problem("$.assessed_on", "is not a calendar date").code
        'date.not_a_date'
        """
        return _classified(self.reason)[0]

    @property
    def params(self) -> dict[str, str]:
        """The reason's parameters by name (a bound, a part, the expected factor), never an
        input value.

        >>> Problem("$.plan.safety.worries", "holds at most 100 items").params
        {'max': '100'}
        """
        return dict(_classified(self.reason)[1])

    def under(self, prefix: str) -> Problem:
        """Return this problem with its path placed below ``prefix`` (itself a path)."""
        path = self.path
        if path == "$":
            return _problem(prefix, self.reason)
        return _problem(prefix + (path[1:] if path[:1] == "$" else "." + path), self.reason)


_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def child_path(path: str, key: str) -> str:
    """The path of ``key`` below ``path``: ``$.a.b``. A key that is not a name (letters, digits,
    underscores) may be personal data or forge output lines, so it is shown as ``[?]``.

    >>> child_path("$.scores", "F99"), child_path("$.scores", "Amira\\n")
    ('$.scores.F99', '$.scores[?]')
    """
    return f"{path}.{key}" if type(key) is str and _KEY.fullmatch(key) else f"{path}[?]"


@functools.lru_cache(maxsize=1024)
def _classified(reason: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    for code, pattern in _patterns():
        matched = pattern.fullmatch(reason)
        if matched:
            found = {k: v for k, v in matched.groupdict().items() if v is not None}
            return code, tuple(found.items())
    return FALLBACK_CODE, ()


@functools.cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((row.code, re.compile(p)) for row in PROBLEM_ROWS for p in row.patterns)


_SET_PATH = Problem.__dict__["path"].__set__
_SET_REASON = Problem.__dict__["reason"].__set__


def _problem(path: str, reason: str) -> Problem:
    """A Problem from two strings known to be strings, without ``__init__``: an error in a deep
    field is moved up one level at a time, with a new problem at each."""
    problem = object.__new__(Problem)
    _SET_PATH(problem, path)
    _SET_REASON(problem, reason)
    return problem


class ValidationError(TerugkeerError, ValueError):
    """Bad input: lists every problem found, each as a path and a reason, never with the value.

    >>> err = ValidationError([Problem("$.score", "must be an integer")])
    >>> err.problems
    (Problem(path='$.score', reason='must be an integer'),)
    >>> print(err)
    1 problem: $.score: must be an integer
    """

    problems: tuple[Problem, ...]
    #: How many problems were found; only the first :data:`MAX_PROBLEMS` are kept in ``problems``.
    total: int

    def __init__(self, problems: Iterable[Problem], total: int | None = None) -> None:
        if type(problems) is list or type(problems) is tuple:  # the usual case, counted at once
            count = len(problems)
            kept = tuple(problems[:MAX_PROBLEMS])
        else:  # any iterable: read once, keeping the first MAX_PROBLEMS
            found: list[Problem] = []
            count = 0
            for problem in problems:
                count += 1
                if len(found) < MAX_PROBLEMS:
                    found.append(problem)
            kept = tuple(found)
        if not kept:
            raise ValueError("a ValidationError needs at least one problem")
        self.problems = kept
        self.total = count if total is None or total < count else total
        super().__init__(kept)

    def __str__(self) -> str:
        count = self.total
        head = f"{count} problem" if count == 1 else f"{count} problems"
        listed = "; ".join(f"{p.path}: {p.reason}" for p in self.problems)
        more = count - len(self.problems)
        return head + ": " + listed + (f"; and {more} more" if more else "")

    def __reduce__(self) -> tuple[type[ValidationError], tuple[tuple[Problem, ...], int]]:
        return (type(self), (self.problems, self.total))

    @classmethod
    def at(cls, path: str, reason: str) -> ValidationError:
        """Build an error with a single problem."""
        return cls([Problem(path, reason)])


class ConflictError(TerugkeerError):
    """A save was refused: the case file on disk has moved on since it was read (another save)."""


class UnsupportedLocaleError(TerugkeerError, LookupError):
    """No catalogue for the requested locale; the message lists the available ones."""

    def __init__(self, requested: str, available: Iterable[str]) -> None:
        self.available = tuple(available)
        # The locale tag is configuration, not personal data, so naming it is safe and helpful.
        super().__init__(
            f"no catalogue for locale {requested!r}; available: {', '.join(self.available)}"
        )
