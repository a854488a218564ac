"""Signals, taxation and referral (Bijlage 6, chapter 5): the records and the append-only log.

*Signalling* is noticing something that may point to a problem; *taxating* is estimating how
serious it is and whether help is needed; *referring* is passing the client on to a (health)
professional. A counsellor is not a clinician: these records support referral. They are not a
screener, and nothing here adds signals up into a score or a diagnosis (§5.1).

The decision support that reads a log (when to refer, open referral steps, the suicide-threat
steps) is in :mod:`terugkeer.referral`.
"""

from __future__ import annotations

import datetime as dt
import typing

import attrs

from . import _fields
from ._checks import check_unique, validated
from ._labelled import LabelledEnum
from ._moved import moved
from .answers import Answer
from .catalogue import Catalogue
from .catalogues.signal_rows import (
    EMOTION_RESPONSE_ROWS,
    PROTECTIVE_ROWS,
    RISK_ROWS,
    SIGNAL_ROWS,
    SUICIDE_GUIDANCE_ROWS,
    SUICIDE_STEP_ROWS,
)
from .errors import Problem
from .stamps import Entered

__all__ = [
    "EMOTION_RESPONSES",
    "MAX_REFERRALS",
    "PROTECTIVE_FACTORS",
    "REFERRAL_STEPS",
    "RISK_FACTORS",
    "SCALES",
    "SIGNALS",
    "STANDING_GUIDANCE",
    "SUICIDE_GUIDANCE",
    "SUICIDE_STEPS",
    "BasicEmotion",
    "EmotionObservation",
    "EmotionRecord",
    "EmotionResponse",
    "Experience",
    "FactorsRecord",
    "HelpNeed",
    "Intensity",
    "ProtectiveFactor",
    "Referral",
    "ReferralReason",
    "ReferralStep",
    "ReferralTarget",
    "RiskFactor",
    "Severity",
    "Signal",
    "SignalCategory",
    "SignalLog",
    "SignalObservation",
    "SignalSource",
    "StepRecord",
    "SuicideGuidance",
    "SuicideStep",
    "Taxation",
    "Willingness",
]


class SignalCategory(LabelledEnum):
    """The lists of Bijlage 6, plus the two kinds of signal chapter 5 adds."""

    SLEEP = "sleep"
    PHYSICAL = "physical"
    BEHAVIOUR = "behaviour"
    OTHER = "other"
    SUICIDE = "suicide"
    DECISION_CAPACITY = "decision_capacity"


@attrs.frozen(weakref_slot=False)
class Signal:
    """One entry of the signal catalogue."""

    id: str
    category: SignalCategory
    #: Thoughts of death or suicide, a threat or an attempt: the suicide-threat steps apply.
    suicide_related: bool = False
    #: The "other, namely …" entry of a list: the observation's note says what was seen.
    free_text: bool = False

    @property
    def message_id(self) -> str:
        """Message id of the signal's label."""
        return f"Signal.{self.id}"


#: Every signal, in the order of the lists.
#: A signal log holds at most this many referrals (so a step's referral number fits every export
#: format).
MAX_REFERRALS = 10_000

SIGNALS: Catalogue[Signal] = Catalogue(
    "signal",
    (Signal(r.id, SignalCategory(r.category), r.suicide_related, r.free_text) for r in SIGNAL_ROWS),
)


@attrs.frozen(weakref_slot=False)
class _Entry:
    """A catalogue entry known by its stable id; its label is ``<ClassName>.<id>``."""

    id: str

    @property
    def message_id(self) -> str:
        """Message id of the entry's label."""
        return f"{type(self).__name__}.{self.id}"


@attrs.frozen(weakref_slot=False)
class RiskFactor(_Entry):
    """A risk factor (Bijlage 6): something that makes problems more likely."""


@attrs.frozen(weakref_slot=False)
class ProtectiveFactor(_Entry):
    """A protective factor (Bijlage 6): something that helps a person cope."""


@attrs.frozen(weakref_slot=False)
class SuicideStep(_Entry):
    """One of the ordered steps on a suicide threat (§5.2)."""


@attrs.frozen(weakref_slot=False)
class SuicideGuidance(_Entry):
    """Guidance shown with the suicide-threat steps, always together with them (§5.2)."""


@attrs.frozen(weakref_slot=False)
class EmotionResponse(_Entry):
    """A way to respond when emotions overwhelm a client (§5.1): guidance text."""


