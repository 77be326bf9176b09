"""The contract PDF of a deal and its offline verification (Qt-free; protocol §8.4-8.5).

    export_contract_pdf(deal, events, dest, lang="en") -> Path
    verify_contract(path) -> ContractCheck

The PDF (reportlab; Chinese text in the built-in CID font ``STSong-Light``, no font
files) shows the title and status, the parties, the terms table (items with amounts,
totals per currency), the Incoterm and named place, delivery date, payment terms,
validity and notes, the timeline of events, the terms hash, the head hash of the event
chain, the signatures' key fingerprints and the SHA-256 of the embedded data (so any change
to the embedded bytes also changes what the pages must show).

The deal and its events are embedded in the PDF as an embedded file
(``fairdesk-deal.json``: canonical JSON of ``{"format": "fairdesk-contract-v1", "lang",
"deal", "events"}``), so ``verify_contract`` works offline from the file alone: it
recomputes the hash chain, checks that the terms hash to ``terms_hash`` and equal the
last offer, verifies both Ed25519 signatures over ``fairdesk-deal-v1|<id>|<hash>`` and
their fingerprints, and re-renders the pages from the embedded data (the rendering is
deterministic) to check that the visible text is the text of that data. A file changed
after export (visible text or embedded data) fails with a problem naming what is wrong.

Offline verification proves the file is internally consistent and signed by the keys
whose fingerprints it shows; compare those fingerprints with the parties' known keys
(FairDesk shows your own under the deal) to know who signed.

    @dataclass class ContractCheck:
        valid: bool; problems: list[str]; deal_id: str | None; terms_hash: str | None
        signatures: list[dict]    # {side, name, user_id, key_fingerprint, signed_at, valid}
        state: str | None; fully_signed: bool; head_hash: str | None
"""

from __future__ import annotations

import hashlib
import io
import re
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import orjson

from .deals import GENESIS, canonical_json, event_hash, signing_message, terms_hash
from .files import write_atomic
from .keys import fingerprint, verify_signature

__all__ = ["FORMAT", "ContractCheck", "ContractError", "export_contract_pdf", "render_contract",
           "verify_contract"]

FORMAT = "fairdesk-contract-v1"
ATTACHMENT_NAME = "fairdesk-deal.json"
CJK_FONT = "STSong-Light"
MAX_FILE = 50 * 1024 * 1024


class ContractError(ValueError):
    """The contract cannot be written (bad deal data, file not writable)."""


@dataclass
class ContractCheck:
    valid: bool
    problems: list[str] = field(default_factory=list)
    deal_id: str | None = None
    terms_hash: str | None = None
    signatures: list[dict[str, Any]] = field(default_factory=list)
    state: str | None = None
    fully_signed: bool = False
    head_hash: str | None = None


