"""Deals on the client: terms rules (against the server's), then real clients (own Store,
SyncEngine, DealService and keys each) and the real server: three rounds with one side
offline for a round, both sign, the contract PDF exports and verifies (and fails when
tampered); two staff race (one counters while the other accepts the older offer)."""

from __future__ import annotations

import asyncio
import random
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pypdf
import pytest

from app.client import ApiClient, NetworkError
from app.contract import verify_contract
from app.deals import (
    DealError,
    DealService,
    allowed_commands,
    compute_totals,
    item_amount,
    normalise_terms,
    terms_hash,
    validate_terms,
)
from app.keys import KeyStore
from app.sync import SyncEngine
from offline_cache import outbox
from offline_cache.store import Store
from tests.app.helpers import FAST_BACKOFF, MemoryKeyring, login_token, register_buyer
from tests.faultproxy import FaultProxy


# ---------------------------------------------------------------- helpers (shared)
def terms(price: str = "10.00", *, qty: str = "1000", days: int = 7, **over: Any) -> dict[str, Any]:
    until = (datetime.now(UTC) + timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%SZ")
    t: dict[str, Any] = {
        "items": [{"product_id": None, "description": "LED desk lamp", "spec_notes": "warm white",
                   "quantity": qty, "unit": "piece", "unit_price": price, "currency": "USD"}],
        "incoterm": "FOB", "incoterm_place": "Ningbo", "delivery_date": "2099-03-01",
        "payment_terms": "30% deposit, 70% against B/L copy", "valid_until": until,
    }
    t.update(over)
    return t


class Side:
    """One signed-in client: Store + ApiClient + SyncEngine + DealService + KeyStore."""

    def __init__(self, store: Store, client: ApiClient, engine: SyncEngine,
                 keys: KeyStore, me: dict[str, Any]) -> None:
        self.store = store
        self.client = client
        self.engine = engine
        self.keys = keys
        self.svc = DealService(store, engine, keys)
        self.me = me

    @property
    def user_id(self) -> int:
        return int(self.me["id"])

    async def sync(self, attempts: int = 30) -> None:
        await self.engine.sync_once(attempts=attempts)

    async def deal(self, deal_id: str) -> dict[str, Any]:
        d = await self.svc.deal(deal_id)
        assert d is not None
        return d

    async def close(self) -> None:
        await self.engine.stop()
        await self.client.aclose()
        await self.store.close()


async def open_side(path: Path, url: str, token: str, profile: str,
                    *, via: str | None = None) -> Side:
    async with ApiClient(url, token) as c:
        me = await c.me()
    me = me.get("user", me)
    store = await Store.open(path)
    client = ApiClient(via or url, token)
    engine = SyncEngine(store, client, **FAST_BACKOFF)
    extra = [f"company:{me['company_id']}"] if me.get("role") != "buyer" else []
    await engine.ensure_default_scopes(extra)
    return Side(store, client, engine, KeyStore(profile, url), me)


async def register_staff(url: str, join_code: str) -> str:
    async with ApiClient(url) as c:
        data = await c.register(email=f"staff-{uuid.uuid4().hex[:10]}@example.com",
                                password="test-pass-123", display_name="Staff B",
                                role="exhibitor", join_code=join_code)
    return str(data["token"])


async def verify_online(side: Side, deal_id: str) -> dict[str, Any]:
    v = await side.svc.verify_online(deal_id)
    assert v["valid"], v
    return v


async def accept_events(side: Side, deal_id: str) -> int:
    d = await side.svc.fetch_online(deal_id)
    return sum(1 for e in d["events"] if e["kind"] == "accept")


@pytest.fixture
async def staff(module_server: Any, tmp_path: Path, memory_keyring: MemoryKeyring
                ) -> AsyncIterator[Side]:
    token = await login_token(module_server.url, *module_server.accounts["exhibitor"])
    side = await open_side(tmp_path / "staff.sqlite", module_server.url, token, "staff")
    yield side
    await side.close()


@pytest.fixture
async def proxy(module_server: Any) -> AsyncIterator[FaultProxy]:
    p = FaultProxy(int(module_server.url.rsplit(":", 1)[1])).start()
    yield p
    p.stop()


@pytest.fixture
async def buyer(module_server: Any, tmp_path: Path, memory_keyring: MemoryKeyring,
                proxy: FaultProxy) -> AsyncIterator[Side]:
    _email, token = await register_buyer(module_server.url)
    side = await open_side(tmp_path / "buyer.sqlite", module_server.url, token, "buyer",
                           via=proxy.url)
    yield side
    await side.close()


# ---------------------------------------------------------------- pure rules
def test_terms_rules_match_the_server() -> None:
    from server.deals import normalize_terms as server_normalize

    rng = random.Random(6)
    now = datetime.now(UTC)
    currencies = ["USD", "JPY", "KWD", "EUR", "CNY", "VND", "BHD"]
    for _ in range(100):
        items = []
        for _i in range(rng.randint(1, 4)):
            qty = str(rng.randint(1, 10**6)) if rng.random() < 0.5 else \
                f"{rng.randint(0, 9999)}.{rng.randint(1, 999999):06d}".rstrip("0")
            price = f"{rng.randint(0, 99999)}.{rng.randint(0, 9999):04d}" if rng.random() < 0.7 \
                else str(rng.randint(0, 500))
            items.append({"description": f" Item {rng.random()} 保温杯 ", "quantity": qty,
                          "unit": " pcs", "unit_price": price, "currency": rng.choice(currencies),
                          "spec_notes": "x" * rng.randint(0, 3)})
        raw = terms(items=items, incoterm=rng.choice(["fob", "CIF", " ddp "]),
                    notes=rng.choice(["", " note "]))
        if rng.random() < 0.3:
            del raw["notes"]
        if any(_is_zero(it["quantity"]) for it in items):
            assert validate_terms(raw, now)
            continue
        mine = normalise_terms(raw, now)
        theirs = server_normalize(None, 1, raw, now)  # type: ignore[arg-type]
        assert mine == theirs
        assert terms_hash(mine) == terms_hash(theirs)
        assert compute_totals(items) == mine["totals"]


def _is_zero(text: str) -> bool:
    from decimal import Decimal

    return Decimal(text) == 0


@pytest.mark.parametrize(("change", "path"), [
    ({"items": []}, "terms.items"),
    ({"incoterm": "FOX"}, "terms.incoterm"),
    ({"incoterm_place": "  "}, "terms.incoterm_place"),
    ({"delivery_date": "2020-01-01"}, "terms.delivery_date"),
    ({"delivery_date": "2099-02-30"}, "terms.delivery_date"),
    ({"valid_until": "2020-01-01T00:00:00Z"}, "terms.valid_until"),
    ({"valid_until": "2099-01-01T00:00:00Z"}, "terms.valid_until"),
    ({"payment_terms": "a\x00b"}, "terms.payment_terms"),
    ({"colour": "red"}, "terms.colour"),
    ({"items": [{"description": "x", "quantity": "0", "unit": "pc", "unit_price": "1",
                 "currency": "USD"}]}, "terms.items.0.quantity"),
    ({"items": [{"description": "x", "quantity": "1e3", "unit": "pc", "unit_price": "1",
                 "currency": "USD"}]}, "terms.items.0.quantity"),
    ({"items": [{"description": "x", "quantity": "1", "unit": "pc", "unit_price": "1.23456",
                 "currency": "USD"}]}, "terms.items.0.unit_price"),
    ({"items": [{"description": "x", "quantity": "1", "unit": "pc", "unit_price": "1",
                 "currency": "XXX"}]}, "terms.items.0.currency"),
])
def test_invalid_terms_name_the_field_like_the_server(change: dict[str, Any], path: str) -> None:
    from server.deals import normalize_terms as server_normalize
    from server.mutations import Rejected

    raw = terms(**change)
    now = datetime.now(UTC)
    problems = validate_terms(raw, now)
    assert problems and problems[0][0] == path, problems
    with pytest.raises(DealError) as info:
        normalise_terms(raw, now)
    assert info.value.problems == problems
    with pytest.raises(Rejected) as srv:
        server_normalize(None, 1, raw, now)  # type: ignore[arg-type]
    assert srv.value.code == "invalid-value"
    if srv.value.reason.startswith("terms."):  # (pydantic's own messages are worded apart)
        assert srv.value.reason.startswith(path), srv.value.reason


def test_amounts_round_half_up_to_minor_units() -> None:
    assert item_amount("3", "0.005", "USD") == "0.02"  # 0.015 -> 0.02
    assert item_amount("1", "2.5", "JPY") == "3"
    assert item_amount("1", "0.0005", "KWD") == "0.001"
    assert compute_totals([{"quantity": "2", "unit_price": "1.005", "currency": "USD"},
                           {"quantity": "x", "unit_price": "1", "currency": "USD"},
                           {"quantity": "1", "unit_price": "1", "currency": "JPY"}]) == \
        {"JPY": "1", "USD": "2.01"}


def test_allowed_commands_follow_the_state_machine() -> None:
    offered = {"state": "offered", "offer_by": "buyer", "signatures": [],
               "valid_until": "2099-01-01T00:00:00Z"}
    assert allowed_commands(offered, "company") == {
        "offer": False, "counter": True, "accept": True, "decline": True, "withdraw": False,
        "sign": False}
    assert allowed_commands(offered, "buyer")["withdraw"]
    assert not allowed_commands({**offered, "valid_until": "2020-01-01T00:00:00Z"},
                                "company")["accept"]
    accepted = {"state": "accepted", "signatures": [{"side": "company"}]}
    assert allowed_commands(accepted, "buyer")["sign"]
    assert not allowed_commands(accepted, "company")["sign"]
    assert not any(allowed_commands({"state": "signed"}, "buyer").values())


# ---------------------------------------------------------------- real clients
async def test_three_rounds_one_side_offline_sign_export_verify(
    module_server: Any, buyer: Side, staff: Side, proxy: FaultProxy,
    memory_keyring: MemoryKeyring, tmp_path: Path,
) -> None:
    cid = int(staff.me["company_id"])
    await buyer.sync()
    await staff.sync()
    # bad input never reaches the outbox
    with pytest.raises(DealError, match="exactly one"):
        await buyer.svc.open_deal()
    did = await buyer.svc.open_deal(company_id=cid)
    d = await buyer.deal(did)
    assert d["deal"]["local"] and d["deal"]["state"] == "draft" and d["my_side"] == "buyer"
    assert d["can"]["offer"] and not d["can"]["accept"]
    with pytest.raises(DealError) as bad:
        await buyer.svc.offer(did, 1, terms(qty="0"))
    assert bad.value.problems[0][0] == "terms.items.0.quantity"
    # round 1: the buyer's offer goes in the same push as the open
    await buyer.svc.offer(did, 1, terms("10.00"))
    assert [i.type for i in await buyer.store.read(outbox.pending)] == ["deal.open", "deal.offer"]
    with pytest.raises(DealError, match="waiting to be sent"):
        await buyer.svc.withdraw(did, 1)
    await buyer.sync()
    await staff.sync()
    d = await staff.deal(did)
    assert (d["deal"]["state"], d["deal"]["version"], d["my_side"]) == ("offered", 2, "company")
    assert d["can"]["counter"] and d["can"]["accept"] and not d["can"]["withdraw"]
    assert d["deal"]["terms"]["totals"] == {"USD": "10000.00"}
    # round 2: the exhibitor counters
    with pytest.raises(DealError, match="changed meanwhile"):
        await staff.svc.counter(did, 1, terms("12.00"))
    await staff.svc.counter(did, 2, terms("12.00"))
    await staff.sync()
    await buyer.sync()
    d = await buyer.deal(did)
    assert (d["deal"]["state"], d["deal"]["version"], d["deal"]["offer_by"]) == \
        ("countered", 3, "company")
    # round 3, offline: the buyer's counter waits in the outbox until the link returns
    proxy.refuse = True
    proxy.drop_all()  # the open keep-alive connection too
    await buyer.svc.counter(did, 3, terms("11.00"))
    with pytest.raises(NetworkError):
        await buyer.sync(attempts=1)
    d = await buyer.deal(did)
    [waiting] = d["pending"]  # marked sent before the attempt: it may be on the server
    assert waiting["type"] == "deal.counter" and waiting["state"] in ("pending", "sent")
    assert not any(d["can"].values()) and d["deal"]["version"] == 3
    proxy.refuse = False
    await buyer.sync()
    d = await buyer.deal(did)
    assert d["pending"] == [] and d["deal"]["version"] == 4
    # the exhibitor accepts and signs; the buyer signs: signed
    await staff.sync()
    await staff.svc.accept(did, 4)
    await staff.sync()
    await staff.svc.sign(did)
    await staff.sync()
    await buyer.sync()
    d = await buyer.deal(did)
    assert d["deal"]["state"] == "accepted" and d["can"]["sign"]
    assert [s["side"] for s in d["deal"]["signatures"]] == ["company"]
    await buyer.svc.sign(did)
    assert [i.type for i in await buyer.store.read(outbox.pending)] == \
        ["key.register", "deal.sign"]
    await buyer.sync()
    await staff.sync()
    bd, sd = await buyer.deal(did), await staff.deal(did)
    assert bd["deal"] == sd["deal"] and bd["events"] == sd["events"]
    assert bd["deal"]["state"] == "signed" and bd["deal"]["version"] == 7
    assert [e["kind"] for e in bd["events"]] == \
        ["open", "offer", "counter", "counter", "accept", "sign", "sign"]
    assert not any(bd["can"].values())
    v = await verify_online(buyer, did)
    assert [s["valid"] for s in v["signatures"]] == [True, True]
    # the private keys live in the keyring (one per profile and user), the public ones
    # are registered and pulled back into the cache
    stored = {k[0] for k in memory_keyring.entries}
    assert {"FairDesk signing keys (buyer)", "FairDesk signing keys (staff)"} <= stored
    bkey = await buyer.keys.key_for(buyer.user_id)
    assert [k["fingerprint"] for k in await buyer.svc.signing_keys()] == [bkey.fingerprint]
    assert bd["deal"]["signatures"][0]["key_fingerprint"] == bkey.fingerprint
    assert KeyStore("buyer", module_server.url).key_for_sync(buyer.user_id).fingerprint == \
        bkey.fingerprint

    # the contract PDF: a standard extractor reads the terms and the hash; it verifies
    pdf = await buyer.svc.export_contract(did, tmp_path / "out" / "contract.pdf")
    text = "".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages)
    for needle in ("LED desk lamp", "1000 piece", "11 USD", "11000.00 USD", "FOB Ningbo",
                   "2099-03-01", "30% deposit", bd["deal"]["terms_hash"],
                   bd["deal"]["head_hash"], bkey.fingerprint):
        assert needle in text, needle
    check = verify_contract(pdf)
    assert check.valid and check.fully_signed, check.problems
    assert check.deal_id == did and check.terms_hash == bd["deal"]["terms_hash"]
    assert [s["side"] for s in check.signatures] == ["buyer", "company"]
    zh = await staff.svc.export_contract(did, tmp_path / "contract-zh.pdf", lang="zh_CN")
    assert "销售合同" in pypdf.PdfReader(zh).pages[0].extract_text()
    assert verify_contract(zh).valid
    assert_tampering_is_detected(pdf, tmp_path)


