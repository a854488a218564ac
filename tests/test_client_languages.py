"""The client languages: every client-facing text written in each of them, checked as gettext
and Babel read catalogues; a fallback that is stated, never silent; the client's copy and the
action plan form in every client language, one or two languages on a page; the review status."""

from __future__ import annotations

import datetime as dt
import html
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest
from babel import Locale
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po
from fhir.resources.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaire import Questionnaire as QuestionnaireR4B
from hypothesis import HealthCheck, given, settings
from pyxform.xls2xform import convert

from printcases import family_case, hostile_case, many_assessments_case
from terugkeer import CaseFile, UnsupportedLocaleError, dumps, html_report
from terugkeer._demo import demo_case
from terugkeer.actionplan import ActionPlan, OrganisationInfo
from terugkeer.catalogues.client_rows import CLIENT_MESSAGE_IDS
from terugkeer.documents.serialization import from_document, to_document
from terugkeer.errors import ValidationError
from terugkeer.forms import CLIENT_FORMS, form
from terugkeer.i18n import (
    AVAILABLE_LOCALES,
    CLIENT_LOCALES,
    LOCALES,
    Bilingual,
    ReviewState,
    Texts,
    text,
)
from terugkeer.interop.fhir import questionnaire
from terugkeer.interop.fhirresponse import from_questionnaire_response, questionnaire_response
from terugkeer.interop.formdata import browser_values, form_values, from_form
from terugkeer.interop.xlsform import (
    form_languages,
    from_submission,
    submission,
    write_xlsform,
    xlsform_sheets,
)
from terugkeer.reports.pages import Copy
from terugkeer.reports.text import case_lines
from terugkeer.testing import case_files

ROOT = Path(__file__).resolve().parents[1]
LOCALE_DIR = ROOT / "src" / "terugkeer" / "locale"
DAY = dt.date(2026, 12, 5)
DEMO = demo_case("nl")
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _catalogue(language: str) -> dict[str, Any]:
    with (LOCALE_DIR / language / "LC_MESSAGES" / "terugkeer.po").open("rb") as f:
        catalog = read_po(f)
    return {(m.id if isinstance(m.id, str) else m.id[0]): m for m in catalog if m.id}


# --- The catalogues -------------------------------------------------------------------------------


@pytest.mark.parametrize("language", CLIENT_LOCALES)
def test_every_client_facing_id_is_translated_and_nothing_else(language: str) -> None:
    entries = _catalogue(language)
    given = {i for i, m in entries.items() if m.string and all(m.string if m.pluralizable else [1])}
    assert sorted(CLIENT_MESSAGE_IDS - given) == []  # none missing, none empty
    assert set(entries) - CLIENT_MESSAGE_IDS == {"Catalogue.review_status"}  # no counsellor text
    assert len(CLIENT_MESSAGE_IDS) == 333


@pytest.mark.parametrize("language", CLIENT_LOCALES)
def test_placeholders_match_the_english_in_every_form(language: str) -> None:
    english, entries = _catalogue("en"), _catalogue(language)
    for message_id in CLIENT_MESSAGE_IDS:
        ours = entries[message_id].string
        wanted = set(PLACEHOLDER.findall(str(english[message_id].string)))
        for form_text in ours if isinstance(ours, (list, tuple)) else [ours]:
            found = set(PLACEHOLDER.findall(form_text))
            # a plural form may spell its number out ("one factor") and leave {count} out
            assert found == wanted or found == wanted - {"count"}, (message_id, form_text)


def test_dutch_and_english_have_the_same_placeholders() -> None:
    english, dutch = _catalogue("en"), _catalogue("nl")
    for message_id, entry in english.items():
        forms_en = entry.string if isinstance(entry.string, (list, tuple)) else [entry.string]
        ours = dutch[message_id].string
        forms_nl = ours if isinstance(ours, (list, tuple)) else [ours]
        wanted = {frozenset(PLACEHOLDER.findall(t)) for t in forms_en}
        assert {frozenset(PLACEHOLDER.findall(t)) for t in forms_nl} == wanted, message_id


