"""The exhibitor's workspace against the real server: two staff PCs of the same company
(exhibitor@ and exhibitor2@ share company 1) edit the same product, offline edits then
sync, a buyer sees the change, images upload, views are counted, figures and leads
arrive, and a spreadsheet import goes through as one all-or-nothing mutation."""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PIL import Image

from app.client import ApiClient
from app.social import SocialService
from app.sync import SyncEngine
from app.workspace import WorkspaceError, WorkspaceService
from offline_cache import outbox, queries
from offline_cache.store import Store
from tests.app.helpers import FAST_BACKOFF, login_token, register_buyer


class Side:
    def __init__(self, store: Store, client: ApiClient, engine: SyncEngine, me: dict[str, Any],
                 token: str) -> None:
        self.store = store
        self.client = client
        self.engine = engine
        self.ws = WorkspaceService(store, engine)
        self.social = SocialService(store, engine)
        self.me = me
        self.token = token

    async def sync(self) -> None:
        await self.engine.sync_once(attempts=30)

    async def close(self) -> None:
        await self.engine.stop()
        await self.client.aclose()
        await self.store.close()


async def open_side(path: Path, url: str, token: str) -> Side:
    async with ApiClient(url, token) as c:
        me = await c.me()
    me = me.get("user", me)
    store = await Store.open(path)
    client = ApiClient(url, token)
    engine = SyncEngine(store, client, **FAST_BACKOFF)
    extra = [f"company:{me['company_id']}"] if me.get("role") == "exhibitor" else []
    await engine.ensure_default_scopes(extra)
    return Side(store, client, engine, me, token)


def _account(server: Any, email: str) -> tuple[str, str]:
    [a] = [a for a in server.all_accounts if a["email"] == email]
    return a["email"], a["password"]


@pytest.fixture
async def staff_a(module_server: Any, tmp_path: Path) -> AsyncIterator[Side]:
    token = await login_token(module_server.url, *_account(module_server, "exhibitor@demo.example"))
    side = await open_side(tmp_path / "a.sqlite", module_server.url, token)
    await side.sync()
    yield side
    await side.close()


@pytest.fixture
async def staff_b(module_server: Any, tmp_path: Path) -> AsyncIterator[Side]:
    token = await login_token(module_server.url,
                              *_account(module_server, "exhibitor2@demo.example"))
    side = await open_side(tmp_path / "b.sqlite", module_server.url, token)
    await side.sync()
    yield side
    await side.close()


@pytest.fixture
async def buyer(module_server: Any, tmp_path: Path) -> AsyncIterator[Side]:
    _email, token = await register_buyer(module_server.url)
    side = await open_side(tmp_path / "buyer.sqlite", module_server.url, token)
    await side.sync()
    yield side
    await side.close()


def _server_product(server: Any, token: str, pid: int) -> dict[str, Any]:
    with server.client(token) as c:
        r = c.get(f"/v1/products/{pid}")
        r.raise_for_status()
        out: dict[str, Any] = r.json()
        return out


def _png(path: Path, size: tuple[int, int] = (64, 48), color: tuple[int, int, int] = (200, 30, 30)
         ) -> Path:
    Image.new("RGB", size, color).save(path, "PNG")
    return path


async def _results(side: Side) -> dict[int, Any]:
    return {i.seq: i for i in await side.store.read(outbox.items)}


