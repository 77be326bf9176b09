"""Chat attachments: sniffing, limits, safe names, idempotent PUT, who may download."""

from __future__ import annotations

import io
import uuid
from urllib.parse import quote

import pytest
from PIL import Image
from social_util import Actor
from srv_util import assert_problem, db_rows

MIB = 1024 * 1024


@pytest.fixture
def srv(module_server):
    return module_server


@pytest.fixture
def pair(srv):
    company = db_rows(srv.db_path, "SELECT id FROM companies ORDER BY id")[8][0]
    b, s = Actor(srv), Actor(srv, "exhibitor", company)
    yield b, s
    b.close()
    s.close()


def image(fmt: str, size: tuple[int, int] = (32, 24)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, (200, 30, 40)).save(buf, fmt)
    return buf.getvalue()


PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
       b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


def put(actor: Actor, data: bytes, filename: str | None = "spec.pdf", ctype: str = "application/octet-stream",
        aid: str | None = None):
    headers = {"Content-Type": ctype}
    if filename is not None:
        headers["X-Filename"] = quote(filename, safe="")
    return actor.c.put(f"/v1/attachments/{aid or uuid.uuid4()}", content=data, headers=headers)


@pytest.mark.parametrize(("fmt", "ctype", "name"), [
    ("JPEG", "image/jpeg", "photo.jpg"), ("PNG", "image/png", "photo.jpg.png"), ("WEBP", "image/webp", "photo.jpg.webp"),
])
def test_images_are_accepted_by_content(srv, pair, fmt, ctype, name):
    b, _ = pair
    r = put(b, image(fmt), "photo.jpg", "text/plain")  # the declared type is not trusted
    assert r.status_code == 201, r.text
    meta = r.json()
    assert meta["content_type"] == ctype and meta["filename"] == name and meta["size"] > 0


def test_pdf_upload_is_idempotent_and_conflicts_on_other_bytes(srv, pair):
    b, s = pair
    aid = str(uuid.uuid4())
    r1 = put(b, PDF, "Datenblatt ü.pdf", aid=aid)
    assert r1.status_code == 201, r1.text
    r2 = put(b, PDF, "other name.pdf", aid=aid)
    assert r2.status_code == 200 and r2.json() == r1.json()
    assert r1.json()["filename"] == "Datenblatt ü.pdf"
    assert_problem(put(b, PDF + b"\n", aid=aid), 409, "conflict")
    assert_problem(put(s, PDF, aid=aid), 409, "conflict")  # another user, same id
    assert_problem(put(b, PDF, aid="not-a-uuid"), 400, "bad-request")


@pytest.mark.parametrize("data", [
    b"MZ\x90\x00 this is a windows executable",
    b"<html><script>alert(1)</script></html>",
    b"\x89PNG\r\n\x1a\n but then garbage instead of chunks",
    b"\xff\xd8\xff\xe0 truncated jpeg",
    b"%PDF-1.7\n no trailer at all",
    b"GIF89a\x01\x00\x01\x00",
])
def test_other_or_damaged_files_are_refused_with_415(srv, pair, data):
    b, _ = pair
    body = assert_problem(put(b, data, "innocent.png", "image/png"), 415, "unsupported-media-type")
    assert "JPEG" in body["detail"] and "PDF" in body["detail"]


def test_size_limit_and_empty_file(srv, pair):
    b, _ = pair
    assert_problem(put(b, b"%PDF-1.4\n" + b"0" * (10 * MIB) + b"\n%%EOF\n"), 413, "too-large")
    assert_problem(put(b, b""), 422, "invalid-value")
    assert_problem(srv.client().put(f"/v1/attachments/{uuid.uuid4()}", content=PDF), 401, "unauthenticated")


@pytest.mark.parametrize(("raw", "expected"), [
    ("../../etc/passwd.pdf", "passwd.pdf"),
    ("..\\..\\Windows\\System32\\evil.pdf", "evil.pdf"),
    ("invoice\u202efdp.exe", "invoicefdp.exe.pdf"),
    ("spec.exe", "spec.exe.pdf"),
    ("CON.pdf", "_CON.pdf"),
    ("a\x00b\x07c\r\n.pdf", "abc.pdf"),
    ('what<>:"|?*.pdf', "what_______.pdf"),
    ("...", "attachment.pdf"),
    ("", "attachment.pdf"),
    ("x" * 500 + ".pdf", "x" * 116 + ".pdf"),
    ("规格书 📄.PDF", "规格书 📄.PDF"),
])
def test_file_names_are_sanitised(srv, pair, raw, expected):
    b, _ = pair
    r = put(b, PDF, raw)
    assert r.status_code == 201, r.text
    assert r.json()["filename"] == expected


def test_missing_file_name_gets_a_default(srv, pair):
    b, _ = pair
    r = put(b, image("PNG"), None)
    assert r.json()["filename"] == "attachment.png"


