"""Headless sync: ``fairdesk sync [--server URL] [--profile NAME] [--follow SECTION ...]``.

Syncs the profile's cache once (push the outbox, pull every tracked scope until
complete) with a progress bar on stderr (plain lines when stderr is not a terminal) and
exits 0 when fully synced. Sign-in: ``--email E --password-stdin`` (the password is the
first line of stdin), else the token saved in the keyring for that profile and server.

Exit codes: 0 synced; 1 sync failed (network, server error); 2 bad usage or input;
3 not signed in / sign-in refused.

``python -m app.cli sync ...`` works too; ``ui.main`` dispatches ``fairdesk sync`` here
without importing Qt.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
import time
from typing import TextIO

from app.client import ApiError, ClientError, NetworkError, RateLimited, SignedOut
from app.events import Event, Progress, PushResult, ScopeProblem, StateChanged
from app.profiles import DEFAULT_PROFILE, ProfileError, validate_profile_name
from app.session import AppSession

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_AUTH = 3


def _section_id(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a section id: {text!r}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"not a section id: {text!r}")
    return value


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="fairdesk sync",
        description="Sync a FairDesk profile's offline cache once and exit (0 = fully synced).",
    )
    p.add_argument("--server", help="server URL (default: the profile's saved server)")
    p.add_argument("--profile", default=DEFAULT_PROFILE, help="profile name (default: %(default)s)")
    p.add_argument(
        "--follow",
        metavar="SECTION",
        type=_section_id,
        nargs="+",
        action="extend",
        default=[],
        help="section id(s) to follow (download) before syncing",
    )
    p.add_argument(
        "--unfollow", metavar="SECTION", type=int, nargs="+", action="extend", default=[]
    )
    p.add_argument("--email", help="sign in with this email (with --password-stdin)")
    p.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    p.add_argument(
        "--attempts",
        type=int,
        default=8,
        help="attempts on network failures before giving up (default: %(default)s)",
    )
    p.add_argument("--quiet", action="store_true", help="no progress output")
    p.add_argument("--verbose", action="store_true", help="log details to stderr")
    return p


class ProgressPrinter:
    """Progress on a terminal (one rewritten line) or as plain lines."""

    def __init__(self, stream: TextIO, *, quiet: bool = False) -> None:
        self.stream = stream
        self.quiet = quiet
        self.tty = bool(getattr(stream, "isatty", lambda: False)())
        self._last_line = 0.0
        self._width = 0

    def __call__(self, event: Event) -> None:
        if self.quiet:
            return
        if isinstance(event, Progress):
            self._progress(event)
        elif isinstance(event, PushResult):
            self._line(
                f"sent {event.applied} change(s)"
                + (f", {event.rejected} rejected" if event.rejected else "")
            )
            for seq, code, reason in event.rejections[:20]:
                self._line(f"  change #{seq} rejected ({code}): {reason}")
        elif isinstance(event, ScopeProblem):
            self._line(
                f"{event.scope}: {event.code}: {event.detail}"
                + (" (no longer followed)" if event.untracked else "")
            )
        elif (
            isinstance(event, StateChanged)
            and event.message
            and event.state.value in ("offline", "error")
        ):
            self._line(f"{event.state.value}: {event.message}")

    def _progress(self, ev: Progress) -> None:
        mb = ev.bytes_received / 1e6
        if ev.expected:
            frac = min(1.0, ev.done / ev.expected) if not ev.complete else 1.0
            eta = f" ETA {ev.eta:.0f}s" if ev.eta is not None and not ev.complete else ""
            detail = f"{ev.done}/{ev.expected}{eta}"
        else:
            frac = 1.0 if ev.complete else 0.0
            detail = f"{ev.done}"
        text = f"{ev.scope:<14} {detail} items  {mb:.1f} MB  {ev.rate:,.0f} items/s"
        if self.tty:
            bar_len = 24
            filled = int(frac * bar_len)
            line = f"\r[{'#' * filled}{'-' * (bar_len - filled)}] {text}"
            pad = max(0, self._width - len(line))
            self.stream.write(line + " " * pad)
            self._width = len(line)
            if ev.complete:
                self.stream.write("\n")
                self._width = 0
            self.stream.flush()
        else:
            now = time.monotonic()
            if ev.complete or now - self._last_line >= 2.0:
                self._last_line = now
                self._line(text + (" (done)" if ev.complete else ""))

    def _line(self, text: str) -> None:
        if self.quiet:
            return
        if self.tty and self._width:
            self.stream.write("\n")
            self._width = 0
        self.stream.write(text + "\n")
        self.stream.flush()


async def run_sync(args: argparse.Namespace, stdin: TextIO, err: TextIO) -> int:
    try:
        session = AppSession(args.profile, args.server)
    except ValueError as exc:
        err.write(f"fairdesk sync: {exc}\n")
        return EXIT_USAGE
    printer = ProgressPrinter(err, quiet=args.quiet)
    try:
        await session.open()
    except Exception as exc:
        err.write(f"fairdesk sync: cannot open the cache in {session.dir}: {exc}\n")
        return EXIT_FAILED
    try:
        engine = session.engine
        engine.add_listener(printer)
        if args.email:
            password = stdin.readline().rstrip("\r\n")
            if not password:
                err.write("fairdesk sync: no password on stdin\n")
                return EXIT_USAGE
            try:
                await session.sign_in(args.email, password, start=False)
            except RateLimited as exc:
                wait = f" Try again in {exc.retry_after:.0f} s." if exc.retry_after else ""
                err.write(f"fairdesk sync: too many sign-in attempts.{wait}\n")
                return EXIT_AUTH
            except ApiError as exc:
                if exc.status == 401:
                    err.write("fairdesk sync: wrong email or password\n")
                    return EXIT_AUTH
                err.write(f"fairdesk sync: sign-in failed: {exc}\n")
                return EXIT_FAILED
            except ClientError as exc:
                err.write(f"fairdesk sync: cannot sign in: {exc}\n")
                return EXIT_FAILED
            if not session.credentials.persistent and not args.quiet:
                err.write(f"note: {session.credentials.message}\n")
        elif not await session.restore(start=False):
            err.write(
                "fairdesk sync: not signed in on this profile; use --email EMAIL --password-stdin\n"
            )
            return EXIT_AUTH
        for sid in args.follow:
            await session.follow(sid)
        for sid in args.unfollow:
            await session.unfollow(sid)
        problems: list[str] = []
        engine.add_listener(
            lambda ev: (
                problems.append(f"{ev.scope}: {ev.detail}")
                if isinstance(ev, ScopeProblem)
                else None
            )
        )
        try:
            summary = await engine.sync_once(attempts=max(1, args.attempts))
        except SignedOut:
            err.write("fairdesk sync: the server signed this profile out; sign in again\n")
            return EXIT_AUTH
        except NetworkError as exc:
            err.write(f"fairdesk sync: offline: {exc}\n")
            return EXIT_FAILED
        except ClientError as exc:
            err.write(f"fairdesk sync: sync failed: {exc}\n")
            return EXIT_FAILED
        stats = engine.stats
        if not args.quiet:
            err.write(
                f"synced: {summary.pulled} item(s) received, {summary.pushed} change(s) sent"
                f"{f', {summary.rejected} rejected' if summary.rejected else ''}, "
                f"{session.client.bytes_received / 1e6:.2f} MB received"
                f"{f', {stats.wasted_bytes / 1e6:.2f} MB re-fetched' if stats.wasted_bytes else ''}\n"
            )
        all_problems = summary.problems + [p for p in problems if p not in summary.problems]
        if all_problems:
            for p in all_problems:
                err.write(f"fairdesk sync: problem: {p}\n")
            return EXIT_FAILED
        if summary.pending:
            err.write(f"fairdesk sync: {summary.pending} change(s) still waiting to be sent\n")
            return EXIT_FAILED
        return EXIT_OK
    finally:
        await session.close()


def main(argv: list[str] | None = None) -> int:
    """Entry point for ``fairdesk sync`` (``argv`` may start with ``"sync"``)."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list and args_list[0] == "sync":
        args_list = args_list[1:]
    parser = build_parser()
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exc:  # argparse exits on --help and bad usage
        return int(exc.code) if isinstance(exc.code, int) else EXIT_USAGE
    try:
        validate_profile_name(args.profile)
    except ProfileError as exc:
        sys.stderr.write(f"fairdesk sync: {exc}\n")
        return EXIT_USAGE
    if args.password_stdin and not args.email:
        sys.stderr.write("fairdesk sync: --password-stdin needs --email\n")
        return EXIT_USAGE
    if args.email and not args.password_stdin:
        sys.stderr.write(
            "fairdesk sync: --email needs --password-stdin (never pass passwords as arguments)\n"
        )
        return EXIT_USAGE
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    if not args.verbose:
        logging.getLogger("httpx").setLevel(logging.WARNING)
    try:
        return asyncio.run(run_sync(args, sys.stdin, sys.stderr))
    except KeyboardInterrupt:
        sys.stderr.write("fairdesk sync: interrupted\n")
        return 130


