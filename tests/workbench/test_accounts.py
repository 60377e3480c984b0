"""Accounts and the API's guard, without a browser: the CLI, hashes, tokens, who may write."""

from __future__ import annotations

import os
import re
import uuid
import warnings
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from workbench_support import CASES, PASSWORD, add_user, cli, cli_process

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette asks for httpx2 instead of httpx
    from fastapi.testclient import TestClient

from permitlogic.packs.checks_pack import bundled_checks_pack
from permitlogic.service import ServiceSettings, create_app
from permitlogic.workbench.accounts import Role, authenticate, create_token
from permitlogic.workbench.accounts import add_user as add_account
from permitlogic.workbench.db import WorkbenchDb
from permitlogic.workbench.reviews import add_upload, create_review, round_uploads
from permitlogic.workbench.rounds import round_of
from permitlogic.workbench.tables import users
from permitlogic.workbench.uploads import check_upload

LOOPBACK = ("127.0.0.1", 40000)
ELSEWHERE = ("10.1.2.3", 40000)


def catalog_body() -> dict[str, Any]:
    import yamlio

    data: dict[str, Any] = yamlio.load((CASES / "demo-county.yaml").read_text("utf-8"))
    data["catalog"]["effective"] = str(data["catalog"]["effective"])
    return data


def client(store: Path, at: tuple[str, int]) -> TestClient:
    return TestClient(create_app(ServiceSettings(store=str(store))), client=at)


def test_users_command_adds_lists_and_refuses_with_exit_2(tmp_path: Path) -> None:
    store = tmp_path / "permitlogic.db"
    add_user(store, "chief", "admin", [])
    again = cli_process(
        "users", "add", "chief", "--password-stdin", "--store", str(store), input=PASSWORD + "\n"
    )
    assert again.returncode == 2 and "chief" in again.stderr and "Traceback" not in again.stderr
    short = cli("users", "add", "x", "--password-stdin", "--store", str(store), input="abc\n")
    assert short.returncode == 2 and "password" in short.stderr
    scoped = cli(
        "users",
        "add",
        "y",
        "--role",
        "clerk",
        "--county",
        "示范县",
        "--password-stdin",
        "--store",
        str(store),
        input=PASSWORD + "\n",
    )
    assert scoped.returncode == 2
    listed = cli("users", "list", "--store", str(store))
    assert listed.returncode == 0 and re.search(r"^chief\tadmin", listed.stdout, re.M)
    token = cli("users", "token", "chief", "--store", str(store))
    assert token.returncode == 0 and token.stdout.startswith("pl_")
    unknown = cli("users", "token", "nobody", "--store", str(store))
    assert unknown.returncode == 2 and "nobody" in unknown.stderr

    changed = cli(
        "users",
        "passwd",
        "chief",
        "--password-stdin",
        "--store",
        str(store),
        input="another-pass-9\n",
    )
    assert changed.returncode == 0
    disabled = cli("users", "disable", "chief", "--store", str(store))
    assert disabled.returncode == 0
    db = WorkbenchDb.open(str(store))
    try:
        assert authenticate(db, "chief", PASSWORD) is None
        assert authenticate(db, "chief", "another-pass-9") is None  # disabled
    finally:
        db.close()
    listed = cli("users", "list", "--store", str(store))
    assert "(disabled)" in listed.stdout


def test_passwords_are_kept_as_argon2_hashes(tmp_path: Path) -> None:
    db = WorkbenchDb.open(str(tmp_path / "permitlogic.db"))
    try:
        add_account(db, "chief", PASSWORD, Role.admin)
        with db.read() as conn:
            stored = conn.execute(select(users.c.password_hash)).scalar_one()
        assert stored.startswith("$argon2id$") and PASSWORD not in stored
        assert authenticate(db, "chief", PASSWORD) is not None
        assert authenticate(db, "chief", PASSWORD + "x") is None
        assert authenticate(db, "nobody", PASSWORD) is None
    finally:
        db.close()


