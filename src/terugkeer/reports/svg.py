"""Pictures where people look rather than read: the factor balance and Total − / Total + per date.

Both are inline SVG with a ``<title>`` and ``<desc>``, drawn at their true size (text 12 px, which
is 9 pt on paper), and always stand next to a table with the same numbers. Minus and plus are
drawn alike: the same fill, the same outline, the same scale; only the side differs, because −/+
is a direction and never a value judgement, so neither side may look heavier. Tick marks at 1, 2
and 3 on both sides. For a right-to-left page (``rtl=True``) the whole picture is mirrored as the
page is: minus on the start side, which is then the right.

>>> import datetime as dt
>>> from terugkeer import Assessment, Texts
>>> svg = balance_chart(Assessment.build(dt.date(2026, 3, 2), {"F02": -3, "F07": 3}), Texts("en"))
>>> svg.count('class="bar minus"'), svg.count('class="bar plus"')
(1, 1)
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from terugkeer.factors import FACTORS, Assessment, FactorGroup, Rating, RatingKind
from terugkeer.i18n import Texts
from terugkeer.reports.markup import Markup, element

__all__ = ["BAR_FILL", "FONT_PX", "INK", "balance_chart", "key_symbols", "totals_chart"]

#: The one ink of the charts: dark slate, contrast about 14:1 on white (WCAG AA: 3:1 for graphics).
INK = "#1f2a44"
#: The fill of every bar, minus and plus alike: mid grey, 3.1:1 against white, outlined in ink.
BAR_FILL = "#8a93a6"
#: Text size in the charts: 12 px on screen, 9 pt on paper (the SVG is never scaled down).
FONT_PX = 12
_UNIT = 30
_LABEL_W = 230
_WRAP = 34


class _Canvas:
    """Coordinates from the start side: ``x`` measured from the left, or from the right when
    the page is right-to-left, so one drawing serves both directions."""

    def __init__(self, width: float, rtl: bool) -> None:
        self.width = width
        self.rtl = rtl

    def x(self, value: float) -> float:
        return self.width - value if self.rtl else value

    def anchor(self, anchor: str) -> str:
        """The same anchor either way: the SVG's text runs in the page's direction, so ``end``
        is the right edge of a left-to-right text and the left edge of a right-to-left one."""
        return anchor

    def text(self, x: float, y: float, content: str, anchor: str = "start", **extra: str) -> Markup:
        """Text at ``x`` from the start side, running in the page's direction."""
        attributes = {
            "x": f"{self.x(x):g}",
            "y": f"{y:g}",
            "fill": INK,
            "font-size": str(FONT_PX),
            "text-anchor": anchor,
            **extra,
        }
        return element("text", attributes, content)

    def number(
        self, x: float, y: float, content: str, anchor: str = "start", weight: str = "normal"
    ) -> Markup:
        """A number (−3, + 6), which reads left to right on every page: on a right-to-left page
        its anchor is mirrored so it stays on the same side of ``x``."""
        if self.rtl and anchor != "middle":
            anchor = "start" if anchor == "end" else "end"
        ltr = {"direction": "ltr", "unicode-bidi": "embed", "font-weight": weight}
        return self.text(x, y, content, anchor, **ltr)

    def bar(self, start: float, length: float, y: float, kind: str) -> Markup:
        """A bar from ``start`` over ``length`` (negative: toward the start side)."""
        left = min(self.x(start), self.x(start + length))
        return element(
            "rect",
            {"x": f"{left:g}", "y": f"{y:g}", "width": f"{abs(length):g}", "height": "12",
             "fill": BAR_FILL, "stroke": INK, "stroke-width": "1", "class": f"bar {kind}"},
        )  # fmt: skip

    def line(self, x1: float, y1: float, x2: float, y2: float, **extra: str) -> Markup:
        attributes = {
            "x1": f"{self.x(x1):g}", "y1": f"{y1:g}", "x2": f"{self.x(x2):g}", "y2": f"{y2:g}",
            "stroke": INK, "stroke-width": "1", **extra,
        }  # fmt: skip
        return element("line", attributes)