async def test_two_staff_pcs_conflict_and_a_buyer_sees_the_result(
        module_server: Any, staff_a: Side, staff_b: Side, buyer: Side) -> None:
    assert staff_a.me["company_id"] == staff_b.me["company_id"] == 1
    products = await staff_a.ws.products()
    target = next(p for p in products if not p["hidden"])
    pid, version = target["id"], target["version"]
    b_copy = await staff_b.ws.product(pid)
    assert b_copy is not None and b_copy["version"] == version
    # both PCs edit the same product from the same version
    await staff_a.ws.save_product({**target, "name_en": "Lamp by A", "moq": 111}, version)
    await staff_b.ws.save_product({**b_copy, "name_en": "Lamp by B", "moq": 222}, version)
    assert (await staff_b.ws.product(pid))["name_en"] == "Lamp by B"     # local first
    await staff_a.sync()
    assert _server_product(module_server, staff_a.token, pid)["name_en"] == "Lamp by A"
    await staff_b.sync()
    # B is told, and sees both versions; nothing was overwritten
    [conflict] = await staff_b.ws.conflicts()
    assert (conflict["product_id"], conflict["code"]) == (pid, "conflict")
    assert conflict["mine"]["name_en"] == "Lamp by B" and conflict["mine"]["moq"] == 222
    assert conflict["theirs"]["name_en"] == "Lamp by A"
    assert conflict["theirs"]["version"] == version + 1
    assert (await staff_b.ws.product(pid))["name_en"] == "Lamp by A"
    assert (await staff_b.ws.product(pid))["conflict"] is True
    # B keeps theirs' name but its own MOQ: "keep mine" re-queues B's fields
    await staff_b.ws.resolve_conflict(conflict["seq"], "mine")
    assert await staff_b.ws.conflicts() == []
    await staff_b.sync()
    server = _server_product(module_server, staff_b.token, pid)
    assert (server["name_en"], server["moq"], server["version"]) == ("Lamp by B", 222,
                                                                     version + 2)
    await staff_a.sync()
    assert (await staff_a.ws.product(pid))["name_en"] == "Lamp by B"
    # the buyer sees it after their next sync
    await buyer.engine.follow(target["section_id"])
    await buyer.sync()
    seen = await buyer.store.read(queries.get_product, pid)
    assert seen is not None and seen["name_en"] == "Lamp by B" and seen["moq"] == 222
    # a second round of the same: "take theirs" dismisses B's change
    await staff_a.ws.save_product({"id": pid, "keywords": "from A"}, version + 2)
    await staff_b.ws.save_product({"id": pid, "keywords": "from B"}, version + 2)
    await staff_a.sync()
    await staff_b.sync()
    [conflict] = await staff_b.ws.conflicts()
    await staff_b.ws.resolve_conflict(conflict["seq"], "theirs")
    await staff_b.sync()
    assert _server_product(module_server, staff_b.token, pid)["keywords"] == "from A"
    assert (await staff_b.ws.product(pid))["keywords"] == "from A"
    with pytest.raises(WorkspaceError):
        await staff_b.ws.resolve_conflict(conflict["seq"], "mine")


