"""Deals for the client: terms rules, the local-first DealService (Qt-free; protocol §8).

Pure functions (the protocol's rules, re-implemented here: the client never imports
``server``)::

    INCOTERMS: tuple[str, ...]                 # the Incoterms 2020 rules, in order
    canonical_json(obj) -> bytes               # sorted keys, no whitespace, UTF-8 as is
    terms_hash(terms) -> str                   # SHA-256 hex of canonical_json(terms)
    signing_message(deal_id, terms_hash) -> bytes   # b"fairdesk-deal-v1|<id>|<hash>"
    event_hash(prev_hash, deal_id, n, kind, actor, terms, created_at) -> str
    minor_units(currency) -> int               # 0 JPY/KRW/..., 3 BHD/KWD/..., else 2
    item_amount(quantity, unit_price, currency) -> str   # half-up to the minor units
    compute_totals(items) -> dict[str, str]    # {currency: total}, keys sorted; skips bad items
    validate_terms(terms, now=None) -> list[tuple[str, str]]
        # [(field path, problem)], e.g. ("terms.items.0.quantity", "must be positive");
        # the same checks as the server's invalid-value reasons (all of them, not the first)
    normalise_terms(terms, now=None) -> dict   # the server's normalised form (amounts,
        # totals, canonical decimals, upper-case incoterm, valid_until ...Z, notes "");
        # raises DealError(problems=...) when validate_terms finds problems
    allowed_commands(deal, side, now=None) -> dict[str, bool]
        # {"offer","counter","accept","decline","withdraw","sign"} by the state machine

The service (reads from the Store; writes through ``engine.local_write`` so the engine
wakes and pushes; with ``engine=None``, e.g. offline tests, through ``store.write``)::

    class DealService:
        def __init__(self, store, engine, keys: KeyStore | None = None) -> None
        async def deals(self, text="", state=None) -> list[dict]
        async def deal(self, deal_id) -> dict | None
            # {"deal", "events", "pending": [{"seq","type","args","state"}],
            #  "rejections": [{"seq","code","reason","type","made_on_version"}],
            #  "my_side": "buyer"|"company", "can": {"offer",...,"sign": bool}}
        async def open_deal(self, *, company_id=None, buyer_user_id=None,
                            conversation_id=None, product_ids=()) -> str   # the deal id
        async def offer(self, deal_id, base_version, terms) -> None
        async def counter(self, deal_id, base_version, terms) -> None
        async def accept(self, deal_id, base_version) -> None
        async def decline(self, deal_id, base_version) -> None
        async def withdraw(self, deal_id, base_version) -> None
        async def sign(self, deal_id) -> None
        async def dismiss_rejection(self, seq) -> None
        async def export_contract(self, deal_id, dest, lang="en") -> Path
        async def verify_online(self, deal_id) -> dict     # GET /v1/deals/{id}/verify
        async def fetch_online(self, deal_id) -> dict      # GET /v1/deals/{id}

Bad input and commands the cached state does not allow raise ``DealError`` (a
``ValueError`` with a message for the user; ``.problems`` lists field problems).
Every problem text of ``validate_terms`` and every ``DealError`` message is a
``CodedText`` (offline_cache.workspace): the English text as a ``str`` that also carries
a stable ``.code`` ("terms.quantity_not_positive", "deal.not_found") and ``.params``,
so the UI can translate it (``DealError.code`` / ``.params`` give them too).
While a command on a deal is waiting to be sent, further commands on it are refused
(the next one would be made on a version that is about to change), except that a deal
opened here may get its first offer (or be withdrawn) before ``deal.open`` is pushed.
"""

from __future__ import annotations

import asyncio
import hashlib
import re
import uuid
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from offline_cache import deals as cache
from offline_cache.workspace import CodedError, CodedText

if TYPE_CHECKING:
    from .keys import KeyStore
    from .sync import StoreLike, SyncEngine

__all__ = [
    "CURRENCIES",
    "INCOTERMS",
    "DealError",
    "DealService",
    "allowed_commands",
    "canonical_json",
    "compute_totals",
    "event_hash",
    "item_amount",
    "minor_units",
    "normalise_terms",
    "signing_message",
    "terms_hash",
    "validate_terms",
]

