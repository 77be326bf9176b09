"""Local product search: FTS5 with English prefix and Chinese character queries.

Index side (``index_texts`` / ``fts_row``): the FTS5 table ``product_fts`` (tokenizer
``unicode61 remove_diacritics 2``) is lean, holding only what buyers search for in a
B2B catalog, per visible product:

- ``name``: name_en and name_zh;
- ``extra``: the keywords (English and Chinese) and the company's names (without the
  legal-form suffix: "Co., Ltd.", "有限公司" ... are in nearly every name and nobody
  searches for them);
- ``facets``: filter tokens (``sec12``, ``cat3``, ``co4521``, ``certce``...), so section,
  category, company and certification filters are doclist intersections inside FTS5
  instead of row-by-row checks.

The long descriptions (desc_en/desc_zh) are displayed but not indexed locally: they
multiplied the index size and the initial-sync time (one token per Chinese character)
for little gain in product search (the server's whole-fair search still covers them).
unicode61 does not split Chinese, so CJK text is segmented into single characters
separated by spaces before indexing ("保温杯" -> "保 温 杯"). Hidden products (only their
own company's staff receive them) are not indexed.

Query side (``build_match``): the user's text is never parsed as FTS5 syntax. It is split
into CJK runs and other words; a CJK run becomes a quoted phrase of its characters
("保温杯" -> ``"保 温 杯"``, "灯" -> ``"灯"``), every other word a quoted prefix query
(``"therm" *``), all ANDed and restricted to the text columns. Quotes, operators, stars,
colons and other punctuation are separators and never reach FTS5 as syntax.

Ranking is bm25 with the names weighted above keywords and company.
"""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    import sqlite_utils


# ---------------------------------------------------------------- segmentation
_CJK_RANGES = (
    (0x2E80, 0x2FDF),    # CJK radicals
    (0x3040, 0x30FF),    # hiragana, katakana
    (0x3100, 0x312F),    # bopomofo
    (0x3190, 0x31FF),
    (0x3400, 0x4DBF),    # CJK extension A
    (0x4E00, 0x9FFF),    # CJK unified ideographs
    (0xAC00, 0xD7AF),    # hangul syllables
    (0xF900, 0xFAFF),    # CJK compatibility ideographs
    (0x20000, 0x3134F),  # CJK extensions B..G
)
_CJK_CLASS = "".join(f"{chr(a)}-{chr(b)}" for a, b in _CJK_RANGES)
# str.translate with a dict is several times faster than re.sub with a template. The
# table covers the CJK ranges of the Basic Multilingual Plane (~40k entries, ~4 MB) and
# is built on first use (the indexing side): the extensions B..G beyond it (200k rare
# code points) would make it ~18 MB resident in every process that imports this module
# (the desktop app's memory budget), so text using them takes a regex pass instead.
_SEGMENT_TABLE: dict[int, str] = {}
_ASTRAL_MIN = "\U00020000"
_ASTRAL_CJK = re.compile("[" + "".join(
    f"{chr(a)}-{chr(b)}" for a, b in _CJK_RANGES if a >= 0x10000) + "]+")


def _segment_table() -> dict[int, str]:
    if not _SEGMENT_TABLE:
        _SEGMENT_TABLE.update(
            {c: f" {chr(c)} " for a, b in _CJK_RANGES if b < 0x10000 for c in range(a, b + 1)})
    return _SEGMENT_TABLE


def _segment_astral(m: re.Match[str]) -> str:
    return "".join(f" {ch} " for ch in m.group(0))
_TERM_RE = re.compile(rf"([{_CJK_CLASS}]+)|((?:(?![{_CJK_CLASS}])[^\W_])+)")
_FACET_CLEAN = re.compile(r"[\W_]+")
# legal-form suffixes left out of the indexed company names (case-insensitive, at the end)
_LEGAL_SUFFIX = re.compile(
    r"(?:[\s,.]*(?:co|company|corp|corporation|inc|ltd|limited|llc|gmbh|plc|s\.?a|"
    r"pty|pvt|private)\b\.?)+\s*$|(?:股份)?有限(?:责任)?公司\s*$|集团\s*$",
    re.IGNORECASE,
)