#: The ten risk factors.
RISK_FACTORS: Catalogue[RiskFactor] = Catalogue("risk factor", (RiskFactor(i) for i in RISK_ROWS))
#: The eight protective factors.
PROTECTIVE_FACTORS: Catalogue[ProtectiveFactor] = Catalogue(
    "protective factor", (ProtectiveFactor(i) for i in PROTECTIVE_ROWS)
)
#: The steps on a suicide threat, in the order they are taken.
SUICIDE_STEPS: Catalogue[SuicideStep] = Catalogue(
    "suicide-step", (SuicideStep(i) for i in SUICIDE_STEP_ROWS)
)
#: The guidance that goes with the steps (a "something is wrong" feeling, depression, a client
#: who lays the responsibility for his or her life on the counsellor).
SUICIDE_GUIDANCE: tuple[SuicideGuidance, ...] = tuple(
    SuicideGuidance(i) for i in SUICIDE_GUIDANCE_ROWS
)
#: The guidance that stands wherever signals are recorded or reviewed, also before anything is
#: recorded: a "something is wrong" feeling is followed up, and depression calls for alertness
#: (§5.2). They matter exactly when no signal is written down yet.
STANDING_GUIDANCE: tuple[SuicideGuidance, ...] = tuple(
    g for g in SUICIDE_GUIDANCE if g.id in ("SG.gut_feeling", "SG.depression")
)
#: The three ways to respond when emotions overwhelm a client (§5.1).
EMOTION_RESPONSES: tuple[EmotionResponse, ...] = tuple(
    EmotionResponse(i) for i in EMOTION_RESPONSE_ROWS
)


class SignalSource(LabelledEnum):
    """Where a signal came from."""

    CLIENT = "client"  #: the client says so, or asks for help
    ENVIRONMENT = "environment"  #: a teacher, colleague, friend or relative
    OBSERVED_BEHAVIOUR = "observed_behaviour"
    PRIOR_INFORMATION = "prior_information"  #: intake, earlier records
    OTHER = "other"


@attrs.frozen(weakref_slot=False)
class SignalObservation:
    """One signal noticed on one day, where it came from, a note, and whom it is about.

    In a family case, ``about`` tells which family member the signal concerns (empty: the
    client). It identifies a person, so the research export leaves it out.
    """

    signal: str = attrs.field(metadata=_fields.codes(r.id for r in SIGNAL_ROWS))
    source: SignalSource
    observed_on: dt.date
    note: str = ""
    about: str = attrs.field(default="", metadata=_fields.identifying())
    #: Who entered this observation, and when.
    entered: Entered = attrs.field(factory=Entered)

    #: For the JSON Schema: an "other" signal needs a note saying what (the loader's rule too).
    __json_schema__: typing.ClassVar[dict[str, object]] = {
        "if": {"properties": {"signal": {"enum": [r.id for r in SIGNAL_ROWS if r.free_text]}}},
        "then": {"properties": {"note": {"minLength": 1}}},
    }

    def __attrs_post_init__(self) -> None:
        extra = []
        if type(self.signal) is str:
            signal = SIGNALS.find(self.signal)
            if signal is None:
                extra.append(Problem("$.signal", "id.unknown", {"kind": "signal"}))
            elif signal.free_text and not self.note:
                extra.append(Problem("$.note", "signal.other_needs_note"))
        validated(self, extra)


@attrs.frozen(weakref_slot=False)
class FactorsRecord:
    """The risk and protective factors present, as noted on one day."""

    recorded_on: dt.date
    risk: tuple[str, ...] = attrs.field(
        default=(),
        metadata=_fields.codes(RISK_ROWS, unique=True),
    )
    protective: tuple[str, ...] = attrs.field(
        default=(),
        metadata=_fields.codes(PROTECTIVE_ROWS, unique=True),
    )
    note: str = ""

    def __attrs_post_init__(self) -> None:
        extra = []
        for name, known in (("risk", RISK_ROWS), ("protective", PROTECTIVE_ROWS)):
            values = getattr(self, name)
            if type(values) is tuple:
                for i, value in enumerate(values):
                    if value not in known:
                        extra.append(Problem(f"$.{name}[{i}]", "id.unknown", {"kind": "factor"}))
                extra += check_unique(values, f"$.{name}", "factor")
        validated(self, extra)


