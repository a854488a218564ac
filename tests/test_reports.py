"""Reports people read: every instrument in nl and en, a printable page, pictures, escaping."""

from __future__ import annotations

import datetime as dt
import enum
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

from terugkeer import CaseFile, Texts, UnsupportedLocaleError, dumps, html_report
from terugkeer._demo import demo_case
from terugkeer._fields import spec_of
from terugkeer.cli import main
from terugkeer.factors import Assessment, AsylumOutcome
from terugkeer.i18n import text
from terugkeer.reports.svg import BAR_FILL, FONT_PX, INK, balance_chart, totals_chart
from terugkeer.reports.text import (
    action_plan_lines,
    case_lines,
    comparison_lines,
    emotion_exercise_lines,
    health_lines,
    intervision_lines,
    legend_lines,
    overview1_lines,
    overview2_lines,
    overview3_lines,
    reflection_lines,
    signal_lines,
    stress_lines,
    summary_lines,
    timeline_lines,
)
from terugkeer.signals import SUICIDE_STEPS
from terugkeer.testing import (
    case_files,
    emotion_exercises,
    intervision_reflections,
    reactions_reflections,
    stress_self_checks,
)

DAY = dt.date(2026, 3, 2)
SRC = Path(__file__).resolve().parents[1] / "src" / "terugkeer"
#: A message id left untranslated looks like one of these prefixes followed by a dotted name.
MESSAGE_ID = re.compile(
    r"\b(report|demo|Field|Factor|ActionPlan|Scale|PlanAttention|HealthFinding|SuicideGuidance|"
    r"SuicideStep|ContextText|Overview1|MonitoringAdvice|cite|Signal|WeightKind|Completeness)"
    r"\.[A-Za-z_][\w.]*"
)


def _untranslated(lines: tuple[str, ...] | str) -> list[str]:
    joined = lines if isinstance(lines, str) else "\n".join(lines)
    return MESSAGE_ID.findall(joined) + (["SPEC"] if "SPEC" in joined else [])


# --- Texts --------------------------------------------------------------------------------------


def test_texts_resolves_the_locale_once_and_refuses_unknown_ones() -> None:
    assert Texts("nl_BE").language == "nl"
    assert Texts("en-GB")("report.total_plus") == "Total +"
    with pytest.raises(UnsupportedLocaleError) as info:
        Texts("de")
    assert "ar, en, fa, fr, nl, ru, ti, tr" in str(info.value)


def test_citations_are_the_book_in_words_a_counsellor_knows() -> None:
    assert Texts("nl").cite("B5, §5.3") == "Bijlage 5, §5.3"
    assert Texts("en").cite("B10") == "Appendix 10"


# --- Every instrument, in both languages (the vignette test) ----------------------------------


@settings(max_examples=15, suppress_health_check=[HealthCheck.too_slow])
@given(
    case_files(),
    stress_self_checks(),
    reactions_reflections(),
    emotion_exercises(),
    intervision_reflections(),
)
def test_every_instrument_renders_in_both_languages_without_ids_or_spec(
    generated: CaseFile, check: Any, reflection: Any, exercise: Any, intervision: Any
) -> None:
    # Free text is set to "x": Hypothesis likes to type the library's own strings into notes.
    case = _poison(generated, "x")
    assert isinstance(case, CaseFile)
    for locale in ("nl", "en"):
        texts = Texts(locale)
        blocks: list[tuple[str, ...]] = [
            case_lines(case, texts),
            summary_lines(case, texts),
            legend_lines(texts),
            signal_lines(case.signals, texts),
            action_plan_lines(case.plan, texts, case.weighty_factors, case.health),
            stress_lines(check, texts),
            reflection_lines(_poison(reflection, "x"), texts),  # type: ignore[arg-type]
            emotion_exercise_lines(_poison(exercise, "x"), texts),  # type: ignore[arg-type]
            intervision_lines(_poison(intervision, "x"), texts),  # type: ignore[arg-type]
            *(health_lines(c, texts) for c in case.health),
            *(overview1_lines(a, texts) for a in case.assessments),
        ]
        if case.assessments:
            latest = case.assessments[-1]
            blocks.append(overview2_lines(latest, case.change_possibilities, texts))
            blocks.append(overview3_lines(latest, case.weighty_factors, texts))
            blocks.append(comparison_lines(case.assessments[0], latest, texts))
        for block in blocks:
            assert _untranslated(block) == []
        assert _untranslated(html_report(case, texts, generated_on=DAY)) == []