MAX_QUERY_CHARS = 1000
MAX_TERMS = 16
COUNT_CAP = 1000              # totals above this are reported as capped (not exact)
MAX_LIMIT = 500

TEXT_COLUMNS = ("name", "extra")
NAME_COLUMNS = ("name",)
# Relevance over a huge match set: bm25 is computed for a bounded window of candidates
# per tier (the first WINDOW matches in rowid order), pages past it follow rowid order.
WINDOW = 300
WINDOW_FILTERED = 200         # when price/MOQ/currency filters join every candidate
COUNT_CAP_FILTERED = 500
# bm25 weights in FTS column order (schema.FTS_COLUMNS): name, extra, facets
BM25 = "bm25(product_fts, 10.0, 4.0, 0.0)"


# names, keywords and company names repeat across a catalog (a product line's variants)
_MEMO: dict[str, str] = {}
_MEMO_MAX_LEN = 400
_MEMO_MAX_ITEMS = 100_000


def segment(text: str) -> str:
    """Space-separate CJK characters so unicode61 indexes each as a token."""
    if not text or text.isascii():
        return text or ""
    done = _MEMO.get(text)
    if done is None:
        done = text.translate(_SEGMENT_TABLE or _segment_table())
        if max(text) >= _ASTRAL_MIN:
            done = _ASTRAL_CJK.sub(_segment_astral, done)
        if len(text) <= _MEMO_MAX_LEN:
            if len(_MEMO) >= _MEMO_MAX_ITEMS:
                _MEMO.clear()
            _MEMO[text] = done
    return done


def facet_token(prefix: str, value: object) -> str:
    return prefix + _FACET_CLEAN.sub("", str(value).casefold())


def _strip_legal(name: str) -> str:
    for _ in range(2):          # "... Group Co., Ltd." / "...集团有限公司"
        stripped = _LEGAL_SUFFIX.sub("", name)
        if stripped == name or not stripped.strip():
            break
        name = stripped
    return name


def company_text(name_en: str | None, name_zh: str | None) -> str:
    """The company part of a product's ``extra`` column."""
    en = _strip_legal(name_en) if isinstance(name_en, str) else ""
    zh = _strip_legal(name_zh) if isinstance(name_zh, str) else ""
    return segment(f"{en} {zh}")


_CERT_MEMO: dict[Any, str] = {}


def facets(section_id: Any, category_id: Any, company_id: Any,
           certifications: Iterable[Any] | None) -> str:
    head = f"sec{section_id} cat{category_id} co{company_id}"
    if not certifications:
        return head
    if isinstance(certifications, list):
        key: Any = tuple(certifications)
        try:
            tail = _CERT_MEMO.get(key)
        except TypeError:          # unhashable entries: no memo
            key, tail = None, None
    else:
        key, tail = None, None
    if tail is None:
        toks = [facet_token("cert", c) for c in certifications]
        tail = " ".join(t for t in toks if t != "cert")
        if key is not None:
            if len(_CERT_MEMO) > 10_000:
                _CERT_MEMO.clear()
            _CERT_MEMO[key] = tail
    return f"{head} {tail}" if tail else head


def index_texts(name_en: Any, name_zh: Any, keywords: Any, company: str, section_id: Any,
                category_id: Any, company_id: Any, certifications: Any
                ) -> tuple[str, str, str]:
    """The (name, extra, facets) column texts of one product.

    ``company`` is ``company_text`` of its company. Raises TypeError for a text field
    that is neither a string nor null.
    """
    name = f"{name_en or ''} {segment(name_zh or '')}"
    extra = f"{segment(keywords or '')} {company}"
    return name, extra, facets(section_id, category_id, company_id, certifications)


def extra_text(keywords: Any, company: str) -> str:
    """The ``extra`` column alone (as ``index_texts`` makes it)."""
    return f"{segment(keywords or '')} {company}"


def fts_row(p: Mapping[str, Any], company: str) -> tuple[Any, ...]:
    """The product_fts row (rowid first) for a product dict (protocol field names)."""
    return (p["id"], *index_texts(
        p.get("name_en"), p.get("name_zh"), p.get("keywords"), company, p.get("section_id"),
        p.get("category_id"), p.get("company_id"), p.get("certifications")))


