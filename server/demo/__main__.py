"""Measure the demo fair generator and look at its output.

    python -m server.demo [--size small|medium|large] [--seed N] [--sample K] [--images DIR]

Prints the generation speed and K sample products; with ``--images`` writes a few
product images and company logos/banners to DIR for a look.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path
from typing import Any

from server.demo import images
from server.demo.generator import SIZES, generate


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m server.demo", description=__doc__.split("\n")[0])
    ap.add_argument("--size", choices=list(SIZES), default="medium")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--sample", type=int, default=0, help="print this many products")
    ap.add_argument("--images", type=Path, default=None, help="write sample images here")
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    fair = generate(args.size, args.seed)
    t1 = time.perf_counter()
    count = 0
    samples: list[dict[str, Any]] = []
    step = max(1, fair.product_count // max(1, args.sample)) if args.sample else 0
    for batch in fair.products:
        for p in batch:
            if step and (p["id"] - 1) % step == 0 and len(samples) < args.sample:
                samples.append(p)
        count += len(batch)
    t2 = time.perf_counter()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{args.size}: {len(fair.categories)} categories, {len(fair.sections)} sections, "
          f"{len(fair.companies)} companies, {count} products")
    print(f"setup {t1 - t0:.3f} s, products {t2 - t1:.3f} s ({count / max(t2 - t1, 1e-9):,.0f}/s), "
          f"total {t2 - t0:.3f} s, max RSS {rss:.0f} MB")
    for p in samples:
        print(json.dumps(p, ensure_ascii=False))
    if args.images is not None:
        args.images.mkdir(parents=True, exist_ok=True)
        for p in samples[:20]:
            for n in range(p["image_count"]):
                (args.images / f"product-{p['id']}-{n}.jpg").write_bytes(images.render_product_image(p, n, 480))
        for c in fair.companies[:5]:
            (args.images / f"company-{c['id']}-logo.jpg").write_bytes(images.render_company_image(c, "logo", 240))
            (args.images / f"company-{c['id']}-banner.jpg").write_bytes(images.render_company_image(c, "banner", 960))
        print(f"images written to {args.images}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
