"""Buyer authorization, business cards and chat (docs/protocol.md §7).

* Push mutations (registered in :data:`server.mutations.MUTATIONS`): ``grant.*``,
  ``card.*``, ``card_holder.*``, ``message.send``, ``conversation.read``,
  ``quick_reply.*``.
* Pull sources for the ``me`` and ``company:<id>`` scopes (:func:`me_sources`,
  :func:`company_sources`), used by :func:`server.sync.sources_for`.
* Online reads: ``GET /v1/conversations/{id}/messages``, ``GET /v1/buyers/{id}``,
  ``GET /v1/cards/{id}`` (:data:`router`).

The rules: a buyer may always contact a company (message it, ask for or send a card);
company staff may contact a buyer only while the buyer authorizes the company, or after
the buyer contacted it first.  ``buyer_links`` records both facts per (company, buyer).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Annotated, Any

import orjson
import sqlalchemy as sa
from fastapi import APIRouter, Path, Query, Request
from pydantic import Field, StrictBool, StrictInt, StrictStr
from sqlalchemy.engine import Connection
from starlette.responses import Response

from server import db, entities
from server.auth import EMAIL_RE, Creds, User, require_user, token_of
from server.mutations import MutationContext, Rejected, _parse, _Strict, mutation
from server.problems import ProblemError
from server.social_schema import (
    attachments,
    buyer_links,
    card_holdings,
    card_requests,
    cards,
    conversations,
    grant_events,
    grants,
    messages,
    quick_replies,
)
from server.state import get_state, json_response, run_sync

MAX_TEXT = 8000
PREVIEW_CHARS = 200

Id = Annotated[StrictInt, Field(ge=1, le=2**62)]
ClientMsgId = Annotated[StrictStr, Field(pattern=r"^[A-Za-z0-9_.:-]{1,100}$")]
Change = tuple[int, bytes]
Source = Callable[[Connection, int, int, bool, int], list[Change]]


# =========================================================================== helpers

def _me(uid: int) -> str:
    return f"me:{uid}"


def _co(cid: int) -> str:
    return f"company:{cid}"


def _company(conn: Connection, company_id: int) -> Any:
    c = db.companies.c
    return conn.execute(
        sa.select(c.id, c.name_en, c.country, c.is_demo).where(c.id == company_id)
    ).first()


def _user_row(conn: Connection, user_id: int) -> Any:
    u = db.users.c
    return conn.execute(
        sa.select(u.id, u.display_name, u.email, u.role, u.company_id, u.company, u.country)
        .where(u.id == user_id, u.disabled.is_(False))
    ).first()


def _require_buyer(user: User) -> None:
    if user.role != "buyer":
        raise Rejected("forbidden", "only buyers may do this")


def _require_staff(user: User) -> int:
    if user.role != "exhibitor" or user.company_id is None:
        raise Rejected("forbidden", "only exhibitor staff may do this")
    return user.company_id


def _link(conn: Connection, company_id: int, buyer_id: int) -> Any:
    bl = buyer_links.c
    return conn.execute(
        sa.select(bl.authorized, bl.contacted).where(bl.company_id == company_id, bl.buyer_user_id == buyer_id)
    ).first()


def may_contact(conn: Connection, company_id: int, buyer_id: int) -> bool:
    """May the staff of ``company_id`` contact (and see) ``buyer_id``?"""
    row = _link(conn, company_id, buyer_id)
    return row is not None and bool(row.authorized or row.contacted)


def _set_link(
    ctx: MutationContext, company_id: int, buyer_id: int,
    authorized: bool | None = None, contacted: bool | None = None,
) -> None:
    """Change what ``company_id`` may know of ``buyer_id``; emits the ``buyer`` upsert
    or, when it no longer may know anything, its tombstone in the company scope."""
    conn = ctx.conn
    bl = buyer_links
    row = _link(conn, company_id, buyer_id)
    old_auth = bool(row.authorized) if row is not None else False
    old_cont = bool(row.contacted) if row is not None else False
    new_auth = old_auth if authorized is None else authorized
    new_cont = old_cont if contacted is None else contacted
    if row is not None and (new_auth, new_cont) == (old_auth, old_cont):
        return
    values: dict[str, Any] = {"authorized": new_auth, "contacted": new_cont, "seq": ctx.seq()}
    if new_auth and not old_auth:
        values["authorized_at"] = ctx.now
    if new_cont and not old_cont:
        values["contacted_at"] = ctx.now
    if row is None:
        conn.execute(bl.insert().values(company_id=company_id, buyer_user_id=buyer_id, **values))
    else:
        conn.execute(
            sa.update(bl)
            .where(bl.c.company_id == company_id, bl.c.buyer_user_id == buyer_id)
            .values(**values)
        )
    if new_auth or new_cont:
        db.clear_tombstone(conn, _co(company_id), "buyer", buyer_id)
    elif old_auth or old_cont:
        db.add_tombstone(conn, _co(company_id), "buyer", buyer_id, ctx.seq())
    ctx.touched.add(_co(company_id))


def _check_text(value: str, field: str) -> str:
    if "\x00" in value:
        raise Rejected("invalid-value", f"{field}: must not contain NUL characters")
    return value


# =========================================================================== grants

class GrantArgs(_Strict):
    company_id: Id
    base_version: Annotated[StrictInt, Field(ge=0, le=2**62)] | None = None


def _grant_row(conn: Connection, buyer_id: int, company_id: int) -> Any:
    g = grants.c
    return conn.execute(
        sa.select(g.status, g.version).where(g.buyer_user_id == buyer_id, g.company_id == company_id)
    ).first()


def _grant_result(company_id: int, status: str, version: int) -> dict[str, Any]:
    return {"id": f"grant:{company_id}", "company_id": company_id, "status": status, "version": version}


def _write_grant(ctx: MutationContext, company_id: int, status: str, current: Any) -> int:
    conn = ctx.conn
    g = grants
    conn.execute(grant_events.insert().values(
        buyer_user_id=ctx.user.id, company_id=company_id,
        action="set" if status == "granted" else "revoke", at=ctx.now,
    ))
    stamp = {"granted_at": ctx.now} if status == "granted" else {"revoked_at": ctx.now}
    if current is None:
        conn.execute(g.insert().values(
            buyer_user_id=ctx.user.id, company_id=company_id, status=status, version=1,
            granted_at=stamp.get("granted_at"), revoked_at=stamp.get("revoked_at"), seq=ctx.seq(),
        ))
        version = 1
    else:
        version = int(current.version) + 1
        conn.execute(
            sa.update(g)
            .where(g.c.buyer_user_id == ctx.user.id, g.c.company_id == company_id)
            .values(status=status, version=version, seq=ctx.seq(), **stamp)
        )
    _set_link(ctx, company_id, ctx.user.id, authorized=status == "granted")
    ctx.touched.add(_me(ctx.user.id))
    return version


@mutation("grant.set")
def grant_set(ctx: MutationContext, args: dict[str, Any]) -> Any:
    a: GrantArgs = _parse(GrantArgs, args)
    _require_buyer(ctx.user)
    if _company(ctx.conn, a.company_id) is None:
        raise Rejected("not-found", f"company {a.company_id} does not exist")
    cur = _grant_row(ctx.conn, ctx.user.id, a.company_id)
    if cur is not None and cur.status == "granted":
        return _grant_result(a.company_id, "granted", int(cur.version))
    if (
        cur is not None and cur.status == "revoked" and a.base_version is not None
        and int(cur.version) > a.base_version
    ):
        raise Rejected(
            "conflict",
            f"the grant to company {a.company_id} was revoked (version {cur.version}) after "
            f"version {a.base_version}: revoke wins",
            {"status": "revoked", "version": int(cur.version)},
        )
    version = _write_grant(ctx, a.company_id, "granted", cur)
    return _grant_result(a.company_id, "granted", version)


@mutation("grant.revoke")
def grant_revoke(ctx: MutationContext, args: dict[str, Any]) -> Any:
    a: GrantArgs = _parse(GrantArgs, args)
    _require_buyer(ctx.user)
    if _company(ctx.conn, a.company_id) is None:
        raise Rejected("not-found", f"company {a.company_id} does not exist")
    cur = _grant_row(ctx.conn, ctx.user.id, a.company_id)
    if cur is None or cur.status == "revoked":
        return _grant_result(a.company_id, "revoked", int(cur.version) if cur is not None else 0)
    version = _write_grant(ctx, a.company_id, "revoked", cur)
    return _grant_result(a.company_id, "revoked", version)


# =========================================================================== cards

Short = Annotated[StrictStr, Field(max_length=200)]


class CardFields(_Strict):
    name: Annotated[StrictStr, Field(max_length=200)] | None = None
    title: Short | None = None
    company: Short | None = None
    country: Annotated[StrictStr, Field(pattern=r"^([A-Z]{2})?$")] | None = None
    phone: Annotated[StrictStr, Field(max_length=50)] | None = None
    email: Annotated[StrictStr, Field(max_length=254)] | None = None
    website: Annotated[StrictStr, Field(max_length=300)] | None = None
    handles: Annotated[
        dict[Annotated[StrictStr, Field(pattern=r"^[a-z0-9_]{1,30}$")], Annotated[StrictStr, Field(max_length=200)]],
        Field(max_length=20),
    ] | None = None
    has_photo: StrictBool | None = None  # false removes the photo; true alone changes nothing
    #: an uploaded image (§10) becomes the card's photo; null removes it
    photo_attachment_id: Annotated[StrictStr, Field(min_length=1, max_length=100)] | None = None


class CardUpdateArgs(_Strict):
    fields: CardFields


def _card_id(conn: Connection, user_id: int) -> int | None:
    v = conn.execute(sa.select(cards.c.id).where(cards.c.owner_user_id == user_id)).scalar()
    return int(v) if v is not None else None


def ensure_card(ctx: MutationContext, user_id: int) -> int:
    """The user's card id; a card made from the profile if they have none yet."""
    conn = ctx.conn
    cid = _card_id(conn, user_id)
    if cid is not None:
        return cid
    u = _user_row(conn, user_id)
    if u is None:
        raise Rejected("not-found", f"user {user_id} does not exist")
    company, country, is_demo = u.company, u.country, False
    if u.company_id is not None:
        comp = _company(conn, u.company_id)
        if comp is not None:
            company = comp.name_en
            country = comp.country
            is_demo = bool(comp.is_demo) and _is_bot(conn, user_id)
    if not re.fullmatch(r"[A-Z]{2}", country or ""):
        country = ""
    new_id = conn.execute(
        cards.insert().values(
            owner_user_id=user_id, name=u.display_name, title="", company=company or "",
            country=country, phone="", email=u.email, website="", handles="{}", has_photo=False,
            company_id=u.company_id, role=u.role, is_demo=is_demo, version=1,
            updated_at=ctx.now, seq=ctx.seq(),
        ).returning(cards.c.id)
    ).scalar_one()
    ctx.touched.add(_me(user_id))
    return int(new_id)


