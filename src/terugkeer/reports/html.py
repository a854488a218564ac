"""The case as one printable, self-contained HTML page: no network, no JavaScript, A4 print styles.

The page has a ``lang`` and a ``dir`` attribute and uses logical CSS properties, so a right-to-left
locale only changes ``dir``. The page title names the report and the date, never the client. Every
text the client or counsellor typed goes through :mod:`terugkeer.reports.markup`, which escapes it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from terugkeer.case import CaseFile
from terugkeer.factors import FACTORS, SCALE_LEGEND, SCALE_NOTE, Assessment
from terugkeer.i18n import Texts
from terugkeer.referral import summarize
from terugkeer.reports.markup import Markup, element, join
from terugkeer.reports.svg import balance_chart, timeline_chart
from terugkeer.reports.text import (
    action_plan_lines,
    comparison_lines,
    context_lines,
    family_lines,
    guidance_pointer,
    health_lines,
    overview1_lines,
    overview2_lines,
    overview3_lines,
    rating_number,
    signal_lines,
    summary_lines,
)

__all__ = ["STYLE", "html_report"]

#: The page's only style sheet: screen and A4 print, logical properties (right-to-left ready).
STYLE = """
:root { color: #1f2a44; background: #ffffff; font-family: system-ui, sans-serif; }
body { max-inline-size: 60rem; margin-inline: auto; padding-inline: 1rem; line-height: 1.4; }
header { border-block-end: 2px solid #1f2a44; padding-block-end: .5rem; margin-block-end: 1rem; }
h1 { font-size: 1.5rem; margin-block: .2rem; }
h2 { font-size: 1.2rem; margin-block: 1.2rem .4rem; }
section.instrument + section.instrument { break-before: page; }
pre.lines { white-space: pre-wrap; font-family: ui-monospace, monospace; font-size: .8rem; }
.urgent { border: 3px solid #1f2a44; padding: .5rem 1rem; }
.chart { max-inline-size: 100%; block-size: auto; }
.sr-only { position: absolute; inline-size: 1px; block-size: 1px; overflow: hidden;
           clip-path: inset(50%); white-space: nowrap; }
ul.legend { list-style: none; padding-inline-start: 0; columns: 2; font-size: .85rem; }
@page { size: A4; margin: 15mm; }
@media print { body { max-inline-size: none; padding: 0; } }
"""


def _lines_section(lines: Sequence[str], ident: str) -> Markup:
    """A section whose heading is the first line and whose body keeps the text's layout."""
    return element(
        "section",
        {"class": "instrument", "id": ident},
        element("h2", None, lines[0]),
        element("pre", {"class": "lines"}, "\n".join(lines[1:])),
    )


def _score_table(assessment: Assessment, texts: Texts) -> Markup:
    rows = [
        element(
            "tr",
            None,
            element("th", {"scope": "row"}, f"{f.number}. {texts.label(f)}"),
            element("td", None, rating_number(r)),
        )
        for f, r in zip(FACTORS, assessment.ratings, strict=True)
    ]
    head = element(
        "tr",
        None,
        element("th", {"scope": "col"}, texts("report.table.factor")),
        element("th", {"scope": "col"}, texts("report.table.score")),
    )
    totals = assessment.totals()
    caption = (
        f"{texts('report.total_minus')} {totals.minus}, {texts('report.total_plus')} {totals.plus}"
    )
    return element(
        "table", {"class": "sr-only"}, element("caption", None, caption), head, join(rows)
    )


def _timeline_table(assessments: Sequence[Assessment], texts: Texts) -> Markup:
    head = element(
        "tr",
        None,
        element("th", {"scope": "col"}, texts("report.table.factor")),
        join(element("th", {"scope": "col"}, texts.date(a.assessed_on)) for a in assessments),
    )
    rows = []
    for i, factor in enumerate(FACTORS):
        cells = []
        for a in assessments:
            r = a.ratings[i]
            shown = rating_number(r)
            if factor.outcome_categories and a.asylum_outcome is not None:
                shown += f" ({texts.label(a.asylum_outcome)})"
            cells.append(element("td", None, shown))
        rows.append(
            element(
                "tr",
                None,
                element("th", {"scope": "row"}, f"{factor.number}. {texts.label(factor)}"),
                join(cells),
            )
        )
    return element("table", {"class": "sr-only"}, head, join(rows))


def _overview1(assessment: Assessment, texts: Texts, index: int) -> Markup:
    lines = overview1_lines(assessment, texts)
    legend = element(
        "ul",
        {"class": "legend"},
        join(element("li", None, f"{p.symbol}  {texts.label(p)}") for p in SCALE_LEGEND),
    )
    return element(
        "section",
        {"class": "instrument", "id": f"overview1-{index}"},
        element("h2", None, lines[0]),
        balance_chart(assessment, texts, ident=f"balance-{index}"),
        _score_table(assessment, texts),
        legend,
        element("p", None, texts(SCALE_NOTE)),
        element("pre", {"class": "lines"}, "\n".join(lines[1:])),
    )


def _urgent(case: CaseFile, texts: Texts) -> Markup:
    summary = summarize(case.signals)
    if not summary.urgent_steps:
        return Markup("")
    return element(
        "section",
        {"class": "urgent", "id": "urgent"},
        element("h2", None, texts("report.urgent")),
        element(
            "ol", None, join(element("li", None, texts.label(s)) for s in summary.urgent_steps)
        ),
        element(
            "ul", None, join(element("li", None, texts.label(g)) for g in summary.urgent_guidance)
        ),
    )


def html_report(case: CaseFile, texts: Texts, *, generated_on: dt.date) -> str:
    """The whole case as one HTML page for screen and print, in the locale of ``texts``.

    ``generated_on`` is printed in the header (the library never reads the clock here).

    >>> import datetime as dt
    >>> from terugkeer import CaseFile, Texts
    >>> page = html_report(CaseFile("c-1"), Texts("en"), generated_on=dt.date(2026, 3, 2))
    >>> page.startswith('<!DOCTYPE html><html lang="en" dir="ltr">')
    True
    """
    organisation = case.plan.organisation.organisation
    header = element(
        "header",
        None,
        element("h1", None, texts("report.title")),
        element("p", None, texts("report.generated", date=texts.date(generated_on))),
        element("p", None, texts("report.organisation", organisation=organisation))
        if organisation
        else Markup(""),
    )
    parts: list[Markup] = [
        _urgent(case, texts),
        _lines_section(summary_lines(case, texts) + guidance_pointer("case", texts), "summary"),
        _lines_section(
            context_lines(case.context, texts) + guidance_pointer("context", texts), "context"
        ),
    ]
    if case.family:
        family = family_lines(case.family, texts) + guidance_pointer("client", texts)
        parts.append(_lines_section(family, "family"))
    for index, assessment in enumerate(case.assessments):
        parts.append(_overview1(assessment, texts, index))
    if len(case.assessments) >= 2:
        comparison = comparison_lines(case.assessments[-2], case.assessments[-1], texts)
        parts.append(
            element(
                "section",
                {"class": "instrument", "id": "timeline"},
                element("h2", None, texts("report.chart.timeline")),
                timeline_chart(case.assessments, texts),
                _timeline_table(case.assessments, texts),
                element("h3", None, comparison[0]),
                element("pre", {"class": "lines"}, "\n".join(comparison[1:])),
            )
        )
    if case.assessments:
        latest = case.assessments[-1]
        parts += [
            element("p", {"class": "guidance"}, line)
            for line in guidance_pointer("overview1", texts)
        ]
        two = overview2_lines(latest, case.change_possibilities, texts)
        parts.append(_lines_section(two + guidance_pointer("overview2", texts), "overview2"))
        three = overview3_lines(latest, case.weighty_factors, texts, case.change_possibilities)
        parts.append(_lines_section(three + guidance_pointer("overview3", texts), "overview3"))
    plan = action_plan_lines(case.plan, texts, case.weighty_factors, case.health)
    parts.append(_lines_section(plan + guidance_pointer("actionplan", texts), "plan"))
    for index, checklist in enumerate(case.health):
        health = health_lines(checklist, texts)
        if index == len(case.health) - 1:
            health += guidance_pointer("health", texts)
        parts.append(_lines_section(health, f"health-{index}"))
    signals = (texts("report.signals.title"), *signal_lines(case.signals, texts))
    parts.append(_lines_section(signals + guidance_pointer("signals", texts), "signals"))
    title = f"{texts('report.title')} – {texts.date(generated_on)}"
    head = element(
        "head",
        None,
        Markup('<meta charset="utf-8">'),
        Markup('<meta name="viewport" content="width=device-width, initial-scale=1">'),
        element("title", None, title),
        element("style", None, Markup(STYLE)),
    )
    body = element("body", None, header, element("main", None, join(parts)))
    page = element("html", {"lang": texts.language, "dir": texts.direction}, head, body)
    return "<!DOCTYPE html>" + page
