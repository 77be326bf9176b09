"""Run every FairDesk benchmark: `uv run python -m bench [--quick]`.

Each benchmark prints a table of its figures beside their budgets and a baseline
measured in the same run. `--quick` uses smaller data (a smoke check of the benchmarks,
not figures to report).
"""

from __future__ import annotations

import argparse
import sys

from bench import bench_chat, bench_desktop, bench_search, bench_sync


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    ap.add_argument("--quick", action="store_true", help="small data, for a quick check")
    ap.add_argument("--large", action="store_true", help="also sync the large (1M) fair")
    ap.add_argument("--skip-desktop", action="store_true", help="leave out the desktop app bench")
    args = ap.parse_args(argv)
    rc = 0
    sync_args = ["--repeat", "1"] if args.quick else []
    if args.large:
        sync_args.append("--large")
    search_args = ["--products", "50000", "--apply", "20000"] if args.quick else []
    print("\n## Sync (bench.bench_sync)\n", flush=True)
    rc |= bench_sync.main(sync_args)
    print("\n## Local search (bench.bench_search)\n", flush=True)
    rc |= bench_search.main(search_args)
    chat_args = ["--messages", "20", "--backlog", "200"] if args.quick else []
    print("\n## Chat delivery (bench.bench_chat)\n", flush=True)
    rc |= bench_chat.main(chat_args)
    if not args.skip_desktop:
        # the same 1M-product cache as the search bench (--quick: 50k products)
        desktop_args = ["--quick", "--products", "50000", "--sync-products", "20000"] if args.quick else []
        print("\n## Desktop app (bench.bench_desktop)\n", flush=True)
        rc |= bench_desktop.main(desktop_args)
    return rc


if __name__ == "__main__":
    sys.exit(main())
