"""Helpers for the server tests (real HTTP against the subprocess server)."""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path
from typing import Any

import httpx

PROBLEM = "application/problem+json"


def assert_problem(r: httpx.Response, status: int, code: str) -> dict[str, Any]:
    assert r.status_code == status, (r.status_code, r.text[:500])
    assert r.headers["content-type"].startswith(PROBLEM), r.headers
    body = r.json()
    assert body["status"] == status
    assert body["code"] == code, body
    assert body["type"].endswith("/" + code)
    assert isinstance(body["title"], str) and body["title"]
    return body


def pull(c: httpx.Client, scopes: dict[str, str | None], limit: int = 1000, wait: float = 0) -> dict[str, Any]:
    r = c.post("/v1/sync/pull", json={"scopes": scopes, "limit": limit, "wait": wait})
    assert r.status_code == 200, r.text[:500]
    out: dict[str, Any] = r.json()["scopes"]
    return out


def pull_all(c: httpx.Client, scope: str, cursor: str | None = None, limit: int = 1000) -> tuple[list[dict[str, Any]], str, list[str]]:
    """Page a scope to the end: (changes, final cursor, cursors after each page)."""
    changes: list[dict[str, Any]] = []
    cursors: list[str] = []
    while True:
        s = pull(c, {scope: cursor}, limit)[scope]
        assert "changes" in s, s
        changes += s["changes"]
        cursor = s["cursor"]
        cursors.append(cursor)
        if s["complete"]:
            return changes, cursor, cursors


def apply(state: dict[tuple[str, Any], dict[str, Any]], changes: list[dict[str, Any]]) -> None:
    """Apply changes like a client would: key (entity, id) -> data."""
    for ch in changes:
        key = (ch["entity"], ch["id"])
        if ch["op"] == "upsert":
            state[key] = ch["data"]
        else:
            assert ch["op"] == "delete", ch
            state.pop(key, None)


def new_client_id() -> str:
    return str(uuid.uuid4())


def push(c: httpx.Client, client_id: str, mutations: list[dict[str, Any]]) -> httpx.Response:
    return c.post("/v1/sync/push", json={"client_id": client_id, "mutations": mutations})


def db_rows(db_path: Path, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(db_path)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def register(c: httpx.Client, email: str, role: str = "buyer", join_code: str | None = None,
             password: str = "correct horse battery") -> dict[str, Any]:
    body: dict[str, Any] = {"email": email, "password": password, "display_name": email.split("@")[0], "role": role}
    if join_code is not None:
        body["join_code"] = join_code
    r = c.post("/v1/auth/register", json=body)
    assert r.status_code == 201, r.text
    out: dict[str, Any] = r.json()
    return out
