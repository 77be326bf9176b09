"""``GET /v1/me``: exhibitor staff see their company's join code, nobody else does."""

from __future__ import annotations

import uuid

from srv_util import db_rows, register


def test_staff_see_their_join_code(module_server):
    srv = module_server
    staff = next(a for a in srv.all_accounts if a["role"] == "exhibitor")
    code = db_rows(srv.db_path, "SELECT join_code FROM companies WHERE id = ?",
                   staff["company_id"])[0][0]
    with srv.client(srv.login("exhibitor")) as c:
        me = c.get("/v1/me").json()
    assert me["role"] == "exhibitor" and me["join_code"] == code
    # a colleague registers with it and sees the same code
    with srv.client() as c:
        new = register(c, f"colleague-{uuid.uuid4().hex[:8]}@example.com", "exhibitor", code)
    with srv.client(new["token"]) as c:
        assert c.get("/v1/me").json()["join_code"] == code
    with srv.client(srv.login("buyer")) as c:
        me = c.get("/v1/me").json()
    assert me["role"] == "buyer" and me.get("join_code") is None
