"""Fill unfinished entries of a Qt .ts file from a JSON glossary; report what is missing.

    python fill_ts.py fairdesk_zh_CN.ts zh_CN.json [--strict]

The glossary maps an English source string to its translation; a key "Context|source"
applies to one context only. A plural message ("%Ln booth(s)") takes a list of the
language's forms (English: ["%Ln booth", "%Ln booths"]) or, for Chinese, one string. Entries already translated in the .ts are kept as they are.
With --strict the exit status is 1 when any entry is left untranslated.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def fill(ts_path: Path, glossary: dict[str, str | list[str]]) -> list[tuple[str, str]]:
    tree = ET.parse(ts_path)
    missing: list[tuple[str, str]] = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            tr = message.find("translation")
            if tr is None:
                tr = ET.SubElement(message, "translation")
            if tr.get("type") in ("obsolete", "vanished"):
                continue
            numerus = message.get("numerus") == "yes"
            forms = tr.findall("numerusform")
            if numerus:
                done = tr.get("type") is None and forms and all((f.text or "").strip() for f in forms)
            else:
                done = tr.get("type") is None and (tr.text or "").strip()
            if done:
                continue
            text = glossary.get(f"{name}|{source}") or glossary.get(source)
            if text and numerus:
                # a list gives the plural forms of the language (English: one, other);
                # a string is the one form (Chinese has no plural)
                values = text if isinstance(text, list) else [text]
                for f in forms:
                    tr.remove(f)
                tr.text = None
                for v in values:
                    ET.SubElement(tr, "numerusform").text = v
                tr.attrib.pop("type", None)
            elif text:
                tr.text = text
                tr.attrib.pop("type", None)
            else:
                tr.set("type", "unfinished")
                missing.append((name, source))
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts_path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )
    return missing


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__)
        return 2
    ts_path, glossary_path = Path(argv[0]), Path(argv[1])
    glossary = json.loads(glossary_path.read_text(encoding="utf-8"))
    missing = fill(ts_path, glossary)
    for context, source in missing:
        print(f"untranslated: [{context}] {source!r}")
    print(f"{len(missing)} untranslated entries")
    return 1 if missing and "--strict" in argv else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
