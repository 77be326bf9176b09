"""Pull with ``product_format: "rows"`` (docs/protocol.md §4): the same data, compact.

Product upserts come as rows under each scope's ``products`` (specs and certifications
as JSON text); tombstones and every other entity stay in ``changes``. A client that does
not ask (or asks for a format the server does not know) gets the default format.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest
from srv_util import db_rows, new_client_id, push, register

_next_company = [0]


@pytest.fixture
def buyer(module_server):
    with module_server.client(module_server.login("buyer")) as c:
        yield c


@pytest.fixture
def staff(module_server):
    """A new staff member of a company with several visible products (its own here)."""
    rows = db_rows(module_server.db_path, "SELECT company_id FROM products WHERE hidden = 0 "
                   "GROUP BY company_id HAVING count(*) >= 3 ORDER BY company_id DESC")
    company_id = rows[_next_company[0] % len(rows)][0]
    _next_company[0] += 1
    with module_server.client() as c:
        tok = register(c, f"rows-{uuid.uuid4().hex[:10]}@example.com", "exhibitor",
                       module_server.join_code(company_id))["token"]
    with module_server.client(tok) as c:
        c.company_id = company_id
        yield c


def pull(c: Any, scopes: dict[str, str | None], limit: int = 1000, fmt: str | None = "rows"
         ) -> dict[str, Any]:
    body: dict[str, Any] = {"scopes": scopes, "limit": limit}
    if fmt is not None:
        body["product_format"] = fmt
    r = c.post("/v1/sync/pull", json=body)
    assert r.status_code == 200, r.text[:500]
    out: dict[str, Any] = r.json()["scopes"]
    return out


def as_objects(part: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    """A scope's reply as (op, entity:id, data) with rows turned back into products."""
    out = [(ch["op"], f"{ch['entity']}:{ch['id']}", ch.get("data")) for ch in part["changes"]]
    prods = part.get("products")
    if prods is not None:
        cols = prods["columns"]
        for row in prods["rows"]:
            assert isinstance(row, list) and len(row) == len(cols)
            data = dict(zip(cols, row, strict=True))
            assert isinstance(data["specs"], str) and isinstance(data["certifications"], str)
            data["specs"] = json.loads(data["specs"])
            data["certifications"] = json.loads(data["certifications"])
            out.append(("upsert", f"product:{data['id']}", data))
    return sorted(out, key=lambda t: (t[1], t[0]))


def page_all(c: Any, scope: str, fmt: str | None, cursor: str | None = None, limit: int = 7
             ) -> tuple[list[list[tuple[str, Any, Any]]], str]:
    pages = []
    while True:
        part = pull(c, {scope: cursor}, limit, fmt)[scope]
        pages.append(as_objects(part))
        cursor = part["cursor"]
        if part["complete"]:
            return pages, cursor


def biggest_section(c: Any) -> int:
    items = c.get("/v1/sections").json()["items"]
    return int(max(items, key=lambda s: s["product_count"])["id"])


def test_rows_carry_the_same_products_page_by_page(buyer):
    scope = f"section:{biggest_section(buyer)}"
    objects, _ = page_all(buyer, scope, None)
    rows, _ = page_all(buyer, scope, "rows")
    assert len(objects) >= 3
    assert rows == objects
    first = pull(buyer, {scope: None}, 3)[scope]
    assert first["changes"] == []
    assert first["products"]["columns"][:3] == ["id", "company_id", "section_id"]
    assert len(first["products"]["rows"]) == 3


def test_unknown_format_gets_the_default(buyer):
    scope = f"section:{biggest_section(buyer)}"
    part = pull(buyer, {scope: None}, 5, "columns-v9")[scope]
    assert "products" not in part
    assert [ch["op"] for ch in part["changes"]] == ["upsert"] * 5
    assert pull(buyer, {scope: None}, 5, None)[scope]["changes"] == part["changes"]


def test_hidden_products_company_rows_and_section_tombstones(module_server, buyer, staff):
    pid, section_id, version = db_rows(
        module_server.db_path, "SELECT id, section_id, version FROM products "
        "WHERE company_id = ? AND hidden = 0 ORDER BY id", staff.company_id)[0]
    scope, cscope = f"section:{section_id}", f"company:{staff.company_id}"
    _, cur = page_all(buyer, scope, "rows", limit=5000)
    _, ccur = page_all(staff, cscope, "rows", limit=5000)
    r = push(staff, new_client_id(), [{"seq": 1, "type": "product.upsert", "args": {
        "product": {"id": pid, "hidden": True}, "base_version": version}}])
    assert r.json()["results"][0]["status"] == "applied", r.text
    s = pull(buyer, {scope: cur})[scope]
    assert s["changes"] == [{"entity": "product", "op": "delete", "id": pid}]
    assert s["products"]["rows"] == []
    c = pull(staff, {cscope: ccur})[cscope]
    got = [x for x in as_objects(c) if x[1] == f"product:{pid}"]
    assert [(op, data["hidden"], data["version"]) for op, _, data in got] == [
        ("upsert", True, version + 1)]
    # the company scope from null: the same in both formats, hidden products included
    objects, _ = page_all(staff, cscope, None, limit=5000)
    rows, _ = page_all(staff, cscope, "rows", limit=5000)
    assert rows == objects
    assert any(op == "upsert" and key.startswith("product:") and data["hidden"]
               for page in rows for op, key, data in page)


def test_scopes_out_of_budget_are_not_reached(buyer):
    items = sorted(buyer.get("/v1/sections").json()["items"], key=lambda s: -s["product_count"])
    scopes = [f"section:{s['id']}" for s in items[:3]]
    out = pull(buyer, dict.fromkeys(scopes), 5)
    assert list(out) == scopes
    assert len(out[scopes[0]]["products"]["rows"]) == 5
    assert out[scopes[0]]["complete"] is False
    for s in scopes[1:]:
        assert out[s]["changes"] == [] and out[s]["products"]["rows"] == []
        assert out[s]["complete"] is False
        # the cursor it got back starts the scope from its beginning
        from_cursor, _ = page_all(buyer, s, "rows", out[s]["cursor"], limit=5000)
        from_null, _ = page_all(buyer, s, "rows", None, limit=5000)
        assert from_cursor == from_null
