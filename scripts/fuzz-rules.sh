#!/usr/bin/env bash
# Fuzzes the SpamAssassin rule file parser with libFuzzer (and AddressSanitizer) for SECONDS
# (default 60), seeded with a few stock rule files when /usr/share/spamassassin exists.
# Crashes land in .fuzz/crashes/: each becomes a unit test.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
mkdir -p .fuzz/bin .fuzz/rules-work .fuzz/crashes
swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name Rules \
    Sources/Rules/Parse/*.swift Fuzz/RuleParserFuzz.swift -o .fuzz/bin/rule-parser-fuzz 2>.fuzz/rules-build.log \
    || { cat .fuzz/rules-build.log >&2; exit 1; }  # (the linker's ASan export warnings are noise)
seeds=()
if [ -d /usr/share/spamassassin ]; then
    mkdir -p .fuzz/rules-seeds
    for file in 20_head_tests.cf 25_replace.cf 20_meta_tests.cf; do
        [ -f "/usr/share/spamassassin/$file" ] && head -c 8000 "/usr/share/spamassassin/$file" > ".fuzz/rules-seeds/$file"
    done
    seeds+=(.fuzz/rules-seeds)
fi
.fuzz/bin/rule-parser-fuzz -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix=.fuzz/crashes/ .fuzz/rules-work "${seeds[@]}" 2>&1 | tail -n 15
