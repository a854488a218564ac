"""Fidelity to the book: the counsellor and the client judge, the library lists and reminds.

Each test states one rule of the method (with the book's section) and checks the library keeps it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import attrs
import pytest
from babel.messages.pofile import read_po
from hypothesis import given

from terugkeer import (
    Assessment,
    CaseFile,
    HealthChecklist,
    SignalLog,
    ValidationError,
    WeightyFactor,
    case_summary,
    dumps,
    label,
    load_case,
    loads,
)
from terugkeer._demo import render_demo
from terugkeer._fields import spec_of
from terugkeer.actionplan import Safety
from terugkeer.answers import Answer
from terugkeer.context import ContextTopic, context_texts
from terugkeer.health import ComplaintKind, Facility, SourcedAnswer
from terugkeer.healthfindings import FindingKind, health_findings
from terugkeer.i18n import Texts, field_label, text
from terugkeer.overviews import WeightKind
from terugkeer.referral import summarize
from terugkeer.reports.text import signal_lines
from terugkeer.signals import (
    EMOTION_RESPONSES,
    SUICIDE_GUIDANCE,
    SUICIDE_STEPS,
    SignalObservation,
    SignalSource,
)
from terugkeer.socialmap import BOOK_SOCIAL_MAP
from terugkeer.testing import signal_logs

DAY = dt.date(2026, 3, 2)
DATA = Path(__file__).resolve().parent / "data"
LOCALE_DIR = Path(__file__).resolve().parents[1] / "src" / "terugkeer" / "locale"


def _case_with_overview3(kinds: dict[str, WeightKind]) -> CaseFile:
    a = Assessment.build(DAY, {"F02": -3, "F07": 3, "F10": 2, "F13": -3})
    case = CaseFile("c-1").add_assessment(a)
    for factor, kind in kinds.items():
        case = case.add_weighty_factor(WeightyFactor.for_factor(a, factor, kind))
    return case


# --- Overview 3 rows refer to their assessment (§3.7, B3) ---------------------------------------


def test_a_weighty_row_that_contradicts_its_assessment_is_refused() -> None:
    a = Assessment.build(DAY, {"F02": -3})
    case = CaseFile("c-1").add_assessment(a)
    other = a.with_rating(a.rating("F02").scored("F02", -1))
    with pytest.raises(ValidationError) as info:
        case.add_weighty_factor(WeightyFactor.for_factor(other, "F02", WeightKind.VULNERABILITY))
    assert [p.path for p in info.value.problems] == ["$.weighty_factors[0].rating"]
    later = attrs.evolve(a, assessed_on=DAY + dt.timedelta(days=1))
    with pytest.raises(ValidationError) as info:
        case.add_weighty_factor(WeightyFactor.for_factor(later, "F02", WeightKind.VULNERABILITY))
    assert [p.path for p in info.value.problems] == ["$.weighty_factors[0].assessed_on"]


def test_a_loaded_case_with_a_contradicting_row_is_refused_with_a_path() -> None:
    case = _case_with_overview3({"F02": WeightKind.VULNERABILITY})
    doc = json.loads(dumps(case))
    doc["weighty_factors"][0]["rating"]["score"] = -2
    with pytest.raises(ValidationError) as info:
        loads(json.dumps(doc), CaseFile)
    assert [p.path for p in info.value.problems] == ["$.weighty_factors[0].rating"]


# --- Summaries show strengths beside vulnerabilities (SPEC §0, §4) --------------------------------


def test_the_case_summary_shows_strengths_beside_vulnerabilities() -> None:
    case = _case_with_overview3(
        {
            "F13": WeightKind.STRENGTH,
            "F10": WeightKind.VULNERABILITY,
            "F07": WeightKind.STRENGTH,
            "F02": WeightKind.NOT_YET_CHOSEN,
        }
    )
    summary = case_summary(case)
    assert [w.factor.id for w in summary.strengths] == ["F13", "F07"]
    assert [w.factor.id for w in summary.vulnerabilities] == ["F10"]
    assert [w.factor.id for w in summary.kind_not_yet_chosen] == ["F02"]


@pytest.mark.parametrize("locale", ["nl", "en"])
def test_the_demo_shows_what_the_issue_asks_for(locale: str) -> None:
    out = " ".join(render_demo(locale).split())  # texts wrap over lines
    for point in ("Scale.minus3", "Scale.none", "Scale.plus3"):
        assert text(point, locale) in out  # the scale legend
    assert label(WeightKind.STRENGTH, locale) in out
    assert label(WeightKind.VULNERABILITY, locale) in out
    summary = out[out.index(text("report.case", locale)) :]
    assert text("report.case.strengths_label", locale) in summary
    assert text("report.case.vulnerabilities_label", locale) in summary
    before_after = text("report.compare.outcome", locale).split("{")[0]
    assert before_after in out  # factor 1's category change in the comparison


def test_the_dutch_demo_has_no_english_sample_data() -> None:
    out = render_demo("nl")
    for english in ("made up", "GP ", "return organisation", "pharmacies", "e-mail "):
        assert english not in out
    assert "verzonnen" not in render_demo("en")


# --- The suicide-threat guidance always goes with the steps (§5.2) -----------------------------


@given(signal_logs())
def test_the_guidance_is_present_exactly_when_the_steps_are(log: SignalLog) -> None:
    summary = summarize(log)
    assert bool(summary.urgent_guidance) is bool(summary.urgent_steps)
    if summary.urgent_steps:
        assert summary.urgent_guidance == SUICIDE_GUIDANCE


@pytest.mark.parametrize("locale", ["nl", "en"])
def test_the_report_shows_the_guidance_right_after_the_steps(locale: str) -> None:
    log = SignalLog().observe(SignalObservation("S.suicide.thoughts", SignalSource.CLIENT, DAY))
    flat = " ".join(" ".join(signal_lines(log, Texts(locale))).split())
    last_step = f"{len(SUICIDE_STEPS)}. {label(SUICIDE_STEPS[-1], locale)}"
    expected = " ".join([last_step, *(f"– {label(g, locale)}" for g in SUICIDE_GUIDANCE)])
    assert expected in flat  # the guidance follows the last step directly, in order


def test_a_signal_can_say_which_family_member_it_is_about() -> None:
    son = SignalObservation("S.sleep.nightmares", SignalSource.CLIENT, DAY, about="son")
    mother = attrs.evolve(son, about="mother")
    log = SignalLog().observe(son).observe(mother)
    assert [o.about for o in log.observations] == ["son", "mother"]
    assert spec_of(attrs.fields(SignalObservation).about).identifying is True


# --- Care gaps say what is known (B5, §5.3) -----------------------------------------------------


def test_a_verified_no_and_an_unknown_are_different_findings_with_different_texts() -> None:
    checklist = HealthChecklist(
        ComplaintKind.PHYSICAL,
        facilities=(
            Facility(
                "dialysis",
                available=SourcedAnswer(Answer.NO),
                reachable=SourcedAnswer(Answer.UNKNOWN),
                affordable=SourcedAnswer(Answer.YES),
            ),
        ),
    )
    care = {f.path: f for f in health_findings(checklist) if f.dimension is not None}
    missing, unknown = care["$.facilities[0].available"], care["$.facilities[0].reachable"]
    assert (missing.kind, unknown.kind) == (FindingKind.CARE_GAP, FindingKind.CARE_UNKNOWN)
    for locale in ("nl", "en"):
        assert label(missing, locale) != label(unknown, locale)
    assert "$.facilities[0].affordable" not in care
    # The art. 64 note goes with reach and cost, not with presence: that is what it checks.
    assert missing.note_message_id is None and unknown.note_message_id is not None


def test_the_art64_texts_say_presence_is_checked_not_reach() -> None:
    texts = context_texts(ContextTopic.ARTICLE_64)
    assert len(texts) == 5 and all(t.book == "§5.3" for t in texts)
    assert len(context_texts(ContextTopic.PRECONDITIONS)) == 4


# --- Texts of the method that a tool can show ---------------------------------------------------


@pytest.mark.parametrize("locale", ["nl", "en"])
def test_every_book_entry_of_the_social_map_has_a_name_in_each_language(locale: str) -> None:
    names = [text(e.message_id, locale) for e in BOOK_SOCIAL_MAP.entries if e.message_id]
    assert len(names) == len(BOOK_SOCIAL_MAP.entries) == 27
    assert not any(name.startswith("SocialMap.") for name in names)


def test_the_dutch_social_map_names_the_informal_sources_in_dutch() -> None:
    informal = [e for e in BOOK_SOCIAL_MAP.entries if e.kind.value == "informal"]
    assert all(text(e.message_id or "", "nl") != e.name for e in informal)


def test_three_ways_to_respond_to_overwhelming_emotions() -> None:
    assert [r.id for r in EMOTION_RESPONSES] == ["E.respect", "E.control", "E.daily_functioning"]


def test_field_labels_name_a_real_field() -> None:
    assert field_label(WeightyFactor, "why_how", "en").startswith("Why and how")
    with pytest.raises(KeyError):
        field_label(WeightyFactor, "score", "en")


# --- Migration of documents saved before this release -------------------------------------------


def test_a_saved_version_1_case_loads_and_its_overview3_rows_have_no_guessed_kind() -> None:
    raw = json.loads((DATA / "case-v1.json").read_text(encoding="utf-8"))
    assert raw["version"] == 1 and all("kind" not in row for row in raw["weighty_factors"])
    case = load_case(DATA / "case-v1.json")
    assert [w.kind for w in case.weighty_factors] == [WeightKind.NOT_YET_CHOSEN] * len(
        raw["weighty_factors"]
    )
    assert [w.why_how for w in case.weighty_factors] == [
        row["why_how"] for row in raw["weighty_factors"]
    ]
    assert [a.assessed_on.isoformat() for a in case.assessments] == [
        a["assessed_on"] for a in raw["assessments"]
    ]
    assert case.client.name == raw["client"]["name"]
    assert case.plan.goals.work == raw["plan"]["goals"]["work"]


def test_a_saved_version_1_weighty_row_and_assessment_load() -> None:
    row = loads((DATA / "weighty-factor-v1.json").read_text(encoding="utf-8"), WeightyFactor)
    assert row.kind is WeightKind.NOT_YET_CHOSEN and row.rating.score == -3
    a = loads((DATA / "assessment-v1.json").read_text(encoding="utf-8"), Assessment)
    assert a.time_pressure is False and a.new_considerations == ()


# --- Language --------------------------------------------------------------------------------


def test_dutch_texts_use_u_and_the_words_counsellors_know() -> None:
    with (LOCALE_DIR / "nl" / "LC_MESSAGES" / "terugkeer.po").open("rb") as f:
        texts = {str(m.id): str(m.string) for m in read_po(f) if m.id}
    informal = re.compile(r"\b(je|jij|jou|jouw|jezelf)\b", re.IGNORECASE)
    assert [k for k, v in texts.items() if informal.search(v)] == []
    assert [k for k, v in texts.items() if re.search(r"\bsecties?\b", v, re.I)] == []
    assert [k for k, v in texts.items() if "echt?" in v] == []
    assert "Sociale norm" in texts["Factor.F09.label"]
    assert "zoals de cliënt ze ziet" in texts["FactorGroup.country_of_origin"]


def test_a_sixth_way_to_feel_safer_survives_a_round_trip() -> None:
    safety = Safety(worried=Answer.YES, ways_to_feel_safer=tuple(str(i) for i in range(6)))
    assert loads(dumps(safety), Safety) == safety


def test_a_fresh_record_or_form_stores_no_answer_nobody_gave() -> None:
    """A form starts empty: only what the people said is stored (no default "other", "no" or
    "not in the country of origin" standing in for an answer)."""
    from terugkeer.actionplan import FamilyMemberView, PracticalTask
    from terugkeer.forms import forms
    from terugkeer.health import Source, SourceKind
    from terugkeer.interop.formdata import from_form

    assert PracticalTask().kind is None
    assert FamilyMemberView().is_minor is None
    assert Source(SourceKind.CLIENT).in_country_of_origin is None
    plan = from_form(forms("actionplan")[0], {"practical[0].what": "a passport"})
    assert [(t.kind, t.what) for t in plan.practical] == [(None, "a passport")]
