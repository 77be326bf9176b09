"""Pull: full state, resumable cursors, commit order, tombstones, reset, long-poll."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
import uuid
from typing import Any

import pytest
from srv_util import apply, assert_problem, db_rows, new_client_id, pull, pull_all, push, register

PRODUCT_SQL = "SELECT id, section_id, company_id, hidden, version, name_en FROM products"


_next_company = [0]


@pytest.fixture
def live_server(module_server):
    """One server for this module: every test that edits uses its own company."""
    return module_server


@pytest.fixture
def buyer(live_server):
    with live_server.client(live_server.login("buyer")) as c:
        yield c


@pytest.fixture
def staff(live_server):
    """A new staff member of a company no other test of this module edits."""
    rows = db_rows(live_server.db_path, "SELECT company_id FROM products WHERE hidden = 0 GROUP BY company_id HAVING count(*) >= 3 ORDER BY company_id")
    company_id = rows[_next_company[0] % len(rows)][0]
    _next_company[0] += 1
    with live_server.client() as c:
        tok = register(c, f"staff-{uuid.uuid4().hex[:10]}@example.com", "exhibitor", live_server.join_code(company_id))["token"]
    with live_server.client(tok) as c:
        c.company_id = company_id
        yield c


def biggest_section(c) -> dict[str, Any]:
    items = c.get("/v1/sections").json()["items"]
    return max(items, key=lambda s: s["product_count"])


def staff_product(live_server, staff) -> tuple[int, int, int]:
    """(id, section_id, version) of a visible product of ``staff``'s company."""
    rows = db_rows(live_server.db_path, "SELECT id, section_id, version FROM products WHERE company_id = ? AND hidden = 0 ORDER BY id", staff.company_id)
    assert rows
    return rows[0]


def test_full_pull_equals_visible_data(live_server, buyer):
    sec = biggest_section(buyer)
    scope = f"section:{sec['id']}"
    changes, _, _cursors = pull_all(buyer, scope, limit=500)
    state: dict = {}
    apply(state, changes)
    expected = {r[0] for r in db_rows(live_server.db_path, "SELECT id FROM products WHERE section_id = ? AND hidden = 0", sec["id"])}
    assert {k[1] for k in state} == expected
    assert all(k[0] == "product" for k in state)
    assert len(changes) == len(expected)  # latest state only: each once, no tombstones
    assert sec["product_count"] == len(expected)
    one = state[("product", min(expected))]
    row = db_rows(live_server.db_path, "SELECT name_en, specs, certifications, version FROM products WHERE id = ?", one["id"])[0]
    assert (one["name_en"], one["specs"], one["certifications"], one["version"]) == (row[0], json.loads(row[1]), json.loads(row[2]), row[3])
    assert one["hidden"] is False
    # directory: every category, section and company
    d_changes, _, _ = pull_all(buyer, "directory", limit=100)
    d_state: dict = {}
    apply(d_state, d_changes)
    for entity, table in (("category", "categories"), ("section", "sections"), ("company", "companies")):
        ids = {r[0] for r in db_rows(live_server.db_path, f"SELECT id FROM {table}")}
        assert {k[1] for k in d_state if k[0] == entity} == ids
    company = next(v for k, v in d_state.items() if k[0] == "company")
    assert isinstance(company["section_ids"], list)
    assert "join_code" not in company


