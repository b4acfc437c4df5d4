#!/usr/bin/env bash
# Virus-scan throughput, in process (libclamav) against clamd over INSTREAM, same messages and
# same signatures (the project's rules/clamav unless --signatures is given). Starts its own
# clamd (temporary database directory, unix socket, TCP on a free loopback port, cache off),
# runs SwfilterBench scan against it, and stops it.
# The scan options are the same on both sides, spelt out in clamd.conf below: heuristic and
# limit alerts on, every parser on (clamd's defaults), the limits of ClamAVScanLimits' defaults,
# the clean-file cache off. clamd's cost is its own CPU time (/proc/PID/stat) plus the client's.
# Both sides put libclamav's per-scan temporary directories on a tmpfs (/dev/shm) unless
# --tmpdir says otherwise: on some disks making and removing them costs milliseconds a scan.
#   scripts/bench-clamav.sh [--threads N] [--rounds N] [--signatures PATH]… [--tmpdir DIR] [DIR…]
# With no DIR, the shared SpamAssassin corpus beside the checkout is used.
set -euo pipefail
cd "$(dirname "$0")/.."
clamd=$(command -v clamd || echo /usr/sbin/clamd)
[ -x "$clamd" ] || { echo "bench-clamav: clamd not found (scripts/setup.sh installs clamav-daemon)" >&2; exit 69; }

signatures=()
arguments=()
tmpdir=""
while (($#)); do
    if [ "$1" = --signatures ] && (($# > 1)); then signatures+=("$2"); shift 2
    elif [ "$1" = --tmpdir ] && (($# > 1)); then tmpdir=$2; shift 2
    else arguments+=("$1"); shift; fi
done
if [ -z "$tmpdir" ]; then
    if [ -d /dev/shm ] && [ -w /dev/shm ]; then tmpdir=$(mktemp -d /dev/shm/swfilter-bench.XXXXXX); else tmpdir=$(mktemp -d); fi
    made_tmpdir=$tmpdir
fi
((${#signatures[@]})) || signatures=(rules/clamav)

swift build -c release --product SwfilterBench >/dev/null
work=$(mktemp -d)
pid=""
cleanup() {
    [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
    rm -rf "$work"
    [ -n "${made_tmpdir:-}" ] && rm -rf "$made_tmpdir"
    true
}
trap cleanup EXIT

mkdir "$work/db"
for source in "${signatures[@]}"; do
    if [ -d "$source" ]; then cp "$source"/* "$work/db/"; else cp "$source" "$work/db/"; fi
done
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
cat >"$work/clamd.conf" <<CONF
Foreground yes
DatabaseDirectory $work/db
LocalSocket $work/clamd.sock
TCPSocket $port
TCPAddr 127.0.0.1
PidFile $work/clamd.pid
LogFile $work/clamd.log
TemporaryDirectory $tmpdir
AlertExceedsMax yes
HeuristicAlerts yes
MaxFileSize 100M
MaxScanSize 400M
MaxRecursion 17
MaxFiles 10000
MaxScanTime 120000
DisableCache yes
StreamMaxLength 100M
MaxThreads 8
SelfCheck 0
CONF
"$clamd" --config-file="$work/clamd.conf" >/dev/null 2>&1 &
pid=$!
for _ in $(seq 1 150); do [ -S "$work/clamd.sock" ] && break; sleep 0.1; done
[ -S "$work/clamd.sock" ] || { echo "bench-clamav: clamd did not start:" >&2; tail "$work/clamd.log" >&2; exit 70; }

signature_arguments=()
for source in "${signatures[@]}"; do signature_arguments+=(--signatures "$source"); done
.build/release/SwfilterBench scan "${signature_arguments[@]}" --tmpdir "$tmpdir" --clamd-pid "$pid" \
    --clamd "unix:$work/clamd.sock" --clamd "tcp://127.0.0.1:$port" \
    ${arguments[@]+"${arguments[@]}"}
