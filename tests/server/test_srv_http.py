"""HTTP behaviour: problem documents for malformed input, compression, OpenAPI, images,
catalog reads and online search."""

from __future__ import annotations

import gzip
import socket

import httpx
import pytest
import zstandard
from srv_util import assert_problem, db_rows


@pytest.fixture
def srv(module_server):
    return module_server


@pytest.fixture
def buyer(srv):
    with srv.client(srv.login("buyer")) as c:
        yield c


def test_malformed_requests_get_4xx_problems(srv, buyer):
    cases = [
        (dict(content=b"{not json", headers={"content-type": "application/json"}), 400, "bad-request"),
        (dict(content=b"", headers={"content-type": "application/json"}), 400, "bad-request"),
        (dict(content=b"[1,2,3]", headers={"content-type": "application/json"}), 400, "bad-request"),
        (dict(content="\udcff".encode("utf-8", "surrogatepass"), headers={"content-type": "application/json"}), 400, "bad-request"),
        (dict(json={"scopes": "directory"}), 400, "bad-request"),
        (dict(json={"scopes": {"directory": 5}}), 400, "bad-request"),
        (dict(json={"scopes": {"directory": None}, "limit": 0}), 400, "bad-request"),
        (dict(json={"scopes": {"directory": None}, "limit": 10**30}), 400, "bad-request"),
        (dict(json={"scopes": {"directory": None}, "wait": 26}), 400, "bad-request"),
        (dict(json={"scopes": {"directory": None}, "wait": "soon"}), 400, "bad-request"),
        (dict(json={}), 400, "bad-request"),
        (dict(content=b"scopes=directory", headers={"content-type": "application/x-www-form-urlencoded"}), 415, "unsupported-media-type"),
        (dict(content=b"hello", headers={"content-type": "text/plain"}), 415, "unsupported-media-type"),
    ]
    for kw, status, code in cases:
        r = buyer.post("/v1/sync/pull", **kw)
        body = assert_problem(r, status, code)
        if code == "bad-request":
            assert isinstance(body["errors"], list) and body["errors"], body
            assert {"loc", "msg"} <= set(body["errors"][0])
    # push with wrong types
    for body in [{"client_id": 5, "mutations": []}, {"client_id": "x" * 40, "mutations": [{"seq": "one", "type": "a"}]},
                 {"client_id": "x" * 40, "mutations": [{"seq": 2**70, "type": "a", "args": {}}]}, {"client_id": "x" * 40}]:
        assert_problem(buyer.post("/v1/sync/push", json=body), 400, "bad-request")
    # unknown routes, wrong methods, bad path parameters
    assert_problem(buyer.get("/v1/nope"), 404, "not-found")
    assert_problem(buyer.get("/"), 404, "not-found")
    assert_problem(buyer.delete("/v1/sync/pull"), 405, "method-not-allowed")
    assert_problem(buyer.get("/v1/products/abc"), 400, "bad-request")
    assert_problem(buyer.get(f"/v1/products/{10**30}"), 400, "bad-request")
    assert_problem(buyer.get(f"/v1/products/{2**62}"), 404, "not-found")
    assert_problem(buyer.get("/v1/companies/0"), 400, "bad-request")
    assert_problem(buyer.get("/v1/search", params={"limit": -1}), 400, "bad-request")
    assert_problem(buyer.get("/v1/images/product/1/0", params={"size": "huge"}), 400, "bad-request")
    assert_problem(buyer.get("/v1/images/company/1/poster"), 400, "bad-request")


def test_huge_bodies_are_refused_before_reading(srv, buyer):
    big = b'{"scopes": {"directory": null}, "pad": "' + b"x" * (5 * 1024 * 1024) + b'"}'
    assert_problem(buyer.post("/v1/sync/pull", content=big, headers={"content-type": "application/json"}), 413, "too-large")

    def chunks():
        yield b'{"scopes": {"directory": null}, "pad": "'
        for _ in range(80):
            yield b"x" * 65536
        yield b'"}'

    # chunked (no Content-Length): stopped once it passes the limit
    r = buyer.post("/v1/sync/pull", content=chunks(), headers={"content-type": "application/json"})
    assert_problem(r, 413, "too-large")
    # a lying Content-Length header is not a crash either
    with socket.create_connection(("127.0.0.1", srv.port), timeout=10) as s:
        s.sendall(b"POST /v1/sync/pull HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 99999999999\r\n\r\n{}")
        head = s.recv(4096)
    assert head.startswith(b"HTTP/1.1 413"), head[:200]
    assert buyer.get("/healthz").status_code == 200


