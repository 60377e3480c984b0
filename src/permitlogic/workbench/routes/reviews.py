"""Review rounds: reviews, uploads of department catalogs, round pages, acceptance, exports."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from permitlogic.errors import InputError
from permitlogic.load.limits import LoadLimits
from permitlogic.workbench import exports
from permitlogic.workbench.accounts import Role, User
from permitlogic.workbench.reviews import (
    Review,
    StoredUpload,
    accept,
    acceptances_of,
    add_upload,
    baseline_id,
    create_review,
    get_review,
    get_upload,
    list_reviews,
    round_uploads,
)
from permitlogic.workbench.rounds import WHOLE, departments_of, finding_key, round_of
from permitlogic.workbench.uploads import check_upload
from permitlogic.workbench.web import Page, Refused, checked_form, redirect, signed_in, text_field

router = APIRouter()
REVIEWERS = (Role.admin, Role.reviewer)


def _review(page: Page, review_id: int) -> Review:
    review = get_review(page.bench.db, review_id)
    if review is None:
        raise Refused(404, f"没有审核 #{review_id}", f"no review #{review_id}")
    assert page.session is not None
    if not page.session.user.sees_county(review.county):
        raise Refused(
            403,
            f"审核 #{review_id} 不在你的范围（{page.session.user.county}）内",
            f"review #{review_id} is outside your scope ({page.session.user.county})",
        )
    return review


def _department_allowed(user: User, department: str) -> None:
    if not user.sees_department(department or None):
        raise Refused(
            403,
            f"你只能查看 {user.department} 的审核结果",
            f"you may see the findings of {user.department} only",
        )


def _upload(page: Page, review: Review, upload_id: int) -> StoredUpload:
    upload = get_upload(page.bench.db, upload_id)
    if upload is None or upload.review_id != review.id:
        raise Refused(404, f"没有上传文件 #{upload_id}", f"no upload #{upload_id}")
    assert page.session is not None
    user = page.session.user
    if user.department and any(d != user.department for d in upload.departments):
        raise Refused(
            403,
            "该文件含有其他部门的事项，你只能下载本部门的文件",
            "that file has other departments' items; you may download your own only",
        )
    return upload


@router.get("/reviews")
def reviews_page(request: Request) -> Response:
    page = signed_in(request, *REVIEWERS)
    assert page.session is not None
    return page.render("reviews.html", reviews=list_reviews(page.bench.db, page.session.user))


@router.post("/reviews")
async def create(request: Request) -> Response:
    page = signed_in(request, *REVIEWERS)
    form = await checked_form(request, page)
    assert page.session is not None
    user = page.session.user
    if user.department:
        raise Refused(
            403, "部门审核人员不能新建审核", "a department's reviewer cannot open a review"
        )
    county = text_field(form, "county", required=False) or (user.county or "")
    year_text = text_field(form, "year", limit=4)
    if not year_text.isdigit():
        raise InputError.single(None, "年份应为数字", "the year must be a number", key="year")
    review = create_review(
        page.bench.db, user, county, int(year_text), text_field(form, "title", required=False)
    )
    return redirect(f"/reviews/{review.id}")


@router.get("/reviews/{review_id}")
def review_page(request: Request, review_id: int) -> Response:
    page = signed_in(request, *REVIEWERS)
    review = _review(page, review_id)
    assert page.session is not None
    user = page.session.user
    uploads = round_uploads(page.bench.db, review.id)
    accepted = acceptances_of(page.bench.db, review.id)
    rounds = [
        r
        for d in departments_of(uploads)
        if user.sees_department(d or None)
        for r in [round_of(uploads, d, accepted)]
        if r is not None
    ]
    visible = [u for u in uploads if not user.department or u.departments == [user.department]]
    return page.render(
        "review.html",
        review=review,
        rounds=rounds,
        uploads=visible,
        baseline=baseline_id(page.bench.db, review.id),
        WHOLE=WHOLE,
    )


@router.post("/reviews/{review_id}/upload")
async def upload(request: Request, review_id: int) -> Response:
    page = signed_in(request, *REVIEWERS)
    review = _review(page, review_id)
    form = await checked_form(request, page)
    assert page.session is not None
    user = page.session.user
    sent = form.get("file")
    if not isinstance(sent, UploadFile) or not sent.filename:
        raise InputError.single(None, "请选择要上传的文件", "choose a file to upload", key="file")
    limits = LoadLimits.from_env()
    content = await sent.read(limits.max_file_bytes + 1)
    if len(content) > limits.max_file_bytes:
        raise InputError.single(
            sent.filename,
            f"文件超过 {limits.max_file_mb} MB 的上限（PERMITLOGIC_MAX_FILE_MB）",
            f"the file is over the limit of {limits.max_file_mb} MB (PERMITLOGIC_MAX_FILE_MB)",
        )
    baseline = form.get("baseline") == "yes"
    if baseline and user.department:
        raise Refused(
            403, "上年目录只能由县级审核人员上传", "last year's catalog is uploaded at county level"
        )
    # Loading and checking take a while: off the event loop, so other pages keep answering.
    checked = await run_in_threadpool(
        check_upload, sent.filename, content, page.bench.service.checks_pack, limits
    )
    if user.department:
        others = [d for d in checked.departments if d != user.department]
        if others:
            raise Refused(
                403,
                f"文件含有其他部门的事项（{'、'.join(others)}）；你只能上传 {user.department} 的目录",
                f"the file has items of other departments ({', '.join(others)}); "
                f"you may upload {user.department}'s catalog only",
            )
    upload_id = await run_in_threadpool(
        add_upload, page.bench.db, review, user, checked, baseline=baseline
    )
    if baseline or len(checked.departments) != 1:
        return redirect(f"/reviews/{review.id}#upload-{upload_id}")
    from urllib.parse import quote

    return redirect(f"/reviews/{review.id}/round?department={quote(checked.departments[0])}")


@router.get("/reviews/{review_id}/round")
def round_page(request: Request, review_id: int) -> Response:
    page = signed_in(request, *REVIEWERS)
    review = _review(page, review_id)
    assert page.session is not None
    department = request.query_params.get("department", WHOLE)
    _department_allowed(page.session.user, department)
    number_text = request.query_params.get("number")
    number = int(number_text) if number_text and number_text.isdigit() else None
    uploads = round_uploads(page.bench.db, review.id)
    accepted = acceptances_of(page.bench.db, review.id)
    found = round_of(uploads, department, accepted, number)
    if found is None:
        raise Refused(404, "这个部门没有这一轮", "no such round for this department")
    base = baseline_id(page.bench.db, review.id)
    cut = None
    if base is not None and department:
        baseline = get_upload(page.bench.db, base)
        current = get_upload(page.bench.db, found.upload.id)
        if baseline is not None and current is not None:
            cut = exports.department_diff(baseline, current, department)
    return page.render(
        "round.html",
        review=review,
        round=found,
        rounds=len([u for u in uploads if department in u.departments]) or 1,
        cut=cut,
        key=finding_key,
        docs=exports.rule_docs(),
        WHOLE=WHOLE,
    )


@router.post("/reviews/{review_id}/accept")
async def accept_finding(request: Request, review_id: int) -> Response:
    page = signed_in(request, *REVIEWERS)
    review = _review(page, review_id)
    form = await checked_form(request, page)
    assert page.session is not None
    department = text_field(form, "department", required=False)
    _department_allowed(page.session.user, department)
    key = text_field(form, "key", limit=600)
    latest = round_of(round_uploads(page.bench.db, review.id), department, {})
    if latest is None or key not in {finding_key(f) for f in latest.findings}:
        raise InputError.single(
            None,
            f"这一轮没有这条问题：{key}",
            f"the latest round has no such finding: {key}",
            key="key",
        )
    accept(
        page.bench.db,
        review,
        page.session.user,
        department,
        key,
        text_field(form, "reason", limit=4000),
    )
    from urllib.parse import quote

    return redirect(f"/reviews/{review.id}/round?department={quote(department)}")


@router.get("/reviews/{review_id}/uploads/{upload_id}/report.html")
def report_html(request: Request, review_id: int, upload_id: int) -> Response:
    page = signed_in(request, *REVIEWERS)
    found = _upload(page, _review(page, review_id), upload_id)
    body = exports.report_html(found, page.bench.service.checks_pack, page.lang)
    return Response(
        body,
        media_type="text/html; charset=utf-8",
        headers={"content-disposition": exports.disposition(found.filename, "report.html")},
    )


@router.get("/reviews/{review_id}/uploads/{upload_id}/report.xlsx")
def report_xlsx(request: Request, review_id: int, upload_id: int) -> Response:
    page = signed_in(request, *REVIEWERS)
    found = _upload(page, _review(page, review_id), upload_id)
    department = request.query_params.get("department")
    assert page.session is not None
    if page.session.user.department:
        department = page.session.user.department
    body = exports.report_xlsx(found, page.bench.service.checks_pack, page.lang, department)
    return Response(
        body,
        media_type=exports.XLSX,
        headers={"content-disposition": exports.disposition(found.filename, "report.xlsx")},
    )


@router.get("/reviews/{review_id}/uploads/{upload_id}/annotated.xlsx")
def annotated(request: Request, review_id: int, upload_id: int) -> Response:
    page = signed_in(request, *REVIEWERS)
    found = _upload(page, _review(page, review_id), upload_id)
    body = exports.annotated_sheet(found, page.lang)
    return Response(
        body,
        media_type=exports.XLSX,
        headers={"content-disposition": exports.disposition(found.filename, "annotated.xlsx")},
    )
