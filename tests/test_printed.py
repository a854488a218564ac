"""Printed instruments: the rules of the page a counsellor puts on the table, in text and HTML,
both copies, Dutch and English; then the pages opened in Chromium (overflow, axe-core, A4 at 100 %,
right to left)."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import unicodedata
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from printcases import (
    APPOINTMENTS,
    CHILDREN,
    LONG_WORD,
    MEMBERS,
    RLO,
    family_case,
    hostile_case,
    many_assessments_case,
)
from terugkeer import CaseFile, Texts, dumps, html_report, loads
from terugkeer._demo import demo_case, demo_journal
from terugkeer.health import CHECKLIST_QUESTIONS
from terugkeer.i18n import CLIENT_LOCALES
from terugkeer.reports.blocks import Section, Table, Value, plain, sections
from terugkeer.reports.html import css_string, journal_report
from terugkeer.reports.pages import Copy, case_sections
from terugkeer.reports.text import case_lines, journal_lines
from terugkeer.signals import SIGNALS, SUICIDE_STEPS
from terugkeer.testing import case_files

DAY = dt.date(2026, 12, 5)
LOCALES = ("nl", "en")
COPIES = (Copy.FILE, Copy.CLIENT)
ROOT = Path(__file__).resolve().parents[1]
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


def _flat(lines: tuple[str, ...] | str) -> str:
    """Text as words: the text copy wraps long lines."""
    joined = lines if isinstance(lines, str) else " ".join(lines)
    return " ".join(joined.split())


def _outputs(case: CaseFile, locale: str, copy: Copy) -> tuple[str, str]:
    texts = Texts(locale)
    return (
        "\n".join(case_lines(case, texts, copy=copy)),
        html_report(case, texts, generated_on=DAY, copy=copy),
    )


def _section(case: CaseFile, locale: str, copy: Copy, ident: str) -> Section:
    found = sections(case_sections(case, Texts(locale), copy=copy))
    return next(s for s in found if s.id == ident)


# --- The family, by name --------------------------------------------------------------------------


@pytest.mark.parametrize("copy", COPIES)
@pytest.mark.parametrize("locale", LOCALES)
def test_every_child_is_named_with_their_own_answers(locale: str, copy: Copy) -> None:
    case = family_case(locale)
    for number, child in enumerate(CHILDREN, start=1):
        block = _section(case, locale, copy, f"child-{number}")
        assert plain(block.heading) == child.child
        shown = plain(" ".join(plain(f.value) for f in block.blocks[0].rows if f.value))  # type: ignore[union-attr]
        own = [v for v in (child.school, child.language, child.childcare, child.peers) if v]
        others = [
            v
            for c in CHILDREN
            if c is not child
            for v in (c.school, c.language, c.childcare, c.peers)
            if v
        ]
        assert all(v in shown for v in own) and not any(v in shown for v in others)
    text, page = _outputs(case, locale, copy)
    flat = _flat(text)
    section_four = flat.index(Texts(locale)("ActionPlan.AP04"))
    for child in CHILDREN:  # in the text copy each child's heading is followed by its own answers
        start = flat.index(f"▸ {child.child} ", section_four)
        end = flat.find("▸", start + 1)
        block_text = flat[start:end]
        assert all(v in block_text for v in (child.school, child.childcare) if v)
    assert "; ".join(filter(None, (c.school for c in CHILDREN))) not in page  # never merged


@pytest.mark.parametrize("copy", COPIES)
@pytest.mark.parametrize("locale", LOCALES)
def test_every_family_member_is_named_with_their_own_views(locale: str, copy: Copy) -> None:
    case = family_case(locale)
    family = _section(case, locale, copy, "family")
    people = [s for s in family.blocks if isinstance(s, Section)]
    assert [plain(p.heading).split(" (")[0] for p in people] == [m.member for m in MEMBERS]
    for person, member in zip(people, MEMBERS, strict=True):
        shown = " ".join(plain(f.value) for f in person.blocks[0].rows if f.value)  # type: ignore[union-attr]
        for view in (member.wishes, member.ideas, member.doubts):
            if view:
                assert view in shown


@pytest.mark.parametrize("copy", COPIES)
@pytest.mark.parametrize("locale", LOCALES)
def test_every_appointment_has_its_date_what_the_client_does_and_what_to_find_out(
    locale: str, copy: Copy
) -> None:
    case = family_case(locale)
    texts = Texts(locale)
    text, page = _outputs(case, locale, copy)
    flat = _flat(text)
    for number, appointment in enumerate(APPOINTMENTS, start=1):
        heading = texts("report.appointment", number=number, date=texts.date(appointment.held_on))
        assert heading in flat and heading in page
        assert appointment.next_on is not None and texts.date(appointment.next_on) in flat
        for activity in appointment.activities:
            for value in (activity.what, activity.with_whom, activity.find_out):
                if value:
                    assert value in flat and value in page
    assert texts("ActivityStatus.done") in flat  # the update of appointment 1, activity 2


# --- Words for people -----------------------------------------------------------------------------

DESIGNER_NOTES = re.compile(
    r"\$\.|\[(eigen ontwerp|our design)\]|eigen ontwerp|our design|het formulier heeft|"
    r"the form has|\bSPEC\b"
)


def _library_words(blocks: object) -> list[str]:
    """Every string the library itself wrote into a page (never what people typed)."""
    found: list[str] = []
    if isinstance(blocks, str):
        found.append(blocks)
    elif isinstance(blocks, tuple):
        for item in blocks:
            found += _library_words(item)
    elif attrs.has(type(blocks)) and not isinstance(blocks, Value):
        for field in attrs.fields(type(blocks)):  # type: ignore[arg-type]
            if field.name not in ("svg", "id", "kind"):
                found += _library_words(getattr(blocks, field.name))
    return found


@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
@given(case_files())
def test_no_json_path_and_no_designer_note_in_any_report(generated: CaseFile) -> None:
    for case in (generated, family_case("nl")):
        for locale in LOCALES:
            for copy in COPIES:
                words = " ".join(_library_words(case_sections(case, Texts(locale), copy=copy)))
                assert DESIGNER_NOTES.search(words) is None


def test_reminders_say_in_plain_words_where_they_come_from_in_the_file_copy_only() -> None:
    case = demo_case("en")
    texts = Texts("en")
    file_text, client_text = (_flat(_outputs(case, "en", c)[0]) for c in COPIES)
    assert texts("report.plan.suggestion") in file_text
    assert texts("report.plan.suggestion_note") in file_text
    assert texts("PlanAttention.heading") not in client_text


def test_english_dates_are_written_as_in_the_netherlands() -> None:
    text, page = _outputs(demo_case("en"), "en", Copy.FILE)
    assert "15 June 2026" in text and "June 15" not in text and "June 15" not in page


# --- Client text is isolated ----------------------------------------------------------------------


class _Bidi(HTMLParser):
    """Collects text outside any <bdi> and checks every <bdi> is closed."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.outside: list[str] = []
        self.in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.depth += tag == "bdi"
        self.in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self.depth -= tag == "bdi"
        self.in_style = False

    def handle_data(self, data: str) -> None:
        if self.depth == 0:
            self.outside.append(data)