def _is_bot(conn: Connection, user_id: int) -> bool:
    from server.social_schema import demo_bots

    return conn.execute(sa.select(demo_bots.c.user_id).where(demo_bots.c.user_id == user_id)).first() is not None


def _holders(conn: Connection, card_id: int) -> list[int]:
    h = card_holdings.c
    return [int(x) for x in conn.execute(sa.select(h.holder_user_id).where(h.card_id == card_id)).scalars()]


def _card_photo(ctx: MutationContext, card_id: int, photo: tuple[str | None] | None,
                has_photo: bool | None) -> dict[str, Any]:
    """Set or remove the card's uploaded photo (§10); the new ``has_photo`` value."""
    from server import uploads

    if photo is not None and photo[0] is not None:
        try:
            src = uploads.check_attachment(ctx.conn, ctx.user.id, photo[0])
            uploads.prepare(ctx.conn, src, "card")
        except uploads.BadImage as e:
            raise Rejected("invalid-value", f"fields.photo_attachment_id: {e.problem}",
                           field="photo_attachment_id") from None
        uploads.set_one(ctx.conn, "card", card_id, src, ctx.now)
        return {"has_photo": True}
    if (photo is not None and photo[0] is None) or has_photo is False:
        uploads.remove(ctx.conn, "card", card_id)
        return {"has_photo": False}
    return {}


