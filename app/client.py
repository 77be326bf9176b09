"""The cloud fair API client (protocol v1, docs/protocol.md) on ``httpx.AsyncClient``.

Every endpoint of the protocol has one async method. Failures are reported as one of:

- ``NetworkError``: the request did not get a complete reply (connect failure, timeout,
  connection cut mid-body). Retry later.
- ``ProtocolError``: a reply arrived but it is not what the protocol promises (not JSON,
  wrong shape, undecodable compression). Not retried blindly; shown as an error.
- ``ApiError``: the server answered with a problem document (``status``, ``code``,
  ``detail``, the whole ``problem`` dict, ``retry_after`` when given). Subclasses:
  ``SignedOut`` (401 on an authenticated call: the token is no longer valid) and
  ``RateLimited`` (429).

All of them derive from ``ClientError``. Nothing else escapes the public methods.

The client counts the bytes it receives from the network (``bytes_received``: status
line, headers and the body as it came over the wire, i.e. compressed), including the
bytes of replies that were cut off, for the "bytes used" display and the poor-link
benchmark.
"""

from __future__ import annotations

import asyncio
import email.utils
import logging
import ssl
import threading
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from typing import Any, Literal, TypeVar

import httpx
import orjson

from app.netthread import NetworkThread

log = logging.getLogger(__name__)
T = TypeVar("T")

try:
    APP_VERSION = metadata.version("fairdesk")
except metadata.PackageNotFoundError:  # pragma: no cover - running from a bare checkout
    APP_VERSION = "0.1.0"

USER_AGENT = f"FairDesk/{APP_VERSION} (desktop; protocol 1)"
PROTOCOL_VERSION = 1
LONG_POLL_WAIT = 25
DEFAULT_TIMEOUT = httpx.Timeout(connect=5.0, read=40.0, write=30.0, pool=10.0)
# pull replies larger than this are decoded and checked on a worker thread, not on the
# GUI thread's event loop (a large reply stalled the window >100 ms there); orjson holds
# the interpreter lock while it decodes, the checks after it let the GUI thread in every
# switch interval. A small reply costs less than the hop to a thread.
THREAD_DECODE_BYTES = 128 * 1024
TIMING = "fairdesk.timing"  # Response.extensions: (seconds to the headers, seconds of the body)


# --------------------------------------------------------------------------- TLS

_ssl_lock = threading.Lock()
_verified_ssl: ssl.SSLContext | None = None


def verified_ssl_context() -> ssl.SSLContext:
    """The process's one certificate-verifying TLS context (what httpx builds by default
    with ``trust_env=False``: the certifi CA bundle, hostname checks), built on first use.

    Building it reads and parses the CA bundle (20-115 ms); every ``ApiClient`` for an
    https server shares it. ``prepare_ssl_context`` builds it on a worker thread.
    """
    global _verified_ssl
    with _ssl_lock:
        if _verified_ssl is None:
            _verified_ssl = httpx.create_ssl_context(verify=True, trust_env=False)
        return _verified_ssl


async def prepare_ssl_context(base_url: str) -> None:
    """Build the shared verifying TLS context on a worker thread when ``base_url`` is an
    https server (a plain http server, like the embedded demo, needs none), so that
    creating the ``ApiClient`` does not stall the event loop's thread."""
    if _verified_ssl is None and base_url.strip().lower().startswith("https:"):
        await asyncio.to_thread(verified_ssl_context)


def _ssl_context_for(base_url: str) -> ssl.SSLContext:
    """The TLS context for a client of ``base_url``: the shared verifying one for https.
    A plain http server gets a context that trusts no certificate at all (no CA loaded,
    verification and hostname checks on): the client only talks to its own base URL, so
    it is never used, and it fails closed if it ever were."""
    if not base_url.lower().startswith("http:"):
        return verified_ssl_context()
    return ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)  # CERT_REQUIRED, check_hostname: on


# --------------------------------------------------------------------------- errors


class ClientError(Exception):
    """Base of every error the API client raises."""