FTS_INSERT = "INSERT INTO product_fts(rowid, name, extra, facets) VALUES (?, ?, ?, ?)"


def rebuild_index(conn: sqlite3.Connection, batch: int = 5000) -> int:
    """Refill ``product_fts`` from the products and companies tables; returns rows.

    For schema migrations and repair; runs in the caller's transaction.
    """
    conn.execute("DELETE FROM product_fts")
    companies = {r[0]: company_text(r[1], r[2]) for r in conn.execute(
        "SELECT id, name_en, name_zh FROM companies")}
    import orjson

    n = 0
    last = -1 << 63
    while True:
        rows = conn.execute(
            "SELECT id, name_en, name_zh, keywords, section_id, category_id, company_id, "
            "certifications FROM products WHERE hidden = 0 AND id > ? ORDER BY id LIMIT ?",
            (last, batch),
        ).fetchall()
        if not rows:
            return n
        fts = []
        for pid, name_en, name_zh, keywords, sec, cat, co, certs in rows:
            try:
                cert_list = orjson.loads(certs) if certs else []
            except orjson.JSONDecodeError:
                cert_list = []
            fts.append((pid, *index_texts(
                str(name_en or ""), str(name_zh or ""), str(keywords or ""),
                companies.get(co, ""), sec, cat, co,
                cert_list if isinstance(cert_list, list) else [])))
        conn.executemany(FTS_INSERT, fts)
        n += len(fts)
        last = rows[-1][0]


# ---------------------------------------------------------------- queries
def terms(text: str) -> list[tuple[str, bool]]:
    """The user's text as (term, is_cjk) pairs, deduplicated, at most MAX_TERMS."""
    if not isinstance(text, str):
        raise TypeError("search text must be a string")
    out: list[tuple[str, bool]] = []
    seen: set[str] = set()
    for m in _TERM_RE.finditer(text[:MAX_QUERY_CHARS]):
        cjk, word = m.group(1), m.group(2)
        term = (cjk or word or "").lower()
        if not term or term in seen:
            continue
        seen.add(term)
        out.append((term, bool(cjk)))
        if len(out) >= MAX_TERMS:
            break
    return out


def _quote(s: str) -> str:
    return '"' + s.replace('"', '""') + '"'


def _phrases(text: str) -> list[str]:
    parts = []
    for term, cjk in terms(text):
        if cjk:
            parts.append(_quote(" ".join(term)))
        else:
            parts.append(_quote(term) + " *")
    return parts


def _in_columns(columns: Sequence[str], phrases: list[str]) -> str:
    return "{" + " ".join(columns) + "} : (" + " AND ".join(phrases) + ")"


def build_match(text: str) -> str | None:
    """The FTS5 expression for the user's text, or None when it has no terms."""
    parts = _phrases(text)
    if not parts:
        return None
    return _in_columns(TEXT_COLUMNS, parts)


def relevance_tiers(text: str) -> list[str]:
    """Relevance tiers: every term in the names, then every term anywhere else."""
    parts = _phrases(text)
    if not parts:
        return []
    names = _in_columns(NAME_COLUMNS, parts)
    return [names, f"({_in_columns(TEXT_COLUMNS, parts)}) NOT ({names})"]


# ---------------------------------------------------------------- API types
Sort = Literal["relevance", "price", "price_desc", "name"]


@dataclass(frozen=True)
class SearchFilters:
    section_id: int | None = None
    category_id: int | None = None
    company_id: int | None = None
    price_min_cents: int | None = None   # products whose FOB range overlaps the filter's
    price_max_cents: int | None = None
    moq_max: int | None = None
    certification: str | None = None
    currency: str | None = None
    sort: Sort = "relevance"


@dataclass
class SearchPage:
    items: list[dict[str, Any]]
    total: int
    total_is_exact: bool        # False: more than COUNT_CAP matches, total is the cap
    offset: int
    limit: int
    match: str | None = None    # the FTS5 expression used (diagnostics)
    terms: list[str] = field(default_factory=list)


class SearchError(ValueError):
    """Invalid filters (never raised for any search text)."""


def _int_or_none(name: str, v: Any) -> int | None:
    if v is None:
        return None
    if isinstance(v, bool) or not isinstance(v, int):
        raise SearchError(f"{name} must be an integer")
    return v


