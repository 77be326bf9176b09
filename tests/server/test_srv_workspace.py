"""The exhibitor's workspace on the real server: view counting, daily figures, leads
(protocol §9)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from social_util import Actor
from srv_util import assert_problem, db_rows, pull


@pytest.fixture
def srv(module_server):
    return module_server


_next = [20]


def fresh_company(srv) -> int:
    """A company no other test of this module uses (and without demo staff accounts)."""
    rows = db_rows(srv.db_path, "SELECT id FROM companies ORDER BY id")
    cid: int = rows[_next[0]][0]
    _next[0] += 1
    return cid


def product_of(srv, cid: int, n: int = 0) -> int:
    return int(db_rows(srv.db_path, "SELECT id FROM products WHERE company_id = ? ORDER BY id", cid)[n][0])


def iso(dt: datetime) -> str:
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


def figures(actor: Actor, cid: int, **q: str) -> dict[str, Any]:
    r = actor.c.get(f"/v1/companies/{cid}/figures", params=q)
    assert r.status_code == 200, r.text
    out: dict[str, Any] = r.json()
    return out


def day_of(body: dict[str, Any], day: str) -> dict[str, Any]:
    return next(d for d in body["days"] if d["day"] == day)


def view(actor: Actor, kind: str, ident: int, at: str) -> dict[str, Any]:
    return actor.do("view.record", kind=kind, id=ident, at=at)


def test_views_are_counted_once_per_buyer_entity_and_day(srv):
    x = fresh_company(srv)
    p1, p2 = product_of(srv, x, 0), product_of(srv, x, 1)
    b1, b2, s = Actor(srv), Actor(srv), Actor(srv, "exhibitor", x)
    try:
        now = datetime.now(UTC)
        today, yesterday = now.date().isoformat(), (now - timedelta(days=1)).date().isoformat()
        assert view(b1, "booth", x, iso(now))["counted"] is True
        again = view(b1, "booth", x, iso(now))
        assert again["counted"] is False and "already" in again["why"]
        assert view(b1, "product", p1, iso(now))["counted"] is True
        assert view(b1, "product", p1, iso(now - timedelta(seconds=5)))["counted"] is False
        assert view(b1, "product", p2, iso(now))["counted"] is True
        assert view(b2, "product", p1, iso(now))["counted"] is True
        assert view(b2, "booth", x, iso(now))["counted"] is True
        # an offline batch from yesterday counts for yesterday, once
        res = b1.push_raw([("view.record", {"kind": "booth", "id": x, "at": iso(now - timedelta(days=1))}),
                           ("view.record", {"kind": "booth", "id": x, "at": iso(now - timedelta(days=1))})])
        assert [r["result"]["counted"] for r in res] == [True, False]
        # not counted: staff, too old, in the future
        assert view(s, "booth", x, iso(now))["counted"] is False
        assert view(b1, "booth", x, iso(now - timedelta(days=45)))["counted"] is False
        assert view(b1, "booth", x, iso(now + timedelta(days=3)))["counted"] is False
        # bad input: a clear rejection
        assert b1.rejected("view.record", kind="stand", id=x, at=iso(now)) == "invalid-value"
        assert b1.rejected("view.record", kind="booth", id=x, at="yesterday") == "invalid-value"
        assert b1.rejected("view.record", kind="booth", id=x, at="2026-02-30T10:00:00Z") == "invalid-value"
        assert b1.rejected("view.record", kind="booth", id=x) == "invalid-value"
        assert b1.rejected("view.record", kind="product", id=2**40, at=iso(now)) == "not-found"
        assert b1.rejected("view.record", kind="booth", id=2**40, at=iso(now)) == "not-found"

        body = figures(s, x, **{"from": yesterday, "to": today})
        assert [d["day"] for d in body["days"]] == [yesterday, today]
        t = day_of(body, today)
        assert (t["booth_visits"], t["product_views"]) == (2, 3)
        assert (day_of(body, yesterday)["booth_visits"], day_of(body, yesterday)["product_views"]) == (1, 0)
        assert body["totals"]["booth_visits"] == 3 and body["totals"]["product_views"] == 3
        assert [(p["product_id"], p["views"]) for p in body["top_products"]] == [(p1, 2), (p2, 1)]
        assert body["top_products"][0]["name_en"]
        assert t["top_products"] == [{"product_id": p1, "views": 2}, {"product_id": p2, "views": 1}]

        # the scope holds the same figures, one row per day
        rows = s.entities("figures_day", s.scope())
        assert set(rows) >= {today, yesterday}
        for day in (today, yesterday):
            for k in ("booth_visits", "product_views", "inquiries", "deals", "grants", "card_requests",
                      "top_products"):
                assert rows[day][k] == day_of(body, day)[k], (day, k)
        # a new view updates the day's row in place
        assert view(b2, "product", p2, iso(now))["counted"] is True
        changes = s.sync(s.scope())
        assert [(c["entity"], c["id"]) for c in changes] == [("figures_day", today)]
        assert changes[0]["data"]["product_views"] == 4
    finally:
        for a in (b1, b2, s):
            a.close()


def test_figures_are_for_the_company_staff_only(srv):
    x, y = fresh_company(srv), fresh_company(srv)
    b, s, o = Actor(srv), Actor(srv, "exhibitor", x), Actor(srv, "exhibitor", y)
    try:
        assert_problem(b.c.get(f"/v1/companies/{x}/figures"), 403, "forbidden")
        assert_problem(o.c.get(f"/v1/companies/{x}/figures"), 403, "forbidden")
        assert_problem(srv.client().get(f"/v1/companies/{x}/figures"), 401, "unauthenticated")
        assert_problem(s.c.get(f"/v1/companies/{2**40}/figures"), 404, "not-found")
        assert_problem(s.c.get(f"/v1/companies/{x}/figures", params={"from": "soon"}), 400, "bad-request")
        assert_problem(s.c.get(f"/v1/companies/{x}/figures", params={"to": "2026-13-01"}), 400, "bad-request")
        assert_problem(s.c.get(f"/v1/companies/{x}/figures", params={"from": "2026-05-02", "to": "2026-05-01"}),
                       400, "bad-request")
        assert_problem(s.c.get(f"/v1/companies/{x}/figures", params={"from": "2020-01-01", "to": "2026-05-01"}),
                       400, "bad-request")
        body = figures(s, x)  # default: the last 30 days, zeros filled in
        assert len(body["days"]) == 30 and body["to"] == datetime.now(UTC).date().isoformat()
        # the figures and leads in the scope: staff only
        assert pull(b.c, {s.scope(): None})[s.scope()]["error"]["code"] == "forbidden"
        assert pull(o.c, {s.scope(): None})[s.scope()]["error"]["code"] == "forbidden"
        # a view of x by a buyer changes nothing in y's scope
        o.sync(o.scope())
        assert view(b, "booth", x, iso(datetime.now(UTC)))["counted"] is True
        assert not [c for c in o.sync(o.scope()) if c["entity"] in ("figures_day", "lead")]
    finally:
        for a in (b, s, o):
            a.close()


def msg(actor: Actor, text: str, **target: Any) -> dict[str, Any]:
    return actor.do("message.send", client_msg_id=str(uuid.uuid4()), kind="text", text=text, **target)


def test_leads_follow_grants_messages_and_deals(srv):
    x = fresh_company(srv)
    b, s = Actor(srv), Actor(srv, "exhibitor", x)
    other = Actor(srv)
    try:
        today = datetime.now(UTC).date().isoformat()
        assert b.id not in s.entities("lead", s.scope())
        # a grant: a lead with the full profile
        b.do("grant.set", company_id=x)
        lead = s.entities("lead", s.scope())[b.id]
        assert lead["sources"] == ["authorized"] and lead["limited"] is False
        assert lead["email"] == b.user["email"] and lead["interests"] is not None
        assert lead["first_contact_at"] and lead["last_contact_at"]
        assert s.entities("figures_day", s.scope())[today]["grants"] == 1
        # revoked before any contact: the lead is gone (like the buyer entity, §7)
        b.do("grant.revoke", company_id=x)
        changes = s.sync(s.scope())
        assert {"entity": "lead", "op": "delete", "id": b.id} in changes
        assert b.id not in s.entities("lead", s.scope())
        # the buyer writes: a limited lead, and an inquiry
        msg(b, "Do you ship to Spain?", company_id=x)
        lead = s.entities("lead", s.scope())[b.id]
        assert lead["sources"] == ["messaged"] and lead["limited"] is True
        assert lead["email"] is None and lead["interests"] is None and lead["annual_volume"] is None
        assert lead["display_name"] == b.user["display_name"] and lead["message_count"] == 1
        # a staff reply is not the buyer messaging
        msg(s, "We do.", buyer_user_id=b.id)
        assert s.entities("lead", s.scope())[b.id]["message_count"] == 1
        # authorized again: full profile; revoked after contact: limited, not gone
        b.do("grant.set", company_id=x)
        lead = s.entities("lead", s.scope())[b.id]
        assert lead["sources"] == ["authorized", "messaged"] and lead["email"] == b.user["email"]
        b.do("grant.revoke", company_id=x)
        lead = s.entities("lead", s.scope())[b.id]
        assert lead["sources"] == ["messaged"] and lead["limited"] is True and lead["email"] is None
        # a deal
        b.do("deal.open", deal_id=str(uuid.uuid4()), company_id=x)
        lead = s.entities("lead", s.scope())[b.id]
        assert lead["sources"] == ["messaged", "deal"] and lead["deal_count"] == 1
        assert lead["last_contact_at"] >= lead["first_contact_at"]
        # profile edits reach the lead
        b.do("profile.update", display_name="Renamed Buyer")
        assert s.entities("lead", s.scope())[b.id]["display_name"] == "Renamed Buyer"
        # a deal opened by another buyer without any message
        other.do("deal.open", deal_id=str(uuid.uuid4()), company_id=x)
        lead2 = s.entities("lead", s.scope())[other.id]
        assert lead2["sources"] == ["deal"] and lead2["limited"] is True
        # the day's counts: one grant-giving buyer (twice) , one inquiry, two deals
        day = s.entities("figures_day", s.scope())[today]
        assert (day["grants"], day["inquiries"], day["deals"]) == (1, 1, 2)
        body = figures(s, x, **{"from": today, "to": today})
        for k in ("grants", "inquiries", "deals", "card_requests"):
            assert body["days"][0][k] == day[k]
        # a card request from the buyer is counted
        b.do("card.request", company_id=x)
        assert s.entities("figures_day", s.scope())[today]["card_requests"] == 1
    finally:
        for a in (b, s, other):
            a.close()


def test_demo_companies_have_a_month_of_figures(srv):
    cid = int(db_rows(srv.db_path, "SELECT company_id FROM users WHERE role = 'exhibitor' "
                                   "AND company_id IS NOT NULL ORDER BY id")[0][0])
    s = Actor(srv, "exhibitor", cid)
    try:
        today = datetime.now(UTC).date()
        body = figures(s, cid, **{"from": (today - timedelta(days=30)).isoformat(),
                                  "to": (today - timedelta(days=1)).isoformat()})
        past = body["days"]
        assert len(past) == 30
        seeded = [d for d in past if d["booth_visits"] > 0]
        assert len(seeded) >= 20, past
        assert all(d["product_views"] == sum(p["views"] for p in d["top_products"]) or len(d["top_products"]) == 5
                   for d in seeded)
        assert body["top_products"] and body["top_products"][0]["views"] >= body["top_products"][-1]["views"]
        rows = s.entities("figures_day", s.scope())
        for d in seeded:
            assert rows[d["day"]]["booth_visits"] == d["booth_visits"]
    finally:
        s.close()


def test_demo_history_is_deterministic(tmp_path):
    from datetime import date

    from server import db
    from server.workspace import seed_demo_history

    out = []
    for name in ("a.db", "b.db"):
        engine = db.open_db(tmp_path / name)
        try:
            with db.write_tx(engine) as conn:
                assert seed_demo_history(conn, [1, 2], date(2026, 11, 1)) == 60
                assert seed_demo_history(conn, [1, 2], date(2026, 11, 1)) == 0  # days kept
                out.append(conn.exec_driver_sql(
                    "SELECT company_id, day, booth_visits, product_views, inquiries, deals, grants, "
                    "card_requests, top_products FROM figures_days ORDER BY company_id, day").all())
        finally:
            engine.dispose()
    assert out[0] == out[1] and len(out[0]) == 60
    assert sum(r[2] for r in out[0]) > 0


def test_backfill_derives_the_same_leads_and_figures(srv, tmp_path):
    """Migration 5 on a database with earlier grants, chats and deals derives the same
    leads and recounted figures as the live hooks did."""
    import sqlite3

    from server import db
    from server.workspace import backfill

    x = fresh_company(srv)
    b1, b2, b3, s = Actor(srv), Actor(srv), Actor(srv), Actor(srv, "exhibitor", x)
    try:
        b1.do("grant.set", company_id=x)
        msg(b2, "Price for 500 pcs?", company_id=x)
        b3.do("deal.open", deal_id=str(uuid.uuid4()), company_id=x)
        b3.do("card.request", company_id=x)
        b2.do("grant.set", company_id=x)
        b2.do("grant.revoke", company_id=x)
    finally:
        for a in (b1, b2, b3, s):
            a.close()
    copy = tmp_path / "copy.db"
    src, dst = sqlite3.connect(srv.db_path), sqlite3.connect(copy)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    lead_sql = ("SELECT buyer_user_id, authorized, messaged, deal, deal_count, message_count, first_contact_at, "
                "last_contact_at FROM leads WHERE company_id = ? ORDER BY buyer_user_id")
    fig_sql = ("SELECT day, inquiries, deals, grants, card_requests FROM figures_days WHERE company_id = ? "
               "ORDER BY day")
    before_leads, before_figs = db_rows(copy, lead_sql, x), db_rows(copy, fig_sql, x)
    assert [r[0] for r in before_leads] == [b1.id, b2.id, b3.id]
    assert before_figs and before_figs[-1][1:] == (1, 1, 2, 1)
    # back to a version-4 database: the workspace tables and indexes are gone
    con = sqlite3.connect(copy)
    for t in ("leads", "figures_days", "product_view_days", "view_marks"):
        con.execute(f"DROP TABLE {t}")
    con.execute("DROP INDEX ix_grant_events_company_at")
    con.execute("DROP INDEX ix_deals_company_buyer")
    con.execute("DELETE FROM schema_version WHERE version >= 5")
    con.commit()
    con.close()
    db.open_db(copy).dispose()  # migration 5 (and the later ones again: harmless)
    assert db_rows(copy, "SELECT max(version) FROM schema_version") == [(db.SCHEMA_VERSION,)]
    assert db_rows(copy, lead_sql, x) == before_leads
    assert db_rows(copy, fig_sql, x) == before_figs
    # and backfill again finds nothing to change
    engine = db.open_db(copy)
    try:
        with db.write_tx(engine) as conn:
            assert backfill(conn) == (0, 0)
    finally:
        engine.dispose()
    assert db_rows(copy, lead_sql, x) == before_leads
    assert db_rows(copy, fig_sql, x) == before_figs
