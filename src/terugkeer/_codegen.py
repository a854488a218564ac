"""The one home of generated code: compile a generated function and register its source.

The loader, the research export and the CSV writer generate straight-line functions for speed.
Like attrs and cattrs, each generated source is kept in :mod:`linecache` under a unique file
name, so a traceback, ``inspect.getsource`` or a debugger shows the generated lines instead of
nothing.

>>> add = generated_function("add", "def add(a, b):\\n    return a + b\\n", {}, "example")
>>> add(2, 3)
5
>>> import inspect
>>> print(inspect.getsource(add), end="")
def add(a, b):
    return a + b
"""

from __future__ import annotations

import itertools
import linecache
import threading
from collections.abc import Callable
from typing import Any

__all__ = ["generated_function"]

_numbers = itertools.count(1)
_lock = threading.Lock()


def generated_function(
    name: str, source: str, namespace: dict[str, Any], what: str
) -> Callable[..., Any]:
    """The function ``name`` defined by ``source``, run in ``namespace`` (its globals), with
    the source registered in :mod:`linecache` under ``<terugkeer generated WHAT N>``."""
    with _lock:
        filename = f"<terugkeer generated {what} {next(_numbers)}>"
    if not source.endswith("\n"):
        source += "\n"
    code = compile(source, filename, "exec")
    # The entry's mtime is None, so linecache.checkcache() keeps it (as attrs does).
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    exec(code, namespace)
    function: Callable[..., Any] = namespace[name]
    return function