def verify_contract_main(argv: list[str] | None = None) -> int:
    """``fairdesk verify-contract FILE...``: check exported contract PDFs offline.

    Prints one line per file and exits 0 only when every file verifies (hash chain,
    terms hash, both signatures and the visible text, from the file alone).
    """
    from app.contract import verify_contract

    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list and args_list[0] == "verify-contract":
        args_list = args_list[1:]
    parser = argparse.ArgumentParser(
        prog="fairdesk verify-contract",
        description="Verify contract PDFs exported by FairDesk, offline.")
    parser.add_argument("files", nargs="+", metavar="FILE", help="an exported contract PDF")
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exc:
        return int(exc.code) if isinstance(exc.code, int) else EXIT_USAGE
    status = EXIT_OK
    for name in args.files:
        check = verify_contract(name)
        if check.valid:
            signed = "signed by both parties" if check.fully_signed else \
                f"not signed by both parties (state {check.state})"
            keys = ", ".join(f"{s.get('side')} {s.get('key_fingerprint')}"
                             for s in check.signatures) or "no signatures"
            sys.stdout.write(f"{name}: valid; deal {check.deal_id}, {signed}; "
                             f"terms hash {check.terms_hash}; keys: {keys}\n")
        else:
            status = EXIT_FAILED
            sys.stdout.write(f"{name}: NOT VALID\n")
            for problem in check.problems:
                sys.stdout.write(f"  - {problem}\n")
    return status


if __name__ == "__main__":
    sys.exit(main())
