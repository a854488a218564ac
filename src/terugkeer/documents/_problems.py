"""Turning a structuring failure into problems: JSON paths and reasons, never values."""

from __future__ import annotations

from cattrs.errors import (
    AttributeValidationNote,
    BaseValidationError,
    ForbiddenExtraKeysError,
    IterableValidationNote,
)

from terugkeer.errors import Problem, ValidationError, child_path

__all__ = ["PartFailed", "child_path", "problem_count", "problems_of"]


class PartFailed(Exception):
    """A record or list inside a document failed: its problems (the first ``MAX_PROBLEMS``)
    and how many there were. Only ever raised inside the converter, which reports it as a
    :class:`ValidationError`: a plain exception, because a document's failure passes through
    one per level and ``ValidationError``'s checks would be paid at each."""

    def __init__(self, problems: list[Problem], total: int) -> None:
        self.problems = problems
        self.total = total


#: The errors that carry their problems (a tuple: ``A | B`` would build a union at every call).
_CARRIERS = (ValidationError, PartFailed)


def _input_error(exc: BaseException) -> BaseException:
    """``exc`` when bad input can have caused it: a value a hook, an enum, a date or a record's
    rule refuses (``ValueError``, which :class:`ValidationError` is) or a missing key. Anything
    else is a bug in the library: it is raised again as it is, with its traceback, never
    reported as a problem with the input."""
    if isinstance(exc, (ValueError, KeyError)):
        return exc
    raise exc


def problems_of(exc: BaseException, path: str = "$") -> list[Problem]:
    """Flatten any structuring failure into problems with JSON paths, never echoing values."""
    if isinstance(exc, _CARRIERS):
        return [p.under(path) for p in exc.problems]
    if isinstance(exc, ForbiddenExtraKeysError):
        return [Problem(child_path(path, key), "key.unknown") for key in sorted(exc.extra_fields)]
    if isinstance(exc, BaseValidationError):
        found: list[Problem] = []
        for sub in exc.exceptions:
            sub_path = path
            for note in getattr(sub, "__notes__", ()):
                if isinstance(note, AttributeValidationNote):
                    sub_path = child_path(path, note.name)
                elif isinstance(note, IterableValidationNote):
                    sub_path = f"{path}[{note.index}]"
            found += problems_of(sub, sub_path)
        return found
    if isinstance(_input_error(exc), KeyError):
        return [Problem(path, "key.missing")]
    return [Problem(path, "value.invalid")]


def problem_count(exc: BaseException) -> int:
    """How many problems a structuring failure holds, counting those a capped error left out."""
    if isinstance(exc, _CARRIERS):
        return exc.total
    if isinstance(exc, ForbiddenExtraKeysError):
        return len(exc.extra_fields)
    if isinstance(exc, BaseValidationError):
        return sum(problem_count(sub) for sub in exc.exceptions)
    _input_error(exc)
    return 1
