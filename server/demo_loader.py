"""Load the generated demo fair (``server.demo.generator``) into an empty database.

Bulk inserts in batches (one transaction per batch, each taking its block of change
sequence values), section counts and ``est_bytes``, the search index, and the demo
accounts.  ``meta.demo`` is ``loading`` while it runs and ``1`` when done, so a load
that was interrupted is recognized (:func:`demo_state`) and can be redone.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any

import orjson
import sqlalchemy as sa
import zstandard
from sqlalchemy.engine import Connection, Engine

from server import catalog, db

log = logging.getLogger(__name__)

Progress = Callable[[str, float], None]

DEMO_NAME = "FairDesk demo fair"
_PRODUCT_FIELDS = (
    "company_id", "section_id", "category_id", "name_en", "name_zh", "desc_en", "desc_zh",
    "specs", "image_count", "price_min_cents", "price_max_cents", "currency", "moq",
    "unit_en", "unit_zh", "lead_time_days", "certifications", "keywords", "hidden",
)
_COLS = ("id", *_PRODUCT_FIELDS, "version", "updated_at", "seq")
_EXPECTED_PRODUCTS = {"small": 2_000, "medium": 20_000, "large": 1_000_000}


def demo_state(engine: Engine) -> str:
    """'empty' (no catalog), 'loading' (interrupted load), 'ready' or 'data' (not a demo)."""
    with db.read_tx(engine) as conn:
        flag = db.get_meta(conn, "demo")
        if flag == "loading":
            return "loading"
        if db.is_empty(conn):
            return "empty"
        return "ready" if flag == "1" else "data"


def demo_accounts(engine: Engine) -> list[dict[str, Any]]:
    """The demo accounts (email, password, role, display_name, company_id, join_code)."""
    with db.read_tx(engine) as conn:
        raw = db.get_meta(conn, "demo_accounts")
    accounts: list[dict[str, Any]] = orjson.loads(raw) if raw else []
    return accounts


def remove_db_files(path: str | Path) -> None:
    p = Path(path)
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(str(p) + suffix)


def _text(v: Any, default: str = "[]") -> str:
    if v is None:
        return default
    if isinstance(v, str):
        return v
    return orjson.dumps(v).decode()


def _field(obj: Any, name: str, default: Any = None) -> Any:
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def load_demo(
    engine: Engine,
    size: str = "medium",
    seed: int = 2026,
    progress: Progress | None = None,
    batch_size: int = 50_000,
) -> list[dict[str, Any]]:
    """Generate the demo fair of ``size`` and load it into ``engine`` (must be empty).

    Returns the demo accounts (as :func:`demo_accounts`)."""
    from server.auth import hash_password
    from server.demo.generator import generate

    def report(stage: str, frac: float) -> None:
        if progress is not None:
            progress(stage, max(0.0, min(1.0, frac)))

    report("Generating the demo fair", 0.0)
    with db.write_tx(engine) as conn:
        if not db.is_empty(conn):
            raise RuntimeError("the database already holds a fair")
        db.set_meta(conn, "demo", "loading")
    fair = generate(size, seed)  # type: ignore[arg-type,unused-ignore]
    now = db.now_iso()

    categories = list(fair.categories)
    sections = list(fair.sections)
    companies = list(fair.companies)
    with db.write_tx(engine) as conn:
        seq = db.next_seq(conn, len(categories) + len(companies))
        conn.execute(
            db.categories.insert(),
            [
                {"id": c["id"], "slug": c.get("slug", ""), "name_en": c["name_en"],
                 "name_zh": c.get("name_zh", ""), "position": c.get("position", 0),
                 "seq": seq + i}
                for i, c in enumerate(categories)
            ],
        )
        seq += len(categories)
        # Sections are inserted now (companies and products refer to them) and get
        # their final sequence values once their counts are known.
        conn.execute(
            db.sections.insert(),
            [
                {"id": s["id"], "category_id": s["category_id"], "slug": s.get("slug", ""),
                 "name_en": s["name_en"], "name_zh": s.get("name_zh", ""),
                 "position": s.get("position", 0), "booth_count": 0, "product_count": 0,
                 "est_bytes": 0, "seq": 0}
                for s in sections
            ],
        )
        conn.execute(
            db.companies.insert(),
            [
                {"id": c["id"], "name_en": c["name_en"], "name_zh": c.get("name_zh", ""),
                 "country": c.get("country", ""), "city": c.get("city", ""),
                 "founded": c.get("founded"), "employees": c.get("employees"),
                 "profile_en": c.get("profile_en", ""), "profile_zh": c.get("profile_zh", ""),
                 "booth_no": c.get("booth_no", ""), "main_section_id": c.get("main_section_id"),
                 "section_ids": _text(c.get("section_ids")),
                 "has_logo": bool(c.get("has_logo", False)),
                 "has_banner": bool(c.get("has_banner", False)),
                 "is_demo": bool(c.get("is_demo", True)), "join_code": c["join_code"],
                 "version": c.get("version", 1), "updated_at": c.get("updated_at", now),
                 "seq": seq + i}
                for i, c in enumerate(companies)
            ],
        )
    report("Loading products", 0.02)

    counts: dict[int, int] = {}
    sampled: dict[int, tuple[int, int]] = {}  # section -> (sampled rows, their wire bytes)
    ratio: float | None = None
    expected = getattr(fair, "product_count", None) or _EXPECTED_PRODUCTS.get(size, 20_000)
    loaded = 0
    next_id = 1
    batch: list[list[Any]] = []
    i_sec, i_hidden = _COLS.index("section_id"), _COLS.index("hidden")
    i_seq = _COLS.index("seq")

    def flush(rows: list[list[Any]], conn: Connection) -> None:
        nonlocal ratio, loaded
        if not rows:
            return
        with conn.begin():
            first = db.next_seq(conn, len(rows))
            for i, r in enumerate(rows):
                r[i_seq] = first + i
            db.bulk_insert(conn, db.products, _COLS, rows)
            catalog.index_many(conn, [(r[0], r[4], r[5], r[18]) for r in rows])
        sample = bytearray()
        for n, r in enumerate(rows):
            if r[i_hidden]:
                continue
            sid = r[i_sec]
            counts[sid] = counts.get(sid, 0) + 1
            if n % 8 == 0:
                size_b, wire = _wire_size(r)
                k, b = sampled.get(sid, (0, 0))
                sampled[sid] = (k + 1, b + size_b)
                if ratio is None and len(sample) < 2_000_000:
                    sample += wire
        if ratio is None and sample:
            ratio = len(zstandard.ZstdCompressor(level=3).compress(bytes(sample))) / len(sample)
        loaded += len(rows)
        report("Loading products", 0.02 + 0.93 * min(1.0, loaded / expected))

    defaults = {"name_zh": "", "desc_en": "", "desc_zh": "", "keywords": "", "currency": "USD",
                "unit_en": "piece", "unit_zh": "件", "image_count": 0, "moq": 1, "version": 1,
                "updated_at": now, "specs": "[]", "certifications": "[]", "hidden": False}
    fields = _COLS[1:-1]
    with engine.connect() as conn:
        conn.execution_options(sqlite_immediate=True)
        raw = conn.connection.dbapi_connection
        if engine.dialect.name == "sqlite" and raw is not None:
            # a demo load that dies is redone from scratch (meta.demo == 'loading')
            raw.execute("PRAGMA synchronous=OFF")
            raw.execute("PRAGMA wal_autocheckpoint=20000")
        try:
            for chunk in _batches(fair.products):
                for p in chunk:
                    pid = p.get("id") or next_id
                    next_id = max(next_id, pid + 1)
                    row: list[Any] = [pid]
                    for k in fields:
                        v = p.get(k)
                        if v is None:
                            v = defaults.get(k)
                        elif k in ("specs", "certifications") and not isinstance(v, str):
                            v = orjson.dumps(v).decode()
                        row.append(v)
                    row[i_hidden] = bool(row[i_hidden])
                    row.append(0)  # seq, set in flush
                    batch.append(row)
                    if len(batch) >= batch_size:
                        flush(batch, conn)
                        batch = []
            flush(batch, conn)
        finally:
            if engine.dialect.name == "sqlite" and raw is not None:
                raw.execute("PRAGMA synchronous=NORMAL")
                raw.execute("PRAGMA wal_autocheckpoint=1000")

    all_k = sum(k for k, _ in sampled.values())
    avg_all = sum(b for _, b in sampled.values()) / all_k if all_k else 700.0

    def est_bytes(sid: int) -> int:
        k, b = sampled.get(sid, (0, 0))
        return int(counts.get(sid, 0) * (b / k if k else avg_all) * (ratio or 0.3))

    report("Creating demo accounts", 0.96)
    join_codes = {c["id"]: c["join_code"] for c in companies}
    booths: dict[int, int] = {}
    for c in companies:
        sids = c.get("section_ids") or ([c["main_section_id"]] if c.get("main_section_id") else [])
        if isinstance(sids, str):
            sids = orjson.loads(sids)
        for sid in set(sids):
            booths[sid] = booths.get(sid, 0) + 1
    accounts_out: list[dict[str, Any]] = []
    with db.write_tx(engine) as conn:
        seq = db.next_seq(conn, len(sections))
        for i, s in enumerate(sections):
            sid = s["id"]
            conn.execute(
                sa.update(db.sections)
                .where(db.sections.c.id == sid)
                .values(
                    booth_count=booths.get(sid, 0),
                    product_count=counts.get(sid, 0),
                    est_bytes=est_bytes(sid),
                    seq=seq + i,
                )
            )
        for acct in fair.accounts:
            company_id = _field(acct, "company_id")
            role = _field(acct, "role")
            email = str(_field(acct, "email")).lower()
            uid = conn.execute(
                db.users.insert().values(
                    email=email,
                    password_hash=hash_password(_field(acct, "password")),
                    display_name=_field(acct, "display_name"),
                    role=role,
                    company_id=company_id,
                    company=_field(acct, "company") or "",
                    country=_field(acct, "country") or "",
                    interests=_text(_field(acct, "interests")),
                    annual_volume=_field(acct, "annual_volume") or "",
                    disabled=False,
                    created_at=now,
                    version=1,
                    seq=db.next_seq(conn),
                ).returning(db.users.c.id)
            ).scalar_one()
            accounts_out.append(
                {
                    "user_id": uid,
                    "email": email,
                    "password": _field(acct, "password"),
                    "role": role,
                    "display_name": _field(acct, "display_name"),
                    "company_id": company_id,
                    "join_code": join_codes.get(company_id) if company_id else None,
                }
            )
        # Figures of the last 30 days for the companies of the demo staff accounts (§9).
        from server.workspace import seed_demo_history

        seed_demo_history(conn, sorted({int(a["company_id"]) for a in accounts_out if a["company_id"]}),
                          date.fromisoformat(now[:10]), seed)
        db.set_meta(conn, "demo_accounts", orjson.dumps(accounts_out).decode())
        db.set_meta(conn, "name", DEMO_NAME)
        db.set_meta(conn, "demo", "1")
    if engine.dialect.name == "sqlite":
        raw = engine.raw_connection()
        try:
            cur = raw.cursor()
            cur.execute("INSERT INTO product_fts(product_fts) VALUES ('optimize')")
            cur.execute("ANALYZE")
            cur.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            cur.close()
        finally:
            raw.close()
    report("Demo fair ready", 1.0)
    return accounts_out


def _batches(products: Iterable[Any]) -> Iterable[list[dict[str, Any]]]:
    """Accept an iterator of batches (lists) or of single product dicts."""
    pending: list[dict[str, Any]] = []
    for item in products:
        if isinstance(item, dict):
            pending.append(item)
            if len(pending) >= 5000:
                yield pending
                pending = []
        else:
            if pending:
                yield pending
                pending = []
            yield list(item)
    if pending:
        yield pending


def _wire_size(row: list[Any]) -> tuple[int, bytes]:
    """Size of the product's pull change (uncompressed) and its JSON."""
    data = dict(zip(_COLS[:-1], row, strict=False))
    data["specs"] = orjson.Fragment(data["specs"])
    data["certifications"] = orjson.Fragment(data["certifications"])
    b = orjson.dumps({"entity": "product", "op": "upsert", "id": row[0], "data": data})
    return len(b), b


def build_demo_db(path: str | Path, size: str = "small", seed: int = 2026,
                  progress: Progress | None = None) -> list[dict[str, Any]]:
    """Create a fresh database file at ``path`` holding the demo fair."""
    remove_db_files(path)
    engine = db.open_db(path)
    try:
        return load_demo(engine, size, seed, progress)
    finally:
        engine.dispose()


def ensure_demo(engine: Engine, db_path: str | Path | None, size: str,
                progress: Progress | None = None) -> tuple[Engine, list[dict[str, Any]]]:
    """Make sure ``engine`` holds a demo fair; redo an interrupted load. Returns the
    (possibly re-created) engine and the demo accounts."""
    state = demo_state(engine)
    if state == "loading" and db_path is not None:
        log.warning("an earlier demo load was interrupted; rebuilding %s", db_path)
        engine.dispose()
        remove_db_files(db_path)
        engine = db.open_db(db_path)
        state = "empty"
    if state == "empty":
        load_demo(engine, size, progress=progress)
    elif progress is not None:
        progress("Demo fair ready", 1.0)
    return engine, demo_accounts(engine)
