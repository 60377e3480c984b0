"""Request examples shown in the OpenAPI document (and tried by schema-driven tests).

``PROJECT`` and ``APPLICATION`` are also the sample inputs of the decision and
service tests.
"""

from __future__ import annotations

from typing import Any

from fastapi.openapi.models import Example

PROJECT: dict[str, Any] = {
    "id": "P-2026-0117",
    "name": "县城北污水处理厂扩建",
    "category": "major_infrastructure",
    "emergency_designated": False,
    "urban": True,
    "eia_approval": True,
    "reviewed_drawings": True,
    "contractor_selected": True,
    "supervisor_selected": True,
    "wage_deposit_paid": True,
    "safety_deposit_paid": True,
    "dust_deposit_paid": True,
    "injury_insurance": True,
}
"""A major infrastructure project in the county town that meets every condition."""

APPLICATION: dict[str, Any] = {
    "id": "A-2026-00931",
    "item": "JS-004",
    "applicant": {"id": "91420100MA4K3P7Q2W", "credit": "good"},
    "received": "2026-02-13",
    "submitted": ["m1", "m2", "m4"],
    "commitment": True,
}
"""An application for JS-004 with three materials handed in and the commitment signed."""

_DUST_DEPOSIT_UNPAID = {**PROJECT, "dust_deposit_paid": False}

PROJECT_EXAMPLES: dict[str, Example] = {
    "one": Example(summary="one project / 单个项目", value=_DUST_DEPOSIT_UNPAID),
    "batch": Example(
        summary="a list / 批量",
        value=[_DUST_DEPOSIT_UNPAID, {**PROJECT, "id": "P-2026-0118"}],
    ),
}

APPLICATION_EXAMPLES: dict[str, Example] = {
    "one": Example(summary="one application / 单件申请", value=APPLICATION),
    "batch": Example(
        summary="a list / 批量",
        value=[APPLICATION, {**APPLICATION, "id": "A-2026-00932", "commitment": False}],
    ),
}