@pytest.mark.parametrize("locale", ["nl", "en"])
def test_overview1_shows_the_totals_side_by_side_per_group(locale: str) -> None:
    texts = Texts(locale)
    a = Assessment.build(DAY, {"F02": -3, "F07": 3, "F13": -1})
    lines = overview1_lines(a, texts)
    minus, plus = texts("report.total_minus"), texts("report.total_plus")
    totals = [line for line in lines if minus in line and plus in line]
    assert len(totals) == 5  # four groups and all factors
    assert re.search(f"{minus} 4 +{re.escape(plus)} 3$", totals[-1])
    assert texts("report.all_factors") in totals[-1]


def test_the_suicide_steps_open_the_case_whatever_else_it_holds() -> None:
    case = demo_case("en")
    texts = Texts("en")
    lines = case_lines(case, texts)
    flat = " ".join(" ".join(lines).split())
    step = "1. " + texts.label(SUICIDE_STEPS[0])
    assert lines[0] == texts("report.urgent")
    assert flat.count(step) == 1  # once, and first
    assert flat.index(step) < flat.index(texts("report.case"))


# --- The HTML page -------------------------------------------------------------------------------


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attributes: set[str] = set()
        self.data: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes |= {name for name, _ in attrs}

    def handle_data(self, data: str) -> None:
        self.data.append(data)


ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "main", "section", "h1", "h2",
    "h3", "h4", "h5", "h6", "p", "ol", "ul", "li", "dl", "dt", "dd", "div", "span", "bdi",
    "table", "caption", "colgroup", "col", "thead", "tbody", "tr", "th", "td", "figure",
    "figcaption", "svg", "desc", "rect", "line", "circle", "text",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "lang", "dir", "charset", "name", "content", "class", "id", "xmlns", "viewbox", "width",
    "height", "role", "aria-labelledby", "aria-label", "aria-hidden", "focusable", "tabindex",
    "x", "y", "x1", "y1", "x2", "y2", "fill", "stroke", "stroke-width", "stroke-dasharray", "r",
    "cx", "cy", "font-size", "font-weight", "text-anchor", "scope", "colspan", "direction",
    "unicode-bidi",
}  # fmt: skip
PAYLOAD = '<script>alert(1)</script>"><img src=x onerror=alert(2)></style><b>'
_IDS = {"factor", "signal", "currency", "emotion", "item", "url", "id", "case_id", "language"}


def _poison(value: object, payload: str = PAYLOAD) -> object:
    """Put ``payload`` into every free-text field of a record, recursively."""
    if isinstance(value, tuple):
        return tuple(_poison(v, payload) for v in value)
    if not attrs.has(type(value)):
        return value
    changes: dict[str, object] = {}
    for field in attrs.fields(type(value)):  # type: ignore[arg-type]
        current = getattr(value, field.name)
        if isinstance(current, str) and not isinstance(current, enum.Enum):
            if field.name not in _IDS:
                changes[field.name] = payload
        elif (
            isinstance(current, tuple)
            and current
            and all(type(v) is str for v in current)
            and spec_of(field).choices is None
        ):  # a list of texts (ways to feel safer ...), not of catalogue ids
            changes[field.name] = tuple(payload for _ in current)
        else:
            changes[field.name] = _poison(current, payload)
    return attrs.evolve(value, **changes)  # type: ignore[misc]


def test_nothing_typed_by_a_person_becomes_an_element_or_attribute() -> None:
    case = demo_case("en")
    poisoned = _poison(case)
    assert isinstance(poisoned, CaseFile)
    assert poisoned.plan.goals.work == PAYLOAD  # the payload did reach the free text
    page = html_report(poisoned, Texts("en"), generated_on=DAY)
    collector = _Collector()
    collector.feed(page)
    assert collector.tags <= ALLOWED_TAGS
    assert collector.attributes <= ALLOWED_ATTRIBUTES
    assert PAYLOAD in "".join(collector.data)  # shown as text, escaped
    assert page.count("<style>") == 1 and page.count("</style>") == 1