async def test_offline_edits_then_sync(module_server: Any, staff_a: Side, buyer: Side,
                                       tmp_path: Path) -> None:
    products = [p for p in await staff_a.ws.products() if not p["hidden"]]
    to_hide, to_edit = products[1], products[2]
    section = to_edit["section_id"]
    # offline: nothing is pushed until the sync below
    await staff_a.ws.save_product({"name_en": "Offline Kettle", "name_zh": "离线水壶",
                                   "section_id": section, "price_min_cents": 500,
                                   "price_max_cents": 900, "moq": 50}, None)
    [draft] = [p for p in await staff_a.ws.products() if p["id"] < 0]
    assert draft["pending"] and draft["name_en"] == "Offline Kettle"
    await staff_a.ws.save_product({"id": draft["id"], "keywords": "kettle offline"}, None)
    await staff_a.ws.set_hidden(to_hide["id"], True)
    await staff_a.ws.save_product({"id": to_edit["id"], "lead_time_days": 33},
                                  to_edit["version"])
    await staff_a.ws.save_product({"id": to_edit["id"], "unit_en": "set"},
                                  to_edit["version"])               # merged, same base
    await staff_a.ws.update_booth({"city": "Yiwu", "profile_en": "Edited offline."})
    pending = await staff_a.store.read(outbox.pending)
    assert [i.type for i in pending] == ["product.upsert", "product.upsert", "product.upsert",
                                         "company.update"]
    await staff_a.sync()
    items = await _results(staff_a)
    assert all(items[i.seq].state == "applied" for i in pending), [
        (items[i.seq].code, items[i.seq].reason) for i in pending]
    mine = await staff_a.ws.products()
    assert not any(p["id"] < 0 for p in mine) and not any(p["pending"] for p in mine)
    [kettle] = [p for p in mine if p["name_en"] == "Offline Kettle"]
    assert kettle["keywords"] == "kettle offline" and kettle["version"] == 1
    edited = _server_product(module_server, staff_a.token, to_edit["id"])
    assert (edited["lead_time_days"], edited["unit_en"], edited["version"]) == (
        33, "set", to_edit["version"] + 1)
    company = await staff_a.ws.company()
    assert company is not None and company["city"] == "Yiwu" and not company["pending"]
    # the buyer: the new product is there, the hidden one is not
    await buyer.engine.follow(section)
    await buyer.engine.follow(to_hide["section_id"])
    await buyer.sync()
    assert await buyer.store.read(queries.get_product, kettle["id"]) is not None
    assert await buyer.store.read(queries.get_product, to_hide["id"]) is None
    booth = await buyer.store.read(queries.get_company, 1)
    assert booth is not None and booth["city"] == "Yiwu"
    # show it again
    await staff_a.ws.set_hidden(to_hide["id"], False)
    await staff_a.sync()
    await buyer.sync()
    assert await buyer.store.read(queries.get_product, to_hide["id"]) is not None


async def test_images_and_booth_sections(module_server: Any, staff_a: Side,
                                         tmp_path: Path) -> None:
    products = [p for p in await staff_a.ws.products() if not p["hidden"]]
    target = products[3]
    big = _png(tmp_path / "wide.png", (5000, 300), (20, 120, 200))   # shrunk before upload
    small = _png(tmp_path / "small.png")
    await staff_a.ws.save_product({"id": target["id"]}, target["version"], [small, big])
    row = await staff_a.ws.product(target["id"])
    assert row is not None and len(row["pending_images"]) == 2
    with Image.open(row["pending_images"][1]) as im:
        assert max(im.size) == 2048
    for bad, why in ((tmp_path / "nope.png", "not a file"),
                     (tmp_path / "text.png", "not a JPEG, PNG or WebP")):
        if bad.name == "text.png":
            bad.write_text("hello")
        with pytest.raises(WorkspaceError, match=why):
            await staff_a.ws.save_product({"id": target["id"]}, target["version"], [bad])
    truncated = tmp_path / "cut.png"
    truncated.write_bytes(small.read_bytes()[:60])
    with pytest.raises(WorkspaceError, match="damaged"):
        await staff_a.ws.save_product({"id": target["id"]}, target["version"], [truncated])
    logo = _png(tmp_path / "logo.png", (300, 300), (10, 200, 10))
    sections = [s["id"] for s in await staff_a.ws.sections()][:3]
    await staff_a.ws.update_booth({"section_ids": sections[1:3]}, logo=logo)
    await staff_a.sync()
    assert await staff_a.ws.conflicts() == [], await staff_a.ws.conflicts()
    server = _server_product(module_server, staff_a.token, target["id"])
    assert server["image_count"] == 2
    with module_server.client(staff_a.token) as c:
        r = c.get(f"/v1/images/product/{target['id']}/1?size=full")
        assert r.status_code == 200 and r.headers["content-type"] == "image/jpeg"
        r = c.get("/v1/companies/1")
        assert r.json()["has_logo"] is True and r.json()["section_ids"] == sections[1:3]
    company = await staff_a.ws.company()
    assert company is not None and company["section_ids"] == sections[1:3]
    assert (await staff_a.ws.product(target["id"]))["image_count"] == 2


