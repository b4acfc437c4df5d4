#!/usr/bin/env bash
# Runs swfilter on its embedded default configuration (no configuration file needed): shows the
# effective configuration, then passes a sample message through the pipe filter and checks it.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.build/release/swfilter
sample=corpus/mime/alternative-text-html.eml
[ -f "$sample" ] || sample=$(ls corpus/*/*.eml | head -n 1)
state=$(mktemp -d)
trap 'rm -rf "$state"' EXIT
echo "== swfilter $("$bin" --version): effective configuration (built-in defaults)"
"$bin" config show --state-dir "$state" | sed -n '1,12p'
echo "   ..."
echo "== swfilter filter < $sample"
"$bin" filter --state-dir "$state" < "$sample" | sed -n '1,/^$/p'
echo "== swfilter check $sample"
"$bin" check --state-dir "$state" "$sample"
