#!/usr/bin/env bash
# Installs every Debian package swfilter needs to build, run and test. Non-interactive and
# idempotent: packages already present are left alone. Run as root (or with sudo available).
set -euo pipefail

packages=(
    pkg-config
    libclamav-dev libpcre2-dev libmilter-dev libssl-dev libsqlite3-dev
    spamassassin  # /usr/share/spamassassin/*.cf, the stock rules the parser must load
    spamd spamc  # scripts/sa-agreement.sh and scripts/bench-rules.sh compare with spamd + spamc on the same messages
    bogofilter  # scripts/bayes-eval.sh compares the Bayes learner with it
    clamav clamav-daemon clamav-testfiles  # clamscan to compare with, clamd for the clamd backend, test payloads
)

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done

if ((${#missing[@]})); then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "setup: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

command -v swift >/dev/null || { echo "setup: swift is not on PATH (install Swift 6 first)" >&2; exit 69; }
