"""Deals: negotiation and network signing (docs/protocol.md §8).

* Terms: validated, normalised and given computed totals by :func:`normalize_terms`;
  their canonical JSON (:func:`canonical`) is hashed (:func:`terms_hash`).
* Push mutations: ``deal.open``, ``deal.offer``, ``deal.counter``, ``deal.accept``,
  ``deal.decline``, ``deal.withdraw``, ``deal.sign`` and ``key.register``.  Every deal
  command names the deal version it was made on; a command on an older version is
  rejected ``stale`` (with the current deal), a transition the state machine does not
  allow for that side is ``not-allowed``.  Never last-writer-wins: pushes are serialised
  by the database write lock, so of two commands made on the same version exactly one
  applies.
* History: ``deal_events`` is append-only; each event's ``hash`` is SHA-256 over the
  canonical JSON of ``{prev_hash, deal_id, n, kind, actor, terms, created_at}``
  (:func:`event_hash`); ``GET /v1/deals/{id}/verify`` recomputes the chain.
* Signing: Ed25519 (``cryptography``) over :func:`signing_message` (the deal id and the
  accepted terms' hash); the deal is ``signed`` once the buyer and one staff member of
  the company have signed.
* Pull sources for ``me`` (:func:`me_sources`) and ``company:<id>``
  (:func:`company_sources`); online reads in :data:`router`.
* :class:`DealBot`: the demo exhibitor's side of a deal (driven by
  :class:`server.demo_bots.DemoBots`).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import logging
import re
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Annotated, Any

import orjson
import sqlalchemy as sa
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from fastapi import APIRouter, Path, Request
from orjson import Fragment
from pydantic import Field, StrictInt, StrictStr
from sqlalchemy.engine import Connection
from starlette.responses import Response

from server import db, social
from server.auth import Creds, User, require_user, token_of
from server.deals_schema import deal_events, deals, demo_signing_keys, signing_keys
from server.mutations import MutationContext, Rejected, _parse, _Strict, mutation
from server.problems import ProblemError
from server.social_schema import demo_bots
from server.state import get_state, json_response, run_sync

if TYPE_CHECKING:
    from server.demo_bots import DemoBots

log = logging.getLogger(__name__)

Change = tuple[int, bytes]
Source = Callable[[Connection, int, int, bool, int], list[Change]]

GENESIS = "0" * 64
INCOTERMS = ("EXW", "FCA", "FAS", "FOB", "CFR", "CIF", "CPT", "CIP", "DAP", "DPU", "DDP")
OPEN_STATES = ("offered", "countered")
TERMINAL = ("declined", "withdrawn", "signed")
MAX_ITEMS = 100

#: Active ISO 4217 currency codes.
_ISO_4217 = """
AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP
BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP
GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR
KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK
MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR
SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS
UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XOF XPF YER ZAR ZMW ZWG
"""
CURRENCIES = frozenset(_ISO_4217.split())
#: Minor-unit digits where they are not 2 (totals are rounded to these).
MINOR_UNITS = {
    **dict.fromkeys(("BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF",
                     "UGX", "VND", "VUV", "XAF", "XOF", "XPF"), 0),
    **dict.fromkeys(("BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"), 3),
}

QTY_RE = re.compile(r"^[0-9]{1,12}(\.[0-9]{1,6})?$")
PRICE_RE = re.compile(r"^[0-9]{1,12}(\.[0-9]{1,4})?$")
DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
DATETIME_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?Z$")
UUID_RE = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"

DealId = Annotated[StrictStr, Field(pattern=UUID_RE)]
Id = Annotated[StrictInt, Field(ge=1, le=2**62)]
Version = Annotated[StrictInt, Field(ge=1, le=2**62)]


# =========================================================================== canonical form

def canonical(value: Any) -> bytes:
    """Canonical JSON: sorted keys, no whitespace, UTF-8 (non-ASCII as is)."""
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def terms_hash(terms: dict[str, Any]) -> str:
    """SHA-256 (hex) of the canonical JSON of normalised terms (totals included)."""
    return sha256_hex(canonical(terms))


def event_hash(
    prev_hash: str, deal_id: str, n: int, kind: str, actor: dict[str, Any],
    terms: Any, created_at: str,
) -> str:
    """The chain hash of one event (see the module docstring)."""
    return sha256_hex(canonical({
        "prev_hash": prev_hash, "deal_id": deal_id, "n": n, "kind": kind, "actor": actor,
        "terms": terms, "created_at": created_at,
    }))


def signing_message(deal_id: str, thash: str) -> bytes:
    """The bytes each party signs with Ed25519."""
    return f"fairdesk-deal-v1|{deal_id}|{thash}".encode()


def fingerprint(raw_public_key: bytes) -> str:
    return sha256_hex(raw_public_key)[:16]


# =========================================================================== terms

class ItemIn(_Strict):
    product_id: Id | None = None
    description: Annotated[StrictStr, Field(min_length=1, max_length=500)]
    spec_notes: Annotated[StrictStr, Field(max_length=2000)] = ""
    quantity: StrictStr
    unit: Annotated[StrictStr, Field(min_length=1, max_length=50)]
    unit_price: StrictStr
    currency: StrictStr
    amount: StrictStr | None = None  # computed by the server; accepted and ignored


class TermsIn(_Strict):
    items: Annotated[list[ItemIn], Field(min_length=1, max_length=MAX_ITEMS)]
    incoterm: StrictStr
    incoterm_place: Annotated[StrictStr, Field(min_length=1, max_length=200)]
    delivery_date: StrictStr
    payment_terms: Annotated[StrictStr, Field(min_length=1, max_length=2000)]
    valid_until: StrictStr
    notes: Annotated[StrictStr, Field(max_length=4000)] = ""
    totals: dict[str, Any] | None = None  # computed by the server; accepted and ignored


def _dec_str(d: Decimal) -> str:
    """Canonical decimal text: no exponent, no trailing zeros ("12.5", "1000")."""
    s = format(d.normalize(), "f")
    return s if s else "0"


def _text(value: str, field: str, blank_ok: bool = True) -> str:
    if "\x00" in value:
        raise Rejected("invalid-value", f"{field}: must not contain NUL characters")
    value = value.strip()
    if not blank_ok and not value:
        raise Rejected("invalid-value", f"{field}: must not be blank")
    return value


def parse_valid_until(text: str) -> datetime:
    return datetime.strptime(text[:19], "%Y-%m-%dT%H:%M:%S").replace(tzinfo=UTC)


def normalize_terms(conn: Connection, company_id: int, raw: Any, now: datetime) -> dict[str, Any]:
    """Validate ``raw`` terms (for a deal with ``company_id``); the normalised terms with
    computed ``amount`` per item and ``totals`` per currency.  Raises ``invalid-value``."""
    if not isinstance(raw, dict):
        raise Rejected("invalid-value", "terms: must be an object")
    t: TermsIn = _parse(TermsIn, raw)
    items: list[dict[str, Any]] = []
    totals: dict[str, Decimal] = {}
    p = db.products.c
    for i, it in enumerate(t.items):
        where = f"terms.items.{i}"
        if not QTY_RE.match(it.quantity):
            raise Rejected("invalid-value", f"{where}.quantity: {it.quantity!r} is not a decimal number "
                           "(digits, at most 6 decimals, e.g. \"1000\" or \"2.5\")")
        qty = Decimal(it.quantity)
        if qty <= 0:
            raise Rejected("invalid-value", f"{where}.quantity: must be positive")
        if not PRICE_RE.match(it.unit_price):
            raise Rejected("invalid-value", f"{where}.unit_price: {it.unit_price!r} is not a decimal number "
                           "(digits, at most 4 decimals, e.g. \"12.50\")")
        price = Decimal(it.unit_price)
        if it.currency not in CURRENCIES:
            raise Rejected("invalid-value", f"{where}.currency: {it.currency!r} is not an ISO 4217 currency code")
        if it.product_id is not None:
            owner = conn.execute(sa.select(p.company_id).where(p.id == it.product_id)).scalar()
            if owner is None or int(owner) != company_id:
                raise Rejected("invalid-value", f"{where}.product_id: product {it.product_id} is not in this company's catalog")
        places = MINOR_UNITS.get(it.currency, 2)
        amount = (qty * price).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        totals[it.currency] = totals.get(it.currency, Decimal(0)) + amount
        items.append({
            "product_id": it.product_id,
            "description": _text(it.description, f"{where}.description", blank_ok=False),
            "spec_notes": _text(it.spec_notes, f"{where}.spec_notes"),
            "quantity": _dec_str(qty),
            "unit": _text(it.unit, f"{where}.unit", blank_ok=False),
            "unit_price": _dec_str(price),
            "currency": it.currency,
            "amount": f"{amount:.{places}f}",
        })
    incoterm = t.incoterm.strip().upper()
    if incoterm not in INCOTERMS:
        raise Rejected("invalid-value", f"terms.incoterm: {t.incoterm!r} is not an Incoterm 2020 rule "
                       f"({', '.join(INCOTERMS)})")
    if not DATE_RE.match(t.delivery_date):
        raise Rejected("invalid-value", "terms.delivery_date: must be a date YYYY-MM-DD")
    try:
        delivery = date.fromisoformat(t.delivery_date)
    except ValueError:
        raise Rejected("invalid-value", f"terms.delivery_date: {t.delivery_date!r} is not a valid date") from None
    if not (2000 <= delivery.year <= 2100):
        raise Rejected("invalid-value", "terms.delivery_date: must be between 2000 and 2100")
    if not DATETIME_RE.match(t.valid_until):
        raise Rejected("invalid-value", "terms.valid_until: must be a UTC time YYYY-MM-DDTHH:MM:SSZ")
    try:
        until = parse_valid_until(t.valid_until)
    except ValueError:
        raise Rejected("invalid-value", f"terms.valid_until: {t.valid_until!r} is not a valid time") from None
    if until <= now:
        raise Rejected("invalid-value", f"terms.valid_until: {t.valid_until} is already past; an offer must be valid for a while")
    if until > now + timedelta(days=366):
        raise Rejected("invalid-value", "terms.valid_until: an offer may be valid for at most a year")
    if delivery < (now - timedelta(days=1)).date():
        raise Rejected("invalid-value", f"terms.delivery_date: {t.delivery_date} is in the past")
    return {
        "items": items,
        "incoterm": incoterm,
        "incoterm_place": _text(t.incoterm_place, "terms.incoterm_place", blank_ok=False),
        "delivery_date": delivery.isoformat(),
        "payment_terms": _text(t.payment_terms, "terms.payment_terms", blank_ok=False),
        "valid_until": until.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "notes": _text(t.notes, "terms.notes"),
        "totals": {
            cur: f"{v:.{MINOR_UNITS.get(cur, 2)}f}" for cur, v in sorted(totals.items())
        },
    }


# =========================================================================== wire

_DEAL_COLS = (
    "id", "buyer_user_id", "company_id", "conversation_id", "product_ids", "opened_by", "state",
    "version", "offer_by", "offer_user_id", "terms", "terms_hash", "valid_until",
    "accepted_version", "accepted_at", "signatures", "signed_at", "event_count", "head_hash",
    "created_at", "updated_at",
)
_EVENT_COLS = (
    "deal_id", "n", "buyer_user_id", "company_id", "kind", "actor_side", "actor_user_id",
    "actor_name", "version", "terms", "created_at", "prev_hash", "hash",
)


def deal_wire(m: Any) -> dict[str, Any]:
    return {
        "id": m["id"],
        "buyer_user_id": m["buyer_user_id"],
        "buyer_name": m["buyer_name"],
        "company_id": m["company_id"],
        "company_name": m["company_name"],
        "company_is_demo": bool(m["company_is_demo"]),
        "conversation_id": m["conversation_id"],
        "product_ids": Fragment(m["product_ids"] or "[]"),
        "opened_by": m["opened_by"],
        "state": m["state"],
        "version": m["version"],
        "offer_by": m["offer_by"],
        "offer_user_id": m["offer_user_id"],
        "terms": Fragment(m["terms"]) if m["terms"] is not None else None,
        "terms_hash": m["terms_hash"],
        "valid_until": m["valid_until"],
        "accepted_version": m["accepted_version"],
        "accepted_at": m["accepted_at"],
        "signatures": Fragment(m["signatures"] or "[]"),
        "signed_at": m["signed_at"],
        "event_count": m["event_count"],
        "head_hash": m["head_hash"],
        "created_at": m["created_at"],
        "updated_at": m["updated_at"],
    }


def event_wire(m: Any) -> dict[str, Any]:
    return {
        "id": f"{m['deal_id']}:{m['n']}",
        "deal_id": m["deal_id"],
        "n": m["n"],
        "kind": m["kind"],
        "actor": {"side": m["actor_side"], "user_id": m["actor_user_id"], "name": m["actor_name"]},
        "version": m["version"],
        "terms": Fragment(m["terms"]) if m["terms"] is not None else None,
        "created_at": m["created_at"],
        "prev_hash": m["prev_hash"],
        "hash": m["hash"],
    }


def key_wire(m: Any) -> dict[str, Any]:
    return {
        "id": m["fingerprint"], "fingerprint": m["fingerprint"], "public_key": m["public_key"],
        "is_demo": bool(m["is_demo"]), "created_at": m["created_at"],
    }


def _deal_select(where: sa.ColumnElement[bool]) -> sa.Select[Any]:
    d = deals.c
    bu = db.users.alias("deal_buyer")
    co = db.companies.c
    return (
        sa.select(
            *(d[k] for k in _DEAL_COLS),
            bu.c.display_name.label("buyer_name"), co.name_en.label("company_name"),
            co.is_demo.label("company_is_demo"),
        )
        .select_from(deals.join(bu, bu.c.id == d.buyer_user_id).join(db.companies, co.id == d.company_id))
        .where(where)
    )


def _source(
    entity: str, build: Callable[[], sa.Select[Any]], seq_col: Any,
    to_wire: Callable[[Any], dict[str, Any]], id_of: Callable[[Any], Any],
) -> Source:
    def fetch(conn: Connection, after: int, n: int, initial: bool, floor: int) -> list[Change]:
        q = build().add_columns(seq_col.label("_seq")).where(seq_col > after).order_by(seq_col).limit(n)
        out: list[Change] = []
        for row in conn.execute(q):
            mm = row._mapping
            out.append((int(mm["_seq"]), orjson.dumps(
                {"entity": entity, "op": "upsert", "id": id_of(mm), "data": to_wire(mm)}
            )))
        return out

    return fetch


def _deals_source(where: Callable[[], sa.ColumnElement[bool]]) -> Source:
    return _source("deal", lambda: _deal_select(where()), deals.c.seq, deal_wire, lambda m: m["id"])


def _events_source(where: Callable[[], sa.ColumnElement[bool]]) -> Source:
    e = deal_events.c
    return _source(
        "deal_event", lambda: sa.select(*(e[k] for k in _EVENT_COLS)).where(where()), e.seq,
        event_wire, lambda m: f"{m['deal_id']}:{m['n']}",
    )


def _keys_source(uid: int) -> Source:
    k = signing_keys.c
    return _source(
        "signing_key",
        lambda: sa.select(k.fingerprint, k.public_key, k.is_demo, k.created_at).where(k.user_id == uid),
        k.seq, key_wire, lambda m: m["fingerprint"],
    )


def me_sources(uid: int) -> list[Source]:
    """Sources of a user's ``me`` scope: the buyer's deals and events, own signing keys."""
    return [
        _deals_source(lambda: deals.c.buyer_user_id == uid),
        _events_source(lambda: deal_events.c.buyer_user_id == uid),
        _keys_source(uid),
    ]


def company_sources(cid: int) -> list[Source]:
    """Sources of a ``company:<id>`` scope: the company's deals and their events."""
    return [
        _deals_source(lambda: deals.c.company_id == cid),
        _events_source(lambda: deal_events.c.company_id == cid),
    ]


