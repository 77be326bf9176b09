"""The exhibitor's workspace over the local Store (Qt-free): booth, catalog, conflicts,
images, spreadsheet import, leads and figures; and the buyer side's view counting.

``WorkspaceService(store, engine)`` (engine may be None: writes then go straight to the
store, nothing is pushed). Every write is local first (offline too) and reported to
the engine (``engine.local_write``: a ``Changed`` event, then a push). Bad input raises
:class:`WorkspaceError` (a ``ValueError``) with a message for the user.

Exact interface (see each docstring)::

    class WorkspaceService:
        def __init__(self, store: StoreLike, engine: SyncEngine | None) -> None
        async def company(self) -> dict[str, Any] | None
        async def products(self, text: str = "", include_hidden: bool = True) -> list[dict[str, Any]]
        async def product(self, product_id: int) -> dict[str, Any] | None
        async def save_product(self, product: Mapping[str, Any], base_version: int | None,
                               images: Sequence[Path | str] | None = None) -> None
        def check_product(product: Mapping[str, Any], create: bool) -> list[tuple[str, str]]
        async def set_hidden(self, product_id: int, hidden: bool) -> None
        async def delete_product(self, product_id: int) -> None
        async def conflicts(self) -> list[dict[str, Any]]
        async def resolve_conflict(self, seq: int, keep: str) -> None   # "mine" | "theirs"
        async def update_booth(self, fields: Mapping[str, Any], logo: Path | str | None = None,
                               banner: Path | str | None = None) -> None
        async def sections(self) -> list[dict[str, Any]]
        async def leads(self, text: str = "", source: str | None = None,
                        sort: str = "last_contact") -> list[dict[str, Any]]
        async def export_leads_csv(self, dest: Path | str,
                                   leads: Sequence[Mapping[str, Any]]) -> Path
        async def figures(self, days: int = 30) -> list[dict[str, Any]]
        async def figures_totals(self, days: int = 30) -> dict[str, int]
        async def record_view(self, kind: str, id: int) -> None          # buyer side
        # spreadsheet import (app/spreadsheet.py does the parsing, off the GUI thread)
        async def read_spreadsheet(self, path: Path | str,
                                   progress: Progress | None = None) -> Sheet
        async def dry_run(self, sheet: Sheet, mapping: Mapping[str, int] | None = None
                          ) -> ImportReport
        async def import_products(self, report: ImportReport) -> int   # the outbox seq
        async def imports(self) -> list[dict[str, Any]]
        async def write_template(self, dest: Path | str, fmt: str = "xlsx") -> Path

    async def upload_pending(store, client, seqs) -> int   # the sync engine's push phase

Images (product images, logo, banner) are checked by content (JPEG/PNG/WebP), decoded
once with Pillow (damaged files and decompression bombs are refused), copied into the
profile's ``fairdesk-uploads`` folder (shrunk to 2048 px JPEG only if over 4096 px or
10 MiB) so an offline edit survives the original file moving (the copy is deleted once
the server has applied the edit), and uploaded by the sync engine as
attachments with client UUIDs (a retry reuses the UUID) before the mutation naming them.
``products()`` rows carry ``pending_images`` (those local files) until then.
"""

from __future__ import annotations

import asyncio
import csv
import io
import logging
import shutil
import tempfile
import uuid
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from offline_cache import queries, workspace
from offline_cache.changes import ChangeSet
from offline_cache.workspace import CodedError, CodedText

from .client import ApiClient
from .files import write_atomic
from .social import sniff_attachment, upload_each
from .spreadsheet import (
    ImportReport,
    Progress,
    Sheet,
    SpreadsheetError,
    dry_run,
    guess_mapping,
    read_spreadsheet,
    write_template,
)

if TYPE_CHECKING:
    from .sync import StoreLike, SyncEngine

log = logging.getLogger(__name__)

__all__ = [
    "IMAGE_MAX_BYTES",
    "IMAGE_MAX_SIDE",
    "LEAD_CSV_COLUMNS",
    "WorkspaceError",
    "WorkspaceService",
    "leads_to_csv",
    "prepare_image",
    "upload_pending",
]

