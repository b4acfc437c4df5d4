#!/usr/bin/env bash
# Rules throughput on one core: swfilter's rule engine with SpamAssassin's stock rules
# (SwfilterBench rules) against spamd + spamc on the same messages, in the same run.
# spamd runs on 127.0.0.1 on a free port: local tests only (-L), no Bayes, no auto-welcome-list,
# one child; its CPU is read from /proc/<pid>/stat (spamd and its children) before and after,
# spamc's from the rusage of the children the driver waited for. The sample is N messages evenly
# spread over the sorted corpus (default 300: spamd needs a third of a second for each).
#   scripts/bench-rules.sh [--sample N | --all] [--rounds N] [DIR…]
# With no DIR, the shared SpamAssassin corpus beside the checkout is used.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
sample=300
rounds=3
directories=()
while (($#)); do
    case "$1" in
        --sample) sample=$2; shift 2 ;;
        --all) sample=0; shift ;;
        --rounds) rounds=$2; shift 2 ;;
        *) directories+=("$1"); shift ;;
    esac
done
if ((${#directories[@]} == 0)); then
    corpus="$root/../shared/corpora/spamassassin"
    directories=("$corpus/ham" "$corpus/spam")
fi
spamd=$(command -v spamd || echo /usr/sbin/spamd)
spamc=$(command -v spamc || echo /usr/bin/spamc)
[ -x "$spamd" ] && [ -x "$spamc" ] || { echo "bench-rules: spamd/spamc not found (scripts/setup.sh installs them)" >&2; exit 69; }

swift build -c release --product SwfilterBench >/dev/null
work=$(mktemp -d)
chmod 755 "$work"
spamd_pid=""
cleanup() {
    if [ -n "$spamd_pid" ]; then
        kill "$spamd_pid" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$spamd_pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$spamd_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

# The sample, as numbered links so both sides read the same files in the same order.
find "${directories[@]}" -type f | sort >"$work/all"
python3 - "$work/all" "$sample" "$work/sample" <<'PY'
import os, sys
paths = open(sys.argv[1]).read().split("\n")[:-1]
count = int(sys.argv[2])
if 0 < count < len(paths):
    paths = [paths[i * len(paths) // count] for i in range(count)]
os.mkdir(sys.argv[3])
for index, path in enumerate(paths):
    os.symlink(path, os.path.join(sys.argv[3], "%06d" % index))
PY
messages=$(ls "$work/sample" | wc -l)
echo "bench-rules: $messages messages; machine load: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== swfilter (SwfilterBench rules, stock rules, one core)"
.build/release/SwfilterBench rules --rounds "$rounds" "$work/sample" | tee "$work/swfilter.txt"

echo "== spamd -L + spamc (stock rules, no Bayes, no network tests, one child)"
mkdir "$work/site" "$work/home"
chmod 777 "$work/home"
# The site configuration Debian installs (plugins to load), then ours: the Bayes store and the
# auto-welcome-list stay off, so every message costs the same.
cp /etc/spamassassin/*.pre /etc/spamassassin/*.cf "$work/site/" 2>/dev/null || true
cat >>"$work/site/local.cf" <<CF
use_bayes 0
bayes_auto_learn 0
use_auto_whitelist 0
use_auto_welcomelist 0
CF
chmod -R a+rX "$work/site"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
"$spamd" -L -x -u nobody -H "$work/home" -C /usr/share/spamassassin --siteconfigpath="$work/site" \
    -i "127.0.0.1:$port" -A 127.0.0.1 -m 1 --min-children=1 --min-spare=1 --max-spare=1 --max-conn-per-child=1000000 \
    -r "$work/spamd.pid" -s stderr >"$work/spamd.log" 2>&1 &
spamd_pid=$!
for _ in $(seq 600); do
    "$spamc" -d 127.0.0.1 -p "$port" -K >/dev/null 2>&1 && break
    kill -0 "$spamd_pid" 2>/dev/null || { echo "bench-rules: spamd did not start:" >&2; tail -5 "$work/spamd.log" >&2; exit 70; }
    sleep 0.2
done

python3 - "$spamc" "$port" "$spamd_pid" "$work/sample" "$work/swfilter.txt" <<'PY'
import os, re, resource, subprocess, sys
spamc, port, spamd, folder, swfilter_report = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
ticks = os.sysconf("SC_CLK_TCK")

def cpu(pid):
    """utime + stime + cutime + cstime of a process, in seconds (0 when it is gone)."""
    try:
        fields = open("/proc/%d/stat" % pid).read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return sum(int(value) for value in fields[11:15]) / ticks

def children(pid):
    found = []
    for task in os.listdir("/proc/%d/task" % pid):
        try:
            found += [int(child) for child in open("/proc/%d/task/%s/children" % (pid, task)).read().split()]
        except OSError:
            pass
    return found

def spamd_cpu():
    return cpu(spamd) + sum(cpu(child) for child in children(spamd))

command = [spamc, "-d", "127.0.0.1", "-p", port, "-y", "-x", "-s", "100000000"]
files = sorted(os.listdir(folder))
with open(os.path.join(folder, files[0]), "rb") as warm:
    subprocess.run(command, stdin=warm, stdout=subprocess.DEVNULL)  # first message loads lazily
before_spamd = spamd_cpu()
before_spamc = resource.getrusage(resource.RUSAGE_CHILDREN)
failed = 0
for name in files:
    with open(os.path.join(folder, name), "rb") as message:
        result = subprocess.run(command, stdin=message, stdout=subprocess.DEVNULL)
    failed += result.returncode != 0
after_spamc = resource.getrusage(resource.RUSAGE_CHILDREN)
spamd_seconds = spamd_cpu() - before_spamd
spamc_seconds = (after_spamc.ru_utime - before_spamc.ru_utime) + (after_spamc.ru_stime - before_spamc.ru_stime)
count = len(files)
total = spamd_seconds + spamc_seconds
print("spamd: %.1f ms CPU/message, spamc: %.1f ms CPU/message; together %.1f ms = %.1f messages/s on one core (%d messages, %d spamc errors)"
      % (spamd_seconds * 1000 / count, spamc_seconds * 1000 / count, total * 1000 / count, count / total, count, failed))

report = open(swfilter_report).read()
rules = float(re.search(r"rules \(views \+ evaluation\): ([0-9.]+) ms", report).group(1))
both = float(re.search(r"parse \+ rules: ([0-9.]+) ms", report).group(1))
sa = total * 1000 / count
print("== on the same %d messages" % count)
print("swfilter parse + rules: %.3f ms CPU/message (%.0f messages/s); rules alone %.3f ms" % (both, 1000 / both, rules))
print("SpamAssassin (spamd + spamc): %.1f ms CPU/message (%.1f messages/s)" % (sa, 1000 / sa))
print("ratio: swfilter is %.0fx faster (parse + rules), %.0fx counting the rules alone" % (sa / both, sa / rules))
PY
