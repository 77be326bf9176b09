"""What every page gets: the catalog service, images, the session, sync events as signals."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QObject, Signal

from app.catalog import CatalogService, Row, UiFilters
from app.events import Changed, ConnState, Event, Progress, PushResult, ScopeProblem, StateChanged
from ui.images import ImageLoader

log = logging.getLogger("fairdesk.ui")


def parse_image_key(key: str) -> tuple[str, int, int | str, str]:
    """"product/7/0?size=thumb" -> ("product", 7, 0, "thumb"); a card photo is
    "card/<card id>/<card version>?size=…" (the version keeps caches apart)."""
    path, _, query = key.partition("?")
    size = "full" if "size=full" in query else "thumb"
    kind, ident, which = path.split("/")
    return kind, int(ident), (int(which) if kind in ("product", "card") else which), size


class UiContext(QObject):
    """Shared state for pages. Sync engine events arrive here and leave as Qt signals."""

    changed = Signal(object)  # offline_cache ChangeSet
    state_changed = Signal(object)  # app.events.StateChanged
    progress = Signal(object)  # app.events.Progress
    push_result = Signal(object)  # app.events.PushResult
    scope_problem = Signal(object)  # app.events.ScopeProblem
    navigate_requested = Signal(str, object)  # page kind, argument
    low_data_changed = Signal(str)

    def __init__(
        self,
        store: Any,
        lang: str = "en",
        session: Any = None,
        settings: Any = None,
        blobs: Any = None,
        profile_dir: Any = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.catalog = CatalogService(store)
        self.lang = lang
        self.session = session
        self.settings = settings
        self.profile_dir = profile_dir
        self.images = ImageLoader(blobs=blobs, fetch=self._fetch_image, parent=self)
        self.state: ConnState = ConnState.OFFLINE
        self.reachable = False  # the server answered lately (online, or syncing after it)
        self.last_event: StateChanged | None = None
        if session is not None:
            self.set_session(session)
        if settings is not None:
            self.images.low_data = str(getattr(settings, "low_data_mode", "off") or "off")

    # -- sync engine bridge
    def on_event(self, event: Event) -> None:
        """Listener for ``SyncEngine.add_listener``: re-emit as Qt signals (GUI thread)."""
        try:
            if isinstance(event, StateChanged):
                was_online = self.reachable
                self.state = event.state
                if event.state == ConnState.ONLINE:
                    self.reachable = True
                elif event.state != ConnState.SYNCING:  # syncing keeps what we knew
                    self.reachable = False
                self.last_event = event
                if self.reachable and not was_online:
                    self.images.forget_failures()
                self.state_changed.emit(event)
            elif isinstance(event, Progress):
                if not self.reachable:  # data arrives: the server is there
                    self.reachable = True
                    self.state_changed.emit(self.last_event or StateChanged(self.state, None, 0))
                self.progress.emit(event)
            elif isinstance(event, Changed):
                self.changed.emit(event.changes)
            elif isinstance(event, PushResult):
                self.push_result.emit(event)
            elif isinstance(event, ScopeProblem):
                self.scope_problem.emit(event)
        except Exception:  # a listener must not raise
            log.exception("sync event handling failed")

    # -- session helpers
    def set_session(self, session: Any) -> None:
        """Attach (or detach, with None) the signed-in session and its sync engine."""
        self.session = session
        engine = self.engine
        self.catalog.local_write = engine.local_write if engine is not None else None
        if engine is not None:
            engine.add_listener(self.on_event)

    @property
    def client(self) -> Any:
        return getattr(self.session, "client", None) if self.session is not None else None

    @property
    def engine(self) -> Any:
        return getattr(self.session, "engine", None) if self.session is not None else None

    def is_online(self) -> bool:
        return self.session is not None and self.reachable

    def local_time(self, when: datetime) -> datetime:
        """``when`` in the user's time zone (the settings' one, else the system's)."""
        tz_name = getattr(self.settings, "time_zone", None) if self.settings is not None else None
        if tz_name:
            try:
                return when.astimezone(ZoneInfo(tz_name))
            except (ZoneInfoNotFoundError, ValueError):
                pass
        return when.astimezone()

    def navigate(self, kind: str, arg: object = None) -> None:
        self.navigate_requested.emit(kind, arg)

    def set_low_data(self, mode: str) -> None:
        self.images.low_data = mode
        self.images.forget_failures()
        if self.settings is not None:
            self.settings.low_data_mode = mode
            self.save_settings()
        self.low_data_changed.emit(mode)

    def save_settings(self) -> None:
        if self.settings is None or self.profile_dir is None:
            return
        try:
            self.settings.save(self.profile_dir)
        except Exception:
            log.exception("saving settings failed")

    async def _fetch_image(self, key: str) -> bytes | None:
        client = self.client
        if client is None:
            return None
        kind, ident, which, size = parse_image_key(key)
        if kind == "card":
            from app.social import fetch_card_photo

            return await fetch_card_photo(client, ident, size) or None
        reply = await client.image(kind, ident, which, size)
        return bytes(reply.data) if reply.data else None

    async def follow(self, section_id: int, follow: bool = True) -> None:
        """Follow (download and keep) or unfollow (evict) a section's products."""
        session = self.session
        if session is not None:
            await (session.follow(section_id) if follow else session.unfollow(section_id))
            return
        from offline_cache import syncstate

        scope = f"section:{int(section_id)}"
        if follow:
            await self.store.write(syncstate.track_scope, scope)
        else:
            await self.store.write(syncstate.untrack_scope, scope)

    async def product(self, product_id: int) -> Row | None:
        """A product from the cache, else from the server when online (marked remote)."""
        row = await self.catalog.product(product_id)
        if row is None and self.client is not None:
            try:
                row = dict(await self.client.product(product_id))
            except Exception as exc:
                log.info("product %s not fetched: %s", product_id, exc)
                return None
            row["_remote"] = True
        if row is not None and not row.get("company_name_en"):
            company = await self.company(int(row.get("company_id") or 0))
            if company:
                row["company_name_en"] = company.get("name_en")
                row["company_name_zh"] = company.get("name_zh")
        return row

    async def company(self, company_id: int) -> Row | None:
        row = await self.catalog.company(company_id)
        if row is None and self.client is not None and company_id:
            try:
                row = dict(await self.client.company(company_id))
            except Exception as exc:
                log.info("company %s not fetched: %s", company_id, exc)
                return None
            row["_remote"] = True
        return row

    async def search_remote(
        self, text: str, filters: UiFilters, offset: int = 0, limit: int = 50
    ) -> tuple[int, list[Row]]:
        """Server search (only when online). Raises the client's errors."""
        client = self.client
        if client is None:
            return 0, []
        params = filters.as_params()
        data = await client.search(text, limit=limit, offset=offset, **params)
        items = [dict(i) for i in data.get("items") or []]
        for item in items:
            item["_remote"] = True
        items = await self.catalog.with_company_names(items)
        return int(data.get("total") or 0), items