@pytest.mark.parametrize("copy", COPIES)
@pytest.mark.parametrize("locale", LOCALES)
def test_a_bidi_override_stays_inside_the_value_that_holds_it(locale: str, copy: Copy) -> None:
    case = hostile_case(locale)
    text, page = _outputs(case, locale, copy)
    parser = _Bidi()
    parser.feed(page)
    assert parser.depth == 0  # every <bdi> is closed, so an override ends with its value
    assert BIDI.search("".join(parser.outside)) is None  # none outside a typed value
    assert RLO in page  # the value is printed as typed
    assert BIDI.search(text) is None and "<U+202E>" in text  # the text copy shows it


def test_validation_keeps_bidi_controls_as_typed() -> None:
    """Our rule: free text may hold bidi controls (an editor in Arabic or Persian writes them into
    mixed text); a record keeps what was typed, and every renderer isolates it."""
    case = hostile_case("nl")
    assert loads(dumps(case), CaseFile) == case


@given(st.text())
def test_a_css_string_cannot_end_the_string_or_the_sheet(value: str) -> None:
    literal = css_string(value)
    assert re.fullmatch(r'"([A-Za-z0-9 ]|\\[0-9A-F]{6})*"', literal)


def test_the_running_header_carries_no_bidi_control() -> None:
    page = html_report(hostile_case("nl"), Texts("nl"), generated_on=DAY)
    style = page[page.index("<style>") : page.index("</style>")]
    assert "\\00202E" not in style and "\\00FFFD" in style  # replaced, not escaped


