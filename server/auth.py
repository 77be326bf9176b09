"""Accounts: argon2 password hashing, opaque bearer tokens (stored hashed), sign-in rate
limit, and the /v1/auth/* and /v1/me routes."""

from __future__ import annotations

import hashlib
import math
import re
import secrets
import time
from dataclasses import dataclass
from typing import Annotated, Any, Literal

import orjson
import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from fastapi import APIRouter, Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field
from sqlalchemy.engine import Connection
from starlette.responses import Response

from server import db
from server.problems import ProblemError
from server.state import ServerState, get_state, json_response, run_sync

# OWASP's recommended argon2id minimum (19 MiB, 2 passes): strong, and quick enough
# for a sign-in on an older machine.
hasher = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)
_DUMMY_HASH = hasher.hash("not a real password, used to equalize timing")

RATE_WINDOW_S = 300.0
MAX_FAILS_PER_EMAIL = 5
MAX_FAILS_PER_ADDR = 20

EMAIL_RE = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]+$")
COUNTRY_RE = re.compile(r"^[A-Z]{2}$")

bearer = HTTPBearer(auto_error=False, description="Opaque token from /v1/auth/login")
Creds = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]


@dataclass(frozen=True)
class User:
    id: int
    email: str
    display_name: str
    role: str
    company_id: int | None
    created_at: str

    def to_wire(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "email": self.email,
            "display_name": self.display_name,
            "role": self.role,
            "company_id": self.company_id,
            "created_at": self.created_at,
        }


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)


def hash_password(password: str) -> str:
    return hasher.hash(password)


_USER_COLS = (
    db.users.c.id,
    db.users.c.email,
    db.users.c.display_name,
    db.users.c.role,
    db.users.c.company_id,
    db.users.c.created_at,
)


def _user(row: Any) -> User:
    return User(
        id=int(row.id),
        email=row.email,
        display_name=row.display_name,
        role=row.role,
        company_id=row.company_id,
        created_at=row.created_at,
    )


def authenticate(conn: Connection, token: str | None) -> User | None:
    if not token:
        return None
    row = conn.execute(
        sa.select(*_USER_COLS)
        .select_from(db.tokens.join(db.users, db.users.c.id == db.tokens.c.user_id))
        .where(
            db.tokens.c.token_hash == hash_token(token),
            db.tokens.c.revoked_at.is_(None),
            db.users.c.disabled.is_(False),
        )
    ).first()
    return _user(row) if row is not None else None


