"""A case-level summary: what a counsellor looks at first when opening a file.

Urgent items come first, always: when a suicide-related signal is recorded, the suicide-threat
steps lead the summary. The rest describes; nothing predicts or recommends a decision. Overview 3's
strengths are shown beside its vulnerabilities (book §3.7, Bijlage 3).
"""

from __future__ import annotations

import attrs

from .case import CaseFile
from .factors import Assessment, FactorChange, compare
from .healthfindings import HealthFinding, health_findings
from .overviews import WeightKind, WeightyFactor
from .planning import MonitoringAdvice, SectionProgress, completeness, monitoring_advice
from .referral import OpenStep, summarize
from .signals import SuicideGuidance, SuicideStep

__all__ = ["CaseSummary", "case_summary"]


@attrs.frozen(weakref_slot=False)
class CaseSummary:
    """The state of a case at a glance. ``urgent_steps`` comes first and is never filtered."""

    urgent_steps: tuple[SuicideStep, ...]
    urgent_guidance: tuple[SuicideGuidance, ...]  #: shown with the steps, exactly when they are
    latest: Assessment | None
    #: What changed since the previous assessment: scores, and factor 1's category.
    moved: tuple[FactorChange, ...]
    #: Overview 3 of the latest day with rows, by the kind counsellor and client chose.
    strengths: tuple[WeightyFactor, ...]
    vulnerabilities: tuple[WeightyFactor, ...]
    kind_not_yet_chosen: tuple[WeightyFactor, ...]
    plan_progress: tuple[SectionProgress, ...]
    health_findings: tuple[HealthFinding, ...]
    open_referral_steps: tuple[OpenStep, ...]
    monitoring: MonitoringAdvice


def case_summary(case: CaseFile) -> CaseSummary:
    """Summarise a case file; pure.

    The Overview 3 rows shown (strengths, vulnerabilities, and rows whose kind is not chosen
    yet) are those recorded for the most recent assessment day that has Overview 3 rows.
    """
    signals = summarize(case.signals)
    latest = case.assessments[-1] if case.assessments else None
    moved: tuple[FactorChange, ...] = ()
    if len(case.assessments) >= 2:
        moved = tuple(c for c in compare(case.assessments[-2], case.assessments[-1]) if c.changed)
    last_day = max((w.assessed_on for w in case.weighty_factors), default=None)
    latest_rows = [w for w in case.weighty_factors if w.assessed_on == last_day]

    def of_kind(kind: WeightKind) -> tuple[WeightyFactor, ...]:
        return tuple(w for w in latest_rows if w.kind is kind)

    return CaseSummary(
        urgent_steps=signals.urgent_steps,
        urgent_guidance=signals.urgent_guidance,
        latest=latest,
        moved=moved,
        strengths=of_kind(WeightKind.STRENGTH),
        vulnerabilities=of_kind(WeightKind.VULNERABILITY),
        kind_not_yet_chosen=of_kind(WeightKind.NOT_YET_CHOSEN),
        plan_progress=completeness(case.plan),
        health_findings=tuple(f for c in case.health for f in health_findings(c)),
        open_referral_steps=signals.open_steps,
        monitoring=monitoring_advice(case.plan, case.health),
    )