# --- Two copies -----------------------------------------------------------------------------------


@pytest.mark.parametrize("locale", LOCALES)
def test_the_client_copy_holds_no_signal_and_no_working_note(locale: str) -> None:
    case = family_case(locale)
    texts = Texts(locale)
    observed = {texts.label(SIGNALS.get(o.signal)) for o in case.signals.observations}
    sources = {
        a.source.name
        for m in case.health[0].medicines
        for a in (m.available, m.reachable, m.affordable)
        if a.source is not None
    }
    assert sources  # the demo names where its health answers come from
    working = [
        texts("report.signals.title"),
        texts("report.urgent"),
        texts.label(SUICIDE_STEPS[0]),
        texts("report.case"),
        texts("report.health.findings"),
        texts("PlanAttention.heading"),
        texts("report.entered.by"),
        "terugkeer guide",
        texts("Form.context"),
        texts("report.overview2").split(" –")[0],
        *observed,
    ]
    client = [_flat(o) for o in _outputs(case, locale, Copy.CLIENT)]
    file = [_flat(o) for o in _outputs(case, locale, Copy.FILE)]
    for words in working:
        assert all(words not in output for output in client), words
        assert all(words in output for output in file), words  # the rule can fail
    client_page, file_page = (_outputs(case, locale, c)[1] for c in (Copy.CLIENT, Copy.FILE))
    for name in sources:  # where each health answer comes from: in the file copy only
        assert f"<bdi>{name}</bdi>" not in client_page and f"<bdi>{name}</bdi>" in file_page


@pytest.mark.parametrize("locale", LOCALES)
def test_the_client_copy_holds_their_overview_plan_and_agreements(locale: str) -> None:
    case = family_case(locale)
    texts = Texts(locale)
    for output in _outputs(case, locale, Copy.CLIENT):
        flat = _flat(output)
        assert texts("report.overview1", date=texts.date(case.assessments[-1].assessed_on)) in flat
        assert texts("Scale.minus3") in flat and texts("Scale.plus3") in flat  # the legend
        assert texts("report.overview3.chosen") in flat
        assert texts("report.plan") in flat
        assert APPOINTMENTS[0].activities[0].find_out in flat


@pytest.mark.parametrize("locale", LOCALES)
def test_the_file_copy_names_who_entered_what_and_every_source_with_its_date(locale: str) -> None:
    case = hostile_case(locale)
    texts = Texts(locale)
    family = family_case(locale)
    flat = _flat(_outputs(family, locale, Copy.FILE)[0])
    for appointment in APPOINTMENTS:
        assert f"{texts('report.entered.by')} {appointment.entered.by}" in flat
    health = _flat(_outputs(case, locale, Copy.FILE)[0])
    assert "dr. A" in health and texts.date(dt.date(2026, 2, 20), "medium") in health


# --- The suicide-threat steps, once and first -----------------------------------------------------


