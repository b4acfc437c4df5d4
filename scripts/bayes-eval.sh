#!/usr/bin/env bash
# Trains swfilter's Bayes learner, bogofilter and SpamAssassin (sa-learn) on the training split
# of ../shared/corpora/spamassassin, classifies its test split with each, and prints for each:
# false positives (ham at p >= 0.5), false negatives (spam at p < 0.5), ROC area, and the
# learning and classifying speed, and the database size after training; for swfilter also the
# classification latency per message (median and p99, BayesBench latency against the trained
# database). The split is the corpora README's: every 5th file is test.
#
#   scripts/bayes-eval.sh [--only swfilter|bogofilter|spamassassin]... [--corpus DIR] [--keep DIR]
#
# --keep DIR keeps the work files, among them each tool's DIR/TOOL.scores ("LABEL PROBABILITY
# NAME" per test message): `scripts/bayes_eval.py compare DIR/swfilter.scores DIR/bogofilter.scores`
# tests whether two tools' FP and FN differ more than chance would (McNemar's exact test).
# Needs python3; bogofilter and spamassassin (Debian packages of those names) for the peers,
# which are skipped with a note when missing. Builds swfilter in release mode first.
# scripts/bayes-cv.sh trains and classifies the same way within the training split's folds.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
corpus="$root/../shared/corpora/spamassassin"
[ -d "$corpus" ] || corpus=/work/shared/corpora/spamassassin
only=()
keep=""
while (($#)); do
    case "$1" in
        --only) only+=("$2"); shift 2 ;;
        --corpus) corpus="$2"; shift 2 ;;
        --keep) keep="$2"; shift 2 ;;
        *) echo "usage: $0 [--only swfilter|bogofilter|spamassassin]... [--corpus DIR] [--keep DIR]" >&2; exit 64 ;;
    esac
done
((${#only[@]})) || only=(swfilter bogofilter spamassassin)
[ -d "$corpus/ham" ] && [ -d "$corpus/spam" ] || { echo "no corpus at $corpus" >&2; exit 66; }

work=${keep:-$(mktemp -d /tmp/bayes-eval.XXXXXX)}
mkdir -p "$work"
[ -n "$keep" ] || trap 'rm -rf "$work"' EXIT
python3 "$here/bayes_eval.py" split "$corpus" "$work"
results="$work/results.txt"
: >"$results"

# "WALL CPU": wall-clock seconds, and the CPU seconds (user + system) of the finished child
# processes so far. The machine may be shared, so the rates are given per CPU second as well.
now() { # VAR: sets VAR to "WALL CPU" (times must run in this shell, not in a subshell)
    times >"$work/times"
    printf -v "$1" '%s %s' "$(date +%s.%N)" "$(awk 'NR == 2 { split($1, u, /[ms]/); split($2, s, /[ms]/); print u[1] * 60 + u[2] + s[1] * 60 + s[2] }' "$work/times")"
}
rate() { # COUNT "WALL CPU" "WALL CPU"
    python3 -c "import sys
n = int(sys.argv[1]); (wa, ca), (wb, cb) = (map(float, x.split()) for x in sys.argv[2:4])
print(f'{n / (wb - wa):.0f} msg/s ({wb - wa:.1f} s wall; {n / max(cb - ca, 1e-9):.0f} msg per CPU second)')" "$@"
}
count() { cat "$@" | wc -l; }
size() { du -sb "$1" | awk '{ printf "%.1f MiB", $1 / 1048576 }'; }
train_count=$(count "$work/train-ham.list" "$work/train-spam.list")
test_count=$(count "$work/test-ham.list" "$work/test-spam.list")

# Each classifier writes "ham|spam PROBABILITY NAME" lines to $work/NAME.scores.
source "$here/bayes-tools.sh"

run_swfilter() {
    swfilter_build
    local state="$work/swfilter-state" a b c
    # The folders of links are made before the clock starts (see swfilter_learn_prepared).
    swfilter_prepare "$state" "$work/train-ham.list" "$work/train-spam.list"
    link_folder "$state.test-ham" "$work/test-ham.list"
    link_folder "$state.test-spam" "$work/test-spam.list"
    now a
    swfilter_learn_prepared "$state"
    now b
    { swfilter_folder_scores ham "$state" "$state.test-ham"; swfilter_folder_scores spam "$state" "$state.test-spam"; } >"$work/swfilter.scores"
    now c
    rm -rf "$state.links" "$state.test-ham" "$state.test-spam"
    "$root/.build/release/swfilter" learn --config "$state.toml" --state-dir "$state" --stats >&2
    python3 "$here/bayes_eval.py" metrics swfilter "$work/swfilter.scores" >>"$results"
    echo "swfilter     learn $(rate "$train_count" "$a" "$b"), classify $(rate "$test_count" "$b" "$c"), database $(size "$state")" >>"$results"
    { sed 's/^/ham /' "$work/test-ham.list"; sed 's/^/spam /' "$work/test-spam.list"; } |
        "$root/.build/release/BayesBench" latency "$state/bayes.sqlite" | sed 's/^/swfilter     /' >>"$results"
}

run_peer() { # bogofilter|spamassassin
    local name="$1" db="$work/$1" a b c
    tool_available "$name" || { echo "$name   not installed (apt-get install $name): skipped" >>"$results"; return; }
    now a
    "${name}_learn" "$db" "$work/train-ham.list" "$work/train-spam.list"
    now b
    tool_scores "$name" "$db" "$work/test-ham.list" "$work/test-spam.list" >"$work/$name.scores"
    now c
    python3 "$here/bayes_eval.py" metrics "$name" "$work/$name.scores" >>"$results"
    printf '%-12s learn %s, classify %s, database %s\n' "$name" "$(rate "$train_count" "$a" "$b")" \
        "$(rate "$test_count" "$b" "$c")" "$(size "$db")" >>"$results"
}

for name in "${only[@]}"; do
    case "$name" in
        swfilter) run_swfilter ;;
        bogofilter | spamassassin) run_peer "$name" ;;
        *) echo "unknown classifier $name" >&2; exit 64 ;;
    esac
done
echo "== train $train_count messages, test $test_count (FP: ham at p >= 0.5; FN: spam at p < 0.5)"
cat "$results"
