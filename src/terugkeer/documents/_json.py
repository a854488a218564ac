"""JSON text in and out: the standard library always, jiter and orjson when installed.

``pip install terugkeer[fast]`` adds `jiter <https://github.com/pydantic/jiter>`_ (pydantic's
parser) and `orjson <https://github.com/ijl/orjson>`_. They are only ever a fast path. A document
that orjson writes back byte for byte (terugkeer's own form) is parsed without the duplicate-key
check; any other goes to jiter with duplicate keys, NaN and Infinity refused; whatever they refuse
is parsed again by the standard library, which gives the reason. The encoder is used only where its
output is the same, byte for byte, as the standard library's. Tests compare both ways on the same
documents.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import Any

__all__ = ["accelerated_parse", "encode", "native_encode", "native_writes"]


@functools.cache  # looked up on first use, so that importing terugkeer stays cheap
def _jiter() -> Callable[[bytes], Any] | None:
    try:
        import jiter
    except ImportError:
        return None

    def parse(data: bytes) -> Any:
        return jiter.from_json(data, allow_inf_nan=False, catch_duplicate_keys=True)

    return parse


@functools.cache
def _orjson() -> Callable[[Any, bool], bytes] | None:
    try:
        import orjson
    except ImportError:
        return None

    def dumps(data: Any, pretty: bool) -> bytes:
        return orjson.dumps(data, option=orjson.OPT_INDENT_2 if pretty else 0)

    return dumps


@functools.cache
def _quick_parse() -> Callable[[bytes], Any] | None:
    """A parser without the duplicate-key check, trusted only for a document that orjson writes
    back byte for byte: jiter's (its string cache shares repeated text between documents, which
    keeps decoded cases small), else orjson's."""
    try:
        import jiter
    except ImportError:
        try:
            import orjson
        except ImportError:
            return None
        return orjson.loads

    def parse(data: bytes) -> Any:
        return jiter.from_json(data, allow_inf_nan=False)

    return parse


def _canonical(data: bytes) -> tuple[bool, object]:
    """``(True, value)`` when ``data`` is exactly what :func:`encode` writes for its value
    (compact, or indented by two spaces, as terugkeer saves documents); else ``(False, None)``.

    Such a document has no duplicate key (the value written back would have fewer keys), no NaN
    and nothing else the value does not say exactly, so a parser that keeps the last of two
    equal keys (jiter without its costly duplicate-key check, or orjson) can be trusted with it.
    A glance at the first key skips the attempt for text laid out otherwise (such as
    ``json.dumps``'s default ``": "``)."""
    parse, dumps = _quick_parse(), _orjson()
    indented = data[1:2] == b"\n"
    if indented:  # by two spaces, as encode writes it
        looks_right = data[2:5] == b'  "'
    else:  # compact: no space after the first key (as the standard library's default puts)
        colon = data.find(b'":', 0, 80)
        looks_right = colon > 0 and data[colon + 2 : colon + 3] != b" "
    if parse is None or dumps is None or not looks_right:
        return False, None
    try:
        value = parse(data)
        if dumps(value, indented) == data:
            return True, value
    except Exception:  # refused, or cannot be written back: another parser decides
        pass
    return False, None


def accelerated_parse(data: bytes) -> tuple[bool, object]:
    """``(True, value)`` when a fast parser accepts ``data`` (UTF-8 JSON without duplicate keys,
    NaN, Infinity or lone surrogates): quickly for a document in terugkeer's own form (see
    ``_canonical``), else jiter when installed; otherwise ``(False, None)``, and the
    caller parses with the standard library, which says what is wrong."""
    accepted, value = _canonical(data)
    if accepted:
        return True, value
    parse = _jiter()
    if parse is None:
        return False, None
    try:
        return True, parse(data)
    except Exception:  # refused (or too deep for it): the standard library decides
        return False, None


def encode(data: Any, indent: int | None, *, accelerate: bool = True) -> str:
    """``data`` (JSON-ready: dicts, lists, str, int, bool, None) as JSON text.

    Compact (``{"a":1}``) without ``indent``; ``indent=2`` matches ``json.dumps(indent=2)``. orjson
    writes both when installed and ``accelerate`` holds; the standard library writes the same
    bytes otherwise, and every other indent.
    """
    if accelerate:
        text = native_encode(data, indent)
        if text is not None:
            return text
    if indent is None:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return json.dumps(data, ensure_ascii=False, indent=indent)


def native_writes(indent: int | None) -> bool:
    """Whether :func:`native_encode` can write with ``indent``: orjson is installed, and writes
    that layout (compact, or indented by two)."""
    return indent in (None, 2) and _orjson() is not None


def native_encode(data: Any, indent: int | None) -> str | None:
    """``data`` as orjson writes it, or None when it cannot (not installed, another indent, or a
    value it refuses, such as a lone surrogate or a subclass of ``date``).

    Besides JSON-ready values, ``data`` may hold what the fast path's writer for orjson leaves
    as it is: dates (orjson writes ``YYYY-MM-DD``, the text of ``date.isoformat``, in less time
    than the method takes), members of string enums, and tuples.
    """
    dumps = _orjson()
    if dumps is None or not native_writes(indent):
        return None
    try:
        return dumps(data, indent == 2).decode("utf-8")
    except (TypeError, ValueError):  # the caller writes it another way
        return None
