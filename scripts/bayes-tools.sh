# Sourced by scripts/bayes-eval.sh and scripts/bayes-cv.sh: how each Bayes classifier is built,
# trained on lists of message files (one path a line) and asked for its probabilities.
# The caller sets $root (the repository) and $here (scripts/).
#
# Every TOOL_scores LABEL DB LIST writes "LABEL PROBABILITY NAME" lines (NAME: the file's base
# name; PROBABILITY "null" where the tool gave none), which bayes_eval.py reads.

tool_available() { # TOOL: true when its programs are installed
    case "$1" in
        swfilter) true ;;
        bogofilter) command -v bogofilter >/dev/null ;;
        spamassassin) command -v sa-learn >/dev/null ;;
        *) echo "unknown classifier $1" >&2; exit 64 ;;
    esac
}

link_folder() { # DIR LIST: DIR (emptied) holds a link to each file of LIST, as a folder to learn or check
    rm -rf "$1"
    mkdir -p "$1"
    xargs -a "$2" -d '\n' ln -s -t "$1"
}

swfilter_build() {
    echo "== swfilter: building (release)" >&2
    (cd "$root" && swift build -c release --product swfilter >&2 && swift build -c release --product BayesBench >&2)
}

swfilter_config() { # FILE: Bayes only, as the comparison needs
    printf '[bayes]\nenabled = true\n[virus]\nenabled = false\n[rules]\nenabled = false\n' >"$1"
}

swfilter_prepare() { # STATE HAM_LIST SPAM_LIST: a fresh state directory, and folders of links to learn
    local state="$1"
    rm -rf "$state" "$state.links"
    mkdir -p "$state"
    swfilter_config "$state.toml"
    link_folder "$state.links/ham" "$2"
    link_folder "$state.links/spam" "$3"
}

swfilter_learn_prepared() { # STATE: learns the folders swfilter_prepare made (links are slow to make
    # on some file systems: timing this alone measures swfilter, as an admin learning a folder sees it)
    "$root/.build/release/swfilter" learn --config "$1.toml" --state-dir "$1" \
        --ham "$1.links/ham" --spam "$1.links/spam" >&2
}

swfilter_learn() { # STATE HAM_LIST SPAM_LIST: a fresh state directory learns each list as a folder
    swfilter_prepare "$@"
    swfilter_learn_prepared "$1"
    rm -rf "$1.links"
}

swfilter_folder_scores() { # LABEL STATE FOLDER
    "$root/.build/release/swfilter" check --json --config "$2.toml" --state-dir "$2" "$3" |
        python3 -c 'import json, os, sys
for line in sys.stdin:
    record = json.loads(line)
    print(sys.argv[1], "null" if record["bayes"] is None else record["bayes"], os.path.basename(record["file"]))' "$1"
}

swfilter_scores() { # LABEL STATE LIST
    link_folder "$2.check" "$3"
    swfilter_folder_scores "$1" "$2" "$2.check"
    rm -rf "$2.check"
}

bogofilter_learn() { # DB HAM_LIST SPAM_LIST
    rm -rf "$1"
    mkdir -p "$1"
    xargs -a "$2" -d '\n' bogofilter -C -d "$1" -n -B
    xargs -a "$3" -d '\n' bogofilter -C -d "$1" -s -B
}

bogofilter_scores() { # LABEL DB LIST
    # -T prints "PATH X SPAMICITY"; exit status 0/1/2 is the verdict, not an error.
    { xargs -a "$3" -d '\n' bogofilter -C -d "$2" -T -B || true; } |
        awk -v label="$1" '{ n = split($1, part, "/"); print label, $NF, part[n] }'
}

spamassassin_rules() { # DIR: SpamAssassin's Bayes as installed; DIR.prefs: a fixed database
    rm -rf "$1"
    mkdir -p "$1"
    # Its plugins (.pre), default preferences, TLD list, Bayes rules and Bayes stop words, linked
    # from the installed files. The other rules are left out: they do not change the Bayes
    # probability (checked identical), only make scanning slow.
    ln -s /etc/spamassassin/*.pre "$1/"
    local file
    for file in 10_default_prefs.cf 20_aux_tlds.cf 23_bayes.cf 60_bayes_stopwords.cf; do
        [ -e "/usr/share/spamassassin/$file" ] && ln -s "/usr/share/spamassassin/$file" "$1/"
    done
    # Nothing expires or auto-learns while the evaluation runs (a file outside the rules folder).
    printf 'bayes_auto_learn 0\nbayes_auto_expire 0\n' >"$1.prefs"
}

spamassassin_learn() { # DB HAM_LIST SPAM_LIST (its rules in DB.rules)
    rm -rf "$1"
    mkdir -p "$1"
    spamassassin_rules "$1.rules"
    local learn=(sa-learn -C "$1.rules" --siteconfigpath "$1.rules" -p "$1.rules.prefs" --dbpath "$1/bayes")
    xargs -a "$2" -d '\n' "${learn[@]}" --no-sync --ham >&2
    xargs -a "$3" -d '\n' "${learn[@]}" --no-sync --spam >&2
    "${learn[@]}" --sync >&2
}

spamassassin_scores() { # LABEL DB LIST
    perl "$here/sa-bayes-score.pl" "$2/bayes" "$2.rules" <"$3" 2>/dev/null |
        awk -v label="$1" '{ n = split($1, part, "/"); print label, $NF, part[n] }'
}

tool_scores() { # TOOL DB HAM_LIST SPAM_LIST: the test lists' "LABEL PROBABILITY NAME" lines
    "$1_scores" ham "$2" "$3"
    "$1_scores" spam "$2" "$4"
}
