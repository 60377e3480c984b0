"""Stamp each decision with a decision_id and the pack version, and append it to the log."""

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
    """Every decision the service gives passes here exactly once."""

    def __init__(self, log: DecisionLog | None, pack_version: str) -> None:
        self.log = log
        self.pack_version = pack_version

    def _stamp(self) -> dict[str, object]:
        return {"decision_id": str(uuid4()), "pack_version": self.pack_version}

    def green_channel(
        self, projects: Sequence[Project], decisions: Sequence[GreenChannelDecision]
    ) -> list[GreenChannelDecision]:
        stamped = [d.model_copy(update=self._stamp()) for d in decisions]
        if self.log is not None:
            time = now()
            self.log.write(
                [
                    GreenChannelRecord(
                        time=time,
                        decision_id=str(d.decision_id),
                        pack_version=self.pack_version,
                        input=p,
                        output=d,
                    )
                    for p, d in zip(projects, stamped, strict=True)
                ]
            )
        return stamped

    def deferral(
        self,
        applications: Sequence[Application],
        decisions: Sequence[DeferralDecision],
        catalog: CatalogRef,
    ) -> list[DeferralDecision]:
        stamped = [d.model_copy(update=self._stamp()) for d in decisions]
        if self.log is not None:
            time = now()
            self.log.write(
                [
                    DeferralRecord(
                        time=time,
                        decision_id=str(d.decision_id),
                        pack_version=self.pack_version,
                        catalog=catalog,
                        input=a,
                        output=d,
                    )
                    for a, d in zip(applications, stamped, strict=True)
                ]
            )
        return stamped