def load_deal(conn: Connection, deal_id: str) -> dict[str, Any] | None:
    """The deal's wire form (plain JSON values) or None."""
    row = conn.execute(_deal_select(deals.c.id == deal_id)).first()
    if row is None:
        return None
    out: dict[str, Any] = orjson.loads(orjson.dumps(deal_wire(row._mapping)))
    return out


# =========================================================================== state machine

def side_of(user: User, deal: Any) -> str | None:
    """``buyer`` / ``company`` when ``user`` is a party to ``deal``, else None."""
    if user.id == deal.buyer_user_id:
        return "buyer"
    if user.role == "exhibitor" and user.company_id is not None and user.company_id == deal.company_id:
        return "company"
    return None


def _deal_row(conn: Connection, deal_id: str) -> Any:
    return conn.execute(sa.select(*(deals.c[k] for k in _DEAL_COLS)).where(deals.c.id == deal_id)).first()


def _party(ctx: MutationContext, deal_id: str) -> tuple[Any, str]:
    row = _deal_row(ctx.conn, deal_id)
    side = side_of(ctx.user, row) if row is not None else None
    if row is None or side is None:
        raise Rejected("not-found", f"deal {deal_id} does not exist")
    return row, side


_PAST = {"open": "opened the deal", "offer": "made an offer", "counter": "countered",
         "accept": "accepted the offer", "decline": "declined the offer",
         "withdraw": "withdrew the offer", "sign": "signed"}


