"""The forms as FHIR and XLSForm, checked by the formats' own tools: ``fhir.resources`` parses
every resource (R5 and R4B), ``pyxform`` converts every workbook to an XForm."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fhir.resources.bundle import Bundle
from fhir.resources.codesystem import CodeSystem
from fhir.resources.questionnaire import Questionnaire
from fhir.resources.R4B.bundle import Bundle as BundleR4B
from fhir.resources.R4B.codesystem import CodeSystem as CodeSystemR4B
from fhir.resources.R4B.questionnaire import Questionnaire as QuestionnaireR4B
from pyxform.xls2xform import convert

from terugkeer.cli import main
from terugkeer.documents.fhir import bundle, code_systems, questionnaire
from terugkeer.documents.xlsform import write_xlsform, xlsform_sheets
from terugkeer.forms import Form, all_forms, forms

_PARSERS: dict[str, Any] = {"R5": Questionnaire, "R4B": QuestionnaireR4B}


def _items(node: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for item in node.get("item", []):
        yield item
        yield from _items(item)


@pytest.mark.parametrize("release", ["R5", "R4B"])
@pytest.mark.parametrize("form", all_forms(), ids=lambda f: f.id)
def test_every_questionnaire_parses_in_both_releases(form: Form, release: str) -> None:
    written = questionnaire(form, release)
    parsed = _PARSERS[release].model_validate(written)
    assert parsed.url == f"https://terugkeer.invalid/fhir/Questionnaire/{form.id}"
    assert [i["linkId"] for i in _items(written)] == [i.link_id for i in form.walk()]


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


def test_a_score_carries_its_weight_and_is_asked_only_when_scored() -> None:
    form = forms("overview1")[0]
    for release, where in (("R5", "option"), ("R4B", "coding")):
        (score,) = (i for i in _items(questionnaire(form, release)) if i["linkId"] == "F07.score")
        weights = []
        for option in score["answerOption"]:
            holder = option if where == "option" else option["valueCoding"]
            (extension,) = holder["extension"]
            weights.append(extension["valueDecimal"])
        assert weights == [-3, -2, -1, 1, 2, 3]
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
    assert kinds.count("Questionnaire") == 5 and "CodeSystem" in kinds
    assert written == bundle(forms("wellbeing"), release)


@pytest.mark.parametrize("form", all_forms(), ids=lambda f: f.id)
def test_every_xlsform_converts_to_an_xform_without_warnings(form: Form, tmp_path: Path) -> None:
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
