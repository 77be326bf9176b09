"""Push: idempotent, ordered, never blocked; mutation handlers and their rejections."""

from __future__ import annotations

import uuid

import pytest
from srv_util import assert_problem, db_rows, new_client_id, pull, pull_all, push, register


@pytest.fixture
def srv(module_server):
    return module_server


def fresh_buyer(srv):
    with srv.client() as c:
        out = register(c, f"buyer-{uuid.uuid4().hex[:10]}@example.com")
    return srv.client(out["token"]), out["user"]


def fresh_staff(srv, company_id: int):
    with srv.client() as c:
        out = register(c, f"staff-{uuid.uuid4().hex[:10]}@example.com", "exhibitor", srv.join_code(company_id))
    assert out["user"]["company_id"] == company_id
    return srv.client(out["token"]), out["user"]


def demo_company(srv) -> int:
    return next(a["company_id"] for a in srv.all_accounts if a["role"] == "exhibitor")


def a_product(srv, company_id: int) -> tuple[int, int]:
    return db_rows(srv.db_path, "SELECT id, version FROM products WHERE company_id = ? AND hidden = 0 ORDER BY id DESC LIMIT 1", company_id)[0]


def test_same_push_twice_is_applied_once(srv):
    c, user = fresh_buyer(srv)
    pid = db_rows(srv.db_path, "SELECT id FROM products WHERE hidden = 0 LIMIT 1")[0][0]
    cid = new_client_id()
    muts = [
        {"seq": 1, "type": "favourite.set", "args": {"kind": "product", "target_id": pid, "note": "ask for samples", "tags": ["q1"]}},
        {"seq": 2, "type": "profile.update", "args": {"country": "ES", "interests": ["lighting"]}},
    ]
    r1 = push(c, cid, muts)
    assert r1.status_code == 200, r1.text
    body1 = r1.json()
    assert body1["last_seq"] == 2
    assert [x["status"] for x in body1["results"]] == ["applied", "applied"]
    assert body1["results"][0]["result"] == {"id": f"product:{pid}"}
    r2 = push(c, cid, muts)  # the reply was "lost": the client retries
    assert r2.status_code == 200
    assert r2.json()["results"] == body1["results"]
    assert r2.json()["last_seq"] == 2
    version = db_rows(srv.db_path, "SELECT version, country FROM users WHERE id = ?", user["id"])[0]
    assert version == (2, "ES")  # one edit, not two
    # a retry that also carries the next mutation: replay + apply
    r3 = push(c, cid, [*muts, {"seq": 3, "type": "profile.update", "args": {"company": "Ruiz SL"}}])
    assert [x["status"] for x in r3.json()["results"]] == ["applied"] * 3
    assert db_rows(srv.db_path, "SELECT version FROM users WHERE id = ?", user["id"])[0][0] == 3
    me = pull_all(c, "me")[0]
    fav = next(ch for ch in me if ch["entity"] == "favourite")
    assert fav["id"] == f"product:{pid}" and fav["data"]["note"] == "ask for samples" and fav["data"]["tags"] == ["q1"]
    prof = next(ch for ch in me if ch["entity"] == "profile")
    assert prof["data"]["country"] == "ES" and prof["data"]["company"] == "Ruiz SL" and prof["data"]["interests"] == ["lighting"]


