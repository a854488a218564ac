"""Signals, taxation and referral: the catalogue, the append-only log and the decision support."""

from __future__ import annotations

import datetime as dt
import inspect
import json
from collections import Counter

import attrs
import pytest
from hypothesis import given

from terugkeer import AVAILABLE_LOCALES, SignalLog, ValidationError, label, loads, to_document
from terugkeer.answers import Answer
from terugkeer.i18n import Texts
from terugkeer.referral import (
    GuidanceKind,
    ReferralIndication,
    SignalSummary,
    StepBlock,
    open_steps,
    summarize,
    when_to_refer,
)
from terugkeer.reports.text import signal_lines
from terugkeer.signals import (
    PROTECTIVE_FACTORS,
    REFERRAL_STEPS,
    RISK_FACTORS,
    SCALES,
    SIGNALS,
    SUICIDE_STEPS,
    FactorsRecord,
    HelpNeed,
    Referral,
    ReferralReason,
    ReferralStep,
    ReferralTarget,
    Severity,
    SignalCategory,
    SignalObservation,
    SignalSource,
    StepRecord,
    Taxation,
    Willingness,
)
from terugkeer.testing import signal_logs

DAY = dt.date(2026, 3, 2)


def observe(signal: str, note: str = "") -> SignalObservation:
    return SignalObservation(signal, SignalSource.CLIENT, DAY, note)


def test_catalogue_lists_every_item_of_the_spec() -> None:
    per_category = Counter(s.category for s in SIGNALS if not s.free_text)
    assert per_category == {
        SignalCategory.SLEEP: 7,
        SignalCategory.PHYSICAL: 9,
        SignalCategory.BEHAVIOUR: 12,
        SignalCategory.OTHER: 4,
        SignalCategory.SUICIDE: 2,
        SignalCategory.DECISION_CAPACITY: 1,
    }
    others = {s.category for s in SIGNALS if s.free_text}
    assert others == {
        SignalCategory.SLEEP,
        SignalCategory.PHYSICAL,
        SignalCategory.BEHAVIOUR,
        SignalCategory.OTHER,
    }
    assert len(RISK_FACTORS) == 10
    assert len(PROTECTIVE_FACTORS) == 8
    assert len({s.id for s in SIGNALS}) == len(SIGNALS)
    assert "S.sleep.nightmares" in {s.id for s in SIGNALS}


def test_suicide_steps_are_six_and_ordered() -> None:
    assert [s.id.split(".")[0] for s in SUICIDE_STEPS] == [f"SU{i}" for i in range(1, 7)]


def test_taxation_scales_are_ordinal_lowest_first() -> None:
    assert (Severity, HelpNeed, Willingness) == SCALES
    assert [s.value for s in Severity] == ["not_hampered", "somewhat", "clearly", "severely"]


def test_an_unknown_signal_id_is_an_error() -> None:
    with pytest.raises(ValidationError) as info:
        observe("S.sleep.snoring")
    assert [p.path for p in info.value.problems] == ["$.signal"]
    doc = to_document(observe("S.sleep.nightmares"))
    doc["signal"] = "S.sleep.snoring"
    with pytest.raises(ValidationError):
        loads(json.dumps(doc), SignalObservation)


def test_an_other_signal_must_say_what() -> None:
    with pytest.raises(ValidationError):
        observe("S.sleep.other")
    assert observe("S.sleep.other", "sleepwalks").note == "sleepwalks"


def test_unknown_risk_factor_ids_are_errors() -> None:
    with pytest.raises(ValidationError) as info:
        FactorsRecord(DAY, ("R.loss", "R.boredom"), ("P.friends",))
    assert [p.path for p in info.value.problems] == ["$.risk[1]"]


def _referred() -> SignalLog:
    return SignalLog().refer(
        Referral(DAY, (ReferralReason.SPECIFIC_EXPERTISE,), ReferralTarget.GENERAL_PRACTITIONER)
    )


def test_referral_steps_out_of_order_are_errors() -> None:
    with pytest.raises(ValidationError) as info:
        _referred().take_step(StepRecord(0, ReferralStep.ASK_CONSENT, DAY, Answer.YES))
    assert [p.path for p in info.value.problems] == ["$.steps[0].step"]


