"""``fairdesk --smoke``: sign in, sync two sections, open every page, save PNGs, report JSON."""

from __future__ import annotations

import asyncio
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ui.asyncutil import take_errors

if TYPE_CHECKING:
    from ui.app import FairDeskApp


class SmokeFailure(RuntimeError):
    pass


async def wait_until(cond: Callable[[], bool], timeout: float = 30.0, what: str = "") -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not cond():
        if loop.time() > deadline:
            raise SmokeFailure(f"timed out waiting for {what or 'a condition'}")
        await asyncio.sleep(0.02)


async def settle(rounds: int = 6) -> None:
    """Let queued loads and repaints run (the loop runs Qt's events meanwhile; never a
    nested processEvents() inside a task)."""
    for _ in range(rounds):
        await asyncio.sleep(0.03)


class Shooter:
    def __init__(self, directory: Path | None, lang: str) -> None:
        self.directory = directory
        self.lang = lang
        self.pages: list[str] = []
        if directory is not None:
            directory.mkdir(parents=True, exist_ok=True)

    async def shot(self, name: str, widget: QWidget) -> None:
        await settle()
        errors = take_errors()
        if errors:
            raise SmokeFailure(f"page {name}: {errors[0]!r}") from errors[0]
        self.pages.append(name)
        if self.directory is not None:
            suffix = "" if self.lang == "en" else f"-{self.lang}"
            path = self.directory / f"{len(self.pages):02d}-{name}{suffix}.png"
            if not widget.grab().save(str(path)):
                raise SmokeFailure(f"could not save {path}")


async def run_smoke(app: FairDeskApp) -> int:
    started = app.started
    try:
        result = await _walk(app)
    except Exception as exc:
        print(f"fairdesk smoke failed: {type(exc).__name__}: {exc}", file=sys.stderr, flush=True)
        return 1
    result["seconds"] = round(time.monotonic() - started, 2)
    print(json.dumps(result, ensure_ascii=False), flush=True)
    return 0