def test_api_writes_need_a_token_once_an_account_exists(tmp_path: Path) -> None:
    store = tmp_path / "permitlogic.db"
    body = catalog_body()
    with client(store, LOOPBACK) as local, client(store, ELSEWHERE) as remote:
        # No account yet: loopback may do everything (today's curl examples), others read.
        assert local.post("/v1/catalogs", json=body).status_code == 201
        refused = remote.post("/v1/catalogs", json=body)
        assert refused.status_code == 401
        assert refused.json()["detail"][0]["type"] == "unauthorized"
        assert remote.get("/v1/catalogs").status_code == 200
        assert remote.post("/v1/check", json=body).status_code == 200

        db = WorkbenchDb.open(str(store))
        try:
            add_account(db, "chief", PASSWORD, Role.admin)
            token = create_token(db, "chief", "ci", by="test")
        finally:
            db.close()
        assert local.post("/v1/catalogs", json=body).status_code == 401
        bad = {"authorization": "Bearer pl_not-a-token"}
        assert local.post("/v1/catalogs", json=body, headers=bad).status_code == 401
        good = {"authorization": f"Bearer {token}"}
        assert remote.post("/v1/catalogs", json=body, headers=good).status_code == 201
        # Reading and computing stay open.
        assert local.post("/v1/check", json=body).status_code == 200
        assert local.get("/healthz").status_code == 200
        assert local.get("/v1/rules").status_code == 200


def test_without_a_store_the_api_is_as_before_and_has_no_workbench(tmp_path: Path) -> None:
    with TestClient(create_app(ServiceSettings()), client=ELSEWHERE) as plain:
        assert plain.post("/v1/catalogs", json=catalog_body()).status_code == 201
        assert plain.get("/workbench/login").status_code == 404


def test_sign_out_ends_the_session_and_a_disabled_account_cannot_sign_in(
    tmp_path: Path,
) -> None:
    store = tmp_path / "permitlogic.db"
    add_user(store, "chief", "admin", [])
    add_user(store, "window", "clerk", [])
    with client(store, LOOPBACK) as web:
        login = web.get("/workbench/login")
        csrf = re.search(r'name="csrf" value="([^"]+)"', login.text)
        assert csrf is not None
        signed = web.post(
            "/workbench/login",
            data={"csrf": csrf.group(1), "name": "chief", "password": PASSWORD},
            follow_redirects=False,
        )
        assert signed.status_code == 303
        users_page = web.get("/workbench/admin/users")
        assert users_page.status_code == 200
        token = re.search(r'name="csrf" value="([^"]+)"', users_page.text)
        assert token is not None
        disabled = web.post(
            "/workbench/admin/users/window/active",
            data={"csrf": token.group(1), "active": "no"},
            follow_redirects=False,
        )
        assert disabled.status_code == 303
        out = web.post("/workbench/logout", data={"csrf": token.group(1)}, follow_redirects=False)
        assert out.status_code == 303
        after = web.get("/workbench/admin/users", follow_redirects=False)
        assert after.status_code == 303 and "/workbench/login" in after.headers["location"]
        login = web.get("/workbench/login")
        csrf = re.search(r'name="csrf" value="([^"]+)"', login.text)
        assert csrf is not None
        refused = web.post(
            "/workbench/login",
            data={"csrf": csrf.group(1), "name": "window", "password": PASSWORD},
            follow_redirects=False,
        )
        assert refused.status_code == 401


@pytest.mark.postgres
def test_accounts_and_rounds_on_postgresql() -> None:
    url = os.environ.get("PERMITLOGIC_TEST_PG_URL")
    if not url:
        pytest.skip("PERMITLOGIC_TEST_PG_URL is not set")
    db = WorkbenchDb.open(url)
    try:
        name = f"pg-{uuid.uuid4().hex[:8]}"
        user = add_account(db, name, PASSWORD, Role.reviewer, county="示范县")
        assert authenticate(db, name, PASSWORD) == user
        review = create_review(db, user, "示范县", 2026, "")
        path = CASES / "flawed-county.yaml"
        checked = check_upload(path.name, path.read_bytes(), bundled_checks_pack())
        add_upload(db, review, user, checked)
        uploads = round_uploads(db, review.id)
        found = round_of(uploads, "县交通运输局", {})
        assert found is not None and found.number == 1
        assert len(found.findings) == sum(
            1 for f in checked.report.findings if f.department == "县交通运输局"
        )
    finally:
        db.close()