def assert_tampering_is_detected(pdf: Path, tmp_path: Path) -> None:
    data = pdf.read_bytes()

    def check(mutated: bytes, name: str) -> list[str]:
        p = tmp_path / f"tampered-{name}.pdf"
        p.write_bytes(mutated)
        got = verify_contract(p)
        assert not got.valid, name
        return got.problems

    # the embedded data: the price changed (same length, so the PDF stays readable)
    i = data.index(b'"unit_price":"11"')
    problems = check(data[:i] + b'"unit_price":"19"' + data[i + 17:], "data")
    assert "the terms do not match their hash" in problems
    # a signature byte
    j = data.index(b'"signature":"') + len(b'"signature":"') + 5
    flipped = b"A" if data[j:j + 1] != b"A" else b"B"
    problems = check(data[:j] + flipped + data[j + 1:], "signature")
    assert any("signature" in p for p in problems)
    # the visible text only: the total on the page
    k = data.index(b"(11000.00 USD) Tj")
    problems = check(data[:k] + b"(19000.00 USD) Tj" + data[k + 17:], "visible")
    assert problems == ["the visible text of the pages does not match the embedded deal data "
                        "(the file was altered after export)"]
    # not a contract at all
    assert check(b"%PDF-1.4\n%%EOF\n", "empty") == [
        "the file holds no FairDesk deal data (not exported by FairDesk, or damaged)"]
    assert not verify_contract(tmp_path / "missing.pdf").valid