class Severity(LabelledEnum):
    """How far the problems hamper daily functioning (an ordinal scale, lowest first)."""

    NOT_HAMPERED = "not_hampered"  #: daily life goes on as usual
    SOMEWHAT = "somewhat"  #: some things take more effort or are left undone
    CLEARLY = "clearly"  #: daily life is clearly affected (sleep, contact, appointments)
    SEVERELY = "severely"  #: the client can hardly manage daily life


class HelpNeed(LabelledEnum):
    """Whether professional help seems needed (an ordinal scale)."""

    NO = "no"
    UNSURE = "unsure"  #: doubt: consult a colleague or care provider
    YES = "yes"


class Willingness(LabelledEnum):
    """How willing the client is to ask for and accept help (an ordinal scale)."""

    UNWILLING = "unwilling"
    HESITANT = "hesitant"
    WILLING = "willing"


#: The ordinal scales of a taxation, lowest first: their order is part of the contract.
SCALES: tuple[type[LabelledEnum], ...] = (Severity, HelpNeed, Willingness)


@attrs.frozen(weakref_slot=False)
class Taxation:
    """An estimate of severity, need for help and willingness, often made with others."""

    assessed_on: dt.date
    severity: Severity
    need_for_help: HelpNeed
    willingness: Willingness
    note: str = ""
    consulted: str = ""  #: who was consulted (colleague, care provider), if anyone

    __attrs_post_init__ = validated


class ReferralReason(LabelledEnum):
    """Why referral is considered (Bijlage 6: when to refer)."""

    IN_DOUBT = "in_doubt"  #: consulting helps the taxation itself
    SPECIFIC_EXPERTISE = "specific_expertise"
    TOO_LITTLE_EXPERIENCE = "too_little_experience"
    GUIDANCE_STUCK = "guidance_stuck"
    RELATION_NOT_CONSTRUCTIVE = "relation_not_constructive"


class ReferralTarget(LabelledEnum):
    """To whom (Bijlage 6): a colleague, first-line care, or specialised care via the GP."""

    COLLEAGUE = "colleague"
    GENERAL_PRACTITIONER = "general_practitioner"
    GENERAL_SOCIAL_WORK = "general_social_work"
    SPECIALISED_CARE_VIA_GP = "specialised_care_via_gp"


class ReferralStep(LabelledEnum):
    """How to refer, in order: gauge willingness, ask consent to consult, consult."""

    GAUGE_WILLINGNESS = "gauge_willingness"
    ASK_CONSENT = "ask_consent"
    CONSULT = "consult"


#: The referral steps in the order they must be taken.
REFERRAL_STEPS: tuple[ReferralStep, ...] = tuple(ReferralStep)


@attrs.frozen(weakref_slot=False)
class Referral:
    """A decision to refer: why, to whom, when. Its steps are added to the log as they happen."""

    decided_on: dt.date
    reasons: tuple[ReferralReason, ...]
    target: ReferralTarget
    note: str = ""

    def __attrs_post_init__(self) -> None:
        extra = []
        if type(self.reasons) is tuple and not self.reasons:
            extra.append(Problem("$.reasons", "referral.no_reason"))
        validated(self, extra)


@attrs.frozen(weakref_slot=False)
class StepRecord:
    """A referral step taken: which referral (its index in the log), which step, when, outcome.

    The outcome of gauging willingness is whether the client is willing; of asking consent,
    whether consent was given; consulting has none.
    """

    referral: int = attrs.field(metadata=_fields.whole(0, MAX_REFERRALS - 1))
    step: ReferralStep
    on: dt.date
    outcome: Answer | None = None
    note: str = ""

    def __attrs_post_init__(self) -> None:
        extra = []
        if self.step is ReferralStep.CONSULT and self.outcome is not None:
            extra.append(Problem("$.outcome", "referral.consult_no_outcome"))
        validated(self, extra)


class BasicEmotion(LabelledEnum):
    """The seven basic emotions used to talk about feelings (§5.1)."""

    FEAR = "fear"
    SURPRISE = "surprise"
    DISGUST = "disgust"
    ANGER = "anger"
    ANTICIPATION = "anticipation"
    JOY = "joy"
    TRUST = "trust"


class Intensity(LabelledEnum):
    """How strongly an emotion is felt."""

    WEAK = "weak"
    STRONG = "strong"


class Experience(LabelledEnum):
    """Whether an emotion is felt as pleasant or unpleasant."""

    PLEASANT = "pleasant"
    UNPLEASANT = "unpleasant"