def test_only_the_uploader_and_the_conversation_read_an_attachment(srv, pair):
    b, s = pair
    stranger = Actor(srv)
    other_staff = Actor(srv, "exhibitor", db_rows(srv.db_path, "SELECT id FROM companies ORDER BY id")[9][0])
    try:
        meta = put(b, PDF, "../spec sheet.pdf").json()
        aid = meta["id"]
        r = b.c.get(f"/v1/attachments/{aid}")
        assert r.status_code == 200 and r.content == PDF
        assert r.headers["content-type"] == "application/pdf"
        assert r.headers["x-content-type-options"] == "nosniff"
        cd = r.headers["content-disposition"]
        assert cd.startswith("attachment;") and "spec%20sheet.pdf" in cd and "/" not in cd
        # before a message refers to it, only the uploader reads it
        for other in (s, stranger, other_staff):
            assert_problem(other.c.get(f"/v1/attachments/{aid}"), 404, "not-found")
        # someone else cannot attach it to their message
        assert s.rejected("message.send", client_msg_id="a0", kind="attachment", attachment_id=aid, buyer_user_id=b.id) in ("forbidden", "not-found")
        res = b.do("message.send", client_msg_id="a1", kind="attachment", attachment_id=aid, text="our spec", company_id=s.company_id)
        m = s.entities("message", s.scope())[res["message_id"]]
        assert m["attachment"] == {k: meta[k] for k in ("id", "filename", "content_type", "size", "sha256")}
        assert s.c.get(f"/v1/attachments/{aid}").content == PDF
        for other in (stranger, other_staff):
            assert_problem(other.c.get(f"/v1/attachments/{aid}"), 404, "not-found")
        assert_problem(b.c.get(f"/v1/attachments/{uuid.uuid4()}"), 404, "not-found")
        assert b.rejected("message.send", client_msg_id="a2", kind="attachment", attachment_id=str(uuid.uuid4()), company_id=s.company_id) == "not-found"
        assert b.rejected("message.send", client_msg_id="a3", kind="attachment", company_id=s.company_id) == "invalid-value"
    finally:
        stranger.close()
        other_staff.close()


def test_identical_files_are_stored_once(srv, pair):
    b, s = pair
    data = image("PNG", (40, 40))
    m1 = put(b, data, "a.png").json()
    m2 = put(s, data, "b.png").json()
    assert m1["sha256"] == m2["sha256"] and m1["id"] != m2["id"]
    folder = srv.db_path.parent / (srv.db_path.stem + "-attachments") / m1["sha256"][:2]
    assert [p.name for p in folder.iterdir() if p.name.startswith(m1["sha256"])] == [m1["sha256"]]


def test_size_limit_holds_for_a_chunked_body_without_length(srv, pair):
    b, _ = pair

    def chunks():
        yield b"%PDF-1.4\n"
        for _ in range(11):
            yield b"0" * MIB

    r = b.c.put(f"/v1/attachments/{uuid.uuid4()}", content=chunks(), headers={"X-Filename": "big.pdf"})
    assert_problem(r, 413, "too-large")
    # the server is fine afterwards
    assert put(b, PDF).status_code == 201


def test_download_resumes_with_a_range_and_revalidates(srv, pair):
    b, _ = pair
    data = image("PNG", (300, 200))
    aid = put(b, data, "big.png").json()["id"]
    full = b.c.get(f"/v1/attachments/{aid}", headers={"Accept-Encoding": "gzip"})
    assert full.content == data and full.headers["accept-ranges"] == "bytes"
    etag = full.headers["etag"]
    part = b.c.get(f"/v1/attachments/{aid}", headers={"Range": "bytes=100-", "If-Range": etag})
    assert part.status_code == 206 and part.content == data[100:]
    assert part.headers["content-range"] == f"bytes 100-{len(data) - 1}/{len(data)}"
    assert b.c.get(f"/v1/attachments/{aid}", headers={"If-None-Match": etag}).status_code == 304
    assert_problem(b.c.get(f"/v1/attachments/{aid}", headers={"Range": f"bytes={len(data)}-"}), 416, "range-not-satisfiable")


def test_upload_quota_per_user(start_server):
    srv = start_server(env={"FAIRDESK_ATTACHMENT_QUOTA_BYTES": str(len(PDF) * 2)})
    b = Actor(srv)
    try:
        assert put(b, PDF, "a.pdf").status_code == 201
        assert put(b, PDF + b"%%EOF\n", "b.pdf").status_code == 413
        assert_problem(put(b, PDF + b"\n%%EOF\n", "c.pdf"), 413, "too-large")
        assert put(b, PDF, "d.pdf").status_code == 201  # exactly up to the quota
    finally:
        b.close()
