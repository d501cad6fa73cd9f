#!/usr/bin/env bash
# Smoke test of the real desktop app: start it under Xvfb on a temporary
# library, wait for its window, take a screenshot, check the screenshot is
# not blank, then stop the app with SIGTERM and expect a clean exit.
# Usage: scripts/smoke.sh BINARY [SCREENSHOT.png]
set -euo pipefail
bin=$(realpath "${1:?binary}")
shot=${2:-}
tmp=$(mktemp -d)
export LANG=en_US.UTF-8 XDG_CONFIG_HOME=$tmp/config XDG_CACHE_HOME=$tmp/cache XDG_DATA_HOME=$tmp/data
display=":$((80 + RANDOM % 19))"
Xvfb "$display" -screen 0 1280x860x24 -nolisten tcp >"$tmp/xvfb.log" 2>&1 &
xvfb=$!
app=
cleanup() {
	[ -n "$app" ] && kill "$app" 2>/dev/null || true
	kill "$xvfb" 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT
export DISPLAY=$display
for _ in $(seq 100); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done
xdotool getdisplaygeometry >/dev/null || { echo "smoke: Xvfb did not start" >&2; cat "$tmp/xvfb.log" >&2; exit 1; }

start=$(date +%s.%N)
"$bin" --db "$tmp/library.db" >"$tmp/app.log" 2>&1 &
app=$!
wid=$(timeout 60 xdotool search --sync --onlyvisible --name '^Attaché$' | head -n 1) || {
	echo "smoke: no window within 60 s" >&2; cat "$tmp/app.log" >&2; exit 1; }
shown=$(date +%s.%N)
sleep 1.5 # let the first frames and the welcome dialog draw
out=${shot:-$tmp/shot.png}
import -window root "$out"
colours=$(convert "$out" -format %k info:)
printf 'smoke: window %s shown after %s s; screenshot has %s colours\n' "$wid" "$(awk "BEGIN{printf \"%.2f\", $shown - $start}")" "$colours"
if [ "$colours" -lt 16 ]; then
	echo "smoke: the screenshot is blank" >&2
	exit 1
fi
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
