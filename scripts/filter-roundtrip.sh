#!/usr/bin/env bash
# swfilter filter on every message of the shared corpus (or the folders given): the output minus
# the added X-Spam-* fields must equal the input byte for byte.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product swfilter >/dev/null
if [ $# -eq 0 ]; then set -- ../shared/corpora/spamassassin/ham ../shared/corpora/spamassassin/spam; fi
exec python3 scripts/filter-roundtrip.py .build/release/swfilter "$@"