def _stale(ctx: MutationContext, row: Any, side: str, base: int) -> Rejected:
    e = deal_events.c
    last = ctx.conn.execute(
        sa.select(e.kind, e.actor_side, e.actor_user_id).where(e.deal_id == row.id).order_by(e.n.desc()).limit(1)
    ).first()
    if last is None:  # pragma: no cover - every deal has its open event
        who, what = "someone", "changed it"
    else:
        what = _PAST.get(last.kind, last.kind)
        if last.actor_user_id == ctx.user.id:
            who, what = "you", what + " (on another device)"
        elif last.actor_side == side:
            who = "your colleague" if side == "company" else "you"
        else:
            who = "the other side"
    tail = {"counter": ": here is the new offer", "offer": ": here is the offer"}.get(last.kind if last else "", "")
    reason = (f"{who} {what} first{tail} (deal version {row.version}; your change was made on version {base})")
    return Rejected("stale", reason, {"deal": load_deal(ctx.conn, row.id)})


def _check_version(ctx: MutationContext, row: Any, side: str, base: int) -> None:
    if int(row.version) != base:
        raise _stale(ctx, row, side, base)


def _append_event(
    ctx: MutationContext, row: Any, kind: str, side: str, payload: Any, version: int
) -> str:
    """Append event n = event_count + 1; returns its hash."""
    n = int(row.event_count) + 1
    actor = {"side": side, "user_id": ctx.user.id}
    h = event_hash(row.head_hash, row.id, n, kind, actor, payload, ctx.now)
    ctx.conn.execute(deal_events.insert().values(
        deal_id=row.id, n=n, buyer_user_id=row.buyer_user_id, company_id=row.company_id,
        kind=kind, actor_side=side, actor_user_id=ctx.user.id, actor_name=ctx.user.display_name,
        version=version, terms=canonical(payload).decode() if payload is not None else None,
        created_at=ctx.now, prev_hash=row.head_hash, hash=h, seq=ctx.seq(),
    ))
    return h


