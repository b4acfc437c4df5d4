#!/usr/bin/env bash
# Agreement with SpamAssassin itself (issue 4): on the test split of the SpamAssassin public
# corpus (every 5th file of each class's sorted names: 829 ham + 379 spam), with the stock rules
# only and no Bayes or network tests, compares swfilter's hits with spamd's (`spamd -L` +
# `spamc -y`) message by message, and prints the share of (message, rule) hits that agree, over
# the rules swfilter loads, and the rules that disagree most.
#
# Usage: scripts/sa-agreement.sh [--limit N] [--top N] [--details FILE] [--children N]
# Environment: CORPUS (default ../shared/corpora/spamassassin next to the repository, else
# /work/shared/corpora/spamassassin), SWFILTER (a built binary; default: build release),
# SA_AGREEMENT_CACHE (default .cache/sa-agreement in the repository).
# SpamAssassin's answers are cached by file name, SpamAssassin version and rule-set hash (spamd
# spends about 340 ms of CPU per message); delete the cache directory to ask it again.
# Needs spamd and spamc (scripts/setup.sh installs them) and python3.
set -euo pipefail
cd "$(dirname "$0")/.."

corpus=${CORPUS:-}
if [ -z "$corpus" ]; then
    for candidate in ../shared/corpora/spamassassin /work/shared/corpora/spamassassin; do
        [ -d "$candidate/ham" ] && { corpus=$candidate; break; }
    done
fi
[ -n "$corpus" ] && [ -d "$corpus/ham" ] || { echo "sa-agreement: no corpus (set CORPUS)" >&2; exit 66; }
command -v spamc >/dev/null && { command -v spamd >/dev/null || [ -x /usr/sbin/spamd ]; } \
    || { echo "sa-agreement: spamd/spamc missing (scripts/setup.sh installs them)" >&2; exit 69; }

swfilter=${SWFILTER:-}
if [ -z "$swfilter" ]; then
    swift build -c release --product swfilter >&2
    swfilter="$(swift build -c release --show-bin-path)/swfilter"
fi

export PATH="$PATH:/usr/sbin"
exec python3 scripts/sa_agreement.py --swfilter "$swfilter" --corpus "$corpus" \
    --cache "${SA_AGREEMENT_CACHE:-.cache/sa-agreement}" "$@"