def _validate(filters: SearchFilters) -> None:
    for name in ("section_id", "category_id", "company_id", "price_min_cents",
                 "price_max_cents", "moq_max"):
        _int_or_none(name, getattr(filters, name))
    if filters.sort not in ("relevance", "price", "price_desc", "name"):
        raise SearchError(f"unknown sort {filters.sort!r}")
    if filters.certification is not None and not isinstance(filters.certification, str):
        raise SearchError("certification must be a string")
    if filters.currency is not None and not isinstance(filters.currency, str):
        raise SearchError("currency must be a string")


def _row_filters(f: SearchFilters, alias: str) -> tuple[list[str], list[Any]]:
    """SQL conditions on the products row (those FTS facets do not cover)."""
    where: list[str] = []
    args: list[Any] = []
    if f.price_min_cents is not None:
        where.append(f"{alias}.price_max_cents >= ?")
        args.append(f.price_min_cents)
    if f.price_max_cents is not None:
        where.append(f"{alias}.price_min_cents <= ?")
        args.append(f.price_max_cents)
    if f.moq_max is not None:
        where.append(f"{alias}.moq <= ?")
        args.append(f.moq_max)
    if f.currency:
        where.append(f"{alias}.currency = ?")
        args.append(f.currency.upper())
    return where, args


def _cert_token(f: SearchFilters) -> str | None:
    if not f.certification:
        return None
    # a certification with no letters or digits matches nothing ("cert" is no token)
    return facet_token("cert", f.certification)


def _facet_match(f: SearchFilters, with_cert: bool = True) -> list[str]:
    out = []
    if f.section_id is not None:
        out.append(f'facets : "sec{f.section_id}"')
    if f.category_id is not None:
        out.append(f'facets : "cat{f.category_id}"')
    if f.company_id is not None:
        out.append(f'facets : "co{f.company_id}"')
    tok = _cert_token(f)
    if tok is not None and with_cert:
        out.append(f"facets : {_quote(tok)}")
    return out


def _order(f: SearchFilters, alias: str, ranked: bool) -> str:
    if f.sort == "price":
        return f"{alias}.price_min_cents, {alias}.id"
    if f.sort == "price_desc":
        return f"{alias}.price_max_cents DESC, {alias}.id"
    if f.sort == "name":
        return f"{alias}.name_en COLLATE NOCASE, {alias}.id"
    return f"{BM25}, {alias}.id" if ranked else f"{alias}.id"