def _update(ctx: MutationContext, row: Any, kind: str, side: str, payload: Any, **values: Any) -> dict[str, Any]:
    version = int(row.version) + 1
    h = _append_event(ctx, row, kind, side, payload, version)
    ctx.conn.execute(sa.update(deals).where(deals.c.id == row.id).values(
        version=version, event_count=int(row.event_count) + 1, head_hash=h, updated_at=ctx.now,
        seq=ctx.seq(), **values,
    ))
    ctx.touched.update({f"me:{row.buyer_user_id}", f"company:{row.company_id}"})
    return _result(ctx.conn, row.id)


def _result(conn: Connection, deal_id: str) -> dict[str, Any]:
    d = load_deal(conn, deal_id)
    assert d is not None
    return {"id": f"deal:{deal_id}", "deal_id": deal_id, "state": d["state"], "version": d["version"], "deal": d}


def _now_dt(ctx: MutationContext) -> datetime:
    return datetime.strptime(ctx.now[:19], "%Y-%m-%dT%H:%M:%S").replace(tzinfo=UTC)


# =========================================================================== mutations

class OpenArgs(_Strict):
    deal_id: DealId
    company_id: Id | None = None
    buyer_user_id: Id | None = None
    conversation_id: Id | None = None
    product_ids: Annotated[list[Id], Field(max_length=MAX_ITEMS)] = Field(default_factory=list)


@mutation("deal.open")
def deal_open(ctx: MutationContext, args: dict[str, Any]) -> Any:
    a: OpenArgs = _parse(OpenArgs, args)
    conn, user = ctx.conn, ctx.user
    if (a.company_id is None) == (a.buyer_user_id is None):
        raise Rejected("invalid-value", "give exactly one of company_id (a buyer opens) and buyer_user_id (staff open)")
    if user.role == "buyer":
        if a.company_id is None:
            raise Rejected("forbidden", "a buyer opens a deal with a company (company_id)")
        if social._company(conn, a.company_id) is None:
            raise Rejected("not-found", f"company {a.company_id} does not exist")
        buyer_id, company_id, side = user.id, a.company_id, "buyer"
    else:
        company_id = social._require_staff(user)
        if a.buyer_user_id is None:
            raise Rejected("forbidden", "exhibitor staff open a deal with a buyer (buyer_user_id)")
        target = social._user_row(conn, a.buyer_user_id)
        if target is None or target.role != "buyer" or not social.may_contact(conn, company_id, a.buyer_user_id):
            raise Rejected("forbidden", "you may open a deal only with a buyer who authorized your company or contacted it")
        buyer_id, side = a.buyer_user_id, "company"
    existing = _deal_row(conn, a.deal_id)
    if existing is not None:
        if existing.buyer_user_id == buyer_id and existing.company_id == company_id:
            return _result(conn, a.deal_id)  # the same open again: nothing new
        raise Rejected("conflict", f"deal id {a.deal_id} is already taken; generate a new one")
    if a.conversation_id is not None:
        conv = social._conversation(conn, a.conversation_id)
        if conv is None or conv.buyer_user_id != buyer_id or conv.company_id != company_id:
            raise Rejected("not-found", f"conversation {a.conversation_id} is not between this buyer and company")
    product_ids = list(dict.fromkeys(a.product_ids))
    if product_ids:
        p = db.products.c
        found = {int(x) for x in conn.execute(
            sa.select(p.id).where(p.id.in_(product_ids), p.company_id == company_id)
        ).scalars()}
        missing = [x for x in product_ids if x not in found]
        if missing:
            raise Rejected("invalid-value", f"product_ids: {missing[0]} is not in this company's catalog")
    actor = {"side": side, "user_id": user.id}
    h = event_hash(GENESIS, a.deal_id, 1, "open", actor, None, ctx.now)
    conn.execute(deals.insert().values(
        id=a.deal_id, buyer_user_id=buyer_id, company_id=company_id, conversation_id=a.conversation_id,
        product_ids=orjson.dumps(product_ids).decode(), opened_by=side, opened_by_user_id=user.id,
        state="draft", version=1, offer_by=None, offer_user_id=None, terms=None, terms_hash=None,
        valid_until=None, signatures="[]", event_count=1, head_hash=h, created_at=ctx.now,
        updated_at=ctx.now, seq=ctx.seq(),
    ))
    conn.execute(deal_events.insert().values(
        deal_id=a.deal_id, n=1, buyer_user_id=buyer_id, company_id=company_id, kind="open",
        actor_side=side, actor_user_id=user.id, actor_name=user.display_name, version=1, terms=None,
        created_at=ctx.now, prev_hash=GENESIS, hash=h, seq=ctx.seq(),
    ))
    if side == "buyer":
        social._set_link(ctx, company_id, buyer_id, contacted=True)
    ctx.touched.update({f"me:{buyer_id}", f"company:{company_id}"})
    return _result(conn, a.deal_id)


