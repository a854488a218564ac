"""Printed instruments as self-contained HTML: semantic tables, lists and headings, A4 at 100 %.

The page has a ``lang`` and a ``dir`` attribute and uses logical CSS properties only, so a
right-to-left page mirrors as a whole, the charts with it. No JavaScript, no network. On paper a
running header and footer name the dossier, the date the page was made and "page x of y" (CSS
``@page`` margin boxes); a row stays with its note and Overview 1 with its grid. Every text a person
typed is isolated (``<bdi>``), keeps its line breaks and wraps anywhere, so a right-to-left
override cannot turn the library's words around and a 300-letter word stays on the page. The
page title names the report and the date, never the client.

>>> import datetime as dt
>>> from terugkeer import CaseFile, Texts
>>> page = html_report(CaseFile("c-1"), Texts("en"), generated_on=dt.date(2026, 3, 2))
>>> page.startswith('<!DOCTYPE html><html lang="en" dir="ltr">')
True
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from terugkeer.case import CaseFile
from terugkeer.factors import Assessment
from terugkeer.i18n import Bilingual, Texts
from terugkeer.reports.blocks import (
    Block,
    Cell,
    Fields,
    Figure,
    Inline,
    Items,
    Para,
    Row,
    Section,
    Table,
    Value,
    plain,
)
from terugkeer.reports.markup import Markup, element, escape, join
from terugkeer.reports.own import journal_sections
from terugkeer.reports.pages import Copy, case_sections, draft_notice
from terugkeer.reports.svg import balance_chart, totals_chart
from terugkeer.wellbeing import CounsellorJournal

__all__ = ["STYLE", "css_string", "html_page", "html_report", "journal_report", "render_block"]

#: The page's only style sheet: screen and A4 print, logical properties (right-to-left ready).
STYLE = """
:root { color: #1f2a44; background: #ffffff; font-family: system-ui, "Noto Sans", "DejaVu Sans",
        sans-serif; line-height: 1.4; }
:lang(ar), :lang(fa) { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Segoe UI",
        "Geeza Pro", Tahoma, sans-serif; line-height: 1.6; }
:lang(ti) { font-family: "Noto Sans Ethiopic", "Abyssinica SIL", Ebrima, Nyala, sans-serif;
        line-height: 1.6; }
:lang(nl), :lang(en), :lang(fr), :lang(tr), :lang(ru) { font-family: system-ui, "Noto Sans",
        "DejaVu Sans", sans-serif; }
