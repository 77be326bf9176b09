"""The exhibitor's workspace, server side: view counting, daily figures and leads
(docs/protocol.md §9).

* Push mutation ``view.record {kind: booth|product, id, at}``: a buyer's view of a booth
  or product, counted once per buyer, entity and UTC day (``view_marks``).
* Daily figures per company (``figures_days``; entity ``figures_day`` in ``company:<id>``,
  id = the day): booth visits and product views (incremented by counted views), and
  inquiries, deals, grants and card requests (recounted from their tables for the day of
  the event whenever a mutation that makes one is applied; :func:`_after_apply`).
* Leads (``leads``; entity ``lead`` in ``company:<id>``, id = the buyer's user id): one
  row per buyer who authorized the company, messaged it or has a deal with it, and whom
  the company may see (§7); kept current by the same hook, tombstoned when the company
  may no longer see the buyer.
* ``GET /v1/companies/{id}/figures?from=&to=`` for the company's staff (:data:`router`).
* :func:`seed_demo_history`: deterministic figures of the last 30 days for the demo fair.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Annotated, Any

import orjson
import sqlalchemy as sa
from fastapi import APIRouter, Path, Query, Request
from orjson import Fragment
from pydantic import Field, StrictInt, StrictStr
from sqlalchemy.engine import Connection
from starlette.responses import Response

from server import db, mutations
from server.auth import Creds, require_user, token_of
from server.deals_schema import deals
from server.mutations import MutationContext, Rejected, _parse, _Strict, mutation
from server.problems import ProblemError
from server.social_schema import buyer_links, card_requests, conversations, grant_events, messages
from server.state import get_state, json_response, run_sync
from server.workspace_schema import figures_days, leads, product_view_days, view_marks

Change = tuple[int, bytes]
Source = Callable[[Connection, int, int, bool, int], list[Change]]

COUNT_WINDOW_DAYS = 30  # views older than this are not counted
FUTURE_SLACK = timedelta(hours=24)  # client clocks may run ahead a little
TOP_PER_DAY = 5
TOP_RANGE = 10
MAX_RANGE_DAYS = 366
DEFAULT_RANGE_DAYS = 30
FIGURES = ("booth_visits", "product_views", "inquiries", "deals", "grants", "card_requests")
#: Mutations after which the day's recounted figures and the leads may change.
COUNTED_TYPES = frozenset({"message.send", "deal.open", "card.request", "grant.set", "grant.revoke"})
LEAD_PREFIXES = ("grant.", "message.", "deal.", "card.request")

AT_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?Z$")
DAY_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def _co(cid: int) -> str:
    return f"company:{cid}"


def _day_of(iso: str) -> str:
    return iso[:10]


def _day_bounds(day: str) -> tuple[str, str]:
    """[start, end) ISO text bounds of a UTC day (timestamps are ``...Z`` text)."""
    d = date.fromisoformat(day)
    return f"{d.isoformat()}T00:00:00", f"{(d + timedelta(days=1)).isoformat()}T00:00:00"


# =========================================================================== figures rows

def _figures_row(conn: Connection, cid: int, day: str) -> Any:
    f = figures_days.c
    return conn.execute(
        sa.select(*(f[k] for k in FIGURES), f.top_products).where(f.company_id == cid, f.day == day)
    ).first()


def _top_products(conn: Connection, cid: int, day: str) -> str:
    v = product_view_days.c
    rows = conn.execute(
        sa.select(v.product_id, v.views).where(v.company_id == cid, v.day == day)
        .order_by(v.views.desc(), v.product_id).limit(TOP_PER_DAY)
    ).all()
    return orjson.dumps([{"product_id": int(p), "views": int(n)} for p, n in rows]).decode()


def _write_figures(ctx_conn: Connection, seq: Callable[[], int], now: str, cid: int, day: str,
                   values: dict[str, Any]) -> bool:
    """Upsert the (company, day) row with ``values`` when they differ; True if written."""
    cur = _figures_row(ctx_conn, cid, day)
    if cur is not None and all(cur._mapping[k] == v for k, v in values.items()):
        return False
    f = figures_days
    if cur is None:
        row = {k: 0 for k in FIGURES} | {"top_products": "[]"} | values
        ctx_conn.execute(f.insert().values(company_id=cid, day=day, updated_at=now, seq=seq(), **row))
    else:
        ctx_conn.execute(
            sa.update(f).where(f.c.company_id == cid, f.c.day == day)
            .values(updated_at=now, seq=seq(), **values)
        )
    return True


def recount(conn: Connection, cid: int, day: str) -> dict[str, int]:
    """Inquiries, deals, grants and card requests of ``cid`` on ``day``, from their tables."""
    lo, hi = _day_bounds(day)
    c, d, g, r = conversations.c, deals.c, grant_events.c, card_requests.c

    def count(q: sa.Select[Any]) -> int:
        return int(conn.execute(q).scalar() or 0)

    return {
        "inquiries": count(sa.select(sa.func.count()).select_from(conversations).where(
            c.company_id == cid, c.started_by == "buyer", c.created_at >= lo, c.created_at < hi)),
        "deals": count(sa.select(sa.func.count()).select_from(deals).where(
            d.company_id == cid, d.created_at >= lo, d.created_at < hi)),
        "grants": count(sa.select(sa.func.count(sa.distinct(g.buyer_user_id))).where(
            g.company_id == cid, g.action == "set", g.at >= lo, g.at < hi)),
        "card_requests": count(sa.select(sa.func.count()).select_from(card_requests).where(
            r.company_id == cid, r.from_company_id.is_(None), r.created_at >= lo, r.created_at < hi)),
    }


# =========================================================================== view.record

class ViewArgs(_Strict):
    kind: Annotated[StrictStr, Field(pattern=r"^(booth|product)$")]
    id: Annotated[StrictInt, Field(ge=1, le=2**62)]
    at: StrictStr


def _not_counted(kind: str, ident: int, day: str | None, why: str) -> dict[str, Any]:
    return {"id": f"view:{kind}:{ident}", "counted": False, "day": day, "why": why}


@mutation("view.record")
def view_record(ctx: MutationContext, args: dict[str, Any]) -> Any:
    a: ViewArgs = _parse(ViewArgs, args)
    conn = ctx.conn
    if not AT_RE.match(a.at):
        raise Rejected("invalid-value", "at: must be a UTC time YYYY-MM-DDTHH:MM:SSZ")
    try:
        at = datetime.strptime(a.at[:19], "%Y-%m-%dT%H:%M:%S").replace(tzinfo=UTC)
    except ValueError:
        raise Rejected("invalid-value", f"at: {a.at!r} is not a valid time") from None
    if a.kind == "booth":
        owner = conn.execute(sa.select(db.companies.c.id).where(db.companies.c.id == a.id)).scalar()
    else:
        owner = conn.execute(sa.select(db.products.c.company_id).where(db.products.c.id == a.id)).scalar()
    if owner is None:
        raise Rejected("not-found", f"{'company' if a.kind == 'booth' else 'product'} {a.id} does not exist")
    cid = int(owner)
    day = at.date().isoformat()
    now = datetime.strptime(ctx.now[:19], "%Y-%m-%dT%H:%M:%S").replace(tzinfo=UTC)
    if ctx.user.role != "buyer":
        return _not_counted(a.kind, a.id, day, "only buyers' views are counted")
    if at > now + FUTURE_SLACK:
        return _not_counted(a.kind, a.id, day, "the view is in the future")
    if at.date() < (now - timedelta(days=COUNT_WINDOW_DAYS)).date():
        return _not_counted(a.kind, a.id, day, f"views older than {COUNT_WINDOW_DAYS} days are not counted")
    vm = view_marks.c
    seen = conn.execute(sa.select(vm.day).where(
        vm.user_id == ctx.user.id, vm.kind == a.kind, vm.entity_id == a.id, vm.day == day)).first()
    if seen is not None:
        return _not_counted(a.kind, a.id, day, "already counted for this buyer today")
    conn.execute(view_marks.insert().values(
        user_id=ctx.user.id, kind=a.kind, entity_id=a.id, day=day, company_id=cid))
    cur = _figures_row(conn, cid, day)
    values: dict[str, Any] = {}
    if a.kind == "booth":
        values["booth_visits"] = (int(cur.booth_visits) if cur is not None else 0) + 1
    else:
        v = product_view_days
        updated = conn.execute(sa.update(v).where(
            v.c.company_id == cid, v.c.day == day, v.c.product_id == a.id).values(views=v.c.views + 1))
        if updated.rowcount == 0:
            conn.execute(v.insert().values(company_id=cid, day=day, product_id=a.id, views=1))
        values["product_views"] = (int(cur.product_views) if cur is not None else 0) + 1
        values["top_products"] = _top_products(conn, cid, day)
    if cur is None:  # a new day: its recounted figures too
        values |= recount(conn, cid, day)
    _write_figures(conn, ctx.seq, ctx.now, cid, day, values)
    ctx.touched.add(_co(cid))
    return {"id": f"view:{a.kind}:{a.id}", "counted": True, "day": day}


# =========================================================================== leads

def refresh_lead(conn: Connection, seq: Callable[[], int], cid: int, buyer_id: int) -> bool:
    """Bring the lead of (``cid``, ``buyer_id``) up to date; True when it changed."""
    bl = buyer_links.c
    link = conn.execute(
        sa.select(bl.authorized, bl.contacted).where(bl.company_id == cid, bl.buyer_user_id == buyer_id)
    ).first()
    m, d, g, c = messages.c, deals.c, grant_events.c, conversations.c
    conv = conn.execute(sa.select(c.id).where(c.buyer_user_id == buyer_id, c.company_id == cid)).scalar()
    msg: Any = (0, None, None)
    if conv is not None:
        msg = conn.execute(
            sa.select(sa.func.count(), sa.func.min(m.created_at), sa.func.max(m.created_at)).where(
                m.conversation_id == conv, m.sender_side == "buyer")
        ).one()
    dl = conn.execute(
        sa.select(sa.func.count(), sa.func.min(d.created_at), sa.func.max(d.updated_at)).where(
            d.company_id == cid, d.buyer_user_id == buyer_id)
    ).one()
    authorized = bool(link is not None and link.authorized)
    visible = link is not None and bool(link.authorized or link.contacted)
    firsts, lasts = [msg[1], dl[1]], [msg[2], dl[2]]
    if authorized:
        gr = conn.execute(
            sa.select(sa.func.min(g.at), sa.func.max(g.at)).where(
                g.company_id == cid, g.buyer_user_id == buyer_id, g.action == "set")
        ).one()
        firsts.append(gr[0])
        lasts.append(gr[1])
    messaged, has_deal = int(msg[0]) > 0, int(dl[0]) > 0
    is_lead = visible and (authorized or messaged or has_deal)
    lc = leads.c
    cur = conn.execute(
        sa.select(lc.authorized, lc.messaged, lc.deal, lc.deal_count, lc.message_count,
                  lc.first_contact_at, lc.last_contact_at)
        .where(lc.company_id == cid, lc.buyer_user_id == buyer_id)
    ).first()
    if not is_lead:
        if cur is None:
            return False
        conn.execute(sa.delete(leads).where(lc.company_id == cid, lc.buyer_user_id == buyer_id))
        db.add_tombstone(conn, _co(cid), "lead", buyer_id, seq())
        return True
    values: dict[str, Any] = {
        "authorized": authorized, "messaged": messaged, "deal": has_deal,
        "deal_count": int(dl[0]), "message_count": int(msg[0]),
        "first_contact_at": min((x for x in firsts if x), default=None),
        "last_contact_at": max((x for x in lasts if x), default=None),
    }
    if cur is not None and all(
        (bool(cur._mapping[k]) if isinstance(v, bool) else cur._mapping[k]) == v for k, v in values.items()
    ):
        return False
    if cur is None:
        conn.execute(leads.insert().values(company_id=cid, buyer_user_id=buyer_id, seq=seq(), **values))
        db.clear_tombstone(conn, _co(cid), "lead", buyer_id)
    else:
        conn.execute(sa.update(leads).where(lc.company_id == cid, lc.buyer_user_id == buyer_id)
                     .values(seq=seq(), **values))
    return True


def _after_apply(ctx: MutationContext, type_: str) -> None:
    """Keep figures and leads current after a mutation (inside its savepoint)."""
    counted = type_ in COUNTED_TYPES
    lead = type_.startswith(LEAD_PREFIXES)
    if not (counted or lead):
        return
    cids = sorted({int(s[8:]) for s in ctx.touched if s.startswith("company:")})
    if not cids:
        return
    uids = {int(s[3:]) for s in ctx.touched if s.startswith("me:")}
    if ctx.user.role == "buyer":
        uids.add(ctx.user.id)
    u = db.users.c
    buyers = sorted(int(x) for x in ctx.conn.execute(
        sa.select(u.id).where(u.id.in_(uids), u.role == "buyer")).scalars()) if uids else []
    day = _day_of(ctx.now)
    for cid in cids:
        if counted and _write_figures(ctx.conn, ctx.seq, ctx.now, cid, day, recount(ctx.conn, cid, day)):
            ctx.touched.add(_co(cid))
        if lead:
            for bid in buyers:
                if refresh_lead(ctx.conn, ctx.seq, cid, bid):
                    ctx.touched.add(_co(cid))


mutations.AFTER_APPLY.append(_after_apply)


def backfill(conn: Connection) -> tuple[int, int]:
    """Derive leads and the recounted daily figures from existing records (migration 5
    on a database that already has grants, chats and deals); returns (leads, days)."""
    def seq() -> int:
        return db.next_seq(conn)

    bl = buyer_links.c
    n_leads = 0
    for cid, bid in conn.execute(sa.select(bl.company_id, bl.buyer_user_id).order_by(bl.company_id, bl.buyer_user_id)).all():
        n_leads += refresh_lead(conn, seq, int(cid), int(bid))
    c, d, g, r = conversations.c, deals.c, grant_events.c, card_requests.c
    days: set[tuple[int, str]] = set()
    for q in (
        sa.select(c.company_id, sa.func.substr(c.created_at, 1, 10)).where(c.started_by == "buyer"),
        sa.select(d.company_id, sa.func.substr(d.created_at, 1, 10)),
        sa.select(g.company_id, sa.func.substr(g.at, 1, 10)).where(g.action == "set"),
        sa.select(r.company_id, sa.func.substr(r.created_at, 1, 10)).where(r.from_company_id.is_(None)),
    ):
        days.update((int(cid), str(day)) for cid, day in conn.execute(q.distinct()))
    now = db.now_iso()
    n_days = sum(_write_figures(conn, seq, now, cid, day, recount(conn, cid, day)) for cid, day in sorted(days))
    return n_leads, n_days


# =========================================================================== wire + sources

def figures_day_wire(m: Any) -> dict[str, Any]:
    """figures_day {id: day, company_id, day, booth_visits, product_views, inquiries, deals,
    grants, card_requests, top_products: [{product_id, views}], updated_at}"""
    out: dict[str, Any] = {"id": m["day"], "company_id": m["company_id"], "day": m["day"]}
    for k in FIGURES:
        out[k] = int(m[k])
    out["top_products"] = Fragment(m["top_products"] or "[]")
    out["updated_at"] = m["updated_at"]
    return out


def lead_wire(m: Any) -> dict[str, Any]:
    """lead {id: buyer user id, user_id, company_id, sources: [authorized|messaged|deal],
    authorized, messaged, deal, message_count, deal_count, first_contact_at, last_contact_at,
    display_name, company, country, limited, email, interests, annual_volume}"""
    authorized = bool(m["authorized"])
    sources = [k for k in ("authorized", "messaged", "deal") if m[k]]
    interests: Any = None
    if authorized:
        try:
            interests = orjson.loads(m["interests"] or "[]")
        except orjson.JSONDecodeError:
            interests = []
    return {
        "id": m["buyer_user_id"], "user_id": m["buyer_user_id"], "company_id": m["company_id"],
        "sources": sources, "authorized": authorized, "messaged": bool(m["messaged"]),
        "deal": bool(m["deal"]), "message_count": int(m["message_count"]),
        "deal_count": int(m["deal_count"]),
        "first_contact_at": m["first_contact_at"], "last_contact_at": m["last_contact_at"],
        "display_name": m["display_name"], "company": m["company"], "country": m["country"],
        "limited": not authorized,
        "email": m["email"] if authorized else None,
        "interests": interests,
        "annual_volume": m["annual_volume"] if authorized else None,
    }


def _source(entity: str, build: Callable[[Connection], tuple[sa.Select[Any], Any]],
            to_wire: Callable[[Any], dict[str, Any]]) -> Source:
    def fetch(conn: Connection, after: int, n: int, initial: bool, floor: int) -> list[Change]:
        q, seq_expr = build(conn)
        q = q.add_columns(seq_expr.label("_seq")).where(seq_expr > after).order_by(seq_expr).limit(n)
        out: list[Change] = []
        for row in conn.execute(q):
            data = to_wire(row._mapping)
            out.append((int(row._mapping["_seq"]), orjson.dumps(
                {"entity": entity, "op": "upsert", "id": data["id"], "data": data})))
        return out

    return fetch


def _figures_source(cid: int) -> Source:
    f = figures_days.c

    def build(conn: Connection) -> tuple[sa.Select[Any], Any]:
        return sa.select(f.company_id, f.day, *(f[k] for k in FIGURES), f.top_products,
                         f.updated_at).where(f.company_id == cid), f.seq

    return _source("figures_day", build, figures_day_wire)


def _leads_source(cid: int) -> Source:
    lc, u = leads.c, db.users.c

    def build(conn: Connection) -> tuple[sa.Select[Any], Any]:
        greatest = sa.func.max if conn.dialect.name == "sqlite" else sa.func.greatest
        q = (
            sa.select(lc.company_id, lc.buyer_user_id, lc.authorized, lc.messaged, lc.deal,
                      lc.message_count, lc.deal_count, lc.first_contact_at, lc.last_contact_at,
                      u.display_name, u.company, u.country, u.email, u.interests, u.annual_volume)
            .select_from(leads.join(db.users, u.id == lc.buyer_user_id))
            .where(lc.company_id == cid)
        )
        return q, greatest(lc.seq, u.seq)

    return _source("lead", build, lead_wire)


def company_sources(cid: int) -> list[Source]:
    """Sources of a ``company:<id>`` scope: ``figures_day`` and ``lead``."""
    return [_figures_source(cid), _leads_source(cid)]


# =========================================================================== figures read

def _parse_day(value: str | None, name: str, default: date) -> date:
    if value is None or value == "":
        return default
    if not DAY_RE.match(value):
        raise ProblemError(400, "bad-request", f"{name}: must be a date YYYY-MM-DD, not {value[:40]!r}.",
                           errors=[{"loc": ["query", name], "msg": "not a date YYYY-MM-DD"}])
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ProblemError(400, "bad-request", f"{name}: {value!r} is not a valid date.",
                           errors=[{"loc": ["query", name], "msg": "not a valid date"}]) from None


def read_figures(state: Any, token: str | None, company_id: int, frm: str | None,
                 to: str | None) -> dict[str, Any]:
    """The company's daily figures from ``frm`` to ``to`` (inclusive, UTC days; default
    the last 30 days), their totals and the top products by views over the range."""
    today = datetime.now(UTC).date()
    end = _parse_day(to, "to", today)
    start = _parse_day(frm, "from", end - timedelta(days=DEFAULT_RANGE_DAYS - 1))
    if start > end:
        raise ProblemError(400, "bad-request", "from: must not be after to.",
                           errors=[{"loc": ["query", "from"], "msg": "after to"}])
    if (end - start).days + 1 > MAX_RANGE_DAYS:
        raise ProblemError(400, "bad-request", f"The range may span at most {MAX_RANGE_DAYS} days.",
                           errors=[{"loc": ["query", "from"], "msg": "range too long"}])
    with db.read_tx(state.engine) as conn:
        user = require_user(conn, token)
        co = conn.execute(sa.select(db.companies.c.id).where(db.companies.c.id == company_id)).first()
        if co is None:
            raise ProblemError(404, "not-found", f"There is no company {company_id}.")
        if user.role != "exhibitor" or user.company_id != company_id:
            raise ProblemError(403, "forbidden", "Only the company's staff may read its figures.")
        f = figures_days.c
        rows = {r.day: r for r in conn.execute(
            sa.select(f.day, *(f[k] for k in FIGURES), f.top_products).where(
                f.company_id == company_id, f.day >= start.isoformat(), f.day <= end.isoformat()))}
        v, p = product_view_days.c, db.products.c
        total_views = sa.func.sum(v.views).label("views")
        top = conn.execute(
            sa.select(v.product_id, total_views, p.name_en, p.name_zh)
            .select_from(product_view_days.outerjoin(db.products, p.id == v.product_id))
            .where(v.company_id == company_id, v.day >= start.isoformat(), v.day <= end.isoformat())
            .group_by(v.product_id, p.name_en, p.name_zh)
            .order_by(total_views.desc(), v.product_id).limit(TOP_RANGE)
        ).all()
    days: list[dict[str, Any]] = []
    totals = dict.fromkeys(FIGURES, 0)
    d = start
    while d <= end:
        key = d.isoformat()
        r = rows.get(key)
        item: dict[str, Any] = {"day": key}
        for k in FIGURES:
            item[k] = int(r._mapping[k]) if r is not None else 0
            totals[k] += item[k]
        item["top_products"] = orjson.loads(r.top_products or "[]") if r is not None else []
        days.append(item)
        d += timedelta(days=1)
    return {
        "company_id": company_id, "from": start.isoformat(), "to": end.isoformat(),
        "days": days, "totals": totals,
        "top_products": [
            {"product_id": int(t.product_id), "views": int(t.views),
             "name_en": t.name_en, "name_zh": t.name_zh}
            for t in top
        ],
    }


router = APIRouter()


@router.get("/v1/companies/{company_id}/figures", tags=["workspace"])
async def figures_route(
    request: Request,
    creds: Creds,
    company_id: Annotated[int, Path(ge=1, le=2**62)],
    frm: Annotated[str | None, Query(alias="from", max_length=40)] = None,
    to: Annotated[str | None, Query(max_length=40)] = None,
) -> Response:
    data = await run_sync(read_figures, get_state(request), token_of(creds), company_id, frm, to)
    return json_response(data)


# =========================================================================== demo history

DEMO_DAYS = 30


def seed_demo_history(conn: Connection, company_ids: list[int], today: date, seed: int = 2026) -> int:
    """Plausible, deterministic figures for the ``DEMO_DAYS`` days before ``today`` for
    each of ``company_ids`` (days that already have figures are left alone); returns the
    number of days written."""
    written = 0
    now = db.now_iso()
    p = db.products.c
    for cid in company_ids:
        rng = random.Random(f"{seed}:{cid}:figures")
        products = [int(x) for x in conn.execute(
            sa.select(p.id).where(p.company_id == cid, p.hidden.is_(False)).order_by(p.id).limit(12)).scalars()]
        weights = [1.0 / (i + 1) for i in range(len(products))]
        base = rng.uniform(18, 45)
        for back in range(DEMO_DAYS, 0, -1):
            day = (today - timedelta(days=back)).isoformat()
            if _figures_row(conn, cid, day) is not None:
                continue
            wd = (today - timedelta(days=back)).weekday()
            trend = 1.0 + (DEMO_DAYS - back) / DEMO_DAYS * 0.6  # the fair warms up
            factor = trend * (0.55 if wd >= 5 else 1.0) * rng.uniform(0.8, 1.2)
            booth = max(0, round(base * factor))
            views = round(booth * rng.uniform(2.0, 3.5)) if products else 0
            per = [0] * len(products)
            for _ in range(views):
                per[rng.choices(range(len(products)), weights)[0]] += 1
            for pid, n in zip(products, per, strict=True):
                if n:
                    conn.execute(product_view_days.insert().values(company_id=cid, day=day, product_id=pid, views=n))
            top = sorted(((n, pid) for pid, n in zip(products, per, strict=True) if n), key=lambda t: (-t[0], t[1]))
            values = {
                "booth_visits": booth,
                "product_views": views,
                "inquiries": min(booth, rng.randint(0, max(1, booth // 8))),
                "deals": rng.randint(0, 2) if rng.random() < 0.5 else 0,
                "grants": rng.randint(0, max(1, booth // 10)),
                "card_requests": rng.randint(0, max(1, booth // 12)),
                "top_products": orjson.dumps(
                    [{"product_id": pid, "views": n} for n, pid in top[:TOP_PER_DAY]]).decode(),
            }
            _write_figures(conn, lambda: db.next_seq(conn), now, cid, day, values)
            written += 1
    return written
