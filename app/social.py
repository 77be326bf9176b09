"""Authorization, business cards and chat for the client (Qt-free; protocol section 7).

``SocialService`` wraps the Store (reads) and ``SyncEngine.local_write`` (local-first
writes that wake the engine). Attachments: ``send_attachment`` checks the file, gives it
a UUID and queues the message with the local path; the sync engine's push phase calls
``upload_pending`` before pushing, so the file is on the server (idempotent by UUID)
before ``message.send`` names it. Exports: vCard (``cards_to_vcard``), CSV
(``cards_to_csv``) and a QR code of one's own card (``card_qr_png`` / ``card_qr_svg``).
"""

from __future__ import annotations

import asyncio
import csv
import io
import json
import logging
import uuid
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from offline_cache import social
from offline_cache.changes import ChangeSet

from .client import ApiClient, ApiError, NetworkError
from .files import write_atomic

if TYPE_CHECKING:
    from .sync import StoreLike, SyncEngine

log = logging.getLogger(__name__)

MAX_ATTACHMENT = social.MAX_ATTACHMENT
ATTACHMENT_TYPES = {"image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp",
                    "application/pdf": ".pdf"}

__all__ = [
    "AttachmentError",
    "SocialService",
    "card_qr_png",
    "card_qr_svg",
    "card_vcard",
    "cards_to_csv",
    "cards_to_vcard",
    "check_card_photo",
    "download_attachment",
    "fetch_card_photo",
    "sniff_attachment",
    "upload_attachment",
    "upload_pending",
]


class AttachmentError(ValueError):
    """A file that cannot be sent as an attachment (clear message for the user)."""


def sniff_attachment(head: bytes, tail: bytes = b"") -> str | None:
    """The content type of an acceptable attachment by its bytes (not its name)."""
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head.startswith((b"%PDF-1.", b"%PDF-2.")):
        return "application/pdf" if b"%%EOF" in tail else None
    return None


def check_attachment(path: Path) -> tuple[int, str]:
    """(size, content type) of a file the server will accept, or AttachmentError."""
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise AttachmentError(f"{path.name} is not a file")
        with path.open("rb") as f:
            head = f.read(16)
            f.seek(max(0, size - 1024))
            tail = f.read()
    except OSError as exc:
        raise AttachmentError(f"cannot read {path.name}: {exc.strerror or exc}") from exc
    if size == 0:
        raise AttachmentError(f"{path.name} is empty")
    if size > MAX_ATTACHMENT:
        raise AttachmentError(
            f"{path.name} is {size / 1048576:.1f} MiB; attachments are at most 10 MiB")
    ctype = sniff_attachment(head, tail)
    if ctype is None:
        raise AttachmentError(
            f"{path.name} is not a JPEG, PNG or WebP image or a PDF document")
    return size, ctype


# ---------------------------------------------------------------- HTTP (attachments)
async def upload_attachment(client: ApiClient, attachment_id: str, path: Path,
                            filename: str | None = None) -> dict[str, Any]:
    """``PUT /v1/attachments/{id}``: 201 first time, 200 for the same bytes again."""
    data = await asyncio.to_thread(path.read_bytes)
    token = client.token
    headers = {"Content-Type": "application/octet-stream",
               "X-Filename": quote(filename or path.name, safe="")}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = client._http.build_request(
        "PUT", f"/v1/attachments/{attachment_id}", content=data, headers=headers)
    client.requests += 1
    client.bytes_sent += len(data) + 200
    response = await client._send(request)
    if response.status_code not in (200, 201):
        raise client._error_from(response, auth=True)
    out = response.json()
    return out if isinstance(out, dict) else {}


async def download_attachment(client: ApiClient, attachment_id: str) -> tuple[bytes, str]:
    """``GET /v1/attachments/{id}`` -> (bytes, the server's file name)."""
    response = await client._request(
        "GET", f"/v1/attachments/{quote(attachment_id, safe='')}")
    name = _disposition_name(response.headers.get("Content-Disposition", ""))
    return response.content, name


def _disposition_name(value: str) -> str:
    from urllib.parse import unquote

    for part in value.split(";"):
        part = part.strip()
        if part.lower().startswith("filename*=utf-8''"):
            return safe_file_name(unquote(part[len("filename*=utf-8''"):]))
    for part in value.split(";"):
        part = part.strip()
        if part.lower().startswith("filename="):
            return safe_file_name(part[len("filename="):].strip('"'))
    return "attachment"


