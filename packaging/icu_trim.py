"""Trim Qt's ICU data library (libicudata, 32 MB) to what FairDesk can use.

PySide6's wheels ship ICU's complete data: every locale, every legacy character
converter, every transliterator. FairDesk speaks English and Simplified Chinese and only
UTF-8, so the bundle keeps what Qt asks ICU for (collation, time-zone ids and names,
case mapping) for ``root``, ``en*`` and ``zh*`` plus the non-locale tables (time zones,
likely subtags, normalization, ...), and drops the rest (other locales, legacy
converters, transliterators, break iterators, currency/unit/language names). Another locale then falls back to ``root`` (Unicode default order and names),
never to an error.

How: the library holds one symbol, ``icudt<NN>_dat``, a "common data" package (a table of
contents followed by items). This module parses the package from the ELF file, writes a
smaller package with the kept items, and links a new library with the same soname that
holds it (``.incbin``); this needs a C compiler. Linux only; with no compiler the
build keeps the full library and says so.

    python packaging/icu_trim.py SRC_LIB OUT_LIB     # prints the sizes
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

KEEP_LOCALE = re.compile(r"^(root|en|en_US|en_US_POSIX|en_001|en_GB|zh|zh_Hans|zh_Hans_CN|zh_CN)$")
LOCALE_LIKE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]+)*$")
# Qt calls ICU for four things only (libQt6Core's imports: ucol_*, ucal_*, ucnv_*,
# u_strToUpper/Lower): collation, time-zone ids and names, legacy converters and case
# mapping. Break iterators, character names, currency/unit/language/region names,
# spelled-out numbers and the spoof checker are never used.
DROP_TREES = {"brkitr", "curr", "lang", "rbnf", "region", "translit", "unit"}
DROP_TOP = {"unames.icu", "confusables.cfu", "confusables_wholescript.cfu", "langInfo.res"}


class IcuTrimError(RuntimeError):
    pass


def _rodata(elf: bytes) -> tuple[int, int]:
    """(file offset, size) of the .rodata section of a little-endian ELF64 library."""
    if elf[:4] != b"\x7fELF" or elf[4] != 2 or elf[5] != 1:
        raise IcuTrimError("not a little-endian ELF64 library")
    shoff = struct.unpack_from("<Q", elf, 0x28)[0]
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", elf, 0x3A)
    str_off = struct.unpack_from("<Q", elf, shoff + shstrndx * shentsize + 0x18)[0]
    for i in range(shnum):
        base = shoff + i * shentsize
        name_off = struct.unpack_from("<I", elf, base)[0]
        end = elf.index(b"\0", str_off + name_off)
        if elf[str_off + name_off : end] == b".rodata":
            offset, size = struct.unpack_from("<QQ", elf, base + 0x18)
            return offset, size
    raise IcuTrimError("no .rodata section")


def read_package(lib: Path) -> tuple[bytes, list[tuple[str, bytes]]]:
    """(header bytes, [(item name, item bytes)]) of the ICU common data in ``lib``."""
    elf = lib.read_bytes()
    off, size = _rodata(elf)
    data = elf[off : off + size]
    header_size = struct.unpack_from("<H", data, 0)[0]
    if data[2:4] != b"\xda\x27" or data[12:16] != b"CmnD":
        raise IcuTrimError("the library does not start with an ICU common data package")
    toc = header_size
    count = struct.unpack_from("<I", data, toc)[0]
    entries = [struct.unpack_from("<II", data, toc + 4 + 8 * i) for i in range(count)]
    items: list[tuple[str, bytes]] = []
    for i, (name_off, data_off) in enumerate(entries):
        end_name = data.index(b"\0", toc + name_off)
        name = data[toc + name_off : end_name].decode("ascii")
        start = toc + data_off
        stop = toc + entries[i + 1][1] if i + 1 < count else len(data)
        items.append((name, data[start:stop]))
    return data[:header_size], items


def keep_item(name: str) -> bool:
    path = name.split("/", 1)[1] if "/" in name else name  # drop the "icudt73l/" prefix
    parts = path.split("/")
    leaf = parts[-1]
    stem, _, ext = leaf.rpartition(".")
    if ext == "cnv":  # legacy character converters: FairDesk is UTF-8 only
        return False
    if len(parts) > 1 and parts[0] in DROP_TREES:
        return False
    if len(parts) == 1 and leaf in DROP_TOP:
        return False
    if ext == "res" and stem not in ("res_index", "pool") and LOCALE_LIKE.match(stem):
        return bool(KEEP_LOCALE.match(stem))
    return True


def write_package(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """A common data package (same header), items 16-byte aligned, sorted by name."""
    items = sorted(items, key=lambda it: it[0].encode("ascii"))
    count = len(items)
    names = b"".join(n.encode("ascii") + b"\0" for n, _ in items)
    names_start = 4 + 8 * count
    pos = names_start + len(names)
    name_offs: list[int] = []
    n = names_start
    for name, _ in items:
        name_offs.append(n)
        n += len(name) + 1
    body = bytearray()
    data_offs: list[int] = []
    for _, blob in items:
        pad = (-(len(header) + pos)) % 16
        body += b"\0" * pad
        pos += pad
        data_offs.append(pos)
        body += blob
        pos += len(blob)
    toc = bytearray(struct.pack("<I", count))
    for no, do in zip(name_offs, data_offs, strict=True):
        toc += struct.pack("<II", no, do)
    return bytes(header) + bytes(toc) + names + bytes(body)


def _symbol(lib: Path) -> str:
    m = re.search(rb"icudt\d+_dat", lib.read_bytes())
    if m is None:
        raise IcuTrimError("no icudt<NN>_dat symbol")
    return m.group(0).decode()


def _soname(lib: Path) -> str:
    m = re.match(r"(libicudata\.so\.\d+)", lib.name)
    return m.group(1) if m else lib.name


def trim(src: Path, out: Path, cc: str | None = None) -> tuple[int, int]:
    """Write the trimmed library to ``out``; return (old size, new size) in bytes."""
    compiler = cc or shutil.which("cc") or shutil.which("gcc") or shutil.which("clang")
    if compiler is None:
        raise IcuTrimError("no C compiler (cc, gcc or clang) to link the trimmed ICU data")
    header, items = read_package(src)
    kept = [it for it in items if keep_item(it[0])]
    package = write_package(header, kept)
    # round trip: the package we wrote parses back to the same items
    symbol = _symbol(src)
    with tempfile.TemporaryDirectory(prefix="icu-trim-") as tmp:
        dat = Path(tmp) / "icudata.dat"
        dat.write_bytes(package)
        asm = Path(tmp) / "icudata.S"
        asm.write_text(
            "\t.section .rodata\n"
            f"\t.globl {symbol}\n"
            f"\t.type {symbol}, @object\n"
            "\t.balign 16\n"
            f"{symbol}:\n"
            f'\t.incbin "{dat}"\n'
            f"\t.size {symbol}, .-{symbol}\n"
            '\t.section .note.GNU-stack,"",@progbits\n'
        )
        built = Path(tmp) / _soname(src)
        subprocess.run(
            [
                compiler,
                "-shared",
                "-nostdlib",
                f"-Wl,-soname,{_soname(src)}",
                "-o",
                str(built),
                str(asm),
            ],
            check=True,
        )
        _, back = read_package(built)
        if [n for n, _ in back] != [n for n, _ in sorted(kept, key=lambda it: it[0].encode())]:
            raise IcuTrimError("the trimmed package does not read back")
        if back != sorted(kept, key=lambda it: it[0].encode()):
            raise IcuTrimError("the trimmed package's items changed on the way")
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built, out)
    return src.stat().st_size, out.stat().st_size


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    old, new = trim(Path(argv[0]), Path(argv[1]))
    print(f"ICU data: {old / 1e6:.1f} MB -> {new / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