def search_products(db: sqlite_utils.Database | sqlite3.Connection, text: str,
                    filters: SearchFilters | None = None, offset: int = 0,
                    limit: int = 50) -> SearchPage:
    """Search visible cached products. Any text is valid; filters are validated."""
    from .queries import PRODUCT_SELECT, product_from_row

    conn = db if isinstance(db, sqlite3.Connection) else db.conn
    f = filters or SearchFilters()
    _validate(f)
    offset = max(0, int(offset))
    limit = max(0, min(MAX_LIMIT, int(limit)))
    text_match = build_match(text if isinstance(text, str) else "")
    facet = _facet_match(f)
    row_where, row_args = _row_filters(f, "p")
    term_list = [t for t, _ in terms(text)] if isinstance(text, str) else []

    if (text_match is None and not facet and not row_where and f.sort == "relevance"
            and _has_docsize(conn)):
        # every visible product in id order (the search page's empty query): its ids
        # from the index's small per-row table (one row per indexed, i.e. visible,
        # product), so a page deep in a million rows costs milliseconds, not a scan of
        # the products table
        ids = [r[0] for r in conn.execute(
            "SELECT id FROM product_fts_docsize ORDER BY id LIMIT ? OFFSET ?", (limit, offset))]
        total = int(conn.execute("SELECT count(*) FROM product_fts_docsize").fetchone()[0])
        return SearchPage(_fetch(conn, ids), total, True, offset, limit, None, term_list)

    if text_match is None and (not facet or (
            f.category_id is None and f.certification is None)):
        # filter-only listing straight from the products table
        where = ["p.hidden = 0", *row_where]
        if f.section_id is not None:
            where.append("p.section_id = ?")
            row_args.append(f.section_id)
        if f.company_id is not None:
            where.append("p.company_id = ?")
            row_args.append(f.company_id)
        w = " AND ".join(where)
        rows = conn.execute(
            f"SELECT {PRODUCT_SELECT} FROM products p WHERE {w} "
            f"ORDER BY {_order(f, 'p', False)} LIMIT ? OFFSET ?",
            (*row_args, limit, offset),
        ).fetchall()
        total, exact = _capped_count(
            conn, f"SELECT 1 FROM products p WHERE {w}", row_args, offset + len(rows)
        )
        return SearchPage([product_from_row(r) for r in rows], total, exact, offset, limit,
                          None, term_list)

    match = " AND ".join(([f"({text_match})"] if text_match else []) + facet)
    if text_match is not None and f.sort == "relevance":
        # bm25 scans the doclist of every phrase in the expression for its statistics:
        # a common certification (CE is on a quarter of the catalog) is cheaper checked
        # row by row than as a filter token, a rare one the other way round
        cert = _cert_token(f)
        common = cert is not None and _is_common(conn, cert)
        no_cert = _facet_match(f, with_cert=False)
        tiers = [(" AND ".join([f"({t})", *facet]),
                  " AND ".join([f"({t})", *no_cert]) if common else None)
                 for t in relevance_tiers(text)]
        ids, known = _relevance_ids(conn, tiers, row_where, row_args, offset, limit)
        items = _fetch(conn, ids)
        if known is not None and known <= COUNT_CAP:
            # every tier was small enough to be seen whole: the total is known
            return SearchPage(items, known, True, offset, limit, match, term_list)
    else:
        items = []
    if not row_where:
        if text_match is None or f.sort != "relevance":
            if text_match is None and f.sort == "relevance":
                ids = [r[0] for r in conn.execute(
                    "SELECT rowid FROM product_fts WHERE product_fts MATCH ? "
                    "ORDER BY rowid LIMIT ? OFFSET ?", (match, limit, offset))]
                items = _fetch(conn, ids)
            else:
                items = _sorted_join(conn, match, [], [], f, offset, limit)
        total, exact = _capped_count(
            conn, "SELECT 1 FROM product_fts WHERE product_fts MATCH ?", [match],
            offset + len(items))
        return SearchPage(items, total, exact, offset, limit, match, term_list)

    if text_match is None or f.sort != "relevance":
        items = _sorted_join(conn, match, row_where, row_args, f, offset, limit)
    w = " AND ".join(["product_fts MATCH ?", *row_where])
    total, exact = _capped_count(
        conn, f"SELECT 1 FROM product_fts CROSS JOIN products p ON p.id = product_fts.rowid "
        f"WHERE {w}", [match, *row_args], offset + len(items), COUNT_CAP_FILTERED)
    return SearchPage(items, total, exact, offset, limit, match, term_list)


def count_matching(db: sqlite_utils.Database | sqlite3.Connection, text: str,
                   filters: SearchFilters | None = None) -> int:
    """The exact number of products ``search_products`` finds for ``text`` and ``filters``
    (it reports totals above COUNT_CAP as capped). For a result list that shows its full
    length (a scroll bar over every match); run it on a reader thread."""
    conn = db if isinstance(db, sqlite3.Connection) else db.conn
    f = filters or SearchFilters()
    _validate(f)
    text_match = build_match(text if isinstance(text, str) else "")
    facet = _facet_match(f)
    row_where, row_args = _row_filters(f, "p")
    if text_match is None and not facet and not row_where and _has_docsize(conn):
        return int(conn.execute("SELECT count(*) FROM product_fts_docsize").fetchone()[0])
    if text_match is None and (not facet or (
            f.category_id is None and f.certification is None)):
        where = ["p.hidden = 0", *row_where]
        if f.section_id is not None:
            where.append("p.section_id = ?")
            row_args.append(f.section_id)
        if f.company_id is not None:
            where.append("p.company_id = ?")
            row_args.append(f.company_id)
        return int(conn.execute(
            f"SELECT count(*) FROM products p WHERE {' AND '.join(where)}", row_args
        ).fetchone()[0])
    match = " AND ".join(([f"({text_match})"] if text_match else []) + facet)
    if not row_where:
        return int(conn.execute(
            "SELECT count(*) FROM product_fts WHERE product_fts MATCH ?", (match,)
        ).fetchone()[0])
    w = " AND ".join(["product_fts MATCH ?", *row_where])
    return int(conn.execute(
        f"SELECT count(*) FROM product_fts CROSS JOIN products p ON p.id = product_fts.rowid "
        f"WHERE {w}", (match, *row_args)).fetchone()[0])


