#!/usr/bin/env bash
# Virus-scan throughput, in process (libclamav) against clamd over INSTREAM, same messages and
# same signatures (the project's rules/clamav unless --signatures is given). Starts two clamd
# (temporary database directory, unix socket and TCP on a free loopback port each, cache off):
# one with clamd's default TemporaryDirectory ($TMPDIR or /tmp), as clamd is shipped, and one
# with its TemporaryDirectory on the tmpfs the in-process engine uses (/dev/shm, or --tmpdir),
# runs SwfilterBench scan against both, and stops them.
# The scan options are the same on both sides, spelt out in clamd.conf below: heuristic and
# limit alerts on, every parser on (clamd's defaults), the limits of ClamAVScanLimits' defaults,
# the clean-file cache off. clamd's cost is its own CPU time (/proc/PID/stat) plus the client's.
# The in-process engine puts its temporary directory where swfilter does by default (a private
# directory under /dev/shm when that is a writable tmpfs), or under --tmpdir.
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
inprocess_tmpdir=()
[ -n "$tmpdir" ] && inprocess_tmpdir=(--tmpdir "$tmpdir")
if [ -z "$tmpdir" ]; then
    if [ -d /dev/shm ] && [ -w /dev/shm ]; then tmpdir=/dev/shm; else tmpdir=${TMPDIR:-/tmp}; fi
fi
((${#signatures[@]})) || signatures=(rules/clamav)

swift build -c release --product SwfilterBench >/dev/null
work=$(mktemp -d)
clamd_tmpfs_dir=$(mktemp -d "$tmpdir/swfilter-bench-clamd.XXXXXX")
pids=()
cleanup() {
    for pid in ${pids[@]+"${pids[@]}"}; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
    rm -rf "$work" "$clamd_tmpfs_dir"
    true
}
trap cleanup EXIT

mkdir "$work/db"
for source in "${signatures[@]}"; do
    if [ -d "$source" ]; then cp "$source"/* "$work/db/"; else cp "$source" "$work/db/"; fi
done

# start_clamd NAME TEMPORARY-DIRECTORY-LINE: a clamd on $work/NAME.sock and a free TCP port;
# sets port and started_pid.
start_clamd() {
    local name=$1 temporary_line=$2
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
    cat >"$work/$name.conf" <<CONF
Foreground yes
DatabaseDirectory $work/db
LocalSocket $work/$name.sock
TCPSocket $port
TCPAddr 127.0.0.1
PidFile $work/$name.pid
LogFile $work/$name.log
$temporary_line
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
    "$clamd" --config-file="$work/$name.conf" >/dev/null 2>&1 &
    started_pid=$!
    pids+=("$started_pid")
    for _ in $(seq 1 150); do [ -S "$work/$name.sock" ] && break; sleep 0.1; done
    [ -S "$work/$name.sock" ] || { echo "bench-clamav: clamd ($name) did not start:" >&2; tail "$work/$name.log" >&2; exit 70; }
}

start_clamd default "# TemporaryDirectory: clamd's default"
default_pid=$started_pid default_port=$port
start_clamd tmpfs "TemporaryDirectory $clamd_tmpfs_dir"
tmpfs_pid=$started_pid tmpfs_port=$port
echo "clamd (default TemporaryDirectory: ${TMPDIR:-/tmp}) pid $default_pid; clamd (TemporaryDirectory $clamd_tmpfs_dir) pid $tmpfs_pid"

signature_arguments=()
for source in "${signatures[@]}"; do signature_arguments+=(--signatures "$source"); done
.build/release/SwfilterBench scan "${signature_arguments[@]}" ${inprocess_tmpdir[@]+"${inprocess_tmpdir[@]}"} \
    --clamd "unix:$work/default.sock" --clamd-pid "$default_pid" --clamd "tcp://127.0.0.1:$default_port" --clamd-pid "$default_pid" \
    --clamd "unix:$work/tmpfs.sock" --clamd-pid "$tmpfs_pid" --clamd "tcp://127.0.0.1:$tmpfs_port" --clamd-pid "$tmpfs_pid" \
    ${arguments[@]+"${arguments[@]}"}
