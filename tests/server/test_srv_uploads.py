"""Uploaded images and catalog import (docs/protocol.md §10), against the real server:
card photos, company logos/banners/sections, product images, bad files, and the
all-or-nothing product.import."""

from __future__ import annotations

import io
import struct
import uuid
import zlib
from typing import Any

import pytest
from PIL import Image
from social_util import Actor
from srv_util import assert_problem, db_rows

PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
       b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


@pytest.fixture
def srv(module_server):
    return module_server


def _company(srv: Any, index: int) -> int:
    return int(db_rows(srv.db_path, "SELECT id FROM companies ORDER BY id")[index][0])


@pytest.fixture
def buyer(srv):
    a = Actor(srv)
    yield a
    a.close()


@pytest.fixture
def staff(srv):
    a = Actor(srv, "exhibitor", _company(srv, 3))
    yield a
    a.close()


def image(fmt: str = "JPEG", size: tuple[int, int] = (64, 48), colour: tuple[int, ...] = (200, 30, 40),
          mode: str = "RGB", exif_orientation: int | None = None) -> bytes:
    img = Image.new(mode, size, colour)
    buf = io.BytesIO()
    if exif_orientation is not None:
        exif = Image.Exif()
        exif[0x0112] = exif_orientation
        img.save(buf, fmt, exif=exif.tobytes())
    else:
        img.save(buf, fmt)
    return buf.getvalue()


def upload(actor: Actor, data: bytes, name: str = "photo.jpg") -> str:
    aid = str(uuid.uuid4())
    r = actor.c.put(f"/v1/attachments/{aid}", content=data, headers={"X-Filename": name})
    assert r.status_code == 201, r.text
    return aid


def get_image(actor: Actor, path: str, size: str = "thumb") -> tuple[Image.Image, str]:
    r = actor.c.get(path, params={"size": size})
    assert r.status_code == 200, (path, r.status_code, r.text[:300])
    assert r.headers["content-type"] == "image/jpeg"
    img = Image.open(io.BytesIO(r.content))
    img.load()
    return img, r.headers["etag"]


def rejected(actor: Actor, type_: str, **args: Any) -> dict[str, Any]:
    res = actor.push_raw([(type_, args)])[0]
    assert res["status"] == "rejected", res
    return res


