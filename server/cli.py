"""``fairdesk-server``: run the cloud fair service, or maintain its database.

    fairdesk-server [--db PATH] [--host H] [--port P] [--demo] [--demo-size SIZE]
                    [--port-file PATH] [--log-level LEVEL]
    fairdesk-server purge-tombstones [--db PATH] (--before-seq N | --keep-last N)
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import socket
import sys
from pathlib import Path
from typing import Any

import platformdirs
import sqlalchemy as sa
import uvicorn

from server import db
from server.api import create_app
from server.state import ServerState, Settings

log = logging.getLogger("server")


def default_db_path() -> Path:
    return Path(platformdirs.user_data_dir("fairdesk-server", appauthor=False)) / "fair.db"


def bind_socket(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # proto=IPPROTO_TCP matters: asyncio only sets TCP_NODELAY on accepted sockets whose
    # proto is TCP; without it small replies wait ~40 ms for delayed ACKs (Nagle).
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    if os.name != "nt":
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.set_inheritable(True)
    return sock


def write_port_file(path: Path, port: int) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(f"{port}\n")
    os.replace(tmp, path)


def uvicorn_config(app: Any, log_level: str, embedded: bool = False) -> uvicorn.Config:
    return uvicorn.Config(
        app,
        log_level=log_level,
        lifespan="off",
        access_log=log_level == "debug",
        timeout_keep_alive=30,
        timeout_graceful_shutdown=5,
        log_config=None if embedded else uvicorn.config.LOGGING_CONFIG,
        server_header=False,
    )


class FairServer(uvicorn.Server):
    """uvicorn's server that, when shutting down, first answers the waiting long-polls
    (instead of holding the shutdown until their wait runs out)."""

    def __init__(self, config: uvicorn.Config, state: ServerState) -> None:
        super().__init__(config)
        self.fair_state = state

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        self.fair_state.notifier.close()
        await super().shutdown(sockets)


async def _serve(server: uvicorn.Server, sock: socket.socket, port_file: Path | None) -> None:
    task = asyncio.create_task(server.serve(sockets=[sock]))
    while not server.started and not task.done():
        await asyncio.sleep(0.01)
    if server.started and port_file is not None:
        write_port_file(port_file, sock.getsockname()[1])
    await task


def _progress_printer() -> Any:
    last = [-1]

    def progress(stage: str, frac: float) -> None:
        pct = int(frac * 100)
        if pct // 10 != last[0] // 10 or frac >= 1.0:
            last[0] = pct
            print(f"  {stage}: {pct}%", file=sys.stderr, flush=True)

    return progress


def print_accounts(accounts: list[dict[str, Any]], url: str) -> None:
    print(f"FairDesk demo fair: {url}", flush=True)
    print("Demo accounts (email / password / role):")
    for a in accounts:
        extra = f"  (company {a['company_id']})" if a.get("company_id") else ""
        print(f"  {a['email']}  /  {a['password']}  /  {a['role']}{extra}")
    codes = {a["company_id"]: a["join_code"] for a in accounts if a.get("join_code")}
    for company_id, code in sorted(codes.items()):
        print(f"Join code of demo company {company_id} (register more exhibitor staff with it): {code}")
    sys.stdout.flush()


def serve(args: argparse.Namespace) -> int:
    db_path = Path(args.db).expanduser() if args.db else default_db_path()
    accounts: list[dict[str, Any]] = []
    if args.demo:
        from server.demo_loader import ensure_demo

        engine = db.open_db(db_path)
        try:
            engine, accounts = ensure_demo(engine, db_path, args.demo_size, _progress_printer())
        finally:
            engine.dispose()
    state = ServerState.open(Settings(db=db_path, log_level=args.log_level))
    app = create_app(state=state)
    try:
        sock = bind_socket(args.host, args.port)
    except OSError as e:
        print(f"fairdesk-server: cannot listen on {args.host}:{args.port}: {e}", file=sys.stderr)
        return 2
    port = sock.getsockname()[1]
    host = f"[{args.host}]" if ":" in args.host else args.host
    url = f"http://{host}:{port}"
    if accounts:
        print_accounts(accounts, url)
    else:
        print(f"FairDesk cloud fair service: {url} (database {db_path})", flush=True)
    server = FairServer(uvicorn_config(app, args.log_level), state)
    bots = None
    if args.demo:  # demo exhibitors accept card requests and answer chats
        from server.demo_bots import DemoBots

        bots = DemoBots(state).start()
    try:
        asyncio.run(_serve(server, sock, Path(args.port_file) if args.port_file else None))
    finally:
        if bots is not None:
            bots.stop()
    return 0


def purge(args: argparse.Namespace) -> int:
    db_path = Path(args.db).expanduser() if args.db else default_db_path()
    if not db_path.exists():
        print(f"fairdesk-server: no database at {db_path}", file=sys.stderr)
        return 2
    engine = db.open_db(db_path)
    try:
        before = args.before_seq
        if before is None:
            with db.read_tx(engine) as conn:
                before = max(0, db.current_seq(conn) - args.keep_last + 1)
        purged = db.purge_tombstones(engine, before)
    finally:
        engine.dispose()
    total = sum(purged.values())
    print(f"purged {total} tombstones below seq {before} in {len(purged)} scopes")
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="fairdesk-server",
        description="The FairDesk cloud fair service.",
        epilog="Maintenance: fairdesk-server purge-tombstones --help",
    )
    p.add_argument("--db", help=f"SQLite database file (default: {default_db_path()})")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8765, help="0 picks a free port")
    p.add_argument("--demo", action="store_true", help="fill an empty database with the demo fair")
    p.add_argument("--demo-size", choices=["small", "medium", "large"], default="medium")
    p.add_argument("--port-file", help="write the bound port to this file once accepting")
    p.add_argument("--log-level", default="info",
                   choices=["critical", "error", "warning", "info", "debug", "trace"])
    return p


def build_purge_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="fairdesk-server purge-tombstones",
        description="Delete old tombstones; cursors older than them will answer 'reset'.",
    )
    p.add_argument("--db", help=f"SQLite database file (default: {default_db_path()})")
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--before-seq", type=int, help="purge tombstones with seq below N")
    g.add_argument("--keep-last", type=int, help="keep the tombstones of the last N changes")
    return p


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "purge-tombstones":
        args = build_purge_parser().parse_args(argv[1:])
        logging.basicConfig(level=logging.INFO)
        return purge(args)
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=getattr(logging, args.log_level.upper(), logging.INFO) if args.log_level != "trace" else 5,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        return serve(args)
    except KeyboardInterrupt:
        return 0
    except (sa.exc.DatabaseError, RuntimeError) as e:
        print(f"fairdesk-server: cannot use the database: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