def test_compression_is_negotiated(srv, buyer):
    raw = httpx.Client(base_url=srv.url, headers={"Authorization": buyer.headers["Authorization"]})
    try:
        url = "/v1/sections"
        plain = raw.get(url, headers={"Accept-Encoding": "identity"})
        assert "content-encoding" not in plain.headers
        expected = plain.json()
        z = raw.send(raw.build_request("GET", url, headers={"Accept-Encoding": "zstd, gzip"}), stream=True)
        zbody = z.read() if False else b"".join(z.iter_raw())
        assert z.headers["content-encoding"] == "zstd"
        assert z.headers["vary"] == "Accept-Encoding"
        import json

        assert json.loads(zstandard.ZstdDecompressor().decompressobj().decompress(zbody)) == expected
        g = raw.send(raw.build_request("GET", url, headers={"Accept-Encoding": "gzip"}), stream=True)
        gbody = b"".join(g.iter_raw())
        assert g.headers["content-encoding"] == "gzip"
        assert json.loads(gzip.decompress(gbody)) == expected
        assert len(gbody) < len(plain.content) and len(zbody) < len(plain.content)
        # small bodies are not compressed
        small = raw.get("/healthz", headers={"Accept-Encoding": "zstd, gzip"})
        assert "content-encoding" not in small.headers
        # httpx decodes it transparently, and pulls are compressed too
        r = buyer.post("/v1/sync/pull", json={"scopes": {"directory": None}}, headers={"Accept-Encoding": "zstd"})
        assert r.headers["content-encoding"] == "zstd"
        assert r.json()["scopes"]["directory"]["complete"] is True
    finally:
        raw.close()


