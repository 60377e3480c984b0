"""The window: green-channel and 容缺受理 forms, the decision, the notice, open a case."""

from __future__ import annotations

from datetime import date
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from permitlogic.decide.notice import notice_for
from permitlogic.decision_log import CatalogRef, catalog_sha256
from permitlogic.errors import InputError
from permitlogic.ledger import service as ledger
from permitlogic.models.catalog import Catalog
from permitlogic.models.decision import DeferralDecision, DeferralOutcome, GreenChannelDecision
from permitlogic.workbench.accounts import Role
from permitlogic.workbench.reviews import get_upload, latest_catalogs
from permitlogic.workbench.web import Page, Refused, checked_form, redirect, signed_in
from permitlogic.workbench.window import (
    PROJECT_FLAGS,
    application_of,
    deferral_rows,
    green_rows,
    load_decision,
    project_of,
    save_decision,
    working_days_between,
)

router = APIRouter()
CLERKS = (Role.admin, Role.clerk)


def _catalog(page: Page, upload_id: int) -> Catalog:
    upload = get_upload(page.bench.db, upload_id)
    if upload is None or upload.baseline:
        raise Refused(404, f"没有目录 #{upload_id}", f"no catalog #{upload_id}")
    return upload.catalog


def _catalog_and_digest(page: Page, upload_id: int) -> tuple[Catalog, str]:
    catalog = _catalog(page, upload_id)
    return catalog, catalog_sha256(catalog)


@router.get("/window")
def window(request: Request) -> Response:
    page = signed_in(request, *CLERKS)
    return page.render("window.html")


@router.get("/window/green-channel")
def green_form(request: Request) -> Response:
    page = signed_in(request, *CLERKS)
    return page.render(
        "green_form.html",
        pack=page.bench.service.engine.green_channel_pack,
        flags=PROJECT_FLAGS,
    )


@router.post("/window/green-channel")
async def green_decide(request: Request) -> Response:
    page = signed_in(request, *CLERKS)
    form = await checked_form(request, page)
    project = project_of(form)
    service = page.bench.service
    [outcome] = service.engine.green_channel_each([project])
    if isinstance(outcome, InputError):
        raise outcome
    [decision] = service.recorder.green_channel([project], [outcome])
    decision_id = save_decision(page.bench.db, page.user_name, decision)
    return redirect(f"/window/decisions/{decision_id}")


@router.get("/window/deferral")
def deferral_form(request: Request) -> Response:
    page = signed_in(request, *CLERKS)
    upload_text = request.query_params.get("catalog", "")
    catalog = None
    item = None
    if upload_text.isdigit():
        catalog = _catalog(page, int(upload_text))
        wanted = request.query_params.get("item")
        if wanted:
            item = catalog.item_map().get(wanted)
            if item is None:
                raise Refused(404, f"目录中没有事项 {wanted}", f"the catalog has no item {wanted}")
    return page.render(
        "deferral_form.html",
        catalogs=latest_catalogs(page.bench.db),
        catalog=catalog,
        upload=upload_text,
        item=item,
        today=date.today().isoformat(),
    )


@router.post("/window/deferral")
async def deferral_decide(request: Request) -> Response:
    page = signed_in(request, *CLERKS)
    form = await checked_form(request, page)
    upload_text = form.get("catalog")
    if not isinstance(upload_text, str) or not upload_text.isdigit():
        raise InputError.single(None, "请选择目录", "choose a catalog", key="catalog")
    upload_id = int(upload_text)
    # The stored catalog is validated again and hashed: off the event loop (the
    # decision itself stays on it, where the service's engine is used).
    catalog, sha256 = await run_in_threadpool(_catalog_and_digest, page, upload_id)
    application = application_of(form)
    service = page.bench.service
    [outcome] = service.engine.deferral_each([application], catalog)
    if isinstance(outcome, InputError):
        raise outcome
    if service.log is not None:
        service.log.write_catalog(catalog, sha256)
    ref = CatalogRef(id=catalog.catalog.id, sha256=sha256)
    [decision] = service.recorder.deferral([application], [outcome], ref)
    decision_id = save_decision(page.bench.db, page.user_name, decision, upload_id)
    return redirect(f"/window/decisions/{decision_id}")


@router.get("/window/decisions/{decision_id}")
def decision_page(request: Request, decision_id: str) -> Response:
    page = signed_in(request, *CLERKS)
    saved = load_decision(page.bench.db, decision_id)
    if saved is None:
        raise Refused(404, f"没有决定 {decision_id}", f"no decision {decision_id}")
    engine = page.bench.service.engine
    decision = saved.decision
    if isinstance(decision, GreenChannelDecision):
        return page.render(
            "green_decision.html",
            decision=decision,
            rows=green_rows(decision, engine.green_channel_pack),
        )
    assert isinstance(decision, DeferralDecision)
    notice = notice_for(decision, engine.deferral_pack)
    days = (
        working_days_between(decision.received, notice.due, engine.calendar)
        if notice is not None
        else None
    )
    with page.bench.db.read() as conn:
        opened = page.bench.db.store.case(conn, decision.application)
    return page.render(
        "deferral_decision.html",
        decision=decision,
        rows=deferral_rows(decision, engine.deferral_pack),
        notice=notice,
        days=days,
        can_open=decision.decision is DeferralOutcome.accept_with_deferral and opened is None,
        opened=opened,
    )


@router.get("/window/decisions/{decision_id}/notice")
def notice_page(request: Request, decision_id: str) -> Response:
    page = signed_in(request, *CLERKS)
    saved = load_decision(page.bench.db, decision_id)
    if saved is None or not isinstance(saved.decision, DeferralDecision):
        raise Refused(404, f"没有容缺决定 {decision_id}", f"no deferral decision {decision_id}")
    engine = page.bench.service.engine
    notice = notice_for(saved.decision, engine.deferral_pack)
    if notice is None:
        raise Refused(
            404,
            "这个决定不需要告知书（直接受理或不予受理）",
            "this decision needs no notice (accepted outright or rejected)",
        )
    days = working_days_between(notice.received, notice.due, engine.calendar)
    return page.render("notice.html", notice=notice, days=days, decision=saved.decision)


@router.post("/window/decisions/{decision_id}/open")
async def open_case(request: Request, decision_id: str) -> Response:
    page = signed_in(request, *CLERKS)
    await checked_form(request, page)
    saved = load_decision(page.bench.db, decision_id)
    if saved is None or not isinstance(saved.decision, DeferralDecision):
        raise Refused(404, f"没有容缺决定 {decision_id}", f"no deferral decision {decision_id}")
    decision = saved.decision
    db = page.bench.db
    [record] = ledger.open_cases(db.store, [decision])
    with db.write() as conn:
        db.record(
            conn,
            page.user_name,
            "case.open",
            decision.application,
            {"decision_id": decision_id, "event": record.id},
        )
    return redirect(f"/ledger/cases/{quote(decision.application)}")