@pytest.mark.parametrize("locale", LOCALES)
def test_the_suicide_steps_appear_exactly_once_and_first(locale: str) -> None:
    case = demo_case(locale)
    texts = Texts(locale)
    text, page = _outputs(case, locale, Copy.FILE)
    step = texts.label(SUICIDE_STEPS[0])
    assert _flat(text).count(step) == 1 and page.count(step) == 1
    main = page[page.index("<main>") :]
    assert main.startswith('<main><section id="urgent"')


def test_a_client_copy_of_a_case_with_the_steps_shows_them_to_the_counsellor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from terugkeer.cli import main

    path = tmp_path / "case.json"
    path.write_text(dumps(demo_case("en")), encoding="utf-8")
    assert main(["report", str(path), "--copy", "client", "--locale", "en"]) == 0
    out, err = capsys.readouterr()
    step = Texts("en").label(SUICIDE_STEPS[0])
    assert step in err and step not in out


def test_a_right_to_left_chart_is_drawn_mirrored_with_numbers_read_left_to_right() -> None:
    from terugkeer import Assessment
    from terugkeer.reports.svg import balance_chart

    a = Assessment.build(dt.date(2026, 3, 2), {"F02": -3, "F07": 3})
    texts = Texts("en")
    ltr, rtl = balance_chart(a, texts, rtl=False), balance_chart(a, texts, rtl=True)
    assert 'direction="ltr"' in ltr and ltr.startswith('<svg direction="ltr"')
    assert rtl.startswith('<svg direction="rtl"')

    def bar_x(svg: str, kind: str) -> float:
        found = re.search(rf'<rect x="([\d.]+)"[^>]*class="bar {kind}"', svg)
        assert found is not None
        return float(found.group(1))

    assert bar_x(ltr, "minus") < bar_x(ltr, "plus")  # minus toward the start: left
    assert bar_x(rtl, "minus") > bar_x(rtl, "plus")  # and right, right to left
    ticks = re.findall(r'<text [^>]*direction="ltr"[^>]*>([−+]\d)</text>', rtl)
    assert sorted(ticks) == sorted(["−3", "−2", "−1", "+1", "+2", "+3"])  # never "3−"


# --- Many assessments -----------------------------------------------------------------------------


def test_twenty_assessments_print_the_latest_in_full_and_every_date_in_one_row() -> None:
    case = many_assessments_case(20)
    texts = Texts("nl")
    found = case_sections(case, texts)
    assert [s.id for s in found].count("overview1") == 1
    timeline = next(s for s in found if s.id == "timeline")
    table = timeline.blocks[0]
    assert isinstance(table, Table) and len(table.body) == 20
    for row, assessment in zip(table.body, case.assessments, strict=True):
        totals = assessment.totals()
        assert [plain(c.text) for c in row.cells[-2:]] == [str(totals.minus), str(totals.plus)]


# --- The counsellor's own page --------------------------------------------------------------------


@pytest.mark.parametrize("locale", LOCALES)
def test_the_counsellors_instruments_have_a_private_page_and_never_enter_a_case(
    locale: str,
) -> None:
    texts = Texts(locale)
    journal = demo_journal(locale)
    page = journal_report(journal, texts, generated_on=DAY)
    lines = _flat(journal_lines(journal, texts))
    for heading in ("report.own.stress", "report.own.signals_heading", "report.own.exercises"):
        assert texts(heading) in page and texts(heading) in lines
    assert texts("report.stress.private") in lines
    for output in _outputs(demo_case(locale), locale, Copy.FILE):
        assert texts("report.own.stress") not in output


# --- In a real browser ----------------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
NODE = shutil.which("node")
ENGINES = ROOT / "tests" / "engines"
#: The A4 width the page is laid out at in print: 210 mm less 2 × 14 mm margins, at 96 px/in.
PRINT_WIDTH = int(182 / 25.4 * 96)