@attrs.frozen(weakref_slot=False)
class EmotionObservation:
    """One emotion in a talk, with its intensity and how it is experienced."""

    emotion: BasicEmotion
    intensity: Intensity
    experience: Experience

    __attrs_post_init__ = validated


@attrs.frozen(weakref_slot=False)
class EmotionRecord:
    """The emotions named in one talk; the client keeps control of what is discussed.

    *(our design)*: the book names the seven basic emotions with intensity and experience
    (§5.1) but gives no form to record them; this record is an optional aid for the counsellor.
    What the book does give, how to respond, is in :data:`EMOTION_RESPONSES`.
    """

    observed_on: dt.date
    emotions: tuple[EmotionObservation, ...] = ()
    note: str = ""

    __attrs_post_init__ = validated


@attrs.frozen(weakref_slot=False)
class SignalLog:
    """Everything signalled, estimated and referred for one client, append-only.

    Entries are only ever added; referral steps refer to a referral by its index and must follow
    the order of :data:`REFERRAL_STEPS`. Consulting others is never recorded before consent.
    """

    observations: tuple[SignalObservation, ...] = ()
    factors: tuple[FactorsRecord, ...] = ()
    taxations: tuple[Taxation, ...] = ()
    referrals: tuple[Referral, ...] = attrs.field(default=(), metadata=_fields.items(MAX_REFERRALS))
    steps: tuple[StepRecord, ...] = ()
    emotions: tuple[EmotionRecord, ...] = ()

    def __attrs_post_init__(self) -> None:
        validated(self, self._step_problems())

    def _step_problems(self) -> list[Problem]:
        problems: list[Problem] = []
        taken: dict[int, list[StepRecord]] = {}
        for i, record in enumerate(self.steps):
            if not isinstance(record, StepRecord):
                continue
            at = f"$.steps[{i}]"
            if record.referral >= len(self.referrals):
                problems.append(Problem(f"{at}.referral", "referral.no_such"))
                continue
            done = taken.setdefault(record.referral, [])
            expected = REFERRAL_STEPS[len(done)] if len(done) < len(REFERRAL_STEPS) else None
            if record.step is not expected:
                problems.append(Problem(f"{at}.step", "referral.step_order"))
                continue
            if done and record.on < done[-1].on:
                problems.append(Problem(f"{at}.on", "date.before_previous", {"what": "step"}))
            if record.step is ReferralStep.CONSULT and done[-1].outcome is not Answer.YES:
                problems.append(Problem(f"{at}.step", "consent.missing"))
            referral = self.referrals[record.referral]
            if isinstance(referral, Referral) and record.on < referral.decided_on:
                problems.append(Problem(f"{at}.on", "date.before_referral"))
            done.append(record)
        return problems

    def observe(self, observation: SignalObservation) -> SignalLog:
        """A copy with a signal observation added."""
        return attrs.evolve(self, observations=(*self.observations, observation))

    def note_factors(self, record: FactorsRecord) -> SignalLog:
        """A copy with a record of risk and protective factors added."""
        return attrs.evolve(self, factors=(*self.factors, record))

    def taxate(self, taxation: Taxation) -> SignalLog:
        """A copy with a taxation added."""
        return attrs.evolve(self, taxations=(*self.taxations, taxation))

    def refer(self, referral: Referral) -> SignalLog:
        """A copy with a referral added; its index is ``len(log.referrals) - 1`` afterwards."""
        return attrs.evolve(self, referrals=(*self.referrals, referral))

    def take_step(self, record: StepRecord) -> SignalLog:
        """A copy with a referral step added; out of order, or consulting without consent, fails."""
        return attrs.evolve(self, steps=(*self.steps, record))

    def note_emotions(self, record: EmotionRecord) -> SignalLog:
        """A copy with a record of emotions added."""
        return attrs.evolve(self, emotions=(*self.emotions, record))


#: Names that moved, each kept for one minor version with a DeprecationWarning naming its new home.
_MOVED = {
    "get_signal": ("SIGNALS.get", SIGNALS.get),
    "get_suicide_step": ("SUICIDE_STEPS.get", SUICIDE_STEPS.get),
}


def __getattr__(name: str) -> object:
    """A moved name still works for one minor version, with a DeprecationWarning."""
    return moved(__name__, name, _MOVED)
