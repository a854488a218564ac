"""The exceptions of terugkeer: one base, one for bad input.

Client data are special-category personal data, so no exception raised here ever carries an
offending *value*: a problem names where it is (a JSON path) and why, nothing more.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping

import attrs

from .catalogues.problem_rows import templates

__all__ = [
    "MAX_PROBLEMS",
    "ConflictError",
    "Params",
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


#: A problem's parameters: (name, value) pairs sorted by name, values as text.
Params = tuple[tuple[str, str], ...]


@attrs.frozen(weakref_slot=False, init=False, repr=False)
class Problem:
    """One thing wrong with some input: where (a JSON path such as ``$.ratings[4].score``), its
    code (``choice.not_allowed``) and the code's parameters (bounds, allowed codes, a part's
    name; never an input value). The English reason and the Dutch and English messages come
    from the code's catalogue entry.

    >>> problem = Problem("$.plan.safety.worries", "list.too_long", {"max": 100})
    >>> problem
    Problem(path='$.plan.safety.worries', code='list.too_long', params={'max': '100'})
    >>> problem.reason
    'holds at most 100 items'
    """

    path: str
    #: The stable code of the problem (``date.not_a_date``), for programs and translated UIs;
    #: see :mod:`terugkeer.catalogues.problem_rows`.
    code: str
    _params: Params

    def __init__(self, path: str, code: str, params: Mapping[str, str | int] | Params = ()) -> None:
        pairs = _pairs(params)
        if type(path) is not str or (code, frozenset(k for k, _ in pairs)) not in _templates():
            # A library bug, never bad input: so not a ValueError (which reads as bad input).
            raise LookupError(
                "a problem needs a path and a code of terugkeer.catalogues.problem_rows with the "
                "parameters its reason names"
            )
        _SET_PATH(self, path)
        _SET_CODE(self, code)
        _SET_PARAMS(self, pairs)

    @property
    def params(self) -> dict[str, str]:
        """The problem's parameters by name (a bound, a part, the expected factor), never an
        input value.

        >>> Problem("$.plan.safety.worries", "list.too_long", {"max": 100}).params
        {'max': '100'}
        """
        return dict(self._params)

    @property
    def reason(self) -> str:
        """The English reason that follows the path in an error message, from the catalogue.

        >>> Problem("$.assessed_on", "date.not_a_date").reason
        'is not a calendar date'
        """
        names = frozenset(k for k, _ in self._params)
        return _templates()[self.code, names].format(**dict(self._params))

    def under(self, prefix: str) -> Problem:
        """Return this problem with its path placed below ``prefix`` (itself a path)."""
        path = self.path
        if path == "$":
            return _problem(prefix, self.code, self._params)
        return _problem(
            prefix + (path[1:] if path[:1] == "$" else "." + path), self.code, self._params
        )

    def with_path(self, path: str) -> Problem:
        """Return this problem at another path."""
        return _problem(path, self.code, self._params)

    def __repr__(self) -> str:
        params = f", params={self.params!r}" if self._params else ""
        return f"Problem(path={self.path!r}, code={self.code!r}{params})"


def _pairs(params: Mapping[str, str | int] | Params) -> Params:
    if not params:
        return ()
    items = params.items() if isinstance(params, Mapping) else params
    pairs = []
    for name, value in items:
        if type(name) is not str or not (type(value) is str or type(value) is int):
            raise TypeError("a problem's parameters are names with text or whole numbers")
        pairs.append((name, str(value)))
    return tuple(sorted(pairs))


@functools.cache
def _templates() -> dict[tuple[str, frozenset[str]], str]:
    return templates()


_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def child_path(path: str, key: str) -> str:
    """The path of ``key`` below ``path``: ``$.a.b``. A key that is not a name (letters, digits,
    underscores) may be personal data or forge output lines, so it is shown as ``[?]``.

    >>> child_path("$.scores", "F99"), child_path("$.scores", "Amira\\n")
    ('$.scores.F99', '$.scores[?]')
    """
    return f"{path}.{key}" if type(key) is str and _KEY.fullmatch(key) else f"{path}[?]"


_SET_PATH = Problem.__dict__["path"].__set__
_SET_CODE = Problem.__dict__["code"].__set__
_SET_PARAMS = Problem.__dict__["_params"].__set__


def _problem(path: str, code: str, params: Params = ()) -> Problem:
    """A Problem from parts known to be good (taken from another problem), without the checks
    of ``__init__``: an error in a deep field is moved up one level at a time, with a new
    problem at each."""
    problem = object.__new__(Problem)
    _SET_PATH(problem, path)
    _SET_CODE(problem, code)
    _SET_PARAMS(problem, params)
    return problem


class ValidationError(TerugkeerError, ValueError):
    """Bad input: lists every problem found, each as a path and a reason, never with the value.

    >>> err = ValidationError([Problem("$.score", "type.integer")])
    >>> err.problems
    (Problem(path='$.score', code='type.integer'),)
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
    def at(
        cls, path: str, code: str, params: Mapping[str, str | int] | Params = ()
    ) -> ValidationError:
        """Build an error with a single problem."""
        return cls([Problem(path, code, params)])


class ConflictError(TerugkeerError):
    """A save was refused: the case file on disk has moved on since it was read (another save)."""


class UnsupportedLocaleError(TerugkeerError, LookupError):
    """No catalogue for the requested locale; the message lists the available ones."""

    def __init__(
        self, requested: str, available: Iterable[str], *, what: str = "catalogue"
    ) -> None:
        self.available = tuple(available)
        # The locale tag is configuration, not personal data, so naming it is safe and helpful.
        super().__init__(
            f"no {what} for locale {requested!r}; available: {', '.join(self.available)}"
        )