def safe_file_name(name: str) -> str:
    """A name safe to offer in a save dialog: last path component, no control chars."""
    import unicodedata

    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(c for c in name if unicodedata.category(c)[0] != "C")
    name = "".join("_" if c in '<>:"/\\|?*' else c for c in name).strip(" .")
    return name[:120] or "attachment"


async def upload_pending(store: StoreLike, client: ApiClient, seqs: Sequence[int]) -> int:
    """Upload the attachments of the queued messages ``seqs`` (the engine's push phase
    calls this before pushing them). A file the server refuses for good (or that is gone)
    is marked failed: the message is then rejected by the server, and the queue goes on.
    A network or server error propagates (the engine retries with the same UUID).
    Card photos queued by ``SocialService.set_card_photo`` go up the same way."""
    done = await _upload_card_photos(store, client, seqs)
    uploads = await store.read(social.pending_uploads, seqs)
    return done + await upload_each(store, client, uploads, social.set_upload_state,
                                    "file", "attachment")


async def upload_each(store: StoreLike, client: ApiClient, uploads: Sequence[Mapping[str, Any]],
                      set_state: Any, file_word: str, thing: str) -> int:
    """Upload each pending row (``attachment_id``, ``local_path``, ``filename``) and record
    its state with ``set_state(db, attachment_id, state, reason=None)``: a file that is gone
    or refused for good is marked failed (its mutation is then rejected by the server and
    the queue goes on); a network error, a server error or a 401 propagates (the engine
    retries with the same UUID). Returns how many were uploaded."""
    done = 0
    for u in uploads:
        aid = str(u["attachment_id"])
        try:
            await upload_attachment(client, aid, Path(u["local_path"]), u.get("filename"))
        except OSError as exc:
            await store.write(set_state, aid, "failed",
                              f"the {file_word} cannot be read: {exc.strerror or exc}")
            continue
        except ApiError as exc:
            if exc.transient or exc.status == 401:
                raise
            await store.write(set_state, aid, "failed",
                              f"the server refused the {thing}: {exc.detail or exc.code}")
            continue
        await store.write(set_state, aid, "uploaded")
        done += 1
    return done


# ---------------------------------------------------------------- card photos
#: A queued card photo waits in the cache's ``meta`` table under this prefix + the outbox
#: seq of its ``card.update``: {"attachment_id", "local_path", "filename"}.
CARD_PHOTO_KEY = "card_photo_upload:"
CARD_PHOTO_TYPES = ("image/jpeg", "image/png", "image/webp")


def check_card_photo(path: Path) -> str:
    """The content type of an image usable as a card photo, or AttachmentError."""
    _size, ctype = check_attachment(path)
    if ctype not in CARD_PHOTO_TYPES:
        raise AttachmentError(f"{path.name} is not a JPEG, PNG or WebP image")
    return ctype


def queue_card_photo(db: Any, attachment_id: str | None, local_path: str | None,
                     filename: str | None) -> ChangeSet:
    """Queue ``card.update {photo_attachment_id}`` (None removes the photo) and, for a
    new photo, remember its file for the push phase's upload (one transaction)."""
    from offline_cache import outbox

    changes = ChangeSet()
    seq = outbox.enqueue(db, "card.update", {"fields": {"photo_attachment_id": attachment_id}})
    changes.add_upsert("outbox", seq)
    conn = db.conn
    if attachment_id is not None:
        conn.execute(
            "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
            (f"{CARD_PHOTO_KEY}{seq}", json.dumps(
                {"attachment_id": attachment_id, "local_path": local_path, "filename": filename})))
    social._local_card_update(
        conn, {"photo_attachment_id": attachment_id, "has_photo": attachment_id is not None},
        seq, changes)
    return changes


def pending_card_photos(db: Any, seqs: Iterable[int] | None = None) -> list[dict[str, Any]]:
    """Card photos still to upload (of the given outbox seqs), in seq order."""
    rows = db.conn.execute(
        "SELECT key, value FROM meta WHERE key LIKE ? ORDER BY key", (CARD_PHOTO_KEY + "%",)
    ).fetchall()
    wanted = None if seqs is None else {int(x) for x in seqs}
    out = []
    for key, value in rows:
        try:
            seq = int(str(key)[len(CARD_PHOTO_KEY):])
            item = json.loads(value)
        except ValueError:
            continue
        if isinstance(item, dict) and (wanted is None or seq in wanted):
            out.append({**item, "seq": seq})
    return sorted(out, key=lambda i: int(i["seq"]))


