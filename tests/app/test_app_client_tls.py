"""The API client's prepared TLS contexts and its large-reply decoding (off the loop).

https servers are verified exactly as httpx does by default (the certifi CA bundle,
hostname checks), with one context per process built once (on a worker thread by
``prepare_ssl_context``); a plain http server's client gets a context that trusts no
certificate. Pull replies above ``THREAD_DECODE_BYTES`` are decoded on a worker thread
and must give the same result and the same errors as small ones.
"""

from __future__ import annotations

import datetime
import ssl
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import orjson
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from app import client as client_mod
from app.client import (
    THREAD_DECODE_BYTES,
    ApiClient,
    NetworkError,
    ProtocolError,
    prepare_ssl_context,
    verified_ssl_context,
)
from tests.app.helpers import local_http_server


def test_http_client_context_trusts_nothing() -> None:
    ctx = client_mod._ssl_context_for("http://127.0.0.1:8000")
    assert ctx.verify_mode == ssl.CERT_REQUIRED and ctx.check_hostname
    assert ctx.cert_store_stats()["x509_ca"] == 0
    assert ctx is not verified_ssl_context()


def test_https_client_context_is_the_shared_verifying_one() -> None:
    ctx = client_mod._ssl_context_for("https://fair.example.test")
    assert ctx is verified_ssl_context() is client_mod._ssl_context_for("https://other.test")
    assert ctx.verify_mode == ssl.CERT_REQUIRED and ctx.check_hostname
    assert ctx.cert_store_stats()["x509_ca"] > 10  # the CA bundle is loaded


async def test_prepare_builds_the_context_only_for_https(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(client_mod, "_verified_ssl", None)
    await prepare_ssl_context("http://127.0.0.1:8000")
    assert client_mod._verified_ssl is None
    await prepare_ssl_context("https://fair.example.test")
    built = client_mod._verified_ssl
    assert built is not None and built.cert_store_stats()["x509_ca"] > 10
    await prepare_ssl_context("https://fair.example.test")
    assert client_mod._verified_ssl is built


# ---------------------------------------------------------------- a real TLS server


def _self_signed(tmp: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.DNSName("localhost")]), critical=False
        )
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = tmp / "cert.pem", tmp / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_file, key_file


class _Info(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = b'{"protocol": 1, "epoch": "e"}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[str]:
    cert, key = _self_signed(tmp_path)
    srv = ThreadingHTTPServer(("127.0.0.1", 0), _Info)
    srv.daemon_threads = True
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
    t = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    t.start()
    yield f"https://localhost:{srv.server_address[1]}"
    srv.shutdown()
    srv.server_close()


async def test_https_server_with_an_untrusted_certificate_is_refused(tls_server: str) -> None:
    await prepare_ssl_context(tls_server)
    async with ApiClient(tls_server) as c:
        with pytest.raises(NetworkError):
            await c.info()
        assert c.requests == 1


async def test_http_client_never_speaks_tls_to_an_https_server(tls_server: str) -> None:
    # the same server addressed as http: a plain request to a TLS socket fails cleanly
    async with ApiClient(tls_server.replace("https://", "http://")) as c:
        with pytest.raises(NetworkError):
            await c.info()


# ---------------------------------------------------------------- large pull replies


class _BigPull(BaseHTTPRequestHandler):
    body = b""

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def big_pull() -> Iterator[str]:
    with local_http_server(_BigPull) as url:
        yield url


def _changes(n: int) -> list[dict[str, object]]:
    return [
        {"entity": "company", "op": "upsert", "id": i,
         "data": {"id": i, "name_en": f"Company {i} " + "x" * 80}}
        for i in range(1, n + 1)
    ]


@pytest.mark.parametrize("n", [3, 3000])
async def test_pull_reply_small_and_large_decode_alike(big_pull: str, n: int) -> None:
    body = orjson.dumps({"scopes": {"directory": {"changes": _changes(n), "cursor": "v1.c",
                                                  "complete": True}},
                         "server_time": "2026-01-01T00:00:00Z"})
    assert (len(body) > THREAD_DECODE_BYTES) == (n > 100)
    _BigPull.body = body
    async with ApiClient(big_pull, "tok") as c:
        reply = await c.pull({"directory": None})
    page = reply.scopes["directory"]
    assert page.complete and page.cursor == "v1.c" and len(page.changes) == n
    assert page.changes[-1]["data"]["name_en"].startswith(f"Company {n} ")
    assert reply.wire_bytes >= len(body)


@pytest.mark.parametrize("broken", ["cut", "bad change"])
async def test_large_malformed_pull_reply_is_protocol_error(big_pull: str, broken: str) -> None:
    changes = _changes(3000)
    if broken == "bad change":
        changes[-1] = {"entity": "company", "op": "explode", "id": 1}
    body = orjson.dumps({"scopes": {"directory": {"changes": changes, "cursor": "v1.c",
                                                  "complete": True}},
                         "server_time": "2026-01-01T00:00:00Z"})
    if broken == "cut":
        body = body[:-50]
    assert len(body) > THREAD_DECODE_BYTES
    _BigPull.body = body
    async with ApiClient(big_pull, "tok") as c:
        with pytest.raises(ProtocolError):
            await c.pull({"directory": None})