@pytest.mark.parametrize("locale", ["nl", "en"])
def test_the_page_is_self_contained_and_its_title_names_no_client(locale: str) -> None:
    case = attrs.evolve(demo_case(locale), client=attrs.evolve(demo_case(locale).client))
    page = html_report(case, Texts(locale), generated_on=DAY)
    assert page.startswith(f'<!DOCTYPE html><html lang="{locale}" dir="ltr">')
    title = re.search(r"<title>(.*?)</title>", page)
    assert title is not None and case.client.name not in title.group(1)
    assert not re.search(r"\b(src|href)=", page)
    assert "<script" not in page
    assert "@page" in page and "counter(pages)" in page and "margin-inline" in page
    assert "break-before: page" not in page  # instruments follow each other; rows stay together


def test_minus_and_plus_are_drawn_with_equal_weight_and_ticks_and_a_key() -> None:
    texts = Texts("en")
    a = Assessment.build(DAY, {"F02": -3, "F07": 3, "F03": None})  # the others: skipped
    chart = balance_chart(a, texts)
    assert "<title" in chart and "<desc" in chart
    bars = re.findall(r'<rect ([^>]*class="bar (minus|plus)"[^>]*)>', chart)
    assert {kind for _, kind in bars} == {"minus", "plus"}
    looks = {
        re.sub(r'(?<![\w-])(x|y|width|class)="[^"]*"', "", attributes) for attributes, _ in bars
    }
    assert len(looks) == 1  # same fill, outline, height: only the side and length differ
    assert f'fill="{BAR_FILL}"' in next(iter(looks)) and f'stroke="{INK}"' in next(iter(looks))
    widths = {kind: float(re.search(r'width="([\d.]+)"', attrs).group(1)) for attrs, kind in bars}  # type: ignore[union-attr]
    assert widths["minus"] == widths["plus"]  # −3 and +3 are equally long
    for tick in ("−3", "−2", "−1", "+1", "+2", "+3"):
        assert f">{tick}</text>" in chart
    assert 'class="unscored"' in chart and 'class="skipped"' in chart
    sizes = {int(v) for v in re.findall(r'font-size="(\d+)"', chart)}
    assert sizes == {FONT_PX} and FONT_PX >= 12
    page = html_report(attrs.evolve(CaseFile("c-1"), assessments=(a,)), texts, generated_on=DAY)
    key = re.search(r'<ul class="key">(.*?)</ul>', page)
    assert key is not None
    for name in ("bar", "dot", "circle"):  # the key beside the chart says what it draws
        assert texts(f"report.key.{name}") in key.group(1)


def test_the_timeline_marks_a_change_of_factor_one_category_and_gives_both_totals() -> None:
    first = Assessment.build(DAY, {"F01": -1, "F02": 2}, asylum_outcome=AsylumOutcome.VA)
    later = first.rescored(DAY + dt.timedelta(days=60), asylum_outcome=AsylumOutcome.UNDOCUMENTED)
    texts = Texts("en")
    changed = timeline_lines((first, later), texts)
    assert sum("◆" in line for line in changed) == 2  # the mark, and its key below the table
    assert not any("◆" in line for line in timeline_lines((first, first), texts))
    chart = totals_chart((first, later), texts)
    assert chart.count('class="bar minus"') == 2 and chart.count('class="bar plus"') == 2


# --- The command ---------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "html"])
def test_report_command_writes_a_file(tmp_path: Path, fmt: str) -> None:
    case_file = tmp_path / "case.json"
    assert main(["demo", "--save-case", str(case_file)]) == 0
    out = tmp_path / f"report.{fmt}"
    assert main(["report", str(case_file), "--format", fmt, "--locale", "en", "-o", str(out)]) == 0
    written = out.read_text(encoding="utf-8")
    assert "Total −" in written and "Total +" in written


def test_report_command_names_every_problem_of_a_bad_case(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema": "terugkeer/case", "version": 2, "case_id": "x", "y": 1}')
    assert main(["report", str(bad)]) == 1
    assert "$.y: unknown key" in capsys.readouterr().err


# --- Looked at in a real browser -----------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _browser() -> str:
    if CHROMIUM is None or shutil.which("pdftotext") is None:
        if os.environ.get("CI"):
            pytest.fail("chromium and pdftotext must be installed on CI (.ci/run installs them)")
        pytest.skip("chromium or pdftotext is not installed here")
    assert CHROMIUM is not None
    return CHROMIUM


def _chromium(browser: str, *args: str) -> None:
    subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", *args],
        check=True,
        capture_output=True,
        timeout=120,
    )


