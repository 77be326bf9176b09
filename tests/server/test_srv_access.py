"""Accounts and the access matrix: anonymous, buyer, exhibitor staff, other company."""

from __future__ import annotations

import uuid

import pytest
from srv_util import assert_problem, db_rows, new_client_id, pull, pull_all, push, register


@pytest.fixture
def srv(module_server):
    return module_server


def demo_company(srv) -> int:
    return next(a["company_id"] for a in srv.all_accounts if a["role"] == "exhibitor")


def hide_a_product(srv) -> int:
    company_id = demo_company(srv)
    pid, version = db_rows(srv.db_path, "SELECT id, version FROM products WHERE company_id = ? AND hidden = 0 ORDER BY id LIMIT 1", company_id)[0]
    with srv.client(srv.login("exhibitor")) as c:
        r = push(c, new_client_id(), [{"seq": 1, "type": "product.upsert", "args": {"product": {"id": pid, "hidden": True}, "base_version": version}}])
        assert r.json()["results"][0]["status"] == "applied"
    return pid


def test_anonymous_gets_401_everywhere_but_public_endpoints(srv):
    pid = db_rows(srv.db_path, "SELECT id FROM products LIMIT 1")[0][0]
    with srv.client() as c:
        assert c.get("/healthz").json() == {"ok": True}
        info = c.get("/v1/info").json()
        assert info["protocol"] == 1 and info["demo"] is True and info["epoch"] and info["server_time"].endswith("Z")
        assert c.get("/openapi.json").status_code == 200
        for method, path, body in [
            ("GET", "/v1/me", None),
            ("GET", "/v1/sections", None),
            ("GET", f"/v1/products/{pid}", None),
            ("GET", "/v1/companies/1", None),
            ("GET", "/v1/search?q=lamp", None),
            ("GET", f"/v1/images/product/{pid}/0", None),
            ("GET", "/v1/images/company/1/logo", None),
            ("POST", "/v1/sync/pull", {"scopes": {"directory": None}}),
            ("POST", "/v1/sync/push", {"client_id": new_client_id(), "mutations": []}),
            ("POST", "/v1/auth/logout", None),
        ]:
            r = c.request(method, path, json=body)
            assert_problem(r, 401, "unauthenticated")
        r = c.get("/v1/me", headers={"Authorization": "Bearer not-a-real-token"})
        assert_problem(r, 401, "unauthenticated")


def test_login_logout_and_same_401_for_unknown_email_and_wrong_password(srv):
    email, password = srv.accounts["buyer"]
    with srv.client() as c:
        r = c.post("/v1/auth/login", json={"email": email.upper(), "password": password})
        assert r.status_code == 200
        token = r.json()["token"]
        assert len(token) == 43
        assert r.json()["user"]["role"] == "buyer"
        wrong = c.post("/v1/auth/login", json={"email": email, "password": password + "x"})
        unknown = c.post("/v1/auth/login", json={"email": "nobody-" + email, "password": password})
        assert_problem(wrong, 401, "unauthenticated")
        assert_problem(unknown, 401, "unauthenticated")
        assert wrong.json() == unknown.json()
        # tokens are stored hashed
        assert not db_rows(srv.db_path, "SELECT 1 FROM tokens WHERE token_hash = ?", token)
    with srv.client(token) as c:
        assert c.get("/v1/me").json()["email"] == email
        assert c.post("/v1/auth/logout").status_code == 204
        assert_problem(c.get("/v1/me"), 401, "unauthenticated")
        assert_problem(c.post("/v1/sync/pull", json={"scopes": {"me": None}}), 401, "unauthenticated")


def test_login_rate_limit(srv):
    with srv.client() as c:
        email = f"rl-{uuid.uuid4().hex[:8]}@example.com"
        register(c, email, password="the right password")
        for _ in range(5):
            assert_problem(c.post("/v1/auth/login", json={"email": email, "password": "wrong password"}), 401, "unauthenticated")
        r = c.post("/v1/auth/login", json={"email": email, "password": "the right password"})
        assert_problem(r, 429, "rate-limited")
        retry = int(r.headers["Retry-After"])
        assert 0 < retry <= 300
        # another account is not locked by it
        other, pw = srv.accounts["exhibitor"]
        assert c.post("/v1/auth/login", json={"email": other, "password": pw}).status_code == 200


