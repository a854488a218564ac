"""The method's guidance reaches the counsellor: a catalogue, a report pointer and a command."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from terugkeer.catalogues.socialmap_rows import BOOK_MAP_ROWS
from terugkeer.cli import main
from terugkeer.context import CONTEXT_TEXTS
from terugkeer.factors import FACTORS
from terugkeer.guidance import (
    GUIDANCE_TEXTS,
    GUIDANCE_TOPICS,
    PLACES,
    guidance_for,
    topics_for,
)
from terugkeer.health import CHECKLIST_QUESTIONS
from terugkeer.i18n import AVAILABLE_LOCALES, text
from terugkeer.planning import PLAN_SECTIONS
from terugkeer.signals import EMOTION_RESPONSES, STANDING_GUIDANCE
from terugkeer.wellbeing import WELLBEING_ITEMS, WellbeingList


def _flat(out: str) -> str:
    """Printed paragraphs joined back into one line each: wrapping is not content."""
    return re.sub(r"\s+", " ", out)


def test_guidance_the_library_already_had_is_in_the_guide() -> None:
    # Each of these was in the API and reached no report, form or command (issue 31).
    in_guide = {t.message_id for t in GUIDANCE_TEXTS}
    had = {t.message_id for t in CONTEXT_TEXTS}
    had |= {r.message_id for r in EMOTION_RESPONSES}
    had |= {g.message_id for g in STANDING_GUIDANCE}
    had |= {i.message_id for i in WELLBEING_ITEMS if i.list is WellbeingList.CAUSE}
    assert had - in_guide == set()


def test_every_factor_has_its_exploration_questions() -> None:
    for factor in FACTORS:
        found = [t for t in guidance_for("overview1", factor.id) if t.topic == "factor_questions"]
        assert len(found) == 1, factor.id


def test_every_plan_section_has_practical_tips() -> None:
    for section in PLAN_SECTIONS:
        assert guidance_for("actionplan", section.id), section.id


def test_a_text_is_about_a_real_entry() -> None:
    known = {f.id for f in FACTORS} | {s.id for s in PLAN_SECTIONS}
    known |= {row.id for row in BOOK_MAP_ROWS} | {q.id for q in CHECKLIST_QUESTIONS}
    for entry in GUIDANCE_TEXTS:
        assert entry.about is None or entry.about in known, entry.id


def test_every_topic_has_texts_and_a_place() -> None:
    for topic in GUIDANCE_TOPICS:
        assert topic.texts, topic.id
        assert topic.where in PLACES, topic.id
        assert topic in topics_for(topic.where)


@pytest.mark.parametrize("locale", AVAILABLE_LOCALES)
def test_every_text_and_title_is_written_in_each_locale(locale: str) -> None:
    for topic in GUIDANCE_TOPICS:
        assert text(topic.message_id, locale) != topic.message_id
    for entry in GUIDANCE_TEXTS:
        assert text(entry.message_id, locale) != entry.message_id, entry.id


def test_an_unknown_place_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        topics_for("overview4")


def test_guide_lists_every_topic(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["guide", "--locale", "en"]) == 0
    out = capsys.readouterr().out
    listed = [line.split()[0] for line in out.splitlines()[1:]]
    assert listed == [t.id for t in GUIDANCE_TOPICS]


@pytest.mark.parametrize("locale", AVAILABLE_LOCALES)
def test_guide_topic_prints_each_of_its_texts(
    locale: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["guide", "client_emotions", "mental_health", "--locale", locale]) == 0
    out = _flat(capsys.readouterr().out)
    for name in ("client_emotions", "mental_health"):
        topic = GUIDANCE_TOPICS.get(name)
        assert text(topic.message_id, locale) in out
        for entry in topic.texts:
            assert text(entry.message_id, locale) in out, entry.id


def test_guide_all_prints_every_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["guide", "--all", "--locale", "en"]) == 0
    out = _flat(capsys.readouterr().out)
    missing = [t.id for t in GUIDANCE_TEXTS if text(t.message_id, "en") not in out]
    assert missing == []


def test_guide_for_an_entry_prints_only_what_is_about_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["guide", "AP08", "--locale", "en"]) == 0
    out = _flat(capsys.readouterr().out)
    assert text("GuidanceText.T.AP08.honour", "en") in out
    assert text("GuidanceText.T.AP05.relax", "en") not in out


@pytest.mark.parametrize("argv", [["guide", "nope"], ["guide", "--all", "family"]])
def test_guide_refuses_what_it_cannot_show(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    assert "error:" in capsys.readouterr().err


def test_overview1_as_json_carries_headings_instruction_legend_and_worded_scores() -> None:
    # Issue 31: 26 of the paper form's 33 items were missing, and scores read "-3" … "3".
    from terugkeer.factors import SCALE_LEGEND, FactorGroup
    from terugkeer.forms import forms
    from terugkeer.interop.formdefs import form_document

    doc = form_document(forms("overview1")[0], "en")
    headings = [item["heading"] for item in doc["items"] if "heading" in item]
    assert headings == [text(group.message_id, "en") for group in FactorGroup]
    assert text("ContextText.C.instruction.overview1", "en") in doc["instructions"]
    assert doc["legend"][:7] == [text(p.message_id, "en") for p in SCALE_LEGEND]
    assert len(doc["legend"]) == 8  # and the note: a direction, never a value judgement
    factors = [item for item in doc["items"] if item["linkId"] in {f.id for f in FACTORS}]
    for factor in factors:
        assert factor["guidance"] == [text(f"GuidanceText.Q.{factor['linkId']}", "en")]
        (score,) = (i for i in factor["items"] if i["linkId"].endswith(".score"))
        for choice in score["choices"]:
            assert not re.fullmatch(r"[+-]?\d+", choice["label"])
            assert not re.fullmatch(r"[+-]?\d+", choice["code"])


def test_a_plan_section_carries_its_tips_and_the_plan_its_instruction() -> None:
    from terugkeer.forms import forms

    form = forms("actionplan")[0]
    assert "GuidanceText.P.together" in form.instructions
    assert form.item("AP08").guidance == tuple(
        t.message_id for t in guidance_for("actionplan", "AP08")
    )
    health = forms("health")[0]
    assert health.item("H.handover.escort_needed").guidance == ("GuidanceText.H.escort_by_doctor",)


#: The counsellor's own instruments speak to the counsellor; everything else asks about the client.
_COUNSELLOR_RECORDS = ("EmotionExample", "IntervisionEntry", "StressSelfCheck", "SignalsCheck")
_ADDRESSED = {
    "nl": re.compile(r"\b(u|uw|we|wij|ons|onze|jij|je|jouw)\b", re.IGNORECASE),
    "en": re.compile(r"\b(you|your|we|us|our)\b", re.IGNORECASE),
}


@pytest.mark.parametrize("locale", AVAILABLE_LOCALES)
def test_prompts_about_the_client_never_address_the_client(locale: str) -> None:
    # Issue 31: "Waar ziet u tegen op" and "Mogen we … vragen" spoke to the client in a form the
    # counsellor fills in. Guidance speaks to the counsellor ("u"), prompts speak about the client.
    from babel.messages.pofile import read_po

    po_file = Path(__file__).resolve().parents[1] / "src/terugkeer/locale" / locale / "LC_MESSAGES"
    with (po_file / "terugkeer.po").open("rb") as po:
        catalogue = read_po(po)
    prompts = ("ActionPlan.", "HealthChecklist.", "Factor.", "Field.", "Form.")
    addressed = [
        m.id
        for m in catalogue
        if isinstance(m.id, str)
        and m.id.startswith(prompts)
        and not any(f".{name}." in m.id for name in _COUNSELLOR_RECORDS)
        and not m.id.startswith("Form.wellbeing")
        and _ADDRESSED[locale].search(str(m.string))
    ]
    assert addressed == []