@pytest.mark.parametrize("language", LOCALES)
def test_msgfmt_checks_the_catalogue(language: str, tmp_path: Path) -> None:
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.skip("gettext's msgfmt is not installed (.ci/run installs it)")
    po = LOCALE_DIR / language / "LC_MESSAGES" / "terugkeer.po"
    done = subprocess.run(
        [msgfmt, "--check", "-o", str(tmp_path / "t.mo"), str(po)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("language", LOCALES)
def test_the_plural_rule_of_each_catalogue_is_cldrs(language: str) -> None:
    with (LOCALE_DIR / language / "LC_MESSAGES" / "terugkeer.po").open("rb") as f:
        catalog = read_po(f)
    rule = get_plural(language)
    assert catalog.num_plurals == rule.num_plurals
    assert catalog.plural_expr.replace(" ", "") == rule.plural_expr.replace(" ", "")


@pytest.mark.parametrize("language", CLIENT_LOCALES)
def test_the_english_a_translation_was_made_from_is_still_the_english(language: str) -> None:
    """Each entry names the English it translates; when the English changes, this names the
    entries a translator must look at again."""
    english, entries = _catalogue("en"), _catalogue(language)
    stale = []
    for message_id in CLIENT_MESSAGE_IDS:
        source = english[message_id].string
        shown = source[0] if isinstance(source, (list, tuple)) else source
        comment = " ".join(entries[message_id].auto_comments)
        if f"en: {shown}" not in comment and f"en: {tuple(source)!r}" not in comment:
            stale.append(message_id)
    assert stale == []


def test_counts_take_the_plural_form_cldr_gives_each_language() -> None:
    """Written from CLDR's rules: Arabic one, two, few (3-10), many (11-99), other (100+);
    Russian one (1, 21), few (2-4), many (5-20); French one for 0 and 1."""
    ar = [Texts("ar").count("Overview1.incomplete", n, factors="x") for n in (1, 2, 3, 11, 100)]
    assert ["واحد" in ar[0], "عاملان" in ar[1], "3 عوامل" in ar[2], "11 عاملًا" in ar[3]] == [
        True
    ] * 4
    assert "100 عامل " in ar[4] and len(set(ar)) == 5
    ru = [Texts("ru").count("Overview1.incomplete", n, factors="x") for n in (1, 21, 2, 5, 11)]
    assert ["1 фактор " in ru[0], "21 фактор " in ru[1], "2 фактора" in ru[2]] == [True] * 3
    assert "5 факторов" in ru[3] and "11 факторов" in ru[4]
    assert "0 facteur " in Texts("fr").count("Overview1.incomplete", 0, factors="x")
    assert "2 factoren" in Texts("nl").count("Overview1.incomplete", 2, factors="x")


# --- Stated fallback and review status ---------------------------------------------------------


def test_a_counsellor_only_text_falls_back_to_the_language_the_caller_chose() -> None:
    signal = "Signal.S.sleep.nightmares"
    for language in CLIENT_LOCALES:
        for fallback in AVAILABLE_LOCALES:
            texts = Texts(language, fallback=fallback)
            assert texts.language_of(signal) == fallback
            assert texts(signal) == text(signal, fallback)
            assert texts.language_of("Answer.yes") == language
            assert texts("Answer.yes") not in (text("Answer.yes", "nl"), text("Answer.yes", "en"))
        assert not Texts(language).complete
    with pytest.raises(UnsupportedLocaleError):
        Texts("ar", fallback="fa")  # a fallback must be complete
    with pytest.raises(UnsupportedLocaleError) as info:
        Texts("ar", second="tr")
    assert "no complete catalogue for locale 'tr'; available: en, nl" in str(info.value)
    assert Texts("ar", second="nl_BE").second == "nl"  # a regional tag, as for the page


def test_every_client_language_is_a_draft_and_the_working_languages_are_sources() -> None:
    for language in CLIENT_LOCALES:
        status = Texts(language).review_status
        assert status.state is ReviewState.DRAFT and status.reviewed_on is None
        assert status.is_draft
    for language in AVAILABLE_LOCALES:
        assert Texts(language).review_status.state is ReviewState.SOURCE


def test_the_glossary_says_what_the_catalogues_say() -> None:
    doc = (ROOT / "docs" / "localisation.md").read_text(encoding="utf-8")
    table = doc.split("## Glossary", 1)[1].split("\n\n")[2].splitlines()
    header = [c.strip(" `") for c in table[0].strip("|").split("|")]
    rows = {
        cells[0]: dict(zip(header[1:], cells[1:], strict=True))
        for cells in ([c.strip() for c in line.strip("|").split("|")] for line in table[2:])
    }
    where = {
        "return": "Scale.plus2",
        "factor": "report.table.factor",
        "strength": "WeightKind.strength",
        "vulnerability": "WeightKind.vulnerability",
        "action plan": "Form.actionplan",
        "no score": "Scale.none",
        "skipped": "RatingKind.skipped",
        "client": "report.plan.client",
        "overview": "report.overview2",
    }
    assert set(rows) == set(where)
    for term, message_id in where.items():
        for language in CLIENT_LOCALES:
            found = Texts(language)(message_id).casefold()
            assert rows[term][language].casefold() in found, (term, language)


# --- The client's copy --------------------------------------------------------------------------


def _copies(case: CaseFile, language: str, fallback: str) -> tuple[str, str]:
    """Both copies, less the draft notice, which is printed in the fallback language too."""
    texts = Texts(language, fallback=fallback)
    page = html_report(case, texts, generated_on=DAY, copy=Copy.CLIENT)
    lines = "\n".join(case_lines(case, texts, copy=Copy.CLIENT))
    notice = text("client.draft_notice", fallback)
    assert notice in page and notice in lines
    page = re.sub(r'<p class="draft" role="note">.*?</p>', "", page)
    return page, lines.split("\n", 2)[2]


@pytest.mark.parametrize("language", CLIENT_LOCALES)
def test_the_client_copy_never_falls_back(language: str) -> None:
    """Rendered with Dutch and with English as the fallback, the copy is the same: no text on
    it came from the fallback."""
    for case in (demo_case("nl"), family_case(), hostile_case(), many_assessments_case(3)):
        assert _copies(case, language, "nl") == _copies(case, language, "en")


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case_files())
def test_no_case_makes_a_client_copy_fall_back(case: CaseFile) -> None:
    for language in ("ar", "ti"):
        assert _copies(case, language, "nl") == _copies(case, language, "en")


@pytest.mark.parametrize("language", CLIENT_LOCALES)
def test_the_copy_for_the_file_is_not_made_in_a_client_language(language: str) -> None:
    with pytest.raises(UnsupportedLocaleError):
        html_report(DEMO, Texts(language), generated_on=DAY, copy=Copy.FILE)


def test_a_draft_copy_says_so_in_both_languages_and_a_dutch_one_does_not() -> None:
    ar_nl = html_report(DEMO, Texts("ar", second="nl"), generated_on=DAY, copy=Copy.CLIENT)
    assert text("client.draft_notice", "ar") in ar_nl and text("client.draft_notice", "nl") in ar_nl
    ti = "\n".join(case_lines(DEMO, Texts("ti", fallback="en"), copy=Copy.CLIENT))
    assert text("client.draft_notice", "ti") in ti and text("client.draft_notice", "en") in ti
    nl = html_report(DEMO, Texts("nl"), generated_on=DAY, copy=Copy.CLIENT)
    assert text("client.draft_notice", "nl") not in nl


def test_a_bilingual_copy_glosses_every_heading_in_the_second_language() -> None:
    page = html_report(DEMO, Texts("ar", second="nl"), generated_on=DAY, copy=Copy.CLIENT)
    assert page.startswith('<!DOCTYPE html><html lang="ar" dir="rtl">')
    headings = re.findall(r"<h2>(.*?)</h2>", page)
    assert headings
    for heading in headings:
        assert '<span class="gloss" lang="nl" dir="ltr">' in heading, heading
    for factor in ("F02", "F19"):  # the factor labels in the grid carry Dutch too
        label = text(f"Factor.{factor}.label", "nl")
        assert f'lang="nl" dir="ltr">{label}</span>' in page
    lines = "\n".join(case_lines(DEMO, Texts("fr", second="en"), copy=Copy.CLIENT))
    assert f"{text('report.plan', 'fr')} / {text('report.plan', 'en')}" in lines


def test_a_bilingual_text_formats_each_language_its_own_way() -> None:
    texts = Texts("ru", second="nl")
    heading = texts("report.overview1", date=texts.date(dt.date(2026, 3, 2)))
    assert isinstance(heading, Bilingual)
    assert "2 марта 2026" in heading and "2 maart 2026" in heading.second
    assert Texts("ru")("report.overview1", date="x") == str(
        Texts("ru", second="en")("report.overview1", date="x")
    )


def test_right_to_left_copies_and_left_to_right_ones_say_so() -> None:
    for language in LOCALES:
        page = html_report(DEMO, Texts(language), generated_on=DAY, copy=Copy.CLIENT)
        direction = "rtl" if language in ("ar", "fa") else "ltr"
        assert page.startswith(f'<!DOCTYPE html><html lang="{language}" dir="{direction}">')
        assert str(Locale.parse(language).text_direction) == direction


@pytest.mark.parametrize("language", LOCALES)
@pytest.mark.parametrize("fmt", ["text", "html"])
def test_the_report_command_makes_a_client_copy_in_every_language(
    language: str, fmt: str, tmp_path: Path
) -> None:
    case = tmp_path / "demo.json"
    case.write_text(dumps(demo_case("nl")), encoding="utf-8")
    done = _cli("report", str(case), "--copy", "client", "--locale", language, "--format", fmt)
    assert done.returncode == 0, done.stderr
    shown = html.escape if fmt == "html" else str
    assert shown(text("report.plan", language)) in done.stdout
    notice = shown(text("client.draft_notice", language))
    assert (notice in done.stdout) == (language in CLIENT_LOCALES)


def test_the_report_command_refuses_a_client_language_where_the_counsellor_reads(
    tmp_path: Path,
) -> None:
    case = tmp_path / "demo.json"
    case.write_text(dumps(demo_case("nl")), encoding="utf-8")
    file_copy = _cli("report", str(case), "--locale", "ar")
    assert file_copy.returncode == 2 and "client language" in file_copy.stderr
    unknown = _cli("report", str(case), "--copy", "client", "--locale", "de")
    assert unknown.returncode == 2 and "ar, en, fa, fr, nl, ru, ti, tr" in unknown.stderr
    second = _cli(
        "report", str(case), "--copy", "client", "--locale", "ar", "--second-locale", "fa"
    )
    assert second.returncode == 2
    both = _cli("report", str(case), "--copy", "client", "--locale", "ar", "--second-locale", "nl")
    assert both.returncode == 0 and text("report.plan", "nl") in both.stdout
    demo = _cli("demo", "--locale", "ti")
    assert demo.returncode == 2 and "client language" in demo.stderr


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "terugkeer", *args], capture_output=True, text=True, timeout=120
    )


