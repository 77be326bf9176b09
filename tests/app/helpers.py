"""Shared helpers for the app tests: the server's view vs the cache's view."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import os
import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import keyring.backend
import keyring.errors

from app.client import ApiClient
from offline_cache import queries, syncstate

FAST_BACKOFF = {"backoff_base": 0.02, "backoff_cap": 0.3}


async def login_token(url: str, email: str, password: str) -> str:
    async with ApiClient(url) as c:
        data = await c.login(email, password)
        return str(data["token"])


async def server_view(url: str, token: str, scopes: list[str]) -> dict[str, dict[Any, Any]]:
    """A fresh full pull of ``scopes``: entity type -> {id: version-or-data}."""
    view: dict[str, dict[Any, Any]] = {}
    async with ApiClient(url, token) as c:
        cursors: dict[str, str | None] = dict.fromkeys(scopes)
        todo = set(scopes)
        while todo:
            reply = await c.pull({s: cursors[s] for s in sorted(todo)}, limit=5000)
            for name, page in reply.scopes.items():
                assert page.error is None and not page.reset, (name, page)
                for ch in page.changes:
                    bucket = view.setdefault(ch["entity"], {})
                    if ch["op"] == "delete":
                        bucket.pop(ch["id"], None)
                    else:
                        bucket[ch["id"]] = _fingerprint(ch["entity"], ch["data"])
                cursors[name] = page.cursor
                if page.complete:
                    todo.discard(name)
    return view


def _fingerprint(entity: str, data: dict[str, Any]) -> Any:
    if entity in ("product", "company", "profile"):
        return data.get("version")
    if entity == "favourite":
        return (data.get("note") or "", tuple(data.get("tags") or ()))
    if entity == "section":
        return data.get("name_en")
    if entity == "category":
        return data.get("name_en")
    return None


def _cache_view_sync(db: Any) -> dict[str, dict[Any, Any]]:
    view: dict[str, dict[Any, Any]] = {}
    view["category"] = {r["id"]: r.get("name_en") for r in queries.list_categories(db)}
    view["section"] = {r["id"]: r.get("name_en") for r in queries.list_sections(db)}
    n = queries.count_companies(db)
    view["company"] = {
        r["id"]: r.get("version") for r in queries.list_companies(db, limit=max(n, 1))
    }
    products: dict[Any, Any] = {}
    for sid in syncstate.followed_sections(db):
        n = queries.count_products(db, section_id=sid)
        for r in queries.list_products(db, section_id=sid, limit=max(n, 1)):
            products[r["id"]] = r.get("version")
    for scope in syncstate.get_cursors(db):
        kind, _, ident = scope.partition(":")
        if kind == "company" and ident.isdigit():
            n = queries.count_products(db, company_id=int(ident))
            for r in queries.list_products(db, company_id=int(ident), limit=max(n, 1)):
                products[r["id"]] = r.get("version")
    view["product"] = products
    view["favourite"] = {
        f"{r['kind']}:{r['target_id']}": (r.get("note") or "", tuple(r.get("tags") or ()))
        for r in queries.list_favourites(db)
    }
    return view


async def cache_view(store: Any) -> dict[str, dict[Any, Any]]:
    return await store.read(_cache_view_sync)


def comparable(view: dict[str, dict[Any, Any]]) -> dict[str, dict[Any, Any]]:
    keys = ("category", "section", "company", "product", "favourite")
    return {k: dict(view.get(k, {})) for k in keys}


async def assert_cache_matches_server(
    store: Any, url: str, token: str
) -> dict[str, dict[Any, Any]]:
    cursors = await store.read(syncstate.get_cursors)
    server = comparable(await server_view(url, token, sorted(cursors)))
    cache = comparable(await cache_view(store))
    for kind in server:
        assert cache[kind] == server[kind], f"{kind}: cache differs from the server"
    return cache


async def wait_until(
    predicate: Callable[[], Awaitable[bool]], *, timeout: float = 30.0, interval: float = 0.05
) -> None:
    """Poll ``predicate`` until true; fails the test after ``timeout`` (a deadline, not a budget)."""
    deadline = time.monotonic() + timeout
    while True:
        if await predicate():
            return
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached in time")
        await asyncio.sleep(interval)


_account_counter = itertools.count()


async def register_buyer(url: str) -> tuple[str, str]:
    """A fresh buyer account on the server: (email, token)."""
    email = f"t{os.getpid()}-{next(_account_counter)}-{time.time_ns() % 10**9}@example.com"
    async with ApiClient(url) as c:
        data = await c.register(
            email=email,
            password="test-pass-123",
            display_name="Test Buyer",
            role="buyer",
            company="Test Imports",
            country="ES",
            interests=[],
            annual_volume="",
        )
    return email, str(data["token"])


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A real keyring backend that keeps entries in a dict."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if (service, username) not in self.entries:
            raise keyring.errors.PasswordDeleteError("no such entry")
        del self.entries[(service, username)]


@contextlib.contextmanager
def local_http_server(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """A threaded HTTP server on 127.0.0.1 with ``handler`` (hand-made replies for
    tests of bad or special server behaviour); yields its base URL."""
    srv = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    srv.daemon_threads = True
    t = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    t.start()
    try:
        yield f"http://127.0.0.1:{srv.server_address[1]}"
    finally:
        srv.shutdown()
        srv.server_close()