class TermsArgs(_Strict):
    deal_id: DealId
    base_version: Version
    terms: dict[str, Any]


class CommandArgs(_Strict):
    deal_id: DealId
    base_version: Version


def _make_offer(ctx: MutationContext, args: dict[str, Any], kind: str) -> Any:
    a: TermsArgs = _parse(TermsArgs, args)
    row, side = _party(ctx, a.deal_id)
    _check_version(ctx, row, side, a.base_version)
    if kind == "offer":
        if row.state != "draft":
            raise Rejected("not-allowed", f"the deal is {row.state}: an offer is made on a draft; "
                           "answer an open offer with deal.counter")
    elif row.state not in OPEN_STATES:
        raise Rejected("not-allowed", f"the deal is {row.state}: there is no open offer to counter")
    elif row.offer_by == side:
        raise Rejected("not-allowed", "you made the current offer: only the other side may counter it "
                       "(withdraw it to start over)")
    terms = normalize_terms(ctx.conn, int(row.company_id), a.terms, _now_dt(ctx))
    th = terms_hash(terms)
    return _update(
        ctx, row, kind, side, terms,
        state="offered" if kind == "offer" else "countered", offer_by=side, offer_user_id=ctx.user.id,
        terms=canonical(terms).decode(), terms_hash=th, valid_until=terms["valid_until"],
    )


@mutation("deal.offer")
def deal_offer(ctx: MutationContext, args: dict[str, Any]) -> Any:
    return _make_offer(ctx, args, "offer")


@mutation("deal.counter")
def deal_counter(ctx: MutationContext, args: dict[str, Any]) -> Any:
    return _make_offer(ctx, args, "counter")


def _answer(ctx: MutationContext, args: dict[str, Any], kind: str) -> tuple[Any, str]:
    """Common checks of accept/decline: the row and the caller's side."""
    a: CommandArgs = _parse(CommandArgs, args)
    row, side = _party(ctx, a.deal_id)
    _check_version(ctx, row, side, a.base_version)
    if row.state not in OPEN_STATES:
        raise Rejected("not-allowed", f"the deal is {row.state}: there is no open offer to {kind}")
    if row.offer_by == side:
        raise Rejected("not-allowed", f"you made the current offer: only the other side may {kind} it")
    return row, side


@mutation("deal.accept")
def deal_accept(ctx: MutationContext, args: dict[str, Any]) -> Any:
    row, side = _answer(ctx, args, "accept")
    if row.valid_until is not None and parse_valid_until(row.valid_until) < _now_dt(ctx):
        raise Rejected("not-allowed", f"the offer expired at {row.valid_until}: it can no longer be "
                       "accepted; counter it instead", {"deal": load_deal(ctx.conn, row.id)})
    return _update(
        ctx, row, "accept", side, {"terms_hash": row.terms_hash},
        state="accepted", accepted_version=int(row.version) + 1, accepted_at=ctx.now,
    )


@mutation("deal.decline")
def deal_decline(ctx: MutationContext, args: dict[str, Any]) -> Any:
    row, side = _answer(ctx, args, "decline")
    return _update(ctx, row, "decline", side, None, state="declined")


@mutation("deal.withdraw")
def deal_withdraw(ctx: MutationContext, args: dict[str, Any]) -> Any:
    a: CommandArgs = _parse(CommandArgs, args)
    row, side = _party(ctx, a.deal_id)
    _check_version(ctx, row, side, a.base_version)
    if row.state in OPEN_STATES:
        if row.offer_by != side:
            raise Rejected("not-allowed", "only the side that made the current offer may withdraw it "
                           "(decline or counter it instead)")
    elif row.state != "draft":
        raise Rejected("not-allowed", f"the deal is {row.state}: there is nothing to withdraw")
    return _update(ctx, row, "withdraw", side, None, state="withdrawn")


# --------------------------------------------------------------------------- keys

class KeyArgs(_Strict):
    public_key: Annotated[StrictStr, Field(max_length=100)]


