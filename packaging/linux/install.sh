#!/bin/sh
# Add FairDesk to your desktop's application menu (for you only; no root needed).
# Run it from the unpacked bundle:  ./install.sh      Undo with:  ./install.sh --uninstall
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor"
if [ "${1:-}" = "--uninstall" ]; then
  rm -f "$apps/fairdesk.desktop" "$icons/256x256/apps/fairdesk.png" "$icons/scalable/apps/fairdesk.svg"
  echo "FairDesk removed from the application menu (the bundle in $here is untouched)."
  exit 0
fi
[ -x "$here/FairDesk" ] || { echo "install.sh: $here/FairDesk not found; run me from the unpacked bundle" >&2; exit 1; }
mkdir -p "$apps" "$icons/256x256/apps" "$icons/scalable/apps"
cp "$here/fairdesk.png" "$icons/256x256/apps/fairdesk.png"
cp "$here/fairdesk.svg" "$icons/scalable/apps/fairdesk.svg"
sed -e "s|^Exec=.*|Exec=\"$here/FairDesk\"|" -e "s|^TryExec=.*|TryExec=$here/FairDesk|" \
  "$here/fairdesk.desktop" > "$apps/fairdesk.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$apps" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$icons" || true
echo "FairDesk added to the application menu (runs $here/FairDesk)."