def _has_docsize(conn: sqlite3.Connection) -> bool:
    """product_fts keeps its per-row table (FTS5's default ``columnsize=1``)."""
    return conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'product_fts_docsize'"
    ).fetchone() is not None


def _sorted_join(conn: sqlite3.Connection, match: str, row_where: list[str],
                 row_args: list[Any], f: SearchFilters, offset: int,
                 limit: int) -> list[dict[str, Any]]:
    """Matches in a non-relevance order (price, name; rowid when there is no text)."""
    from .queries import PRODUCT_SELECT, product_from_row

    w = " AND ".join(["product_fts MATCH ?", *row_where])
    # without text, "relevance" is id order: FTS5 yields rowid order, so LIMIT stops early
    order = "product_fts.rowid" if f.sort == "relevance" else _order(f, "p", False)
    rows = conn.execute(
        f"SELECT {PRODUCT_SELECT} FROM product_fts CROSS JOIN products p "
        f"ON p.id = product_fts.rowid WHERE {w} ORDER BY {order} "
        "LIMIT ? OFFSET ?",
        (match, *row_args, limit, offset),
    ).fetchall()
    return [product_from_row(r) for r in rows]


def _relevance_ids(conn: sqlite3.Connection, tiers: list[tuple[str, str | None]],
                   row_where: list[str], row_args: list[Any], offset: int,
                   limit: int) -> tuple[list[int], int | None]:
    """Ids of one page in relevance order.

    The order is: tier by tier (names first); within a tier, its first ``WINDOW``
    matches (in rowid order, after filters) ranked by bm25, then the rest in rowid
    order. A page costs at most a window of bm25 scores however many products match,
    and every page of a query sees the same order, so paging is stable.

    ``tiers`` holds (expression, rank expression) pairs. bm25 scans the doclist of every
    phrase of its expression for statistics, so when a filter token is very common (a
    certification on a quarter of the catalog) the window is found without bm25 and
    ranked by ``_rank`` with an expression that leaves that token out.
    """
    if row_where:
        window = WINDOW_FILTERED
        src = "product_fts CROSS JOIN products p ON p.id = product_fts.rowid"
        where = " AND ".join(["product_fts MATCH ?", *row_where])
    else:
        window = WINDOW
        src = "product_fts"
        where = "product_fts MATCH ?"
    out: list[int] = []
    skip = offset
    seen = 0                   # products in the tiers seen whole (None: not all seen)
    known: int | None = 0
    for expr, rank_expr in tiers:
        if len(out) >= limit:
            known = None
            break
        args = (expr, *row_args)
        if rank_expr is None:
            ranked = [r[0] for r in conn.execute(
                f"SELECT id FROM (SELECT product_fts.rowid AS id, {BM25} AS r FROM {src} "
                f"WHERE {where} ORDER BY product_fts.rowid LIMIT {window}) ORDER BY r, id",
                args,
            )]
        else:
            ranked = _rank(conn, rank_expr, [r[0] for r in conn.execute(
                f"SELECT product_fts.rowid FROM {src} WHERE {where} "
                f"ORDER BY product_fts.rowid LIMIT {window}", args)])
        take = limit - len(out)
        if skip < len(ranked):
            got = ranked[skip:skip + take]
            out += got
            take -= len(got)
        if len(ranked) < window:
            size = len(ranked)                          # the whole tier was ranked
            seen += size
        else:
            known = None
            if take > 0:
                rest = [r[0] for r in conn.execute(
                    f"SELECT product_fts.rowid FROM {src} WHERE {where} "
                    "ORDER BY product_fts.rowid LIMIT ? OFFSET ?",
                    (*args, take, window + max(0, skip - window)),
                )]
                out += rest
                take -= len(rest)
            if take <= 0:
                break
            size = int(conn.execute(f"SELECT count(*) FROM {src} WHERE {where}",
                                    args).fetchone()[0])
        skip = max(0, skip - size)
    return out, (seen if known is not None else None)