@mutation("card.update")
def card_update(ctx: MutationContext, args: dict[str, Any]) -> Any:
    a: CardUpdateArgs = _parse(CardUpdateArgs, args)
    values: dict[str, Any] = {}
    photo: tuple[str | None] | None = None  # (attachment id or None to remove,) when given
    for k in a.fields.model_fields_set:
        v = getattr(a.fields, k)
        if k == "photo_attachment_id":
            photo = (v,)
            continue
        if v is None:
            raise Rejected("invalid-value", f"fields.{k}: may not be null")
        values[k] = v
    for k in entities.CARD_FIELDS:
        if k in values:
            _check_text(values[k], f"fields.{k}")
            values[k] = values[k].strip()
    if values.get("email") and not EMAIL_RE.match(values["email"]):
        raise Rejected("invalid-value", "fields.email: not a valid email address")
    if "name" in values and not values["name"]:
        raise Rejected("invalid-value", "fields.name: must not be empty")
    if "handles" in values:
        values["handles"] = orjson.dumps(values["handles"]).decode()
    card_id = ensure_card(ctx, ctx.user.id)
    values.update(_card_photo(ctx, card_id, photo, values.pop("has_photo", None)))
    version = ctx.conn.execute(
        sa.update(cards)
        .where(cards.c.id == card_id)
        .values(**values, version=cards.c.version + 1, updated_at=ctx.now, seq=ctx.seq())
        .returning(cards.c.version)
    ).scalar_one()
    ctx.touched.add(_me(ctx.user.id))
    ctx.touched.update(_me(h) for h in _holders(ctx.conn, card_id))
    return {"id": f"card:{card_id}", "card_id": card_id, "version": int(version)}


def give_card(ctx: MutationContext, card_id: int, holder_id: int, via: str, met_at: str = "") -> None:
    """``holder_id`` now holds ``card_id`` (no change if they already do)."""
    conn = ctx.conn
    h = card_holdings
    owner = conn.execute(sa.select(cards.c.owner_user_id).where(cards.c.id == card_id)).scalar()
    if owner == holder_id:
        return
    exists = conn.execute(
        sa.select(h.c.card_id).where(h.c.holder_user_id == holder_id, h.c.card_id == card_id)
    ).first()
    if exists is not None:
        return
    conn.execute(h.insert().values(
        holder_user_id=holder_id, card_id=card_id, tags="[]", note="", met_at=met_at, via=via,
        received_at=ctx.now, seq=ctx.seq(),
    ))
    db.clear_tombstone(conn, _me(holder_id), "card", card_id)
    ctx.touched.add(_me(holder_id))


class CardRequestArgs(_Strict):
    to_user_id: Id | None = None
    company_id: Id | None = None
    note: Annotated[StrictStr, Field(max_length=500)] = ""


def _request_result(row_id: int, status: str) -> dict[str, Any]:
    return {"id": f"card_request:{row_id}", "request_id": row_id, "status": status}


@mutation("card.request")
def card_request(ctx: MutationContext, args: dict[str, Any]) -> Any:
    a: CardRequestArgs = _parse(CardRequestArgs, args)
    conn, user = ctx.conn, ctx.user
    if (a.to_user_id is None) == (a.company_id is None):
        raise Rejected("invalid-value", "give exactly one of to_user_id and company_id")
    _check_text(a.note, "note")
    from_company: int | None = None
    to_company: int | None = None
    if user.role == "buyer":
        buyer_id = user.id
        if a.company_id is not None:
            if _company(conn, a.company_id) is None:
                raise Rejected("not-found", f"company {a.company_id} does not exist")
            company_id = to_company = a.company_id
        else:
            assert a.to_user_id is not None
            target = _user_row(conn, a.to_user_id)
            if target is None:
                raise Rejected("not-found", f"user {a.to_user_id} does not exist")
            if target.role != "exhibitor" or target.company_id is None:
                raise Rejected("forbidden", "buyers exchange cards with exhibitor staff, not with other buyers")
            company_id = to_company = int(target.company_id)
    else:
        company_id = from_company = _require_staff(user)
        if a.to_user_id is None:
            raise Rejected("forbidden", "exhibitor staff ask buyers (to_user_id) for their card")
        target = _user_row(conn, a.to_user_id)
        if target is None or target.role != "buyer":
            raise Rejected("not-found", f"buyer {a.to_user_id} does not exist")
        buyer_id = int(target.id)
        if not may_contact(conn, company_id, buyer_id):
            raise Rejected("forbidden", "this buyer has not authorized your company and has not contacted it")
    r = card_requests.c
    pending = conn.execute(
        sa.select(r.id).where(
            r.buyer_user_id == buyer_id, r.company_id == company_id, r.status == "pending",
            r.from_user_id == user.id,
        )
    ).scalar()
    if pending is not None:
        return _request_result(int(pending), "pending")
    rid = conn.execute(card_requests.insert().values(
        from_user_id=user.id, from_company_id=from_company, to_user_id=a.to_user_id,
        to_company_id=to_company, buyer_user_id=buyer_id, company_id=company_id, note=a.note,
        status="pending", created_at=ctx.now, seq=ctx.seq(),
    ).returning(r.id)).scalar_one()
    if user.role == "buyer":
        _set_link(ctx, company_id, buyer_id, contacted=True)
    ctx.touched.update({_me(buyer_id), _co(company_id)})
    return _request_result(int(rid), "pending")


class RequestIdArgs(_Strict):
    request_id: Id


def _answerable_request(ctx: MutationContext, request_id: int) -> Any:
    r = card_requests.c
    row = ctx.conn.execute(
        sa.select(r.id, r.from_user_id, r.from_company_id, r.to_user_id, r.buyer_user_id,
                  r.company_id, r.status).where(r.id == request_id)
    ).first()
    if row is None:
        raise Rejected("not-found", f"card request {request_id} does not exist")
    user = ctx.user
    if row.from_company_id is None:  # a buyer asked the company: its staff answer
        allowed = user.role == "exhibitor" and user.company_id == row.company_id
    else:  # staff asked a buyer: the buyer answers
        allowed = user.id == row.buyer_user_id
    if not allowed:
        # the requester itself, or a stranger: not theirs to answer
        if user.id in (row.from_user_id, row.buyer_user_id) or user.company_id == row.company_id:
            raise Rejected("forbidden", "only the receiving side answers a card request")
        raise Rejected("not-found", f"card request {request_id} does not exist")
    return row


