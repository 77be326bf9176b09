"""The demo exhibitor walks a newcomer's deal to a contract (server with --demo, protocol
§8.8), through the real client: the first offer is countered (+8 %), a reasonable second
offer is accepted and signed by the bot, the buyer signs, and the contract verifies."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest

from app.contract import verify_contract
from tests.app.helpers import MemoryKeyring, register_buyer, wait_until
from tests.app.test_app_deals import Side, open_side, terms
from tests.conftest import LiveServer

DEADLINE_S = 30.0  # the bot acts after 1-2.5 s; this only bounds a broken run


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory: pytest.TempPathFactory, demo_db_template: Path
                ) -> Iterator[LiveServer]:
    workdir = tmp_path_factory.mktemp("demo-deals-client")
    db_path = workdir / "fair.db"
    shutil.copyfile(demo_db_template, db_path)
    srv = LiveServer(db_path, workdir, ("--demo",)).start()
    yield srv
    srv.stop()


def bot_company(srv: LiveServer, k: int) -> int:
    """A demo company no human staff member signs in to (the bot runs it)."""
    with sqlite3.connect(f"file:{srv.db_path}?mode=ro", uri=True) as db:
        rows = db.execute("SELECT id FROM companies WHERE is_demo = 1 ORDER BY id").fetchall()
    return int(rows[30 + k][0])


async def wait_deal(side: Side, deal_id: str, pred: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}

    async def ready() -> bool:
        await side.sync()
        d = await side.svc.deal(deal_id)
        if d is not None and pred(d["deal"]):
            out.update(d)
            return True
        return False

    await wait_until(ready, timeout=DEADLINE_S, interval=0.3)
    return out


async def test_demo_exhibitor_counters_accepts_and_signs(demo_server: LiveServer,
                                                         tmp_path: Path) -> None:
    before = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    _email, token = await register_buyer(demo_server.url)
    buyer = await open_side(tmp_path / "buyer.sqlite", demo_server.url, token, "buyer")
    try:
        await buyer.sync()
        did = await buyer.svc.open_deal(company_id=bot_company(demo_server, 0))
        await buyer.svc.offer(did, 1, terms("4.00", qty="2000"))
        d = await wait_deal(buyer, did, lambda d: d["version"] >= 3)
        assert d["deal"]["state"] == "countered" and d["deal"]["offer_by"] == "company"
        assert d["deal"]["terms"]["items"][0]["unit_price"] == "4.32"  # +8 %
        assert "(demo)" in d["deal"]["terms"]["notes"] and d["deal"]["company_is_demo"]
        assert d["can"]["accept"] and d["can"]["counter"]
        # a reasonable second offer (within 5 %): accepted and signed by the bot
        await buyer.svc.counter(did, 3, terms("4.15", qty="2000"))
        d = await wait_deal(buyer, did, lambda d: d["state"] == "accepted" and d["signatures"])
        assert d["deal"]["terms"]["totals"] == {"USD": "8300.00"}
        assert [s["side"] for s in d["deal"]["signatures"]] == ["company"]
        assert d["can"]["sign"]
        await buyer.svc.sign(did)
        await buyer.sync()
        d = await wait_deal(buyer, did, lambda d: d["state"] == "signed")
        assert [e["kind"] for e in d["events"]] == \
            ["open", "offer", "counter", "counter", "accept", "sign", "sign"]
        v = await buyer.svc.verify_online(did)
        assert v["valid"] and [s["valid"] for s in v["signatures"]] == [True, True]
        pdf = await buyer.svc.export_contract(did, tmp_path / "demo-contract.pdf", lang="zh_CN")
        check = verify_contract(pdf)
        assert check.valid and check.fully_signed, check.problems
    finally:
        await buyer.close()
        keyring.set_keyring(before)
