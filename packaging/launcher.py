"""The frozen FairDesk's entry point: what a double click on the bundle runs.

It is ``ui.main:main`` (the ``fairdesk`` console script), plus one bundle-only switch:
``FairDesk --bundle-check`` verifies that the frozen bundle holds what FairDesk needs at
run time (see packaging/bundle_check.py) and exits 0 or 1.
"""

from __future__ import annotations

import multiprocessing
import sys


def run() -> int:
    multiprocessing.freeze_support()
    if sys.argv[1:2] == ["--bundle-check"]:
        from bundle_check import main as check_main

        return check_main()
    from ui.main import main

    return main()


if __name__ == "__main__":
    sys.exit(run())