def _decide(ctx: MutationContext, row: Any, status: str) -> None:
    r = card_requests
    ctx.conn.execute(
        sa.update(r).where(r.c.id == row.id).values(
            status=status, decided_at=ctx.now, decided_by_user_id=ctx.user.id, seq=ctx.seq()
        )
    )
    ctx.touched.update({_me(int(row.buyer_user_id)), _co(int(row.company_id))})


@mutation("card.accept")
def card_accept(ctx: MutationContext, args: dict[str, Any]) -> Any:
    a: RequestIdArgs = _parse(RequestIdArgs, args)
    row = _answerable_request(ctx, a.request_id)
    if row.status == "accepted":
        return _request_result(int(row.id), "accepted")
    if row.status != "pending":
        raise Rejected("conflict", f"card request {row.id} was already {row.status}")
    mine = ensure_card(ctx, ctx.user.id)
    theirs = ensure_card(ctx, int(row.from_user_id))
    give_card(ctx, mine, int(row.from_user_id), "exchange")
    give_card(ctx, theirs, ctx.user.id, "exchange")
    _decide(ctx, row, "accepted")
    return _request_result(int(row.id), "accepted")


@mutation("card.decline")
def card_decline(ctx: MutationContext, args: dict[str, Any]) -> Any:
    a: RequestIdArgs = _parse(RequestIdArgs, args)
    row = _answerable_request(ctx, a.request_id)
    if row.status == "declined":
        return _request_result(int(row.id), "declined")
    if row.status != "pending":
        raise Rejected("conflict", f"card request {row.id} was already {row.status}")
    _decide(ctx, row, "declined")
    return _request_result(int(row.id), "declined")


class CardSendArgs(_Strict):
    to_user_id: Id | None = None
    company_id: Id | None = None


@mutation("card.send")
def card_send(ctx: MutationContext, args: dict[str, Any]) -> Any:
    a: CardSendArgs = _parse(CardSendArgs, args)
    conn, user = ctx.conn, ctx.user
    if (a.to_user_id is None) == (a.company_id is None):
        raise Rejected("invalid-value", "give exactly one of to_user_id and company_id")
    recipients: list[int]
    if user.role == "buyer":
        if a.company_id is not None:
            if _company(conn, a.company_id) is None:
                raise Rejected("not-found", f"company {a.company_id} does not exist")
            company_id = a.company_id
            u = db.users.c
            recipients = [int(x) for x in conn.execute(
                sa.select(u.id).where(u.company_id == company_id, u.disabled.is_(False))
            ).scalars()]
        else:
            assert a.to_user_id is not None
            target = _user_row(conn, a.to_user_id)
            if target is None:
                raise Rejected("not-found", f"user {a.to_user_id} does not exist")
            if target.role != "exhibitor" or target.company_id is None:
                raise Rejected("forbidden", "buyers send their card to exhibitor staff, not to other buyers")
            company_id = int(target.company_id)
            recipients = [int(target.id)]
        _set_link(ctx, company_id, user.id, contacted=True)
    else:
        company_id = _require_staff(user)
        if a.to_user_id is None:
            raise Rejected("forbidden", "exhibitor staff send their card to a buyer (to_user_id)")
        target = _user_row(conn, a.to_user_id)
        if target is None or target.role != "buyer":
            raise Rejected("not-found", f"buyer {a.to_user_id} does not exist")
        if not may_contact(conn, company_id, int(target.id)):
            raise Rejected("forbidden", "this buyer has not authorized your company and has not contacted it")
        recipients = [int(target.id)]
    card_id = ensure_card(ctx, user.id)
    for rid in recipients:
        give_card(ctx, card_id, rid, "sent")
    ctx.touched.add(_co(company_id))
    return {"id": f"card:{card_id}", "card_id": card_id, "recipients": recipients}


Tag = Annotated[StrictStr, Field(min_length=1, max_length=50)]


class HolderUpdateArgs(_Strict):
    card_id: Id
    tags: Annotated[list[Tag], Field(max_length=20)] | None = None
    note: Annotated[StrictStr, Field(max_length=4000)] | None = None
    met_at: Annotated[StrictStr, Field(pattern=r"^(booth|chat|deal|)$")] | None = None


class HolderRemoveArgs(_Strict):
    card_id: Id


def _holding_key(ctx: MutationContext, card_id: int) -> tuple[sa.ColumnElement[bool], ...]:
    h = card_holdings.c
    key = (h.holder_user_id == ctx.user.id, h.card_id == card_id)
    if ctx.conn.execute(sa.select(h.card_id).where(*key)).first() is None:
        raise Rejected("not-found", f"you do not hold card {card_id}")
    return key


@mutation("card_holder.update")
def card_holder_update(ctx: MutationContext, args: dict[str, Any]) -> Any:
    a: HolderUpdateArgs = _parse(HolderUpdateArgs, args)
    key = _holding_key(ctx, a.card_id)
    values: dict[str, Any] = {}
    if a.tags is not None:
        values["tags"] = orjson.dumps(a.tags).decode()
    if a.note is not None:
        values["note"] = _check_text(a.note, "note")
    if a.met_at is not None:
        values["met_at"] = a.met_at
    ctx.conn.execute(sa.update(card_holdings).where(*key).values(**values, seq=ctx.seq()))
    ctx.touched.add(_me(ctx.user.id))
    return {"id": f"card:{a.card_id}", "card_id": a.card_id}


@mutation("card_holder.remove")
def card_holder_remove(ctx: MutationContext, args: dict[str, Any]) -> Any:
    a: HolderRemoveArgs = _parse(HolderRemoveArgs, args)
    h = card_holdings.c
    deleted = ctx.conn.execute(
        sa.delete(card_holdings).where(h.holder_user_id == ctx.user.id, h.card_id == a.card_id)
    )
    if deleted.rowcount:
        db.add_tombstone(ctx.conn, _me(ctx.user.id), "card", a.card_id, ctx.seq())
        ctx.touched.add(_me(ctx.user.id))
    return {"id": f"card:{a.card_id}", "card_id": a.card_id}