def _svg(
    width: float, height: float, ident: str, title: str, desc: str, *body: Markup, rtl: bool
) -> Markup:
    return element(
        "svg",
        {
            "direction": "rtl" if rtl else "ltr",
            "xmlns": "http://www.w3.org/2000/svg",
            "viewBox": f"0 0 {width:g} {height:g}",
            "width": f"{width:g}",
            "height": f"{height:g}",
            "role": "img",
            "aria-labelledby": f"{ident}-title {ident}-desc",
            "class": "chart",
        },
        element("title", {"id": f"{ident}-title"}, title),
        element("desc", {"id": f"{ident}-desc"}, desc),
        *body,
    )


def _mark(canvas: _Canvas, rating: Rating, axis: float, y: float) -> Markup:
    """A bar for a score; a dot for "no score"; an open circle for a skipped factor."""
    if rating.score is not None:
        kind = "minus" if rating.score < 0 else "plus"
        return canvas.bar(axis, rating.score * _UNIT, y - 10, kind)
    if rating.kind is RatingKind.UNSCORED:
        return element(
            "circle",
            {"cx": f"{canvas.x(axis):g}", "cy": f"{y - 4:g}", "r": "4", "fill": INK,
             "class": "unscored"},
        )  # fmt: skip
    return element(
        "circle",
        {"cx": f"{canvas.x(axis):g}", "cy": f"{y - 4:g}", "r": "5", "fill": "#ffffff",
         "stroke": INK, "stroke-width": "1.5", "class": "skipped"},
    )  # fmt: skip


def _ticks(canvas: _Canvas, axis: float, unit: float, top: float, bottom: float) -> list[Markup]:
    """Tick marks and faint guide lines at 1, 2 and 3 on both sides, labelled −3 … +3."""
    parts: list[Markup] = []
    for step in (-3, -2, -1, 1, 2, 3):
        x = axis + step * unit
        label = f"{'−' if step < 0 else '+'}{abs(step)}"
        parts.append(canvas.number(x, top - 8, label, "middle"))
        parts.append(canvas.line(x, top - 4, x, top + 2))
        parts.append(
            canvas.line(x, top + 2, x, bottom, **{"stroke-dasharray": "2 3", "stroke-width": ".5"})
        )
    return parts


def balance_chart(
    assessment: Assessment, texts: Texts, ident: str = "balance", *, rtl: bool | None = None
) -> Markup:
    """Per factor a bar toward − or toward +, grouped as on the form, each group's Total − and
    Total + in its heading, both totals of all factors at the foot; never a netted number."""
    rtl = texts.direction == "rtl" if rtl is None else rtl
    axis = _LABEL_W + 3 * _UNIT + 12
    width = axis + 3 * _UNIT + 16
    canvas = _Canvas(width, rtl)
    parts: list[Markup] = []
    top = 28
    y = top + 18
    totals = assessment.totals_by_group()
    for group in FactorGroup:
        t = totals[group]
        heading = textwrap.wrap(texts.label(group), _WRAP) or [""]
        for k, line in enumerate(heading):
            parts.append(canvas.text(4, y + 15 * k, line, **{"font-weight": "bold"}))
        last = y + 15 * (len(heading) - 1)
        parts.append(canvas.number(axis - 6, last, f"− {t.minus}", "end", "bold"))
        parts.append(canvas.number(axis + 6, last, f"+ {t.plus}", "start", "bold"))
        y = last + 20
        for factor, rating in zip(FACTORS, assessment.ratings, strict=True):
            if factor.group is not group:
                continue
            lines = textwrap.wrap(f"{factor.number}. {texts.label(factor)}", _WRAP) or [""]
            for k, line in enumerate(lines):
                parts.append(canvas.text(_LABEL_W - 4, y + 15 * k, line, "end"))
            parts.append(_mark(canvas, rating, axis, y))
            y += 20 + 15 * (len(lines) - 1)
    bottom = y - 12
    parts = _ticks(canvas, axis, _UNIT, top, bottom) + parts
    parts.append(canvas.line(axis, top - 2, axis, bottom, **{"stroke-width": "1.5"}))
    overall = assessment.totals()
    y += 6
    parts.append(
        canvas.text(axis - 6, y, f"{texts('report.total_minus')} {overall.minus}", "end",
                    **{"font-weight": "bold"})
    )  # fmt: skip
    parts.append(
        canvas.text(axis + 6, y, f"{texts('report.total_plus')} {overall.plus}",
                    **{"font-weight": "bold"})
    )  # fmt: skip
    title = texts("report.chart.balance", date=texts.date(assessment.assessed_on))
    return _svg(width, y + 10, ident, title, texts("report.chart.balance.desc"), *parts, rtl=rtl)