class NetworkError(ClientError):
    """No complete reply: connection refused/reset/cut, DNS, or a timeout."""

    def __init__(self, message: str, *, partial: bytes = b"", etag: str | None = None) -> None:
        super().__init__(message)
        self.partial = partial  # for image downloads: the bytes received before the cut
        self.etag = etag


class ProtocolError(ClientError):
    """The server's reply does not follow the protocol (malformed, truncated, wrong shape)."""


class ApiError(ClientError):
    """The server answered with an error (an RFC 9457 problem document)."""

    def __init__(
        self, status: int, problem: Mapping[str, Any], retry_after: float | None = None
    ) -> None:
        self.status = status
        self.problem: dict[str, Any] = dict(problem)
        code = problem.get("code")
        self.code: str = code if isinstance(code, str) and code else _status_code_name(status)
        detail = problem.get("detail") or problem.get("title") or ""
        self.detail: str = detail if isinstance(detail, str) else str(detail)
        self.retry_after = retry_after
        super().__init__(
            f"{status} {self.code}: {self.detail}" if self.detail else f"{status} {self.code}"
        )

    @property
    def transient(self) -> bool:
        """True for errors that a later retry may fix (5xx, 429, 408)."""
        return self.status >= 500 or self.status in (408, 429)


class SignedOut(ApiError):
    """401 on an authenticated request: the token was revoked or is unknown."""


class RateLimited(ApiError):
    """429: too many attempts; ``retry_after`` says when to try again (seconds)."""


def _status_code_name(status: int) -> str:
    return {
        400: "bad-request",
        401: "unauthenticated",
        403: "forbidden",
        404: "not-found",
        409: "conflict",
        413: "too-large",
        415: "unsupported-media-type",
        422: "invalid-value",
        429: "rate-limited",
        503: "unavailable",
    }.get(status, f"http-{status}")


# --------------------------------------------------------------------------- replies


@dataclass(slots=True)
class ScopePage:
    """One scope's part of a pull reply."""

    scope: str
    changes: list[dict[str, Any]] = field(default_factory=list)
    cursor: str | None = None
    complete: bool = False
    reset: bool = False
    error: dict[str, Any] | None = None  # {"status", "code", "title", ...}
    # product upserts in the compact format (docs/protocol.md §4, "product_format":
    # "rows"): one list of values per product, in ``product_columns`` order, with specs
    # and certifications as JSON text. Empty with the default format (they are changes).
    product_columns: tuple[str, ...] = ()
    product_rows: list[list[Any]] = field(default_factory=list)

    @property
    def item_count(self) -> int:
        """Changes plus product rows: the items this page applies."""
        return len(self.changes) + len(self.product_rows)


@dataclass(slots=True)
class PullReply:
    scopes: dict[str, ScopePage]
    server_time: str
    wire_bytes: int  # bytes of this reply on the wire
    body_seconds: float = 0.0  # time spent receiving the body (after the headers)


@dataclass(slots=True)
class PushReply:
    results: list[dict[str, Any]]
    last_seq: int
    server_time: str


@dataclass(slots=True)
class ImageReply:
    """An image download: ``not_modified`` (304, ``data`` empty) or the whole JPEG."""

    data: bytes
    etag: str | None
    not_modified: bool = False
    resumed: bool = False  # a 206 continued an earlier partial download


def parse_server_time(value: str | None) -> datetime | None:
    """Parse the protocol's ISO 8601 UTC time (``...Z``); None when absent or invalid."""
    if not value or not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


# --------------------------------------------------------------------------- client