# =========================================================================== labels
_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Sales contract", "draft": "Not a contract: the terms are not accepted yet",
        "accepted": "Accepted terms, not yet signed by both parties",
        "signed": "Signed by both parties", "closed": "Closed without agreement",
        "deal": "Deal", "version": "version", "state": "State", "buyer": "Buyer",
        "seller": "Seller (exhibitor)", "terms": "Terms", "no": "#", "item": "Item",
        "qty": "Quantity", "price": "Unit price", "amount": "Amount", "total": "Total",
        "incoterm": "Incoterm (Incoterms 2020)", "delivery": "Delivery date",
        "payment": "Payment terms", "valid": "Offer valid until", "notes": "Notes",
        "timeline": "Timeline", "when": "Time (UTC)", "who": "By", "what": "Event",
        "hashes": "Integrity", "terms_hash": "Terms hash (SHA-256)",
        "head_hash": "Head hash of the event chain", "signatures": "Signatures",
        "data_hash": "SHA-256 of the embedded deal data (fairdesk-deal.json)",
        "side": "Side", "name": "Name", "key": "Key fingerprint", "signed_at": "Signed at",
        "none": "No signatures yet.", "side_buyer": "buyer", "side_company": "seller",
        "footer": "The deal data is embedded in this file (fairdesk-deal.json); FairDesk "
                  "verifies the hash chain and the Ed25519 signatures from it offline.",
        "open": "opened the deal", "offer": "made an offer", "counter": "countered",
        "accept": "accepted the offer", "decline": "declined the offer",
        "withdraw": "withdrew the offer", "sign": "signed",
    },
    "zh_CN": {
        "title": "销售合同", "draft": "非合同：条款尚未被接受",
        "accepted": "条款已接受，双方尚未全部签署", "signed": "双方已签署",
        "closed": "未达成协议，已结束",
        "deal": "交易", "version": "版本", "state": "状态", "buyer": "买方",
        "seller": "卖方（参展商）", "terms": "条款", "no": "#", "item": "品名",
        "qty": "数量", "price": "单价", "amount": "金额", "total": "合计",
        "incoterm": "贸易术语（Incoterms 2020）", "delivery": "交货日期",
        "payment": "付款条件", "valid": "报价有效期至", "notes": "备注",
        "timeline": "时间线", "when": "时间（UTC）", "who": "操作人", "what": "事件",
        "hashes": "完整性", "terms_hash": "条款哈希（SHA-256）",
        "head_hash": "事件链头哈希", "signatures": "签名",
        "data_hash": "内嵌交易数据（fairdesk-deal.json）的 SHA-256",
        "side": "方", "name": "姓名", "key": "密钥指纹", "signed_at": "签署时间",
        "none": "尚无签名。", "side_buyer": "买方", "side_company": "卖方",
        "footer": "本文件内嵌交易数据（fairdesk-deal.json）；FairDesk 可据此离线校验哈希链"
                  "和 Ed25519 签名。",
        "open": "发起交易", "offer": "报价", "counter": "还价", "accept": "接受报价",
        "decline": "拒绝报价", "withdraw": "撤回报价", "sign": "签署",
    },
}


def _labels(lang: str) -> dict[str, str]:
    return _LABELS["zh_CN" if lang.lower().startswith("zh") else "en"]


# =========================================================================== rendering
_WIDE = re.compile(r"[^\x00-\xff]+")


def _fonts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if CJK_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(CJK_FONT))


def _mk(text: Any) -> str:
    """Paragraph markup of plain text: escaped, non-Latin-1 runs in the CJK font,
    newlines as line breaks."""
    s = "" if text is None else str(text)
    s = "".join(c for c in s if c in "\n\t" or ord(c) >= 32)
    out = []
    pos = 0
    for m in _WIDE.finditer(s):
        out.append(escape(s[pos:m.start()]))
        out.append(f'<font name="{CJK_FONT}">{escape(m.group())}</font>')
        pos = m.end()
    out.append(escape(s[pos:]))
    return "".join(out).replace("\n", "<br/>")


def _status(deal: Mapping[str, Any], lb: Mapping[str, str]) -> str:
    state = deal.get("state")
    if state == "signed":
        return lb["signed"]
    if state == "accepted":
        return lb["accepted"]
    if state in ("declined", "withdrawn"):
        return lb["closed"]
    return lb["draft"]


def _embedded_payload(deal: Mapping[str, Any], events: Sequence[Mapping[str, Any]],
                      lang: str) -> bytes:
    return canonical_json({"format": FORMAT, "lang": lang, "deal": dict(deal),
                           "events": [dict(e) for e in events]})


def render_contract(deal: Mapping[str, Any], events: Sequence[Mapping[str, Any]],
                    lang: str = "en") -> bytes:
    """The contract PDF's bytes (deterministic for the same data and language)."""
    payload = _embedded_payload(deal, events, lang)
    return _render(orjson.loads(payload), lang, payload)