async def test_staff_race_counter_against_accept_of_the_older_offer(
    module_server: Any, buyer: Side, staff: Side, memory_keyring: MemoryKeyring, tmp_path: Path,
) -> None:
    """At version 2 (the buyer's offer) staff A counters while staff B (a colleague, own
    device) accepts the same offer: exactly one applies, the other gets the rejection
    with the current deal; all three caches converge; never two outcomes."""
    cid = int(staff.me["company_id"])
    token_b = await register_staff(module_server.url, module_server.join_code(cid))
    colleague = await open_side(tmp_path / "staff-b.sqlite", module_server.url, token_b,
                                "staff-b")
    try:
        await buyer.sync()
        for i in range(4):
            did = await buyer.svc.open_deal(company_id=cid)
            await buyer.svc.offer(did, 1, terms(f"1{i}.00"))
            await buyer.sync()
            await asyncio.gather(staff.sync(), colleague.sync())
            await staff.svc.counter(did, 2, terms("15.00"))
            await colleague.svc.accept(did, 2)
            first, second = (staff, colleague) if i % 2 == 0 else (colleague, staff)
            if i < 2:
                await first.sync()
                await second.sync()
            else:
                await asyncio.gather(first.sync(), second.sync())
            a, b = await staff.deal(did), await colleague.deal(did)
            rejections = a["rejections"] + b["rejections"]
            assert len(rejections) == 1, (a["rejections"], b["rejections"])
            [rej] = rejections
            assert rej["code"] == "stale" and rej["made_on_version"] == 2
            assert "colleague" in rej["reason"], rej["reason"]
            # the loser already shows the winner's deal (from the rejection's result)
            assert a["deal"]["version"] == b["deal"]["version"] == 3
            assert a["deal"]["state"] == b["deal"]["state"] in ("countered", "accepted")
            await asyncio.gather(staff.sync(), colleague.sync(), buyer.sync())
            x, y, z = await staff.deal(did), await colleague.deal(did), await buyer.deal(did)
            assert x["deal"] == y["deal"] == z["deal"] and x["events"] == z["events"]
            assert await accept_events(buyer, did) == (1 if z["deal"]["state"] == "accepted" else 0)
            await verify_online(buyer, did)
            loser = staff if a["rejections"] else colleague
            await loser.svc.dismiss_rejection(rej["seq"])
            assert (await loser.deal(did))["rejections"] == []
    finally:
        await colleague.close()