class ApiClient:
    """Async client for one fair service. Use as ``async with ApiClient(url) as c:``."""

    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        *,
        timeout: httpx.Timeout | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        on_signed_out: Callable[[SignedOut], None] | None = None,
        network: NetworkThread | None = None,
    ) -> None:
        self.base_url = normalize_base_url(base_url)
        # with a network thread every exchange (send, read, decompress) runs on its loop
        # and the caller's loop (the GUI thread's) sees one callback per reply
        self._net = network
        self._token = token
        self.on_signed_out = on_signed_out
        self.bytes_received = 0
        self.bytes_sent = 0
        self.requests = 0
        # (seconds until the reply's headers, seconds receiving its body) of the last request
        self.last_timing: tuple[float, float] = (0.0, 0.0)
        self._http = httpx.AsyncClient(
            base_url=self.base_url,
            timeout=timeout or DEFAULT_TIMEOUT,
            transport=transport,
            headers={
                "User-Agent": USER_AGENT,
                "Accept-Encoding": "zstd, gzip",
                "Accept": "application/json",
            },
            limits=httpx.Limits(
                max_connections=8, max_keepalive_connections=4, keepalive_expiry=60
            ),
            follow_redirects=False,
            trust_env=False,
            # a prepared context: httpx would otherwise load the CA bundle here, on the
            # GUI thread, for every client (also for the embedded demo's plain http)
            verify=_ssl_context_for(self.base_url) if transport is None else True,
        )

    # -- lifecycle / auth

    @property
    def token(self) -> str | None:
        return self._token

    def set_token(self, token: str | None) -> None:
        self._token = token

    async def aclose(self) -> None:
        net = self._net
        if net is not None and net.closed:
            return  # its loop is gone and with it the connections
        await self._on_network(self._http.aclose)

    async def __aenter__(self) -> ApiClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    # -- core request

    async def _request(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        auth: bool = True,
        signout_on_401: bool = True,
        ok: tuple[int, ...] = (200,),
    ) -> httpx.Response:
        hdrs: dict[str, str] = dict(headers or {})
        if auth:
            if not self._token:
                err = SignedOut(401, {"code": "unauthenticated", "detail": "Not signed in."})
                self._signal_signed_out(err)
                raise err
            hdrs["Authorization"] = f"Bearer {self._token}"
        content: bytes | None = None
        if json is not None:
            content = orjson.dumps(json)
            hdrs["Content-Type"] = "application/json"
        request = self._http.build_request(
            method, path, content=content, params=_clean_params(params), headers=hdrs
        )
        self.requests += 1
        self.bytes_sent += len(content or b"") + 200
        response = await self._send(request)
        if response.status_code in ok:
            return response
        raise self._error_from(response, auth=auth and signout_on_401)

    async def _on_network(self, fn: Callable[..., Awaitable[T]], *args: Any) -> T:
        """``await fn(*args)``: on the network thread when the client has one."""
        net = self._net
        if net is None or net.in_thread():
            return await fn(*args)
        return await net.run(fn, *args)

    async def _send(self, request: httpx.Request) -> httpx.Response:
        """Send ``request`` and read its whole reply (closed; ``content`` is the body)."""
        return await self._on_network(self._exchange, request)

    async def _exchange(self, request: httpx.Request) -> httpx.Response:
        t0 = time.monotonic()
        try:
            response = await self._http.send(request, stream=True)
        except httpx.TimeoutException as exc:
            raise NetworkError(
                f"The server did not answer in time ({type(exc).__name__})."
            ) from exc
        except (httpx.TransportError, OSError) as exc:
            raise NetworkError(f"Cannot reach the server: {_describe(exc)}") from exc
        t1 = time.monotonic()
        try:
            await response.aread()
            timing = (t1 - t0, time.monotonic() - t1)
            self.last_timing = timing
            response.extensions[TIMING] = timing
        except httpx.DecodingError as exc:
            raise ProtocolError(f"The server's reply could not be decoded: {exc}") from exc
        except httpx.TimeoutException as exc:
            raise NetworkError("The server stopped sending in the middle of a reply.") from exc
        except (httpx.TransportError, OSError) as exc:
            raise NetworkError(f"The connection was lost during a reply: {_describe(exc)}") from exc
        finally:
            self.bytes_received += _wire_size(response)
            await response.aclose()
        return response

    def _error_from(self, response: httpx.Response, *, auth: bool) -> ApiError:
        status = response.status_code
        problem: dict[str, Any]
        try:
            body = orjson.loads(response.content) if response.content else {}
        except orjson.JSONDecodeError:
            body = {}
        problem = body if isinstance(body, dict) else {}
        problem.setdefault("status", status)
        if "detail" not in problem and "title" not in problem:
            problem["detail"] = response.reason_phrase or f"HTTP {status}"
        retry_after = _retry_after(response)
        if status == 401 and auth:
            err: ApiError = SignedOut(status, problem, retry_after)
            self._signal_signed_out(err)  # type: ignore[arg-type]
            return err
        if status == 429:
            return RateLimited(status, problem, retry_after)
        return ApiError(status, problem, retry_after)

    def _signal_signed_out(self, err: SignedOut) -> None:
        if self.on_signed_out is not None:
            try:
                self.on_signed_out(err)
            except Exception:  # a listener must never break the request path
                log.exception("on_signed_out listener failed")

    async def _json(self, method: str, path: str, **kw: Any) -> Any:
        response = await self._request(method, path, **kw)
        return _decode_json(response)

    # -- public endpoints

    async def healthz(self) -> bool:
        data = await self._json("GET", "/healthz", auth=False)
        return isinstance(data, dict) and data.get("ok") is True

    async def info(self) -> dict[str, Any]:
        """``GET /v1/info``: name, protocol, version, epoch, demo, server_time."""
        data = _expect_dict(await self._json("GET", "/v1/info", auth=False), "info")
        _expect_keys(data, "info", protocol=int, epoch=str)
        return data

    # -- accounts

    async def register(self, **fields: Any) -> dict[str, Any]:
        """``POST /v1/auth/register`` -> ``{"token", "user"}``; sets the token."""
        data = await self._json("POST", "/v1/auth/register", json=fields, auth=False, ok=(200, 201))
        return self._take_token(data)

    async def login(self, email: str, password: str) -> dict[str, Any]:
        """``POST /v1/auth/login`` -> ``{"token", "user"}``; sets the token.

        Wrong credentials raise ``ApiError`` (401, code ``unauthenticated``), not
        ``SignedOut``; too many attempts raise ``RateLimited``.
        """
        data = await self._json(
            "POST", "/v1/auth/login", json={"email": email, "password": password}, auth=False
        )
        return self._take_token(data)

    def _take_token(self, data: Any) -> dict[str, Any]:
        data = _expect_dict(data, "sign-in reply")
        _expect_keys(data, "sign-in reply", token=str, user=dict)
        self._token = data["token"]
        return data

    async def logout(self) -> None:
        """``POST /v1/auth/logout``: revoke the current token (then forget it)."""
        await self._request("POST", "/v1/auth/logout", ok=(200, 204), signout_on_401=False)
        self._token = None

    async def me(self) -> dict[str, Any]:
        data = _expect_dict(await self._json("GET", "/v1/me"), "user")
        _expect_keys(data, "user", id=int, role=str)
        return data

    # -- sync

    async def pull(
        self,
        scopes: Mapping[str, str | None],
        *,
        limit: int = 1000,
        wait: float = 0,
        product_rows: bool = False,
    ) -> PullReply:
        """``POST /v1/sync/pull``. ``scopes`` maps scope -> cursor (None = from start).

        ``product_rows``: ask for product upserts in the compact format (each page's
        ``product_rows``); a server that does not know it sends them as changes.
        """
        body: dict[str, Any] = {"scopes": dict(scopes), "limit": int(limit), "wait": int(wait)}
        if product_rows:
            body["product_format"] = "rows"
        response = await self._request("POST", "/v1/sync/pull", json=body)
        wire = _wire_size(response)  # this reply's, whatever else was received meanwhile
        if len(response.content) > THREAD_DECODE_BYTES:
            reply = await asyncio.to_thread(_decode_pull, response, wire)
        else:
            reply = _decode_pull(response, wire)
        reply.body_seconds = response.extensions.get(TIMING, self.last_timing)[1]
        return reply

    async def push(self, client_id: str, mutations: list[dict[str, Any]]) -> PushReply:
        """``POST /v1/sync/push`` with ``[{seq, type, args}, ...]`` (at most 500)."""
        data = _expect_dict(
            await self._json(
                "POST", "/v1/sync/push", json={"client_id": client_id, "mutations": mutations}
            ),
            "push reply",
        )
        _expect_keys(data, "push reply", results=list, last_seq=int)
        results = data["results"]
        for r in results:
            if (
                not isinstance(r, dict)
                or not isinstance(r.get("seq"), int)
                or r.get("status")
                not in (
                    "applied",
                    "rejected",
                )
            ):
                raise ProtocolError(f"Malformed push result from the server: {str(r)[:200]}")
        return PushReply(
            results=results, last_seq=data["last_seq"], server_time=str(data.get("server_time", ""))
        )

    # -- catalog reads

    async def sections(self) -> list[dict[str, Any]]:
        data = _expect_dict(await self._json("GET", "/v1/sections"), "sections")
        return _expect_list_of_dicts(data.get("items"), "sections")

    async def company(self, company_id: int) -> dict[str, Any]:
        return _expect_dict(await self._json("GET", f"/v1/companies/{int(company_id)}"), "company")

    async def product(self, product_id: int) -> dict[str, Any]:
        return _expect_dict(await self._json("GET", f"/v1/products/{int(product_id)}"), "product")

    async def search(
        self,
        q: str,
        *,
        section_id: int | None = None,
        category_id: int | None = None,
        price_min_cents: int | None = None,
        price_max_cents: int | None = None,
        moq_max: int | None = None,
        cert: str | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> dict[str, Any]:
        """``GET /v1/search`` -> ``{"total": int, "items": [product, ...]}``."""
        params = {
            "q": q,
            "section_id": section_id,
            "category_id": category_id,
            "price_min_cents": price_min_cents,
            "price_max_cents": price_max_cents,
            "moq_max": moq_max,
            "cert": cert,
            "limit": limit,
            "offset": offset,
        }
        data = _expect_dict(await self._json("GET", "/v1/search", params=params), "search")
        _expect_keys(data, "search", total=int)
        data["items"] = _expect_list_of_dicts(data.get("items"), "search")
        return data

    # -- images

    async def image(
        self,
        kind: Literal["product", "company"],
        entity_id: int,
        which: int | str,
        size: Literal["thumb", "full"] = "thumb",
        *,
        etag: str | None = None,
        partial: bytes = b"",
    ) -> ImageReply:
        """Download an image.

        ``which`` is the image number for products, ``"logo"``/``"banner"`` for companies.
        With ``etag`` and no ``partial``: a conditional GET (``not_modified`` on 304).
        With ``etag`` and ``partial`` (the bytes of an interrupted download of that
        ETag): resume with ``Range`` + ``If-Range``. A cut download raises
        ``NetworkError`` whose ``partial``/``etag`` allow resuming later.
        """
        if kind == "product":
            path = f"/v1/images/product/{int(entity_id)}/{int(which)}"
        elif kind == "company" and which in ("logo", "banner"):
            path = f"/v1/images/company/{int(entity_id)}/{which}"
        else:
            raise ValueError(f"unknown image {kind!r}/{which!r}")
        if size not in ("thumb", "full"):
            raise ValueError(f"unknown image size {size!r}")
        headers: dict[str, str] = {"Accept": "image/jpeg", "Authorization": ""}
        if not self._token:
            raise SignedOut(401, {"code": "unauthenticated", "detail": "Not signed in."})
        headers["Authorization"] = f"Bearer {self._token}"
        # Byte ranges only make sense on the identity encoding.
        headers["Accept-Encoding"] = "identity"
        if etag and partial:
            headers["Range"] = f"bytes={len(partial)}-"
            headers["If-Range"] = etag
        elif etag:
            headers["If-None-Match"] = etag
        request = self._http.build_request("GET", path, params={"size": size}, headers=headers)
        self.requests += 1
        response, chunks, new_etag = await self._on_network(
            self._image_exchange, request, etag, partial)
        status = response.status_code
        if status == 304:
            return ImageReply(b"", etag=new_etag, not_modified=True)
        if status == 200:
            return ImageReply(b"".join(chunks), etag=new_etag)
        if status == 206:
            start = _content_range_start(response.headers.get("Content-Range"))
            if start != len(partial):
                raise ProtocolError("The server resumed the image at the wrong offset.")
            return ImageReply(partial + b"".join(chunks), etag=new_etag, resumed=True)
        raise self._error_from(response, auth=True)

    async def _image_exchange(
        self, request: httpx.Request, etag: str | None, partial: bytes
    ) -> tuple[httpx.Response, list[bytes], str | None]:
        """Send an image request and read its body (on the network thread, if any)."""
        chunks: list[bytes] = []
        try:
            response = await self._http.send(request, stream=True)
        except httpx.TimeoutException as exc:
            raise NetworkError(
                "The server did not answer in time.", partial=partial, etag=etag
            ) from exc
        except (httpx.TransportError, OSError) as exc:
            raise NetworkError(
                f"Cannot reach the server: {_describe(exc)}", partial=partial, etag=etag
            ) from exc
        new_etag = response.headers.get("ETag") or etag
        try:
            if response.status_code in (200, 206):
                try:
                    async for chunk in response.aiter_raw():
                        chunks.append(chunk)
                except (httpx.TransportError, OSError) as exc:
                    got = b"".join(chunks)
                    if response.status_code == 206:
                        got = partial + got
                    raise NetworkError(
                        f"The image download was interrupted: {_describe(exc)}",
                        partial=got,
                        etag=new_etag,
                    ) from exc
            else:
                try:
                    await response.aread()
                except (httpx.TransportError, OSError, httpx.DecodingError) as exc:
                    raise NetworkError(f"The connection was lost: {_describe(exc)}") from exc
        finally:
            self.bytes_received += _wire_size(response)
            await response.aclose()
        return response, chunks, new_etag


# --------------------------------------------------------------------------- helpers


def normalize_base_url(url: str) -> str:
    """Validate and normalise a server URL (http/https, no query); raise ValueError."""
    text = (url or "").strip()
    if not text:
        raise ValueError("The server address is empty.")
    if "://" not in text:
        text = "http://" + text
    try:
        parsed = httpx.URL(text)
    except Exception as exc:  # httpx.InvalidURL and friends
        raise ValueError(f"Not a valid server address: {url!r}") from exc
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise ValueError(f"Not a valid server address (use http:// or https://): {url!r}")
    if parsed.query or parsed.fragment:
        raise ValueError(f"A server address has no query or fragment: {url!r}")
    return str(parsed).rstrip("/")


def _clean_params(params: Mapping[str, Any] | None) -> dict[str, Any] | None:
    if params is None:
        return None
    return {k: v for k, v in params.items() if v is not None}


def _describe(exc: BaseException) -> str:
    text = str(exc)
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _wire_size(response: httpx.Response) -> int:
    head = 15 + len(response.reason_phrase or "")
    for name, value in response.headers.raw:
        head += len(name) + len(value) + 4
    return head + response.num_bytes_downloaded


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After")
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
        now_text = response.headers.get("Date")
        now = email.utils.parsedate_to_datetime(now_text) if now_text else datetime.now(UTC)
        return max(0.0, (when - now).total_seconds())
    except (TypeError, ValueError, IndexError):
        return None


def _content_range_start(value: str | None) -> int | None:
    # "bytes 100-199/200"
    if not value or not value.startswith("bytes "):
        return None
    try:
        return int(value[6:].split("-", 1)[0])
    except ValueError:
        return None


def _decode_json(response: httpx.Response) -> Any:
    ctype = response.headers.get("Content-Type", "")
    if "json" not in ctype:
        raise ProtocolError(
            f"Expected JSON from {response.request.url.path}, got {ctype or 'no content type'!r}."
        )
    try:
        return orjson.loads(response.content)
    except orjson.JSONDecodeError as exc:
        raise ProtocolError(
            f"The server sent malformed JSON for {response.request.url.path}: {exc}"
        ) from exc


def _expect_dict(data: Any, what: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise ProtocolError(f"Malformed {what} from the server: expected an object.")
    return data


def _expect_keys(data: dict[str, Any], what: str, **types: type) -> None:
    for key, typ in types.items():
        value = data.get(key)
        if not isinstance(value, typ) or (typ is int and isinstance(value, bool)):
            raise ProtocolError(
                f"Malformed {what} from the server: {key!r} missing or not {typ.__name__}."
            )


def _expect_list_of_dicts(data: Any, what: str) -> list[dict[str, Any]]:
    if not isinstance(data, list) or not all(isinstance(x, dict) for x in data):
        raise ProtocolError(f"Malformed {what} from the server: expected a list of objects.")
    return data


_OPS = frozenset(("upsert", "delete"))


def _decode_pull(response: httpx.Response, wire_bytes: int) -> PullReply:
    return _parse_pull(_decode_json(response), wire_bytes=wire_bytes)


def _parse_pull(data: Any, *, wire_bytes: int) -> PullReply:
    data = _expect_dict(data, "pull reply")
    scopes = data.get("scopes")
    if not isinstance(scopes, dict):
        raise ProtocolError("Malformed pull reply from the server: 'scopes' missing.")
    out: dict[str, ScopePage] = {}
    for name, part in scopes.items():
        if not isinstance(part, dict):
            raise ProtocolError(f"Malformed pull reply for scope {name!r}.")
        if part.get("reset") is True:
            out[name] = ScopePage(name, reset=True)
            continue
        if "error" in part:
            err = part["error"]
            if not isinstance(err, dict):
                err = {"code": "error", "detail": str(err)}
            out[name] = ScopePage(name, error=err)
            continue
        changes = part.get("changes")
        cursor = part.get("cursor")
        complete = part.get("complete")
        if (
            not isinstance(changes, list)
            or not isinstance(cursor, str)
            or not isinstance(complete, bool)
        ):
            raise ProtocolError(
                f"Malformed pull reply for scope {name!r}: changes/cursor/complete."
            )
        for ch in changes:
            if type(ch) is not dict:
                raise ProtocolError(f"Malformed change in scope {name!r}: not an object.")
            op = ch.get("op")
            ident = ch.get("id")
            if (
                op not in _OPS
                or not isinstance(ch.get("entity"), str)
                or not (type(ident) is int or type(ident) is str)
                or (op == "upsert" and type(ch.get("data")) is not dict)
            ):
                raise ProtocolError(f"Malformed change in scope {name!r}: {str(ch)[:200]}")
        page = ScopePage(name, changes=changes, cursor=cursor, complete=complete)
        products = part.get("products")
        if products is not None:
            page.product_columns, page.product_rows = _parse_product_rows(name, products)
        out[name] = page
    server_time = data.get("server_time")
    return PullReply(
        scopes=out,
        server_time=server_time if isinstance(server_time, str) else "",
        wire_bytes=wire_bytes,
    )


def _parse_product_rows(scope: str, part: Any) -> tuple[tuple[str, ...], list[list[Any]]]:
    """A scope's ``products`` part: ``{"columns": [str], "rows": [[value, ...]]}``.

    Only the shape is checked here (every row a list as long as ``columns``); the values
    are checked where they are stored (``offline_cache.syncstate``).
    """
    if not isinstance(part, dict):
        raise ProtocolError(f"Malformed products in scope {scope!r}: not an object.")
    columns = part.get("columns")
    rows = part.get("rows")
    if (
        not isinstance(columns, list)
        or not all(type(c) is str for c in columns)
        or len(set(columns)) != len(columns)
        or "id" not in columns
        or not isinstance(rows, list)
    ):
        raise ProtocolError(f"Malformed products in scope {scope!r}: columns/rows.")
    width = len(columns)
    for row in rows:
        if type(row) is not list or len(row) != width:
            raise ProtocolError(f"Malformed product row in scope {scope!r}: {str(row)[:200]}")
    return tuple(columns), rows