COMMON_FACET = 20_000
RANK_SCAN_CAP = 2000


def _rank(conn: sqlite3.Connection, expr: str, candidates: list[int]) -> list[int]:
    """``candidates`` (ascending rowids) ordered by bm25 under ``expr``.

    The scan covers the candidates' rowid range, at most RANK_SCAN_CAP matches of
    ``expr``; candidates beyond it keep rowid order after the scored ones.
    """
    if len(candidates) <= 1:
        return candidates
    wanted = set(candidates)
    scores: dict[int, float] = {}
    for rowid, score in conn.execute(
        f"SELECT rowid, {BM25} FROM product_fts WHERE product_fts MATCH ? "
        "AND rowid >= ? AND rowid <= ? LIMIT ?",
        (expr, candidates[0], candidates[-1], RANK_SCAN_CAP),
    ):
        if rowid in wanted:
            scores[rowid] = score
    inf = float("inf")
    return sorted(candidates, key=lambda i: (scores.get(i, inf), i))


_COMMON: dict[tuple[str, int], tuple[bool, float]] = {}
_COMMON_TTL = 300.0


def _is_common(conn: sqlite3.Connection, token: str) -> bool:
    """More than COMMON_FACET products carry this filter token (a bounded count).

    Only a cost heuristic (results are the same either way), so a few minutes' memo of
    the answer is fine.
    """
    now = time.monotonic()
    key = (token, COMMON_FACET)
    memo = _COMMON.get(key)
    if memo is not None and now - memo[1] < _COMMON_TTL:
        return memo[0]
    n = conn.execute(
        "SELECT count(*) FROM (SELECT 1 FROM product_fts WHERE product_fts MATCH ? "
        f"LIMIT {COMMON_FACET + 1})",
        (f"facets : {_quote(token)}",),
    ).fetchone()[0]
    common = bool(n > COMMON_FACET)
    if len(_COMMON) > 1000:
        _COMMON.clear()
    _COMMON[key] = (common, now)
    return common




def _capped_count(conn: sqlite3.Connection, inner: str, args: Sequence[Any],
                  at_least: int, cap: int | None = None) -> tuple[int, bool]:
    cap = COUNT_CAP if cap is None else min(cap, COUNT_CAP)
    n = conn.execute(
        f"SELECT count(*) FROM ({inner} LIMIT {cap + 1})", tuple(args)
    ).fetchone()[0]
    if n > cap:
        return max(cap, at_least), False
    return max(int(n), at_least) if at_least > n else int(n), True


def _fetch(conn: sqlite3.Connection, ids: list[int]) -> list[dict[str, Any]]:
    from .queries import PRODUCT_SELECT, product_from_row

    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    rows = conn.execute(
        f"SELECT {PRODUCT_SELECT} FROM products p WHERE p.id IN ({marks})", ids
    ).fetchall()
    by_id = {r[0]: product_from_row(r) for r in rows}
    return [by_id[i] for i in ids if i in by_id]


# ---------------------------------------------------------------- maintenance
def merge_index(db: sqlite_utils.Database | sqlite3.Connection, pages: int = 1000) -> bool:
    """A bounded step of full-text index merging; run it in ``Store.write`` when idle.

    A large initial sync leaves the index in many segments (FTS5 merges them only
    partly while inserting); merging them makes queries faster. Returns True while more
    work remains (call again), False once the index is fully merged.
    """
    conn = db if isinstance(db, sqlite3.Connection) else db.conn
    before = conn.total_changes
    conn.execute("INSERT INTO product_fts(product_fts, rank) VALUES ('merge', ?)",
                 (-max(1, int(pages)),))
    return conn.total_changes - before >= 2


def optimize_index(db: sqlite_utils.Database | sqlite3.Connection) -> None:
    """Merge the whole full-text index in one go (about 15 s for 1M products)."""
    conn = db if isinstance(db, sqlite3.Connection) else db.conn
    conn.execute("INSERT INTO product_fts(product_fts) VALUES ('optimize')")
