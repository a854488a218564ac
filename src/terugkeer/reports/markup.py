"""A small HTML/SVG builder on the standard library that escapes everything it is given.

Text and attribute values always pass through :func:`html.escape`; only a :class:`Markup` (made by
this module from escaped parts) is inserted as it is. Client and counsellor text can therefore never
become an element or an attribute of the page. We chose this over a template library to keep the
core free of dependencies: the pages are small and built in code.

>>> str(element("p", {"class": "note"}, "<script>alert(1)</script>"))
'<p class="note">&lt;script&gt;alert(1)&lt;/script&gt;</p>'
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping

__all__ = ["Markup", "element", "escape", "join"]

_NAME = re.compile(r"[a-zA-Z][a-zA-Z0-9:-]*")


class Markup(str):
    """A string that is already safe HTML: built by this module, never from raw input."""

    __slots__ = ()


def escape(value: object) -> Markup:
    """Text made safe for HTML content and attribute values; a :class:`Markup` stays as it is."""
    if isinstance(value, Markup):
        return value
    return Markup(html.escape(str(value), quote=True))


def join(parts: Iterable[str]) -> Markup:
    """Parts in a row, each escaped unless it is already :class:`Markup`."""
    return Markup("".join(escape(part) for part in parts))


def element(tag: str, attributes: Mapping[str, object] | None = None, *children: object) -> Markup:
    """``<tag attributes>children</tag>``; ``None`` attribute values are left out.

    Tag and attribute names come from code, never from input, and are checked to be names.
    """
    if not _NAME.fullmatch(tag):
        raise ValueError("not a tag name")
    attrs_text = ""
    for name, value in (attributes or {}).items():
        if not _NAME.fullmatch(name):
            raise ValueError("not an attribute name")
        if value is not None:
            attrs_text += f' {name}="{escape(value)}"'
    inner = join(c if isinstance(c, str) else str(c) for c in children)
    return Markup(f"<{tag}{attrs_text}>{inner}</{tag}>")