async def _walk(app: FairDeskApp) -> dict[str, Any]:
    session, window, ctx = app.session, app.window, app.ctx
    if session is None or window is None or ctx is None:
        raise SmokeFailure("the app did not start")
    if not session.signed_in:
        raise SmokeFailure("not signed in")
    shooter = Shooter(Path(app.args.screenshots) if app.args.screenshots else None, app.lang)
    if app.args.size:
        pass
    elif app.args.screenshots:
        window.resize(1366, 768)

    # -- sync: directory + two sections
    engine = session.engine
    await engine.sync_once(attempts=3)
    sections = await ctx.catalog.sections()
    if len(sections) < 2:
        raise SmokeFailure("the fair has fewer than two sections")
    # the first start on the demo: the welcome line and the sections of the user's
    # interests; else the first two sections a user sees in the directory
    by_id = {int(s["id"]): s for s in sections}
    ids = await app.welcome_demo() if app.demo is not None else []
    chosen = [by_id[i] for i in ids if i in by_id]
    if not chosen:
        chosen = sorted(sections, key=lambda s: (int(s.get("category_id") or 0), int(s.get("position") or 0)))[:2]
        for s in chosen:
            await session.follow(int(s["id"]))
    for _ in range(50):
        summary = await engine.sync_once(attempts=3)
        if getattr(summary, "complete", True):
            break
    await engine.start()
    await window.status._refresh_stats()
    stats = await ctx.catalog.cache_stats()
    products_cached = int(stats.get("products") or 0)
    if products_cached == 0:
        raise SmokeFailure("no products were cached")

    # -- fair
    fair = window.pages["fair"]
    window.navigate("fair")
    await fair.load_directory()  # type: ignore[attr-defined]
    fair.select_section(int(chosen[0]["id"]))  # type: ignore[attr-defined]
    booth_model = fair.booth_model  # type: ignore[attr-defined]
    await wait_until(lambda: booth_model.rowCount() > 0, what="booths of a section")
    await _wait_images(app)
    await shooter.shot("fair", window)
    window.dismiss_welcome()  # the other pages as a returning user sees them

    # -- a booth with products
    companies = await ctx.catalog.companies(int(chosen[0]["id"]), limit=50)
    # the booth that shows the most of the page: a banner and a full product grid
    best: tuple[bool, int] = (False, 0)
    company_id = None
    for c in companies[:30]:
        key = (bool(c.get("has_banner")), await ctx.catalog.count_products(company_id=int(c["id"])))
        if key[1] > 0 and key > best:
            best, company_id = key, int(c["id"])
    if company_id is None:
        raise SmokeFailure("no booth with cached products")
    window.navigate("booth", company_id)
    booth = window.pages["booth"]
    await wait_until(lambda: booth.model.rowCount() > 0, what="a booth's products")  # type: ignore[attr-defined]
    await _wait_images(app)
    await shooter.shot("booth", window)

    # -- a product
    products = await ctx.catalog.products(company_id=company_id, limit=4)
    product_id = int(products[0]["id"])
    window.navigate("product", product_id)
    page = window.pages["product"]
    await wait_until(lambda: getattr(page, "product", None) is not None, what="a product")
    await _wait_images(app)
    await shooter.shot("product", window)

    if await window.update_role():
        return await _walk_staff(app, shooter, products_cached)

    # -- search
    word = str(products[0].get("name_en") or "").split(" ")[0] or "a"
    if app.lang == "zh_CN" and products[0].get("name_zh"):
        word = str(products[0]["name_zh"])[:2]  # what a Chinese user types
    window.navigate("search", word)
    search = window.pages["search"]
    search.query.deselect()  # type: ignore[attr-defined]
    search.run_now()  # type: ignore[attr-defined]
    await search.model.wait_idle()  # type: ignore[attr-defined]
    await wait_until(lambda: search.model.rowCount() > 0, what=f"search results for {word!r}")  # type: ignore[attr-defined]
    await _wait_images(app)
    if ctx.is_online():
        await search._search_remote()  # type: ignore[attr-defined]
        await _wait_images(app)
    await shooter.shot("search", window)
    search.set_view(1)  # type: ignore[attr-defined]
    await shooter.shot("search-list", window)
    search.set_view(0)  # type: ignore[attr-defined]

    # -- shortlist with items and a comparison
    for p in products[:3]:
        await ctx.catalog.set_favourite(
            "product", int(p["id"]), note="Ask for samples", tags=["samples"]
        )
    await ctx.catalog.set_favourite("company", company_id, note="", tags=[])
    window.navigate("shortlist")
    shortlist = window.pages["shortlist"]
    await shortlist.reload()  # type: ignore[attr-defined]
    if shortlist.model.rowCount() == 0:  # type: ignore[attr-defined]
        raise SmokeFailure("the shortlist stayed empty")
    targets = [e["target"] for e in shortlist.entries if e.get("kind") == "product" and e.get("target")]  # type: ignore[attr-defined]
    shortlist.show_comparison(targets[:3])  # type: ignore[attr-defined]
    await shooter.shot("shortlist", window)

    # -- messages: start a conversation with the booth, and the demo's reply
    await _walk_social(app, shooter, company_id, product_id)

    # -- a deal with that booth: an offer, and the demo exhibitor's counter-offer
    from ui.pages.deals import smoke_deal_room

    await smoke_deal_room(app, shooter, company_id, product_id)

    # -- settings dialog
    dialog = window.open_settings()
    await dialog.measure()
    await shooter.shot("settings", dialog)
    dialog.reject()

    # -- the sections chooser of the File menu
    sections_dialog = window.open_sections()
    await sections_dialog.load()
    await shooter.shot("sections", sections_dialog)
    sections_dialog.reject()

    # -- first-run dialog (shown, not driven: this profile is set up already)
    from ui.firstrun import PAGE_SECTIONS, FirstRunDialog

    first = FirstRunDialog(app, app.lang)
    first.show()
    await shooter.shot("first-run", first)
    first.stack.setCurrentIndex(PAGE_SECTIONS)
    await first.load_sections()
    await shooter.shot("first-run-sections", first)
    first.close()
    first.deleteLater()

    window.navigate("fair")
    await settle()
    errors = take_errors()
    if errors:
        raise SmokeFailure(repr(errors[0]))
    await session.sign_out()
    return {"ok": True, "pages": shooter.pages, "products_cached": products_cached}


