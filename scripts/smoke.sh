#!/usr/bin/env bash
# Smoke test of the real desktop app: start it under Xvfb on a temporary
# library, wait for its window, take a screenshot, check the screenshot is
# not blank, load the sample library and export its briefing to PDF through
# the window, then stop the app with SIGTERM and expect a clean exit.
# Usage: scripts/smoke.sh BINARY [SCREENSHOT.png]
set -euo pipefail
bin=$(realpath "${1:?binary}")
shot=${2:-}
tmp=$(mktemp -d)
export HOME=$tmp LANG=en_US.UTF-8 XDG_CONFIG_HOME=$tmp/config XDG_CACHE_HOME=$tmp/cache XDG_DATA_HOME=$tmp/data
display=":$((100 + $$ % 800))"
Xvfb "$display" -screen 0 1280x860x24 -nolisten tcp >"$tmp/xvfb.log" 2>&1 &
xvfb=$!
app=
cleanup() {
	if [ -n "$app" ]; then kill "$app" 2>/dev/null; wait "$app" 2>/dev/null; fi
	kill "$xvfb" 2>/dev/null || true
	wait "$xvfb" 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT
export DISPLAY=$display
for _ in $(seq 300); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done
xdotool getdisplaygeometry >/dev/null || { echo "smoke: Xvfb did not start" >&2; cat "$tmp/xvfb.log" >&2; exit 1; }

start=$(date +%s.%N)
"$bin" --db "$tmp/library.db" >"$tmp/app.log" 2>&1 &
app=$!
wid=$(timeout 60 xdotool search --sync --onlyvisible --name '^Attaché$' | head -n 1) || {
	echo "smoke: no window within 60 s" >&2; cat "$tmp/app.log" >&2; exit 1; }
shown=$(date +%s.%N)
# Wait for the first frames and the welcome dialog to draw (slow machines).
out=${shot:-$tmp/shot.png}
for _ in $(seq 40); do
	sleep 0.5
	import -window root "$out"
	colours=$(convert "$out" -format %k info:)
	[ "$colours" -ge 200 ] && break
done
sleep 1
printf 'smoke: window %s shown after %s s; screenshot has %s colours\n' "$wid" "$(awk "BEGIN{printf \"%.2f\", $shown - $start}")" "$colours"
if [ "$colours" -lt 16 ]; then
	echo "smoke: the screenshot is blank" >&2
	exit 1
fi
# The whole job through the real window (1280×820 at the top left): accept
# the sample library, open its briefing, export it to PDF (the export folder
# defaults to $HOME) and read the PDF back.
click() { xdotool mousemove "$1" "$2" click 1; sleep "${3:-1}"; }
click 673 485 3      # Welcome dialog: Yes, load the sample library
xdotool key ctrl+3; sleep 2
click 200 140 3      # the sample briefing
xdotool key ctrl+e; sleep 2
click 685 521 1      # Export dialog: Export
pdf=
for _ in $(seq 40); do
	pdf=$(ls "$tmp"/*.pdf 2>/dev/null | head -n 1)
	[ -n "$pdf" ] && break
	sleep 0.5
done
text=
[ -n "$pdf" ] && text=$(pdftotext "$pdf" - 2>/dev/null || true)
if ! grep -q "Technology statecraft" <<<"$text"; then
	echo "smoke: exporting the sample briefing from the window gave no readable PDF" >&2
	import -window root "$tmp/failed.png" && cp "$tmp/failed.png" "${shot:-/tmp}/smoke-failed.png" 2>/dev/null || true
	exit 1
fi
echo "smoke: exported $(basename "$pdf") ($(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}') pages) from the window"
kill -TERM "$app"
status=0
wait "$app" || status=$?
app=
if [ "$status" -ne 0 ]; then
	echo "smoke: the app exited with status $status after SIGTERM" >&2
	cat "$tmp/app.log" >&2
	exit 1
fi
[ -s "$tmp/library.db" ] || { echo "smoke: the library was not created" >&2; exit 1; }
echo "smoke: clean exit"
