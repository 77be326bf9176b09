"""Helpers for the authorization/cards/chat tests: an :class:`Actor` is one signed-in
user with one client installation (client id + gap-free mutation seq) that keeps the
state of the scopes it pulls, like a real client would."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
from srv_util import apply, new_client_id, pull, push, register


class Actor:
    def __init__(self, srv: Any, role: str = "buyer", company_id: int | None = None) -> None:
        email = f"{role}-{uuid.uuid4().hex[:10]}@example.com"
        with srv.client() as c:
            join = srv.join_code(company_id) if company_id is not None else None
            out = register(c, email, role, join)
        self.srv = srv
        self.token: str = out["token"]
        self.user: dict[str, Any] = out["user"]
        self.id: int = self.user["id"]
        self.company_id: int | None = self.user["company_id"]
        self.c: httpx.Client = srv.client(self.token)
        self.client_id = new_client_id()
        self.seq = 0
        self.cursors: dict[str, str | None] = {}
        self.state: dict[str, dict[tuple[str, Any], dict[str, Any]]] = {}

    # -- push
    def push_raw(self, muts: list[tuple[str, dict[str, Any]]]) -> list[dict[str, Any]]:
        batch = []
        for type_, args in muts:
            self.seq += 1
            batch.append({"seq": self.seq, "type": type_, "args": args})
        r = push(self.c, self.client_id, batch)
        assert r.status_code == 200, r.text
        results: list[dict[str, Any]] = r.json()["results"]
        return results

    def do(self, type_: str, **args: Any) -> dict[str, Any]:
        """Push one mutation; assert it was applied; its result."""
        res = self.push_raw([(type_, args)])[0]
        assert res["status"] == "applied", res
        out: dict[str, Any] = res["result"]
        return out

    def rejected(self, type_: str, **args: Any) -> str:
        """Push one mutation; assert it was rejected; its code."""
        res = self.push_raw([(type_, args)])[0]
        assert res["status"] == "rejected", res
        assert res["reason"], res
        code: str = res["code"]
        return code

    # -- pull
    def sync(self, scope: str = "me") -> list[dict[str, Any]]:
        """Pull ``scope`` to the end; apply; return the changes of this round."""
        changes: list[dict[str, Any]] = []
        st = self.state.setdefault(scope, {})
        while True:
            s = pull(self.c, {scope: self.cursors.get(scope)}, 1000)[scope]
            assert "changes" in s, s
            changes += s["changes"]
            apply(st, s["changes"])
            self.cursors[scope] = s["cursor"]
            if s["complete"]:
                return changes

    def entities(self, entity: str, scope: str = "me") -> dict[Any, dict[str, Any]]:
        self.sync(scope)
        return {k[1]: v for k, v in self.state.get(scope, {}).items() if k[0] == entity}

    def scope(self) -> str:
        return f"company:{self.company_id}"

    def close(self) -> None:
        self.c.close()