def _b64(text: str, field: str, size: int) -> bytes:
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise Rejected("invalid-value", f"{field}: not valid base64") from None
    if len(raw) != size:
        raise Rejected("invalid-value", f"{field}: must be {size} bytes, not {len(raw)}")
    return raw


def register_key(ctx: MutationContext, raw: bytes, is_demo: bool = False) -> str:
    """Register ``raw`` (an Ed25519 public key) for ``ctx.user``; its fingerprint."""
    try:
        Ed25519PublicKey.from_public_bytes(raw)
    except ValueError:
        raise Rejected("invalid-value", "public_key: not an Ed25519 public key") from None
    fp = fingerprint(raw)
    k = signing_keys.c
    owner = ctx.conn.execute(sa.select(k.user_id).where(k.fingerprint == fp)).scalar()
    if owner is not None:
        if int(owner) != ctx.user.id:
            raise Rejected("conflict", "this public key is registered to another user; generate a new key")
        return fp
    ctx.conn.execute(signing_keys.insert().values(
        fingerprint=fp, user_id=ctx.user.id, public_key=base64.b64encode(raw).decode(),
        is_demo=is_demo, created_at=ctx.now, seq=ctx.seq(),
    ))
    ctx.touched.add(f"me:{ctx.user.id}")
    return fp


@mutation("key.register")
def key_register(ctx: MutationContext, args: dict[str, Any]) -> Any:
    a: KeyArgs = _parse(KeyArgs, args)
    raw = _b64(a.public_key, "public_key", 32)
    is_bot = ctx.conn.execute(
        sa.select(demo_bots.c.user_id).where(demo_bots.c.user_id == ctx.user.id)
    ).first() is not None
    fp = register_key(ctx, raw, is_demo=is_bot)
    return {"id": f"signing_key:{fp}", "fingerprint": fp}


# --------------------------------------------------------------------------- signing

class SignArgs(_Strict):
    deal_id: DealId
    base_version: Version
    terms_hash: Annotated[StrictStr, Field(pattern=r"^[0-9a-f]{64}$")]
    signature: Annotated[StrictStr, Field(max_length=200)]
    key_fingerprint: Annotated[StrictStr, Field(pattern=r"^[0-9a-f]{16}$")]


def verify_signature(public_key_b64: str, deal_id: str, thash: str, signature_b64: str) -> bool:
    try:
        key = Ed25519PublicKey.from_public_bytes(base64.b64decode(public_key_b64, validate=True))
        key.verify(base64.b64decode(signature_b64, validate=True), signing_message(deal_id, thash))
    except (InvalidSignature, ValueError, binascii.Error):
        return False
    return True


@mutation("deal.sign")
def deal_sign(ctx: MutationContext, args: dict[str, Any]) -> Any:
    a: SignArgs = _parse(SignArgs, args)
    row, side = _party(ctx, a.deal_id)
    sigs: list[dict[str, Any]] = orjson.loads(row.signatures or "[]")
    mine = next((s for s in sigs if s["side"] == side), None)
    if mine is not None:
        if mine["signature"] == a.signature and mine["key_fingerprint"] == a.key_fingerprint:
            return _result(ctx.conn, row.id)  # the same signature again: nothing new
        raise Rejected("not-allowed", f"the {side} side already signed this deal"
                       + (" (a colleague signed for the company)" if side == "company" else ""),
                       {"deal": load_deal(ctx.conn, row.id)})
    if row.state != "accepted":
        if row.state in OPEN_STATES or row.state == "draft":
            raise Rejected("not-allowed", f"the deal is {row.state}: only accepted terms are signed")
        raise Rejected("not-allowed", f"the deal is {row.state}: it cannot be signed",
                       {"deal": load_deal(ctx.conn, row.id)})
    if row.accepted_version is not None and a.base_version < int(row.accepted_version):
        raise _stale(ctx, row, side, a.base_version)
    sig_raw = _b64(a.signature, "signature", 64)
    if a.terms_hash != row.terms_hash:
        raise Rejected("bad-signature", f"you signed terms with hash {a.terms_hash[:16]}…, but the accepted "
                       f"terms have hash {row.terms_hash[:16]}…: sign the accepted terms",
                       {"deal": load_deal(ctx.conn, row.id)})
    k = signing_keys.c
    key = ctx.conn.execute(
        sa.select(k.public_key, k.user_id).where(k.fingerprint == a.key_fingerprint)
    ).first()
    if key is None or int(key.user_id) != ctx.user.id:
        raise Rejected("bad-signature", f"key {a.key_fingerprint} is not one of your registered keys "
                       "(register it with key.register first)")
    if not verify_signature(key.public_key, row.id, row.terms_hash, a.signature):
        raise Rejected("bad-signature", "the signature does not verify with your key over the accepted terms' hash")
    sigs.append({
        "side": side, "user_id": ctx.user.id, "name": ctx.user.display_name,
        "key_fingerprint": a.key_fingerprint, "public_key": key.public_key,
        "signature": base64.b64encode(sig_raw).decode(), "terms_hash": row.terms_hash, "signed_at": ctx.now,
    })
    sigs.sort(key=lambda s: 0 if s["side"] == "buyer" else 1)
    both = {s["side"] for s in sigs} == {"buyer", "company"}
    payload = {"terms_hash": row.terms_hash, "key_fingerprint": a.key_fingerprint,
               "signature": base64.b64encode(sig_raw).decode()}
    values: dict[str, Any] = {"signatures": canonical(sigs).decode()}
    if both:
        values.update(state="signed", signed_at=ctx.now)
    return _update(ctx, row, "sign", side, payload, **values)


# =========================================================================== verification