def test_rejected_mutation_is_recorded_and_queue_moves_on(srv):
    c, user = fresh_buyer(srv)
    cid = new_client_id()
    muts = [
        {"seq": 1, "type": "favourite.set", "args": {"kind": "product", "target_id": 10**12, "note": "", "tags": []}},
        {"seq": 2, "type": "profile.update", "args": {"country": "Spain"}},
        {"seq": 3, "type": "no.such.thing", "args": {}},
        {"seq": 4, "type": "favourite.set", "args": {"kind": "planet", "target_id": "x"}},
        {"seq": 5, "type": "profile.update", "args": "not an object"},
        {"seq": 6, "type": "profile.update", "args": {"display_name": "Ana R."}},
    ]
    r = push(c, cid, muts)
    assert r.status_code == 200, r.text
    res = r.json()["results"]
    assert [x["status"] for x in res] == ["rejected"] * 5 + ["applied"]
    assert [x.get("code") for x in res[:5]] == ["not-found", "invalid-value", "unknown-mutation", "invalid-value", "invalid-value"]
    assert "ISO 3166" in res[1]["reason"]
    assert all(x["reason"] for x in res[:5])
    assert r.json()["last_seq"] == 6
    assert db_rows(srv.db_path, "SELECT display_name, country FROM users WHERE id = ?", user["id"])[0] == ("Ana R.", "")
    recorded = db_rows(srv.db_path, "SELECT seq, status, code FROM push_results WHERE client_id = ? ORDER BY seq", cid)
    assert [x[1] for x in recorded] == ["rejected"] * 5 + ["applied"]
    # replay returns the recorded rejections
    assert push(c, cid, muts).json()["results"] == res


def test_sequence_gap_applies_nothing(srv):
    c, user = fresh_buyer(srv)
    cid = new_client_id()
    r = push(c, cid, [{"seq": 1, "type": "profile.update", "args": {"company": "A"}}])
    assert r.json()["last_seq"] == 1
    r = push(c, cid, [{"seq": 3, "type": "profile.update", "args": {"company": "B"}}])
    body = assert_problem(r, 409, "sequence-gap")
    assert body["expected_seq"] == 2
    assert db_rows(srv.db_path, "SELECT company FROM users WHERE id = ?", user["id"])[0][0] == "A"
    # a first push that does not start at 1
    body = assert_problem(push(c, new_client_id(), [{"seq": 5, "type": "profile.update", "args": {}}]), 409, "sequence-gap")
    assert body["expected_seq"] == 1
    # non-consecutive seqs inside one push
    r = push(c, cid, [{"seq": 2, "type": "profile.update", "args": {}}, {"seq": 4, "type": "profile.update", "args": {}}])
    assert_problem(r, 400, "bad-request")
    r = push(c, cid, [{"seq": 2 + i, "type": "profile.update", "args": {}} for i in range(501)])
    assert_problem(r, 413, "too-large")


def test_client_id_of_another_user(srv):
    a, _ = fresh_buyer(srv)
    b, _ = fresh_buyer(srv)
    cid = new_client_id()
    assert push(a, cid, [{"seq": 1, "type": "profile.update", "args": {}}]).status_code == 200
    assert_problem(push(b, cid, [{"seq": 2, "type": "profile.update", "args": {}}]), 409, "client-id-taken")
    assert_problem(push(b, "../etc", []), 400, "bad-request")


def test_favourite_remove_is_idempotent_and_tombstoned(srv):
    c, _ = fresh_buyer(srv)
    company_id = demo_company(srv)
    cid = new_client_id()
    r = push(c, cid, [{"seq": 1, "type": "favourite.set", "args": {"kind": "company", "target_id": company_id}}])
    assert r.json()["results"][0]["status"] == "applied"
    _, cursor, _ = pull_all(c, "me")
    r = push(c, cid, [
        {"seq": 2, "type": "favourite.remove", "args": {"kind": "company", "target_id": company_id}},
        {"seq": 3, "type": "favourite.remove", "args": {"kind": "company", "target_id": company_id}},
    ])
    assert [x["status"] for x in r.json()["results"]] == ["applied", "applied"]
    me = pull(c, {"me": cursor})["me"]
    assert me["changes"] == [{"entity": "favourite", "op": "delete", "id": f"company:{company_id}"}]


