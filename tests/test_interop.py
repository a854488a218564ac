"""The forms as FHIR and XLSForm, checked by the formats' own tools: ``fhir.resources`` parses
every resource (R5 and R4B), ``pyxform`` converts every workbook to an XForm."""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from fhir.resources.bundle import Bundle
from fhir.resources.codesystem import CodeSystem
from fhir.resources.questionnaire import Questionnaire
from fhir.resources.R4B.bundle import Bundle as BundleR4B
from fhir.resources.R4B.codesystem import CodeSystem as CodeSystemR4B
from fhir.resources.R4B.questionnaire import Questionnaire as QuestionnaireR4B
from fhir.resources.R4B.valueset import ValueSet as ValueSetR4B
from fhir.resources.valueset import ValueSet
from hypothesis import HealthCheck, given, settings
from pyxform.xls2xform import convert

from caseparts import case_parts, replaced, without_blank_entries
from terugkeer import CaseFile, ValidationError, from_document, to_document
from terugkeer.cli import main
from terugkeer.forms import Form, all_forms, forms
from terugkeer.interop.fhir import RELEASES, bundle, code_systems, questionnaire, value_sets
from terugkeer.interop.xlsform import from_submission, submission, write_xlsform, xlsform_sheets
from terugkeer.testing import LAST_DAY, case_files

_PARSERS: dict[str, Any] = {"R5": Questionnaire, "R4B": QuestionnaireR4B}


