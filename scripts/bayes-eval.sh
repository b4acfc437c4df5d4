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
# Needs python3; bogofilter and spamassassin (Debian packages of those names) for the peers,
# which are skipped with a note when missing. Builds swfilter in release mode first.
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

# Each classifier writes "ham|spam PROBABILITY" lines to $work/NAME.scores.
label_scores() { # LIST LABEL: reads "PATH SCORE" lines, writes "LABEL SCORE"
    awk -v label="$2" '{ print label, $NF }'
}

run_swfilter() {
    echo "== swfilter: building (release)" >&2
    (cd "$root" && swift build -c release --product swfilter >&2 && swift build -c release --product BayesBench >&2)
    local bin="$root/.build/release/swfilter" state="$work/swfilter-state" config="$work/swfilter.toml"
    rm -rf "$state"
    mkdir -p "$state"
    printf '[bayes]\nenabled = true\n[virus]\nenabled = false\n[rules]\nenabled = false\n' >"$config"
    # Each part of the split as a directory of links, as an admin would learn a folder.
    local part label a b c
    for part in train test; do
        for label in ham spam; do
            rm -rf "$work/$part/$label"
            mkdir -p "$work/$part/$label"
            xargs -a "$work/$part-$label.list" -d '\n' ln -s -t "$work/$part/$label"
        done
    done
    now a
    "$bin" learn --config "$config" --state-dir "$state" --ham "$work/train/ham" --spam "$work/train/spam" >&2
    now b
    : >"$work/swfilter.scores"
    for label in ham spam; do
        "$bin" check --json --config "$config" --state-dir "$state" "$work/test/$label" |
            python3 -c 'import json, sys
for line in sys.stdin:
    record = json.loads(line)
    print(sys.argv[1], "null" if record["bayes"] is None else record["bayes"])' "$label" >>"$work/swfilter.scores"
    done
    now c
    "$bin" learn --config "$config" --state-dir "$state" --stats >&2
    python3 "$here/bayes_eval.py" metrics swfilter "$work/swfilter.scores" >>"$results"
    echo "swfilter     learn $(rate "$train_count" "$a" "$b"), classify $(rate "$test_count" "$b" "$c"), database $(size "$state")" >>"$results"
    { sed 's/^/ham /' "$work/test-ham.list"; sed 's/^/spam /' "$work/test-spam.list"; } |
        "$root/.build/release/BayesBench" latency "$state/bayes.sqlite" | sed 's/^/swfilter     /' >>"$results"
}

run_bogofilter() {
    command -v bogofilter >/dev/null || { echo "bogofilter     not installed (apt-get install bogofilter): skipped" >>"$results"; return; }
    local db="$work/bogofilter" a b c
    rm -rf "$db"
    mkdir -p "$db"
    now a
    xargs -a "$work/train-ham.list" -d '\n' bogofilter -C -d "$db" -n -B
    xargs -a "$work/train-spam.list" -d '\n' bogofilter -C -d "$db" -s -B
    now b
    : >"$work/bogofilter.scores"
    for label in ham spam; do
        # -T prints "PATH X SPAMICITY"; exit status 0/1/2 is the verdict, not an error.
        { xargs -a "$work/test-$label.list" -d '\n' bogofilter -C -d "$db" -T -B || true; } |
            label_scores "$work/test-$label.list" "$label" >>"$work/bogofilter.scores"
    done
    now c
    python3 "$here/bayes_eval.py" metrics bogofilter "$work/bogofilter.scores" >>"$results"
    echo "bogofilter   learn $(rate "$train_count" "$a" "$b"), classify $(rate "$test_count" "$b" "$c"), database $(size "$db")" >>"$results"
}

run_spamassassin() {
    command -v sa-learn >/dev/null || { echo "spamassassin   not installed (apt-get install spamassassin): skipped" >>"$results"; return; }
    local db="$work/spamassassin" prefs="$work/sa-prefs.cf" rules="$work/sa-rules" a b c
    rm -rf "$db" "$rules"
    mkdir -p "$db" "$rules"
    # SpamAssassin's Bayes as installed: its plugins (.pre), default preferences, TLD list, Bayes
    # rules and Bayes stop words, linked from the installed files. The other rules are left out:
    # they do not change the Bayes probability (checked identical), only make scanning slow.
    ln -s /etc/spamassassin/*.pre "$rules/"
    for file in 10_default_prefs.cf 20_aux_tlds.cf 23_bayes.cf 60_bayes_stopwords.cf; do
        [ -e "/usr/share/spamassassin/$file" ] && ln -s "/usr/share/spamassassin/$file" "$rules/"
    done
    # Nothing expires or auto-learns while the evaluation runs.
    printf 'bayes_auto_learn 0\nbayes_auto_expire 0\n' >"$prefs"
    local learn=(sa-learn -C "$rules" --siteconfigpath "$rules" -p "$prefs" --dbpath "$db/bayes")
    now a
    xargs -a "$work/train-ham.list" -d '\n' "${learn[@]}" --no-sync --ham >&2
    xargs -a "$work/train-spam.list" -d '\n' "${learn[@]}" --no-sync --spam >&2
    "${learn[@]}" --sync >&2
    now b
    : >"$work/spamassassin.scores"
    for label in ham spam; do
        perl "$here/sa-bayes-score.pl" "$db/bayes" "$rules" <"$work/test-$label.list" 2>/dev/null |
            label_scores "$work/test-$label.list" "$label" >>"$work/spamassassin.scores"
    done
    now c
    python3 "$here/bayes_eval.py" metrics spamassassin "$work/spamassassin.scores" >>"$results"
    echo "spamassassin learn $(rate "$train_count" "$a" "$b"), classify $(rate "$test_count" "$b" "$c"), database $(size "$db")" >>"$results"
}

for name in "${only[@]}"; do
    case "$name" in
        swfilter) run_swfilter ;;
        bogofilter) run_bogofilter ;;
        spamassassin) run_spamassassin ;;
        *) echo "unknown classifier $name" >&2; exit 64 ;;
    esac
done
echo "== train $train_count messages, test $test_count (FP: ham at p >= 0.5; FN: spam at p < 0.5)"
cat "$results"
