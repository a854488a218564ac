"""Decision support over a signal log: when to refer, open steps, the suicide-threat steps.

Pure functions; each result names the rule of the methodology it applies (``rule``). They support
the counsellor's own judgement and referral; they never add signals up into a score or a
diagnosis (§5.1). Whenever thoughts of death or suicide, a threat or an attempt is recorded, the
ordered suicide-threat steps are part of every summary, marked urgent, and nothing turns them off.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from ._labelled import LabelledEnum
from .answers import Answer
from .signals import (
    REFERRAL_STEPS,
    SIGNALS,
    SUICIDE_GUIDANCE,
    SUICIDE_STEPS,
    HelpNeed,
    ReferralReason,
    ReferralStep,
    Severity,
    Signal,
    SignalCategory,
    SignalLog,
    SuicideGuidance,
    SuicideStep,
    Taxation,
)

__all__ = [
    "Guidance",
    "GuidanceKind",
    "IndicationReason",
    "OpenStep",
    "ReferralIndication",
    "SignalSummary",
    "StepBlock",
    "open_steps",
    "suicide_guidance",
    "suicide_steps",
    "summarize",
    "when_to_refer",
]


class IndicationReason(LabelledEnum):
    """Why :func:`when_to_refer` says referral is indicated or consulting is advised."""

    NEEDS_HELP = "needs_help"  #: the taxation found that help is needed
    #: clearly or severely hampered, while the need for help is not yet judged "no": a reason to
    #: consult, never a verdict (our design)
    HAMPERS_FUNCTIONING = "hampers_functioning"
    IN_DOUBT = "in_doubt"  #: unsure whether help is needed, or doubt recorded as a reason
    SPECIFIC_EXPERTISE = "specific_expertise"
    TOO_LITTLE_EXPERIENCE = "too_little_experience"
    GUIDANCE_STUCK = "guidance_stuck"
    RELATION_NOT_CONSTRUCTIVE = "relation_not_constructive"


@attrs.frozen(weakref_slot=False)
class ReferralIndication:
    """Whether referral is indicated and whether to consult first, with the reasons.

    In doubt the answer is always: consult a colleague or care provider (Bijlage 6).
    """

    indicated: bool
    consult: bool
    reasons: tuple[IndicationReason, ...]
    rule: str = "B6"


def when_to_refer(
    taxation: Taxation | None, reasons: Iterable[ReferralReason] = ()
) -> ReferralIndication:
    """Whether referral is indicated, from a taxation and the reasons recorded.

    Referral is indicated only by what counsellor and client recorded themselves: a taxation that
    finds help needed, or a reason of the book's list (Bijlage 6). Severity alone decides nothing:
    clearly or severely hampered functioning, with the need for help not judged "no", advises
    consulting a colleague (*our design*); when the counsellor recorded that no help is needed, it
    adds nothing at all.

    >>> import datetime as dt
    >>> from terugkeer.signals import Taxation, Severity, HelpNeed, Willingness
    >>> t = Taxation(dt.date(2026, 3, 2), Severity.SOMEWHAT, HelpNeed.UNSURE, Willingness.WILLING)
    >>> when_to_refer(t).consult
    True
    """
    found: list[IndicationReason] = []
    if taxation is not None:
        if taxation.need_for_help is HelpNeed.YES:
            found.append(IndicationReason.NEEDS_HELP)
        if taxation.severity in (Severity.CLEARLY, Severity.SEVERELY) and (
            taxation.need_for_help is not HelpNeed.NO
        ):
            found.append(IndicationReason.HAMPERS_FUNCTIONING)
        if taxation.need_for_help is HelpNeed.UNSURE:
            found.append(IndicationReason.IN_DOUBT)
    for reason in reasons:
        mapped = IndicationReason(reason.value)
        if mapped not in found:
            found.append(mapped)
    advisory = (IndicationReason.IN_DOUBT, IndicationReason.HAMPERS_FUNCTIONING)
    consult = any(r in advisory for r in found)
    indicated = any(r not in advisory for r in found)
    return ReferralIndication(indicated, consult, tuple(found))


class StepBlock(LabelledEnum):
    """Why an open referral step cannot be taken yet."""

    EARLIER_STEP_OPEN = "earlier_step_open"
    NO_CONSENT_RECORDED = "no_consent_recorded"
    CONSENT_REFUSED = "consent_refused"


@attrs.frozen(weakref_slot=False)
class OpenStep:
    """A referral step still to take, and whether it may be taken now."""

    referral: int
    step: ReferralStep
    allowed: bool
    blocked_by: StepBlock | None = None
    rule: str = "B6"


def open_steps(log: SignalLog, referral: int) -> tuple[OpenStep, ...]:
    """The steps of one referral still open, in order; consulting needs recorded consent."""
    taken = [s for s in log.steps if s.referral == referral]
    consent = next((s.outcome for s in taken if s.step is ReferralStep.ASK_CONSENT), None)
    result: list[OpenStep] = []
    for step in REFERRAL_STEPS[len(taken) :]:
        block: StepBlock | None = None
        if step is ReferralStep.CONSULT and consent is Answer.NO:
            block = StepBlock.CONSENT_REFUSED
        elif result:
            block = StepBlock.EARLIER_STEP_OPEN
        elif step is ReferralStep.CONSULT and consent is not Answer.YES:
            block = StepBlock.NO_CONSENT_RECORDED  # consent asked, but no yes recorded
        result.append(OpenStep(referral, step, block is None, block))
    return tuple(result)


def _suicide_related(log: SignalLog) -> bool:
    return any(SIGNALS.get(o.signal).suicide_related for o in log.observations)


def suicide_steps(log: SignalLog) -> tuple[SuicideStep, ...]:
    """The ordered suicide-threat steps when a suicide-related signal is recorded, else none."""
    return tuple(SUICIDE_STEPS) if _suicide_related(log) else ()


def suicide_guidance(log: SignalLog) -> tuple[SuicideGuidance, ...]:
    """The guidance shown with the steps, exactly when the steps apply (§5.2)."""
    return SUICIDE_GUIDANCE if _suicide_related(log) else ()


class GuidanceKind(LabelledEnum):
    """What the summary of a signal log advises, most urgent first."""

    SUICIDE_STEPS = "suicide_steps"  #: urgent: follow the steps, in order (§5.2)
    CAPACITY_ASSESSMENT = "capacity_assessment"  #: a doctor or psychiatrist must assess (§5.2)
    CONSULT = "consult"  #: in doubt: consult a colleague or care provider (B6)
    REFER = "refer"  #: referral indicated (B6)
    TAXATE = "taxate"  #: signals without a taxation yet: estimate severity and need (B6)


@attrs.frozen(weakref_slot=False)
class Guidance:
    """One piece of advice from a signal log, with the rule it comes from."""

    kind: GuidanceKind
    urgent: bool
    rule: str

    @property
    def message_id(self) -> str:
        """Message id of the advice text."""
        return f"Guidance.{self.kind.value}"


_RULES = {
    GuidanceKind.SUICIDE_STEPS: "§5.2",
    GuidanceKind.CAPACITY_ASSESSMENT: "§5.2",
    GuidanceKind.CONSULT: "B6",
    GuidanceKind.REFER: "B6",
    GuidanceKind.TAXATE: "B6",
}


@attrs.frozen(weakref_slot=False)
class SignalSummary:
    """What a signal log leads to. ``urgent_steps`` holds the suicide-threat steps when they apply.

    ``signals`` lists each signal observed once, in catalogue order: a list, not a count.
    """

    urgent_steps: tuple[SuicideStep, ...]
    #: The guidance that goes with the steps; present exactly when the steps are.
    urgent_guidance: tuple[SuicideGuidance, ...]
    guidance: tuple[Guidance, ...]
    indication: ReferralIndication
    open_steps: tuple[OpenStep, ...]
    signals: tuple[Signal, ...]


def summarize(log: SignalLog) -> SignalSummary:
    """Summarise a signal log: urgent steps first, then the other guidance and open steps.

    The latest taxation (by date) and every referral reason recorded feed :func:`when_to_refer`.
    """
    urgent = suicide_steps(log)
    guidance = []
    if urgent:
        guidance.append(GuidanceKind.SUICIDE_STEPS)
    categories = {SIGNALS.get(o.signal).category for o in log.observations}
    if SignalCategory.DECISION_CAPACITY in categories:
        guidance.append(GuidanceKind.CAPACITY_ASSESSMENT)
    latest = max(log.taxations, key=lambda t: t.assessed_on, default=None)
    reasons = [r for referral in log.referrals for r in referral.reasons]
    indication = when_to_refer(latest, reasons)
    if indication.consult:
        guidance.append(GuidanceKind.CONSULT)
    if indication.indicated:
        guidance.append(GuidanceKind.REFER)
    if log.observations and latest is None:
        guidance.append(GuidanceKind.TAXATE)
    seen = {o.signal for o in log.observations}
    return SignalSummary(
        urgent_steps=urgent,
        urgent_guidance=suicide_guidance(log),
        guidance=tuple(Guidance(k, k is GuidanceKind.SUICIDE_STEPS, _RULES[k]) for k in guidance),
        indication=indication,
        open_steps=tuple(s for i in range(len(log.referrals)) for s in open_steps(log, i)),
        signals=tuple(s for s in SIGNALS if s.id in seen),
    )
