"""A case-level summary: what a counsellor looks at first when opening a file.

Urgent items come first, always: when a suicide-related signal is recorded, the suicide-threat
steps lead the summary. The rest describes; nothing predicts or recommends a decision.
"""

from __future__ import annotations

import attrs

from .case import CaseFile
from .factors import Assessment, FactorChange, Movement, WeightKind, WeightyFactor, compare
from .healthfindings import HealthFinding, health_findings
from .planning import MonitoringAdvice, SectionProgress, completeness, monitoring_advice
from .referral import OpenStep, summarize
from .signals import SuicideStep

__all__ = ["CaseSummary", "case_summary"]


@attrs.frozen
class CaseSummary:
    """The state of a case at a glance. ``urgent_steps`` comes first and is never filtered."""

    urgent_steps: tuple[SuicideStep, ...]
    latest: Assessment | None
    moved: tuple[FactorChange, ...]  #: what moved since the previous assessment
    open_vulnerabilities: tuple[WeightyFactor, ...]
    plan_progress: tuple[SectionProgress, ...]
    health_findings: tuple[HealthFinding, ...]
    open_referral_steps: tuple[OpenStep, ...]
    monitoring: MonitoringAdvice


def case_summary(case: CaseFile) -> CaseSummary:
    """Summarise a case file; pure.

    The Overview 3 vulnerabilities shown are those recorded for the most recent assessment day
    that has Overview 3 rows.
    """
    signals = summarize(case.signals)
    latest = case.assessments[-1] if case.assessments else None
    moved: tuple[FactorChange, ...] = ()
    if len(case.assessments) >= 2:
        moved = tuple(
            c
            for c in compare(case.assessments[-2], case.assessments[-1])
            if c.movement is not Movement.UNCHANGED
        )
    last_day = max((w.assessed_on for w in case.weighty_factors), default=None)
    vulnerabilities = tuple(
        w
        for w in case.weighty_factors
        if w.assessed_on == last_day and w.kind is WeightKind.VULNERABILITY
    )
    return CaseSummary(
        urgent_steps=signals.urgent_steps,
        latest=latest,
        moved=moved,
        open_vulnerabilities=vulnerabilities,
        plan_progress=completeness(case.plan),
        health_findings=tuple(f for c in case.health for f in health_findings(c)),
        open_referral_steps=signals.open_steps,
        monitoring=monitoring_advice(case.plan, case.health),
    )