# =========================================================================== chat

class MessageSendArgs(_Strict):
    conversation_id: Id | None = None
    company_id: Id | None = None
    buyer_user_id: Id | None = None
    client_msg_id: ClientMsgId
    kind: Annotated[StrictStr, Field(pattern=r"^(text|product|attachment)$")] = "text"
    text: Annotated[StrictStr, Field(max_length=MAX_TEXT)] = ""
    product_id: Id | None = None
    attachment_id: Annotated[StrictStr, Field(max_length=64)] | None = None
    is_demo_reply: StrictBool = False  # honoured for the demo bots only


def _conversation(conn: Connection, conversation_id: int) -> Any:
    c = conversations.c
    return conn.execute(
        sa.select(c.id, c.buyer_user_id, c.company_id, c.message_count).where(c.id == conversation_id)
    ).first()


def _find_conversation(conn: Connection, buyer_id: int, company_id: int) -> Any:
    c = conversations.c
    return conn.execute(
        sa.select(c.id, c.buyer_user_id, c.company_id, c.message_count)
        .where(c.buyer_user_id == buyer_id, c.company_id == company_id)
    ).first()


def _open_conversation(ctx: MutationContext, buyer_id: int, company_id: int, started_by: str) -> Any:
    row = _find_conversation(ctx.conn, buyer_id, company_id)
    if row is not None:
        return row
    c = conversations.c
    ctx.conn.execute(conversations.insert().values(
        buyer_user_id=buyer_id, company_id=company_id, started_by=started_by, created_at=ctx.now,
        message_count=0, buyer_unread=0, company_unread=0, buyer_read_upto=0, company_read_upto=0,
        seq=ctx.seq(),
    ))
    return ctx.conn.execute(
        sa.select(c.id, c.buyer_user_id, c.company_id, c.message_count)
        .where(c.buyer_user_id == buyer_id, c.company_id == company_id)
    ).one()


def _message_result(row: Any) -> dict[str, Any]:
    return {
        "id": f"message:{row.id}", "message_id": int(row.id),
        "conversation_id": int(row.conversation_id), "n": int(row.n), "created_at": row.created_at,
    }


def _product_snapshot(conn: Connection, user: User, product_id: int) -> str:
    p = db.products.c
    row = conn.execute(
        sa.select(p.id, p.company_id, p.name_en, p.name_zh, p.price_min_cents, p.price_max_cents,
                  p.currency, p.moq, p.unit_en, p.unit_zh, p.lead_time_days, p.image_count, p.hidden)
        .where(p.id == product_id)
    ).first()
    if row is None or (row.hidden and row.company_id != user.company_id):
        raise Rejected("not-found", f"product {product_id} does not exist")
    snap = {str(k): v for k, v in row._asdict().items()}
    snap.pop("hidden")
    return orjson.dumps(snap).decode()


def _attachment_snapshot(conn: Connection, user: User, attachment_id: str) -> str:
    a = attachments.c
    row = conn.execute(
        sa.select(a.id, a.filename, a.content_type, a.size, a.sha256, a.uploader_user_id)
        .where(a.id == attachment_id)
    ).first()
    if row is None or row.uploader_user_id != user.id:
        raise Rejected("not-found", f"attachment {attachment_id} was not uploaded by you")
    return orjson.dumps({
        "id": row.id, "filename": row.filename, "content_type": row.content_type,
        "size": row.size, "sha256": row.sha256,
    }).decode()