async def test_views_figures_and_leads(module_server: Any, staff_a: Side, buyer: Side,
                                       tmp_path: Path) -> None:
    before_days = {d["day"]: d for d in await staff_a.ws.figures(30)}
    assert len(await staff_a.ws.figures(30)) == 30
    totals = await staff_a.ws.figures_totals(30)
    assert totals["booth_visits"] > 0          # the demo fair's history
    pid = next(p["id"] for p in await staff_a.ws.products() if not p["hidden"])
    for _ in range(3):
        await buyer.ws.record_view("booth", 1)
        await buyer.ws.record_view("product", pid)
    assert len(await buyer.store.read(outbox.pending)) == 2
    with pytest.raises(WorkspaceError):
        await buyer.ws.record_view("shelf", 1)
    await staff_a.ws.record_view("booth", 1)          # staff views are not counted
    assert await staff_a.store.read(outbox.pending) == []
    await buyer.social.grant(1)
    await buyer.sync()
    results = [i for i in await buyer.store.read(outbox.items) if i.type == "view.record"]
    assert [(i.state, i.result["counted"]) for i in results] == [("applied", True)] * 2
    day = results[0].result["day"]
    await staff_a.sync()
    [after] = [d for d in await staff_a.ws.figures(30) if d["day"] == day]
    before = before_days.get(day, {"booth_visits": 0, "product_views": 0})
    assert after["booth_visits"] == before["booth_visits"] + 1
    assert after["product_views"] == before["product_views"] + 1
    assert {"product_id": pid, "views": 1} in after["top_products"] or \
        any(t["product_id"] == pid for t in after["top_products"])
    buyer_id = buyer.me["id"]
    leads = await staff_a.ws.leads()
    [lead] = [x for x in leads if x["user_id"] == buyer_id]
    assert lead["sources"] == ["authorized"] and lead["email"]
    assert [x["user_id"] for x in await staff_a.ws.leads(source="authorized")
            if x["user_id"] == buyer_id] == [buyer_id]
    assert await staff_a.ws.leads(text="no such buyer name at all") == []
    path = await staff_a.ws.export_leads_csv(tmp_path / "leads.csv", [lead])
    text = path.read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[0]["display_name"] == lead["display_name"]
    assert rows[0]["sources"] == "authorized"
    # a revoke: the lead goes (the buyer never contacted the company)
    await buyer.social.revoke(1)
    await buyer.sync()
    await staff_a.sync()
    assert [x for x in await staff_a.ws.leads() if x["user_id"] == buyer_id] == []
    # a buyer who wrote to the company stays a (limited) lead after a revoke
    _email, token = await register_buyer(module_server.url)
    writer = await open_side(tmp_path / "writer.sqlite", module_server.url, token)
    try:
        await writer.social.grant(1)
        await writer.social.send_text("Do you ship to Spain?", company_id=1)
        await writer.sync()
        await staff_a.sync()
        [lead] = await staff_a.ws.leads(source="messaged")
        assert lead["user_id"] == writer.me["id"]
        assert lead["sources"] == ["authorized", "messaged"] and lead["message_count"] == 1
        await writer.social.revoke(1)
        await writer.sync()
        await staff_a.sync()
        [lead] = [x for x in await staff_a.ws.leads() if x["user_id"] == writer.me["id"]]
        assert lead["sources"] == ["messaged"] and lead["limited"] and lead["email"] is None
    finally:
        await writer.close()


def _sheet(path: Path, rows: list[list[Any]]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Product ID", "Name (English)", "Name (Chinese)", "Price min", "Price max",
               "MOQ", "Lead time (days)"])
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