# --- The plan header and the plan as the client's form --------------------------------------------


def _arabic_plan() -> CaseFile:
    """The family case whose plan was filled in in Arabic, with an interpreter."""
    case = family_case()
    header = attrs.evolve(case.plan.organisation, language="ar", interpreter=True)
    plan = attrs.evolve(case.plan, organisation=header)
    section = attrs.evolve(plan.safety, worries="الخوف من العودة إلى الحي القديم\nوالديون")
    return attrs.evolve(case, plan=attrs.evolve(plan, safety=section))


def test_the_plan_header_records_the_language_and_an_interpreter_never_a_name() -> None:
    case = _arabic_plan()
    header = case.plan.organisation
    assert {f.name for f in attrs.fields(OrganisationInfo)} >= {"language", "interpreter"}
    assert type(header.interpreter) is bool  # whether, never who
    page = html_report(case, Texts("nl"), generated_on=DAY, copy=Copy.CLIENT)
    assert "Arabisch (<bdi>ar</bdi>)" in page
    ar = html_report(case, Texts("ar"), generated_on=DAY, copy=Copy.CLIENT)
    assert (
        "العربية (<bdi>ar</bdi>)" in ar and text("Field.OrganisationInfo.interpreter", "ar") in ar
    )
    with pytest.raises(ValidationError) as info:
        OrganisationInfo(language="Arabic please")
    assert [p.path for p in info.value.problems] == ["$.language"]
    assert "Arabic" not in str(info.value)  # the value is never echoed