def test_resume_from_every_intermediate_cursor(live_server, buyer):
    sec = biggest_section(buyer)
    scope = f"section:{sec['id']}"
    limit = max(5, sec["product_count"] // 8)
    pages: list[list[dict]] = []
    cursors: list[str | None] = [None]
    cursor = None
    while True:
        s = pull(buyer, {scope: cursor}, limit)[scope]
        pages.append(s["changes"])
        cursor = s["cursor"]
        cursors.append(cursor)
        if s["complete"]:
            break
    assert len(pages) >= 6
    for i, cur in enumerate(cursors):
        rest, _, _ = pull_all(buyer, scope, cur, limit=limit)
        assert rest == [ch for page in pages[i:] for ch in page], f"resume from cursor {i}"


def test_limit_is_shared_by_scopes_in_order(buyer):
    sec = biggest_section(buyer)
    out = pull(buyer, {"directory": None, f"section:{sec['id']}": None, "me": None}, limit=7)
    assert len(out["directory"]["changes"]) == 7
    assert out["directory"]["complete"] is False
    assert out[f"section:{sec['id']}"]["changes"] == []
    assert out[f"section:{sec['id']}"]["complete"] is False
    assert list(out) == ["directory", f"section:{sec['id']}", "me"]


def test_change_committed_while_paging_is_not_skipped(live_server, buyer, staff):
    pid, section_id, version = staff_product(live_server, staff)
    scope = f"section:{section_id}"
    company_id = staff.company_id
    n = db_rows(live_server.db_path, "SELECT count(*) FROM products WHERE section_id = ? AND hidden = 0", section_id)[0][0]
    limit = max(3, n // 6)
    state: dict = {}
    first = pull(buyer, {scope: None}, limit)[scope]
    apply(state, first["changes"])
    assert first["complete"] is False
    # Edit a product (wherever it was in the stream), create one and delete one,
    # while the reader is in the middle of paging.
    cid = new_client_id()
    victim = db_rows(live_server.db_path, "SELECT id, version FROM products WHERE company_id = ? AND section_id = ? AND hidden = 0 AND id != ? ORDER BY id DESC", company_id, section_id, pid)
    muts = [
        {"seq": 1, "type": "product.upsert", "args": {"product": {"id": pid, "name_en": "Renamed while paging"}, "base_version": version}},
        {"seq": 2, "type": "product.upsert", "args": {"product": {"name_en": "Brand new lamp", "section_id": section_id, "price_min_cents": 100, "price_max_cents": 200}, "base_version": None}},
    ]
    if victim:
        muts.append({"seq": 3, "type": "product.delete", "args": {"id": victim[0][0], "base_version": victim[0][1]}})
    r = push(staff, cid, muts)
    assert [x["status"] for x in r.json()["results"]] == ["applied"] * len(muts), r.text
    new_id = r.json()["results"][1]["result"]["product_id"]
    rest, _, _ = pull_all(buyer, scope, first["cursor"], limit)
    apply(state, rest)
    expected = {r[0]: r[1] for r in db_rows(live_server.db_path, "SELECT id, name_en FROM products WHERE section_id = ? AND hidden = 0", section_id)}
    assert {k[1]: v["name_en"] for k, v in state.items()} == expected
    assert expected[pid] == "Renamed while paging"
    assert new_id in expected


def test_tombstones_hidden_and_moves(live_server, buyer, staff):
    pid, section_id, version = staff_product(live_server, staff)
    other = db_rows(live_server.db_path, "SELECT id FROM sections WHERE id != ? ORDER BY id LIMIT 1", section_id)[0][0]
    company_id = staff.company_id
    scope, cscope = f"section:{section_id}", f"company:{company_id}"
    _, cur, _ = pull_all(buyer, scope)
    _, ocur, _ = pull_all(buyer, f"section:{other}")
    _, ccur, _ = pull_all(staff, cscope)
    cid = new_client_id()
    r = push(staff, cid, [{"seq": 1, "type": "product.upsert", "args": {"product": {"id": pid, "hidden": True}, "base_version": version}}])
    assert r.json()["results"][0]["status"] == "applied"
    s = pull(buyer, {scope: cur})[scope]
    assert s["changes"] == [{"entity": "product", "op": "delete", "id": pid}]
    c = pull(staff, {cscope: ccur})[cscope]
    assert [(ch["op"], ch["id"], ch["data"]["hidden"]) for ch in c["changes"]] == [("upsert", pid, True)]
    # a pull from null does not list the hidden product at all (on any page)
    fresh, _, _ = pull_all(buyer, scope, limit=7)
    assert pid not in {ch["id"] for ch in fresh}
    assert all(ch["op"] == "upsert" for ch in fresh)
    # unhide and move to another section: a tombstone in the old one, an upsert in the new one
    r = push(staff, cid, [{"seq": 2, "type": "product.upsert", "args": {"product": {"id": pid, "hidden": False, "section_id": other}, "base_version": version + 1}}])
    assert r.json()["results"][0]["status"] == "applied", r.text
    s = pull(buyer, {scope: s["cursor"], f"section:{other}": ocur})
    assert s[scope]["changes"] == [{"entity": "product", "op": "delete", "id": pid}]
    assert [(ch["op"], ch["id"]) for ch in s[f"section:{other}"]["changes"]] == [("upsert", pid)]
    # delete: tombstones in the section and the company scope
    r = push(staff, cid, [{"seq": 3, "type": "product.delete", "args": {"id": pid, "base_version": version + 2}}])
    assert r.json()["results"][0]["status"] == "applied", r.text
    s2 = pull(buyer, {f"section:{other}": s[f"section:{other}"]["cursor"]})[f"section:{other}"]
    assert s2["changes"] == [{"entity": "product", "op": "delete", "id": pid}]
    c2 = pull(staff, {cscope: c["cursor"]})[cscope]
    assert c2["changes"][-1] == {"entity": "product", "op": "delete", "id": pid}
    assert buyer.get(f"/v1/products/{pid}").status_code == 404


def test_purge_tombstones_then_reset(live_server, buyer, staff):
    pid, section_id, version = staff_product(live_server, staff)
    scope = f"section:{section_id}"
    _, old_cursor, _ = pull_all(buyer, scope)
    r = push(staff, new_client_id(), [{"seq": 1, "type": "product.delete", "args": {"id": pid, "base_version": version}}])
    assert r.json()["results"][0]["status"] == "applied"
    _, newer_cursor, _ = pull_all(buyer, scope)
    top = db_rows(live_server.db_path, "SELECT value FROM counters WHERE name = 'seq'")[0][0]
    out = subprocess.run(
        [sys.executable, "-m", "server.cli", "purge-tombstones", "--db", str(live_server.db_path), "--before-seq", str(top + 1)],
        capture_output=True, text=True, timeout=60,
    )
    assert out.returncode == 0, out.stderr
    assert "purged" in out.stdout
    res = pull(buyer, {scope: old_cursor, "directory": None})
    assert res[scope] == {"reset": True}
    assert "changes" in res["directory"]
    # a cursor taken after the purged tombstones still works; so does starting over
    assert "changes" in pull(buyer, {scope: newer_cursor})[scope]
    fresh, _, _ = pull_all(buyer, scope)
    assert pid not in {ch["id"] for ch in fresh}


def test_cursor_of_another_epoch_answers_reset(live_server, buyer, start_server):
    empty = start_server(demo=False)
    with empty.client() as c:
        r = c.post("/v1/auth/register", json={"email": "x@example.com", "password": "password123", "display_name": "X", "role": "buyer"})
        tok = r.json()["token"]
    with empty.client(tok) as c:
        foreign = pull(c, {"directory": None})["directory"]["cursor"]
    assert pull(buyer, {"directory": foreign})["directory"] == {"reset": True}


def test_invalid_cursors_and_scopes(live_server, buyer):
    sec = biggest_section(buyer)
    good = pull(buyer, {"directory": None}, limit=1)["directory"]["cursor"]
    for bad in ["garbage", "v1.", "v1.abc.def", "v2." + good[3:], good[:-2] + ("AA" if not good.endswith("AA") else "BB"), "", "v1..", "v1.e30.e30"]:
        r = buyer.post("/v1/sync/pull", json={"scopes": {"directory": bad}})
        assert_problem(r, 400, "invalid-cursor")
    # tampered payload (another seq), same signature
    prefix, payload, sig = good.split(".")
    import base64

    raw = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    raw["s"] += 1000
    forged = prefix + "." + base64.urlsafe_b64encode(json.dumps(raw, separators=(",", ":")).encode()).rstrip(b"=").decode() + "." + sig
    assert_problem(buyer.post("/v1/sync/pull", json={"scopes": {"directory": forged}}), 400, "invalid-cursor")
    # a cursor of another scope
    r = buyer.post("/v1/sync/pull", json={"scopes": {f"section:{sec['id']}": good}})
    assert_problem(r, 400, "invalid-cursor")
    for scope in ["nope", "section:", "section:abc", "section:0", "company:-1", "me:3", "directory ", "section:1:2", "x" * 5000]:
        r = buyer.post("/v1/sync/pull", json={"scopes": {scope: None}})
        assert_problem(r, 400, "invalid-scope")
    r = buyer.post("/v1/sync/pull", json={"scopes": {f"section:{10**9}": None}})
    assert r.status_code == 200
    assert r.json()["scopes"][f"section:{10**9}"]["error"]["code"] == "not-found"
    r = buyer.post("/v1/sync/pull", json={"scopes": {f"section:{i}": None for i in range(1, 70)}})
    assert_problem(r, 400, "bad-request")


def test_long_poll_returns_on_change(live_server, buyer, staff):
    _, cursor, _ = pull_all(buyer, "me")
    wait = 20.0
    result: dict[str, Any] = {}

    def waiter() -> None:
        t0 = time.monotonic()
        result["scopes"] = pull(buyer, {"me": cursor}, wait=wait)
        result["elapsed"] = time.monotonic() - t0

    t = threading.Thread(target=waiter)
    t.start()
    time.sleep(0.5)  # let the request reach the server and wait
    assert t.is_alive(), "the long-poll returned without a change"
    r = push(buyer, new_client_id(), [{"seq": 1, "type": "profile.update", "args": {"company": "Woken Imports"}}])
    assert r.json()["results"][0]["status"] == "applied"
    t.join(wait + 10)
    assert not t.is_alive()
    changes = result["scopes"]["me"]["changes"]
    assert [c["entity"] for c in changes] == ["profile"]
    assert changes[0]["data"]["company"] == "Woken Imports"
    # It was the change that ended the wait, not the wait running out.
    assert result["elapsed"] < wait


def test_long_poll_ignores_unrelated_scopes_and_times_out(live_server, buyer, staff):
    _, cursor, _ = pull_all(buyer, "me")
    result: dict[str, Any] = {}

    def waiter() -> None:
        result["scopes"] = pull(buyer, {"me": cursor}, wait=1.5)

    t = threading.Thread(target=waiter)
    t.start()
    time.sleep(0.2)
    # a change in another user's scope does not answer this long-poll
    push(staff, new_client_id(), [{"seq": 1, "type": "profile.update", "args": {"company": "Elsewhere"}}])
    t.join(20)
    me = result["scopes"]["me"]
    assert me["changes"] == [] and me["complete"] is True


def test_concurrent_writers_and_a_paging_reader_converge(live_server, staff):
    """Writers on several connections commit while a reader pages with a small limit:
    applying the pages in order ends exactly at the server's state."""
    import os

    rounds = int(os.environ.get("FAIRDESK_CONCURRENCY_ROUNDS", "15"))
    company_id = staff.company_id
    scope = f"company:{company_id}"
    products = db_rows(live_server.db_path, "SELECT id, version FROM products WHERE company_id = ? ORDER BY id", company_id)
    writers = [staff]
    with live_server.client() as c:
        for _ in range(2):
            tok = register(c, f"w-{uuid.uuid4().hex[:8]}@example.com", "exhibitor", live_server.join_code(company_id))["token"]
            writers.append(live_server.client(tok))
    errors: list[str] = []

    def write(k: int, c) -> None:
        mine = [p for i, p in enumerate(products) if i % len(writers) == k]
        versions = {pid: v for pid, v in mine}
        cid = new_client_id()
        for r in range(rounds):
            pid = mine[r % len(mine)][0]
            res = push(c, cid, [{"seq": r + 1, "type": "product.upsert", "args": {"product": {"id": pid, "name_en": f"w{k} r{r}"}, "base_version": versions[pid]}}])
            out = res.json()["results"][0]
            if out["status"] != "applied":
                errors.append(str(out))
                return
            versions[pid] = out["result"]["version"]

    state: dict = {}
    first, cursor, _ = pull_all(staff, scope)
    apply(state, first)
    threads = [threading.Thread(target=write, args=(k, c)) for k, c in enumerate(writers)]
    for t in threads:
        t.start()
    pages = 0
    while any(t.is_alive() for t in threads):
        s = pull(staff, {scope: cursor}, limit=3)[scope]
        apply(state, s["changes"])
        cursor = s["cursor"]
        pages += 1
    for t in threads:
        t.join()
    rest, _, _ = pull_all(staff, scope, cursor, limit=3)
    apply(state, rest)
    for c in writers[1:]:
        c.close()
    assert not errors, errors
    expected = {r[0]: (r[1], r[2]) for r in db_rows(live_server.db_path, "SELECT id, name_en, version FROM products WHERE company_id = ?", company_id)}
    got = {k[1]: (v["name_en"], v["version"]) for k, v in state.items() if k[0] == "product"}
    assert got == expected
    assert pages > 0