def test_catalog_edits_version_check_and_permissions(srv):
    company_id = demo_company(srv)
    staff1, _ = fresh_staff(srv, company_id)
    staff2, _ = fresh_staff(srv, company_id)
    buyer, _ = fresh_buyer(srv)
    other_company = db_rows(srv.db_path, "SELECT id FROM companies WHERE id != ? ORDER BY id LIMIT 1", company_id)[0][0]
    outsider, _ = fresh_staff(srv, other_company)
    pid, version = a_product(srv, company_id)
    section_id = db_rows(srv.db_path, "SELECT section_id FROM products WHERE id = ?", pid)[0][0]

    ok = push(staff1, new_client_id(), [{"seq": 1, "type": "product.upsert", "args": {"product": {"id": pid, "price_min_cents": 111, "price_max_cents": 222}, "base_version": version}}])
    res = ok.json()["results"][0]
    assert res["status"] == "applied", res
    assert res["result"]["version"] == version + 1
    assert res["result"]["data"]["price_min_cents"] == 111
    # the second PC edits from the old version: a conflict carrying the current product
    stale = push(staff2, new_client_id(), [{"seq": 1, "type": "product.upsert", "args": {"product": {"id": pid, "name_en": "Stale"}, "base_version": version}}])
    res = stale.json()["results"][0]
    assert res["status"] == "rejected" and res["code"] == "conflict"
    assert res["result"]["current"]["version"] == version + 1
    assert res["result"]["current"]["price_min_cents"] == 111
    assert db_rows(srv.db_path, "SELECT name_en FROM products WHERE id = ?", pid)[0][0] != "Stale"
    # buyers and other companies' staff may not edit
    for c in (buyer, outsider):
        r = push(c, new_client_id(), [
            {"seq": 1, "type": "product.upsert", "args": {"product": {"id": pid, "name_en": "Hijack"}, "base_version": version + 1}},
            {"seq": 2, "type": "product.delete", "args": {"id": pid, "base_version": version + 1}},
            {"seq": 3, "type": "company.update", "args": {"id": company_id, "fields": {"city": "Nowhere"}, "base_version": None}},
        ])
        assert [x["code"] for x in r.json()["results"]] == ["forbidden"] * 3
    # invalid values are rejected with a reason
    bad = push(staff1, new_client_id(), [
        {"seq": 1, "type": "product.upsert", "args": {"product": {"id": pid, "price_min_cents": 500, "price_max_cents": 100}, "base_version": version + 1}},
        {"seq": 2, "type": "product.upsert", "args": {"product": {"id": pid, "currency": "dollars"}, "base_version": version + 1}},
        {"seq": 3, "type": "product.upsert", "args": {"product": {"name_en": "No section"}, "base_version": None}},
        {"seq": 4, "type": "product.upsert", "args": {"product": {"name_en": "Bad section", "section_id": 10**9}, "base_version": None}},
        {"seq": 5, "type": "product.upsert", "args": {"product": {"id": pid, "moq": "many"}, "base_version": version + 1}},
        {"seq": 6, "type": "product.delete", "args": {"id": 10**12}},
    ])
    assert [x["code"] for x in bad.json()["results"]] == ["invalid-value"] * 5 + ["not-found"]
    # create, then company.update with version check
    created = push(staff1, new_client_id(), [
        {"seq": 1, "type": "product.upsert", "args": {"product": {"name_en": "Solar Lantern", "name_zh": "太阳能灯笼", "section_id": section_id, "specs": [{"name_en": "Power", "name_zh": "功率", "value": "3W"}], "certifications": ["CE"]}, "base_version": None}},
        {"seq": 2, "type": "company.update", "args": {"fields": {"city": "Ningbo", "profile_en": "We make lanterns."}, "base_version": None}},
    ]).json()["results"]
    assert [x["status"] for x in created] == ["applied", "applied"], created
    new = created[0]["result"]["data"]
    assert new["version"] == 1 and new["company_id"] == company_id and new["specs"][0]["value"] == "3W"
    cver = created[1]["result"]["version"]
    conflict = push(staff2, new_client_id(), [{"seq": 1, "type": "company.update", "args": {"fields": {"city": "X"}, "base_version": cver - 1}}]).json()["results"][0]
    assert conflict["code"] == "conflict" and conflict["result"]["current"]["city"] == "Ningbo"
    with srv.client(srv.login("buyer")) as b:
        assert b.get(f"/v1/products/{new['id']}").json()["name_zh"] == "太阳能灯笼"
        assert b.get(f"/v1/companies/{company_id}").json()["city"] == "Ningbo"
        found = b.get("/v1/search", params={"q": "灯笼"}).json()
        assert new["id"] in [p["id"] for p in found["items"]]