async def test_commands_refused_locally(buyer: Side, staff: Side) -> None:
    cid = int(staff.me["company_id"])
    await buyer.sync()
    did = await buyer.svc.open_deal(company_id=cid)
    with pytest.raises(DealError, match="cannot accept"):
        await buyer.svc.accept(did, 1)
    with pytest.raises(DealError, match="no deal"):
        await buyer.svc.accept(str(uuid.uuid4()), 1)
    with pytest.raises(DealError, match="base_version"):
        await buyer.svc.accept(did, 0)
    with pytest.raises(DealError, match="cannot sign"):
        await buyer.svc.sign(did)
    with pytest.raises(DealError, match="no terms"):
        await buyer.svc.export_contract(did, "/nonexistent/x.pdf")
    await buyer.svc.withdraw(did, 1)
    await buyer.sync()
    d = await buyer.deal(did)
    assert d["deal"]["state"] == "withdrawn" and not any(d["can"].values())
    assert await buyer.store.read(outbox.counts) == {"pending": 0, "sent": 0, "applied": 2,
                                                     "rejected": 0}


def test_keys_without_a_keyring_live_for_the_session(monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring.backends.fail

    before = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        ks = KeyStore("p", "http://127.0.0.1:1")
        assert not ks.persistent and "session" in ks.message
        k1 = ks.key_for_sync(5)
        assert ks.key_for_sync(5) is k1 and repr(k1) == f"SigningKey(fingerprint={k1.fingerprint!r})"
        assert KeyStore("p", "http://127.0.0.1:1").key_for_sync(5).fingerprint != k1.fingerprint
    finally:
        keyring.set_keyring(before)
    # an unreadable stored key is replaced (and the user told)
    kr = MemoryKeyring()
    keyring.set_keyring(kr)
    try:
        kr.set_password("FairDesk signing keys (p)", "5@http://127.0.0.1:1", "not base64!")
        ks = KeyStore("p", "http://127.0.0.1:1")
        k = ks.key_for_sync(5)
        assert "new key" in ks.message and k.verify(b"m", k.sign(b"m"))
        assert KeyStore("p", "http://127.0.0.1:1").key_for_sync(5).fingerprint == k.fingerprint
    finally:
        keyring.set_keyring(before)


# ---------------------------------------------------------------- contract (offline)
def offline_signed_deal() -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """A signed deal built by the protocol's rules (no server): for contract tests."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from app.deals import GENESIS, event_hash, signing_message
    from app.keys import SigningKey

    did = str(uuid.uuid4())
    t = normalise_terms(terms("9.50", notes="感谢 thanks", items=[
        {"description": "保温杯 Thermos 500 ml", "spec_notes": "logo", "quantity": "1000",
         "unit": "piece", "unit_price": "9.50", "currency": "USD"},
        {"description": "Gift box", "quantity": "1000", "unit": "piece", "unit_price": "30",
         "currency": "JPY"}]))
    th = terms_hash(t)
    keys = {"buyer": SigningKey(Ed25519PrivateKey.generate()),
            "company": SigningKey(Ed25519PrivateKey.generate())}
    sigs = {side: k.sign(signing_message(did, th)) for side, k in keys.items()}
    events: list[dict[str, Any]] = []
    prev = GENESIS
    plan = [("open", "buyer", None), ("offer", "buyer", t), ("accept", "company", {"terms_hash": th})]
    plan += [("sign", side, {"terms_hash": th, "key_fingerprint": keys[side].fingerprint,
                             "signature": sigs[side]}) for side in ("buyer", "company")]
    for n, (kind, side, payload) in enumerate(plan, 1):
        uid = 5 if side == "buyer" else 9
        created = f"2026-11-22T05:0{n}:00.000Z"
        h = event_hash(prev, did, n, kind, {"side": side, "user_id": uid}, payload, created)
        events.append({"id": f"{did}:{n}", "deal_id": did, "n": n, "kind": kind,
                       "actor": {"side": side, "user_id": uid, "name": "Ana" if uid == 5 else "李"},
                       "version": n, "terms": payload, "created_at": created, "prev_hash": prev,
                       "hash": h})
        prev = h
    deal = {"id": did, "buyer_user_id": 5, "buyer_name": "Ana", "company_id": 9,
            "company_name": "Ningbo Cups 宁波", "company_is_demo": False, "state": "signed",
            "version": 5, "terms": t, "terms_hash": th, "head_hash": prev, "event_count": 5,
            "updated_at": "2026-11-22T05:05:00.000Z",
            "signatures": [{"side": side, "user_id": 5 if side == "buyer" else 9, "name": side,
                            "key_fingerprint": keys[side].fingerprint,
                            "public_key": keys[side].public_key_b64, "signature": sigs[side],
                            "terms_hash": th, "signed_at": "2026-11-22T05:05:00.000Z"}
                           for side in ("buyer", "company")]}
    return deal, events


def test_contract_verifies_and_no_tampering_crashes_it(tmp_path: Path) -> None:
    from app.contract import export_contract_pdf

    deal, events = offline_signed_deal()
    pdf = export_contract_pdf(deal, events, tmp_path / "c.pdf")
    check = verify_contract(pdf)
    assert check.valid and check.fully_signed, check.problems
    assert "9.5 USD" in pypdf.PdfReader(pdf).pages[0].extract_text()
    data = pdf.read_bytes()
    start = data.index(b'{"deal":')
    end = data.index(b"endstream", start)
    rng = random.Random(21)
    for _ in range(25):
        # any byte of the embedded data changed: never valid (its SHA-256 is on the page)
        i = rng.randrange(start, end - 1)
        new = bytes([data[i] ^ (1 << rng.randrange(7))])
        bad = tmp_path / "bad.pdf"
        bad.write_bytes(data[:i] + new + data[i + 1:])
        got = verify_contract(bad)
        assert not got.valid and got.problems, (i, data[i - 20:i + 20])
        # any byte of the file changed: a result, never an exception
        j = rng.randrange(len(data))
        bad.write_bytes(data[:j] + bytes([rng.randrange(256)]) + data[j + 1:])
        assert isinstance(verify_contract(bad).problems, list)
    # a deal only marked signed, without the signatures, is not a signed contract
    unsigned = {**deal, "signatures": []}
    got = verify_contract(export_contract_pdf(unsigned, events, tmp_path / "u.pdf"))
    assert not got.valid and not got.fully_signed
    assert "the deal is marked signed but does not carry both valid signatures" in got.problems


async def test_offline_service_signs_only_the_accepted_terms(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    """No engine (offline): writes go to the store. The terms' hash is recomputed before
    signing; terms that do not match the deal's terms_hash are never signed."""
    from offline_cache import syncstate

    deal, events = offline_signed_deal()
    accepted = {**deal, "state": "accepted", "version": 3, "event_count": 3,
                "head_hash": events[2]["hash"], "signatures": []}
    tampered_id = str(uuid.uuid4())
    tampered = {**accepted, "id": tampered_id,
                "terms": {**accepted["terms"], "incoterm": "EXW"}}
    profile = {"user_id": 5, "display_name": "Ana", "email": "a@x", "role": "buyer",
               "company_id": None, "company": "", "country": "ES", "interests": [],
               "annual_volume": "", "version": 1}
    store = await Store.open(tmp_path / "offline.sqlite")
    try:
        await store.write(syncstate.track_scope, "me")
        await store.write(syncstate.apply_page, "me", [
            {"entity": "profile", "op": "upsert", "id": 5, "data": profile},
            {"entity": "deal", "op": "upsert", "id": deal["id"], "data": accepted},
            {"entity": "deal", "op": "upsert", "id": tampered_id, "data": tampered},
        ] + [{"entity": "deal_event", "op": "upsert", "id": e["id"], "data": e}
             for e in events[:3]], "m1")
        svc = DealService(store, None, KeyStore("offline", "http://127.0.0.1:9"))
        with pytest.raises(DealError, match="do not match"):
            await svc.sign(tampered_id)
        await svc.sign(deal["id"])
        items = await store.read(outbox.pending)
        assert [i.type for i in items] == ["key.register", "deal.sign"]
        sign = items[1].args
        assert sign["terms_hash"] == deal["terms_hash"] and sign["base_version"] == 3
        from app.deals import signing_message
        from app.keys import verify_signature

        assert verify_signature(items[0].args["public_key"],
                                signing_message(deal["id"], deal["terms_hash"]),
                                sign["signature"])
        d = await svc.deal(deal["id"])
        assert d is not None and not any(d["can"].values())  # the signature waits
        with pytest.raises(DealError, match="waiting to be sent"):
            await svc.sign(deal["id"])
    finally:
        await store.close()


async def test_offline_accept_loses_to_a_withdrawal_and_says_why(
    buyer: Side, staff: Side, proxy: FaultProxy
) -> None:
    """The buyer accepts the exhibitor's counter offline; meanwhile the exhibitor
    withdraws it. When the link returns the accept is rejected as stale, the buyer sees
    why and the current (withdrawn) deal at once; nothing was accepted."""
    cid = int(staff.me["company_id"])
    await buyer.sync()
    did = await buyer.svc.open_deal(company_id=cid)
    await buyer.svc.offer(did, 1, terms("8.00"))
    await buyer.sync()
    await staff.sync()
    await staff.svc.counter(did, 2, terms("8.80"))
    await staff.sync()
    await buyer.sync()
    proxy.refuse = True
    proxy.drop_all()
    await buyer.svc.accept(did, 3)
    await staff.svc.withdraw(did, 3)
    await staff.sync()
    proxy.refuse = False
    await buyer.sync()
    d = await buyer.deal(did)
    [rej] = d["rejections"]
    assert rej["type"] == "deal.accept" and rej["code"] == "stale"
    assert rej["reason"].startswith("the other side withdrew the offer first"), rej["reason"]
    assert d["deal"]["state"] == "withdrawn" and d["deal"]["version"] == 4
    assert [e["kind"] for e in d["events"]] == ["open", "offer", "counter", "withdraw"]
    assert await accept_events(buyer, did) == 0
    await buyer.svc.dismiss_rejection(rej["seq"])
    assert (await buyer.deal(did))["rejections"] == []