IMAGE_MAX_BYTES = 10 * 1024 * 1024     # the server's attachment limit
IMAGE_MAX_SIDE = 4096                  # larger images are shrunk before upload
IMAGE_SHRINK_TO = 2048
IMAGE_MAX_PIXELS = 80_000_000          # beyond: refused as a decompression bomb
UPLOADS_DIR = "fairdesk-uploads"       # the profile's copies of images waiting to upload
LEAD_CSV_COLUMNS = (
    "display_name", "company", "country", "email", "sources", "message_count", "deal_count",
    "first_contact_at", "last_contact_at", "interests", "annual_volume", "limited",
)


class WorkspaceError(CodedError):
    """A workspace action that cannot be done as asked (the message says why). The
    message (``args[0]``) is a ``CodedText`` with a stable ``code`` and ``params`` for a
    translated UI (``.code`` / ``.params`` here too); a spreadsheet's or the cache's
    coded message is passed on as it is."""


def _msg(code: str, text: str, **params: Any) -> CodedText:
    return CodedText(text, code, params)


def _coded(exc: BaseException) -> str:
    """The message of ``exc``, keeping its code when it has one."""
    msg = exc.args[0] if exc.args else ""
    return msg if isinstance(msg, CodedText) else str(exc)


# ---------------------------------------------------------------- images
def prepare_image(path: Path | str, uploads_dir: Path) -> dict[str, Any]:
    """Check an image file and copy it (shrunk if over the limits) into ``uploads_dir``.

    Returns ``{"attachment_id", "local_path", "filename"}``; WorkspaceError for a file
    that is missing, not a JPEG/PNG/WebP image, damaged or absurdly large. Blocking:
    run it in a worker thread.
    """
    from PIL import Image, ImageOps, UnidentifiedImageError

    p = Path(path)
    try:
        if not p.is_file():
            raise WorkspaceError(_msg("image.not_file", f"{p.name} is not a file", name=p.name))
        size = p.stat().st_size
        with p.open("rb") as f:
            head = f.read(16)
    except OSError as exc:
        raise WorkspaceError(_msg("image.cannot_read", f"cannot read {p.name}: {exc.strerror or exc}",
                                  name=p.name, error=str(exc.strerror or exc))) from exc
    if size == 0:
        raise WorkspaceError(_msg("image.empty", f"{p.name} is empty", name=p.name))
    ctype = sniff_attachment(head)
    if ctype is None or not ctype.startswith("image/"):
        raise WorkspaceError(_msg("image.not_image", f"{p.name} is not a JPEG, PNG or WebP image",
                                  name=p.name))
    aid = str(uuid.uuid4())
    uploads_dir.mkdir(parents=True, exist_ok=True)
    ext = {"image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp"}[ctype]
    try:
        with Image.open(p) as im:
            w, h = im.size
            if w * h > IMAGE_MAX_PIXELS:
                raise WorkspaceError(_msg(
                    "image.too_many_pixels",
                    f"{p.name} is {w}×{h} pixels; images are at most "
                    f"{IMAGE_MAX_PIXELS // 1_000_000} megapixels", name=p.name, width=w,
                    height=h, max=IMAGE_MAX_PIXELS // 1_000_000))
            im.load()   # a truncated or damaged file fails here
            if size > IMAGE_MAX_BYTES or max(w, h) > IMAGE_MAX_SIDE:
                im2 = ImageOps.exif_transpose(im) or im
                im2.thumbnail((IMAGE_SHRINK_TO, IMAGE_SHRINK_TO))
                if im2.mode not in ("RGB", "L"):
                    bg = Image.new("RGB", im2.size, (255, 255, 255))
                    rgba = im2.convert("RGBA")
                    bg.paste(rgba, mask=rgba.split()[-1])
                    im2 = bg
                target = uploads_dir / f"{aid}.jpg"
                tmp = target.with_suffix(".tmp")
                im2.save(tmp, "JPEG", quality=90)
                tmp.replace(target)
                return {"attachment_id": aid, "local_path": str(target),
                        "filename": f"{p.stem}.jpg"}
    except WorkspaceError:
        raise
    except Image.DecompressionBombError as exc:
        raise WorkspaceError(_msg("image.bomb", f"{p.name} is too large in pixels: {exc}",
                                  name=p.name, error=str(exc))) from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        raise WorkspaceError(_msg("image.damaged",
                                  f"{p.name} is a damaged or unsupported image: {exc}",
                                  name=p.name, error=str(exc))) from None
    target = uploads_dir / f"{aid}{ext}"
    tmp = target.with_suffix(".tmp")
    try:
        shutil.copyfile(p, tmp)
        tmp.replace(target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise WorkspaceError(_msg("image.cannot_copy", f"cannot copy {p.name}: {exc.strerror or exc}",
                                  name=p.name, error=str(exc.strerror or exc))) from exc
    return {"attachment_id": aid, "local_path": str(target), "filename": p.name}


async def upload_pending(store: StoreLike, client: ApiClient, seqs: Sequence[int]) -> int:
    """Upload the images named by the queued catalog/booth mutations ``seqs`` (the sync
    engine's push phase calls this before pushing them). A file that is gone or that the
    server refuses for good is marked failed (the mutation is then rejected by the server
    and listed as a conflict with that reason); network and server errors propagate (the
    engine retries with the same UUIDs). Returns how many were uploaded."""
    await _prune_uploaded(store)
    uploads = await store.read(workspace.pending_uploads, seqs)
    return await upload_each(store, client, uploads, workspace.set_upload_state,
                             "image file", "image")


async def _prune_uploaded(store: StoreLike) -> None:
    """Delete the profile's copies of images the server has had for good (only files in
    the profile's own ``fairdesk-uploads`` folder are ever deleted)."""
    done = await store.read(workspace.finished_uploads)
    if not done:
        return

    def remove() -> list[str]:
        gone = []
        for u in done:
            p = Path(u["local_path"])
            if p.parent.name == UPLOADS_DIR:
                try:
                    p.unlink(missing_ok=True)
                except OSError:
                    continue
            gone.append(str(u["attachment_id"]))
        return gone

    await store.write(workspace.forget_upload_files, await asyncio.to_thread(remove))


# ---------------------------------------------------------------- leads CSV
def _csv_cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, (list, tuple)):
        v = ", ".join(str(x) for x in v)
    s = str(v)
    # never let a spreadsheet run a cell as a formula
    return "'" + s if s[:1] in ("=", "+", "-", "@", "\t", "\r") else s


def leads_to_csv(leads: Sequence[Mapping[str, Any]]) -> str:
    """Leads as CSV text (header row, RFC 4180 quoting, CRLF)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(LEAD_CSV_COLUMNS)
    for lead in leads:
        w.writerow([_csv_cell(lead.get(c)) for c in LEAD_CSV_COLUMNS])
    return buf.getvalue()




def _queue_import(db: Any, report_products: list[dict[str, Any]], company_id: int | None,
                  filename: str, row_numbers: list[int], created: int,
                  updated: int) -> ChangeSet:
    seq = workspace.queue_import(db, report_products, company_id=company_id,
                                 filename=filename, row_numbers=row_numbers,
                                 created=created, updated=updated)
    cs = ChangeSet()
    cs.add_upsert("import", seq)
    cs.add_upsert("outbox", seq)
    return cs


# ---------------------------------------------------------------- the service
class WorkspaceService:
    """The exhibitor's workspace (and buyer-side view counting) over one profile."""

    def __init__(self, store: StoreLike, engine: SyncEngine | None) -> None:
        self.store = store
        self.engine = engine

    # -- plumbing
    async def _write(self, fn: Any, *args: Any, **kw: Any) -> Any:
        try:
            if self.engine is not None:
                return await self.engine.local_write(fn, *args, **kw)
            return await self.store.write(fn, *args, **kw)
        except WorkspaceError:
            raise
        except ValueError as exc:
            raise WorkspaceError(_coded(exc)) from None

    def _uploads_dir(self) -> Path:
        path = getattr(self.store, "path", None)
        if isinstance(path, Path):
            return path.parent / UPLOADS_DIR
        return Path(tempfile.gettempdir()) / UPLOADS_DIR

    async def _image(self, path: Path | str) -> dict[str, Any]:
        return await asyncio.to_thread(prepare_image, path, self._uploads_dir())

    async def _company_id(self) -> int:
        cid = await self.store.read(workspace.own_company_id)
        if cid is None:
            raise WorkspaceError(_msg("workspace.not_staff",
                                      "only exhibitor staff have a workspace (no company in "
                                      "this profile)"))
        return int(cid)

    def _today(self) -> date:
        today = datetime.now(UTC).date()
        synced = self.engine.last_synced if self.engine is not None else None
        if isinstance(synced, datetime) and synced.astimezone(UTC).date() > today:
            today = synced.astimezone(UTC).date()     # our clock runs behind the server's
        return today

    # -- booth
    async def company(self) -> dict[str, Any] | None:
        """The staff member's company: the cached booth with unsent changes on top;
        ``pending``, ``conflict``, ``pending_logo``/``pending_banner`` (local files)."""
        return await self.store.read(workspace.get_own_company)

    async def sections(self) -> list[dict[str, Any]]:
        """The fair's sections (for the booth's section picker and the import)."""
        return await self.store.read(queries.list_sections)

    async def update_booth(self, fields: Mapping[str, Any], logo: Path | str | None = None,
                           banner: Path | str | None = None) -> None:
        """Edit the booth: any of name_en, name_zh, country, city, founded, employees,
        profile_en, profile_zh, section_ids (1-5), and logo/banner files (None: unchanged;
        ``fields={"logo_attachment_id": None}`` goes back to the default)."""
        images: dict[str, dict[str, Any]] = {}
        if logo is not None:
            images["logo"] = await self._image(logo)
        if banner is not None:
            images["banner"] = await self._image(banner)
        await self._write(workspace.update_company, dict(fields), images or None)

    # -- catalog
    async def products(self, text: str = "", include_hidden: bool = True
                       ) -> list[dict[str, Any]]:
        """The company's products (drafts first): each with ``pending``, ``conflict`` and
        ``pending_images``; ``text`` filters by name, keywords or id."""
        cid = await self.store.read(workspace.own_company_id)
        if cid is None:
            return []
        return await self.store.read(workspace.list_company_products, cid, text,
                                     include_hidden)

    async def product(self, product_id: int) -> dict[str, Any] | None:
        rows = [p for p in await self.products() if p["id"] == product_id]
        return rows[0] if rows else None

    async def save_product(self, product: Mapping[str, Any], base_version: int | None,
                           images: Sequence[Path | str] | None = None) -> None:
        """Create (``base_version`` None) or edit a product (the version the user saw).
        ``images``: None keeps the images; a list replaces them (at most 8 files)."""
        prepared: list[dict[str, Any]] | None = None
        if images is not None:
            if len(images) > workspace.MAX_IMAGES:
                raise WorkspaceError(_msg("product.images_max",
                                          f"a product has at most {workspace.MAX_IMAGES} images",
                                          max=workspace.MAX_IMAGES))
            prepared = [await self._image(p) for p in images]
        await self._write(workspace.save_product, dict(product), base_version, prepared)

    @staticmethod
    def check_product(product: Mapping[str, Any], create: bool) -> list[tuple[str, str]]:
        """(field, problem) pairs the server would refuse (for inline form checks);
        UI-only and read-only keys (version, category_id, …) are ignored."""
        fields = {k: v for k, v in product.items() if k in workspace.PRODUCT_FIELDS}
        return workspace.product_problems(fields, create=create)

    async def set_hidden(self, product_id: int, hidden: bool) -> None:
        await self._write(workspace.set_hidden, product_id, hidden)

    async def delete_product(self, product_id: int) -> None:
        await self._write(workspace.delete_product, product_id)

    async def conflicts(self) -> list[dict[str, Any]]:
        """Rejected edits to resolve: {seq, type, action, product_id, company_id, mine,
        theirs, code, reason, at}."""
        return await self.store.read(workspace.catalog_conflicts)

    async def resolve_conflict(self, seq: int, keep: str) -> None:
        """``keep="theirs"``: drop my change; ``"mine"``: save my fields again on the
        server's current version."""
        await self._write(workspace.resolve_conflict, seq, keep)

    # -- leads and figures
    async def leads(self, text: str = "", source: str | None = None,
                    sort: str = "last_contact") -> list[dict[str, Any]]:
        cid = await self.store.read(workspace.own_company_id)
        if cid is None:
            return []
        try:
            return await self.store.read(workspace.list_leads, cid, text, source, sort)
        except ValueError as exc:
            raise WorkspaceError(_coded(exc)) from None

    async def export_leads_csv(self, dest: Path | str,
                               leads: Sequence[Mapping[str, Any]]) -> Path:
        """Write ``leads`` as CSV (UTF-8 with a BOM, so spreadsheet programs read the
        Chinese names) atomically to ``dest``."""
        target = Path(dest)
        data = ("\ufeff" + leads_to_csv(leads)).encode("utf-8")
        try:
            await asyncio.to_thread(write_atomic, target, data)
        except OSError as exc:
            raise WorkspaceError(_msg("file.cannot_write",
                                      f"cannot write {target.name}: {exc.strerror or exc}",
                                      name=target.name, error=str(exc.strerror or exc))) from exc
        return target

    async def figures(self, days: int = 30) -> list[dict[str, Any]]:
        """The last ``days`` UTC days up to today, oldest first, every day present
        (0 when the cache has no figures for it)."""
        if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= 366:
            raise WorkspaceError(_msg("figures.days", "figures cover 1 to 366 days"))
        cid = await self._company_id()
        last = self._today()
        first = last - timedelta(days=days - 1)
        return await self.store.read(workspace.list_figures, cid, first, last)

    async def figures_totals(self, days: int = 30) -> dict[str, int]:
        rows = await self.figures(days)
        return {f: sum(int(r[f]) for r in rows) for f in workspace.FIGURES}

    async def record_view(self, kind: str, id: int) -> None:
        """A buyer opened a booth or a product page: counted by the server once per day
        (queued once per kind/id/UTC day here)."""
        cs = await self._write_quiet(workspace.record_view, kind, id)
        if cs and self.engine is not None:
            self.engine.wake()

    async def _write_quiet(self, fn: Any, *args: Any) -> Any:
        # a view is no change the UI shows: no Changed event
        try:
            return await self.store.write(fn, *args)
        except ValueError as exc:
            raise WorkspaceError(_coded(exc)) from None

    # -- spreadsheet import
    async def read_spreadsheet(self, path: Path | str,
                               progress: Progress | None = None) -> Sheet:
        """Read a CSV/XLSX file in a worker thread (``progress`` is called from that
        thread). WorkspaceError with the reason for a bad file."""
        try:
            return await asyncio.to_thread(read_spreadsheet, path, progress)
        except SpreadsheetError as exc:
            raise WorkspaceError(_coded(exc)) from None

    async def dry_run(self, sheet: Sheet, mapping: Mapping[str, int] | None = None
                      ) -> ImportReport:
        """Check every row against the cache (sections, the company's products);
        ``mapping`` defaults to ``guess_mapping(sheet.headers)``."""
        company = await self.company()
        if company is None:
            raise WorkspaceError(_msg("import.not_staff", "only exhibitor staff import products"))
        sections = await self.sections()
        existing = await self.products()
        chosen = dict(mapping) if mapping is not None else guess_mapping(sheet.headers)
        try:
            return await asyncio.to_thread(dry_run, sheet, chosen, company, sections,
                                           [p for p in existing if p["id"] > 0])
        except ValueError as exc:
            raise WorkspaceError(_coded(exc)) from None

    async def import_products(self, report: ImportReport) -> int:
        """Queue the whole sheet as ONE all-or-nothing ``product.import``; refused while
        the dry run has problems. Returns the outbox seq (see ``imports()``)."""
        if report.problems:
            raise WorkspaceError(_msg(
                "import.has_problems",
                f"{len(report.problems)} problem(s) in {report.name}: fix them first "
                f"({report.problems[0]})", count=len(report.problems), name=report.name,
                first=report.problems[0].problem, row=report.problems[0].row))
        products = report.products
        if not products:
            raise WorkspaceError(_msg("import.no_products",
                                      f"{report.name} has no products to import",
                                      name=report.name))
        if len(products) > workspace.MAX_IMPORT_ROWS:
            raise WorkspaceError(_msg("import.too_many",
                                      f"at most {workspace.MAX_IMPORT_ROWS:,} products per import",
                                      max=f"{workspace.MAX_IMPORT_ROWS:,}"))
        cid = await self._company_id()
        cs = await self._write(_queue_import, products, cid, report.name,
                               report.row_numbers, len(report.creates), len(report.updates))
        return int(next(iter(cs.upserted["import"])))

    async def imports(self) -> list[dict[str, Any]]:
        """Queued imports, newest first: state waiting | sent | applied | rejected, the
        created/updated product ids, or the server's errors by spreadsheet row."""
        return await self.store.read(workspace.list_imports)

    async def write_template(self, dest: Path | str, fmt: str = "xlsx") -> Path:
        try:
            return await asyncio.to_thread(write_template, dest, fmt)
        except OSError as exc:
            raise WorkspaceError(_msg("file.cannot_write",
                                      f"cannot write {Path(dest).name}: {exc.strerror or exc}",
                                      name=Path(dest).name, error=str(exc.strerror or exc))
                                 ) from exc