def test_register_errors(srv):
    with srv.client() as c:
        email = f"reg-{uuid.uuid4().hex[:8]}@example.com"
        register(c, email)
        base = {"email": email, "password": "long enough", "display_name": "X", "role": "buyer"}
        assert_problem(c.post("/v1/auth/register", json=base), 409, "email-taken")
        assert_problem(c.post("/v1/auth/register", json={**base, "email": "new-" + email, "password": "short"}), 422, "invalid-value")
        assert_problem(c.post("/v1/auth/register", json={**base, "email": "not an email"}), 422, "invalid-value")
        assert_problem(c.post("/v1/auth/register", json={**base, "email": "x-" + email, "country": "Spain"}), 422, "invalid-value")
        assert_problem(c.post("/v1/auth/register", json={**base, "email": "e-" + email, "role": "exhibitor", "join_code": "NOPE"}), 422, "invalid-value")
        assert_problem(c.post("/v1/auth/register", json={**base, "email": "e2-" + email, "role": "exhibitor"}), 422, "invalid-value")
        assert_problem(c.post("/v1/auth/register", json={**base, "role": "admin"}), 400, "bad-request")
        assert_problem(c.post("/v1/auth/register", json={"email": email}), 400, "bad-request")


def test_scope_access_matrix(srv):
    company_id = demo_company(srv)
    other_company = db_rows(srv.db_path, "SELECT id FROM companies WHERE id != ? ORDER BY id LIMIT 1", company_id)[0][0]
    hidden = hide_a_product(srv)
    with srv.client() as c:
        outsider_tok = register(c, f"out-{uuid.uuid4().hex[:8]}@example.com", "exhibitor", srv.join_code(other_company))["token"]
    buyer = srv.client(srv.login("buyer"))
    staff = srv.client(srv.login("exhibitor"))
    outsider = srv.client(outsider_tok)
    try:
        scope = f"company:{company_id}"
        # staff read their company scope: staff and every product, hidden ones too
        changes, _, _ = pull_all(staff, scope)
        kinds = {ch["entity"] for ch in changes}
        assert kinds == {"staff", "product", "figures_day"}  # the demo company's figures (§9)
        hidden_ch = [ch for ch in changes if ch["entity"] == "product" and ch["id"] == hidden]
        assert hidden_ch and hidden_ch[0]["data"]["hidden"] is True
        staff_ids = {ch["data"]["user_id"] for ch in changes if ch["entity"] == "staff"}
        assert staff_ids == {r[0] for r in db_rows(srv.db_path, "SELECT id FROM users WHERE company_id = ?", company_id)}
        # buyers and other companies' staff get a per-scope 403 that does not fail the rest
        for c in (buyer, outsider):
            out = pull(c, {scope: None, "directory": None}, limit=5)
            assert out[scope]["error"]["status"] == 403 and out[scope]["error"]["code"] == "forbidden"
            assert len(out["directory"]["changes"]) == 5
        # hidden products: 404 for others, 200 for the company's staff
        assert_problem(buyer.get(f"/v1/products/{hidden}"), 404, "not-found")
        assert_problem(outsider.get(f"/v1/products/{hidden}"), 404, "not-found")
        assert staff.get(f"/v1/products/{hidden}").json()["hidden"] is True
        assert_problem(buyer.get(f"/v1/images/product/{hidden}/0"), 404, "not-found")
        # a hidden product cannot be favourited by a buyer (it does not exist for them)
        r = push(buyer, new_client_id(), [{"seq": 1, "type": "favourite.set", "args": {"kind": "product", "target_id": hidden}}])
        assert r.json()["results"][0]["code"] == "not-found"
        # `me` is always your own: profile and favourites of the caller only
        bme = pull_all(buyer, "me")
        sme = pull_all(staff, "me")
        buyer_id = buyer.get("/v1/me").json()["id"]
        staff_id = staff.get("/v1/me").json()["id"]
        assert [ch["id"] for ch in bme[0] if ch["entity"] == "profile"] == [buyer_id]
        assert [ch["id"] for ch in sme[0] if ch["entity"] == "profile"] == [staff_id]
        profile = next(ch["data"] for ch in bme[0] if ch["entity"] == "profile")
        assert set(profile) == {"user_id", "display_name", "email", "role", "company_id", "company", "country", "interests", "annual_volume", "version"}
        # a buyer's `me` cursor is not valid for anybody else
        assert_problem(staff.post("/v1/sync/pull", json={"scopes": {"me": bme[1]}}), 400, "invalid-cursor")
        # nobody reads another user's staff data or password hashes through the catalog
        comp = buyer.get(f"/v1/companies/{company_id}").json()
        assert "join_code" not in comp
    finally:
        buyer.close()
        staff.close()
        outsider.close()