@mutation("message.send")
def message_send(ctx: MutationContext, args: dict[str, Any]) -> Any:
    a: MessageSendArgs = _parse(MessageSendArgs, args)
    conn, user = ctx.conn, ctx.user
    m = messages.c
    dup = conn.execute(
        sa.select(m.id, m.conversation_id, m.n, m.created_at)
        .where(m.sender_user_id == user.id, m.client_msg_id == a.client_msg_id)
    ).first()
    if dup is not None:  # the same message again (a retry under a new seq): once only
        return _message_result(dup)
    targets = sum(x is not None for x in (a.conversation_id, a.company_id, a.buyer_user_id))
    if targets != 1:
        raise Rejected("invalid-value", "give exactly one of conversation_id, company_id, buyer_user_id")
    _check_text(a.text, "text")
    if a.kind == "text" and not a.text.strip():
        raise Rejected("invalid-value", "text: a text message must not be empty")
    if a.is_demo_reply and not _is_bot(conn, user.id):
        raise Rejected("forbidden", "is_demo_reply is reserved for the demo fair's bots")

    # -- who talks to whom
    if user.role == "buyer":
        side = "buyer"
        if a.buyer_user_id is not None:
            raise Rejected("forbidden", "buyers write to a company (company_id) or in a conversation")
        if a.conversation_id is not None:
            conv = _conversation(conn, a.conversation_id)
            if conv is None or conv.buyer_user_id != user.id:
                raise Rejected("not-found", f"conversation {a.conversation_id} does not exist")
        else:
            assert a.company_id is not None
            conv = _find_conversation(conn, user.id, a.company_id)
            if conv is None:
                if _company(conn, a.company_id) is None:
                    raise Rejected("not-found", f"company {a.company_id} does not exist")
                conv = _open_conversation(ctx, user.id, a.company_id, "buyer")
    else:
        side = "company"
        company_id = _require_staff(user)
        if a.company_id is not None:
            raise Rejected("forbidden", "staff write to a buyer (buyer_user_id) or in a conversation")
        if a.conversation_id is not None:
            conv = _conversation(conn, a.conversation_id)
            if conv is None or conv.company_id != company_id:
                raise Rejected("not-found", f"conversation {a.conversation_id} does not exist")
        else:
            assert a.buyer_user_id is not None
            target = _user_row(conn, a.buyer_user_id)
            if target is None or target.role != "buyer":
                raise Rejected("not-found", f"buyer {a.buyer_user_id} does not exist")
            conv = None
        buyer_id = int(conv.buyer_user_id) if conv is not None else int(a.buyer_user_id or 0)
        if not may_contact(conn, company_id, buyer_id):
            raise Rejected("forbidden", "this buyer has not authorized your company and has not contacted it")
        if conv is None:
            conv = _open_conversation(ctx, buyer_id, company_id, "company")

    product = attachment = None
    if a.kind == "product":
        if a.product_id is None:
            raise Rejected("invalid-value", "product_id: required for a product message")
        product = _product_snapshot(conn, user, a.product_id)
    elif a.product_id is not None:
        raise Rejected("invalid-value", "product_id: only for kind 'product'")
    if a.kind == "attachment":
        if a.attachment_id is None:
            raise Rejected("invalid-value", "attachment_id: required for an attachment message")
        attachment = _attachment_snapshot(conn, user, a.attachment_id)
    elif a.attachment_id is not None:
        raise Rejected("invalid-value", "attachment_id: only for kind 'attachment'")

    buyer_id, company_id = int(conv.buyer_user_id), int(conv.company_id)
    # the per-conversation counter: read (above) and bumped under the write lock
    c = conversations.c
    n = int(conv.message_count) + 1
    mid = conn.execute(messages.insert().values(
        conversation_id=conv.id, n=n, buyer_user_id=buyer_id, company_id=company_id,
        sender_user_id=user.id, sender_name=user.display_name, sender_side=side,
        client_msg_id=a.client_msg_id, kind=a.kind, text=a.text, product_id=a.product_id,
        product=product, attachment_id=a.attachment_id, attachment=attachment,
        is_demo_reply=a.is_demo_reply, created_at=ctx.now, seq=ctx.seq(),
    ).returning(m.id)).scalar_one()
    preview = a.text[:PREVIEW_CHARS]
    if not preview and product is not None:
        preview = orjson.loads(product)["name_en"][:PREVIEW_CHARS]
    if not preview and attachment is not None:
        preview = orjson.loads(attachment)["filename"]
    last = orjson.dumps({
        "id": int(mid), "n": n, "sender_user_id": user.id, "sender_name": user.display_name,
        "sender_side": side, "kind": a.kind, "preview": preview, "created_at": ctx.now,
        "is_demo_reply": a.is_demo_reply,
    }).decode()
    values: dict[str, Any] = {
        "message_count": n, "last_message": last, "last_sender_side": side,
        "last_message_at": ctx.now, "seq": ctx.seq(),
    }
    if side == "buyer":
        values.update(company_unread=c.company_unread + 1, buyer_unread=0, buyer_read_upto=n)
    else:
        values.update(buyer_unread=c.buyer_unread + 1, company_unread=0, company_read_upto=n,
                      company_read_by=user.id)
    conn.execute(sa.update(conversations).where(c.id == conv.id).values(**values))
    if side == "buyer":
        _set_link(ctx, company_id, buyer_id, contacted=True)
    ctx.touched.update({_me(buyer_id), _co(company_id)})
    return {"id": f"message:{mid}", "message_id": int(mid), "conversation_id": int(conv.id),
            "n": n, "created_at": ctx.now}


class ReadArgs(_Strict):
    conversation_id: Id
    up_to_message_id: Id


@mutation("conversation.read")
def conversation_read(ctx: MutationContext, args: dict[str, Any]) -> Any:
    a: ReadArgs = _parse(ReadArgs, args)
    conn, user = ctx.conn, ctx.user
    conv = _conversation(conn, a.conversation_id)
    if conv is None or not (
        conv.buyer_user_id == user.id or (user.role == "exhibitor" and conv.company_id == user.company_id)
    ):
        raise Rejected("not-found", f"conversation {a.conversation_id} does not exist")
    side = "buyer" if conv.buyer_user_id == user.id else "company"
    m = messages.c
    n = conn.execute(
        sa.select(m.n).where(m.id == a.up_to_message_id, m.conversation_id == conv.id)
    ).scalar()
    if n is None:
        raise Rejected("not-found", f"message {a.up_to_message_id} is not in conversation {conv.id}")
    c = conversations.c
    upto_col = c.buyer_read_upto if side == "buyer" else c.company_read_upto
    current = int(conn.execute(sa.select(upto_col).where(c.id == conv.id)).scalar_one())
    result = {"id": f"conversation:{conv.id}", "conversation_id": int(conv.id), "read_upto": max(current, int(n))}
    if current >= n:
        return result
    other = "company" if side == "buyer" else "buyer"
    unread = conn.execute(
        sa.select(sa.func.count()).where(m.conversation_id == conv.id, m.n > n, m.sender_side == other)
    ).scalar_one()
    values: dict[str, Any] = {"seq": ctx.seq()}
    if side == "buyer":
        values.update(buyer_read_upto=n, buyer_unread=unread)
    else:
        values.update(company_read_upto=n, company_unread=unread, company_read_by=user.id)
    conn.execute(sa.update(conversations).where(c.id == conv.id).values(**values))
    ctx.touched.update({_me(int(conv.buyer_user_id)), _co(int(conv.company_id))})
    return result


# =========================================================================== quick replies

# all-digit ids are refused: tombstone ids that look like numbers go out as numbers
QuickReplyId = Annotated[StrictStr, Field(pattern=r"^[A-Za-z0-9_.:-]*[A-Za-z_.:-][A-Za-z0-9_.:-]*$", max_length=64)]


class QuickReplySetArgs(_Strict):
    id: QuickReplyId
    text: Annotated[StrictStr, Field(min_length=1, max_length=2000)]
    position: Annotated[StrictInt, Field(ge=0, le=10_000)] = 0


class QuickReplyRemoveArgs(_Strict):
    id: QuickReplyId


MAX_QUICK_REPLIES = 200