def test_consulting_without_consent_is_refused() -> None:
    log = _referred().take_step(StepRecord(0, ReferralStep.GAUGE_WILLINGNESS, DAY, Answer.YES))
    log = log.take_step(StepRecord(0, ReferralStep.ASK_CONSENT, DAY, Answer.NO))
    with pytest.raises(ValidationError):
        log.take_step(StepRecord(0, ReferralStep.CONSULT, DAY))
    (step,) = open_steps(log, 0)
    assert step.step is ReferralStep.CONSULT
    assert not step.allowed
    assert step.blocked_by is StepBlock.CONSENT_REFUSED


def test_open_steps_come_in_order_and_only_the_next_is_allowed() -> None:
    steps = open_steps(_referred(), 0)
    assert [s.step for s in steps] == list(REFERRAL_STEPS)
    assert [s.allowed for s in steps] == [True, False, False]


def test_a_step_before_the_referral_was_decided_is_an_error() -> None:
    with pytest.raises(ValidationError):
        _referred().take_step(
            StepRecord(0, ReferralStep.GAUGE_WILLINGNESS, DAY - dt.timedelta(days=1))
        )


def test_a_step_for_an_unknown_referral_is_an_error() -> None:
    with pytest.raises(ValidationError):
        SignalLog().take_step(StepRecord(0, ReferralStep.GAUGE_WILLINGNESS, DAY))


def test_doubt_always_leads_to_consulting() -> None:
    unsure = Taxation(DAY, Severity.NOT_HAMPERED, HelpNeed.UNSURE, Willingness.WILLING)
    assert when_to_refer(unsure).consult
    assert when_to_refer(None, [ReferralReason.IN_DOUBT]).consult
    assert not when_to_refer(None).consult


def test_referral_is_indicated_only_by_what_was_recorded_never_by_severity() -> None:
    need = Taxation(DAY, Severity.SOMEWHAT, HelpNeed.YES, Willingness.HESITANT)
    calm = Taxation(DAY, Severity.NOT_HAMPERED, HelpNeed.NO, Willingness.WILLING)
    assert when_to_refer(need).indicated
    assert not when_to_refer(calm).indicated
    assert when_to_refer(calm, [ReferralReason.GUIDANCE_STUCK]).indicated
    for severity in (Severity.CLEARLY, Severity.SEVERELY):
        # The counsellor recorded that no help is needed and the client wants none: nothing
        # is worked out against that, neither a referral nor a consultation.
        declined = Taxation(DAY, severity, HelpNeed.NO, Willingness.UNWILLING)
        assert when_to_refer(declined) == ReferralIndication(False, False, ())
        # Not yet judged: severity is a reason to consult a colleague, not a verdict.
        open_question = when_to_refer(Taxation(DAY, severity, HelpNeed.UNSURE, Willingness.WILLING))
        assert open_question.consult and not open_question.indicated


def test_no_guidance_points_to_open_steps_that_are_not_there() -> None:
    need = Taxation(DAY, Severity.SOMEWHAT, HelpNeed.YES, Willingness.WILLING)
    log = SignalLog().observe(observe("S.sleep.nightmares")).taxate(need)
    assert summarize(log).open_steps == ()
    for locale in ("nl", "en"):
        printed = "\n".join(signal_lines(log, Texts(locale)))
        assert "open st" not in printed.lower()  # "open stappen" / "open steps"


def test_capacity_doubt_asks_for_a_doctors_assessment() -> None:
    summary = summarize(SignalLog().observe(observe("S.capacity.doubt")))
    assert GuidanceKind.CAPACITY_ASSESSMENT in [g.kind for g in summary.guidance]


def test_signals_without_a_taxation_ask_for_one() -> None:
    summary = summarize(SignalLog().observe(observe("S.sleep.nightmares")))
    assert [g.kind for g in summary.guidance] == [GuidanceKind.TAXATE]