def _look(page: str, folder: Path, locale: str) -> str:
    """Open the page in Chromium: a screenshot and a PDF; return the PDF's text."""
    browser = _browser()
    html = folder / "report.html"
    html.write_text(page, encoding="utf-8")
    png, pdf = folder / "report.png", folder / "report.pdf"
    _chromium(browser, f"--screenshot={png}", "--window-size=1200,1800", html.as_uri())
    _chromium(browser, f"--print-to-pdf={pdf}", "--no-pdf-header-footer", html.as_uri())
    assert png.stat().st_size > 10_000
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    pages = int(re.search(r"Pages:\s+(\d+)", info.stdout).group(1))  # type: ignore[union-attr]
    assert pages > 0
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def _headings(case: CaseFile, locale: str) -> list[str]:
    texts = Texts(locale)
    headings = [texts("report.case"), texts("report.plan"), texts("report.signals.title")]
    if case.assessments:
        headings += [texts("report.total_minus"), texts("report.total_plus")]
        headings += [
            texts("report.overview2").split(" –")[0],
            texts("report.overview3").split(" –")[0],
        ]
        headings.append(texts("report.overview1", date="").split(" –")[0])
    if case.health:
        headings.append(texts("report.health.heading", kind="").split(":")[0])
    return headings


@pytest.mark.parametrize("locale", ["nl", "en"])
def test_the_demo_report_opens_prints_and_reads_in_chromium(locale: str, tmp_path: Path) -> None:
    case = demo_case(locale)
    pdf_text = _look(html_report(case, Texts(locale), generated_on=DAY), tmp_path, locale)
    flat = " ".join(pdf_text.split())
    for heading in _headings(case, locale):
        assert " ".join(heading.split()) in flat, heading


@settings(max_examples=3, deadline=None, suppress_health_check=list(HealthCheck))
@given(case_files())
def test_generated_reports_open_and_print_in_chromium(case: CaseFile) -> None:
    import tempfile

    for locale in ("nl", "en"):
        with tempfile.TemporaryDirectory() as folder:
            pdf_text = _look(
                html_report(case, Texts(locale), generated_on=DAY), Path(folder), locale
            )
        flat = " ".join(pdf_text.split())
        for heading in _headings(case, locale):
            assert " ".join(heading.split()) in flat, heading


# --- The demo ---------------------------------------------------------------------------------


def test_the_demo_holds_only_example_data_and_calls_the_renderers() -> None:
    source = (SRC / "_demo.py").read_text(encoding="utf-8")
    assert "def render_demo" in source
    assert "format_date" not in source and ".ljust(" not in source
    assert "report." not in source  # headings come from the renderers
    assert text("demo.title", "nl") != "demo.title"


def test_a_case_document_round_trips_through_the_report_command(tmp_path: Path) -> None:
    case_file = tmp_path / "case.json"
    case_file.write_text(dumps(demo_case("nl")), encoding="utf-8")
    assert main(["report", str(case_file), "--format", "html", "-o", str(tmp_path / "r.html")]) == 0


_HOSTILE = "a\x1b]0;owned\x07b\rc\x1b[2Jd\u202eja\x9bx\x7f"


def test_a_text_report_prints_no_control_a_terminal_would_obey(tmp_path: Path) -> None:
    from terugkeer.reports.text import case_lines

    case = demo_case("en")
    latest = case.assessments[-1]  # printed in full; earlier ones in the comparison
    hostile = attrs.evolve(latest, asylum_outcome_explanation=_HOSTILE)
    case = attrs.evolve(case, assessments=(*case.assessments[:-1], hostile))
    printed = "\n".join(case_lines(case, Texts("en")))
    assert "a␛]0;owned␇b␍c␛[2Jd<U+202E>ja\ufffdx\u2421" in printed  # shown, not obeyed
    bad = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
    assert bad.search(printed) is None
    assert case.assessments[-1].asylum_outcome_explanation == _HOSTILE  # the record is unchanged
    path = tmp_path / "case.json"
    path.write_text(dumps(case, indent=2), encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "terugkeer", "report", str(path), "--locale", "en"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert bad.search(out) is None and "␛]0;owned␇" in out
