#!/usr/bin/env bash
# Cross-validation of swfilter's Bayes learner, bogofilter and SpamAssassin (sa-learn) inside the
# TRAINING split of ../shared/corpora/spamassassin (the test split is never read): for each cut
# (a seed), five folds as scripts/bayes-tune.py makes them; each tool, trained as
# scripts/bayes-eval.sh trains it, learns four folds and classifies the fifth. Prints a line per
# fold as it goes, then per cut and tool FP, FN and ROC area (per fold, summed, the mean of the
# folds' and the pooled one), on how many folds each tool has fewer FN (FP) than each other, and
# McNemar's exact test of swfilter against each peer on the same messages.
#
#   scripts/bayes-cv.sh [--seeds 0-1|0,3,5] [--only swfilter|bogofilter|spamassassin]... [--corpus DIR]
#                       [--labeled FILE] [--keep DIR]
#
# --labeled: "ham|spam PATH" lines in the order of bayes-tune.py's token dump (default: the
# training split's ham then spam files, which is how train.labeled is made). --keep DIR keeps
# DIR/seedN/foldK/TOOL.scores ("LABEL PROBABILITY NAME"); `bayes_eval.py cv DIR` prints the
# figures again from them, also of an interrupted run, and a later run into the same DIR skips
# the folds it holds and sums every cut in it. SpamAssassin learns about 95 msg/s, so a fold
# takes one to two minutes (three at load 10). Needs python3 (no numpy); bogofilter and
# spamassassin are skipped with a note when missing.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
corpus="$root/../shared/corpora/spamassassin"
[ -d "$corpus" ] || corpus=/work/shared/corpora/spamassassin
seeds="0"
only=()
labeled=""
keep=""
usage="usage: $0 [--seeds 0-1|0,3,5] [--only swfilter|bogofilter|spamassassin]... [--corpus DIR] [--labeled FILE] [--keep DIR]"
while (($#)); do
    case "$1" in
        --seeds) seeds="$2"; shift 2 ;;
        --only) only+=("$2"); shift 2 ;;
        --corpus) corpus="$2"; shift 2 ;;
        --labeled) labeled="$2"; shift 2 ;;
        --keep) keep="$2"; shift 2 ;;
        *) echo "$usage" >&2; exit 64 ;;
    esac
done
((${#only[@]})) || only=(swfilter bogofilter spamassassin)
case "$seeds" in
    *-*) seeds=$(seq "${seeds%-*}" "${seeds#*-}") ;;
    *) seeds=${seeds//,/ } ;;
esac

source "$here/bayes-tools.sh"
tools=()
for tool in "${only[@]}"; do
    if tool_available "$tool"; then tools+=("$tool"); else echo "$tool not installed (apt-get install $tool): skipped"; fi
done
((${#tools[@]})) || exit 69

# Each tool's learning or classifying of one fold is stopped after this many seconds (a fold takes
# minutes for SpamAssassin, seconds for the others).
step_limit=1800
export root here
bounded() { # FUNCTION ARGS...: one of bayes-tools.sh's functions, stopped after $step_limit s
    timeout -k 10 "$step_limit" bash -c 'source "$here/bayes-tools.sh"; "$@"' bounded "$@"
}

work=$(mktemp -d /tmp/bayes-cv.XXXXXX)
trap 'rm -rf "$work"' EXIT
out=${keep:-$work/scores}
mkdir -p "$out"
source="$labeled"
if [ -z "$labeled" ]; then
    [ -d "$corpus/ham" ] && [ -d "$corpus/spam" ] || { echo "no corpus at $corpus" >&2; exit 66; }
    source="the training split of $corpus"
    python3 "$here/bayes_eval.py" split "$corpus" "$work" 2>/dev/null
    labeled="$work/train.labeled"
    { sed 's/^/ham /' "$work/train-ham.list"; sed 's/^/spam /' "$work/train-spam.list"; } >"$labeled"
    rm -f "$work"/test-*.list
fi
[[ " ${tools[*]} " == *" swfilter "* ]] && swfilter_build

echo "== $(wc -l <"$labeled") messages of $source; cuts (seeds): $(echo $seeds); tools: ${tools[*]}"
for seed in $seeds; do
    lists="$work/lists"
    rm -rf "$lists"
    python3 "$here/bayes_eval.py" folds "$labeled" "$seed" "$lists"
    for fold in 0 1 2 3 4; do
        started=$SECONDS
        folder="$out/seed$seed/fold$fold"
        mkdir -p "$folder"
        test_lists=("$lists/fold$fold-test-ham.list" "$lists/fold$fold-test-spam.list")
        expected=$(cat "${test_lists[@]}" | wc -l)
        for tool in "${tools[@]}"; do
            # A fold that a run into the same --keep DIR finished is not run again.
            [ -f "$folder/$tool.scores" ] && [ "$(wc -l <"$folder/$tool.scores")" -eq "$expected" ] && continue
            db="$work/$tool-db"
            bounded "${tool}_learn" "$db" "$lists/fold$fold-train-ham.list" "$lists/fold$fold-train-spam.list" 2>"$work/learn.log" ||
                { cat "$work/learn.log" >&2; echo "$tool: learning failed or took over $step_limit s" >&2; exit 70; }
            bounded tool_scores "$tool" "$db" "${test_lists[@]}" >"$folder/$tool.scores" ||
                { echo "$tool: classifying failed or took over $step_limit s" >&2; exit 70; }
            [ "$(wc -l <"$folder/$tool.scores")" -eq "$expected" ] ||
                { echo "$tool: $(wc -l <"$folder/$tool.scores") scores for $expected messages" >&2; exit 70; }
            rm -rf "$db" "$db".*
        done
        echo "seed $seed fold $((fold + 1))/5 ($((SECONDS - started)) s): $(python3 "$here/bayes_eval.py" fold "$folder")"
    done
done
python3 "$here/bayes_eval.py" cv "$out"