def verify_chain(conn: Connection, deal_id: str) -> dict[str, Any]:
    """Recompute the deal's hash chain, its terms hash and its signatures."""
    e = deal_events.c
    row = _deal_row(conn, deal_id)
    assert row is not None
    problems: list[dict[str, Any]] = []
    prev = GENESIS
    last_terms: Any = None
    n_expected = 1
    events = conn.execute(sa.select(*(e[k] for k in _EVENT_COLS)).where(e.deal_id == deal_id).order_by(e.n)).all()
    for ev in events:
        if ev.n != n_expected:
            problems.append({"n": ev.n, "problem": f"event {n_expected} is missing"})
            n_expected = ev.n
        n_expected += 1
        if ev.prev_hash != prev:
            problems.append({"n": ev.n, "problem": "prev_hash does not match the previous event's hash"})
        try:
            payload = orjson.loads(ev.terms) if ev.terms is not None else None
        except orjson.JSONDecodeError:
            problems.append({"n": ev.n, "problem": "the stored terms are not JSON"})
            payload = None
        actor = {"side": ev.actor_side, "user_id": ev.actor_user_id}
        h = event_hash(ev.prev_hash, deal_id, ev.n, ev.kind, actor, payload, ev.created_at)
        if h != ev.hash:
            problems.append({"n": ev.n, "problem": "the event's content does not match its hash"})
        if ev.kind in ("offer", "counter"):
            last_terms = payload
        prev = ev.hash
    if prev != row.head_hash or len(events) != row.event_count:
        problems.append({"n": None, "problem": "the deal's head hash or event count does not match its events"})
    terms_ok = True
    if row.terms is not None:
        try:
            current = orjson.loads(row.terms)
        except orjson.JSONDecodeError:
            current = None
        terms_ok = (
            current is not None and terms_hash(current) == row.terms_hash and current == last_terms
        )
        if not terms_ok:
            problems.append({"n": None, "problem": "the deal's terms do not match their hash or the last offer"})
    sig_out = []
    for s in orjson.loads(row.signatures or "[]"):
        ok = s.get("terms_hash") == row.terms_hash and verify_signature(
            s["public_key"], deal_id, row.terms_hash or "", s["signature"]
        )
        if not ok:
            problems.append({"n": None, "problem": f"the {s['side']} signature does not verify"})
        sig_out.append({"side": s["side"], "user_id": s["user_id"], "key_fingerprint": s["key_fingerprint"], "valid": ok})
    return {
        "deal_id": deal_id, "valid": not problems, "event_count": len(events), "head_hash": prev,
        "terms_hash": row.terms_hash, "terms_ok": terms_ok, "signatures": sig_out, "problems": problems,
        "state": row.state,
    }


# =========================================================================== online reads

def _readable(conn: Connection, user: User, deal_id: str) -> Any:
    row = _deal_row(conn, deal_id)
    if row is None or side_of(user, row) is None:
        raise ProblemError(404, "not-found", f"There is no deal {deal_id} you may see.")
    return row


def read_deal(state: Any, token: str | None, deal_id: str) -> dict[str, Any]:
    with db.read_tx(state.engine) as conn:
        user = require_user(conn, token)
        _readable(conn, user, deal_id)
        e = deal_events.c
        events = [
            orjson.loads(orjson.dumps(event_wire(r._mapping)))
            for r in conn.execute(sa.select(*(e[k] for k in _EVENT_COLS)).where(e.deal_id == deal_id).order_by(e.n))
        ]
        return {"deal": load_deal(conn, deal_id), "events": events}


def read_verify(state: Any, token: str | None, deal_id: str) -> dict[str, Any]:
    with db.read_tx(state.engine) as conn:
        user = require_user(conn, token)
        _readable(conn, user, deal_id)
        return verify_chain(conn, deal_id)


router = APIRouter()
PathDealId = Annotated[str, Path(pattern=UUID_RE)]


@router.get("/v1/deals/{deal_id}", tags=["deals"])
async def deal_route(request: Request, creds: Creds, deal_id: PathDealId) -> Response:
    return json_response(await run_sync(read_deal, get_state(request), token_of(creds), deal_id))


@router.get("/v1/deals/{deal_id}/verify", tags=["deals"])
async def verify_route(request: Request, creds: Creds, deal_id: PathDealId) -> Response:
    return json_response(await run_sync(read_verify, get_state(request), token_of(creds), deal_id))


# =========================================================================== demo exhibitor

COUNTER_MARKUP = Decimal("1.08")
ACCEPT_WITHIN = Decimal("0.95")
DEMO_VALID_DAYS = 7


def _demo_note(first: bool) -> str:
    if first:
        return ("Thank you for your offer! Given current material costs we can do this at +8% on the unit "
                "price; the rest of your terms are fine. (demo)\n感谢您的报价！考虑到目前的原材料成本，"
                "单价需上调8%，其他条款均可接受。（演示）")
    return ("This is already our best price; we cannot go lower. (demo)\n这已经是我们的最优价格，"
            "无法再降了。（演示）")


def demo_counter_terms(buyer_terms: dict[str, Any], base: dict[str, Any] | None, now: datetime) -> dict[str, Any]:
    """The demo exhibitor's counter: ``base`` (its previous counter) again, or the
    buyer's terms at +8% unit price."""
    t = dict(base if base is not None else buyer_terms)
    if base is None:
        t["items"] = [
            {**it, "unit_price": str((Decimal(it["unit_price"]) * COUNTER_MARKUP).quantize(Decimal("0.01"), ROUND_HALF_UP))}
            for it in buyer_terms["items"]
        ]
    t["valid_until"] = (now + timedelta(days=DEMO_VALID_DAYS)).strftime("%Y-%m-%dT%H:%M:%SZ")
    if date.fromisoformat(t["delivery_date"]) < now.date():
        t["delivery_date"] = (now + timedelta(days=60)).date().isoformat()
    t["notes"] = _demo_note(base is None)
    t.pop("totals", None)
    return t