async def test_import_all_or_nothing(module_server: Any, staff_a: Side, staff_b: Side,
                                     tmp_path: Path) -> None:
    existing = [p for p in await staff_a.ws.products() if not p["hidden"]][5]
    bad = _sheet(tmp_path / "bad.xlsx", [
        [None, "Import Lamp 1", "导入灯1", 1.5, 2, 100, 10],
        [None, "Import Lamp 2", None, "cheap", 2, 100, 10],
        [None, None, "无名", 1, 2, 100, 10],
        [None, "Import Lamp 4", None, 1, 2, "=A1*2", 10],
    ])
    sheet = await staff_a.ws.read_spreadsheet(bad)
    report = await staff_a.ws.dry_run(sheet)
    assert [r.action for r in report.rows] == ["create", "error", "error", "error"]
    assert [(p.row, p.column) for p in report.problems] == [
        (3, "Price min"), (4, "Name (English)"), (5, "MOQ")]
    with pytest.raises(WorkspaceError, match="3 problem"):
        await staff_a.ws.import_products(report)
    # the fixed file: 500 new products and one update
    rows: list[list[Any]] = [[None, f"Imported item {i}", f"导入产品{i}", 1 + i / 100, 9, 10,
                              i % 60] for i in range(500)]
    rows.append([existing["id"], None, None, None, None, 77, None])
    good = await staff_a.ws.read_spreadsheet(_sheet(tmp_path / "good.xlsx", rows))
    report = await staff_a.ws.dry_run(good)
    assert report.ok and len(report.creates) == 500 and len(report.updates) == 1
    seq = await staff_a.ws.import_products(report)
    [imp] = await staff_a.ws.imports()
    assert (imp["seq"], imp["state"], imp["rows"]) == (seq, "waiting", 501)
    await staff_a.sync()
    [imp] = await staff_a.ws.imports()
    assert imp["state"] == "applied", imp
    assert len(imp["created"]) == 500 and imp["updated"] == [existing["id"]]
    cached = {p["name_en"] for p in await staff_a.ws.products()}
    assert {f"Imported item {i}" for i in range(500)} <= cached
    assert (await staff_a.ws.product(existing["id"]))["moq"] == 77
    # a stale import: B edits the product first; A's import of it is refused, nothing applied
    await staff_b.sync()
    b_copy = await staff_b.ws.product(existing["id"])
    rows = [[None, "Never imported", None, 1, 2, 10, 1],
            [existing["id"], None, None, None, None, 88, None]]
    stale = await staff_a.ws.dry_run(
        await staff_a.ws.read_spreadsheet(_sheet(tmp_path / "stale.xlsx", rows)))
    assert stale.ok
    await staff_b.ws.save_product({"id": existing["id"], "moq": 99}, b_copy["version"])
    await staff_b.sync()
    await staff_a.ws.import_products(stale)
    await staff_a.sync()
    imp = (await staff_a.ws.imports())[0]
    assert imp["state"] == "rejected" and imp["code"] == "conflict"
    assert [(e["row"], e["field"]) for e in imp["errors"]] == [(3, "base_version")] or \
        [e["row"] for e in imp["errors"]] == [3]
    assert "Never imported" not in {p["name_en"] for p in await staff_a.ws.products()}
    assert _server_product(module_server, staff_a.token, existing["id"])["moq"] == 99


async def test_workspace_needs_staff(buyer: Side, tmp_path: Path) -> None:
    assert await buyer.ws.company() is None
    assert await buyer.ws.products() == []
    assert await buyer.ws.leads() == []
    with pytest.raises(WorkspaceError):
        await buyer.ws.figures()
    with pytest.raises(WorkspaceError):
        await buyer.ws.update_booth({"city": "X"})
    with pytest.raises(WorkspaceError):
        await buyer.ws.save_product({"name_en": "X", "section_id": 1}, None)
    p = await buyer.ws.write_template(tmp_path / "t.xlsx")
    with pytest.raises(WorkspaceError):
        await buyer.ws.dry_run(await buyer.ws.read_spreadsheet(p))
    with pytest.raises(WorkspaceError, match="is empty"):
        (tmp_path / "e.csv").write_bytes(b"")
        await buyer.ws.read_spreadsheet(tmp_path / "e.csv")