def forget_card_photo(db: Any, seq: int) -> None:
    db.conn.execute("DELETE FROM meta WHERE key = ?", (f"{CARD_PHOTO_KEY}{int(seq)}",))


async def _upload_card_photos(store: StoreLike, client: ApiClient, seqs: Sequence[int]) -> int:
    done = 0
    for item in await store.read(pending_card_photos, seqs):
        aid = str(item.get("attachment_id"))
        try:
            await upload_attachment(client, aid, Path(str(item.get("local_path"))), item.get("filename"))
        except OSError as exc:  # the file is gone: card.update is then rejected, queue goes on
            log.warning("card photo %s not uploaded: %s", aid, exc)
        except ApiError as exc:
            if exc.transient or exc.status == 401:
                raise
            log.warning("card photo %s refused: %s", aid, exc.detail or exc.code)
        else:
            done += 1
        await store.write(forget_card_photo, int(item["seq"]))
    return done


async def fetch_card_photo(client: ApiClient, card_id: int, size: str = "thumb") -> bytes:
    """``GET /v1/images/card/{id}?size=`` (the owner and holders of the card)."""
    if size not in ("thumb", "full"):
        raise ValueError(f"unknown image size {size!r}")
    response = await client._request("GET", f"/v1/images/card/{int(card_id)}",
                                     params={"size": size})
    return bytes(response.content)