def _items(node: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for item in node.get("item", []):
        yield item
        yield from _items(item)


@pytest.mark.parametrize("release", ["R5", "R4B"])
@pytest.mark.parametrize("form", all_forms(), ids=lambda f: f.id)
def test_every_questionnaire_parses_in_both_releases(form: Form[Any], release: str) -> None:
    written = questionnaire(form, release)
    parsed = _PARSERS[release].model_validate(written)
    assert parsed.url == f"https://terugkeer.invalid/fhir/Questionnaire/{form.id}"
    questions = [i["linkId"] for i in _items(written) if i["type"] != "display"]
    assert questions == [i.link_id for i in form.walk()]
    shown = [i for i in _items(written) if i["type"] == "display"]
    # help and guidance beside an item, Overview 1's group headings before their first factor
    assert all(i["linkId"].endswith(".help") or i["linkId"].startswith("heading.") for i in shown)


def test_every_code_system_parses_and_holds_every_code_a_questionnaire_offers() -> None:
    systems = {}
    for resource in code_systems():
        CodeSystem.model_validate(resource)
        CodeSystemR4B.model_validate(resource)
        systems[resource["url"]] = {c["code"] for c in resource["concept"]}
    for form in all_forms():
        for release in ("R5", "R4B"):
            for item in _items(questionnaire(form, release)):
                for option in item.get("answerOption", []):
                    coding = option["valueCoding"]
                    if coding["system"] != "urn:iso:std:iso:4217":
                        assert coding["code"] in systems[coding["system"]], coding


def test_every_value_set_parses_and_names_a_code_system_of_the_bundle() -> None:
    systems = {r["url"] for r in code_systems()} | {"urn:iso:std:iso:4217"}
    for resource in value_sets():
        ValueSet.model_validate(resource)
        ValueSetR4B.model_validate(resource)
        (include,) = resource["compose"]["include"]
        assert include["system"] in systems


def _numbers(node: object) -> list[object]:
    """Every number in a JSON tree, and every text that reads as one."""
    if isinstance(node, dict):
        return [n for value in node.values() for n in _numbers(value)]
    if isinstance(node, list):
        return [n for value in node for n in _numbers(value)]
    if isinstance(node, bool):
        return []
    if isinstance(node, int | float):
        return [node]
    if isinstance(node, str) and re.fullmatch(r"[+-]?\d+(\.\d+)?", node):
        return [node]
    return []


@pytest.mark.parametrize("release", RELEASES)
def test_a_score_is_a_direction_no_form_tool_can_add_up(release: str) -> None:
    # Issue 31: weights (itemWeight/ordinalValue) let form tools total the scores: a netted
    # score, which the book rejects (§3.6). An answer option holds no number at all.
    form = forms("overview1")[0]
    written = questionnaire(form, release)
    scores = [i for i in _items(written) if i["linkId"].endswith(".score")]
    assert len(scores) == 19
    for score in scores:
        assert _numbers(score["answerOption"]) == []
        codes = [o["valueCoding"]["code"] for o in score["answerOption"]]
        assert codes == ["minus3", "minus2", "minus1", "plus1", "plus2", "plus3"]
    assert "itemWeight" not in json.dumps(written)
    assert "ordinalValue" not in json.dumps(written)
    (system,) = (c for c in code_systems([form]) if c["name"] == "Score")
    assert "nooit op" in system["description"]


def test_a_score_is_asked_only_when_scored() -> None:
    for release in RELEASES:
        written = questionnaire(forms("overview1")[0], release)
        (score,) = (i for i in _items(written) if i["linkId"] == "F07.score")
        (condition,) = score["enableWhen"]
        assert condition["question"] == "F07.kind"
        assert condition["operator"] == "="
        assert condition["answerCoding"]["code"] == "scored"


def test_texts_are_dutch_with_an_english_translation() -> None:
    written = questionnaire(forms("overview3")[0], "R5")
    assert written["title"] == "Overzicht 3: zwaarwegende factoren"
    (translation,) = written["_title"]["extension"]
    parts = {e["url"]: e for e in translation["extension"]}
    assert parts["lang"]["valueCode"] == "en"
    assert parts["content"]["valueString"] == "Overview 3: weighty factors"


def test_a_ratings_factor_is_fixed_and_read_only() -> None:
    written = questionnaire(forms("overview1")[0], "R5")
    (factor,) = (i for i in _items(written) if i["linkId"] == "F11.factor")
    assert factor["readOnly"] is True
    (option,) = factor["answerOption"]
    assert option["valueCoding"]["code"] == "F11" and option["initialSelected"] is True


@pytest.mark.parametrize("release", ["R5", "R4B"])
def test_the_export_form_command_writes_a_bundle_that_parses(release: str, tmp_path: Path) -> None:
    out = tmp_path / "wellbeing.json"
    assert (
        main(["export-form", "--format", f"fhir-{release.lower()}", "wellbeing", "-o", str(out)])
        == 0
    )
    written = json.loads(out.read_text(encoding="utf-8"))
    parsed = (Bundle if release == "R5" else BundleR4B).model_validate(written)
    assert parsed.entry is not None
    kinds = [entry.resource and entry.resource.__resource_type__ for entry in parsed.entry]
    assert kinds.count("Questionnaire") == 5 and "CodeSystem" in kinds and "ValueSet" in kinds
    assert written == bundle(forms("wellbeing"), release)


@pytest.mark.parametrize("form", all_forms(), ids=lambda f: f.id)
def test_every_xlsform_converts_to_an_xform_without_warnings(
    form: Form[Any], tmp_path: Path
) -> None:
    path = tmp_path / f"{form.id}.xlsx"
    write_xlsform(form, path)
    result = convert(xlsform=str(path), validate=False)
    assert result.warnings == []
    assert 'lang="Nederlands (nl)"' in result.xform and 'lang="English (en)"' in result.xform


def test_an_xlsform_asks_a_score_only_when_scored_and_requires_the_minimum() -> None:
    survey = xlsform_sheets(forms("overview1")[0])["survey"]
    header = survey[0]
    rows = {row[header.index("name")]: dict(zip(header, row, strict=True)) for row in survey[1:]}
    assert rows["F03_score"]["relevant"] == "${F03_kind} = 'scored'"
    assert rows["F03_score"]["type"].startswith("select_one ")
    assert rows["F03_kind"]["required"] == "yes"  # even the time-pressure minimum asks it
    assert rows["F12_kind"]["required"] == ""  # §3.1: may be skipped under time pressure
    assert rows["F03_factor"]["type"] == "calculate"
    assert rows["F03_factor"]["calculation"] == "'F03'"


def test_the_export_form_command_writes_one_workbook_per_form(tmp_path: Path) -> None:
    assert main(["export-form", "--format", "xlsform", "wellbeing", "-o", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        f"{form.id}.xlsx" for form in forms("wellbeing")
    )


def test_the_export_form_command_refuses_what_it_cannot_do(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["export-form", "--format", "xlsform", "consents"])
    assert exit_info.value.code == 2
    assert "give a folder with -o" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["export-form", "--format", "fhir-r5", "overview7"])
    assert "unknown instrument overview7" in capsys.readouterr().err


def test_only_the_two_releases_are_written() -> None:
    with pytest.raises(ValueError, match="R5, R4B"):
        questionnaire(forms("consents")[0], "R4")


# --- Submissions: ODK / Kobo XML instances of the workbooks -----------------------------------

#: Characters XML 1.0 cannot hold: a generated case is cleaned of them before it travels.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(case_files())
def test_a_record_survives_its_submission(generated: CaseFile) -> None:
    written = without_blank_entries(replaced(to_document(generated), _NOT_XML))
    case = from_document(written, CaseFile)
    for form_id, record in case_parts(case):
        (form,) = forms(form_id)
        assert from_submission(form, submission(form, record), today=LAST_DAY) == record


def test_a_wholly_blank_entry_does_not_travel_through_xforms() -> None:
    from terugkeer.actionplan import ActionPlan, Activity, Appointment

    form = forms("actionplan")[0]
    plan = ActionPlan(appointments=(Appointment(dt.date(2026, 3, 2), activities=(Activity(),)),))
    xml = submission(form, plan)
    assert "AP13_activities" not in xml
    back = from_submission(form, xml, today=dt.date(2026, 3, 2))
    assert back.appointments[0].activities == ()


def _element_paths(element: ET.Element, prefix: str = "") -> set[str]:
    paths = set()
    for child in element:
        tag = child.tag.rsplit("}", 1)[-1]
        paths.add(f"{prefix}/{tag}")
        paths |= _element_paths(child, f"{prefix}/{tag}")
    return paths


_TEMPLATES: dict[str, ET.Element] = {}


def _template(form: Form[Any], folder: Path) -> ET.Element:
    """The primary instance pyxform writes for the form's workbook."""
    if form.id not in _TEMPLATES:
        path = folder / f"{form.id}.xlsx"
        write_xlsform(form, path)
        xform = ET.fromstring(convert(xlsform=str(path), validate=False).xform)
        (_TEMPLATES[form.id],) = (e for e in xform.iter() if e.tag.rsplit("}", 1)[-1] == "data")
    return _TEMPLATES[form.id]


@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)
@given(generated=case_files())
def test_a_submission_has_the_shape_of_the_xforms_instance(
    generated: CaseFile, tmp_path: Path
) -> None:
    case = from_document(replaced(to_document(generated), _NOT_XML), CaseFile)
    for form_id, record in case_parts(case):
        (form,) = forms(form_id)
        template = _template(form, tmp_path)
        written = ET.fromstring(submission(form, record))
        assert written.get("id") == template.get("id")
        assert _element_paths(written) <= _element_paths(template)