[dir="rtl"] .gloss { text-align: right; }
td.score, td.previous { direction: ltr; unicode-bidi: isolate; }
table.grid { line-height: 1.3; }
.gloss { display: block; font-size: .82em; font-weight: normal; color: #3d4a66; }
p.draft { border: 1px solid #1f2a44; padding: .2rem .5rem; font-size: .85rem; margin-block: .4rem; }
body { max-inline-size: 60rem; margin-inline: auto; padding-inline: .75rem; margin-block: 1rem; }
header.page { border-block-end: 2px solid #1f2a44; margin-block-end: 1rem; }
header.page h1 { font-size: 1.45rem; margin-block: .2rem; }
header.page dl { display: flex; flex-wrap: wrap; gap: .2rem 1.5rem; margin-block: .3rem; }
header.page dl div { display: flex; gap: .4rem; }
header.page dt { font-weight: 600; }
header.page dd { margin: 0; }
h2 { font-size: 1.25rem; margin-block: 1.4rem .4rem; border-block-end: 1px solid #1f2a44; }
h3 { font-size: 1.08rem; margin-block: 1rem .3rem; }
h4, h5, h6 { font-size: 1rem; margin-block: .8rem .2rem; }
h2, h3, h4, h5, h6 { break-after: avoid; break-inside: avoid; }
bdi { unicode-bidi: isolate; white-space: pre-line; overflow-wrap: anywhere; }
p, li, dd, td, th, caption, figcaption, dt { overflow-wrap: break-word; }
.wide { overflow-x: auto; max-inline-size: 100%; position: relative; }
table { border-collapse: collapse; inline-size: 100%; margin-block: .4rem .8rem; font-size: .9rem; }
caption { text-align: start; font-weight: 600; padding-block: .2rem; caption-side: top; }
th, td { border: 1px solid #5b6478; padding: .2rem .35rem; vertical-align: top; text-align: start; }
thead th { background: #e8ebf1; font-weight: 600; }
tbody th { font-weight: normal; }
tbody.with-note { break-inside: avoid; }
tr { break-inside: avoid; }
tr.group th { background: #e8ebf1; font-weight: 600; }
tr.totals th, tr.totals td { font-weight: 600; }
tr.note td { border-block-start: 0; font-size: .85rem; padding-inline-start: 1.5rem; }
table.grid { table-layout: fixed; }
table.grid { font-size: .85rem; }
table.grid th, table.grid td { padding-block: .12rem; }
table.grid col.factor { inline-size: 31.9%; }
table.grid col.score { inline-size: 8.3%; }
table.grid col.previous { inline-size: 10%; }
table.grid thead th { padding-inline: .1rem; }
table.grid thead th.scale { text-align: center; font-size: .75rem; line-height: 1.2;
        font-weight: normal;
        white-space: pre-line; overflow-wrap: normal; hyphens: manual; }
table.grid thead th.scale::first-line { font-weight: 600; font-size: .9rem; }
table.grid td.mark { text-align: center; font-size: 1rem; }
table.grid td.previous, table.grid th.previous { text-align: center; }
table.grid td.total { text-align: center; }
section.overview1 > .sheet { break-inside: avoid; }
table.timeline { font-size: .8rem; }
table.timeline td { text-align: center; padding-inline: .1rem; }
dl.fields { margin-block: .3rem .8rem; }
dl.fields > div { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); gap: .8rem;
        border-block-end: 1px solid #c9ceda; padding-block: .2rem; break-inside: avoid; }
dl.fields dt { font-weight: 600; }
dl.fields dd { margin: 0; white-space: pre-line; }
dd.open { min-block-size: 1.3rem; border-block-end: 1px dotted #5b6478; }
td.open { block-size: 1.6rem; }
section.urgent { border: 3px solid #1f2a44; padding: .2rem 1rem .6rem; margin-block: 1rem; }
section.person, section.appointment, section.item { border-inline-start: 3px solid #c9ceda;
        padding-inline-start: .6rem; }
p.note, p.stamp, p.guidance, p.progress { font-size: .85rem; }
p.legend { font-size: .9rem; }
figure { margin: .5rem 0 1rem; break-inside: avoid; }
figure .with-key { display: flex; flex-wrap: nowrap; gap: .5rem 1rem; align-items: flex-start; }
figure .chart { display: block; }
@media screen and (max-width: 44rem) { figure .with-key { flex-wrap: wrap; } }
figure ul.key { list-style: none; padding: 0; margin: 0; font-size: .85rem;
        max-inline-size: 13rem; }
figure ul.key li { display: flex; gap: .5rem; align-items: center; margin-block-end: .3rem; }
figure ul.key svg { flex: none; }
figure .wide { flex: none; max-inline-size: 100%; }
figcaption { font-size: .85rem; margin-block-end: .3rem; }
.sr-only { position: absolute; inline-size: 1px; block-size: 1px; overflow: hidden;
           clip-path: inset(50%); white-space: nowrap; }
@media (max-width: 30rem) {  /* a phone: a long word in the grid breaks rather than overflows */
  table.grid th, table.grid td, table.grid thead th.scale { overflow-wrap: anywhere; }
}
@media print {
  :root { font-size: 10pt; }
  body { max-inline-size: none; padding: 0; margin: 0; }
  .wide { overflow: visible; }
  h2 { margin-block-start: 1rem; }
  /* tight enough that the grid fits on one A4 page in every language, Ethiopic script included */
  table.grid th, table.grid td { padding-block: .06rem; }
}
"""

#: The running header and footer; ``start`` and ``end`` are the page's physical sides in its
#: direction (margin boxes are physical: in right-to-left the file number stands at the right).
_RUNNING = """
@page {{ size: A4; margin: 16mm 14mm 15mm;
  @top-{start} {{ content: {left}; font: 8pt {fonts}; color: #1f2a44; }}
  @top-{end} {{ content: {right}; font: 8pt {fonts}; color: #1f2a44; }}
  @bottom-{end} {{ content: {page}; font: 8pt {fonts}; color: #1f2a44; }}
}}
"""
#: The margin boxes' fonts: they do not inherit the page's, so they name every script's.
_MARGIN_FONTS = (
    'system-ui, "Noto Sans", "Noto Naskh Arabic", "Noto Sans Ethiopic", "DejaVu Sans", sans-serif'
)


#: What a running header never prints: control characters and the bidi embeddings, overrides and
#: isolates, which CSS content cannot isolate (replaced by U+FFFD; the record is not changed).
_UNSAFE = {
    **dict.fromkeys(range(0x20), "\ufffd"),
    **dict.fromkeys(range(0x7F, 0xA0), "\ufffd"),
    **dict.fromkeys((*range(0x202A, 0x202F), *range(0x2066, 0x206A)), "\ufffd"),
}


def css_string(value: str) -> str:
    """``value`` as a CSS string literal in which every character but ASCII letters, digits and
    spaces is a hex escape: typed text can neither end the string nor the style sheet. A space
    right after an escape is escaped too, since CSS reads one such space as the escape's end.

    >>> css_string('a"</style>')
    '"a\\\\000022\\\\00003C\\\\00002Fstyle\\\\00003E"'
    >>> css_string("é b")
    '"\\\\0000E9\\\\000020b"'
    """
    out = []
    escaped = False
    for char in value.translate(_UNSAFE):
        plain = char.isascii() and (char.isalnum() or (char == " " and not escaped))
        out.append(char if plain else f"\\{ord(char):06X}")
        escaped = not plain
    return '"' + "".join(out) + '"'


def _page_counter(texts: Texts) -> str:
    """ "page x of y" as CSS content, in the locale's own order of words."""
    template = texts("report.page_of", page="\x00page\x00", pages="\x00pages\x00")
    parts = []
    for i, piece in enumerate(template.split("\x00")):
        if i % 2:
            parts.append(f"counter({piece})")
        elif piece:
            parts.append(css_string(piece))
    return " ".join(parts)


def _inline(run: Inline) -> Markup:
    parts: list[str] = []
    for piece in run:
        if isinstance(piece, Value):
            parts.append(element("bdi", None, piece.text))
        elif isinstance(piece, Bilingual) and piece.shown:
            parts.append(escape(piece) + _gloss(piece))
        else:
            parts.append(escape(piece))
    return Markup("".join(parts))


def _gloss(text: Bilingual) -> Markup:
    """The second language's text below the first, marked with its own language and direction."""
    direction = Texts(text.second_language).direction
    attributes = {"class": "gloss", "lang": text.second_language, "dir": direction}
    return element("span", attributes, text.second)


def _cell(cell: Cell, tag: str, scope: str | None, texts: Texts) -> Markup:
    attributes: dict[str, object] = {"scope": scope if tag == "th" else None}
    if cell.span > 1:
        attributes["colspan"] = cell.span
        if scope == "row":
            attributes["scope"] = "rowgroup" if cell.kind == "group" else "row"
    if cell.kind:
        attributes["class"] = cell.kind
    if cell.kind == "open":
        return element(tag, attributes, element("span", {"class": "sr-only"}, texts("report.open")))
    if cell.spoken:
        content = join(
            (
                element("span", {"aria-hidden": "true"}, _inline(cell.text)),
                element("span", {"class": "sr-only"}, cell.spoken),
            )
        )
    else:
        content = _inline(cell.text)
    return element(tag, attributes, content)


def _row(row: Row, texts: Texts, scope: str) -> Markup:
    cells = []
    for cell in row.cells:
        tag = "th" if cell.header else "td"
        cells.append(_cell(cell, tag, scope if cell.header else None, texts))
    return element("tr", {"class": row.kind or None}, join(cells))


def _table(table: Table, texts: Texts) -> Markup:
    width = sum(c.span for c in table.head[0].cells) if table.head else 1
    parts: list[str] = []
    if table.caption:
        parts.append(element("caption", None, _inline(table.caption)))
    if table.kind == "grid":
        kinds = [c.kind for c in table.head[0].cells]
        cols = [
            "factor" if k == "factor" else "previous" if k == "previous" else "score" for k in kinds
        ]
        parts.append(element("colgroup", None, join(element("col", {"class": c}) for c in cols)))
    parts.append(element("thead", None, join(_row(r, texts, "col") for r in table.head)))
    plain_rows: list[str] = []
    for row in table.body:
        if row.note is None:
            plain_rows.append(_row(row, texts, "row"))
            continue
        if plain_rows:
            parts.append(element("tbody", None, join(plain_rows)))
            plain_rows = []
        note = element(
            "tr", {"class": "note"}, element("td", {"colspan": width}, _inline(row.note))
        )
        parts.append(element("tbody", {"class": "with-note"}, _row(row, texts, "row"), note))
    if plain_rows:
        parts.append(element("tbody", None, join(plain_rows)))
    label = plain(table.caption) if table.caption else None
    inner = element("table", {"class": table.kind or None}, join(parts))
    if table.kind == "grid":  # sized to fit the page; it never needs to scroll
        return inner
    region: dict[str, object] = {"class": "wide"}
    if label:
        region.update({"role": "region", "aria-label": label, "tabindex": "0"})
    return element("div", region, inner)


def _fields(fields: Fields, texts: Texts) -> Markup:
    rows = []
    for field in fields.rows:
        if field.value is None:
            value = element(
                "dd", {"class": "open"}, element("span", {"class": "sr-only"}, texts("report.open"))
            )
        else:
            value = element("dd", None, _inline(field.value))
        rows.append(element("div", None, element("dt", None, _inline(field.label)), value))
    return element("dl", {"class": f"fields {fields.kind}".strip()}, join(rows))


def _figure(figure: Figure) -> Markup:
    key = element(
        "ul",
        {"class": "key"},
        join(
            element("li", None, Markup(symbol), element("span", None, _inline(meaning)))
            for symbol, meaning in figure.key
        ),
    )
    caption = element("figcaption", None, _inline(figure.caption)) if figure.caption else ""
    scroll = element(
        "div",
        {
            "class": "wide",
            "role": "group",
            "tabindex": "0",
            "aria-label": plain(figure.caption) or None,
        },
        Markup(figure.svg),
    )
    return element("figure", None, caption, element("div", {"class": "with-key"}, scroll, key))


def render_block(block: Block, texts: Texts, level: int = 2) -> Markup:
    """One block as HTML; a section's heading is ``<h{level}>``, its sections one level deeper."""
    if isinstance(block, Section):
        heading = element(f"h{min(level, 6)}", None, _inline(block.heading))
        inner = join(render_block(b, texts, level + 1) for b in block.blocks)
        # The heading, the note and the grid stay on one page (two languages make it too long)
        if block.kind == "overview1" and texts.second is None:
            first = next(i for i, b in enumerate(block.blocks) if isinstance(b, Table)) + 1
            sheet = join(render_block(b, texts, level + 1) for b in block.blocks[:first])
            rest = join(render_block(b, texts, level + 1) for b in block.blocks[first:])
            heading = element("div", {"class": "sheet"}, heading, sheet)
            inner = rest
        classes = block.kind or None
        return element("section", {"id": block.id, "class": classes}, heading, inner)
    if isinstance(block, Para):
        return element("p", {"class": block.kind or None}, _inline(block.text))
    if isinstance(block, Items):
        tag = "ol" if block.ordered else "ul"
        return element(
            tag,
            {"class": block.kind or None},
            join(element("li", None, _inline(e)) for e in block.entries),
        )
    if isinstance(block, Fields):
        return _fields(block, texts)
    if isinstance(block, Table):
        return _table(block, texts)
    return _figure(block)


class _Charts:
    """The pictures of one page, with ids unique on the page, drawn in the page's direction."""

    def __init__(self, texts: Texts, rtl: bool) -> None:
        self.texts = texts
        self.rtl = rtl

    def balance(self, assessment: Assessment) -> Markup:
        return balance_chart(assessment, self.texts, ident="balance", rtl=self.rtl)

    def totals(self, assessments: Sequence[Assessment]) -> Markup:
        return totals_chart(assessments, self.texts, ident="totals", rtl=self.rtl)


def html_page(
    title: str,
    header: Sequence[tuple[str, Inline]],
    sections: Sequence[Section],
    texts: Texts,
    *,
    running: tuple[str, str],
    direction: str | None = None,
    notice: Inline = (),
) -> str:
    """A whole page: ``title`` as its heading, ``header`` as labelled lines under it, the
    sections, and ``running`` (start, end) as the running header on paper. ``direction``
    (``ltr`` or ``rtl``) defaults to the locale's; a ``notice`` stands under the heading."""
    rtl = (direction or texts.direction) == "rtl"
    style = STYLE + _RUNNING.format(
        left=css_string(running[0]),
        right=css_string(running[1]),
        page=_page_counter(texts),
        start="right" if rtl else "left",
        end="left" if rtl else "right",
        fonts=_MARGIN_FONTS,
    )
    head = element(
        "head",
        None,
        Markup('<meta charset="utf-8">'),
        Markup('<meta name="viewport" content="width=device-width, initial-scale=1">'),
        element("title", None, title),
        element("style", None, Markup(style)),
    )
    facts = element(
        "dl",
        None,
        join(
            element(
                "div", None, element("dt", None, _inline((k,))), element("dd", None, _inline(v))
            )
            for k, v in header
        ),
    )
    shown = element("p", {"class": "draft", "role": "note"}, _inline(notice)) if notice else ""
    top = element("header", {"class": "page"}, element("h1", None, _inline((title,))), shown, facts)
    main = element("main", None, join(render_block(s, texts) for s in sections))
    body = element("body", None, top, main)
    page = element(
        "html", {"lang": texts.language, "dir": direction or texts.direction}, head, body
    )
    return "<!DOCTYPE html>" + page


def html_report(
    case: CaseFile,
    texts: Texts,
    *,
    generated_on: dt.date,
    copy: Copy = Copy.FILE,
    direction: str | None = None,
) -> str:
    """The case as one printable page in the locale of ``texts``: the file copy (default) or the
    client's copy to take home (no signals, no working notes). The client's copy can be in a
    client language, with a second language beside each label (``Texts(..., second="nl")``) and,
    while its catalogue is a draft, a notice saying so in both languages.

    ``generated_on`` is printed in the header and on every page (the library never reads the
    clock here). ``direction`` forces ``ltr`` or ``rtl`` (default: the locale's); the page and its
    charts mirror together.
    """
    if direction not in (None, "ltr", "rtl"):
        raise ValueError("direction must be 'ltr' or 'rtl'")
    rtl = (direction or texts.direction) == "rtl"
    made = texts.date(generated_on)
    title = texts(f"report.title.{copy.value}")
    header: list[tuple[str, Inline]] = [
        (texts("report.dossier"), (Value(case.case_id),)),
        (texts("report.made"), (made,)),
    ]
    organisation = case.plan.organisation.organisation
    if organisation:
        header.append((texts("report.organisation_label"), (Value(organisation),)))
    sections = case_sections(case, texts, copy=copy, charts=_Charts(texts, rtl))
    running = (
        f"{texts('report.dossier')} {case.case_id} · {texts(f'report.copy.{copy.value}')}",
        f"{texts('report.made')} {made}",
    )
    notice = draft_notice(texts)
    return html_page(
        title,
        header,
        sections,
        texts,
        running=running,
        direction=direction,
        notice=notice.text if notice is not None else (),
    )


def journal_report(journal: CounsellorJournal, texts: Texts, *, generated_on: dt.date) -> str:
    """The counsellor's own instruments as a private page of their own, never part of a case."""
    made = texts.date(generated_on)
    title = texts("report.own.title")
    header: list[tuple[str, Inline]] = [(texts("report.made"), (made,))]
    running = (title, f"{texts('report.made')} {made}")
    return html_page(title, header, journal_sections(journal, texts), texts, running=running)
