"""Give each decision its decision_id and append it, with its input, to the decision log."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import uuid4

from permitlogic.decision_log import (
    CatalogRef,
    DecisionLog,
    DeferralRecord,
    GreenChannelRecord,
    now,
)
from permitlogic.models.decision import (
    Application,
    DeferralDecision,
    GreenChannelDecision,
    Project,
)


class DecisionRecorder:
    """Every decision the service gives passes here exactly once.

    The decision keeps the ``pack_version`` the engine gave it (its pack's hash);
    the log record repeats it so an auditor can group decisions by rule version.
    Decisions are fresh objects of one request, so the id is set on them in place;
    records are built from already-validated parts (``model_construct``).
    """

    def __init__(self, log: DecisionLog | None) -> None:
        self.log = log

    def green_channel(
        self, projects: Sequence[Project], decisions: list[GreenChannelDecision]
    ) -> list[GreenChannelDecision]:
        for decision in decisions:
            decision.decision_id = str(uuid4())
        if self.log is not None:
            time = now()
            self.log.write(
                [
                    GreenChannelRecord.model_construct(
                        time=time,
                        decision_id=str(d.decision_id),
                        pack_version=d.pack_version or "",
                        input=p,
                        output=d,
                    )
                    for p, d in zip(projects, decisions, strict=True)
                ]
            )
        return decisions

    def deferral(
        self,
        applications: Sequence[Application],
        decisions: list[DeferralDecision],
        catalog: CatalogRef,
    ) -> list[DeferralDecision]:
        for decision in decisions:
            decision.decision_id = str(uuid4())
        if self.log is not None:
            time = now()
            self.log.write(
                [
                    DeferralRecord.model_construct(
                        time=time,
                        decision_id=str(d.decision_id),
                        pack_version=d.pack_version or "",
                        catalog=catalog,
                        input=a,
                        output=d,
                    )
                    for a, d in zip(applications, decisions, strict=True)
                ]
            )
        return decisions