def test_a_submission_refuses_what_xml_cannot_hold_and_keeps_carriage_returns() -> None:
    (form,) = forms("consents")
    from terugkeer.case import ConsentAction, ConsentPurpose, ConsentRecord

    record = ConsentRecord(
        ConsentPurpose.CHECK_INS, "Org", dt.date(2026, 1, 2), ConsentAction.GIVE, note="a\r\nb"
    )
    assert from_submission(form, submission(form, record), today=LAST_DAY) == record
    bad = attrs.evolve(record, note="a\x01b")
    with pytest.raises(ValidationError) as info:
        submission(form, bad)
    assert [p.path for p in info.value.problems] == ["$.note"]


@pytest.mark.parametrize(
    ("xml", "path"),
    [
        ('<!DOCTYPE d [<!ENTITY x "y">]><data id="terugkeer_consents"/>', "$"),
        ("<data id='terugkeer_consents'>", "$"),
        ('<data id="terugkeer_overview1"/>', "/data/@id"),
        ('<data id="terugkeer_consents"><surprise>1</surprise></data>', "/data/surprise"),
    ],
)
def test_a_bad_submission_is_refused_by_its_place(xml: str, path: str) -> None:
    with pytest.raises(ValidationError) as info:
        from_submission(forms("consents")[0], xml)
    assert path in [p.path for p in info.value.problems]