@mutation("quick_reply.set")
def quick_reply_set(ctx: MutationContext, args: dict[str, Any]) -> Any:
    a: QuickReplySetArgs = _parse(QuickReplySetArgs, args)
    company_id = _require_staff(ctx.user)
    _check_text(a.text, "text")
    q = quick_replies
    key = (q.c.company_id == company_id, q.c.key == a.id)
    values = {"text": a.text, "position": a.position, "updated_by": ctx.user.id, "updated_at": ctx.now}
    updated = ctx.conn.execute(sa.update(q).where(*key).values(**values, seq=ctx.seq()))
    if updated.rowcount == 0:
        count = ctx.conn.execute(sa.select(sa.func.count()).where(q.c.company_id == company_id)).scalar_one()
        if count >= MAX_QUICK_REPLIES:
            raise Rejected("invalid-value", f"a company keeps at most {MAX_QUICK_REPLIES} quick replies")
        ctx.conn.execute(q.insert().values(company_id=company_id, key=a.id, **values, seq=ctx.seq()))
        db.clear_tombstone(ctx.conn, _co(company_id), "quick_reply", a.id)
    ctx.touched.add(_co(company_id))
    return {"id": f"quick_reply:{a.id}"}


@mutation("quick_reply.remove")
def quick_reply_remove(ctx: MutationContext, args: dict[str, Any]) -> Any:
    a: QuickReplyRemoveArgs = _parse(QuickReplyRemoveArgs, args)
    company_id = _require_staff(ctx.user)
    q = quick_replies.c
    deleted = ctx.conn.execute(
        sa.delete(quick_replies).where(q.company_id == company_id, q.key == a.id)
    )
    if deleted.rowcount:
        db.add_tombstone(ctx.conn, _co(company_id), "quick_reply", a.id, ctx.seq())
        ctx.touched.add(_co(company_id))
    return {"id": f"quick_reply:{a.id}"}


# =========================================================================== pull sources

def _greatest(conn: Connection, *cols: Any) -> Any:
    if conn.dialect.name == "sqlite":
        return sa.func.max(*cols)
    return sa.func.greatest(*cols)  # pragma: no cover - PostgreSQL


def _source(
    entity: str,
    build: Callable[[Connection], tuple[sa.Select[Any], Any]],
    to_wire: Callable[[Any], dict[str, Any]],
    id_key: str = "id",
) -> Source:
    """A source from ``build(conn) -> (select without seq filter, seq expression)``."""

    def fetch(conn: Connection, after: int, n: int, initial: bool, floor: int) -> list[Change]:
        q, seq_expr = build(conn)
        q = q.add_columns(seq_expr.label("_seq")).where(seq_expr > after).order_by(seq_expr).limit(n)
        dumps = orjson.dumps
        out: list[Change] = []
        for row in conn.execute(q):
            mm = row._mapping
            out.append((int(mm["_seq"]), dumps(
                {"entity": entity, "op": "upsert", "id": mm[id_key], "data": to_wire(mm)}
            )))
        return out

    return fetch


def _company_name() -> Any:
    return db.companies.c.name_en


def _grants_source(uid: int) -> Source:
    g = grants.c

    def build(conn: Connection) -> tuple[sa.Select[Any], Any]:
        q = (
            sa.select(g.company_id, g.status, g.granted_at, g.revoked_at, g.version,
                      _company_name().label("company_name"))
            .select_from(grants.join(db.companies, db.companies.c.id == g.company_id))
            .where(g.buyer_user_id == uid)
        )
        return q, g.seq

    return _source("grant", build, entities.grant, "company_id")


_CARD_COLS = (
    "id", "owner_user_id", "name", "title", "company", "country", "phone", "email",
    "website", "handles", "has_photo", "company_id", "role", "is_demo", "version", "updated_at",
)


def _own_card_source(uid: int, card_id: int | None = None) -> Source:
    def build(conn: Connection) -> tuple[sa.Select[Any], Any]:
        q = sa.select(*(cards.c[k] for k in _CARD_COLS)).where(cards.c.owner_user_id == uid)
        if card_id is not None:
            q = q.where(cards.c.id == card_id)
        return q, cards.c.seq

    return _source("card", build, lambda m: entities.card(m, True))


def _held_cards_source(uid: int, card_id: int | None = None) -> Source:
    h = card_holdings.c

    def build(conn: Connection) -> tuple[sa.Select[Any], Any]:
        q = (
            sa.select(
                *(cards.c[k] for k in _CARD_COLS),
                h.tags.label("h_tags"), h.note.label("h_note"), h.met_at.label("h_met_at"),
                h.via.label("h_via"), h.received_at.label("h_received_at"),
            )
            .select_from(card_holdings.join(cards, cards.c.id == h.card_id))
            .where(h.holder_user_id == uid)
        )
        if card_id is not None:
            q = q.where(h.card_id == card_id)
        return q, _greatest(conn, cards.c.seq, h.seq)

    return _source("card", build, lambda m: entities.card(m, False))


def _requests_source(where: Callable[[], sa.ColumnElement[bool]], outgoing: Callable[[Any], bool]) -> Source:
    r = card_requests.c
    fu = db.users.alias("from_user")

    def build(conn: Connection) -> tuple[sa.Select[Any], Any]:
        q = (
            sa.select(
                r.id, r.from_user_id, r.from_company_id, r.to_user_id, r.to_company_id,
                r.buyer_user_id, r.company_id, r.note, r.status, r.created_at, r.decided_at,
                r.decided_by_user_id, fu.c.display_name.label("from_name"),
                _company_name().label("company_name"),
            )
            .select_from(
                card_requests.join(fu, fu.c.id == r.from_user_id)
                .join(db.companies, db.companies.c.id == r.company_id)
            )
            .where(where())
        )
        return q, r.seq

    return _source("card_request", build, lambda m: entities.card_request(m, outgoing(m)))


def _conversations_source(where: Callable[[], sa.ColumnElement[bool]], side: str) -> Source:
    c = conversations.c
    bu = db.users.alias("buyer_user")

    def build(conn: Connection) -> tuple[sa.Select[Any], Any]:
        q = (
            sa.select(
                c.id, c.buyer_user_id, c.company_id, c.started_by, c.created_at, c.message_count,
                c.last_message, c.last_message_at, c.buyer_unread, c.company_unread,
                c.buyer_read_upto, c.company_read_upto, c.company_read_by,
                bu.c.display_name.label("buyer_name"),
                _company_name().label("company_name"),
                db.companies.c.is_demo.label("company_is_demo"),
            )
            .select_from(
                conversations.join(bu, bu.c.id == c.buyer_user_id)
                .join(db.companies, db.companies.c.id == c.company_id)
            )
            .where(where())
        )
        return q, c.seq

    return _source("conversation", build, lambda m: entities.conversation(m, side))


