#!/usr/bin/env bash
# Fuzzes the message parser with libFuzzer (and AddressSanitizer) for SECONDS (default 60),
# seeded with the project's corpus/. Crashes land in .fuzz/crashes/: each becomes a unit test.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
mkdir -p .fuzz/bin .fuzz/work .fuzz/crashes
swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name MailMessage \
    Sources/MailMessage/*.swift Fuzz/MessageParserFuzz.swift -o .fuzz/bin/message-parser-fuzz 2>.fuzz/build.log \
    || { cat .fuzz/build.log >&2; exit 1; }  # (the linker's ASan export warnings are noise)
seeds=()
[ -d corpus ] && seeds+=(corpus)
.fuzz/bin/message-parser-fuzz -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix=.fuzz/crashes/ .fuzz/work "${seeds[@]}" 2>&1 | tail -n 15