# ---------------------------------------------------------------- the service
class SocialService:
    """Chat, cards and grants over one profile's Store and sync engine."""

    def __init__(self, store: StoreLike, engine: SyncEngine) -> None:
        self.store = store
        self.engine = engine

    @property
    def client(self) -> ApiClient:
        return self.engine.client

    # -- chat
    async def _send(self, **kw: Any) -> str:
        cs = await self.engine.local_write(_send_and_report, kw)
        return cs.cmid

    async def send_text(self, text: str, *, conversation_id: int | None = None,
                        company_id: int | None = None,
                        buyer_user_id: int | None = None) -> str:
        """Queue a text message; returns its client_msg_id (shown "waiting to send")."""
        return await self._send(conversation_id=conversation_id, company_id=company_id,
                                buyer_user_id=buyer_user_id, text=text)

    async def share_product(self, product_id: int, *, text: str = "",
                            conversation_id: int | None = None, company_id: int | None = None,
                            buyer_user_id: int | None = None) -> str:
        return await self._send(conversation_id=conversation_id, company_id=company_id,
                                buyer_user_id=buyer_user_id, kind="product",
                                product_id=product_id, text=text)

    async def send_attachment(self, path: Path | str, *, text: str = "",
                              conversation_id: int | None = None,
                              company_id: int | None = None,
                              buyer_user_id: int | None = None) -> str:
        """Check the file (type by content, size) and queue it; the engine uploads it."""
        p = Path(path).absolute()
        await asyncio.to_thread(check_attachment, p)
        return await self._send(conversation_id=conversation_id, company_id=company_id,
                                buyer_user_id=buyer_user_id, kind="attachment", text=text,
                                attachment_id=str(uuid.uuid4()), local_path=str(p),
                                filename=p.name)

    async def dismiss(self, client_msg_id: str) -> None:
        """Remove a refused (never delivered) message from view."""
        await self.engine.local_write(social.dismiss_rejected, client_msg_id)

    async def mark_read(self, conversation_id: int) -> None:
        await self.engine.local_write(social.mark_read, conversation_id)

    async def conversations(self, text: str = "") -> list[dict[str, Any]]:
        return await self.store.read(social.list_conversations, text)

    async def messages(self, conversation_id: int, before_n: int | None = None,
                       limit: int = 100) -> list[dict[str, Any]]:
        return await self.store.read(social.conversation_messages, conversation_id,
                                     before_n, limit)

    async def older_messages_online(self, conversation_id: int, before_n: int,
                                    limit: int = 100) -> list[dict[str, Any]]:
        """History older than the cache holds (``GET .../messages?before_n=``)."""
        data = await self.client._json(
            "GET", f"/v1/conversations/{int(conversation_id)}/messages",
            params={"before_n": int(before_n), "limit": int(limit)})
        items = data.get("items") if isinstance(data, dict) else None
        return [m for m in items or [] if isinstance(m, dict)]

    async def search_messages(self, text: str) -> list[dict[str, Any]]:
        return await self.store.read(social.search_messages, text)

    async def unread_count(self) -> int:
        return await self.store.read(social.count_unread)

    async def save_attachment(self, attachment_id: str, dest: Path | str) -> Path:
        """Download an attachment and write it atomically to ``dest`` (a path the user
        chose in the platform's save dialog)."""
        data, _name = await download_attachment(self.client, attachment_id)
        target = Path(dest)
        await asyncio.to_thread(write_atomic, target, data)
        return target

    async def attachment_name(self, attachment_id: str) -> str:
        """A safe suggested file name for the save dialog."""
        att = await self.store.read(social.find_attachment, attachment_id)
        if att is not None and att.get("filename"):
            return safe_file_name(str(att["filename"]))
        return "attachment"

    # -- grants and buyers
    async def grant(self, company_id: int) -> None:
        await self.engine.local_write(social.grant, company_id)

    async def revoke(self, company_id: int) -> None:
        await self.engine.local_write(social.revoke, company_id)

    async def grants(self) -> list[dict[str, Any]]:
        return await self.store.read(social.list_grants)

    async def buyers(self, text: str = "", sort: str = "name") -> list[dict[str, Any]]:
        return await self.store.read(social.list_buyers, None, text, sort)

    # -- cards
    async def update_my_card(self, **fields: Any) -> None:
        await self.engine.local_write(social.update_my_card, **fields)

    async def set_card_photo(self, path: Path | str | None) -> None:
        """Make the image at ``path`` the photo (or logo) of one's card; None removes it.
        The file is checked (an image by its content, at most 10 MiB), then queued with a
        fresh attachment UUID: the engine uploads it before pushing ``card.update``
        (offline: when the link returns; a retry reuses the UUID)."""
        if path is None:
            await self.engine.local_write(queue_card_photo, None, None, None)
            return
        p = Path(path).absolute()
        await asyncio.to_thread(check_card_photo, p)
        await self.engine.local_write(queue_card_photo, str(uuid.uuid4()), str(p), p.name)

    async def pending_card_photo(self) -> str | None:
        """The local file of the card photo chosen last, while it waits to be uploaded."""
        card = await self.store.read(social.my_card)
        aid = (card or {}).get("photo_attachment_id")
        if not aid:
            return None
        for item in await self.store.read(pending_card_photos):
            if item.get("attachment_id") == aid:
                return str(item.get("local_path"))
        return None

    async def my_card(self) -> dict[str, Any] | None:
        return await self.store.read(social.my_card)

    async def cards(self, text: str = "", tag: str | None = None,
                    sort: str = "name") -> list[dict[str, Any]]:
        return await self.store.read(social.list_cards, text, tag, sort)

    async def card_requests(self, direction: str | None = None) -> list[dict[str, Any]]:
        return await self.store.read(social.list_card_requests, direction)

    async def request_card(self, *, company_id: int | None = None,
                           to_user_id: int | None = None, note: str = "") -> None:
        await self.engine.local_write(social.request_card, company_id=company_id,
                                      to_user_id=to_user_id, note=note)

    async def accept_card_request(self, request_id: int) -> None:
        await self.engine.local_write(social.accept_card_request, request_id)

    async def decline_card_request(self, request_id: int) -> None:
        await self.engine.local_write(social.decline_card_request, request_id)

    async def send_card(self, *, to_user_id: int | None = None,
                        company_id: int | None = None) -> None:
        await self.engine.local_write(social.send_card, to_user_id=to_user_id,
                                      company_id=company_id)

    async def update_card_holder(self, card_id: int, *, tags: Iterable[str] | None = None,
                                 note: str | None = None, met_at: str | None = None) -> None:
        await self.engine.local_write(social.update_card_holder, card_id, tags=tags,
                                      note=note, met_at=met_at)

    async def remove_card(self, card_id: int) -> None:
        await self.engine.local_write(social.remove_card, card_id)

    async def export_vcard(self, card_ids: Iterable[int]) -> str:
        return cards_to_vcard(await self._cards_by_id(card_ids))

    async def export_csv(self, card_ids: Iterable[int]) -> str:
        return cards_to_csv(await self._cards_by_id(card_ids))

    async def _cards_by_id(self, card_ids: Iterable[int]) -> list[dict[str, Any]]:
        out = []
        for cid in card_ids:
            c = await self.store.read(social.get_card, cid)
            if c is not None:
                out.append(c)
        return out

    # -- quick replies (staff)
    async def quick_replies(self) -> list[dict[str, Any]]:
        return await self.store.read(social.list_quick_replies)

    async def set_quick_reply(self, id: str, text: str, position: int = 0) -> None:
        await self.engine.local_write(social.set_quick_reply, id, text, position)

    async def remove_quick_reply(self, id: str) -> None:
        await self.engine.local_write(social.remove_quick_reply, id)


