"""The ``terugkeer`` command line."""

from __future__ import annotations

import subprocess
import sys

import pytest

from terugkeer import FACTORS, Assessment, label
from terugkeer._demo import FIRST, SECOND, render_demo
from terugkeer.cli import main
from terugkeer.healthfindings import CareDimension
from terugkeer.i18n import text
from terugkeer.planning import PLAN_SECTIONS
from terugkeer.signals import SUICIDE_STEPS
from terugkeer.wellbeing import WellbeingList, items_of


def test_demo_is_dutch_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert "Overzicht 1" in out and "Totaal −" in out and "Totaal +" in out


def test_demo_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--locale", "en"]) == 0
    out = capsys.readouterr().out
    for heading in ("Overview 1", "Overview 2", "Overview 3", "What moved", "Total −", "Total +"):
        assert heading in out


def test_demo_shows_every_factor_and_both_assessments() -> None:
    out = " ".join(render_demo("en").split())  # texts wrap over lines
    for assessment in (FIRST, SECOND):
        assert isinstance(assessment, Assessment)
    for factor in FACTORS:
        assert label(factor, "en") in out
    assert "− − −" in out and "+ + +" in out
    assert "skipped (not discussed)" in out and "discussed, no score" in out


def test_demo_never_shows_a_netted_score() -> None:
    out = " ".join(render_demo("en").split()).lower()
    for word in ("net", "likelihood", "recommend", "balance", "advice:"):
        assert f" {word} " not in out


@pytest.mark.parametrize(
    "argv",
    [
        ["demo", "--locale", "fr"],
        ["demo", "--bogus"],
        [],
        ["nope"],
        ["schema", "--indent", "100000000"],  # was a MemoryError's traceback
        ["schema", "--indent", "-1"],
    ],
)
def test_bad_usage_exits_with_status_two(argv: list[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2


def test_help_explains_the_demo() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "terugkeer", "demo", "--help"], capture_output=True, text=True
    )
    assert result.returncode == 0
    assert "Overview 1" in result.stdout and "Total −" in result.stdout


@pytest.mark.parametrize("locale", ["nl", "en"])
def test_demo_shows_the_plan_and_where_weighty_factors_point(locale: str) -> None:
    out = " ".join(render_demo(locale).split())  # texts wrap over lines
    assert label(PLAN_SECTIONS[0], locale) in out
    assert text("PlanAttention.heading", locale) in out
    assert text("demo.plan.goal_work", locale) in out
    assert text("MonitoringAdvice.shorter", locale).format(agreed=6) in out  # the demo agreed 6


@pytest.mark.parametrize("locale", ["nl", "en"])
def test_demo_shows_a_health_checklist_with_a_gap(locale: str) -> None:
    out = " ".join(render_demo(locale).split())  # texts wrap over lines
    assert text("report.health.findings", locale) in out
    gaps = {text(f"FindingKind.care_gap.{d.value}", locale) for d in CareDimension}
    assert any(title in out for title in gaps)
    assert label(PLAN_SECTIONS.get("AP07"), locale) in out


@pytest.mark.parametrize("locale", ["nl", "en"])
def test_demo_shows_the_signal_log_with_the_suicide_steps(locale: str) -> None:
    out = " ".join(render_demo(locale).split())  # texts wrap over lines
    assert text("report.signals", locale) in out
    for step in SUICIDE_STEPS:
        assert label(step, locale) in out


@pytest.mark.parametrize("locale", ["nl", "en"])
def test_counsellor_demo_shows_a_self_check_and_its_advice(
    locale: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo", "--counsellor", "--locale", locale]) == 0
    out = capsys.readouterr().out
    assert text("report.stress.advice", locale) in out
    for item in items_of(WellbeingList.STRESS_ADVICE):
        assert label(item, locale) in out


@pytest.mark.parametrize("locale", ["nl", "en"])
def test_demo_opens_with_the_suicide_steps_then_the_case_summary(locale: str) -> None:
    out = " ".join(render_demo(locale).split())  # texts wrap over lines
    steps_at = out.index(label(SUICIDE_STEPS[0], locale))
    summary_at = out.index(text("report.case", locale))
    assert steps_at < summary_at < out.index(text("Scale.minus3", locale))
    assert text("report.case.urgent", locale).split("(")[0] in out[summary_at:]


def test_every_command_runs_its_own_function_and_none_falls_through_to_the_demo(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from terugkeer.cli import _parser

    parser = _parser()
    samples = {
        "demo": ["demo"],
        "report": ["report", "x.json"],
        "forms": ["forms"],
        "guide": ["guide"],
        "export-form": ["export-form", "--format", "xlsform", "overview1"],
        "schema": ["schema"],
        "validate": ["validate", "x.json"],
        "export": ["export", "--out", "o", "x.json"],
        "wellbeing": ["wellbeing", "x.json"],
    }
    (commands,) = [a for a in parser._actions if a.dest == "command"]
    assert set(samples) == set(commands.choices or ())  # every command is sampled
    runs = {name: parser.parse_args(argv).run for name, argv in samples.items()}
    assert len(set(runs.values())) == len(runs)  # one function per command
    assert [n for n, run in runs.items() if "demo" in run.__name__] == ["demo"]
    with pytest.raises(SystemExit) as exit_info:
        main(["demonstrate"])
    assert exit_info.value.code == 2
    assert "Overzicht 1" not in capsys.readouterr().out


def test_version_prints_the_installed_version(capsys: pytest.CaptureFixture[str]) -> None:
    import importlib.metadata

    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out == f"terugkeer {importlib.metadata.version('terugkeer')}\n"
    assert importlib.metadata.version("terugkeer") == "0.2.0"


@pytest.mark.parametrize("command", ["demo", "schema", "forms overview1 --format json"])
def test_a_closed_standard_output_is_no_traceback(command: str) -> None:
    shell = f"{sys.executable} -m terugkeer {command} >&-"  # stdout closed, as `>&-` does
    result = subprocess.run(["sh", "-c", shell], capture_output=True, text=True)
    assert result.returncode == 0 and "Traceback" not in result.stderr
