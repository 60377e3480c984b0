"""Every page in both languages, through the app in process: no template error, no 500."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest
from workbench_support import CASES, PASSWORD, add_user

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette asks for httpx2 instead of httpx
    from fastapi.testclient import TestClient

from permitlogic.service import ServiceSettings, create_app


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found is not None
    return found.group(1)


@pytest.fixture
def admin(tmp_path: Path) -> TestClient:
    store = tmp_path / "permitlogic.db"
    add_user(store, "chief", "admin", [])
    web = TestClient(
        create_app(ServiceSettings(store=str(store), log_path=tmp_path / "decisions.jsonl")),
        client=("127.0.0.1", 40000),
    )
    token = csrf_of(web.get("/workbench/login").text)
    web.post("/workbench/login", data={"csrf": token, "name": "chief", "password": PASSWORD})
    return web


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_page_renders(admin: TestClient, lang: str) -> None:
    web = admin
    assert web.get(f"/workbench/lang/{lang}?next=/workbench/reviews").status_code == 200
    csrf = csrf_of(web.get("/workbench/reviews").text)
    review = web.post("/workbench/reviews", data={"csrf": csrf, "county": "示范县", "year": "2026"})
    number = review.url.path.rsplit("/", 1)[-1]
    for name, baseline in (
        ("demo-county-2025.yaml", "yes"),
        ("flawed-county.yaml", "no"),
        ("demo-county.csv", "no"),
    ):
        sent = web.post(
            f"/workbench/reviews/{number}/upload",
            data={"csrf": csrf, "baseline": baseline},
            files={"file": (name, (CASES / name).read_bytes())},
        )
        assert sent.status_code == 200, sent.text[-1500:]
    pages = [
        f"/workbench/reviews/{number}",
        f"/workbench/reviews/{number}/round?department=县住房和城乡建设局",
        f"/workbench/reviews/{number}/round?department=",
        f"/workbench/reviews/{number}/round?department=县住房和城乡建设局&number=1",
        "/workbench/window",
        "/workbench/window/green-channel",
        "/workbench/window/deferral",
        "/workbench/ledger",
        "/workbench/admin/users",
        "/workbench/admin/audit",
    ]
    for path in pages:
        answer = web.get(path)
        assert answer.status_code == 200, (path, answer.text[-1500:])
        assert ("审批工作台" in answer.text) == (lang == "zh"), path
    upload = re.findall(r'<option value="(\d+)"', web.get("/workbench/window/deferral").text)[0]
    form = web.get(f"/workbench/window/deferral?catalog={upload}&item=JS-004")
    assert form.status_code == 200
    decided = web.post(
        "/workbench/window/deferral",
        data={
            "csrf": csrf,
            "catalog": upload,
            "item": "JS-004",
            "id": f"A-{lang}",
            "applicant": "91420100MA4K3P7Q2W",
            "credit": "good",
            "received": "2026-02-13",
            "submitted": ["m1", "m2", "m4"],
            "commitment": "yes",
        },
    )
    assert decided.status_code == 200
    notice = web.get(decided.url.path + "/notice")
    assert notice.status_code == 200 and "容缺受理告知书" in notice.text  # Chinese in both
    opened = web.post(decided.url.path + "/open", data={"csrf": csrf})
    assert opened.status_code == 200 and f"A-{lang}" in opened.text
    for action in ("close", "revoke"):
        confirm = web.post(
            f"/workbench/ledger/cases/A-{lang}/confirm",
            data={"csrf": csrf, "action": action, "on": "2026-02-20"},
        )
        assert confirm.status_code == 200
    green = web.post(
        "/workbench/window/green-channel",
        data={"csrf": csrf, "id": "P-1", "name": "x", "category": "ordinary"},
    )
    assert green.status_code == 200 and 'data-decision="not_eligible"' in green.text


def test_bad_form_values_get_the_error_page(admin: TestClient) -> None:
    web = admin
    csrf = csrf_of(web.get("/workbench/reviews").text)
    for path, data in (
        ("/workbench/reviews", {"county": "示范县", "year": "twenty"}),
        ("/workbench/reviews", {"county": "示范县", "year": "1900"}),
        ("/workbench/window/green-channel", {"id": "P", "name": "x", "category": "castle"}),
        ("/workbench/window/deferral", {"catalog": "x"}),
        ("/workbench/window/deferral", {"catalog": "424242", "item": "X"}),
        ("/workbench/ledger/cases/NONE/confirm", {"action": "close"}),
        ("/workbench/admin/users", {"name": "u", "password": "short", "role": "clerk"}),
        ("/workbench/admin/users", {"name": "u", "password": "long-enough", "role": "king"}),
        ("/workbench/reviews/1/upload", {}),
        ("/workbench/reviews/abc/upload", {}),
    ):
        answer = web.post(path, data={"csrf": csrf, **data})
        assert 400 <= answer.status_code < 500, (path, data, answer.status_code)
        assert 'class="card error-page"' in answer.text
    garbage = web.post(
        "/workbench/reviews",
        content=b"--x\r\ncontent-disposition: form-data\r\n\r\n",
        headers={"content-type": "multipart/form-data; boundary=x"},
    )
    assert garbage.status_code in (400, 403)


def test_only_findings_of_the_latest_round_can_be_accepted(admin: TestClient) -> None:
    web = admin
    csrf = csrf_of(web.get("/workbench/reviews").text)
    review = web.post("/workbench/reviews", data={"csrf": csrf, "county": "示范县", "year": "2026"})
    number = review.url.path.rsplit("/", 1)[-1]
    name = "flawed-county.yaml"
    web.post(
        f"/workbench/reviews/{number}/upload",
        data={"csrf": csrf},
        files={"file": (name, (CASES / name).read_bytes())},
    )
    made_up = web.post(
        f"/workbench/reviews/{number}/accept",
        data={"csrf": csrf, "department": "县交通运输局", "key": "PL999|XX", "reason": "x"},
    )
    assert made_up.status_code == 400
    page = web.get(f"/workbench/reviews/{number}/round?department=县交通运输局").text
    key = re.search(r'name="key" value="([^"]+)"', page)
    assert key is not None
    done = web.post(
        f"/workbench/reviews/{number}/accept",
        data={"csrf": csrf, "department": "县交通运输局", "key": key.group(1), "reason": "保留"},
    )
    assert done.status_code == 200 and 'data-count="accepted">1<' in done.text
    again = web.post(
        f"/workbench/reviews/{number}/accept",
        data={"csrf": csrf, "department": "县交通运输局", "key": key.group(1), "reason": "保留"},
    )
    assert again.status_code == 400