class _SentChangeSet(ChangeSet):
    """The ChangeSet of a queued message, also carrying its client_msg_id."""

    cmid: str = ""


def _send_and_report(db: Any, kw: Mapping[str, Any]) -> _SentChangeSet:
    """send_message inside the write transaction; returns a ChangeSet naming it."""
    cs = _SentChangeSet()
    cs.cmid = social.send_message(db, **kw)
    cs.add_upsert("outgoing", cs.cmid)
    cs.add_upserts("outbox", [r[0] for r in db.conn.execute(
        "SELECT seq FROM social_outgoing WHERE client_msg_id = ?", (cs.cmid,))])
    return cs




# ---------------------------------------------------------------- exports
CSV_COLUMNS = ("name", "title", "company", "country", "phone", "email", "website", "handles",
               "tags", "note", "met_at")


def card_vcard(card: Mapping[str, Any]) -> Any:
    """One card as a ``vobject`` vCard 3.0 component."""
    import vobject  # the vCard and QR code libraries load with the first export (~10 MB)

    v = vobject.vCard()
    name = str(card.get("name") or "").strip() or str(card.get("email") or "") or "(no name)"
    v.add("fn").value = name
    parts = name.split()
    v.add("n").value = vobject.vcard.Name(
        family=parts[-1] if len(parts) > 1 else name,
        given=" ".join(parts[:-1]) if len(parts) > 1 else "")
    if card.get("company"):
        v.add("org").value = [str(card["company"])]
    if card.get("title"):
        v.add("title").value = str(card["title"])
    if card.get("email"):
        e = v.add("email")
        e.value = str(card["email"])
        e.type_param = "INTERNET"
    if card.get("phone"):
        v.add("tel").value = str(card["phone"])
    if card.get("website"):
        v.add("url").value = str(card["website"])
    if card.get("country"):
        adr = v.add("adr")
        adr.value = vobject.vcard.Address(country=str(card["country"]))
    for handle, value in sorted((card.get("handles") or {}).items()):
        v.add("x-fairdesk-handle").value = f"{handle}: {value}"
    holder = card.get("holder") or {}
    if holder.get("note"):
        v.add("note").value = str(holder["note"])
    if holder.get("tags"):
        v.add("categories").value = [str(t) for t in holder["tags"]]
    return v


def cards_to_vcard(cards: Iterable[Mapping[str, Any]]) -> str:
    """Cards as one vCard 3.0 file (CRLF line endings, folded lines, escaped values)."""
    return "".join(str(card_vcard(c).serialize()) for c in cards)


def cards_to_csv(cards: Iterable[Mapping[str, Any]]) -> str:
    """Cards as CSV (header row, RFC 4180 quoting). A cell starting with = + - @ gets a
    leading apostrophe so spreadsheets never run it as a formula."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(CSV_COLUMNS)
    for c in cards:
        holder = c.get("holder") or {}
        handles = "; ".join(f"{k}: {v}" for k, v in sorted((c.get("handles") or {}).items()))
        row = [c.get("name"), c.get("title"), c.get("company"), c.get("country"),
               c.get("phone"), c.get("email"), c.get("website"), handles,
               ", ".join(holder.get("tags") or ()), holder.get("note"), holder.get("met_at")]
        w.writerow([_csv_cell(x) for x in row])
    return buf.getvalue()


def _csv_cell(v: Any) -> str:
    s = "" if v is None else str(v)
    return "'" + s if s[:1] in ("=", "+", "-", "@", "\t", "\r") else s


def card_qr_png(card: Mapping[str, Any], scale: int = 6) -> bytes:
    """A QR code (PNG) holding one's card as a vCard, for on-site meetings."""
    import segno

    buf = io.BytesIO()
    segno.make(str(card_vcard(card).serialize()), error="m").save(
        buf, kind="png", scale=scale, border=2)
    return buf.getvalue()


def card_qr_svg(card: Mapping[str, Any], scale: int = 4) -> str:
    import segno

    buf = io.BytesIO()
    segno.make(str(card_vcard(card).serialize()), error="m").save(
        buf, kind="svg", scale=scale, border=2, xmldecl=False)
    return buf.getvalue().decode()


__all__ += ["NetworkError", "check_attachment", "safe_file_name"]
