"""Frozen vs unfrozen start-up, same machine, same run (figures for docs/packaging.md).

    uv run --group packaging python packaging/measure.py      # after packaging/build.py

Runs, alternating frozen (dist/FairDesk/FairDesk) and unfrozen (the ``fairdesk``
console script of this environment), FAIRDESK_MEASURE_RUNS times each (default 3):

- ``--help``: process start to exit (interpreter + imports up to argparse);
- ``--startup-probe``: seconds to an interactive window showing the booth directory, on
  a profile synced beforehand (the app's own measurement, plus the process wall time);
- ``--smoke``: the whole headless walk (embedded demo fair start, sign-in, sync, every
  page), wall time.

Prints one JSON object with the medians (and every sample) and the bundle's size.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from build import disk_usage, executable  # noqa: E402


def commands() -> dict[str, list[str]]:
    script = Path(sys.executable).parent / ("fairdesk.exe" if os.name == "nt" else "fairdesk")
    if not script.exists():
        raise SystemExit(f"measure: {script} not found (run through 'uv run')")
    if not executable().exists():
        raise SystemExit("measure: build the bundle first (packaging/build.py)")
    return {"frozen": [str(executable())], "unfrozen": [str(script)]}


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, str]:
    t0 = time.monotonic()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    wall = time.monotonic() - t0
    if proc.returncode != 0:
        raise SystemExit(f"measure: {' '.join(cmd)} failed:\n{proc.stderr[-2000:]}")
    return wall, proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else ""


def main() -> int:
    runs = int(os.environ.get("FAIRDESK_MEASURE_RUNS", "3"))
    cmds = commands()
    samples: dict[str, dict[str, list[float]]] = {
        k: {"help_s": [], "probe_ready_s": [], "probe_wall_s": [], "smoke_wall_s": []} for k in cmds
    }
    with tempfile.TemporaryDirectory(prefix="fairdesk-measure-") as data:
        env = dict(os.environ)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        env.setdefault("FAIRDESK_DEMO_SIZE", "small")
        env["FAIRDESK_DATA_DIR"] = data
        for kind, cmd in cmds.items():  # a synced profile per kind, for the probe
            timed([*cmd, "--smoke", "--profile", f"m-{kind}"], env)
        for _ in range(runs):
            for kind, cmd in cmds.items():
                s = samples[kind]
                s["help_s"].append(timed([*cmd, "--help"], env)[0])
                wall, out = timed([*cmd, "--startup-probe", "--profile", f"m-{kind}"], env)
                s["probe_wall_s"].append(wall)
                s["probe_ready_s"].append(float(json.loads(out)["ready_seconds"]))
                s["smoke_wall_s"].append(timed([*cmd, "--smoke"], env)[0])
    on_disk, apparent = disk_usage(executable().parent)
    report: dict[str, Any] = {
        "runs": runs,
        "cpus": os.cpu_count(),
        "bundle_mb_on_disk": round(on_disk / 1e6, 1),
        "bundle_mib_on_disk": round(on_disk / 2**20, 1),
        "bundle_mb_files": round(apparent / 1e6, 1),
        "median": {
            k: {m: round(statistics.median(v), 2) for m, v in s.items()} for k, s in samples.items()
        },
        "samples": {
            k: {m: [round(x, 2) for x in v] for m, v in s.items()} for k, s in samples.items()
        },
    }
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
