"""Localised text reports for people: what a signal log leads to, in Dutch or English.

The suicide-threat steps come first whenever they apply, in every locale; no argument of this
module can leave them out.
"""

from __future__ import annotations

from terugkeer.i18n import DEFAULT_LOCALE, label, text
from terugkeer.referral import summarize
from terugkeer.signals import SignalLog

__all__ = ["signal_report"]


def signal_report(log: SignalLog, locale: str = DEFAULT_LOCALE) -> tuple[str, ...]:
    """The summary of a signal log as lines of text in ``locale``.

    >>> import datetime as dt
    >>> from terugkeer import SignalLog, SignalObservation, SignalSource
    >>> log = SignalLog().observe(
    ...     SignalObservation("S.suicide.thoughts", SignalSource.CLIENT, dt.date(2026, 3, 2)))
    >>> print(signal_report(log, "en")[1])
      1. Take the threat seriously. ... going on.
    """
    summary = summarize(log)
    lines: list[str] = []
    if summary.urgent_steps:
        lines.append(text("report.urgent", locale))
        for number, urgent in enumerate(summary.urgent_steps, start=1):
            lines.append(f"  {number}. {label(urgent, locale)}")
        lines += [f"  ! {label(note, locale)}" for note in summary.urgent_guidance]
    for guidance in summary.guidance:
        lines.append(f"• {label(guidance, locale)} [{guidance.rule}]")
    if summary.indication.reasons:
        reasons = ", ".join(label(r, locale) for r in summary.indication.reasons)
        lines.append(text("report.reasons", locale).format(reasons=reasons))
    for step in summary.open_steps:
        state = text("report.step_allowed", locale)
        if step.blocked_by is not None:
            state = label(step.blocked_by, locale)
        lines.append(
            text("report.open_step", locale).format(
                referral=step.referral + 1, step=label(step.step, locale), state=state
            )
        )
    if summary.signals:
        lines.append(text("report.signals", locale))
        lines += [f"  – {label(signal, locale)}" for signal in summary.signals]
    lines.append(text("report.not_a_screener", locale))
    return tuple(lines)
