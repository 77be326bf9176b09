"""One profile's session: the Store, the ApiClient, the SyncEngine and the credentials.

    session = AppSession("default", "http://127.0.0.1:8765")
    await session.open()                 # opens <profile dir>/cache.sqlite
    if not await session.restore():      # the saved token (works offline too)
        await session.sign_in(email, password)
    ...
    await session.local_write(writes.set_favourite, "product", 7)   # change + wake sync
    await session.close()

``sign_out()`` revokes the token on the server when it is reachable, deletes the keyring
entry, stops the engine and keeps the cache. A 401 from the server (token revoked
elsewhere) turns the session "signed out" the same way (``on_signed_out`` listeners).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from app.client import ApiClient, ClientError, SignedOut, normalize_base_url
from app.credentials import CredentialStore
from app.events import Changed, ConnState, Event, StateChanged
from app.netthread import NetworkThread
from app.profiles import DEFAULT_PROFILE, profile_dir, validate_profile_name
from app.settings import Settings
from app.sync import SyncEngine
from offline_cache import queries, syncstate
from offline_cache.store import Store

log = logging.getLogger(__name__)

T = TypeVar("T")
CACHE_FILE = "cache.sqlite"


class AppSession:
    """Everything one profile needs; create, ``await open()``, then sign in or restore."""

    def __init__(
        self,
        profile: str = DEFAULT_PROFILE,
        server_url: str | None = None,
        *,
        data_dir: Path | None = None,
        engine_options: dict[str, Any] | None = None,
        network_thread: bool = False,
    ) -> None:
        self.profile = validate_profile_name(profile)
        self.dir = Path(data_dir) if data_dir is not None else profile_dir(profile)
        self.dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.settings = Settings.load(self.dir)
        url = server_url or self.settings.server_url
        if not url:
            raise ValueError("No server address: pass one or set it in the profile's settings.")
        self.server_url = normalize_base_url(url)
        self.credentials = CredentialStore(self.profile, self.server_url)
        self._engine_options = dict(engine_options or {})
        # the desktop app: HTTP exchanges on their own thread, off the GUI thread's loop
        self._use_network_thread = network_thread
        self._net: NetworkThread | None = None
        self._store: Store | None = None
        self._client: ApiClient | None = None
        self._engine: SyncEngine | None = None
        self.user: dict[str, Any] | None = None
        self.signed_in = False
        self._signed_out_listeners: list[Callable[[], None]] = []
        self._bg: set[asyncio.Task[Any]] = set()

    # ------------------------------------------------------------------ parts

    @property
    def store(self) -> Store:
        if self._store is None:
            raise RuntimeError("AppSession.open() was not called")
        return self._store

    @property
    def client(self) -> ApiClient:
        if self._client is None:
            raise RuntimeError("AppSession.open() was not called")
        return self._client

    @property
    def engine(self) -> SyncEngine:
        if self._engine is None:
            raise RuntimeError("AppSession.open() was not called")
        return self._engine

    @property
    def cache_path(self) -> Path:
        return self.dir / CACHE_FILE

    def add_signed_out_listener(self, fn: Callable[[], None]) -> None:
        self._signed_out_listeners.append(fn)

    # ------------------------------------------------------------------ lifecycle

    async def open(self) -> None:
        """Open (or create, or rebuild) the cache and build the client and engine."""
        if self._store is not None:
            return
        self._store = await Store.open(self.cache_path)
        if self._use_network_thread:
            self._net = NetworkThread(f"fairdesk-net-{self.profile}")
        self._client = ApiClient(
            self.server_url, on_signed_out=self._on_signed_out, network=self._net)
        self._engine = SyncEngine(self._store, self._client, **self._engine_options)
        self._engine.add_listener(self._on_event)
        await self._engine.ensure_default_scopes()
        if self.settings.server_url != self.server_url:
            self.settings.server_url = self.server_url
            self._save_settings()

    async def close(self) -> None:
        for task in list(self._bg):
            task.cancel()
        for task in list(self._bg):
            with contextlib.suppress(BaseException):
                await task
        if self._engine is not None:
            await self._engine.stop()
        if self._client is not None:
            await self._client.aclose()
        if self._net is not None:
            await asyncio.to_thread(self._net.stop)
            self._net = None
        if self._store is not None:
            await self._store.close()
        self._store = self._client = self._engine = None

    async def __aenter__(self) -> AppSession:
        await self.open()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    # ------------------------------------------------------------------ sign in/out

    async def restore(self, *, start: bool = True) -> bool:
        """Use the saved token, if any. Works offline (no request is needed to start)."""
        token = await self.credentials.get()
        if not token:
            return False
        self.client.set_token(token)
        self.signed_in = True
        if start:
            await self.engine.start()
        self._spawn(self._refresh_user())
        return True

    async def sign_in(self, email: str, password: str, *, start: bool = True) -> dict[str, Any]:
        """Sign in; raises ApiError (401 wrong credentials, 429 rate limited), NetworkError."""
        data = await self.client.login(email.strip(), password)
        await self._signed_in(data, start=start)
        return data["user"]

    async def register(self, *, start: bool = True, **fields: Any) -> dict[str, Any]:
        """Create an account (protocol fields: email, password, display_name, role, ...)."""
        data = await self.client.register(**fields)
        await self._signed_in(data, start=start)
        return data["user"]

    async def sign_out(self) -> None:
        """Revoke the token (if the server is reachable), forget it, stop syncing; keep the cache."""
        await self.engine.stop()
        if self.client.token:
            try:
                await asyncio.wait_for(self.client.logout(), timeout=10)
            except (ClientError, TimeoutError) as exc:
                log.info("could not revoke the token on the server: %s", exc)
        self.client.set_token(None)
        await self.credentials.delete()
        self.signed_in = False
        self.user = None
        self.engine.set_signed_out()

    async def _signed_in(self, data: dict[str, Any], *, start: bool) -> None:
        user = data["user"]
        token = data["token"]
        await self._forget_other_user(user)
        await self.credentials.set(token)
        self.user = user
        self.signed_in = True
        email = user.get("email")
        if isinstance(email, str) and email != self.settings.last_user_email:
            self.settings.last_user_email = email
            self._save_settings()
        await self.engine.ensure_default_scopes(self._extra_scopes(user))
        if start:
            await self.engine.start()

    async def _forget_other_user(self, user: dict[str, Any]) -> None:
        """A different account on this profile: drop the previous user's private scope."""
        try:
            profile = await self.store.read(queries.get_profile)
        except Exception:
            return
        if profile and profile.get("user_id") not in (None, user.get("id")):
            log.info("another account signed in on this profile; re-syncing 'me'")
            cs = await self.store.write(syncstate.reset_scope, "me")
            self.engine._emit(Changed(cs))

    @staticmethod
    def _extra_scopes(user: dict[str, Any]) -> list[str]:
        cid = user.get("company_id")
        if user.get("role") == "exhibitor" and isinstance(cid, int):
            return [f"company:{cid}"]
        return []

    async def _refresh_user(self) -> None:
        try:
            user = await self.client.me()
        except SignedOut:
            return  # handled by _on_signed_out
        except ClientError as exc:
            log.info("could not refresh the user (offline?): %s", exc)
            return
        self.user = user
        extra = self._extra_scopes(user)
        if extra:
            await self.engine.ensure_default_scopes(extra)
            self.engine.wake()

    def _on_signed_out(self, _err: SignedOut) -> None:
        if not self.signed_in:
            return
        self.signed_in = False
        self._spawn(self.credentials.delete())
        for fn in list(self._signed_out_listeners):
            try:
                fn()
            except Exception:
                log.exception("signed-out listener failed")

    def _on_event(self, event: Event) -> None:
        if (
            isinstance(event, StateChanged)
            and event.state == ConnState.SIGNED_OUT
            and self.signed_in
        ):
            self._on_signed_out(SignedOut(401, {"code": "unauthenticated"}))

    def _spawn(self, coro: Any) -> None:
        task = asyncio.ensure_future(coro)
        self._bg.add(task)
        task.add_done_callback(self._bg.discard)

    # ------------------------------------------------------------------ data

    async def local_write(self, fn: Callable[..., T], *args: Any, **kw: Any) -> T:
        """Run a local-first write (``offline_cache.writes.*``) and wake the sync engine."""
        return await self.engine.local_write(fn, *args, **kw)

    async def follow(self, section_id: int) -> None:
        await self.engine.follow(section_id)
        await self._mirror_followed()

    async def unfollow(self, section_id: int) -> None:
        await self.engine.unfollow(section_id)
        await self._mirror_followed()

    async def _mirror_followed(self) -> None:
        followed = sorted(await self.store.read(syncstate.followed_sections))
        if followed != self.settings.followed_sections:
            self.settings.followed_sections = followed
            self._save_settings()

    def _save_settings(self) -> None:
        try:
            self.settings.save(self.dir)
        except OSError as exc:
            log.warning("could not save settings: %s", exc)