def _render(data: Mapping[str, Any], lang: str, payload: bytes) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfdoc import (
        PDFArray,
        PDFDictionary,
        PDFName,
        PDFStream,
        PDFString,
    )
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    _fonts()
    deal: Mapping[str, Any] = data["deal"]
    events: Sequence[Mapping[str, Any]] = data["events"]
    lb = _labels(lang)
    terms: Mapping[str, Any] = deal.get("terms") or {}
    ss = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=ss["BodyText"], fontName="Helvetica", fontSize=9,
                          leading=12, wordWrap="CJK")
    small = ParagraphStyle("small", parent=body, fontSize=7.5, leading=9.5)
    mono = ParagraphStyle("mono", parent=body, fontName="Courier", fontSize=7.5, leading=9.5)
    h1 = ParagraphStyle("h1", parent=ss["Title"], fontName="Helvetica-Bold", fontSize=18)
    h2 = ParagraphStyle("h2", parent=ss["Heading2"], fontName="Helvetica-Bold", fontSize=12)

    def p(text: Any, style: ParagraphStyle = body) -> Paragraph:
        return Paragraph(_mk(text), style)

    grid = TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.95)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ])
    story: list[Any] = [
        p(lb["title"], h1),
        p(_status(deal, lb), h2),
        p(f"{lb['deal']} {deal.get('id')} · {lb['version']} {deal.get('version')} · "
          f"{lb['state']}: {deal.get('state')}"),
        Spacer(1, 4 * mm),
    ]
    parties = [
        [p(lb["buyer"]), p(f"{deal.get('buyer_name') or ''} (user {deal.get('buyer_user_id')})")],
        [p(lb["seller"]),
         p(f"{deal.get('company_name') or ''} (company {deal.get('company_id')})")],
    ]
    story.append(Table(parties, colWidths=[40 * mm, 130 * mm], style=TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP")])))
    story += [Spacer(1, 4 * mm), p(lb["terms"], h2)]
    rows: list[list[Any]] = [[p(lb["no"]), p(lb["item"]), p(lb["qty"]), p(lb["price"]),
                              p(lb["amount"])]]
    for i, it in enumerate(terms.get("items") or (), 1):
        desc = str(it.get("description") or "")
        if it.get("spec_notes"):
            desc += "\n" + str(it["spec_notes"])
        if it.get("product_id") is not None:
            desc += f"\n(product {it['product_id']})"
        rows.append([p(str(i)), p(desc), p(f"{it.get('quantity')} {it.get('unit')}"),
                     p(f"{it.get('unit_price')} {it.get('currency')}"),
                     p(f"{it.get('amount')} {it.get('currency')}")])
    for cur, total in (terms.get("totals") or {}).items():
        rows.append([p(""), p(lb["total"]), p(""), p(""), p(f"{total} {cur}")])
    story.append(Table(rows, colWidths=[8 * mm, 72 * mm, 30 * mm, 30 * mm, 30 * mm],
                       style=grid, repeatRows=1))
    story.append(Spacer(1, 3 * mm))
    facts = [
        [p(lb["incoterm"]), p(f"{terms.get('incoterm') or ''} {terms.get('incoterm_place') or ''}")],
        [p(lb["delivery"]), p(terms.get("delivery_date") or "")],
        [p(lb["payment"]), p(terms.get("payment_terms") or "")],
        [p(lb["valid"]), p(terms.get("valid_until") or "")],
    ]
    if terms.get("notes"):
        facts.append([p(lb["notes"]), p(terms.get("notes"))])
    story.append(Table(facts, colWidths=[45 * mm, 125 * mm], style=TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP")])))
    story += [Spacer(1, 4 * mm), p(lb["timeline"], h2)]
    trows: list[list[Any]] = [[p(lb["no"]), p(lb["when"]), p(lb["who"]), p(lb["what"]),
                               p("hash", small)]]
    for ev in events:
        actor = ev.get("actor") or {}
        side = lb.get(f"side_{actor.get('side')}", str(actor.get("side")))
        trows.append([
            p(str(ev.get("n")), small), p(str(ev.get("created_at") or "")[:19].replace("T", " "), small),
            p(f"{actor.get('name') or ''} ({side})", small),
            p(f"{lb.get(str(ev.get('kind')), str(ev.get('kind')))} · v{ev.get('version')}", small),
            p(str(ev.get("hash") or "")[:16], mono),
        ])
    story.append(Table(trows, colWidths=[8 * mm, 32 * mm, 50 * mm, 45 * mm, 35 * mm],
                       style=grid, repeatRows=1))
    story += [Spacer(1, 4 * mm), p(lb["hashes"], h2),
              p(lb["terms_hash"]), p(deal.get("terms_hash") or "", mono),
              p(lb["head_hash"]), p(deal.get("head_hash") or "", mono),
              p(lb["data_hash"]), p(hashlib.sha256(payload).hexdigest(), mono),
              Spacer(1, 3 * mm), p(lb["signatures"], h2)]
    sigs = deal.get("signatures") or []
    if sigs:
        srows: list[list[Any]] = [[p(lb["side"]), p(lb["name"]), p(lb["key"]), p(lb["signed_at"])]]
        for s in sigs:
            srows.append([p(lb.get(f"side_{s.get('side')}", str(s.get("side")))),
                          p(s.get("name") or ""), p(s.get("key_fingerprint") or "", mono),
                          p(str(s.get("signed_at") or "")[:19].replace("T", " "))])
        story.append(Table(srows, colWidths=[25 * mm, 60 * mm, 45 * mm, 40 * mm], style=grid))
    else:
        story.append(p(lb["none"]))
    story += [Spacer(1, 6 * mm), p(lb["footer"], small)]

    def embed(canvas: Any, _doc: Any) -> None:
        doc = canvas._doc
        ef = PDFStream(PDFDictionary({"Type": PDFName("EmbeddedFile"),
                                      "Subtype": PDFName("application#2Fjson"),
                                      "FairDesk": PDFName("ContractV1")}),
                       content=payload, filters=[])
        ef_ref = doc.Reference(ef)
        spec = PDFDictionary({"Type": PDFName("Filespec"), "F": PDFString(ATTACHMENT_NAME),
                              "UF": PDFString(ATTACHMENT_NAME),
                              "EF": PDFDictionary({"F": ef_ref})})
        canvas.setCatalogEntry("Names", PDFDictionary({"EmbeddedFiles": PDFDictionary(
            {"Names": PDFArray([PDFString(ATTACHMENT_NAME), doc.Reference(spec)])})}))

    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf, pagesize=A4, invariant=1, pageCompression=0, title=f"{lb['title']} {deal.get('id')}",
        author="FairDesk", subject=f"deal {deal.get('id')} terms hash {deal.get('terms_hash')}",
        creator="FairDesk", leftMargin=20 * mm, rightMargin=20 * mm, topMargin=18 * mm,
        bottomMargin=18 * mm)
    doc.build(story, onFirstPage=embed)
    return buf.getvalue()


def export_contract_pdf(deal: Mapping[str, Any], events: Sequence[Mapping[str, Any]],
                        dest: Path | str, lang: str = "en") -> Path:
    """Write the contract PDF atomically to ``dest``; returns the path."""
    if not isinstance(deal, Mapping) or not isinstance(deal.get("id"), str):
        raise ContractError("not a deal")
    try:
        data = render_contract(deal, events, lang)
    except (TypeError, ValueError, KeyError) as exc:
        raise ContractError(f"the deal cannot be written as a contract: {exc}") from exc
    return write_atomic(Path(dest), data)


# =========================================================================== verification
_STREAM = re.compile(rb"<<((?:[^<>]|<<[^<>]*>>|<[0-9A-Fa-f\s]*>)*)>>\s*stream\r?\n")
_LENGTH = re.compile(rb"/Length\s+(\d+)")


def _streams(pdf: bytes) -> list[tuple[bytes, bytes]]:
    """Every stream of the file: (its dictionary, its decoded content)."""
    out = []
    pos = 0
    while True:
        m = _STREAM.search(pdf, pos)
        if m is None:
            break
        head = m.group(1)
        lm = _LENGTH.search(head)
        start = m.end()
        if lm is not None:
            end = start + int(lm.group(1))
        else:
            end = pdf.find(b"endstream", start)
            end = end if end >= 0 else len(pdf)
        raw = pdf[start:end]
        pos = max(end, start)
        try:
            if b"/ASCII85Decode" in head:
                from reportlab.pdfbase.pdfutils import asciiBase85Decode

                raw = asciiBase85Decode(raw.decode("latin-1").strip())
                raw = raw if isinstance(raw, bytes) else raw.encode("latin-1")
            if b"/FlateDecode" in head:
                raw = zlib.decompress(raw)
        except (ValueError, zlib.error, UnicodeDecodeError):
            raw = b""
        out.append((head, raw))
    return out


_TEXT_OPS = re.compile(rb"(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>|\[(?:[^\]\\]|\\.)*\])\s*(?:Tj|TJ|'|\")")


def _page_text(pdf: bytes) -> list[bytes]:
    """The text-showing operands of every content stream, in file order."""
    out: list[bytes] = []
    for head, content in _streams(pdf):
        if b"/EmbeddedFile" in head or b"/Subtype /Image" in head or b"/XObject" in head:
            continue
        out.extend(m.group(1) for m in _TEXT_OPS.finditer(content))
    return out


def _fail(problems: list[str], why: str) -> ContractCheck:
    problems.append(why)
    return ContractCheck(valid=False, problems=problems)


def verify_contract(path: Path | str) -> ContractCheck:
    """Check an exported contract offline (see the module docstring)."""
    problems: list[str] = []
    try:
        p = Path(path)
        if p.stat().st_size > MAX_FILE:
            return _fail(problems, "the file is too large to be a FairDesk contract")
        pdf = p.read_bytes()
    except OSError as exc:
        return _fail(problems, f"the file cannot be read: {exc.strerror or exc}")
    if not pdf.startswith(b"%PDF-"):
        return _fail(problems, "the file is not a PDF document")
    embedded = [c for h, c in _streams(pdf) if b"/FairDesk /ContractV1" in h]
    if len(embedded) != 1:
        return _fail(problems, "the file holds no FairDesk deal data (not exported by FairDesk, "
                     "or damaged)" if not embedded else "the file holds more than one deal")
    payload = embedded[0]
    try:
        data = orjson.loads(payload)
    except orjson.JSONDecodeError:
        return _fail(problems, "the embedded deal data is damaged (not JSON)")
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return _fail(problems, "the embedded deal data has an unknown format")
    deal, events, lang = data.get("deal"), data.get("events"), data.get("lang")
    if not isinstance(deal, dict) or not isinstance(events, list) or not isinstance(lang, str) \
            or not all(isinstance(e, dict) for e in events):
        return _fail(problems, "the embedded deal data is incomplete")
    if canonical_json(data) != payload:
        problems.append("the embedded deal data is not in canonical form (it was edited)")
    deal_id = deal.get("id")
    check = ContractCheck(valid=False, problems=problems,
                          deal_id=deal_id if isinstance(deal_id, str) else None,
                          terms_hash=deal.get("terms_hash"), state=deal.get("state"),
                          head_hash=deal.get("head_hash"))
    try:
        _check_chain(deal, events, problems)
        _check_terms(deal, events, problems)
        check.signatures = _check_signatures(deal, events, problems)
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        problems.append(f"the embedded deal data is malformed: {exc!r}")
    sides = {s["side"] for s in check.signatures if s["valid"]}
    check.fully_signed = sides == {"buyer", "company"}
    if deal.get("state") == "signed" and not check.fully_signed:
        problems.append("the deal is marked signed but does not carry both valid signatures")
    # the visible pages must be the rendering of exactly this data
    try:
        expected = _render(data, lang, payload)
    except Exception as exc:  # a broken payload cannot be rendered: already a problem
        problems.append(f"the pages cannot be re-created from the embedded data ({type(exc).__name__})")
    else:
        if _page_text(expected) != _page_text(pdf):
            problems.append("the visible text of the pages does not match the embedded deal "
                            "data (the file was altered after export)")
    check.valid = not problems
    return check


def _check_chain(deal: Mapping[str, Any], events: Sequence[Mapping[str, Any]],
                 problems: list[str]) -> None:
    did = deal["id"]
    prev = GENESIS
    for i, ev in enumerate(events, 1):
        n = ev.get("n")
        if n != i:
            problems.append(f"event {i} is missing or out of order (found event {n})")
        if ev.get("deal_id") != did:
            problems.append(f"event {n} belongs to another deal")
        if ev.get("prev_hash") != prev:
            problems.append(f"event {n}: prev_hash does not match the previous event's hash")
        h = event_hash(str(ev.get("prev_hash")), did, n if isinstance(n, int) else -1,
                       str(ev.get("kind")), ev.get("actor") or {}, ev.get("terms"),
                       str(ev.get("created_at")))
        if h != ev.get("hash"):
            problems.append(f"event {n}: its content does not match its hash")
        prev = str(ev.get("hash"))
    if not events:
        problems.append("the deal has no history")
    if prev != deal.get("head_hash") or len(events) != deal.get("event_count"):
        problems.append("the deal's head hash or event count does not match its history")


def _check_terms(deal: Mapping[str, Any], events: Sequence[Mapping[str, Any]],
                 problems: list[str]) -> None:
    terms = deal.get("terms")
    if terms is None:
        return
    if terms_hash(terms) != deal.get("terms_hash"):
        problems.append("the terms do not match their hash")
    last = None
    for ev in events:
        if ev.get("kind") in ("offer", "counter"):
            last = ev.get("terms")
    if last != terms:
        problems.append("the terms are not those of the last offer in the history")
    for ev in events:
        if ev.get("kind") == "accept" and (ev.get("terms") or {}).get("terms_hash") != deal.get("terms_hash"):
            problems.append(f"event {ev.get('n')}: the acceptance names other terms")


def _check_signatures(deal: Mapping[str, Any], events: Sequence[Mapping[str, Any]],
                      problems: list[str]) -> list[dict[str, Any]]:
    did, thash = deal["id"], deal.get("terms_hash")
    sign_events = {(e.get("terms") or {}).get("key_fingerprint"): e for e in events
                   if e.get("kind") == "sign"}
    out = []
    for s in deal.get("signatures") or []:
        ok = True
        why = ""
        pub = s.get("public_key")
        try:
            import base64

            fp = fingerprint(base64.b64decode(str(pub), validate=True))
        except ValueError:
            fp = ""
        if fp != s.get("key_fingerprint"):
            ok, why = False, "its key does not match the fingerprint shown"
        elif s.get("terms_hash") != thash or not isinstance(thash, str):
            ok, why = False, "it names other terms"
        elif not verify_signature(str(pub), signing_message(did, thash), str(s.get("signature"))):
            ok, why = False, "the Ed25519 signature does not verify"
        else:
            ev = sign_events.get(s.get("key_fingerprint"))
            if ev is None or (ev.get("terms") or {}).get("signature") != s.get("signature") \
                    or (ev.get("actor") or {}).get("side") != s.get("side"):
                ok, why = False, "it is not recorded in the history"
        if not ok:
            problems.append(f"the {s.get('side')} signature is not valid: {why}")
        out.append({"side": s.get("side"), "name": s.get("name"), "user_id": s.get("user_id"),
                    "key_fingerprint": s.get("key_fingerprint"),
                    "signed_at": s.get("signed_at"), "valid": ok})
    return out
