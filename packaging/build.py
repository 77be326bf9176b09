"""Build the FairDesk desktop bundle (PyInstaller, onedir).

The one documented command, from the repository root:

    uv run --group packaging python packaging/build.py [--smoke] [--clean]

lands the bundle in ``dist/FairDesk/`` (the program is ``dist/FairDesk/FairDesk``, or
``FairDesk.exe`` on Windows; on macOS also ``dist/FairDesk.app``). On Linux it also
writes ``dist/FairDesk-<version>-linux-x86_64.tar.gz`` with the .desktop entry, the icon
and a short install note inside. ``--smoke`` then runs the frozen app's bundle check and
``FairDesk --smoke`` (headless, embedded demo fair) and fails the build if either fails.
The build prints the bundle's size on disk.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
APP = "FairDesk"
SIZE_BUDGET_MB = 120  # Linux bundle on disk (docs/packaging.md)


def version() -> str:
    with open(ROOT / "pyproject.toml", "rb") as f:
        return str(tomllib.load(f)["project"]["version"])


def bundle_dir() -> Path:
    return DIST / APP


def executable() -> Path:
    return bundle_dir() / (f"{APP}.exe" if sys.platform == "win32" else APP)


def disk_usage(path: Path) -> tuple[int, int]:
    """(bytes on disk, apparent bytes) under path; symlinks counted once, not followed."""
    on_disk = apparent = 0
    seen: set[tuple[int, int]] = set()
    for dirpath, _dirs, files in os.walk(path):
        for name in files:
            st = os.lstat(os.path.join(dirpath, name))
            if (st.st_dev, st.st_ino) in seen:
                continue
            seen.add((st.st_dev, st.st_ino))
            apparent += st.st_size
            blocks = getattr(st, "st_blocks", None)
            on_disk += blocks * 512 if blocks is not None else st.st_size
    return on_disk, apparent


def mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


def run_pyinstaller(clean: bool) -> None:
    import PyInstaller.__main__

    args = [
        str(PACKAGING / "fairdesk.spec"),
        "--noconfirm",
        "--distpath",
        str(DIST),
        "--workpath",
        str(WORK),
        "--log-level",
        "WARN",
    ]
    if clean:
        args.append("--clean")
    PyInstaller.__main__.run(args)


def add_linux_files(target: Path) -> None:
    """The .desktop entry, the icon and the install note go inside the bundle."""
    linux = PACKAGING / "linux"
    shutil.copy2(linux / "fairdesk.desktop", target / "fairdesk.desktop")
    shutil.copy2(linux / "install.sh", target / "install.sh")
    (target / "install.sh").chmod(0o755)
    shutil.copy2(linux / "INSTALL.txt", target / "INSTALL.txt")
    icons = ROOT / "resources" / "icons"
    shutil.copy2(icons / "fairdesk-256.png", target / "fairdesk.png")
    shutil.copy2(icons / "fairdesk.svg", target / "fairdesk.svg")


def trim_icu(target: Path) -> None:
    """Linux: swap Qt's 32 MB ICU data library for the en/zh subset (packaging/icu_trim.py)."""
    sys.path.insert(0, str(PACKAGING))
    import icu_trim

    libs = sorted((target / "_internal" / "PySide6" / "Qt" / "lib").glob("libicudata.so.*"))
    for lib in libs:
        if lib.is_symlink():
            continue
        try:
            old, new = icu_trim.trim(lib, lib.with_name(lib.name + ".trimmed"))
        except (icu_trim.IcuTrimError, OSError, subprocess.CalledProcessError) as exc:
            print(f"build: keeping the full ICU data ({exc})", file=sys.stderr)
            return
        lib.with_name(lib.name + ".trimmed").replace(lib)
        print(f"ICU data trimmed to English and Chinese: {mb(old)} -> {mb(new)}")


def make_tarball(source: Path) -> Path:
    machine = platform.machine().lower() or "x86_64"
    out = DIST / f"{APP}-{version()}-linux-{machine}.tar.gz"
    with tarfile.open(out, "w:gz", compresslevel=6) as tar:
        tar.add(source, arcname=APP)  # symlinks are stored as symlinks
    return out


def frozen_env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.setdefault("FAIRDESK_DEMO_SIZE", "small")
    # never the developer's source tree: the bundle must stand on its own
    env.pop("PYTHONPATH", None)
    env.pop("PYTHONHOME", None)
    return env


def run_frozen(args: list[str], env: dict[str, str], timeout: float) -> float:
    exe = executable()
    t0 = time.monotonic()
    print(f"$ {exe.relative_to(ROOT)} {' '.join(args)}", flush=True)
    proc = subprocess.run([str(exe), *args], env=env, timeout=timeout, cwd=tempfile.gettempdir())
    elapsed = time.monotonic() - t0
    if proc.returncode != 0:
        raise SystemExit(f"build: '{APP} {' '.join(args)}' failed with exit code {proc.returncode}")
    print(f"  ok in {elapsed:.1f} s", flush=True)
    return elapsed


def smoke() -> None:
    env = frozen_env()
    with tempfile.TemporaryDirectory(prefix="fairdesk-frozen-") as data:
        if "FAIRDESK_DATA_DIR" not in os.environ:
            env["FAIRDESK_DATA_DIR"] = data
        run_frozen(["--bundle-check"], env, timeout=120)
        run_frozen(["--smoke"], env, timeout=300)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument(
        "--clean", action="store_true", help="rebuild from scratch (no PyInstaller cache)"
    )
    p.add_argument(
        "--smoke", action="store_true", help="then run the frozen bundle check and smoke test"
    )
    p.add_argument("--no-tarball", action="store_true", help="Linux: skip the .tar.gz")
    args = p.parse_args(argv)

    t0 = time.monotonic()
    run_pyinstaller(args.clean)
    target = bundle_dir()
    if not executable().exists():
        raise SystemExit(f"build: {executable()} was not produced")
    tarball: Path | None = None
    if sys.platform.startswith("linux"):
        trim_icu(target)
        add_linux_files(target)
        if not args.no_tarball:
            tarball = make_tarball(target)
    build_s = time.monotonic() - t0

    on_disk, apparent = disk_usage(target)
    print(f"\nbundle: {target.relative_to(ROOT)}/  ({build_s:.0f} s to build)")
    print(f"  size on disk {mb(on_disk)} (files {mb(apparent)}); Linux budget {SIZE_BUDGET_MB} MB")
    if tarball is not None:
        print(f"  tarball {tarball.relative_to(ROOT)}  {mb(tarball.stat().st_size)}")
    if sys.platform == "darwin" and (DIST / f"{APP}.app").exists():
        print(f"  app bundle dist/{APP}.app")
    if args.smoke:
        smoke()
    return 0


if __name__ == "__main__":
    sys.exit(main())