def test_openapi_is_served(srv):
    with srv.client() as c:
        spec = c.get("/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    for path in ["/v1/sync/pull", "/v1/sync/push", "/v1/auth/login", "/v1/auth/register", "/v1/search", "/v1/sections", "/v1/info"]:
        assert path in spec["paths"], path


def test_images_etag_304_and_range(srv, buyer):
    pid = db_rows(srv.db_path, "SELECT id FROM products WHERE hidden = 0 AND image_count > 0 LIMIT 1")[0][0]
    r = buyer.get(f"/v1/images/product/{pid}/0", params={"size": "thumb"})
    assert r.status_code == 200
    assert r.headers["content-type"] == "image/jpeg"
    assert r.content[:2] == b"\xff\xd8"
    assert "content-encoding" not in r.headers
    etag = r.headers["etag"]
    assert etag.startswith('"') and not etag.startswith("W/")
    assert r.headers["cache-control"] == "public, max-age=604800"
    again = buyer.get(f"/v1/images/product/{pid}/0", params={"size": "thumb"})
    assert again.headers["etag"] == etag and again.content == r.content
    assert buyer.get(f"/v1/images/product/{pid}/0", params={"size": "thumb"}, headers={"If-None-Match": etag}).status_code == 304
    assert buyer.get(f"/v1/images/product/{pid}/0", params={"size": "thumb"}, headers={"If-None-Match": '"other"'}).status_code == 200
    part = buyer.get(f"/v1/images/product/{pid}/0", params={"size": "thumb"}, headers={"Range": "bytes=100-"})
    assert part.status_code == 206
    assert part.content == r.content[100:]
    assert part.headers["content-range"] == f"bytes 100-{len(r.content) - 1}/{len(r.content)}"
    assert_problem(buyer.get(f"/v1/images/product/{pid}/0", params={"size": "thumb"}, headers={"Range": f"bytes={len(r.content) + 5}-"}), 416, "range-not-satisfiable")
    full = buyer.get(f"/v1/images/product/{pid}/0", params={"size": "full"})
    assert full.status_code == 200 and len(full.content) > len(r.content) and full.headers["etag"] != etag
    count = db_rows(srv.db_path, "SELECT image_count FROM products WHERE id = ?", pid)[0][0]
    assert_problem(buyer.get(f"/v1/images/product/{pid}/{count}"), 404, "not-found")
    cid, _has_logo, _has_banner = db_rows(srv.db_path, "SELECT id, has_logo, has_banner FROM companies WHERE has_logo = 1 LIMIT 1")[0]
    logo = buyer.get(f"/v1/images/company/{cid}/logo")
    assert logo.status_code == 200 and logo.content[:2] == b"\xff\xd8"
    nobanner = db_rows(srv.db_path, "SELECT id FROM companies WHERE has_banner = 0 LIMIT 1")
    if nobanner:
        assert_problem(buyer.get(f"/v1/images/company/{nobanner[0][0]}/banner"), 404, "not-found")


def test_catalog_reads_and_search(srv, buyer):
    sections = buyer.get("/v1/sections").json()["items"]
    assert sections and all(s["est_bytes"] > 0 for s in sections if s["product_count"] > 0)
    total = db_rows(srv.db_path, "SELECT count(*) FROM products WHERE hidden = 0")[0][0]
    assert sum(s["product_count"] for s in sections) == total
    pid, name_en, name_zh = db_rows(srv.db_path, "SELECT id, name_en, name_zh FROM products WHERE hidden = 0 AND name_zh != '' ORDER BY id LIMIT 1")[0]
    p = buyer.get(f"/v1/products/{pid}").json()
    assert p["id"] == pid and isinstance(p["specs"], list) and isinstance(p["certifications"], list)
    # English prefix
    words = name_en.split()
    q = " ".join([*words[:-1], words[-1][:3]]).lower()  # the last word as a prefix
    found: list[int] = []
    while True:
        res = buyer.get("/v1/search", params={"q": q, "limit": 200, "offset": len(found)}).json()
        found += [x["id"] for x in res["items"]]
        if not res["items"] or len(found) >= min(res["total"], 2000):
            break
    assert pid in found, (q, res["total"])
    assert len(found) == len(set(found)) == res["total"]
    assert buyer.get("/v1/search", params={"q": "zzqxj"}).json() == {"total": 0, "items": []}
    # Chinese substring: two characters from the middle of a Chinese name
    zh = name_zh
    sub = zh[1:3] if len(zh) >= 3 else zh
    res = buyer.get("/v1/search", params={"q": sub, "limit": 50}).json()
    assert res["total"] > 0
    assert all(sub in x["name_zh"] or sub in x["keywords"] for x in res["items"])
    # hostile FTS syntax is plain text, never an error
    for q in ['"', "AND", "OR NOT", "*", "name_en:lamp", "NEAR(a b)", "(", "'); DROP TABLE products; --", "^", "💡", "  "]:
        r = buyer.get("/v1/search", params={"q": q})
        assert r.status_code == 200, (q, r.text)
        assert isinstance(r.json()["total"], int)
    # filters
    sec = max(sections, key=lambda s: s["product_count"])
    res = buyer.get("/v1/search", params={"section_id": sec["id"], "limit": 5}).json()
    assert res["total"] == sec["product_count"]
    assert all(x["section_id"] == sec["id"] for x in res["items"])
    res = buyer.get("/v1/search", params={"moq_max": 100, "price_max_cents": 10**9, "limit": 5}).json()
    assert all(x["moq"] <= 100 for x in res["items"])
    cert = db_rows(srv.db_path, "SELECT j.value FROM products, json_each(products.certifications) j LIMIT 1")
    if cert:
        res = buyer.get("/v1/search", params={"cert": cert[0][0], "limit": 5}).json()
        assert res["total"] > 0 and all(cert[0][0] in x["certifications"] for x in res["items"])
    assert_problem(buyer.get("/v1/companies/999999"), 404, "not-found")


def test_hostile_text_and_numbers_never_500(srv, buyer):
    h = {"content-type": "application/json"}
    for path, body in [
        ("/v1/sync/pull", b'{"scopes": {"directory": null}, "wait": NaN}'),
        ("/v1/sync/pull", b'{"scopes": {"directory": null}, "wait": Infinity}'),
        ("/v1/sync/pull", b'{"scopes": {"directory": null}, "limit": 1.5}'),
        ("/v1/sync/pull", b'{"scopes": {"\\ud800": null}}'),
        ("/v1/sync/pull", b'{"scopes": {"directory": "\\ud800"}}'),
        ("/v1/sync/pull", b"[" * 100000 + b"]" * 100000),
        ("/v1/auth/login", b'{"email": "\\ud800@x.com", "password": "xxxxxxxxx"}'),
        ("/v1/auth/register", b'{"email": "a@x.com", "password": "xxxxxxxxx", "display_name": "\\ud800", "role": "buyer"}'),
        ("/v1/sync/push", b'{"client_id": "abcdefgh-1234", "mutations": [{"seq": 1, "type": "\\ud800", "args": {}}]}'),
    ]:
        r = buyer.post(path, content=body, headers=h)
        assert 400 <= r.status_code < 500, (path, body[:80], r.status_code, r.text[:300])
        assert r.headers["content-type"].startswith("application/problem+json")
    muts = [
        {"seq": 1, "type": "favourite.set", "args": {"kind": "company", "target_id": 1, "note": "\ud800"}},
        {"seq": 2, "type": "profile.update", "args": {"interests": ["\ud800"]}},
        {"seq": 3, "type": "profile.update", "args": {"display_name": "<script>alert(1)</script> 😀"}},
    ]
    import json

    body = json.dumps({"client_id": "hostile-client-1", "mutations": muts}).encode()
    r = buyer.post("/v1/sync/push", content=body, headers=h)
    assert r.status_code == 200, r.text
    assert [(x["status"], x.get("code")) for x in r.json()["results"]] == [("rejected", "invalid-value"), ("rejected", "invalid-value"), ("applied", None)]
    for q in ["%ED%A0%80", "%FF%FE", "%00", "a%00b"]:
        r = buyer.get(f"/v1/search?q={q}")
        assert r.status_code in (200, 400), (q, r.status_code)
    assert buyer.get("/v1/me").json()["display_name"] == "<script>alert(1)</script> 😀"