GENESIS = "0" * 64
INCOTERMS = ("EXW", "FCA", "FAS", "FOB", "CFR", "CIF", "CPT", "CIP", "DAP", "DPU", "DDP")
OPEN_STATES = ("offered", "countered")
TERMINAL = ("declined", "withdrawn", "signed")
MAX_ITEMS = 100
COMMAND_NAMES = ("offer", "counter", "accept", "decline", "withdraw", "sign")

_ISO_4217 = """
AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP
BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP
GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR
KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK
MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR
SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS
UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XOF XPF YER ZAR ZMW ZWG
"""
#: Active ISO 4217 currency codes (as the server accepts them).
CURRENCIES = frozenset(_ISO_4217.split())
#: Minor-unit digits where they are not 2.
MINOR_UNITS = {
    **dict.fromkeys(("BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF",
                     "UGX", "VND", "VUV", "XAF", "XOF", "XPF"), 0),
    **dict.fromkeys(("BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"), 3),
}

QTY_RE = re.compile(r"^[0-9]{1,12}(\.[0-9]{1,6})?$")
PRICE_RE = re.compile(r"^[0-9]{1,12}(\.[0-9]{1,4})?$")
DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
DATETIME_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?Z$")

_ITEM_FIELDS = {"product_id", "description", "spec_notes", "quantity", "unit", "unit_price",
                "currency", "amount"}
_TERMS_FIELDS = {"items", "incoterm", "incoterm_place", "delivery_date", "payment_terms",
                 "valid_until", "notes", "totals"}
# (field, min length, max length, required)
_ITEM_TEXT = (("description", 1, 500, True), ("spec_notes", 0, 2000, False),
              ("unit", 1, 50, True))
_TERMS_TEXT = (("incoterm_place", 1, 200, True), ("payment_terms", 1, 2000, True),
               ("notes", 0, 4000, False))


class DealError(CodedError):
    """Bad input or a command the deal's state does not allow (message for the user;
    ``.code`` / ``.params`` for a translated UI)."""

    def __init__(self, message: str, problems: Sequence[tuple[str, str]] = ()) -> None:
        super().__init__(message)
        self.problems = list(problems)


def _msg(code: str, text: str, **params: Any) -> CodedText:
    """An English message with its stable code and template params."""
    return CodedText(text, code, params)


# =========================================================================== canonical form
def canonical_json(obj: Any) -> bytes:
    """Canonical JSON: UTF-8, keys sorted, no whitespace, non-ASCII as is."""
    return orjson.dumps(obj, option=orjson.OPT_SORT_KEYS)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def terms_hash(terms: Mapping[str, Any]) -> str:
    """SHA-256 (hex) of the canonical JSON of (normalised) terms."""
    return _sha256(canonical_json(dict(terms)))


def signing_message(deal_id: str, thash: str) -> bytes:
    """The bytes each party signs (protocol §8.5)."""
    return f"fairdesk-deal-v1|{deal_id}|{thash}".encode()


def event_hash(prev_hash: str, deal_id: str, n: int, kind: str, actor: Mapping[str, Any],
               terms: Any, created_at: str) -> str:
    """The chain hash of one deal event (protocol §8.4; ``actor`` is side + user_id)."""
    return _sha256(canonical_json({
        "prev_hash": prev_hash, "deal_id": deal_id, "n": n, "kind": kind,
        "actor": {"side": actor.get("side"), "user_id": actor.get("user_id")},
        "terms": terms, "created_at": created_at,
    }))


# =========================================================================== amounts
def minor_units(currency: str) -> int:
    return MINOR_UNITS.get(currency, 2)


def _dec_str(d: Decimal) -> str:
    s = format(d.normalize(), "f")
    return s if s else "0"


def _amount(qty: Decimal, price: Decimal, currency: str) -> Decimal:
    places = minor_units(currency)
    return (qty * price).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def item_amount(quantity: str, unit_price: str, currency: str) -> str:
    """``quantity × unit_price`` rounded half-up to the currency's minor units."""
    amount = _amount(Decimal(quantity), Decimal(unit_price), currency)
    return f"{amount:.{minor_units(currency)}f}"


