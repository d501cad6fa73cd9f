#!/usr/bin/env bash
# Smoke test of the real desktop app: start it under Xvfb on a temporary
# library, wait for its window, take a screenshot, check the screenshot is
# not blank, load the sample library and export its briefing to PDF through
# the window. Then the two ways a session ends that the window does not see:
# type into the briefing's title and at once send SIGHUP (the terminal
# closed, logout), expecting a clean exit with the typing saved although
# the autosave had not run yet; start the app again on the same library,
# type again and send SIGTERM, with the same expectations.
#
# Privacy checks on the way (docs/privacy.md): both runs of the app, the
# command that reads the title back and an import of the exported PDF run
# under strace, and the test fails if any of them opened an internet socket
# (AF_INET or AF_INET6; the Unix sockets of X11 and D-Bus are fine), or if
# the app wrote the library's path or the home folder on its output.
# Usage: scripts/smoke.sh BINARY [SCREENSHOT.png]
set -euo pipefail
bin=$(realpath "${1:?binary}")
shot=${2:-}
for tool in Xvfb xdotool import convert pdftotext strace; do
	command -v "$tool" >/dev/null || { echo "smoke: $tool is missing: run make deps" >&2; exit 1; }
done
tmp=$(mktemp -d)
unset LC_ALL LC_MESSAGES LANGUAGE # would override LANG for the app
export HOME=$tmp LANG=en_US.UTF-8 XDG_CONFIG_HOME=$tmp/config XDG_CACHE_HOME=$tmp/cache XDG_DATA_HOME=$tmp/data
lib=$tmp/library.db
# Under the C.UTF-8 locale of containers and servers a library command must
# print nothing on stderr (Fyne used to complain about the locale).
# (briefing new makes the library: a reading command never does.)
LANG=C.UTF-8 "$bin" --db "$tmp/quiet.db" briefing new --title Quiet >/dev/null 2>"$tmp/quiet.err" &&
	LANG=C.UTF-8 "$bin" --db "$tmp/quiet.db" library >/dev/null 2>>"$tmp/quiet.err" || { cat "$tmp/quiet.err" >&2; echo "smoke: attache library failed" >&2; exit 1; }
[ -s "$tmp/quiet.err" ] && { echo "smoke: attache library printed on stderr under LANG=C.UTF-8:" >&2; cat "$tmp/quiet.err" >&2; exit 1; }
dnum=$((100 + $$ % 800))
display=":$dnum"
xfiles=("/tmp/.X$dnum-lock" "/tmp/.X11-unix/X$dnum")
# An X server killed with -9 (a run of this script killed the same way, or
# a stuck Xvfb killed by hand) leaves its lock and socket behind, and the
# next Xvfb on that number refuses to start. rm_stale_x removes them when
# the process named in the lock is gone, never another live server's.
rm_stale_x() {
	local pid
	[ -f "${xfiles[0]}" ] || return 0
	pid=$(tr -dc 0-9 <"${xfiles[0]}")
	# A killed server is gone once kill -0 fails or it is a zombie not yet
	# reaped (its lock and socket are as stale then).
	if [ -z "$pid" ] || ! kill -0 "$pid" 2>/dev/null || grep -q '^State:[[:space:]]*Z' "/proc/$pid/status" 2>/dev/null; then
		rm -f "${xfiles[@]}"
	fi
}
rm_stale_x
Xvfb "$display" -screen 0 1280x860x24 -nolisten tcp >"$tmp/xvfb.log" 2>&1 &
xvfb=$!
app= tracer=
cleanup() {
	if [ -n "$app" ]; then kill "$app" 2>/dev/null; wait "$tracer" 2>/dev/null; fi
	# Xvfb removes its lock and socket on SIGTERM; one that does not stop
	# within 5 s is killed, and what it leaves is removed here.
	kill "$xvfb" 2>/dev/null || true
	for _ in $(seq 50); do kill -0 "$xvfb" 2>/dev/null || break; sleep 0.1; done
	kill -9 "$xvfb" 2>/dev/null || true
	wait "$xvfb" 2>/dev/null || true
	rm_stale_x
	rm -rf "$tmp"
}
trap cleanup EXIT
export DISPLAY=$display
for _ in $(seq 300); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done
xdotool getdisplaygeometry >/dev/null || { echo "smoke: Xvfb did not start" >&2; cat "$tmp/xvfb.log" >&2; exit 1; }