def test_a_plan_of_the_previous_version_reads_with_nothing_recorded() -> None:
    document = to_document(_arabic_plan().plan)
    body = dict(document)
    body["version"] = 6
    organisation = dict(body["organisation"])
    del organisation["language"], organisation["interpreter"]
    body["organisation"] = organisation
    plan = from_document(body, ActionPlan)
    assert plan.organisation.language == "" and plan.organisation.interpreter is None


def test_the_action_plan_form_has_a_column_for_every_language() -> None:
    sheets = xlsform_sheets(form("actionplan"))
    header = sheets["survey"][0]
    names = [name for _, name in form_languages(form("actionplan"))]
    assert len(names) == len(LOCALES)
    for kind in ("label", "hint", "guidance_hint", "required_message", "constraint_message"):
        assert [c for c in header if c.startswith(f"{kind}::")] == [f"{kind}::{n}" for n in names]
    assert "label::العربية (ar)" in header and "label::ትግርኛ (ti)" in header
    for sheet in ("survey", "choices"):
        head, *rows = sheets[sheet]
        for i, column in enumerate(head):
            shown = [row[i] for row in rows if row[i]]
            if column.startswith(("label::", "hint::", "required_message::", "constraint_")):
                # what the client reads is in the client's language; only guidance says [nl]
                assert not [t for t in shown if t.startswith("[")], column
    guidance = header.index("guidance_hint::العربية (ar)")
    hints = [row[guidance] for row in sheets["survey"][1:] if row[guidance]]
    assert hints and all(hint.startswith("[nl] ") for hint in hints)
    assert CLIENT_FORMS == ("actionplan",)
    assert form_languages(form("health")) == (("nl", "Nederlands (nl)"), ("en", "English (en)"))


