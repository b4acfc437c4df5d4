#!/usr/bin/env bash
# Issue 3's detection figures: every clamav-testfiles payload and EICAR, attached in four ways
# (scripts/virus-samples.py), scanned by `swfilter check --json` (in-process libclamav on the
# parts swfilter decoded) and by `clamscan` (ClamAV's own mail parser on the raw .eml), with the
# same signatures: the project's rules/clamav plus whatever is in /var/lib/clamav.
# Prints one line per message where they disagree, then the totals.
# Usage: scripts/virus-compare.sh [OUTDIR]
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-$(mktemp -d /tmp/swfilter-virus-compare.XXXXXX)}"
swift build -c release --product swfilter >/dev/null
python3 scripts/virus-samples.py "$out/samples"

databases=(-d rules/clamav)
if compgen -G "/var/lib/clamav/*.c[lv]d" >/dev/null; then databases+=(-d /var/lib/clamav); fi

.build/release/swfilter check --json "$out/samples" > "$out/swfilter.jsonl" || true
clamscan --no-summary --infected "${databases[@]}" -r "$out/samples" > "$out/clamscan.txt" 2>/dev/null || true

python3 - "$out" <<'PY'
import json, os, sys
out = sys.argv[1]
samples = sorted(f for f in os.listdir(os.path.join(out, "samples")) if f.endswith(".eml"))
ours = {}
for line in open(os.path.join(out, "swfilter.jsonl")):
    record = json.loads(line)
    ours[os.path.basename(record["file"])] = record.get("viruses") or []
theirs = {}
for line in open(os.path.join(out, "clamscan.txt")):
    if line.rstrip().endswith(" FOUND"):
        path, _, name = line.rstrip()[:-6].rpartition(": ")
        theirs.setdefault(os.path.basename(path), []).append(name)
rows = {"both": 0, "swfilter only": 0, "clamscan only": 0, "neither": 0}
wrong = []
for name in samples:
    clean = name.startswith("clean-")
    a, b = bool(ours.get(name)), bool(theirs.get(name))
    key = "both" if a and b else "swfilter only" if a else "clamscan only" if b else "neither"
    rows[key] += 1
    expected_hit = not clean
    if a != expected_hit or b != expected_hit:
        wrong.append(f"  {name}: swfilter={ours.get(name) or 'clean'} clamscan={theirs.get(name) or 'clean'}")
infected = [s for s in samples if not s.startswith("clean-")]
print(f"messages: {len(samples)} ({len(infected)} with a test virus, {len(samples) - len(infected)} clean)")
print(f"swfilter found {sum(1 for s in infected if ours.get(s))}/{len(infected)}, false alarms {sum(1 for s in samples if s.startswith('clean-') and ours.get(s))}")
print(f"clamscan found {sum(1 for s in infected if theirs.get(s))}/{len(infected)}, false alarms {sum(1 for s in samples if s.startswith('clean-') and theirs.get(s))}")
print("agreement: " + ", ".join(f"{k} {v}" for k, v in rows.items()))
if wrong:
    print("differences from the expected result:")
    print("\n".join(wrong))
PY
echo "virus-compare: files in $out"
