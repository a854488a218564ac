"""Pictures where people look rather than read: the factor balance and the re-assessment timeline.

Both are inline SVG with a ``<title>`` and ``<desc>``, and come with a table holding the same
numbers for screen readers (:mod:`terugkeer.reports.html` places it). Minus and plus differ by side
*and* by pattern (hatched to the left, solid to the right), never by colour alone; one neutral ink
serves both, because direction is not a value judgement. Its contrast on white is far above WCAG AA.
"""

from __future__ import annotations

from collections.abc import Sequence

from terugkeer.factors import FACTORS, Assessment, FactorGroup, Rating, RatingKind
from terugkeer.i18n import Texts
from terugkeer.reports.markup import Markup, element, join
from terugkeer.reports.text import rating_number

__all__ = ["INK", "balance_chart", "timeline_chart"]

#: The one ink of the charts: dark slate, contrast about 14:1 on white (WCAG AA: 3:1 for graphics).
INK = "#1f2a44"
_ROW = 20
_UNIT = 40
_LABEL_W = 390


def _svg(width: int, height: int, ident: str, title: str, desc: str, *body: Markup) -> Markup:
    return element(
        "svg",
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "viewBox": f"0 0 {width} {height}",
            "width": str(width),
            "height": str(height),
            "role": "img",
            "aria-labelledby": f"{ident}-title {ident}-desc",
            "class": "chart",
        },
        element("title", {"id": f"{ident}-title"}, title),
        element("desc", {"id": f"{ident}-desc"}, desc),
        *body,
    )


def _text(x: float, y: float, content: str, **extra: str) -> Markup:
    attributes = {"x": f"{x:g}", "y": f"{y:g}", "fill": INK, "font-size": "11", **extra}
    return element("text", attributes, content)


def _hatch() -> Markup:
    return element(
        "defs",
        None,
        element(
            "pattern",
            {
                "id": "minus-hatch",
                "patternUnits": "userSpaceOnUse",
                "width": "6",
                "height": "6",
                "patternTransform": "rotate(45)",
            },
            element("rect", {"width": "6", "height": "6", "fill": "#ffffff"}),
            element(
                "line",
                {"x1": "0", "y1": "0", "x2": "0", "y2": "6", "stroke": INK, "stroke-width": "3"},
            ),
        ),
    )


def _mark(rating: Rating, axis: float, y: float) -> Markup:
    """A bar for a score; a dot for "no score"; an open circle for a skipped factor."""
    if rating.score is not None:
        width = abs(rating.score) * _UNIT
        x = axis - width if rating.score < 0 else axis
        fill = "url(#minus-hatch)" if rating.score < 0 else INK
        return element(
            "rect",
            {"x": f"{x:g}", "y": f"{y - 11:g}", "width": str(width), "height": "14", "fill": fill,
             "stroke": INK, "stroke-width": "1", "class": "minus" if rating.score < 0 else "plus"},
        )  # fmt: skip
    if rating.kind is RatingKind.UNSCORED:
        return element("circle", {"cx": f"{axis:g}", "cy": f"{y - 4:g}", "r": "4", "fill": INK})
    return element(
        "circle",
        {"cx": f"{axis:g}", "cy": f"{y - 4:g}", "r": "4", "fill": "#ffffff", "stroke": INK,
         "stroke-width": "1.5"},
    )  # fmt: skip


def balance_chart(assessment: Assessment, texts: Texts, ident: str = "balance") -> Markup:
    """Per factor a bar to the left for minus and to the right for plus, grouped as on the form,
    with Total − and Total + of each group beside each other."""
    axis = _LABEL_W + 3 * _UNIT + 10
    width = axis + 3 * _UNIT + 170
    parts: list[Markup] = [_hatch()]
    y = _ROW
    totals = assessment.totals_by_group()
    for group in FactorGroup:
        parts.append(_text(4, y, texts.label(group), **{"font-weight": "bold"}))
        group_totals = totals[group]
        summary = (
            f"{texts('report.total_minus')} {group_totals.minus} | "
            f"{texts('report.total_plus')} {group_totals.plus}"
        )
        parts.append(_text(axis + 3 * _UNIT + 12, y, summary))
        y += _ROW
        for factor, rating in zip(FACTORS, assessment.ratings, strict=True):
            if factor.group is not group:
                continue
            name = f"{factor.number}. {texts.label(factor)}"
            parts.append(_text(_LABEL_W - 6, y, name, **{"text-anchor": "end"}))
            parts.append(_mark(rating, axis, y))
            y += _ROW
    top, bottom = _ROW * 0.4, y - _ROW * 0.6
    parts.append(
        element(
            "line",
            {
                "x1": f"{axis:g}",
                "y1": f"{top:g}",
                "x2": f"{axis:g}",
                "y2": f"{bottom:g}",
                "stroke": INK,
                "stroke-width": "1.5",
            },
        )
    )
    overall = assessment.totals()
    parts.append(
        _text(
            axis - 3 * _UNIT,
            y + 4,
            f"{texts('report.total_minus')} {overall.minus}",
            **{"font-weight": "bold"},
        )
    )
    parts.append(
        _text(
            axis + 8,
            y + 4,
            f"{texts('report.total_plus')} {overall.plus}",
            **{"font-weight": "bold"},
        )
    )
    title = texts("report.chart.balance", date=texts.date(assessment.assessed_on))
    return _svg(width, int(y + _ROW), ident, title, texts("report.chart.balance.desc"), *parts)


def timeline_chart(
    assessments: Sequence[Assessment], texts: Texts, ident: str = "timeline"
) -> Markup:
    """Each factor's rating over the dated assessments, as a grid; factor 1's category changes
    are marked with a diamond."""
    col = 84
    width = _LABEL_W + col * max(len(assessments), 1) + 10
    parts: list[Markup] = []
    for j, a in enumerate(assessments):
        x = _LABEL_W + col * j + col / 2
        parts.append(
            _text(x, _ROW, texts.date(a.assessed_on, "short"), **{"text-anchor": "middle"})
        )
    y = _ROW * 2
    for i, factor in enumerate(FACTORS):
        parts.append(
            _text(
                _LABEL_W - 6, y, f"{factor.number}. {texts.label(factor)}", **{"text-anchor": "end"}
            )
        )
        for j, a in enumerate(assessments):
            x = _LABEL_W + col * j + col / 2
            rating = a.ratings[i]
            parts.append(_text(x, y, rating_number(rating), **{"text-anchor": "middle"}))
            changed = (
                factor.outcome_categories
                and j > 0
                and a.asylum_outcome != assessments[j - 1].asylum_outcome
            )
            if changed:
                parts.append(_text(x + 18, y, "◆", **{"class": "outcome-change"}))
        y += _ROW
    title = texts("report.chart.timeline")
    return _svg(int(width), int(y), ident, title, texts("report.chart.timeline.desc"), join(parts))