def png_of_size(w: int, h: int, rows: int | None = None) -> bytes:
    """A grey PNG of w×h pixels, all zero (compresses to almost nothing); with ``rows``
    only that many rows of pixel data follow the header (a bomb's header is enough)."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    raw = zlib.compressobj(9)
    row = b"\x00" * (w + 1)
    idat = b"".join(raw.compress(row) for _ in range(h if rows is None else rows)) + raw.flush()
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", idat) + chunk(b"IEND", b""))


# ------------------------------------------------------------------ card photo

def test_card_photo_upload_read_access_and_removal(srv, buyer, staff):
    # a tall photo whose EXIF says "rotate 90°": stored upright (wide), so the centre crop of
    # the square shows the left (red) and right (blue) halves of the rotated picture
    img = Image.new("RGB", (40, 80), (255, 0, 0))
    img.paste((0, 0, 255), (0, 40, 40, 80))  # bottom half blue
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to display
    buf = io.BytesIO()
    img.save(buf, "JPEG", exif=exif.tobytes(), quality=95)
    aid = upload(buyer, buf.getvalue())
    res = buyer.do("card.update", fields={"photo_attachment_id": aid})
    card_id = res["card_id"]
    own = buyer.entities("card")[card_id]
    assert own["has_photo"] is True and own["mine"] is True

    thumb, etag1 = get_image(buyer, f"/v1/images/card/{card_id}")
    assert thumb.size == (240, 240)
    full, _ = get_image(buyer, f"/v1/images/card/{card_id}", "full")
    assert full.size == (960, 960)
    # rotated clockwise: the blue bottom half is now on the left, red on the right
    left, right = thumb.getpixel((20, 120)), thumb.getpixel((220, 120))
    assert left[2] > 200 and left[0] < 60, left
    assert right[0] > 200 and right[2] < 60, right
    # 304 with the ETag
    r = buyer.c.get(f"/v1/images/card/{card_id}", headers={"If-None-Match": etag1})
    assert r.status_code == 304

    # strangers: 404; a holder (staff the buyer sent the card to) may see it
    assert_problem(staff.c.get(f"/v1/images/card/{card_id}"), 404, "not-found")
    buyer.do("card.send", company_id=staff.company_id)
    held = staff.entities("card")[card_id]
    assert held["has_photo"] is True and held["mine"] is False
    _, etag_staff = get_image(staff, f"/v1/images/card/{card_id}")
    assert etag_staff == etag1

    # a new photo: a new ETag (clients cache by ETag)
    aid2 = upload(buyer, image("PNG", (300, 300), (10, 200, 10)), "me.png")
    buyer.do("card.update", fields={"photo_attachment_id": aid2})
    img2, etag2 = get_image(buyer, f"/v1/images/card/{card_id}")
    assert etag2 != etag1 and img2.getpixel((120, 120))[1] > 150

    # removal
    buyer.do("card.update", fields={"photo_attachment_id": None})
    assert buyer.entities("card")[card_id]["has_photo"] is False
    assert staff.entities("card")[card_id]["has_photo"] is False
    assert_problem(buyer.c.get(f"/v1/images/card/{card_id}"), 404, "not-found")
    assert_problem(buyer.c.get("/v1/images/card/999999999"), 404, "not-found")
    assert_problem(srv.client().get(f"/v1/images/card/{card_id}"), 401, "unauthenticated")


def test_card_photo_bad_attachments_are_invalid_values_naming_the_field(srv, buyer, staff):
    pdf = upload(buyer, PDF, "spec.pdf")
    others = upload(staff, image())
    for aid in (pdf, others, str(uuid.uuid4()), "not-a-uuid"):
        res = rejected(buyer, "card.update", fields={"photo_attachment_id": aid})
        assert res["code"] == "invalid-value" and "photo_attachment_id" in res["reason"], res
    # a JPEG that passes the upload's sniffing but cannot be decoded (truncated)
    good = image("JPEG", (400, 400))
    broken = upload(buyer, good[: len(good) // 2])
    res = rejected(buyer, "card.update", fields={"photo_attachment_id": broken})
    assert res["code"] == "invalid-value" and "photo_attachment_id" in res["reason"], res
    cards = buyer.entities("card")
    assert all(not c["has_photo"] for c in cards.values())


def test_huge_dimension_pngs_are_refused(srv, buyer):
    # beyond Pillow's decompression-bomb limit: refused at upload already
    bomb = png_of_size(20_000, 20_000, rows=64)
    assert len(bomb) < 100_000
    r = buyer.c.put(f"/v1/attachments/{uuid.uuid4()}", content=bomb)
    assert_problem(r, 415, "unsupported-media-type")
    # under Pillow's limit but over ours (40 megapixels): the upload is a valid PNG,
    # using it as an image is an invalid value (never decoded)
    big = png_of_size(9_000, 5_000)
    aid = upload(buyer, big, "big.png")
    res = rejected(buyer, "card.update", fields={"photo_attachment_id": aid})
    assert res["code"] == "invalid-value" and "megapixels" in res["reason"], res


# --------------------------------------------------------------- company images

def _directory_company(actor: Actor, company_id: int) -> dict[str, Any]:
    return actor.entities("company", "directory")[company_id]


def test_company_logo_banner_upload_and_back_to_drawn(srv, staff, buyer):
    cid = staff.company_id
    before = _directory_company(buyer, cid)
    drawn_logo = buyer.c.get(f"/v1/images/company/{cid}/logo")
    logo_src = image("PNG", (500, 200), (0, 120, 255, 128), mode="RGBA")  # transparent: on white
    banner_src = image("WEBP", (1200, 400), (250, 200, 0))
    la, ba = upload(staff, logo_src, "logo.png"), upload(staff, banner_src, "banner.webp")
    res = staff.do("company.update", fields={"logo_attachment_id": la, "banner_attachment_id": ba},
                   base_version=before["version"])
    assert res["data"]["has_logo"] is True and res["data"]["has_banner"] is True
    after = _directory_company(buyer, cid)
    assert after["version"] == before["version"] + 1 and after["has_logo"] and after["has_banner"]

    logo, logo_etag = get_image(buyer, f"/v1/images/company/{cid}/logo")
    assert logo.size == (240, 240)
    corner, centre = logo.getpixel((2, 2)), logo.getpixel((120, 120))
    assert min(corner) > 240, corner  # "contain" on white: the 5:2 logo is not cropped
    assert centre[2] > 200 and centre[0] < 180, centre
    if drawn_logo.status_code == 200:
        assert drawn_logo.headers["etag"] != logo_etag
    banner, _ = get_image(buyer, f"/v1/images/company/{cid}/banner", "full")
    assert banner.size == (960, 320)
    r, g, b = banner.getpixel((480, 160))
    assert r > 200 and g > 150 and b < 80

    # a PDF as a logo, another user's image: invalid-value naming the field; nothing changes
    pdf = upload(staff, PDF, "logo.pdf")
    res2 = rejected(staff, "company.update", fields={"logo_attachment_id": pdf}, base_version=None)
    assert res2["code"] == "invalid-value" and "logo_attachment_id" in res2["reason"]
    res3 = rejected(staff, "company.update", fields={"banner_attachment_id": upload(buyer, image())},
                    base_version=None)
    assert res3["code"] == "invalid-value" and "banner_attachment_id" in res3["reason"]
    assert _directory_company(buyer, cid)["version"] == after["version"]
    # buyers edit no company; another company's staff not this one
    assert rejected(buyer, "company.update", fields={"logo_attachment_id": la}, base_version=None)["code"] == "forbidden"
    other = Actor(srv, "exhibitor", _company(srv, 7))
    try:
        mine = upload(other, image())
        res4 = rejected(other, "company.update", id=cid, fields={"logo_attachment_id": mine}, base_version=None)
        assert res4["code"] == "forbidden"
        # nor may anybody name another user's upload
        res5 = rejected(other, "company.update", fields={"logo_attachment_id": la}, base_version=None)
        assert res5["code"] == "invalid-value" and "logo_attachment_id" in res5["reason"]
    finally:
        other.close()

    # back to the drawn default
    staff.do("company.update", fields={"logo_attachment_id": None, "banner_attachment_id": None}, base_version=None)
    back = _directory_company(buyer, cid)
    assert back["has_logo"] == before["has_logo"] and back["has_banner"] == before["has_banner"]
    r = buyer.c.get(f"/v1/images/company/{cid}/logo")
    assert r.status_code == drawn_logo.status_code
    if r.status_code == 200:
        assert r.headers["etag"] != logo_etag


def test_company_sections_reach_the_directory_and_counts_stay_right(srv, buyer):
    cid = _company(srv, 5)
    staff = Actor(srv, "exhibitor", cid)
    try:
        sections = buyer.entities("section", "directory")
        company = _directory_company(buyer, cid)
        old = list(company["section_ids"]) or [company["main_section_id"]]
        others = [sid for sid in sorted(sections) if sid not in old][:2]
        new = [others[0], old[0], others[1]] if company["main_section_id"] == old[0] else [others[0], others[1]]
        staff.do("company.update", fields={"section_ids": new}, base_version=None)
        after = _directory_company(buyer, cid)
        assert after["section_ids"] == new
        assert after["main_section_id"] in new
        if company["main_section_id"] not in new:
            assert after["main_section_id"] == new[0]
        secs = buyer.entities("section", "directory")
        for sid in set(old) | set(new):
            delta = (sid in new) - (sid in old)
            assert secs[sid]["booth_count"] == sections[sid]["booth_count"] + delta, sid
        # the counts agree with a recount over every company
        recount: dict[int, int] = {}
        for c in buyer.entities("company", "directory").values():
            for sid in set(c["section_ids"] or [c["main_section_id"]]):
                recount[sid] = recount.get(sid, 0) + 1
        for sid in set(old) | set(new):
            assert secs[sid]["booth_count"] == recount.get(sid, 0), sid

        for bad in ([], [old[0]] * 2, [999999], sorted(sections)[:6]):
            res = rejected(staff, "company.update", fields={"section_ids": bad}, base_version=None)
            assert res["code"] == "invalid-value" and "section_ids" in res["reason"], (bad, res)
    finally:
        staff.close()


# --------------------------------------------------------------- product images

def test_product_images_replace_count_and_serve(srv, staff, buyer):
    cid = staff.company_id
    section = _directory_company(buyer, cid)["main_section_id"]
    ids = [upload(staff, image("JPEG", (800, 600), (255, 0, 0))),
           upload(staff, image("PNG", (100, 300), (0, 255, 0))),
           upload(staff, image("WEBP", (50, 50), (0, 0, 255)))]
    res = staff.do("product.upsert", product={"name_en": "Lamp with photos", "section_id": section,
                                              "image_attachment_ids": ids}, base_version=None)
    pid, data = res["product_id"], res["data"]
    assert data["image_count"] == 3
    pulled = staff.entities("product", staff.scope())[pid]
    assert pulled["image_count"] == 3
    expect = [(255, 0, 0), (0, 255, 0), (0, 0, 255)]
    etags = []
    for n, colour in enumerate(expect):
        img, etag = get_image(buyer, f"/v1/images/product/{pid}/{n}")
        assert img.size == (240, 240)
        px = img.getpixel((120, 120))
        assert all(abs(a - b) < 40 for a, b in zip(px, colour, strict=True)), (n, px)
        etags.append(etag)
    assert len(set(etags)) == 3
    assert_problem(buyer.c.get(f"/v1/images/product/{pid}/3"), 404, "not-found")
    # an echoed image_count is ignored; a new list replaces the images
    v = data["version"]
    res = staff.do("product.upsert", product={"id": pid, "image_count": 7, "name_en": "Lamp"}, base_version=v)
    assert res["data"]["image_count"] == 3
    res = staff.do("product.upsert", product={"id": pid, "image_attachment_ids": [ids[2]]},
                   base_version=res["version"])
    assert res["data"]["image_count"] == 1
    _, etag0 = get_image(buyer, f"/v1/images/product/{pid}/0")
    assert etag0 != etags[0]
    assert_problem(buyer.c.get(f"/v1/images/product/{pid}/1"), 404, "not-found")
    # a colleague keeps the product's current image (not theirs) and adds one of theirs;
    # an image of the colleague's that the product does not show is still refused
    colleague = Actor(srv, "exhibitor", cid)
    try:
        theirs = upload(colleague, image("PNG", (90, 90), (250, 250, 0)))
        assert rejected(colleague, "product.upsert", product={"id": pid, "image_attachment_ids": [ids[0]]},
                        base_version=res["version"])["code"] == "invalid-value"
        res = colleague.do("product.upsert", product={"id": pid, "image_attachment_ids": [ids[2], theirs]},
                           base_version=res["version"])
        assert res["data"]["image_count"] == 2
        assert get_image(buyer, f"/v1/images/product/{pid}/0")[1] == etag0
        yellow, _ = get_image(buyer, f"/v1/images/product/{pid}/1")
        assert yellow.getpixel((120, 120))[2] < 80
        # staff read which uploads the product shows (to keep some of them later)
        r = staff.c.get(f"/v1/products/{pid}/images")
        assert r.status_code == 200 and r.json() == {"product_id": pid, "image_attachment_ids": [ids[2], theirs]}
        assert_problem(buyer.c.get(f"/v1/products/{pid}/images"), 404, "not-found")
    finally:
        colleague.close()
    # bad: nine images, a PDF, someone else's
    res2 = rejected(staff, "product.upsert", product={"id": pid, "image_attachment_ids": [ids[0]] * 9},
                    base_version=res["version"])
    assert res2["code"] == "invalid-value" and "image_attachment_ids" in res2["reason"]
    for bad in (upload(staff, PDF, "a.pdf"), upload(buyer, image())):
        res3 = rejected(staff, "product.upsert", product={"id": pid, "image_attachment_ids": [ids[0], bad]},
                        base_version=res["version"])
        assert res3["code"] == "invalid-value" and "image_attachment_ids.1" in res3["reason"], res3
    res = staff.do("product.upsert", product={"id": pid, "image_attachment_ids": []}, base_version=res["version"])
    assert res["data"]["image_count"] == 0
    assert_problem(buyer.c.get(f"/v1/images/product/{pid}/0"), 404, "not-found")


# ----------------------------------------------------------------- product.import

def _count(srv: Any, company_id: int) -> int:
    return int(db_rows(srv.db_path, "SELECT count(*) FROM products WHERE company_id = ?", company_id)[0][0])


def _row(section: int, i: int, **kw: Any) -> dict[str, Any]:
    return {"name_en": f"Imported item {i}", "name_zh": f"导入 {i}", "section_id": section,
            "price_min_cents": 100 + i, "price_max_cents": 200 + i, "currency": "USD", "moq": 10,
            "certifications": ["CE"], **kw}


def test_import_of_500_rows_applies_all_and_reaches_the_pulls(srv, staff, buyer):
    cid = staff.company_id
    section = _directory_company(buyer, cid)["main_section_id"]
    staff.sync(staff.scope())
    buyer.sync(f"section:{section}")
    sec_before = buyer.entities("section", "directory")[section]["product_count"]
    img = upload(staff, image("JPEG", (300, 300)))
    existing = staff.do("product.upsert", product={"name_en": "Old item", "section_id": section}, base_version=None)
    n_before = _count(srv, cid)
    rows = [_row(section, i) for i in range(499)]
    rows[7]["image_attachment_ids"] = [img]
    rows.append({"id": existing["product_id"], "base_version": existing["version"], "name_en": "Renamed"})
    res = staff.do("product.import", company_id=cid, products=rows)
    assert res["id"].startswith(f"import:{cid}:")
    assert len(res["created"]) == 499 and res["updated"] == [existing["product_id"]]
    assert res["created"] == sorted(res["created"])  # in row order
    assert _count(srv, cid) == n_before + 499
    changes = staff.sync(staff.scope())
    got = {ch["id"]: ch["data"] for ch in changes if ch["entity"] == "product" and ch["op"] == "upsert"}
    assert set(res["created"]) <= set(got)
    assert got[existing["product_id"]]["name_en"] == "Renamed"
    assert got[res["created"][7]]["image_count"] == 1
    assert got[res["created"][42]]["name_en"] == "Imported item 42"
    changes = buyer.sync(f"section:{section}")
    assert {res["created"][0], res["created"][498]} <= {ch["id"] for ch in changes}
    assert buyer.entities("section", "directory")[section]["product_count"] == sec_before + 500
    get_image(buyer, f"/v1/images/product/{res['created'][7]}/0")
    # a second import gets the next id
    res2 = staff.do("product.import", products=[_row(section, 1000)])
    assert res2["id"] == f"import:{cid}:{int(res['id'].split(':')[2]) + 1}"


def test_import_with_bad_rows_reports_every_one_and_applies_nothing(srv, staff, buyer):
    cid = staff.company_id
    section = _directory_company(buyer, cid)["main_section_id"]
    staff.sync(staff.scope())
    n_before = _count(srv, cid)
    rows = [_row(section, i) for i in range(20)]
    rows[2]["price_min_cents"] = 999_999  # over the max
    del rows[5]["name_en"]
    rows[9]["section_id"] = 999_999
    rows[11]["currency"] = "dollars"
    rows[12]["colour"] = "red"
    rows[14] = "not an object"  # type: ignore[call-overload]
    rows[17]["image_attachment_ids"] = [upload(staff, PDF, "x.pdf")]
    rows[18]["image_attachment_ids"] = [upload(staff, image()), upload(staff, png_of_size(9_000, 5_000, rows=8))]
    res = rejected(staff, "product.import", products=rows)
    assert res["code"] == "invalid-value", res
    errors = res["result"]["errors"]
    by_row = {e["row"]: e for e in errors}
    assert sorted(by_row) == [2, 5, 9, 11, 12, 14, 17, 18], errors
    assert by_row[2]["field"] == "price_min_cents"
    assert by_row[5]["field"] == "name_en"
    assert by_row[9]["field"] == "section_id"
    assert by_row[11]["field"] == "currency"
    assert by_row[12]["field"] == "colour"
    assert by_row[17]["field"] == "image_attachment_ids"
    assert by_row[18]["field"] == "image_attachment_ids" and "megapixels" in by_row[18]["problem"]
    assert by_row[18]["problem"].startswith("image_attachment_ids.1: ")
    assert all(e["problem"] for e in errors)
    assert _count(srv, cid) == n_before
    assert not [ch for ch in staff.sync(staff.scope()) if ch["entity"] == "product"]

    # at most 500 problems are listed
    many = [{"section_id": section} for _ in range(700)]
    res = rejected(staff, "product.import", products=many)
    assert res["code"] == "invalid-value" and len(res["result"]["errors"]) == 500
    # limits and who
    assert rejected(staff, "product.import", products=[])["code"] == "invalid-value"
    assert rejected(staff, "product.import", products=[_row(section, 0)] * 2001)["code"] == "invalid-value"
    assert rejected(buyer, "product.import", products=[_row(section, 0)])["code"] == "forbidden"
    other = _company(srv, 4)
    assert rejected(staff, "product.import", company_id=other, products=[_row(section, 0)])["code"] == "forbidden"
    assert _count(srv, cid) == n_before


def test_stale_import_is_a_conflict_and_applies_nothing(srv, staff, buyer):
    cid = staff.company_id
    section = _directory_company(buyer, cid)["main_section_id"]
    p = staff.do("product.upsert", product={"name_en": "Desk lamp", "section_id": section}, base_version=None)
    staff.do("product.upsert", product={"id": p["product_id"], "moq": 50}, base_version=p["version"])  # v2
    n_before = _count(srv, cid)
    rows = [_row(section, 1), {"id": p["product_id"], "base_version": p["version"], "moq": 5}, _row(section, 2)]
    res = rejected(staff, "product.import", products=rows)
    assert res["code"] == "conflict", res
    assert res["result"]["errors"] == [{"row": 1, "field": "base_version", "problem": res["result"]["errors"][0]["problem"]}]
    assert "version" in res["result"]["errors"][0]["problem"]
    assert _count(srv, cid) == n_before
    moq = db_rows(srv.db_path, "SELECT moq, version FROM products WHERE id = ?", p["product_id"])[0]
    assert moq == (50, 2)
    # another company's product in an import: forbidden row, nothing applied
    foreign = db_rows(srv.db_path, "SELECT id, version FROM products WHERE company_id != ? LIMIT 1", cid)[0]
    res = rejected(staff, "product.import", products=[_row(section, 3), {"id": foreign[0], "base_version": foreign[1],
                                                                          "moq": 1}])
    assert res["code"] == "invalid-value" and res["result"]["errors"][0]["row"] == 1
    assert _count(srv, cid) == n_before