_MESSAGE_COLS = (
    "id", "conversation_id", "n", "buyer_user_id", "company_id", "sender_user_id",
    "sender_name", "sender_side", "client_msg_id", "kind", "text", "product_id", "product",
    "attachment_id", "attachment", "is_demo_reply", "created_at",
)


def _messages_source(where: Callable[[], sa.ColumnElement[bool]]) -> Source:
    def build(conn: Connection) -> tuple[sa.Select[Any], Any]:
        return sa.select(*(messages.c[k] for k in _MESSAGE_COLS)).where(where()), messages.c.seq

    return _source("message", build, entities.message)


def _buyers_source(cid: int, buyer_id: int | None = None) -> Source:
    bl = buyer_links.c
    u = db.users.c

    def build(conn: Connection) -> tuple[sa.Select[Any], Any]:
        q = (
            sa.select(
                bl.buyer_user_id, bl.authorized, bl.contacted, bl.authorized_at, bl.contacted_at,
                u.display_name, u.company, u.country, u.email, u.interests, u.annual_volume,
            )
            .select_from(buyer_links.join(db.users, u.id == bl.buyer_user_id))
            .where(bl.company_id == cid, sa.or_(bl.authorized.is_(True), bl.contacted.is_(True)))
        )
        if buyer_id is not None:
            q = q.where(bl.buyer_user_id == buyer_id)
        return q, _greatest(conn, bl.seq, u.seq)

    return _source("buyer", build, entities.buyer, "buyer_user_id")


def _quick_replies_source(cid: int) -> Source:
    q = quick_replies.c

    def build(conn: Connection) -> tuple[sa.Select[Any], Any]:
        return (
            sa.select(q.key, q.text, q.position, q.updated_by, q.updated_at).where(q.company_id == cid),
            q.seq,
        )

    return _source("quick_reply", build, entities.quick_reply, "key")


def me_sources(uid: int) -> list[Source]:
    """Extra sources of a user's ``me`` scope (buyers and staff alike)."""
    r = card_requests.c
    return [
        _grants_source(uid),
        _own_card_source(uid),
        _held_cards_source(uid),
        _requests_source(lambda: r.buyer_user_id == uid, lambda m: m["from_user_id"] == uid),
        _conversations_source(lambda: conversations.c.buyer_user_id == uid, "buyer"),
        _messages_source(lambda: messages.c.buyer_user_id == uid),
    ]


def company_sources(cid: int) -> list[Source]:
    """Extra sources of a ``company:<id>`` scope (its staff only)."""
    r = card_requests.c
    return [
        _buyers_source(cid),
        _requests_source(lambda: r.company_id == cid, lambda m: m["from_company_id"] == cid),
        _conversations_source(lambda: conversations.c.company_id == cid, "company"),
        _messages_source(lambda: messages.c.company_id == cid),
        _quick_replies_source(cid),
    ]


# =========================================================================== online reads

def read_messages(
    state: Any, token: str | None, conversation_id: int, before_n: int | None, limit: int
) -> dict[str, Any]:
    with db.read_tx(state.engine) as conn:
        user = require_user(conn, token)
        conv = _conversation(conn, conversation_id)
        if conv is None or not (
            conv.buyer_user_id == user.id
            or (user.role == "exhibitor" and user.company_id is not None and conv.company_id == user.company_id)
        ):
            raise ProblemError(404, "not-found", f"There is no conversation {conversation_id}.")
        side = "buyer" if conv.buyer_user_id == user.id else "company"
        c = conversations.c
        conv_data = None
        src = _conversations_source(lambda: c.id == conversation_id, side)
        for _s, raw in src(conn, 0, 1, True, 0):
            conv_data = orjson.loads(raw)["data"]
        m = messages.c
        q = sa.select(*(m[k] for k in _MESSAGE_COLS)).where(m.conversation_id == conversation_id)
        if before_n is not None:
            q = q.where(m.n < before_n)
        rows = conn.execute(q.order_by(m.n.desc()).limit(limit)).all()
        items = [orjson.loads(orjson.dumps(entities.message(r._mapping))) for r in reversed(rows)]
    return {"conversation": conv_data, "items": items}


def read_buyer(state: Any, token: str | None, buyer_id: int) -> dict[str, Any]:
    with db.read_tx(state.engine) as conn:
        user = require_user(conn, token)
        data = None
        if user.role == "exhibitor" and user.company_id is not None:
            for _s, raw in _buyers_source(user.company_id, buyer_id)(conn, 0, 1, True, 0):
                data = orjson.loads(raw)["data"]
    if data is None:
        raise ProblemError(404, "not-found", f"There is no buyer {buyer_id} you may see.")
    return dict(data)


def read_card(state: Any, token: str | None, card_id: int) -> dict[str, Any]:
    with db.read_tx(state.engine) as conn:
        user = require_user(conn, token)
        data = None
        for src in (_own_card_source(user.id, card_id), _held_cards_source(user.id, card_id)):
            for _s, raw in src(conn, 0, 1, True, 0):
                data = orjson.loads(raw)["data"]
    if data is None:
        raise ProblemError(404, "not-found", f"There is no card {card_id} you hold.")
    return dict(data)


router = APIRouter()
PathId = Annotated[int, Path(ge=1, le=2**62)]


@router.get("/v1/conversations/{conversation_id}/messages", tags=["chat"])
async def messages_route(
    request: Request,
    creds: Creds,
    conversation_id: PathId,
    before_n: Annotated[int | None, Query(ge=1, le=2**62)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> Response:
    data = await run_sync(read_messages, get_state(request), token_of(creds), conversation_id, before_n, limit)
    return json_response(data)


@router.get("/v1/buyers/{buyer_id}", tags=["chat"])
async def buyer_route(request: Request, creds: Creds, buyer_id: PathId) -> Response:
    return json_response(await run_sync(read_buyer, get_state(request), token_of(creds), buyer_id))


@router.get("/v1/cards/{card_id}", tags=["cards"])
async def card_route(request: Request, creds: Creds, card_id: PathId) -> Response:
    return json_response(await run_sync(read_card, get_state(request), token_of(creds), card_id))