def test_pyxform_converts_the_action_plan_with_every_language_and_no_warning(
    tmp_path: Path,
) -> None:
    path = tmp_path / "actionplan.xlsx"
    write_xlsform(form("actionplan"), path)
    result = convert(xlsform=str(path), validate=False)
    assert result.warnings == []
    langs = re.findall(r'<translation (?:default="true\(\)" )?lang="([^"]+)"', result.xform)
    assert sorted(langs) == sorted(name for _, name in form_languages(form("actionplan")))


@pytest.mark.parametrize("release", ["R5", "R4B"])
def test_every_action_plan_label_has_a_fhir_translation_per_language(release: str) -> None:
    written = questionnaire(form("actionplan"), release)
    (Questionnaire if release == "R5" else QuestionnaireR4B).model_validate(written)
    labels = 0

    def visit(items: list[dict[str, Any]]) -> None:
        nonlocal labels
        for item in items:
            langs = [
                e["extension"][0]["valueCode"] for e in item.get("_text", {}).get("extension", [])
            ]
            if item["type"] != "display":
                labels += 1
                assert langs == ["en", *CLIENT_LOCALES], item["linkId"]
            elif not item["linkId"].endswith(".help"):
                assert "en" in langs
            visit(item.get("item", []))

    visit(written["item"])
    assert labels > 150


def test_a_plan_posted_from_the_arabic_form_reads_back_equal() -> None:
    plan = _arabic_plan().plan
    plan_form = form("actionplan")
    posted = browser_values(plan_form, form_values(plan_form, plan), locale="ar")
    assert from_form(plan_form, posted, today=DAY) == plan
    assert from_submission(plan_form, submission(plan_form, plan), today=DAY) == plan
    written = questionnaire_response(plan_form, plan)
    assert from_questionnaire_response(plan_form, written, today=DAY) == plan