def _browser_ready() -> None:
    missing = []
    if CHROMIUM is None:
        missing.append("chromium")
    if NODE is None:
        missing.append("node")
    if not (ENGINES / "node_modules" / "puppeteer-core").exists():
        missing.append("tests/engines/node_modules (npm ci --ignore-scripts)")
    if shutil.which("pdftotext") is None:
        missing.append("poppler-utils")
    if missing:
        if os.environ.get("CI"):
            pytest.fail("CI must have " + ", ".join(missing))
        pytest.skip("needs " + ", ".join(missing))


Opened = tuple[Path, dict[str, Any]]


def _open(pages: dict[str, str], folder: Path, pdf: set[str]) -> dict[str, Any]:
    """Write each page, open all in Chromium through pages.mjs; results by name."""
    job: dict[str, Any] = {"chromium": CHROMIUM, "pages": []}
    for name, page in pages.items():
        path = folder / f"{name}.html"
        path.write_text(page, encoding="utf-8")
        job["pages"].append(
            {"file": str(path), "pdf": str(folder / f"{name}.pdf") if name in pdf else None}
        )
    (folder / "job.json").write_text(json.dumps(job), encoding="utf-8")
    done = subprocess.run(
        [NODE or "node", str(ENGINES / "pages.mjs"), str(folder / "job.json")],
        cwd=ENGINES,
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    found = json.loads(done.stdout)["pages"]
    return {Path(p["file"]).stem: p for p in found}


def _pdf_pages(pdf: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")[:-1]


@pytest.fixture(scope="module")
def opened(tmp_path_factory: pytest.TempPathFactory) -> Opened:
    _browser_ready()
    folder = tmp_path_factory.mktemp("printed")
    pages: dict[str, str] = {}
    for locale in LOCALES:
        texts = Texts(locale)
        for copy in COPIES:
            for name, case in (
                ("demo", demo_case(locale)),
                ("family", family_case(locale)),
                ("hostile", hostile_case(locale)),
            ):
                key = f"{name}-{locale}-{copy.value}"
                pages[key] = html_report(case, texts, generated_on=DAY, copy=copy)
        pages[f"many-{locale}-file"] = html_report(
            many_assessments_case(20, locale), texts, generated_on=DAY
        )
        pages[f"journal-{locale}"] = journal_report(demo_journal(locale), texts, generated_on=DAY)
    pages["demo-nl-rtl"] = html_report(
        demo_case("nl"), Texts("nl"), generated_on=DAY, direction="rtl"
    )
    for language in CLIENT_LOCALES:  # the client's copy in each client language
        pages[f"demo-{language}-client"] = html_report(
            demo_case("nl"), Texts(language), generated_on=DAY, copy=Copy.CLIENT
        )
    for language, second in (("ar", "nl"), ("ti", "en"), ("fa", "en")):  # and with a gloss
        texts = Texts(language, fallback=second, second=second)
        pages[f"family-{language}-{second}-client"] = html_report(
            family_case("nl"), texts, generated_on=DAY, copy=Copy.CLIENT
        )
    pdf = {k for k in pages if k.endswith(("-file", "-client", "-rtl"))}
    return folder, _open(pages, folder, pdf)


def test_no_page_overflows_at_320_390_or_a4(opened: Opened) -> None:
    _, results = opened
    for name, result in results.items():
        assert result["overflow"] == {"320": [], "390": [], "print": []}, name


def test_axe_core_finds_no_violation(opened: Opened) -> None:
    _, results = opened
    for name, result in results.items():
        assert result["axe"] == [], name
        assert result["duplicateIds"] == [], name


def test_the_page_prints_at_full_size_with_overview_1_on_one_page(
    opened: Opened,
) -> None:
    folder, results = opened
    for locale in LOCALES:
        texts = Texts(locale)
        result = results[f"demo-{locale}-file"]
        assert abs(result["layout"]["grid"]["width"] - PRINT_WIDTH) <= 2  # the grid fills A4
        assert result["layout"]["smallestChartText"] >= 12  # 9 pt on paper
        pages = _pdf_pages(folder / f"demo-{locale}-file.pdf")
        heading = texts("report.overview1", date=texts.date(dt.date(2026, 6, 15)))
        grid = [p for p in pages if heading.split(",")[0] in p]
        assert len(grid) == 1 and texts("report.all_factors") in grid[0]  # one A4 page
        words = subprocess.run(
            ["pdftotext", "-bbox", str(folder / f"demo-{locale}-file.pdf"), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        previous = texts("report.grid.previous")
        right = max(
            float(m.group(1))
            for m in re.finditer(rf'xMax="([\d.]+)"[^>]*>{re.escape(previous)}<', words)
        )
        assert right > 0.85 * 595  # the last column's heading sits at the A4 page's right edge
        for number, page in enumerate(pages, start=1):  # running header and footer
            assert "demo-0001" in page
            assert texts("report.page_of", page=number, pages=len(pages)) in page


def test_a_bidi_override_cannot_reverse_the_librarys_words_on_paper(
    opened: Opened,
) -> None:
    folder, _ = opened
    for locale in LOCALES:
        texts = Texts(locale)
        flat = _flat("".join(_pdf_pages(folder / f"hostile-{locale}-file.pdf")))
        question = next(
            texts.label(q) for q in CHECKLIST_QUESTIONS if q.id == "H.medicine.reachable"
        )
        assert question in flat and question[::-1] not in flat
        assert LONG_WORD[-12:] in flat.replace(" ", "")  # the long word's end is on the page


def test_right_to_left_mirrors_the_page_and_its_charts_together(
    opened: Opened,
) -> None:
    folder, results = opened
    ltr, rtl = results["demo-nl-file"]["layout"], results["demo-nl-rtl"]["layout"]
    assert ltr["dir"] == "ltr" and rtl["dir"] == "rtl"
    assert ltr["firstScaleLeft"] < ltr["lastScaleLeft"]  # − − − at the start: left
    assert rtl["firstScaleLeft"] > rtl["lastScaleLeft"]  # and right, right to left
    assert max(ltr["minusBars"]) < min(ltr["plusBars"]) + 1
    assert min(rtl["minusBars"]) > max(rtl["plusBars"]) - 1  # the chart follows the grid
    png = folder / "rtl"
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "50",
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            str(folder / "demo-nl-rtl.pdf"),
            str(png),
        ],
        check=True,
    )
    assert any(p.stat().st_size > 10_000 for p in folder.glob("rtl*.png"))


def test_the_pictures_in_the_docs_are_made_from_these_pages(
    opened: Opened,
) -> None:
    """docs/reports.md shows printed pages; ``TERUGKEER_WRITE_PICTURES=1`` makes them anew."""
    folder, _ = opened
    target = ROOT / "docs" / "_static" / "printed"
    texts = Texts("nl")
    pages = _pdf_pages(folder / "demo-nl-file.pdf")
    wanted = {
        "overview1": texts("report.overview1", date="").split(",")[0],
        "plan": texts("report.family"),  # the family by name, then the plan's sections
        "health": texts("report.health.findings"),  # answers, sources, what the list shows
    }
    numbers = {
        name: next(i for i, page in enumerate(pages, start=1) if heading in page)
        for name, heading in wanted.items()
    }
    if os.environ.get("TERUGKEER_WRITE_PICTURES"):
        target.mkdir(parents=True, exist_ok=True)
        for name, number in numbers.items():
            subprocess.run(
                ["pdftoppm", "-r", "70", "-png", "-singlefile", "-f", str(number),
                 "-l", str(number), str(folder / "demo-nl-file.pdf"), str(target / name)],
                check=True,
            )  # fmt: skip
    doc = (ROOT / "docs" / "reports.md").read_text(encoding="utf-8")
    for name in wanted:
        picture = target / f"{name}.png"
        assert picture.exists() and picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert f"_static/printed/{name}.png" in doc


def _bare(text: str) -> str:
    """Text as pdftotext reads a page, without the bidi marks it adds around right-to-left runs
    and without white space or combining marks (which it places differently in such runs)."""
    marks = "".join(c for c in BIDI.sub("", text) if unicodedata.category(c) != "Mn")
    return "".join(marks.split())


def _fonts(pdf: Path) -> str:
    return subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout


def test_every_client_language_prints_in_its_own_script(opened: Opened) -> None:
    """The page names fonts that cover Arabic and Ethiopic script, and the browser embeds them
    (``fonts-noto-core``): real glyphs, never empty boxes."""
    folder, _ = opened
    for language in CLIENT_LOCALES:
        fonts = _fonts(folder / f"demo-{language}-client.pdf")
        if language in ("ar", "fa"):
            assert "NotoNaskhArabic" in fonts, language
        if language == "ti":
            assert "NotoSansEthiopic" in fonts
        pages = _pdf_pages(folder / f"demo-{language}-client.pdf")
        texts = Texts(language)
        assert _bare(texts("report.plan")) in _bare("".join(pages)), language
        # the whole grid, to its "All factors" row, on the first page with the title
        assert _bare(texts("report.all_factors")) in _bare(pages[0]), language
        for number, page in enumerate(pages, start=1):  # "page x of y" in the language's order
            assert _bare(texts("report.page_of", page=number, pages=len(pages))) in _bare(page)


def test_a_right_to_left_client_copy_mirrors_its_grid_and_charts(opened: Opened) -> None:
    _, results = opened
    for name in ("demo-ar-client", "demo-fa-client", "family-ar-nl-client"):
        layout = results[name]["layout"]
        assert layout["dir"] == "rtl", name
        assert layout["firstScaleLeft"] > layout["lastScaleLeft"], name  # − − − at the right
        assert min(layout["minusBars"]) > max(layout["plusBars"]) - 1, name
    for name in ("demo-ti-client", "family-ti-en-client", "demo-ru-client"):
        assert results[name]["layout"]["dir"] == "ltr", name


def test_the_pictures_of_the_client_languages_are_made_from_these_pages(
    opened: Opened,
) -> None:
    """docs/localisation.md shows the Arabic copy with Dutch glosses (its grid) and the
    Tigrinya copy (its plan); ``TERUGKEER_WRITE_PICTURES=1`` writes them there."""
    folder, _ = opened
    target = ROOT / "docs" / "_static" / "localisation"
    wanted = {
        # the grid, found by its Dutch gloss (pdftotext reorders right-to-left phrases)
        "client-ar": ("family-ar-nl-client", _bare(Texts("nl")("report.grid.caption"))),
        "client-ti": ("family-ti-en-client", _bare(Texts("ti")("report.family"))),
    }
    for name, (page, heading) in wanted.items():
        pages = [_bare(p) for p in _pdf_pages(folder / f"{page}.pdf")]
        number = next(i for i, p in enumerate(pages, start=1) if heading in p)
        out = target if os.environ.get("TERUGKEER_WRITE_PICTURES") else folder
        out.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["pdftoppm", "-r", "70", "-png", "-singlefile", "-f", str(number),
             "-l", str(number), str(folder / f"{page}.pdf"), str(out / name)],
            check=True,
        )  # fmt: skip
        made = (out / f"{name}.png").read_bytes()
        assert made[:8] == b"\x89PNG\r\n\x1a\n" and len(made) > 20_000
        assert (target / f"{name}.png").exists()
    doc = (ROOT / "docs" / "localisation.md").read_text(encoding="utf-8")
    for name in wanted:
        assert f"_static/localisation/{name}.png" in doc
