#!/bin/sh
# Add Scrutiny Desktop to this user's application menu (no root needed):
#   ./install-desktop-entry.sh            install for the current user
#   ./install-desktop-entry.sh --remove   take it out again
# Run it from the unpacked application folder; moving the folder later means
# running it again. It writes only under ${XDG_DATA_HOME:-~/.local/share}.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
apps=$data/applications
icons=$data/icons/hicolor
name=scrutiny-desktop

if [ "${1:-}" = "--remove" ]; then
    rm -f "$apps/$name.desktop"
    for size in 16 32 48 64 128 256; do rm -f "$icons/${size}x$size/apps/$name.png"; done
    rm -f "$icons/scalable/apps/$name.svg"
    echo "removed $apps/$name.desktop and its icons"
    exit 0
fi

[ -x "$here/$name" ] || { echo "$here/$name not found: run this from the application folder" >&2; exit 2; }
mkdir -p "$apps"
for size in 16 32 48 64 128 256; do
    mkdir -p "$icons/${size}x$size/apps"
    cp "$here/_internal/resources/icons/$name-$size.png" "$icons/${size}x$size/apps/$name.png"
done
mkdir -p "$icons/scalable/apps"
cp "$here/_internal/resources/icons/$name.svg" "$icons/scalable/apps/$name.svg"
# The entry in the folder names the program by name; the installed one by its path.
sed -e "s|^Exec=$name |Exec=\"$here/$name\" |" -e "s|^TryExec=.*|TryExec=$here/$name|" \
    "$here/$name.desktop" > "$apps/$name.desktop"
chmod 644 "$apps/$name.desktop"
echo "installed $apps/$name.desktop"