SAMPLE_IMPORT = (
    "Name (English),Name (Chinese),Price min,Price max,Currency,MOQ,Unit (English),"
    "Lead time (days),Certifications\r\n"
    "Solar garden lamp,太阳能花园灯,2.10,3.40,USD,500,piece,30,\"CE, RoHS\"\r\n"
    "Desk lamp with USB port,带USB接口台灯,4.5,3.9,USD,200,piece,25,CE\r\n"
    ",无英文名的灯,1.00,1.50,USD,lots,piece,20,\r\n"
    "Wall lamp,壁灯,6.80,9.00,USD,100,piece,9999,UL\r\n"
)


async def _walk_staff(app: FairDeskApp, shooter: Shooter, products_cached: int) -> dict[str, Any]:
    """Exhibitor staff (``--demo-role exhibitor``): the workspace pages, with the import
    wizard checking a small sheet that has mistakes in it."""
    import tempfile

    from ui.pages.workspace import shoot_workspace

    session, window = app.session, app.window
    assert session is not None and window is not None
    with tempfile.TemporaryDirectory(prefix="fairdesk-smoke-") as tmp:
        sample = Path(tmp) / "catalog.csv"
        sample.write_text(SAMPLE_IMPORT, encoding="utf-8")
        await shoot_workspace(window, shooter.shot, sample)
    window.navigate("messages")
    await settle()
    await shooter.shot("staff-messages", window)
    window.navigate("deals")
    await settle()
    await shooter.shot("staff-deals", window)
    window.navigate("workspace")
    await settle()
    errors = take_errors()
    if errors:
        raise SmokeFailure(repr(errors[0]))
    await session.sign_out()
    return {"ok": True, "role": "exhibitor", "pages": shooter.pages,
            "products_cached": products_cached}


async def _walk_social(app: FairDeskApp, shooter: Shooter, company_id: int, product_id: int) -> None:
    from app.social import SocialService
    from offline_cache import social

    session, window, ctx = app.session, app.window, app.ctx
    assert session is not None and window is not None and ctx is not None
    engine = session.engine
    service = SocialService(ctx.store, engine)
    await service.grant(company_id)
    if await service.my_card() is None:
        await service.update_my_card(
            name="Sophie Martin", title=QCoreApplication.translate("Smoke", "Purchasing manager"),
            company="Maison Martin SARL", country="FR", email="sophie@example.com")
    await service.request_card(company_id=company_id)
    await service.share_product(product_id, company_id=company_id)
    hello = QCoreApplication.translate(
        "Smoke", "Hello, could you send me your price list and the minimum order quantity?")
    await service.send_text(hello, company_id=company_id)
    await engine.sync_once(attempts=3)

    async def conversation() -> dict[str, Any] | None:
        rows = await ctx.store.read(social.list_conversations, "")
        return next((r for r in rows if int(r.get("company_id") or 0) == company_id), None)

    conv = await conversation()
    if conv is None:
        raise SmokeFailure("the conversation with the booth did not start")
    cid = int(conv["id"])
    if app.demo is not None:  # the demo exhibitor's bot answers
        loop = asyncio.get_running_loop()
        deadline = loop.time() + 20
        while loop.time() < deadline:
            await engine.sync_once(attempts=3)
            rows = await ctx.store.read(social.conversation_messages, cid)
            if any(r.get("sender_side") == "company" for r in rows):
                break
            await asyncio.sleep(0.3)
    window.navigate("messages", cid)
    messages = window.pages["messages"]
    await messages.reload()  # type: ignore[attr-defined]
    await wait_until(lambda: messages.messages.rowCount() > 0, what="messages")  # type: ignore[attr-defined]
    await shooter.shot("messages", window)

    window.navigate("cards")
    cards = window.pages["cards"]
    await cards.reload()  # type: ignore[attr-defined]
    await shooter.shot("cards", window)
    qr = cards.show_qr()  # type: ignore[attr-defined]
    if qr is not None:
        await shooter.shot("card-qr", qr)
        qr.reject()

    window.navigate("authorizations")
    auth = window.pages["authorizations"]
    await auth.reload()  # type: ignore[attr-defined]
    await shooter.shot("authorizations", window)


async def _wait_images(app: FairDeskApp, timeout: float = 5.0) -> None:
    ctx = app.ctx
    if ctx is None:
        return
    images = ctx.images
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    await asyncio.sleep(0.05)
    while images._inflight and loop.time() < deadline:
        await asyncio.sleep(0.03)