def test_a_submission_is_xml_text_of_a_bounded_size() -> None:
    form = forms("consents")[0]
    for sent, code in ((5, "xml.invalid"), (b" " * 10_000_001, "json.too_large")):
        with pytest.raises(ValidationError) as info:
            from_submission(form, sent)  # type: ignore[arg-type]
        assert info.value.problems[0].code == code


_LAUGHS = (
    '<!DOCTYPE data [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
)
_DECLARING = {
    "internal entity": '<!DOCTYPE data [<!ENTITY x "expanded">]>',
    "billion laughs": _LAUGHS,
    "external entity": '<!DOCTYPE data [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
    "external DTD": '<!DOCTYPE data SYSTEM "http://example.invalid/evil.dtd">',
    "bare doctype": "<!DOCTYPE data>",
}
_ENCODINGS = {
    "utf-8": ("UTF-8", "utf-8"),
    "utf-16-le with bom": ("UTF-16", "utf-16"),  # Python writes its BOM little-endian first
    "utf-16-be with bom": ("UTF-16", "utf-16-be"),
    "utf-16-be declared": ("UTF-16-BE", "utf-16-be"),
    "utf-32": ("UTF-32", "utf-32"),
}


def _consent_submission() -> str:
    from terugkeer.case import ConsentPurpose, ConsentRecord

    (form,) = forms("consents")
    return submission(form, ConsentRecord(ConsentPurpose.CHECK_INS, "Org", dt.date(2026, 1, 2)))


def _encoded(xml: str, declared: str, codec: str) -> bytes:
    body = f'<?xml version="1.0" encoding="{declared}"?>{xml}'
    data = body.encode(codec)
    return b"\xfe\xff" + data if codec == "utf-16-be" and declared == "UTF-16" else data


@pytest.mark.parametrize("encoding", sorted(_ENCODINGS))
@pytest.mark.parametrize("declaration", sorted(_DECLARING))
def test_a_declaration_is_refused_by_the_parser_in_every_encoding(
    declaration: str, encoding: str
) -> None:
    (form,) = forms("consents")
    good = _consent_submission()
    body = good[good.index("<data") :].replace("<note/>", "<note>&x;</note>")
    data = _encoded(_DECLARING[declaration] + body, *_ENCODINGS[encoding])
    with pytest.raises(ValidationError) as info:
        from_submission(form, data)
    assert [p.code for p in info.value.problems] == ["xml.invalid"]
    assert info.value.__context__ is None and info.value.__cause__ is None


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16-le with bom", "utf-16-be with bom"])
def test_a_submission_without_declarations_reads_alike_in_the_encodings_expat_reads(
    encoding: str,
) -> None:
    (form,) = forms("consents")
    good = _consent_submission()
    body = good[good.index("<data") :]
    assert from_submission(form, _encoded(body, *_ENCODINGS[encoding])) == from_submission(
        form, good
    )
