"""Demo exhibitors that answer (embedded demo and ``fairdesk-server --demo`` only).

A background thread watches for work every :data:`TICK_S` seconds:

* a buyer's card request to a demo company is accepted (cards exchanged) after a
  short delay;
* a buyer's chat message to a demo company is answered after a short delay with a
  plausible bilingual (English + Simplified Chinese) reply built from templates about
  MOQ, samples, lead time, price and certificates, using the product the buyer shared
  (or the company's first product).  Replies carry ``is_demo_reply: true`` and come from
  a per-company bot account whose name ends in "(demo)".

A demo company is bot-run while no human staff member of it has ever signed in (so the
demo exhibitor accounts can take over their company for side-by-side trials).
The delay of each action is 1.0–2.5 s, derived from the ids (deterministic).  Actions
are idempotent (the reply's ``client_msg_id`` is derived from the conversation and its
message count), so a restart or a second process cannot answer twice.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from server import db, mutations
from server.auth import User
from server.deals import DealBot
from server.social_schema import card_requests, cards, conversations, demo_bots, messages
from server.state import ServerState

log = logging.getLogger(__name__)

TICK_S = 0.2
BOT_NAMES = ("Lily Wang", "Kevin Zhou", "Amy Liu", "Jason Huang", "Coco Lin", "Frank Xu",
             "Grace Sun", "Leo Ma")
TOPICS: dict[str, tuple[str, ...]] = {
    "moq": ("moq", "minimum", "min order", "min. order", "smallest order", "起订", "最小", "起批"),
    "sample": ("sample", "样品", "样板"),
    "lead": ("lead time", "delivery", "deliver", "ship", "when can", "交期", "交货", "发货", "多久"),
    "price": ("price", "quote", "quotation", "cost", "fob", "discount", "how much", "报价", "价格", "多少钱", "优惠"),
    "cert": ("certif", " ce", "rohs", "fcc", "iso", "ul ", "认证", "证书"),
}


def delay_for(kind: str, ident: int, n: int = 0) -> float:
    """The deterministic delay (seconds) before the bot acts on an item."""
    return 1.0 + ((ident * 37 + n * 11 + (7 if kind == "conv" else 0)) % 16) / 10


def _money(cents: int | None, currency: str) -> str:
    return f"{currency} {cents / 100:,.2f}" if cents is not None else ""


_SINGULAR = {"boxes": "box", "square meters": "square meter"}


def _per_unit(unit: str) -> str:
    """The unit after "per": "per carton", "per box", "per kg" (units are plural)."""
    if unit in _SINGULAR:
        return _SINGULAR[unit]
    return unit[:-1] if unit.endswith("s") and not unit.endswith("ss") else unit


def compose_reply(buyer_text: str, product: dict[str, Any] | None, company: str, shared: bool = False) -> str:
    """A bilingual reply to ``buyer_text`` (deterministic); ``product`` gives the figures,
    ``shared``: the buyer shared that product in the conversation."""
    low = f" {buyer_text.lower()} "
    topics = [t for t, words in TOPICS.items() if any(w in low for w in words)]
    p = product or {}
    name_en = p.get("name_en") or "our products"
    name_zh = p.get("name_zh") or "我们的产品"
    unit_en, unit_zh = p.get("unit_en") or "pieces", p.get("unit_zh") or "件"
    moq = p.get("moq") or 100
    lead = p.get("lead_time_days") or 30
    cur = p.get("currency") or "USD"
    lo, hi = p.get("price_min_cents"), p.get("price_max_cents")
    if lo is not None and hi is not None and lo != hi:
        price_en = f"{_money(lo, cur)} to {_money(hi, cur)} per {_per_unit(unit_en)} (FOB)"
        price_zh = f"每{unit_zh} {_money(lo, cur)} 至 {_money(hi, cur)}（FOB）"
    elif lo is not None or hi is not None:
        price_en = f"{_money(lo if lo is not None else hi, cur)} per {_per_unit(unit_en)} (FOB)"
        price_zh = f"每{unit_zh} {_money(lo if lo is not None else hi, cur)}（FOB）"
    else:
        price_en, price_zh = "depending on quantity and options", "视数量和配置而定"
    lines_en: list[str] = []
    lines_zh: list[str] = []
    for t in topics[:2]:
        if t == "moq":
            lines_en.append(f"The MOQ for {name_en} is {moq} {unit_en}; for a first order we can discuss a trial quantity.")
            lines_zh.append(f"{name_zh}的起订量为{moq}{unit_zh}，首单可以商量试单数量。")
        elif t == "sample":
            lines_en.append(f"Samples of {name_en} are available: the sample is free, you pay the express freight; it ships within 3-5 days.")
            lines_zh.append(f"{name_zh}可以提供样品：样品免费，运费到付，3-5天内发出。")
        elif t == "lead":
            lines_en.append(f"Lead time is about {lead} days after the deposit, depending on quantity.")
            lines_zh.append(f"交期约为收到定金后{lead}天，视数量而定。")
        elif t == "price":
            lines_en.append(f"Our price for {name_en} is {price_en}; larger quantities get a better price.")
            lines_zh.append(f"{name_zh}的价格为{price_zh}，数量越大价格越优惠。")
        elif t == "cert":
            certs = ", ".join(p.get("certifications") or []) or "CE and RoHS"
            lines_en.append(f"{name_en} has {certs} certification; we can send the certificates.")
            lines_zh.append(f"{name_zh}已通过{certs}认证，可以提供证书。")
    if not lines_en:
        if product and shared:
            lines_en.append(f"Thank you for your interest in {name_en}! MOQ {moq} {unit_en}, price {price_en}, lead time about {lead} days. What quantity do you need?")
            lines_zh.append(f"感谢您对{name_zh}的关注！起订量{moq}{unit_zh}，价格{price_zh}，交期约{lead}天。请问您需要多少数量？")
        else:
            lines_en.append(f"Hello, thank you for contacting {company}! How can we help you? Ask us about MOQ, samples, lead time or price.")
            lines_zh.append(f"您好，感谢联系{company}！请问有什么可以帮您？欢迎咨询起订量、样品、交期或价格。")
    return " ".join(lines_en) + "\n" + "".join(lines_zh) + "\n(demo reply · 演示回复)"


class DemoBots:
    """The demo exhibitors' background thread: ``start()``, ``stop()``."""

    def __init__(self, state: ServerState) -> None:
        self.state = state
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._due: dict[tuple[str, int, int], float] = {}
        self._failed: set[tuple[str, int, int]] = set()
        self.actions = 0
        self.deals = DealBot(self)  # the demo exhibitor's side of deals (server/deals.py)

    def start(self) -> DemoBots:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="fairdesk-demo-bots", daemon=True)
            self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
        self._thread = None

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.tick()
            except sa.exc.OperationalError as e:  # busy or closing: try again shortly
                log.debug("demo bots: %s", e)
            except Exception:
                log.exception("demo bots failed; continuing")
            self._stop.wait(TICK_S)

    # ------------------------------------------------------------------ work

    def _pending(self) -> list[tuple[str, int, int]]:
        c, r, co = conversations.c, card_requests.c, db.companies.c
        u, t = db.users.c, db.tokens.c
        human_signed_in = sa.exists(
            sa.select(u.id)
            .select_from(db.users.join(db.tokens, t.user_id == u.id))
            .where(u.company_id == co.id, u.id.not_in(sa.select(demo_bots.c.user_id)))
        )
        bot_run = sa.and_(co.is_demo.is_(True), sa.not_(human_signed_in))
        with db.read_tx(self.state.engine) as conn:
            reqs = conn.execute(
                sa.select(r.id)
                .select_from(card_requests.join(db.companies, co.id == r.company_id))
                .where(r.status == "pending", r.from_company_id.is_(None), bot_run)
            ).scalars().all()
            convs = conn.execute(
                sa.select(c.id, c.message_count)
                .select_from(conversations.join(db.companies, co.id == c.company_id))
                .where(c.last_sender_side == "buyer", bot_run)
            ).all()
        return [("req", int(x), 0) for x in reqs] + [("conv", int(x.id), int(x.message_count)) for x in convs]

    def tick(self) -> None:
        now = time.monotonic()
        pending = self._pending()
        live = set(pending)
        for key in list(self._due):
            if key not in live:
                del self._due[key]
        for key in pending:
            if key in self._failed:
                continue
            due = self._due.setdefault(key, now + delay_for(*key))
            if now >= due:
                self._act(key)
                self._due.pop(key, None)
        self.deals.tick()

    def _act(self, key: tuple[str, int, int]) -> None:
        kind, ident, n = key
        touched: set[str] = set()
        with db.write_tx(self.state.engine) as conn:
            if kind == "req":
                company_id = conn.execute(
                    sa.select(card_requests.c.company_id).where(card_requests.c.id == ident)
                ).scalar_one()
                args: dict[str, Any] = {"request_id": ident}
                type_ = "card.accept"
            else:
                row = conn.execute(
                    sa.select(conversations.c.company_id, conversations.c.message_count)
                    .where(conversations.c.id == ident)
                ).one()
                if int(row.message_count) != n:  # a newer message came: answered next tick
                    return
                company_id = int(row.company_id)
                args = {
                    "conversation_id": ident, "client_msg_id": f"demo-reply-{ident}-{n}",
                    "kind": "text", "text": self._reply(conn, ident, company_id),
                    "is_demo_reply": True,
                }
                type_ = "message.send"
            ctx = self.bot_context(conn, int(company_id), touched)
            if not self.apply_in_savepoint(ctx, type_, args, touched, args):
                self._failed.add(key)
                return
        self.actions += 1
        self.state.notifier.notify(touched)

    def _reply(self, conn: Connection, conversation_id: int, company_id: int) -> str:
        m = messages.c
        last_company = conn.execute(
            sa.select(sa.func.max(m.n)).where(m.conversation_id == conversation_id, m.sender_side == "company")
        ).scalar() or 0
        rows = conn.execute(
            sa.select(m.kind, m.text, m.product_id)
            .where(m.conversation_id == conversation_id, m.n > last_company, m.sender_side == "buyer")
            .order_by(m.n)
        ).all()
        text = " ".join(r.text for r in rows)
        product_id = next((r.product_id for r in reversed(rows) if r.product_id is not None), None)
        if product_id is None:  # the product shared earlier in the conversation, if any
            product_id = conn.execute(
                sa.select(m.product_id).where(m.conversation_id == conversation_id, m.product_id.is_not(None))
                .order_by(m.n.desc()).limit(1)
            ).scalar()
        p = db.products.c
        q = sa.select(p.name_en, p.name_zh, p.moq, p.unit_en, p.unit_zh, p.lead_time_days, p.currency,
                      p.price_min_cents, p.price_max_cents, p.certifications)
        prow = conn.execute(q.where(p.id == product_id)).first() if product_id is not None else None
        if prow is None:
            prow = conn.execute(q.where(p.company_id == company_id, p.hidden.is_(False)).order_by(p.id).limit(1)).first()
        product = None
        if prow is not None:
            import orjson

            product = {str(k): v for k, v in prow._asdict().items()}
            product["certifications"] = orjson.loads(product["certifications"] or "[]")
        company = conn.execute(sa.select(db.companies.c.name_en).where(db.companies.c.id == company_id)).scalar()
        return compose_reply(text, product, str(company or ""), shared=product_id is not None)

    def bot_context(
        self, conn: Connection, company_id: int, touched: set[str]
    ) -> mutations.MutationContext:
        """A mutation context acting as the demo company's bot user."""
        bot = self._bot_user(conn, company_id, touched)
        return mutations.MutationContext(conn=conn, user=bot, now=db.now_iso())

    @staticmethod
    def apply_in_savepoint(
        ctx: mutations.MutationContext, type_: str, args: dict[str, Any],
        touched: set[str], what: object,
    ) -> bool:
        """Apply one bot mutation in a savepoint; a rejection is rolled back and logged."""
        sp = ctx.conn.begin_nested()
        try:
            mutations.apply(ctx, type_, args)
            sp.commit()
        except mutations.Rejected as e:
            sp.rollback()
            log.warning("demo bot could not %s %s: %s", type_, what, e)
            return False
        touched |= ctx.touched
        return True

    def _bot_user(self, conn: Connection, company_id: int, touched: set[str]) -> User:
        uid = conn.execute(sa.select(demo_bots.c.user_id).where(demo_bots.c.company_id == company_id)).scalar()
        u = db.users.c
        if uid is None:
            name = f"{BOT_NAMES[company_id % len(BOT_NAMES)]} (demo)"
            comp = conn.execute(
                sa.select(db.companies.c.name_en, db.companies.c.country).where(db.companies.c.id == company_id)
            ).one()
            now = db.now_iso()
            uid = conn.execute(db.users.insert().values(
                email=f"demo-assistant-{company_id}@demo.fairdesk.invalid",
                password_hash="!demo-bot: no password",  # not an argon2 hash: sign-in always fails
                display_name=name, role="exhibitor", company_id=company_id, company=comp.name_en,
                country="", interests="[]", annual_volume="", disabled=False, created_at=now,
                version=1, seq=db.next_seq(conn),
            ).returning(u.id)).scalar_one()
            conn.execute(demo_bots.insert().values(company_id=company_id, user_id=uid))
            conn.execute(cards.insert().values(
                owner_user_id=uid, name=name, title="Sales assistant (demo) · 销售助理（演示）",
                company=comp.name_en, country=comp.country if len(comp.country or "") == 2 else "",
                phone="", email=f"demo-assistant-{company_id}@demo.fairdesk.invalid", website="",
                handles="{}", has_photo=False, company_id=company_id, role="exhibitor", is_demo=True,
                version=1, updated_at=now, seq=db.next_seq(conn),
            ))
            touched.update({f"company:{company_id}", f"me:{uid}"})
        row = conn.execute(
            sa.select(u.id, u.email, u.display_name, u.role, u.company_id, u.created_at).where(u.id == uid)
        ).one()
        return User(id=int(row.id), email=row.email, display_name=row.display_name, role=row.role,
                    company_id=row.company_id, created_at=row.created_at)