fail() {
	echo "smoke: $*" >&2
	import -window root "$tmp/failed.png" 2>/dev/null && cp "$tmp/failed.png" "${shot:-/tmp}/smoke-failed.png" 2>/dev/null || true
	exit 1
}

# traced NAME CMD...: runs CMD under strace, recording every socket it
# creates or connects, in all its threads and children, in $tmp/NAME.trace,
# its output in $tmp/NAME.log and its process id in $tmp/NAME.pid (the pid
# that the signals go to: strace's own would not reach the app). SIGHUP is
# reset to its default, in case this script was started with it ignored
# (nohup), which the app would honour. Only socket and connect stop the
# process (--seccomp-bpf), so tracing barely slows it.
traced() {
	local name=$1
	shift
	rm -f "$tmp/$name.pid"
	strace -f -qq --seccomp-bpf -e trace=socket,connect -e signal=none -o "$tmp/$name.trace" \
		-- env --default-signal=HUP sh -c 'echo $$ >"$0"; log=$1; shift; exec "$@" >"$log" 2>&1' \
		"$tmp/$name.pid" "$tmp/$name.log" "$@" 2>"$tmp/$name.strace" </dev/null
}

# start_app NAME: the app on the library, in the background; sets app and
# tracer.
start_app() {
	traced "$1" "$bin" --db "$lib" &
	tracer=$!
	for _ in $(seq 200); do [ -s "$tmp/$1.pid" ] && break; sleep 0.05; done
	app=$(cat "$tmp/$1.pid" 2>/dev/null) || fail "the app did not start under strace: $(cat "$tmp/$1.strace")"
}

# stop_app NAME SIGNAL: the app must exit with status 0 soon after SIGNAL
# (0 sends nothing and only waits).
stop_app() {
	kill -s "$2" "$app" 2>/dev/null || true # gone already: its status says why
	local status=0
	# A hung exit is a failure, not a CI timeout: give it 30 s.
	for _ in $(seq 300); do kill -0 "$tracer" 2>/dev/null || break; sleep 0.1; done
	kill -0 "$tracer" 2>/dev/null && fail "the app did not exit within 30 s of SIG$2"
	wait "$tracer" || status=$?
	app=
	if [ "$status" -ne 0 ]; then
		cat "$tmp/$1.log" >&2
		fail "the app exited with status $status after SIG$2"
	fi
}

# check_network NAME: no internet socket in NAME's trace. check_private
# NAME: that, and no private path in its output. (A command's answer may
# name the files it was given: commands given a path get check_network.)
check_network() {
	if grep -wE 'AF_INET|AF_INET6' "$tmp/$1.trace" >&2; then
		fail "$1 opened an internet socket (above) although nothing asked for the network"
	fi
}
check_private() {
	check_network "$1"
	# $tmp is both $HOME and the library's folder.
	if grep -F "$tmp" "$tmp/$1.log" >&2; then
		fail "$1 wrote a path of the user's (\$HOME, the library's folder) on its output (above)"
	fi
}

# title: the sample briefing's title as the library holds it, read by the
# command line (under strace too).
title() {
	traced cli "$bin" --db "$lib" briefing list --json || fail "attache briefing list failed: $(cat "$tmp/cli.log")"
	check_private cli
	sed -n 's/^ *"title": "\(.*\)",$/\1/p' "$tmp/cli.log" | head -n 1
}

# type_title WORD: click in the open briefing's title (the first row of the
# document, right of the outline, at 1280 wide), go to its end and type
# WORD there.
type_title() {
	xdotool mousemove 1000 173 click 1
	sleep 0.5
	xdotool key End
	xdotool type --delay 10 "$1"
}

start=$(date +%s.%N)
start_app run1
wid=$(timeout 60 xdotool search --sync --onlyvisible --name '^Attaché$' | head -n 1) || {
	cat "$tmp/run1.log" >&2; fail "no window within 60 s"; }
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
	fail "the screenshot is blank"
