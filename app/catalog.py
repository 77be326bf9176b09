"""Read-side catalog helpers over the local Store (Qt-free).

The UI never calls ``offline_cache.queries`` directly: it goes through
:class:`CatalogService`, whose coroutines run the query functions on the store's reader
thread (``await store.read(fn, ...)``) and local-first writes on its writer thread.
The pure helpers below (bilingual text, prices, CSV export, comparison rows) are used by
the pages and are testable without Qt.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

Row = dict[str, Any]

# ---------------------------------------------------------------------------
# Bilingual text and formatting


def is_chinese(lang: str) -> bool:
    return lang.lower().startswith("zh")


def bilingual(row: Mapping[str, Any], base: str, lang: str) -> tuple[str, str]:
    """(text in the UI language, text in the other language) for ``base``_en/_zh.

    Falls back to the other language when the preferred one is empty.
    """
    en = str(row.get(f"{base}_en") or "")
    zh = str(row.get(f"{base}_zh") or "")
    first, second = (zh, en) if is_chinese(lang) else (en, zh)
    if not first:
        first, second = second, ""
    if second == first:
        second = ""
    return first, second


def localized(row: Mapping[str, Any], base: str, lang: str) -> str:
    return bilingual(row, base, lang)[0]


_CURRENCY_SYMBOLS = {"USD": "$", "EUR": "€", "CNY": "¥", "GBP": "£", "JPY": "¥"}


def format_money(cents: int | None, currency: str) -> str:
    if cents is None:
        return ""
    symbol = _CURRENCY_SYMBOLS.get(currency.upper(), "")
    amount = f"{cents / 100:,.2f}"
    return f"{symbol}{amount}" if symbol else f"{amount} {currency}"


def format_price(row: Mapping[str, Any]) -> str:
    """'USD 1.20 – 3.40' style FOB price range of a product row ('' when unknown)."""
    lo = row.get("price_min_cents")
    hi = row.get("price_max_cents")
    currency = str(row.get("currency") or "USD").upper()
    if lo is None and hi is None:
        return ""

    def amount(cents: int) -> str:
        return f"{cents / 100:,.2f}"

    if lo is None or hi is None or lo == hi:
        single = lo if lo is not None else hi
        return f"{currency} {amount(int(single or 0))}"
    return f"{currency} {amount(int(lo))} – {amount(int(hi))}"


def format_bytes(n: int | float | None) -> str:
    value = float(n or 0)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GB"  # pragma: no cover


def as_list(value: Any) -> list[Any]:
    """Tolerate JSON text or None where a list is expected (cache rows may hold either)."""
    if value is None or value == "":
        return []
    if isinstance(value, list | tuple):
        return list(value)
    if isinstance(value, str):
        import json

        try:
            parsed = json.loads(value)
        except ValueError:
            return [v.strip() for v in value.split(",") if v.strip()]
        return list(parsed) if isinstance(parsed, list) else [parsed]
    return [value]


# ---------------------------------------------------------------------------
# Search filters as the UI knows them


@dataclass
class UiFilters:
    """What the search page's filter controls hold (None/'' = no filter)."""

    section_id: int | None = None
    category_id: int | None = None
    price_min_cents: int | None = None
    price_max_cents: int | None = None
    moq_max: int | None = None
    cert: str = ""
    sort: str = "relevance"  # local search only: relevance | price | price_desc | name

    def as_params(self) -> dict[str, Any]:
        """The filters as the server's /v1/search parameters (no sort there)."""
        out: dict[str, Any] = {}
        for key in ("section_id", "category_id", "price_min_cents", "price_max_cents", "moq_max"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        if self.cert:
            out["cert"] = self.cert
        return out


@dataclass
class SearchResult:
    total: int
    items: list[Row] = field(default_factory=list)
    exact: bool = True  # False: "total" is a lower bound (the search stops counting)


# ---------------------------------------------------------------------------
# Shortlist export and comparison

CSV_COLUMNS = (
    "kind",
    "id",
    "name_en",
    "name_zh",
    "company",
    "price",
    "currency",
    "moq",
    "lead_time_days",
    "certifications",
    "note",
    "tags",
)


def shortlist_csv(entries: Iterable[Mapping[str, Any]]) -> str:
    """CSV text (with header) for shortlist entries.

    Each entry is a favourite row with the resolved target under ``"target"``
    (a product or company row, or None when the target is not cached).
    Cells that a spreadsheet would run as a formula are prefixed with a quote.
    """
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for fav in entries:
        target: Mapping[str, Any] = fav.get("target") or {}
        kind = str(fav.get("kind") or "")
        company = ""
        if kind == "product":
            company = str(target.get("company_name_en") or target.get("company_name_zh") or "")
        row = [
            kind,
            fav.get("target_id", ""),
            target.get("name_en", ""),
            target.get("name_zh", ""),
            company,
            format_price(target) if kind == "product" else "",
            target.get("currency", "") if kind == "product" else "",
            target.get("moq", "") if kind == "product" else "",
            target.get("lead_time_days", "") if kind == "product" else "",
            "; ".join(str(c) for c in as_list(target.get("certifications"))),
            fav.get("note", ""),
            "; ".join(str(t) for t in as_list(fav.get("tags"))),
        ]
        writer.writerow([_csv_safe(v) for v in row])
    return buf.getvalue()


def _csv_safe(value: Any) -> str:
    text = "" if value is None else str(value)
    if text and text[0] in "=+-@\t\r" and not _is_number(text):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


MAX_COMPARE = 4

COMPARE_FIELDS: tuple[str, ...] = (
    "name",
    "company",
    "price",
    "moq",
    "lead_time_days",
    "certifications",
)


def compare_rows(products: Sequence[Mapping[str, Any]], lang: str) -> list[tuple[str, list[str]]]:
    """Rows (field key, one cell per product) for a side-by-side comparison.

    The standard fields come first, then every specification name found in any product
    (in first-seen order), with '' where a product lacks it.
    """
    products = list(products)[:MAX_COMPARE]
    rows: list[tuple[str, list[str]]] = []
    rows.append(("name", [localized(p, "name", lang) for p in products]))
    rows.append(("company", [localized(p, "company_name", lang) for p in products]))
    rows.append(("price", [format_price(p) for p in products]))
    rows.append(
        (
            "moq",
            [
                f"{p.get('moq', '')} {localized(p, 'unit', lang)}".strip()
                if p.get("moq") is not None
                else ""
                for p in products
            ],
        )
    )
    rows.append(
        (
            "lead_time_days",
            [
                str(p["lead_time_days"]) if p.get("lead_time_days") is not None else ""
                for p in products
            ],
        )
    )
    rows.append(
        (
            "certifications",
            [", ".join(str(c) for c in as_list(p.get("certifications"))) for p in products],
        )
    )
    spec_names: list[tuple[str, str]] = []
    seen: set[str] = set()
    for p in products:
        for spec in as_list(p.get("specs")):
            if not isinstance(spec, Mapping):
                continue
            key = str(spec.get("name_en") or spec.get("name_zh") or "")
            if key and key not in seen:
                seen.add(key)
                spec_names.append((key, localized(spec, "name", lang) or key))
    for key, label in spec_names:
        cells = []
        for p in products:
            value = ""
            for spec in as_list(p.get("specs")):
                if (
                    isinstance(spec, Mapping)
                    and str(spec.get("name_en") or spec.get("name_zh") or "") == key
                ):
                    value = str(spec.get("value") or "")
                    break
            cells.append(value)
        rows.append(("spec:" + label, cells))
    return rows


# ---------------------------------------------------------------------------
# The service


def default_sections(
    categories: Sequence[Mapping[str, Any]],
    sections: Sequence[Mapping[str, Any]],
    interests: Iterable[str] = (),
    own_sections: Iterable[int] = (),
    limit: int = 3,
) -> list[int]:
    """The sections a new user follows before choosing: their own booth's sections (an
    exhibitor), else one section for each interest (a category or section slug, in the
    user's order), else the first sections of the directory. At most ``limit``."""
    ordered = sorted(
        sections, key=lambda s: (int(s.get("category_id") or 0), int(s.get("position") or 0), int(s["id"]))
    )
    known = {int(s["id"]) for s in ordered}
    chosen: list[int] = []

    def add(sid: int) -> None:
        if sid in known and sid not in chosen and len(chosen) < limit:
            chosen.append(sid)

    for sid in own_sections:
        add(int(sid))
    if chosen:
        return chosen
    cat_by_slug = {str(c.get("slug") or ""): int(c["id"]) for c in categories if c.get("slug")}
    sec_by_slug = {str(s.get("slug") or ""): int(s["id"]) for s in ordered if s.get("slug")}
    for interest in interests:
        slug = str(interest).strip().lower()
        if slug in sec_by_slug:
            add(sec_by_slug[slug])
        elif slug in cat_by_slug:
            first = next((s for s in ordered if int(s.get("category_id") or 0) == cat_by_slug[slug]), None)
            if first is not None:
                add(int(first["id"]))
    if not chosen:
        for s in ordered[: min(2, limit)]:
            add(int(s["id"]))
    return chosen


class CatalogService:
    """Async read helpers over ``offline_cache`` for the UI (no Qt, no blocking).

    ``store`` is an ``offline_cache.store.Store``; every call runs on its threads.
    """

    def __init__(self, store: Any, local_write: Any = None) -> None:
        self.store = store
        # ``SyncEngine.local_write`` when a session exists: it reports the change set and
        # pushes at once; else plain ``store.write`` (the outbox keeps it for later).
        self.local_write = local_write

    async def _write(self, fn: Any, *args: Any, **kw: Any) -> Any:
        if self.local_write is not None:
            return await self.local_write(fn, *args, **kw)
        return await self.store.write(fn, *args, **kw)

    # -- directory
    async def categories(self) -> list[Row]:
        from offline_cache import queries

        return list(await self.store.read(queries.list_categories))

    async def sections(self, category_id: int | None = None) -> list[Row]:
        from offline_cache import queries

        return list(await self.store.read(queries.list_sections, category_id))

    async def count_companies(self, section_id: int | None = None, text: str = "") -> int:
        from offline_cache import queries

        return int(await self.store.read(queries.count_companies, section_id, text))

    async def companies(
        self, section_id: int | None = None, text: str = "", offset: int = 0, limit: int = 100
    ) -> list[Row]:
        from offline_cache import queries

        return list(
            await self.store.read(
                queries.list_companies, section_id, text, offset=offset, limit=limit
            )
        )

    async def company(self, company_id: int) -> Row | None:
        from offline_cache import queries

        row = await self.store.read(queries.get_company, company_id)
        return dict(row) if row else None

    # -- products
    async def count_products(
        self, company_id: int | None = None, section_id: int | None = None
    ) -> int:
        from offline_cache import queries

        return int(await self.store.read(queries.count_products, company_id, section_id))

    async def products(
        self,
        company_id: int | None = None,
        section_id: int | None = None,
        offset: int = 0,
        limit: int = 100,
    ) -> list[Row]:
        from offline_cache import queries

        rows = await self.store.read(
            queries.list_products, company_id, section_id, offset=offset, limit=limit
        )
        return list(await self.store.read(_with_company_names, list(rows)))

    async def product(self, product_id: int) -> Row | None:
        from offline_cache import queries

        row = await self.store.read(queries.get_product, product_id)
        return dict(row) if row else None

    async def search(
        self, text: str, filters: UiFilters | None = None, offset: int = 0, limit: int = 50
    ) -> SearchResult:
        from offline_cache.search import search_products

        flt = _make_filters(filters or UiFilters())
        page = await self.store.read(search_products, text, flt, offset=offset, limit=limit)
        result = _as_search_result(page)
        result.items = list(await self.store.read(_with_company_names, result.items))
        return result

    async def with_company_names(self, rows: list[Row]) -> list[Row]:
        """Add company_name_en/_zh from the cached directory (e.g. to server results)."""
        return list(await self.store.read(_with_company_names, rows))

    async def certifications(self) -> list[str]:
        """Certification names known in the cache (for the filter box)."""
        return list(await self.store.read(_distinct_certifications))

    # -- shortlist
    async def favourites(self, kind: str | None = None) -> list[Row]:
        """Favourites with their cached target under ``"target"`` (or None)."""
        from offline_cache import queries

        favs = list(await self.store.read(queries.list_favourites, kind))
        return list(await self.store.read(_resolve_favourites, favs))

    async def set_favourite(
        self, kind: str, target_id: int, note: str = "", tags: Sequence[str] = ()
    ) -> Any:
        from offline_cache import writes

        return await self._write(writes.set_favourite, kind, target_id, note=note, tags=tuple(tags))

    async def remove_favourite(self, kind: str, target_id: int) -> Any:
        from offline_cache import writes

        return await self._write(writes.remove_favourite, kind, target_id)

    async def is_favourite(self, kind: str, target_id: int) -> bool:
        favs = await self.favourites(kind)
        return any(int(f.get("target_id") or 0) == int(target_id) for f in favs)

    # -- status
    async def cache_stats(self) -> Row:
        from offline_cache import queries

        return dict(await self.store.read(queries.cache_stats))


def _make_filters(f: UiFilters) -> Any:
    """UiFilters -> offline_cache's SearchFilters (``cert`` is ``certification`` there)."""
    from offline_cache.search import SearchFilters

    params = f.as_params()
    cert = params.pop("cert", None)
    params["certification"] = cert or None
    params["sort"] = f.sort
    return SearchFilters(**params)


def _as_search_result(page: Any) -> SearchResult:
    if isinstance(page, Mapping):
        items = list(page.get("items") or [])
        return SearchResult(total=int(page.get("total") or len(items)), items=items)
    items = list(getattr(page, "items", []) or [])
    total = getattr(page, "total", None)
    exact = bool(getattr(page, "total_is_exact", True))
    return SearchResult(total=int(total if total is not None else len(items)), items=items, exact=exact)


def _distinct_certifications(db: Any) -> list[str]:
    try:
        rows = db.execute(
            "select distinct j.value from "
            "(select certifications from products limit 20000) p, json_each(p.certifications) j "
            "order by 1 limit 200"
        ).fetchall()
    except Exception:
        return []
    return [str(r[0]) for r in rows if r[0]]


def _with_company_names(db: Any, rows: list[Row]) -> list[Row]:
    """Add company_name_en/_zh to product rows (one lookup per distinct company)."""
    from offline_cache import queries

    names: dict[int, Row | None] = {}
    out = []
    for row in rows:
        row = dict(row)
        cid = int(row.get("company_id") or 0)
        if cid not in names:
            names[cid] = queries.get_company(db, cid) if cid else None
        company = names[cid]
        if company:
            row["company_name_en"] = company.get("name_en")
            row["company_name_zh"] = company.get("name_zh")
        out.append(row)
    return out


def _resolve_favourites(db: Any, favs: list[Row]) -> list[Row]:
    from offline_cache import queries

    out = []
    for fav in favs:
        fav = dict(fav)
        kind = fav.get("kind")
        target_id = int(fav.get("target_id") or 0)
        target = None
        if kind == "product":
            target = queries.get_product(db, target_id)
            if target is not None:
                target = dict(target)
                company = queries.get_company(db, int(target.get("company_id") or 0))
                if company:
                    target.setdefault("company_name_en", company.get("name_en"))
                    target.setdefault("company_name_zh", company.get("name_zh"))
        elif kind == "company":
            target = queries.get_company(db, target_id)
            target = dict(target) if target else None
        fav["target"] = target
        out.append(fav)
    return out
