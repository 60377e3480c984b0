"""Reviews and their uploads in the store: create, list, upload a round, accept a finding."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError

from permitlogic.errors import InputError
from permitlogic.models.catalog import Catalog
from permitlogic.models.report import Finding, Report
from permitlogic.workbench.accounts import User
from permitlogic.workbench.db import WorkbenchDb, now
from permitlogic.workbench.rounds import Acceptance, UploadInfo
from permitlogic.workbench.tables import acceptances, reviews, uploads
from permitlogic.workbench.uploads import Checked


@dataclass(frozen=True)
class Review:
    id: int
    county: str
    year: int
    title: str
    created_by: str
    created: datetime


def _review(row: Any) -> Review:
    m = row._mapping
    return Review(m["id"], m["county"], m["year"], m["title"], m["created_by"], m["created"])


def create_review(db: WorkbenchDb, user: User, county: str, year: int, title: str) -> Review:
    county, title = county.strip(), title.strip()
    if not county:
        raise InputError.single(None, "请填写县（行政区）", "the county is required", key="county")
    if not 2000 <= year <= 2100:
        raise InputError.single(
            None, "年份应在 2000–2100 之间", "the year must be within 2000–2100", key="year"
        )
    if not user.sees_county(county):
        raise InputError.single(
            None,
            f"你的范围是 {user.county}，不能为 {county} 建审核",
            f"your scope is {user.county}; you cannot open a review for {county}",
            key="county",
        )
    title = title or f"{county} {year} 年审批事项目录审核"
    at = now()
    with db.write() as conn:
        result = conn.execute(
            insert(reviews).values(
                county=county, year=year, title=title[:400], created_by=user.name, created=at
            )
        )
        key = result.inserted_primary_key
        assert key is not None
        review_id = int(key[0])
        db.record(conn, user.name, "review.create", f"review:{review_id}", {"title": title})
    return Review(review_id, county, year, title, user.name, at)


def list_reviews(db: WorkbenchDb, user: User) -> list[Review]:
    with db.read() as conn:
        rows = conn.execute(select(reviews).order_by(reviews.c.id.desc())).all()
    return [r for r in map(_review, rows) if user.sees_county(r.county)]


def get_review(db: WorkbenchDb, review_id: int) -> Review | None:
    with db.read() as conn:
        row = conn.execute(select(reviews).where(reviews.c.id == review_id)).first()
    return _review(row) if row is not None else None


def add_upload(
    db: WorkbenchDb, review: Review, user: User, checked: Checked, *, baseline: bool = False
) -> int:
    with db.write() as conn:
        result = conn.execute(
            insert(uploads).values(
                review_id=review.id,
                baseline=baseline,
                filename=checked.filename,
                content=checked.content,
                uploaded_by=user.name,
                at=now(),
                departments=checked.departments,
                items=len(checked.catalog.items),
                catalog=checked.catalog.model_dump(mode="json", exclude_defaults=True),
                report=checked.report.model_dump(mode="json", exclude_none=True),
            )
        )
        key = result.inserted_primary_key
        assert key is not None
        upload_id = int(key[0])
        db.record(
            conn,
            user.name,
            "review.baseline" if baseline else "review.upload",
            f"review:{review.id}/upload:{upload_id}",
            {"file": checked.filename, "departments": checked.departments},
        )
    return upload_id


_INFO = (
    uploads.c.id,
    uploads.c.filename,
    uploads.c.uploaded_by,
    uploads.c.at,
    uploads.c.departments,
    uploads.c["items"],
    uploads.c.report,
)


def round_uploads(db: WorkbenchDb, review_id: int) -> list[UploadInfo]:
    """The review's uploads (not the baseline), oldest first, with their findings."""
    query = (
        select(*_INFO)
        .where(uploads.c.review_id == review_id, uploads.c.baseline.is_(False))
        .order_by(uploads.c.id)
    )
    with db.read() as conn:
        rows = conn.execute(query).all()
    return [
        UploadInfo(
            id=r.id,
            filename=r.filename,
            uploaded_by=r.uploaded_by,
            at=r.at,
            departments=list(r.departments),
            items=r.items,
            findings=[Finding.model_validate(f) for f in r.report.get("findings", [])],
        )
        for r in rows
    ]


@dataclass(frozen=True)
class StoredUpload:
    id: int
    review_id: int
    baseline: bool
    filename: str
    content: bytes
    departments: list[str]
    catalog: Catalog
    report: Report


def get_upload(db: WorkbenchDb, upload_id: int) -> StoredUpload | None:
    with db.read() as conn:
        row = conn.execute(select(uploads).where(uploads.c.id == upload_id)).first()
    if row is None:
        return None
    m = row._mapping
    return StoredUpload(
        id=m["id"],
        review_id=m["review_id"],
        baseline=bool(m["baseline"]),
        filename=m["filename"],
        content=bytes(m["content"]),
        departments=list(m["departments"]),
        catalog=Catalog.model_validate(m["catalog"]),
        report=Report.model_validate(m["report"]),
    )


def baseline_id(db: WorkbenchDb, review_id: int) -> int | None:
    query = (
        select(uploads.c.id)
        .where(uploads.c.review_id == review_id, uploads.c.baseline.is_(True))
        .order_by(uploads.c.id.desc())
        .limit(1)
    )
    with db.read() as conn:
        found = conn.execute(query).scalar()
    return int(found) if found is not None else None


def latest_catalogs(db: WorkbenchDb) -> list[tuple[int, str, str, int]]:
    """(upload id, review title, file name, items) of every round upload, newest first."""
    query = (
        select(uploads.c.id, reviews.c.title, uploads.c.filename, uploads.c["items"])
        .join(reviews, reviews.c.id == uploads.c.review_id)
        .where(uploads.c.baseline.is_(False))
        .order_by(uploads.c.id.desc())
        .limit(200)
    )
    with db.read() as conn:
        return [(r[0], r[1], r[2], r[3]) for r in conn.execute(query)]


def accept(
    db: WorkbenchDb, review: Review, user: User, department: str, key: str, reason: str
) -> None:
    reason = reason.strip()
    if not reason:
        raise InputError.single(
            None, "请写明接受的理由", "write the reason for accepting it", key="reason"
        )
    try:
        with db.write() as conn:
            conn.execute(
                insert(acceptances).values(
                    review_id=review.id,
                    department=department,
                    finding_key=key[:600],
                    reason=reason[:4000],
                    accepted_by=user.name,
                    at=now(),
                )
            )
            db.record(
                conn,
                user.name,
                "finding.accept",
                f"review:{review.id}/{department or '-'}/{key}",
                {"reason": reason},
            )
    except IntegrityError:
        raise InputError.single(
            None, "这条问题已被接受", "this finding was accepted already", key="key"
        ) from None


def acceptances_of(db: WorkbenchDb, review_id: int) -> dict[str, Acceptance]:
    query = select(acceptances).where(acceptances.c.review_id == review_id)
    with db.read() as conn:
        return {
            r.finding_key: Acceptance(r.finding_key, r.department, r.reason, r.accepted_by, r.at)
            for r in conn.execute(query)
        }