fi
# The whole job through the real window (1280×820 at the top left): accept
# the sample library, open its briefing, export it to PDF (the export folder
# defaults to $HOME) and read the PDF back.
click() { xdotool mousemove "$1" "$2" click 1; sleep "${3:-1}"; }
click 673 485 3      # Welcome dialog: Yes, load the sample library
xdotool key ctrl+3; sleep 2
click 200 140 3      # the sample briefing
xdotool key ctrl+e; sleep 2
xdotool key Return; sleep 1 # Export dialog: Enter in its file name exports (no pixel to aim at)
# The sample's key judgments link no evidence, which "Before you export"
# points out (a notice, not a refusal): its Export goes ahead.
pdf=
for i in $(seq 40); do
	pdf=$(ls "$tmp"/*.pdf 2>/dev/null | head -n 1 || true)
	[ -n "$pdf" ] && break
	[ "$i" = 4 ] && click 685 491 0 # Before you export: Export
	sleep 0.5
done
text=
[ -n "$pdf" ] && text=$(pdftotext "$pdf" - 2>/dev/null || true)
if ! grep -q "Technology statecraft" <<<"$text"; then
	fail "exporting the sample briefing from the window gave no readable PDF"
fi
echo "smoke: exported $(basename "$pdf") ($(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}') pages) from the window"
click 639 467 1      # Exported dialog: Close

# Typing, then the signal well inside the autosave delay (0.8 s after the
# last key the app has seen, so after the signal): only the save on the way
# out can keep the word.
type_title " Hangup"
sleep 0.2
stop_app run1 HUP
grep -q 'X11-unix' "$tmp/run1.trace" || fail "strace saw no connection to the X server: the network check would prove nothing"
check_private run1
got=$(title)
[[ "$got" == *" Hangup" ]] || fail "the title typed just before SIGHUP was not saved: the library has \"$got\""
echo "smoke: SIGHUP: clean exit, the last typing saved"

# reopen_and_type NAME WORD: the app again on the same library (its lock
# released by the run before), the sample briefing open, WORD typed at the
# end of its title.
reopen_and_type() {
	start_app "$1"
	timeout 60 xdotool search --sync --onlyvisible --name '^Attaché$' >/dev/null || {
		cat "$tmp/$1.log" >&2; fail "no window within 60 s ($1)"; }
	sleep 2
	xdotool key ctrl+3; sleep 2
	click 200 140 3      # the sample briefing
	type_title "$2"
}

# Again, ending with SIGTERM.
reopen_and_type run2 " Term"
sleep 0.2
stop_app run2 TERM
check_private run2
got=$(title)
[[ "$got" == *" Hangup Term" ]] || fail "the title typed just before SIGTERM was not saved: the library has \"$got\""
echo "smoke: SIGTERM: clean exit, the last typing saved"

# Reading a PDF (the exported one) runs PDFium in a WebAssembly sandbox:
# no network there either.
traced pdf "$bin" --db "$tmp/pdf.db" import "$pdf" || fail "importing the exported PDF failed: $(cat "$tmp/pdf.log")"
check_network pdf
grep -q "Technology statecraft" "$tmp/pdf.log" || fail "the exported PDF read back without its title: $(cat "$tmp/pdf.log")"

# The network check itself: fetching a web page, which the user asks for,
# must show up as an AF_INET connect (to a closed port on this machine).
traced fetch "$bin" --db "$tmp/fetch.db" import http://127.0.0.1:9/ || true
grep -qwE 'AF_INET' "$tmp/fetch.trace" || fail "strace did not see the connect of a web import: the network check does not work"
[ -s "$lib" ] || fail "the library was not created"
echo "smoke: no internet socket opened (app, commands, PDF reading), no private path on standard error"

# The display going away first (a session ending before its programs are
# signalled): Xlib would exit on the spot; the app saves, then exits 0.
reopen_and_type run3 " Lost"
sleep 0.2
kill -9 "$xvfb"; wait "$xvfb" 2>/dev/null || true
stop_app run3 0      # signal 0: nothing sent, only the exit awaited
got=$(title)
[[ "$got" == *" Term Lost" ]] || fail "the title typed just before the display died was not saved: the library has \"$got\""
echo "smoke: display lost: clean exit, the last typing saved"
echo "smoke: clean exit"