def compute_totals(items: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """Totals per currency of the items whose quantity, price and currency are valid
    (for showing live totals while the user edits; keys sorted)."""
    totals: dict[str, Decimal] = {}
    for it in items:
        q, p, c = it.get("quantity"), it.get("unit_price"), it.get("currency")
        if not (isinstance(q, str) and isinstance(p, str) and isinstance(c, str)):
            continue
        q, p = q.strip(), p.strip()
        if not QTY_RE.match(q) or not PRICE_RE.match(p) or c not in CURRENCIES:
            continue
        totals[c] = totals.get(c, Decimal(0)) + _amount(Decimal(q), Decimal(p), c)
    return {c: f"{v:.{minor_units(c)}f}" for c, v in sorted(totals.items())}


# =========================================================================== validation
def _parse_until(text: str) -> datetime:
    return datetime.strptime(text[:19], "%Y-%m-%dT%H:%M:%S").replace(tzinfo=UTC)


def _check_text(value: Any, path: str, lo: int, hi: int, required: bool,
                problems: list[tuple[str, str]]) -> None:
    if value is None and not required:
        return
    if not isinstance(value, str):
        problems.append((path, _msg("terms.not_text", "must be text")))
        return
    if len(value) < lo:
        problems.append((path, _msg("terms.empty", "must not be empty")))
    elif len(value) > hi:
        problems.append((path, _msg("terms.too_long", f"at most {hi:,} characters",
                                    max=f"{hi:,}")))
    elif "\x00" in value:
        problems.append((path, _msg("terms.nul", "must not contain NUL characters")))
    elif required and not value.strip():
        problems.append((path, _msg("terms.blank", "must not be blank")))
    else:
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            problems.append((path, _msg("terms.surrogate", "contains an unpaired surrogate")))


def validate_terms(terms: Any, now: datetime | None = None) -> list[tuple[str, str]]:
    """Every problem of ``terms`` as (field path, problem), like the server's
    ``invalid-value`` reasons (``terms.items.0.quantity``). Empty when valid.

    ``product_id`` is only checked to be a positive integer (the server also checks it
    belongs to the deal's company)."""
    now = now or datetime.now(UTC)
    problems: list[tuple[str, str]] = []
    if not isinstance(terms, Mapping):
        return [("terms", _msg("terms.not_object", "must be an object"))]
    for k in sorted(set(terms) - _TERMS_FIELDS, key=str):
        problems.append((f"terms.{k}", _msg("terms.unknown_field", "unknown field")))
    items = terms.get("items")
    if not isinstance(items, list) or not items:
        problems.append(("terms.items", _msg("terms.no_items", "at least one line item")))
        items = items if isinstance(items, list) else []
    elif len(items) > MAX_ITEMS:
        problems.append(("terms.items", _msg("terms.too_many_items",
                                              f"at most {MAX_ITEMS} line items",
                                              max=MAX_ITEMS)))
    for i, it in enumerate(items):
        where = f"terms.items.{i}"
        if not isinstance(it, Mapping):
            problems.append((where, _msg("terms.not_object", "must be an object")))
            continue
        for k in sorted(set(it) - _ITEM_FIELDS, key=str):
            problems.append((f"{where}.{k}", _msg("terms.unknown_field", "unknown field")))
        pid = it.get("product_id")
        if pid is not None and (isinstance(pid, bool) or not isinstance(pid, int)
                                or not 0 < pid <= 2**62):
            problems.append((f"{where}.product_id",
                             _msg("terms.product_id", "must be a product id or empty")))
        for name, lo, hi, req in _ITEM_TEXT:
            if name not in it and req:
                problems.append((f"{where}.{name}", _msg("terms.required", "is required")))
            else:
                _check_text(it.get(name), f"{where}.{name}", lo, hi, req, problems)
        qty = it.get("quantity")
        if not isinstance(qty, str) or not QTY_RE.match(qty):
            problems.append((f"{where}.quantity", _msg(
                "terms.quantity_not_decimal",
                f"{qty!r} is not a decimal number (digits, "
                "at most 6 decimals, e.g. \"1000\" or \"2.5\")", value=repr(qty))))
        elif Decimal(qty) <= 0:
            problems.append((f"{where}.quantity",
                             _msg("terms.quantity_not_positive", "must be positive")))
        price = it.get("unit_price")
        if not isinstance(price, str) or not PRICE_RE.match(price):
            problems.append((f"{where}.unit_price", _msg(
                "terms.price_not_decimal",
                f"{price!r} is not a decimal number "
                "(digits, at most 4 decimals, e.g. \"12.50\")", value=repr(price))))
        cur = it.get("currency")
        if not isinstance(cur, str) or cur not in CURRENCIES:
            problems.append((f"{where}.currency", _msg(
                "terms.currency", f"{cur!r} is not an ISO 4217 currency code",
                value=repr(cur))))
    inco = terms.get("incoterm")
    if not isinstance(inco, str) or inco.strip().upper() not in INCOTERMS:
        problems.append(("terms.incoterm", _msg(
            "terms.incoterm", f"{inco!r} is not an Incoterm 2020 rule ({', '.join(INCOTERMS)})",
            value=repr(inco), rules=", ".join(INCOTERMS))))
    for name, lo, hi, req in _TERMS_TEXT:
        if name not in terms and req:
            problems.append((f"terms.{name}", _msg("terms.required", "is required")))
        else:
            _check_text(terms.get(name), f"terms.{name}", lo, hi, req, problems)
    delivery: date | None = None
    dd = terms.get("delivery_date")
    if not isinstance(dd, str) or not DATE_RE.match(dd):
        problems.append(("terms.delivery_date",
                         _msg("terms.date_format", "must be a date YYYY-MM-DD")))
    else:
        try:
            delivery = date.fromisoformat(dd)
        except ValueError:
            problems.append(("terms.delivery_date", _msg(
                "terms.date_invalid", f"{dd!r} is not a valid date", value=repr(dd))))
        else:
            if not 2000 <= delivery.year <= 2100:
                problems.append(("terms.delivery_date", _msg(
                    "terms.date_range", "must be between 2000 and 2100")))
            elif delivery < (now - timedelta(days=1)).date():
                problems.append(("terms.delivery_date", _msg(
                    "terms.date_past", f"{dd} is in the past", value=dd)))
    vu = terms.get("valid_until")
    if not isinstance(vu, str) or not DATETIME_RE.match(vu):
        problems.append(("terms.valid_until", _msg(
            "terms.until_format", "must be a UTC time YYYY-MM-DDTHH:MM:SSZ")))
    else:
        try:
            until = _parse_until(vu)
        except ValueError:
            problems.append(("terms.valid_until", _msg(
                "terms.until_invalid", f"{vu!r} is not a valid time", value=repr(vu))))
        else:
            if until <= now:
                problems.append(("terms.valid_until", _msg(
                    "terms.until_past",
                    f"{vu} is already past; an offer must be valid for a while", value=vu)))
            elif until > now + timedelta(days=366):
                problems.append(("terms.valid_until", _msg(
                    "terms.until_too_far", "an offer may be valid for at most a year")))
    return problems


def normalise_terms(terms: Mapping[str, Any], now: datetime | None = None) -> dict[str, Any]:
    """The server's normalised form of valid ``terms`` (see the module docstring)."""
    problems = validate_terms(terms, now)
    if problems:
        raise DealError(_msg("terms.problems", "; ".join(f"{p}: {m}" for p, m in problems),
                             items=list(problems)), problems)
    items = []
    totals: dict[str, Decimal] = {}
    for it in terms["items"]:
        qty, price, cur = Decimal(it["quantity"]), Decimal(it["unit_price"]), it["currency"]
        amount = _amount(qty, price, cur)
        totals[cur] = totals.get(cur, Decimal(0)) + amount
        items.append({
            "product_id": it.get("product_id"),
            "description": it["description"].strip(),
            "spec_notes": (it.get("spec_notes") or "").strip(),
            "quantity": _dec_str(qty),
            "unit": it["unit"].strip(),
            "unit_price": _dec_str(price),
            "currency": cur,
            "amount": f"{amount:.{minor_units(cur)}f}",
        })
    return {
        "items": items,
        "incoterm": terms["incoterm"].strip().upper(),
        "incoterm_place": terms["incoterm_place"].strip(),
        "delivery_date": date.fromisoformat(terms["delivery_date"]).isoformat(),
        "payment_terms": terms["payment_terms"].strip(),
        "valid_until": _parse_until(terms["valid_until"]).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "notes": (terms.get("notes") or "").strip(),
        "totals": {c: f"{v:.{minor_units(c)}f}" for c, v in sorted(totals.items())},
    }


def _wire_terms(terms: Mapping[str, Any]) -> dict[str, Any]:
    """What is sent: the normalised terms without the computed fields."""
    out = {k: v for k, v in terms.items() if k != "totals"}
    out["items"] = [{k: v for k, v in it.items() if k != "amount"} for it in terms["items"]]
    return out


# =========================================================================== state machine
def _expired(deal: Mapping[str, Any], now: datetime) -> bool:
    vu = deal.get("valid_until")
    if not isinstance(vu, str):
        return False
    try:
        return _parse_until(vu) < now
    except ValueError:
        return False


def allowed_commands(deal: Mapping[str, Any], side: str | None,
                     now: datetime | None = None) -> dict[str, bool]:
    """What ``side`` may do with the deal as cached (the protocol's state machine)."""
    now = now or datetime.now(UTC)
    state = deal.get("state")
    answer = side is not None and state in OPEN_STATES and deal.get("offer_by") != side
    signed_sides = {s.get("side") for s in deal.get("signatures") or () if isinstance(s, Mapping)}
    return {
        "offer": side is not None and state == "draft",
        "counter": answer,
        "accept": answer and not _expired(deal, now),
        "decline": answer,
        "withdraw": side is not None and (
            state == "draft" or (state in OPEN_STATES and deal.get("offer_by") == side)),
        "sign": side is not None and state == "accepted" and side not in signed_sides,
    }


_NOT_ALLOWED = {
    "offer": "an offer is made on a draft; answer an open offer with a counter-offer",
    "counter": "only the side that did not make the current offer may counter it",
    "accept": "only the side that did not make the current offer may accept it, before it expires",
    "decline": "only the side that did not make the current offer may decline it",
    "withdraw": "only the side that made the current offer may withdraw it",
    "sign": "only accepted terms are signed, once by each side",
}


# =========================================================================== the service
class DealService:
    """Deals over one profile's Store, sync engine and signing keys."""

    def __init__(self, store: StoreLike, engine: SyncEngine | None,
                 keys: KeyStore | None = None) -> None:
        self.store = store
        self.engine = engine
        self.keys = keys

    async def _write(self, fn: Any, *args: Any, **kw: Any) -> Any:
        try:
            if self.engine is not None:
                return await self.engine.local_write(fn, *args, **kw)
            return await self.store.write(fn, *args, **kw)
        except DealError:
            raise
        except ValueError as exc:
            msg = exc.args[0] if exc.args else ""
            raise DealError(msg if isinstance(msg, CodedText) else str(exc)) from exc

    # -- reads
    async def deals(self, text: str = "", state: str | None = None) -> list[dict[str, Any]]:
        return await self.store.read(cache.list_deals, text, state)

    async def deal(self, deal_id: str) -> dict[str, Any] | None:
        detail = await self.store.read(cache.deal_detail, deal_id)
        if detail is None:
            return None
        can = allowed_commands(detail["deal"], detail["my_side"])
        blocking = [p for p in detail["pending"] if p["type"] not in ("deal.open", "key.register")]
        if blocking:
            can = dict.fromkeys(can, False)
        elif detail["deal"].get("local"):
            # opened here: the first offer (or a withdrawal) may follow the queued open;
            # once the open was refused, nothing may
            opening = any(p["type"] == "deal.open" for p in detail["pending"])
            can = {k: v and opening and k in ("offer", "withdraw") for k, v in can.items()}
        detail["can"] = can
        return detail

    async def signing_keys(self) -> list[dict[str, Any]]:
        return await self.store.read(cache.list_signing_keys)

    # -- commands
    async def open_deal(self, *, company_id: int | None = None, buyer_user_id: int | None = None,
                        conversation_id: int | None = None,
                        product_ids: Sequence[int] = ()) -> str:
        """Queue ``deal.open``; returns the new deal's id (a draft shows at once)."""
        deal_id = str(uuid.uuid4())
        await self._write(cache.open_deal, deal_id, company_id=company_id,
                          buyer_user_id=buyer_user_id, conversation_id=conversation_id,
                          product_ids=list(product_ids))
        return deal_id

    async def _check(self, deal_id: str, command: str, base_version: int) -> dict[str, Any]:
        if isinstance(base_version, bool) or not isinstance(base_version, int) or base_version < 1:
            raise DealError(_msg("deal.bad_base_version",
                                 f"base_version must be a deal version, got {base_version!r}",
                                 value=repr(base_version)))
        detail = await self.deal(deal_id)
        if detail is None:
            raise DealError(_msg("deal.not_found", f"There is no deal {deal_id} on this device.",
                                 id=deal_id))
        deal = detail["deal"]
        if detail["my_side"] is None:
            raise DealError(_msg("deal.not_party", "You are not a party to this deal."))
        if not detail["can"].get(command):
            refused = [r for r in detail["rejections"] if r["type"] == "deal.open"]
            if deal.get("local") and refused:
                raise DealError(_msg("deal.open_refused",
                                     f"The server did not open this deal: {refused[0]['reason']}",
                                     reason=str(refused[0]["reason"])))
            if any(p["type"] not in ("deal.open", "key.register") for p in detail["pending"]):
                raise DealError(_msg("deal.pending",
                                     "Your previous change to this deal is still waiting to be "
                                     "sent; wait for its result first."))
            if command == "accept" and detail["can"].get("counter"):
                raise DealError(_msg("deal.expired",
                                     f"The offer expired at {deal.get('valid_until')}: it can no "
                                     "longer be accepted; counter it instead.",
                                     until=str(deal.get("valid_until"))))
            raise DealError(_msg(f"deal.not_allowed.{command}",
                                 f"You cannot {command} now: the deal is {deal.get('state')} "
                                 f"({_NOT_ALLOWED[command]}).", state=str(deal.get("state"))))
        if base_version != deal.get("version"):
            raise DealError(_msg("deal.changed",
                                 f"The deal changed meanwhile (it is now version "
                                 f"{deal.get('version')}, you looked at version {base_version}): "
                                 "look at it again.", version=str(deal.get("version")),
                                 seen=base_version))
        return detail

    async def _terms_command(self, kind: str, deal_id: str, base_version: int,
                             terms: Mapping[str, Any]) -> None:
        await self._check(deal_id, kind, base_version)
        normal = normalise_terms(terms)
        await self._write(cache.queue_command, deal_id, f"deal.{kind}",
                          {"base_version": base_version, "terms": _wire_terms(normal)})

    async def offer(self, deal_id: str, base_version: int, terms: Mapping[str, Any]) -> None:
        await self._terms_command("offer", deal_id, base_version, terms)

    async def counter(self, deal_id: str, base_version: int, terms: Mapping[str, Any]) -> None:
        await self._terms_command("counter", deal_id, base_version, terms)

    async def _simple(self, kind: str, deal_id: str, base_version: int) -> None:
        await self._check(deal_id, kind, base_version)
        await self._write(cache.queue_command, deal_id, f"deal.{kind}",
                          {"base_version": base_version})

    async def accept(self, deal_id: str, base_version: int) -> None:
        await self._simple("accept", deal_id, base_version)

    async def decline(self, deal_id: str, base_version: int) -> None:
        await self._simple("decline", deal_id, base_version)

    async def withdraw(self, deal_id: str, base_version: int) -> None:
        await self._simple("withdraw", deal_id, base_version)

    async def sign(self, deal_id: str) -> None:
        """Sign the accepted terms: their hash is recomputed from the cached terms and
        must equal the deal's ``terms_hash``; ``key.register`` goes first if needed."""
        if self.keys is None:
            raise DealError(_msg("deal.no_keys", "Signing is not available: no key store."))
        detail = await self.deal(deal_id)
        if detail is None:
            raise DealError(_msg("deal.not_found", f"There is no deal {deal_id} on this device.",
                                 id=deal_id))
        deal = detail["deal"]
        await self._check(deal_id, "sign", int(deal.get("version") or 0))
        terms = deal.get("terms")
        thash = deal.get("terms_hash")
        if not isinstance(terms, Mapping) or not isinstance(thash, str):
            raise DealError(_msg("deal.nothing_to_sign", "The deal has no accepted terms to sign."))
        if terms_hash(terms) != thash:
            raise DealError(_msg("deal.hash_mismatch",
                                 "The terms on this device do not match the accepted terms' "
                                 "hash: they will not be signed. Sync again and check the deal."))
        me = await self.store.read(cache.identity)
        if me is None or not isinstance(me.get("user_id"), int):
            raise DealError(_msg("deal.not_synced", "Your account is not synced yet."))
        key = await self.keys.key_for(int(me["user_id"]))
        signature = await asyncio.to_thread(key.sign, signing_message(deal_id, thash))
        args = {"base_version": int(deal["version"]), "terms_hash": thash,
                "signature": signature, "key_fingerprint": key.fingerprint}
        await self._write(cache.queue_sign, deal_id, args, key.public_key_b64)

    async def dismiss_rejection(self, seq: int) -> None:
        await self._write(cache.dismiss_rejection, seq)

    # -- online reads
    async def fetch_online(self, deal_id: str) -> dict[str, Any]:
        """``GET /v1/deals/{id}``: {"deal", "events"} straight from the server."""
        if self.engine is None:
            raise DealError(_msg("deal.offline", "Not connected to a server."))
        cache.check_deal_id(deal_id)
        data = await self.engine.client._json("GET", f"/v1/deals/{deal_id}")
        if not isinstance(data, dict):
            raise DealError(_msg("deal.bad_reply", "The server sent an unexpected reply."))
        return data

    async def verify_online(self, deal_id: str) -> dict[str, Any]:
        """``GET /v1/deals/{id}/verify``: the server's check of the hash chain."""
        if self.engine is None:
            raise DealError(_msg("deal.offline", "Not connected to a server."))
        cache.check_deal_id(deal_id)
        data = await self.engine.client._json("GET", f"/v1/deals/{deal_id}/verify")
        if not isinstance(data, dict):
            raise DealError(_msg("deal.bad_reply", "The server sent an unexpected reply."))
        return data

    # -- contract
    async def export_contract(self, deal_id: str, dest: Path | str, lang: str = "en") -> Path:
        """Write the contract PDF of a deal with terms. The cached history must be
        complete (it lags the deal for a moment after a command's result); otherwise it
        is fetched from the server when connected."""
        from .contract import export_contract_pdf

        detail = await self.store.read(cache.deal_detail, deal_id)
        if detail is None:
            raise DealError(_msg("deal.not_found", f"There is no deal {deal_id} on this device.",
                                 id=deal_id))
        deal, events = detail["deal"], detail["events"]
        if not _history_complete(deal, events) and self.engine is not None:
            try:
                online = await self.fetch_online(deal_id)
                deal, events = online["deal"], online["events"]
            except Exception:  # offline: say so below
                pass
        if not isinstance(deal.get("terms"), Mapping):
            raise DealError(_msg("deal.no_terms",
                                 "This deal has no terms yet: there is nothing to export."))
        if not _history_complete(deal, events):
            raise DealError(_msg("deal.history_incomplete",
                                 "The deal's history is still downloading; try again after the "
                                 "next sync."))
        clean = {k: v for k, v in deal.items() if k not in _LOCAL_FIELDS}
        return await asyncio.to_thread(export_contract_pdf, clean, events, Path(dest), lang)


_LOCAL_FIELDS = ("local", "pending", "rejections", "my_side", "needs_me")


def _history_complete(deal: Mapping[str, Any], events: Sequence[Mapping[str, Any]]) -> bool:
    return (bool(events) and len(events) == deal.get("event_count")
            and events[-1].get("hash") == deal.get("head_hash"))


def parse_decimal(text: str) -> Decimal | None:
    """A user's decimal text as Decimal (None when it is not a plain number)."""
    try:
        d = Decimal(text.strip())
    except (InvalidOperation, AttributeError):
        return None
    return d if d.is_finite() else None