def require_user(conn: Connection, token: str | None) -> User:
    user = authenticate(conn, token)
    if user is None:
        raise ProblemError(
            401,
            "unauthenticated",
            "Sign in first." if not token else "The token is unknown or was revoked.",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return user


def token_of(creds: HTTPAuthorizationCredentials | None) -> str | None:
    return creds.credentials if creds is not None else None


# ------------------------------------------------------------------- validation

def check_email(email: str) -> str:
    e = email.strip().lower()
    if len(e) > 254 or not EMAIL_RE.match(e):
        raise ProblemError(422, "invalid-value", "email is not a valid address",
                           errors=[{"loc": ["body", "email"], "msg": "not a valid email address"}])
    return e


def _invalid(field: str, msg: str) -> ProblemError:
    return ProblemError(422, "invalid-value", f"{field}: {msg}",
                        errors=[{"loc": ["body", field], "msg": msg}])


def check_profile_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """Validate/normalize buyer profile fields; raises ProblemError 422."""
    out: dict[str, Any] = {}
    for k, v in fields.items():
        if v is None:
            continue
        if k == "display_name":
            if not isinstance(v, str) or not v.strip() or len(v) > 100:
                raise _invalid(k, "must be 1 to 100 characters")
            out[k] = v.strip()
        elif k in ("company", "annual_volume"):
            if not isinstance(v, str) or len(v) > 200:
                raise _invalid(k, "must be a string of at most 200 characters")
            out[k] = v.strip()
        elif k == "country":
            if not isinstance(v, str) or not (v == "" or COUNTRY_RE.match(v)):
                raise _invalid(k, "country must be an ISO 3166 alpha-2 code")
            out[k] = v
        elif k == "interests":
            if (
                not isinstance(v, list)
                or len(v) > 50
                or not all(isinstance(x, str) and 0 < len(x) <= 100 for x in v)
            ):
                raise _invalid(k, "must be a list of at most 50 strings (1-100 characters)")
            out[k] = orjson.dumps(v).decode()
        else:
            raise _invalid(k, "unknown field")
    return out


# ------------------------------------------------------------------- operations

def register(state: ServerState, body: RegisterIn) -> dict[str, Any]:
    email = check_email(body.email)
    if len(body.password) < 8:
        raise _invalid("password", "must be at least 8 characters")
    if len(body.password) > 1024:
        raise _invalid("password", "must be at most 1024 characters")
    profile = check_profile_fields(
        {
            "display_name": body.display_name,
            "company": body.company,
            "country": body.country,
            "interests": body.interests,
            "annual_volume": body.annual_volume,
        }
    )
    pw_hash = hash_password(body.password)
    token = new_token()
    now = db.now_iso()
    with db.write_tx(state.engine) as conn:
        company_id: int | None = None
        if body.role == "exhibitor":
            if not body.join_code:
                raise _invalid("join_code", "exhibitor staff register with their company's join code")
            company_id = conn.execute(
                sa.select(db.companies.c.id).where(db.companies.c.join_code == body.join_code)
            ).scalar()
            if company_id is None:
                raise _invalid("join_code", "unknown join code")
        exists = conn.execute(sa.select(db.users.c.id).where(db.users.c.email == email)).scalar()
        if exists is not None:
            raise ProblemError(409, "email-taken", "An account with this email exists.")
        seq = db.next_seq(conn)
        uid = conn.execute(
            db.users.insert().values(
                email=email,
                password_hash=pw_hash,
                role=body.role,
                company_id=company_id,
                created_at=now,
                version=1,
                seq=seq,
                disabled=False,
                **{"company": "", "country": "", "interests": "[]", "annual_volume": "", **profile},
            ).returning(db.users.c.id)
        ).scalar_one()
        conn.execute(db.tokens.insert().values(token_hash=hash_token(token), user_id=uid, created_at=now))
        row = conn.execute(sa.select(*_USER_COLS).where(db.users.c.id == uid)).one()
    touched = {f"me:{uid}"}
    if company_id is not None:
        touched.add(f"company:{company_id}")
    state.notifier.notify(touched)
    return {"token": token, "user": _user(row).to_wire()}


def login(state: ServerState, email: str, password: str, addr: str) -> dict[str, Any]:
    email = email.strip().lower()
    now = time.time()
    since = now - RATE_WINDOW_S
    f = db.login_failures
    with db.write_tx(state.engine) as conn:
        conn.execute(sa.delete(f).where(f.c.at < since))
        by_email = conn.execute(
            sa.select(f.c.at).where(f.c.email == email, f.c.at >= since).order_by(f.c.at.desc())
        ).scalars().all()
        by_addr = conn.execute(
            sa.select(f.c.at).where(f.c.addr == addr, f.c.at >= since).order_by(f.c.at.desc())
        ).scalars().all()
        retry_after = 0.0
        if len(by_email) >= MAX_FAILS_PER_EMAIL:
            retry_after = max(retry_after, by_email[MAX_FAILS_PER_EMAIL - 1] + RATE_WINDOW_S - now)
        if len(by_addr) >= MAX_FAILS_PER_ADDR:
            retry_after = max(retry_after, by_addr[MAX_FAILS_PER_ADDR - 1] + RATE_WINDOW_S - now)
        if retry_after > 0:
            secs = max(1, math.ceil(retry_after))
            raise ProblemError(
                429,
                "rate-limited",
                f"Too many failed sign-in attempts; try again in {secs} s.",
                headers={"Retry-After": str(secs)},
                retry_after=secs,
            )
        row = conn.execute(
            sa.select(*_USER_COLS, db.users.c.password_hash).where(
                db.users.c.email == email, db.users.c.disabled.is_(False)
            )
        ).first()
    ok = False
    try:
        ok = hasher.verify(row.password_hash if row is not None else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        ok = False
    if row is None or not ok:
        with db.write_tx(state.engine) as conn:
            conn.execute(f.insert().values(email=email, addr=addr, at=time.time()))
        raise ProblemError(401, "unauthenticated", "Wrong email or password.",
                           headers={"WWW-Authenticate": "Bearer"})
    token = new_token()
    with db.write_tx(state.engine) as conn:
        conn.execute(sa.delete(f).where(f.c.email == email))
        conn.execute(
            db.tokens.insert().values(token_hash=hash_token(token), user_id=row.id, created_at=db.now_iso())
        )
        if hasher.check_needs_rehash(row.password_hash):
            conn.execute(
                sa.update(db.users).where(db.users.c.id == row.id).values(password_hash=hasher.hash(password))
            )
    return {"token": token, "user": _user(row).to_wire()}


def logout(state: ServerState, token: str | None) -> None:
    with db.write_tx(state.engine) as conn:
        require_user(conn, token)
        conn.execute(
            sa.update(db.tokens)
            .where(db.tokens.c.token_hash == hash_token(token or ""))
            .values(revoked_at=db.now_iso())
        )


def me(state: ServerState, token: str | None) -> dict[str, Any]:
    """The signed-in user; exhibitor staff also get their company's ``join_code`` (what a
    colleague registers with)."""
    with db.read_tx(state.engine) as conn:
        user = require_user(conn, token)
        out = user.to_wire()
        if user.role == "exhibitor" and user.company_id is not None:
            out["join_code"] = conn.execute(
                sa.select(db.companies.c.join_code).where(db.companies.c.id == user.company_id)
            ).scalar_one_or_none()
        return out


# ------------------------------------------------------------------------ routes

class RegisterIn(BaseModel):
    email: str = Field(max_length=320)
    password: str = Field(max_length=4096)
    display_name: str = Field(max_length=1000)
    role: Literal["buyer", "exhibitor"]
    company: str | None = None
    country: str | None = None
    interests: list[str] | None = None
    annual_volume: str | None = None
    join_code: str | None = Field(default=None, max_length=200)


class LoginIn(BaseModel):
    email: str = Field(max_length=320)
    password: str = Field(max_length=4096)


class UserOut(BaseModel):
    id: int
    email: str
    display_name: str
    role: Literal["buyer", "exhibitor"]
    company_id: int | None
    created_at: str


class MeOut(UserOut):
    join_code: str | None = None  # exhibitor staff: their company's staff join code


class AuthOut(BaseModel):
    token: str
    user: UserOut


router = APIRouter()


@router.post("/v1/auth/register", status_code=201, response_model=AuthOut, tags=["accounts"])
async def register_route(body: RegisterIn, request: Request) -> Response:
    state = get_state(request)
    return json_response(await run_sync(register, state, body), status=201)


@router.post("/v1/auth/login", response_model=AuthOut, tags=["accounts"])
async def login_route(body: LoginIn, request: Request) -> Response:
    state = get_state(request)
    addr = request.client.host if request.client else "?"
    return json_response(await run_sync(login, state, body.email, body.password, addr))


@router.post("/v1/auth/logout", status_code=204, tags=["accounts"])
async def logout_route(
    request: Request, creds: Creds
) -> Response:
    await run_sync(logout, get_state(request), token_of(creds))
    return Response(status_code=204)


@router.get("/v1/me", response_model=MeOut, tags=["accounts"])
async def me_route(
    request: Request, creds: Creds
) -> Response:
    return json_response(await run_sync(me, get_state(request), token_of(creds)))
