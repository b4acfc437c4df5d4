#!/usr/bin/env bash
# Hit rate of each rule on the TRAINING split of the SpamAssassin public corpus, ham against spam,
# measured with `swfilter check --json --rules`. Use it to keep rules that hit spam and (nearly)
# no ham, and to score them. The test split (every 5th file of each class, sorted by name) is
# never read: rules are designed on training mail only.
#
#   scripts/rule-hitrates.sh [--swfilter BIN] [--corpus DIR] [RULE_PATH...]
#
# RULE_PATH defaults to the project's rules/. Sub-rules (__NAME) are measured too: they are
# renamed SUB_NAME (score 0.001) in a temporary copy, since swfilter never reports sub-rules. Virus scanning
# and Bayes are off, so only the rules count. Output: one line per rule, sorted by spam hits:
# score, ham hits and %, spam hits and %, name.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
swfilter="$root/.build/release/swfilter"
[ -x "$swfilter" ] || swfilter="$root/.build/debug/swfilter"
corpus="$root/../shared/corpora/spamassassin"
rule_paths=()
while [ $# -gt 0 ]; do
    case "$1" in
        --swfilter) swfilter=$2; shift 2 ;;
        --corpus) corpus=$2; shift 2 ;;
        -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
        *) rule_paths+=("$1"); shift ;;
    esac
done
[ ${#rule_paths[@]} -gt 0 ] || rule_paths=("$root/rules")
[ -x "$swfilter" ] || { echo "no swfilter binary: swift build -c release --product swfilter" >&2; exit 69; }
[ -d "$corpus/ham" ] && [ -d "$corpus/spam" ] || { echo "no corpus at $corpus" >&2; exit 66; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A copy of the rule files with sub-rules made visible, in the same order.
mkdir "$work/rules"
index=0
for path in "${rule_paths[@]}"; do
    if [ -d "$path" ]; then files=$(LC_ALL=C ls "$path" | grep '\.cf$' | sed "s#^#$path/#"); else files=$path; fi
    for file in $files; do
        index=$((index + 1))
        copy="$work/rules/$(printf %03d "$index")_$(basename "$file")"
        sed 's/\b__\([A-Z0-9_]*\)/SUB_\1/g' "$file" > "$copy"
        # Nearly no points, so that the verdicts stay those of the real rules (0 would turn them off).
        extra=$(awk '$2 ~ /^SUB_/ && $1 ~ /^(header|body|rawbody|full|uri|mimeheader|meta)$/ { print "score", $2, "0.001" }' "$copy")
        [ -z "$extra" ] || printf '%s\n' "$extra" >> "$copy"
    done
done

printf '[virus]\nenabled = false\n[bayes]\nenabled = false\n' > "$work/config.toml"

# Training split: sort each class's names; every 5th (index 4, 9, …) is test and skipped.
for class in ham spam; do
    LC_ALL=C ls "$corpus/$class" | awk -v dir="$corpus/$class" 'NR % 5 != 0 { print dir "/" $0 }' > "$work/$class.list"
    xargs -a "$work/$class.list" "$swfilter" check --config "$work/config.toml" --json --rules "$work/rules" \
        2>"$work/$class.err" > "$work/$class.json" || true
    if [ ! -s "$work/$class.json" ]; then cat "$work/$class.err" >&2; exit 70; fi
done

# Scores as the rule files set them (the last score line wins; no line means 1).
cat "$work"/rules/*.cf | awk '$1 == "score" { print $2, $3 }' > "$work/scores"

awk -v hamlist="$work/ham.list" -v spamlist="$work/spam.list" -v scores="$work/scores" '
    BEGIN {
        while ((getline line < hamlist) > 0) hamTotal++
        while ((getline line < spamlist) > 0) spamTotal++
        while ((getline line < scores) > 0) { split(line, f, " "); score[f[1]] = f[2] }
    }
    {
        class = (FILENAME ~ /ham\.json$/) ? "ham" : "spam"
        if (match($0, /"hits":\[[^]]*\]/)) {
            list = substr($0, RSTART + 8, RLENGTH - 9)
            gsub(/"/, "", list)
            n = split(list, names, ",")
            for (i = 1; i <= n; i++) if (names[i] != "") { hits[names[i]]++; seen[names[i]] = 1; byClass[class, names[i]]++ }
        }
        messages[class]++
        if ($0 ~ /"spam":true/) flagged[class]++
    }
    END {
        printf "# training split: %d ham, %d spam messages (of %d and %d checked)\n", hamTotal, spamTotal, messages["ham"], messages["spam"]
        printf "# over the required score with these rules alone: %d ham (%.2f%%), %d spam (%.1f%%)\n", flagged["ham"], 100 * flagged["ham"] / hamTotal,
            flagged["spam"], 100 * flagged["spam"] / spamTotal
        printf "# %6s %6s %7s %6s %7s  %s\n", "score", "ham", "ham%", "spam", "spam%", "rule"
        for (name in seen) {
            s = (name in score) ? score[name] : "1"
            printf "  %6s %6d %6.2f%% %6d %6.2f%%  %s\n", s, byClass["ham", name], 100 * byClass["ham", name] / hamTotal,
                byClass["spam", name], 100 * byClass["spam", name] / spamTotal, name
        }
    }' "$work/ham.json" "$work/spam.json" | { IFS= read -r first; IFS= read -r second; IFS= read -r third; printf '%s\n' "$first" "$second" "$third"; sort -k4,4nr -k6,6; }
