#!/usr/bin/env bash
# Refresh the translation sources from the code, fill what the glossary knows, compile.
#   bash resources/translations/update.sh
# 1. pyside6-lupdate extracts every tr()/translate() string of ui/ into fairdesk_zh_CN.ts
#    (keeping the translations already there, marking vanished strings obsolete), and
#    the plural ("%Ln …(s)") strings into fairdesk_en.ts (English singular/plural forms);
# 2. fill_ts.py fills unfinished entries from zh_CN.json / en.json and reports what is missing;
# 3. pyside6-lrelease compiles the .qm files, which the app loads.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
uv run pyside6-lupdate -extensions py -no-obsolete -locations none ui -ts "$here/fairdesk_zh_CN.ts"
uv run pyside6-lupdate -extensions py -no-obsolete -locations none -pluralonly ui -ts "$here/fairdesk_en.ts"
uv run python "$here/fill_ts.py" "$here/fairdesk_zh_CN.ts" "$here/zh_CN.json"
uv run python "$here/fill_ts.py" "$here/fairdesk_en.ts" "$here/en.json"
uv run pyside6-lrelease "$here/fairdesk_zh_CN.ts" -qm "$here/fairdesk_zh_CN.qm"
uv run pyside6-lrelease "$here/fairdesk_en.ts" -qm "$here/fairdesk_en.qm"