def test_the_summary_is_not_a_screener() -> None:
    """No score adds signals up (§5.1): the summary holds no number at all."""
    for field in attrs.fields(SignalSummary):
        assert field.type not in (int, float, "int", "float")
    log = SignalLog()
    for signal in ("S.sleep.nightmares", "S.sleep.nightmares", "S.other.forgetful"):
        log = log.observe(observe(signal))
    assert [s.id for s in summarize(log).signals] == ["S.sleep.nightmares", "S.other.forgetful"]


class TestSuicideSteps:
    """When thoughts of death or suicide, a threat or an attempt is recorded, every summary
    contains the ordered suicide-threat steps, marked urgent; nothing turns them off (SPEC §7)."""

    @given(signal_logs(suicide_related=True))
    def test_the_steps_are_in_every_summary_in_order(self, log: SignalLog) -> None:
        summary = summarize(log)
        assert summary.urgent_steps == tuple(SUICIDE_STEPS)
        assert summary.guidance[0].kind is GuidanceKind.SUICIDE_STEPS
        assert summary.guidance[0].urgent

    @given(signal_logs(suicide_related=True))
    def test_the_steps_survive_every_locale(self, log: SignalLog) -> None:
        for locale in (*AVAILABLE_LOCALES, "nl_BE", "en_GB", "NL", "en-US"):
            lines = signal_lines(log, Texts(locale))
            flat = " ".join(" ".join(lines).split())  # steps are wrapped over lines
            texts = [f"{n}. {label(step, locale)}" for n, step in enumerate(SUICIDE_STEPS, 1)]
            positions = [flat.index(t) for t in texts]
            assert positions == sorted(positions)
            assert lines[0] == Texts(locale)("report.urgent")
            # right after the urgent heading and its rule, before anything else
            assert flat.startswith(f"{lines[0]} {lines[1]} {texts[0]}")

    @given(signal_logs(suicide_related=False))
    def test_no_steps_without_a_suicide_related_signal(self, log: SignalLog) -> None:
        assert summarize(log).urgent_steps == ()

    def test_no_argument_can_leave_the_steps_out(self) -> None:
        """The functions that summarise take the log (and a locale) only: there is no switch."""
        assert list(inspect.signature(summarize).parameters) == ["log"]
        assert list(inspect.signature(signal_lines).parameters) == ["log", "texts"]
        log = SignalLog().observe(observe("S.suicide.threat_or_attempt"))
        with pytest.raises(TypeError):
            summarize(log, urgent=False)  # type: ignore[call-arg]
        with pytest.raises(TypeError):
            signal_lines(log, Texts("en"), include_steps=False)  # type: ignore[call-arg]


@given(signal_logs())
def test_consultation_without_consent_is_never_reported_as_allowed(log: SignalLog) -> None:
    """Consent gates consulting others about a referral (B6, SPEC §0)."""
    for i in range(len(log.referrals)):
        consent = [
            s.outcome for s in log.steps if s.referral == i and s.step is ReferralStep.ASK_CONSENT
        ]
        for step in open_steps(log, i):
            if step.step is ReferralStep.CONSULT and step.allowed:
                assert consent == [Answer.YES]


@given(signal_logs())
def test_logs_only_grow(log: SignalLog) -> None:
    later = log.observe(observe("S.other.forgetful"))
    assert later.observations[:-1] == log.observations
    assert (later.referrals, later.steps, later.taxations) == (
        log.referrals,
        log.steps,
        log.taxations,
    )


def test_the_gut_feeling_and_depression_guidance_stands_before_anything_is_recorded() -> None:
    """§5.2: a "something is wrong" feeling and a known depression matter exactly when no signal
    is written down yet, so they are shown wherever signals are reviewed, an empty log included."""
    from terugkeer import CaseFile
    from terugkeer.reports.text import case_lines
    from terugkeer.signals import STANDING_GUIDANCE

    assert [g.id for g in STANDING_GUIDANCE] == ["SG.gut_feeling", "SG.depression"]
    for locale in ("nl", "en"):
        texts = Texts(locale)
        for printed in (signal_lines(SignalLog(), texts), case_lines(CaseFile("c-1"), texts)):
            shown = " ".join(" ".join(printed).split())  # texts wrap over lines
            assert all(texts.label(g) in shown for g in STANDING_GUIDANCE), locale