def totals_chart(
    assessments: Sequence[Assessment],
    texts: Texts,
    ident: str = "totals",
    *,
    rtl: bool | None = None,
) -> Markup:
    """Total − and Total + of every dated assessment, one row per date, drawn toward − and toward
    + from one axis on one scale; the numbers stand beside the bars. Twenty dates are twenty
    rows, as legible as two."""
    rtl = texts.direction == "rtl" if rtl is None else rtl
    label_w, reach = 120, 150
    highest = max([1, *(max(a.totals().minus, a.totals().plus) for a in assessments)])
    axis = label_w + reach + 34
    width = axis + reach + 40
    canvas = _Canvas(width, rtl)
    parts: list[Markup] = [
        canvas.text(axis - 6, 16, texts("report.total_minus"), "end", **{"font-weight": "bold"}),
        canvas.text(axis + 6, 16, texts("report.total_plus"), **{"font-weight": "bold"}),
    ]
    y = 40
    for a in assessments:
        totals = a.totals()
        parts.append(canvas.text(label_w - 4, y, texts.date(a.assessed_on, "medium"), "end"))
        minus = totals.minus / highest * reach
        plus = totals.plus / highest * reach
        if minus:
            parts.append(canvas.bar(axis, -minus, y - 10, "minus"))
        if plus:
            parts.append(canvas.bar(axis, plus, y - 10, "plus"))
        parts.append(canvas.number(axis - minus - 5, y, str(totals.minus), "end"))
        parts.append(canvas.number(axis + plus + 5, y, str(totals.plus)))
        y += 20
    parts.append(canvas.line(axis, 24, axis, y - 12, **{"stroke-width": "1.5"}))
    title = texts("report.timeline.chart")
    return _svg(width, y, ident, title, texts("report.timeline.chart.desc"), *parts, rtl=rtl)


def key_symbols() -> dict[str, str]:
    """The symbols the key beside a chart explains, by name (``bar``, ``dot``, ``circle``,
    ``diamond``), each a small SVG drawn as in the charts; the key's words are
    ``report.key.<name>``."""

    def small(*body: Markup) -> str:
        return str(
            element(
                "svg",
                {"xmlns": "http://www.w3.org/2000/svg", "viewBox": "0 0 28 16", "width": "28",
                 "height": "16", "aria-hidden": "true", "focusable": "false"},
                *body,
            )
        )  # fmt: skip

    return {
        "bar": small(
            element(
                "rect",
                {
                    "x": "2",
                    "y": "2",
                    "width": "24",
                    "height": "12",
                    "fill": BAR_FILL,
                    "stroke": INK,
                    "stroke-width": "1",
                },
            ),
        ),
        "dot": small(element("circle", {"cx": "14", "cy": "8", "r": "4", "fill": INK})),
        "circle": small(
            element(
                "circle",
                {
                    "cx": "14",
                    "cy": "8",
                    "r": "5",
                    "fill": "#ffffff",
                    "stroke": INK,
                    "stroke-width": "1.5",
                },
            ),
        ),
        "diamond": small(
            element(
                "text",
                {"x": "14", "y": "13", "text-anchor": "middle", "font-size": "14", "fill": INK},
                "◆",
            ),
        ),
    }