def demo_reasonable(offer: dict[str, Any], counter: dict[str, Any]) -> bool:
    """Is the buyer's ``offer`` within ~5% of the bot's ``counter``?  Item by item (unit
    prices) when both have the same items, else by the total of each currency."""
    oi, ci = offer["items"], counter["items"]
    if len(oi) == len(ci) and all(a["currency"] == b["currency"] for a, b in zip(oi, ci, strict=True)):
        return all(
            Decimal(a["unit_price"]) >= Decimal(b["unit_price"]) * ACCEPT_WITHIN for a, b in zip(oi, ci, strict=True)
        )
    if set(offer["totals"]) != set(counter["totals"]):
        return False
    return all(
        Decimal(offer["totals"][cur]) >= Decimal(total) * ACCEPT_WITHIN for cur, total in counter["totals"].items()
    )


class DealBot:
    """The demo exhibitor's side of deals; ``tick()`` is called by the demo bots' thread.

    For a deal with a bot-run demo company: a buyer's first offer is countered once
    (+8% unit price, bilingual note); a later buyer offer within ~5% of that counter is
    accepted (otherwise the counter is repeated); accepted terms are signed with the
    bot's server-held demo key.  Each action waits a deterministic 1-2.5 s.
    """

    def __init__(self, bots: DemoBots) -> None:
        self.bots = bots
        self.state = bots.state
        self._due: dict[tuple[str, int], float] = {}
        self._failed: set[tuple[str, int]] = set()
        self.actions = 0

    def _pending(self) -> list[tuple[str, int]]:
        d, co, u, t = deals.c, db.companies.c, db.users.c, db.tokens.c
        human_signed_in = sa.exists(
            sa.select(u.id)
            .select_from(db.users.join(db.tokens, t.user_id == u.id))
            .where(u.company_id == co.id, u.id.not_in(sa.select(demo_bots.c.user_id)))
        )
        bot_run = sa.and_(co.is_demo.is_(True), sa.not_(human_signed_in))
        with db.read_tx(self.state.engine) as conn:
            rows = conn.execute(
                sa.select(d.id, d.version, d.state, d.offer_by, d.signatures)
                .select_from(deals.join(db.companies, co.id == d.company_id))
                .where(bot_run, sa.or_(
                    sa.and_(d.state.in_(OPEN_STATES), d.offer_by == "buyer"),
                    d.state == "accepted",
                ))
            ).all()
        out = []
        for r in rows:
            if r.state == "accepted" and any(s["side"] == "company" for s in orjson.loads(r.signatures or "[]")):
                continue
            out.append((str(r.id), int(r.version)))
        return out

    def tick(self) -> None:
        now = time.monotonic()
        pending = self._pending()
        live = set(pending)
        for key in list(self._due):
            if key not in live:
                del self._due[key]
        for key in pending:
            if key in self._failed:
                continue
            due = self._due.setdefault(key, now + 1.0 + (int(key[0][:6], 16) % 16) / 10)
            if now >= due:
                self._act(key)
                self._due.pop(key, None)

    def _act(self, key: tuple[str, int]) -> None:
        deal_id, version = key
        touched: set[str] = set()
        with db.write_tx(self.state.engine) as conn:
            row = _deal_row(conn, deal_id)
            if row is None or int(row.version) != version:
                return  # it moved on: looked at again next tick
            ctx = self.bots.bot_context(conn, int(row.company_id), touched)
            type_, args = self._decide(ctx, row)
            if not self.bots.apply_in_savepoint(ctx, type_, args, touched, deal_id):
                self._failed.add(key)
                return
        self.actions += 1
        self.state.notifier.notify(touched)

    def _decide(self, ctx: MutationContext, row: Any) -> tuple[str, dict[str, Any]]:
        base = {"deal_id": row.id, "base_version": int(row.version)}
        if row.state == "accepted":
            seed = self._key(ctx)
            thash = str(row.terms_hash)
            sig = seed.sign(signing_message(row.id, thash))
            fp = fingerprint(seed.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw))
            return "deal.sign", {**base, "terms_hash": thash, "signature": base64.b64encode(sig).decode(),
                                 "key_fingerprint": fp}
        e = deal_events.c
        previous = ctx.conn.execute(
            sa.select(e.terms).where(e.deal_id == row.id, e.kind == "counter", e.actor_side == "company")
            .order_by(e.n.desc()).limit(1)
        ).scalar()
        offer = orjson.loads(row.terms)
        if previous is not None:
            counter = orjson.loads(previous)
            if demo_reasonable(offer, counter):
                return "deal.accept", base
        counter_terms = demo_counter_terms(offer, orjson.loads(previous) if previous else None, _now_dt(ctx))
        return "deal.counter", {**base, "terms": counter_terms}

    def _key(self, ctx: MutationContext) -> Ed25519PrivateKey:
        """The bot's demo signing key (made and registered on first use)."""
        k = demo_signing_keys.c
        stored = ctx.conn.execute(sa.select(k.private_key).where(k.user_id == ctx.user.id)).scalar()
        if stored is not None:
            return Ed25519PrivateKey.from_private_bytes(base64.b64decode(stored))
        key = Ed25519PrivateKey.generate()
        from cryptography.hazmat.primitives.serialization import NoEncryption, PrivateFormat

        seed = key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        ctx.conn.execute(demo_signing_keys.insert().values(user_id=ctx.user.id, private_key=base64.b64encode(seed).decode()))
        register_key(ctx, key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw), is_demo=True)
        return key
