"""Sync: pull (scopes, cursors, tombstones, reset, long-poll) and push (docs/protocol.md §4).

Cursor format: ``"v1." + b64url(payload) + "." + b64url(hmac)`` where payload is the
compact JSON ``{"e": epoch, "s": seq, "c": scope key}``; the HMAC-SHA256 key (truncated
to 16 bytes) lives in the database ``meta`` table.  The scope key of ``me`` is
``me:<user id>`` so one user's cursor is not valid for another.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import hashlib
import heapq
import hmac
import itertools
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any

import orjson
import sqlalchemy as sa
from fastapi import APIRouter, Request
from orjson import Fragment
from pydantic import BaseModel, Field
from sqlalchemy.engine import Connection
from starlette.responses import Response

from server import db, deals, entities, mutations, social, workspace
from server.auth import Creds, User, require_user, token_of
from server.problems import ProblemError, problem_dict
from server.state import ServerState, get_state, run_sync

log = logging.getLogger(__name__)

MAX_SCOPES = 64
MAX_MUTATIONS = 500
RECHECK_S = 1.0  # fallback database re-check for long-polls (other worker processes)

SCOPE_RE = re.compile(r"directory|me|section:([1-9][0-9]{0,17})|company:([1-9][0-9]{0,17})")
CLIENT_ID_RE = re.compile(r"^[A-Za-z0-9_-]{8,64}$")


# ------------------------------------------------------------------------ cursors

def _b64e(b: bytes) -> str:
    return base64.urlsafe_b64encode(b).rstrip(b"=").decode()


def _b64d(s: str) -> bytes:
    return base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))


def encode_cursor(state: ServerState, key: str, seq: int, floor: int = 0) -> str:
    """``floor``: the snapshot at which a pull from null started; tombstones at or
    below it are of entities the client never received, so they are not sent."""
    body: dict[str, Any] = {"e": state.epoch, "s": seq, "c": key}
    if floor > seq:
        body["f"] = floor
    payload = orjson.dumps(body)
    sig = hmac.new(state.cursor_key, payload, hashlib.sha256).digest()[:16]
    return f"v1.{_b64e(payload)}.{_b64e(sig)}"


def decode_cursor(state: ServerState, cursor: str, key: str, name: str) -> tuple[int, int] | None:
    """(seq, floor) of ``cursor``; None when it is of another epoch (-> reset).

    Raises 400 invalid-cursor for anything this server did not issue for this scope.
    """

    def bad(why: str) -> ProblemError:
        return ProblemError(
            400, "invalid-cursor", f"The cursor for scope {name!r} {why}.", scope=name
        )

    if not isinstance(cursor, str) or len(cursor) > 1000:
        raise bad("is not a cursor this server issued")
    parts = cursor.split(".")
    if len(parts) != 3 or parts[0] != "v1":
        raise bad("is not a cursor this server issued")
    try:
        payload = _b64d(parts[1])
        sig = _b64d(parts[2])
        data = orjson.loads(payload)
    except (binascii.Error, ValueError, orjson.JSONDecodeError):
        raise bad("is not a cursor this server issued") from None
    if not isinstance(data, dict) or not isinstance(data.get("s"), int) or not isinstance(data.get("c"), str):
        raise bad("is not a cursor this server issued")
    if data.get("e") != state.epoch:
        return None  # another database: the client must start over
    expected = hmac.new(state.cursor_key, payload, hashlib.sha256).digest()[:16]
    if not hmac.compare_digest(expected, sig):
        raise bad("is not a cursor this server issued")
    if data["c"] != key:
        raise bad("was issued for another scope")
    seq = data["s"]
    floor = data.get("f", 0)
    if seq < 0 or not isinstance(floor, int):
        raise bad("is not a cursor this server issued")
    return int(seq), int(floor)


# ------------------------------------------------------------------------- scopes

@dataclass
class ScopeReq:
    name: str  # as the client named it
    key: str  # internal key (me -> me:<uid>)
    kind: str  # directory | me | section | company
    ident: int | None
    after: int
    initial: bool  # cursor was null: current state, no tombstones
    reset: bool
    floor: int = 0  # tombstones at or below this are not sent (see encode_cursor)


def parse_scope(name: str, user: User) -> tuple[str, str, int | None]:
    m = SCOPE_RE.fullmatch(name) if isinstance(name, str) else None
    if m is None:
        raise ProblemError(400, "invalid-scope", f"{name!r} is not a scope name.", scope=name)
    if name == "directory":
        return name, "directory", None
    if name == "me":
        return f"me:{user.id}", "me", user.id
    kind, _, ident = name.partition(":")
    return name, kind, int(ident)


Change = tuple[int, bytes]  # (seq, the serialized change)
# A product upsert in the compact format is (seq, its JSON row, True): ``pull`` lists it
# under the scope's "products" instead of "changes" (docs/protocol.md §4).
Source = Callable[[Connection, int, int, bool, int], list[Change]]

PRODUCT_FORMATS = ("objects", "rows")


def _products(
    where: Callable[[], list[sa.ColumnElement[bool]]], hidden_as_delete: bool, rows: bool = False
) -> Source:
    """Products in ``where`` after a cursor.  Section scopes serve hidden products as
    deletes (and skip them when starting from null); the company scope serves them.
    ``rows``: upserts in the compact format (entities.product_row_sql)."""
    P = db.products.c
    hidden_i = entities.PRODUCT_KEYS.index("hidden")

    def fetch(conn: Connection, after: int, n: int, initial: bool, floor: int) -> list[Change]:
        conds = [*where(), P.seq > after]
        if hidden_as_delete and floor > after:
            # Rows unchanged since the snapshot a pull from null started at (``floor``)
            # and hidden then were never sent to this client: no delete needed.
            conds.append(sa.or_(P.hidden.is_(False), P.seq > floor))
        dialect = conn.dialect.name
        wire = entities.product_row_sql(dialect) if rows else entities.product_json_sql(dialect)
        out: list[Any] = []
        if wire is not None:
            # as a BLOB: the UTF-8 JSON comes back as bytes (no decode to str and re-encode)
            wire_b = sa.cast(wire, sa.LargeBinary)
            q: sa.Select[Any] = sa.select(P.seq, P.id, P.hidden, wire_b).where(*conds).order_by(P.seq).limit(n)
            result = conn.execute(q).all()  # (compiled form is cached)
            if rows:
                for seq, pid, hidden, data in result:
                    if hidden and hidden_as_delete:
                        out.append((seq, b'{"entity":"product","op":"delete","id":%d}' % pid))
                    else:
                        out.append((seq, data, True))
                return out
            for seq, pid, hidden, data in result:
                if hidden and hidden_as_delete:
                    out.append((seq, b'{"entity":"product","op":"delete","id":%d}' % pid))
                else:
                    out.append((seq, b'{"entity":"product","op":"upsert","id":%d,"data":%s}' % (pid, data)))
            return out
        q2: sa.Select[Any] = sa.select(*entities.PRODUCT_COLS, P.seq).where(*conds).order_by(P.seq).limit(n)
        for row in db.fetch_raw(conn, q2):
            if row[hidden_i] and hidden_as_delete:
                change: dict[str, Any] = {"entity": "product", "op": "delete", "id": row[0]}
            elif rows:
                out.append((row[-1], orjson.dumps(entities.product_row(row[:-1])), True))
                continue
            else:
                change = {"entity": "product", "op": "upsert", "id": row[0], "data": entities.product(row[:-1])}
            out.append((row[-1], orjson.dumps(change)))
        return out

    return fetch


def _simple(
    entity: str,
    table: sa.Table,
    cols: tuple[sa.ColumnElement[Any], ...],
    to_wire: Callable[[Any], dict[str, Any]],
    where: Callable[[], list[sa.ColumnElement[bool]]],
    id_of: Callable[[Any], Any] = lambda row: row[0],
) -> Source:
    seq_col = table.c.seq

    def fetch(conn: Connection, after: int, n: int, initial: bool, floor: int) -> list[Change]:
        q = sa.select(*cols, seq_col).where(seq_col > after, *where()).order_by(seq_col).limit(n)
        dumps = orjson.dumps
        return [
            (row[-1], dumps({"entity": entity, "op": "upsert", "id": id_of(row), "data": to_wire(row[:-1])}))
            for row in conn.execute(q)
        ]

    return fetch


def _tombstones(key: str) -> Source:
    T = db.tombstones.c

    def fetch(conn: Connection, after: int, n: int, initial: bool, floor: int) -> list[Change]:
        if initial:
            return []
        q = (
            sa.select(T.seq, T.entity, T.entity_id)
            .where(T.scope == key, T.seq > max(after, floor))
            .order_by(T.seq)
            .limit(n)
        )
        out: list[Change] = []
        for seq, entity, eid in conn.execute(q):
            ident = int(eid) if eid.isdigit() else eid
            out.append((seq, orjson.dumps({"entity": entity, "op": "delete", "id": ident})))
        return out

    return fetch


def sources_for(req: ScopeReq, product_rows: bool = False) -> list[Source]:
    if req.kind == "directory":
        return [
            _simple("category", db.categories, entities.CATEGORY_COLS, entities.category, lambda: []),
            _simple("section", db.sections, entities.SECTION_COLS, entities.section, lambda: []),
            _simple("company", db.companies, entities.COMPANY_COLS, entities.company, lambda: []),
            _tombstones(req.key),
        ]
    if req.kind == "section":
        assert req.ident is not None
        sid = req.ident
        return [_products(lambda: [db.products.c.section_id == sid], True, product_rows), _tombstones(req.key)]
    if req.kind == "me":
        uid = req.ident
        return [
            _simple("profile", db.users, entities.PROFILE_COLS, entities.profile,
                    lambda: [db.users.c.id == uid]),
            _simple("favourite", db.favourites, entities.FAVOURITE_COLS, entities.favourite,
                    lambda: [db.favourites.c.user_id == uid],
                    id_of=lambda row: entities.favourite_id(row[0], row[1])),
            *social.me_sources(uid or 0),
            *deals.me_sources(uid or 0),
            _tombstones(req.key),
        ]
    if req.kind == "company":
        cid = req.ident
        P = db.products.c
        return [
            _simple("staff", db.users, entities.STAFF_COLS, entities.staff,
                    lambda: [db.users.c.company_id == cid]),
            _products(lambda: [P.company_id == cid], False, product_rows),
            *social.company_sources(cid or 0),
            *deals.company_sources(cid or 0),
            *workspace.company_sources(cid or 0),
            _tombstones(req.key),
        ]
    raise AssertionError(req.kind)  # pragma: no cover


def access_error(conn: Connection, user: User, req: ScopeReq) -> dict[str, Any] | None:
    if req.kind == "section":
        exists = conn.execute(sa.select(db.sections.c.id).where(db.sections.c.id == req.ident)).first()
        if exists is None:
            return problem_dict(404, "not-found", f"There is no section {req.ident}.")
    elif req.kind == "company" and user.company_id != req.ident:
        return problem_dict(403, "forbidden", f"Only the staff of company {req.ident} may read this scope.")
    return None


# --------------------------------------------------------------------------- pull

@dataclass
class PullResult:
    body: bytes | None  # None: nothing changed since the caller's snapshot
    news: bool  # some scope has changes, a reset or an error
    snapshot: int
    keys: list[str]


def pull(
    state: ServerState,
    token: str | None,
    scopes: dict[str, str | None],
    limit: int,
    unchanged_since: int | None = None,
    product_format: str = "objects",
) -> PullResult:
    with db.read_tx(state.engine) as conn:
        snapshot = db.current_seq(conn)  # first read: fixes the snapshot
        user = require_user(conn, token)
        reqs: list[ScopeReq] = []
        for name, cursor in scopes.items():
            key, kind, ident = parse_scope(name, user)
            if cursor is None:
                reqs.append(ScopeReq(name, key, kind, ident, 0, True, False))
                continue
            decoded = decode_cursor(state, cursor, key, name)
            if decoded is None:
                reqs.append(ScopeReq(name, key, kind, ident, 0, False, True))
            else:
                reqs.append(ScopeReq(name, key, kind, ident, decoded[0], False, False, decoded[1]))
        keys = [r.key for r in reqs]
        if unchanged_since is not None and snapshot == unchanged_since:
            return PullResult(None, False, snapshot, keys)

        out: dict[str, Any] = {}
        rows = product_format == "rows"
        remaining = limit
        news = False
        for req in reqs:
            if remaining <= 0 and not req.reset:
                # Out of budget (§4): changes [], complete false, the cursor unchanged.
                # Not even looked at: the checks and queries of the scopes a big page
                # did not reach were most of a small page's cost.
                floor = snapshot if req.initial else req.floor
                part: dict[str, Any] = {"changes": Fragment(b"[]")}
                if rows:
                    part["products"] = {"columns": entities.PRODUCT_KEYS, "rows": Fragment(b"[]")}
                part["cursor"] = encode_cursor(state, req.key, req.after, floor)
                part["complete"] = False
                out[req.name] = part
                continue
            err = access_error(conn, user, req)
            if err is not None:
                out[req.name] = {"error": err}
                news = True
                continue
            floor = snapshot if req.initial else req.floor
            if req.reset or (
                not req.initial and max(req.after, floor) < db.scope_horizon(conn, req.key)
            ):
                out[req.name] = {"reset": True}
                news = True
                continue
            fetched = [src(conn, req.after, remaining + 1, req.initial, floor)
                       for src in sources_for(req, rows)]
            fetched = [f for f in fetched if f]
            if len(fetched) == 1:
                merged = fetched[0][: remaining + 1]
            else:
                merged = list(itertools.islice(heapq.merge(*fetched, key=lambda c: c[0]), remaining + 1))
            if len(merged) > remaining:
                page = merged[:remaining]
                complete = False
                cursor_seq = page[-1][0] if page else req.after
            else:
                page = merged
                complete = True
                cursor_seq = max(req.after, snapshot)
            remaining -= len(page)
            if page:
                news = True
            if rows:
                # product upserts as compact rows, everything else as changes
                part = {
                    "changes": Fragment(b"[" + b",".join(c[1] for c in page if len(c) == 2) + b"]"),
                    "products": {
                        "columns": entities.PRODUCT_KEYS,
                        "rows": Fragment(b"[" + b",".join(c[1] for c in page if len(c) == 3) + b"]"),
                    },
                }
            else:
                part = {"changes": Fragment(b"[" + b",".join(c for _, c in page) + b"]")}
            part["cursor"] = encode_cursor(state, req.key, cursor_seq, floor)
            part["complete"] = complete
            out[req.name] = part
    body = orjson.dumps({"scopes": out, "server_time": db.now_iso()})
    return PullResult(body, news, snapshot, keys)


class PullIn(BaseModel):
    scopes: dict[str, str | None] = Field(
        description="scope name -> the cursor last received for it, or null to start over"
    )
    limit: Annotated[int, Field(ge=1, le=5000)] = 1000
    wait: Annotated[float, Field(ge=0, le=25)] = 0
    product_format: Annotated[str, Field(max_length=40)] = Field(
        default="objects",
        description='"rows": product upserts as compact rows under each scope\'s "products" '
        '(unknown values: "objects", the default format)',
    )


class PushMutationIn(BaseModel):
    seq: Annotated[int, Field(ge=1, le=2**62)]
    type: Annotated[str, Field(pattern=r"^[A-Za-z0-9_.:-]{1,100}$")]
    args: Any = Field(default_factory=dict)


class PushIn(BaseModel):
    client_id: Annotated[str, Field(max_length=100)]
    mutations: list[PushMutationIn]


router = APIRouter()

_PULL_DOC: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "One entry per requested scope: changes+cursor+complete, or reset, or error",
        "content": {"application/json": {}},
    }
}


@router.post("/v1/sync/pull", response_class=Response, responses=_PULL_DOC, tags=["sync"])
async def pull_route(
    body: PullIn, request: Request, creds: Creds
) -> Response:
    state = get_state(request)
    token = token_of(creds)
    if len(body.scopes) > MAX_SCOPES:
        raise ProblemError(400, "bad-request", f"At most {MAX_SCOPES} scopes per pull.",
                           errors=[{"loc": ["body", "scopes"], "msg": f"at most {MAX_SCOPES} scopes"}])
    fmt = body.product_format if body.product_format in PRODUCT_FORMATS else "objects"
    res = await run_sync(pull, state, token, body.scopes, body.limit, None, fmt)
    if not res.news and body.wait > 0:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + body.wait
        with state.notifier.waiter(res.keys) as waiter:
            # Re-check after registering so a commit between the first check and the
            # registration is not missed.
            since: int | None = res.snapshot
            while True:
                waiter.clear()
                res = await run_sync(pull, state, token, body.scopes, body.limit, since, fmt)
                if res.body is not None:
                    since = res.snapshot
                if res.news or state.notifier.closed:
                    break
                remaining = deadline - loop.time()
                if remaining <= 0:
                    break
                if await waiter.wait(min(RECHECK_S, remaining)):
                    since = None  # a relevant commit: really re-query
                elif await request.is_disconnected():
                    break  # the client went away: stop polling for it
        if res.body is None:  # timed out on the cheap "nothing changed" check
            res = await run_sync(pull, state, token, body.scopes, body.limit, None, fmt)
    assert res.body is not None
    return Response(res.body, media_type="application/json")


# --------------------------------------------------------------------------- push

def push(state: ServerState, token: str | None, body: PushIn) -> bytes:
    if not CLIENT_ID_RE.match(body.client_id):
        raise ProblemError(400, "bad-request", "client_id must be a UUID (8-64 characters of [A-Za-z0-9_-]).",
                           errors=[{"loc": ["body", "client_id"], "msg": "not a client id"}])
    muts = body.mutations
    if len(muts) > MAX_MUTATIONS:
        raise ProblemError(413, "too-large", f"At most {MAX_MUTATIONS} mutations per push.")
    for a, b in itertools.pairwise(muts):
        if b.seq != a.seq + 1:
            raise ProblemError(
                400, "bad-request", "Mutations in one push must have consecutive seq values.",
                errors=[{"loc": ["body", "mutations"], "msg": f"seq {b.seq} does not follow {a.seq}"}],
            )
    touched: set[str] = set()
    results: list[Any] = []
    pc, pr = db.push_clients, db.push_results
    with db.write_tx(state.engine) as conn:
        user = require_user(conn, token)
        row = conn.execute(sa.select(pc.c.user_id, pc.c.last_seq).where(pc.c.client_id == body.client_id)).first()
        if row is not None and row.user_id != user.id:
            raise ProblemError(409, "client-id-taken", "This client id belongs to another user.")
        last = int(row.last_seq) if row is not None else 0
        if row is None:
            conn.execute(pc.insert().values(client_id=body.client_id, user_id=user.id, last_seq=0))
        new = [m for m in muts if m.seq > last]
        if new and new[0].seq != last + 1:
            raise ProblemError(
                409, "sequence-gap",
                f"The next mutation of this client must have seq {last + 1}, not {new[0].seq}.",
                expected_seq=last + 1,
            )
        replays = [m.seq for m in muts if m.seq <= last]
        recorded: dict[int, Any] = {}
        if replays:
            for r in conn.execute(
                sa.select(pr.c.seq, pr.c.status, pr.c.code, pr.c.reason, pr.c.result).where(
                    pr.c.client_id == body.client_id, pr.c.seq >= replays[0], pr.c.seq <= replays[-1]
                )
            ):
                recorded[r.seq] = _result(r.seq, r.status, r.code, r.reason, r.result)
        for seq in replays:
            results.append(recorded.get(seq) or _result(seq, "rejected", "expired", "the result is no longer kept", None))
        now = db.now_iso()
        for m in new:
            ctx = mutations.MutationContext(conn=conn, user=user, now=now)
            status, code, reason, result_text = "applied", None, None, None
            sp = conn.begin_nested()
            try:
                result = mutations.apply(ctx, m.type, m.args)
                sp.commit()
                touched |= ctx.touched
                result_text = orjson.dumps(result).decode() if result is not None else None
            except mutations.Rejected as rej:
                sp.rollback()
                status, code, reason = "rejected", rej.code, rej.reason
                result_text = orjson.dumps(rej.result).decode() if rej.result is not None else None
            except sa.exc.OperationalError:
                sp.rollback()
                raise  # transient (locked, disk): the whole push is retried
            except (UnicodeEncodeError, sa.exc.StatementError) as e:
                if isinstance(e, sa.exc.StatementError) and not isinstance(e.orig, UnicodeEncodeError):
                    sp.rollback()
                    log.exception("mutation %s (client %s seq %d) failed", m.type, body.client_id, m.seq)
                    status, code, reason = "rejected", "internal-error", "the server failed to apply this change"
                else:
                    sp.rollback()
                    status, code, reason = "rejected", "invalid-value", "text must be valid Unicode (no unpaired surrogates)"
            except Exception:
                # A bug must not block the client's queue forever: record it.
                log.exception("mutation %s (client %s seq %d) failed", m.type, body.client_id, m.seq)
                sp.rollback()
                status, code, reason = "rejected", "internal-error", "the server failed to apply this change"
            conn.execute(
                pr.insert().values(
                    client_id=body.client_id, seq=m.seq, user_id=user.id, type=m.type, status=status,
                    code=code, reason=reason, result=result_text, applied_at=now,
                )
            )
            results.append(_result(m.seq, status, code, reason, result_text))
            last = m.seq
        if new:
            conn.execute(sa.update(pc).where(pc.c.client_id == body.client_id).values(last_seq=last))
    state.notifier.notify(touched)
    return orjson.dumps({"results": results, "last_seq": last, "server_time": db.now_iso()})


def _result(seq: int, status: str, code: str | None, reason: str | None, result: str | None) -> dict[str, Any]:
    out: dict[str, Any] = {"seq": seq, "status": status}
    if status == "rejected":
        out["code"] = code
        out["reason"] = reason
    out["result"] = Fragment(result) if result is not None else None
    return out


@router.post("/v1/sync/push", response_class=Response, tags=["sync"],
             responses={200: {"description": "One result per mutation", "content": {"application/json": {}}}})
async def push_route(
    body: PushIn, request: Request, creds: Creds
) -> Response:
    data = await run_sync(push, get_state(request), token_of(creds), body)
    return Response(data, media_type="application/json")
