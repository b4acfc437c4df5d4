#!/usr/bin/env python3
"""For scripts/sa-agreement.sh: compares swfilter's rule hits with SpamAssassin's, message by
message, on the test split of the SpamAssassin public corpus.

SpamAssassin runs as spamd (-L, stock rules, no Bayes, no network tests, no user rules) and is
asked with `spamc -y` once per message; its answers are cached, keyed by file name, SpamAssassin
version and a hash of the rule set, so a second run costs only swfilter's time. swfilter runs as
`swfilter check --json` with Bayes and the virus scanner off and only the stock rules.

Two agreement figures are printed, both over the (message, rule) pairs of the compared rules:
  hit agreement  = pairs both hit / pairs at least one hits   (the target: >= 98%)
  pair agreement = pairs both say the same / all pairs        (counts the both-miss pairs too)
"""
import argparse
import concurrent.futures
import hashlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import defaultdict

SA_SETTINGS = """\
use_bayes 0
bayes_auto_learn 0
skip_rbl_checks 1
ifplugin Mail::SpamAssassin::Plugin::AWL
use_auto_whitelist 0
endif
ifplugin Mail::SpamAssassin::Plugin::TxRep
use_txrep 0
endif
"""

SWFILTER_CONFIG = """\
[general]
state_dir = "{state}"
trace_ids = false
[virus]
enabled = false
[bayes]
enabled = false
[rules]
enabled = true
paths = ["{rules}"]
"""


def log(*args):
    print(*args, file=sys.stderr, flush=True)


def test_split(corpus):
    """Every 5th file (index 4, 9, 14…) of each class's sorted file names."""
    files = []
    for label in ("ham", "spam"):
        names = sorted(os.listdir(os.path.join(corpus, label)))
        files += [(label, name, os.path.join(corpus, label, name)) for name in names[4::5]]
    return files


def make_site_dir(root):
    """The site configuration SpamAssassin gets: the installed plugin list (*.pre) and the
    settings above; no local.cf rules."""
    site = os.path.join(root, "site")
    os.makedirs(site)
    for name in sorted(os.listdir("/etc/spamassassin")):
        if name.endswith(".pre"):
            shutil.copy(os.path.join("/etc/spamassassin", name), site)
    with open(os.path.join(site, "local.cf"), "w") as out:
        out.write(SA_SETTINGS)
    for path in (root, site):
        os.chmod(path, 0o755)
    for name in os.listdir(site):
        os.chmod(os.path.join(site, name), 0o644)
    return site


def rules_key(rules_dir, site):
    digest = hashlib.sha256()
    version = subprocess.run(["spamassassin", "-V"], capture_output=True, text=True).stdout
    digest.update(version.encode())
    for directory in (rules_dir, site):
        for name in sorted(os.listdir(directory)):
            path = os.path.join(directory, name)
            if os.path.isfile(path) and (name.endswith(".cf") or name.endswith(".pre")):
                digest.update(name.encode())
                with open(path, "rb") as handle:
                    digest.update(handle.read())
    return version.split("\n")[0].split()[-1], digest.hexdigest()[:16]


def sa_rule_table(helper_dir, rules_dir, site, cache_file):
    """name -> (kind, is_eval, score, dependencies) for every rule SpamAssassin runs."""
    if not os.path.exists(cache_file):
        output = subprocess.run(["perl", os.path.join(helper_dir, "sa-agreement-rules.pl"), rules_dir, site],
                                capture_output=True, text=True, check=True).stdout
        with open(cache_file + ".tmp", "w") as out:
            out.write(output)
        os.replace(cache_file + ".tmp", cache_file)
    table = {}
    with open(cache_file) as handle:
        for line in handle:
            name, kind, is_eval, score, deps = line.rstrip("\n").split("\t")
            table[name] = (kind, is_eval == "1", float(score), deps.split())
    return table


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Spamd:
    """spamd on 127.0.0.1 at a free port, stopped (with its children) by `stop`."""

    def __init__(self, root, rules_dir, site, children):
        self.port = free_port()
        self.log_path = os.path.join(root, "spamd.log")
        command = ["spamd", "-L", "-x", "--configpath=" + rules_dir, "--siteconfigpath=" + site,
                   "--listen=127.0.0.1:%d" % self.port, "--allowed-ips=127.0.0.1",
                   "--max-children=%d" % children, "--min-children=%d" % children,
                   "--min-spare=1", "--max-spare=%d" % children, "--syslog=stderr",
                   "--helper-home-dir=" + root, "--pidfile=" + os.path.join(root, "spamd.pid")]
        if os.geteuid() == 0:
            command.append("--username=nobody")
        spamd = shutil.which("spamd") or "/usr/sbin/spamd"
        command[0] = spamd
        self.log_file = open(self.log_path, "w")
        self.process = subprocess.Popen(command, stdout=self.log_file, stderr=subprocess.STDOUT,
                                        start_new_session=True)

    def wait_ready(self, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("spamd exited (%d); see %s" % (self.process.returncode, self.log_path))
            probe = subprocess.run(["spamc", "-d", "127.0.0.1", "-p", str(self.port), "-K"],
                                   capture_output=True, text=True)
            if probe.returncode == 0:
                return
            time.sleep(1)
        raise RuntimeError("spamd did not answer within %d s; see %s" % (timeout, self.log_path))

    def stop(self):
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(timeout=30)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                try:
                    os.killpg(self.process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
        self.log_file.close()


def spamc_hits(port, path):
    with open(path, "rb") as message:
        result = subprocess.run(["spamc", "-d", "127.0.0.1", "-p", str(port), "-y", "-x", "-s", "60000000", "-t", "600"],
                                stdin=message, capture_output=True)
    if result.returncode != 0:
        raise RuntimeError("spamc exited %d on %s: %s" % (result.returncode, path, result.stderr.decode(errors="replace")))
    text = result.stdout.decode().strip()
    return [hit for hit in text.split(",") if hit]


def sa_results(files, cache_file, root, rules_dir, site, children, cached_only=False):
    """file name -> SpamAssassin's hits, from the cache, and from spamd for what is missing."""
    results = {}
    if os.path.exists(cache_file):
        with open(cache_file) as handle:
            for line in handle:
                name, _, hits = line.rstrip("\n").partition("\t")
                results[name] = hits.split(",") if hits else []
    missing = [entry for entry in files if entry[1] not in results]
    if cached_only:
        log("spamassassin: %d of %d messages cached; comparing those only" % (len(files) - len(missing), len(files)))
        return results
    if not missing:
        log("spamassassin: all %d results from the cache %s" % (len(files), cache_file))
        return results
    log("spamassassin: %d of %d messages not cached; starting spamd" % (len(missing), len(files)))
    spamd = Spamd(root, rules_dir, site, children)
    try:
        spamd.wait_ready(300)
        started = time.monotonic()
        done = 0
        with open(cache_file, "a") as cache, concurrent.futures.ThreadPoolExecutor(children) as pool:
            futures = {pool.submit(spamc_hits, spamd.port, path): name for _, name, path in missing}
            for future in concurrent.futures.as_completed(futures):
                name = futures[future]
                hits = future.result()
                results[name] = hits
                cache.write("%s\t%s\n" % (name, ",".join(hits)))
                cache.flush()
                done += 1
                if done % 50 == 0 or done == len(missing):
                    log("spamassassin: %d/%d (%.0f s)" % (done, len(missing), time.monotonic() - started))
    finally:
        spamd.stop()
    return results


def swfilter_results(binary, files, root, rules_dir):
    state = os.path.join(root, "state")
    os.makedirs(state, exist_ok=True)
    config = os.path.join(root, "swfilter.toml")
    with open(config, "w") as out:
        out.write(SWFILTER_CONFIG.format(state=state, rules=rules_dir))
    started = time.monotonic()
    before = os.times()
    result = subprocess.run([binary, "check", "--json", "--config", config] + [path for _, _, path in files],
                            capture_output=True, text=True)
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    log("swfilter: %d messages, %.1f s CPU (rule loading included), %.1f s wall"
        % (len(files), cpu, time.monotonic() - started))
    results = {}
    for line in result.stdout.splitlines():
        record = json.loads(line)
        results[os.path.basename(record["file"])] = record["hits"]
    unsupported = swfilter_unsupported(binary, config)
    return results, unsupported, result.stderr


def swfilter_unsupported(binary, config):
    """{rule: reason} from `swfilter rules lint --json`, or None when that command is missing."""
    result = subprocess.run([binary, "rules", "lint", "--json", "--config", config], capture_output=True, text=True)
    try:
        report = json.loads(result.stdout)
        return {entry["rule"]: entry.get("reason", "") for entry in report["unsupported"]}
    except (ValueError, KeyError, TypeError):
        return None


def spamassassin_hits(path, rules_dir, site):
    """The rule names `spamassassin -L -t` reports for one message (sub-rules excluded)."""
    with open(path, "rb") as message:
        result = subprocess.run(["spamassassin", "-L", "-t", "-x", "--siteconfigpath=" + site, "-C", rules_dir],
                                stdin=message, capture_output=True)
    text = result.stdout.decode("latin-1")
    status = re.search(r"^X-Spam-Status:.*?tests=(.*?)(?:\n\S|\s+autolearn=|\s+version=)", text, re.S | re.M)
    if not status:
        return set()
    return set(re.sub(r"\s+", "", status.group(1)).split(","))


def recheck(examples, files, rules_dir, site):
    """Asks `spamassassin -t` (a fresh process per message) about disagreements spamd answered."""
    paths = {name: path for _, name, path in files}
    print()
    print("Re-checked with spamassassin -L -t (one process per message), one message of each of the")
    print("rules swfilter can evaluate that disagree most:")
    for rule, side, name in examples:
        hits = spamassassin_hits(paths[name], rules_dir, site)
        spamd_said = "miss" if side == "sw" else "hit"
        verdict = "hit" if rule in hits else "miss"
        print("  %-28s %-60s spamd: %-4s spamassassin -t: %-4s %s" % (
            rule, name, spamd_said, verdict, "(agrees with swfilter)" if verdict != spamd_said else ""))


def dependency_closure(name, table, memo):
    if name in memo:
        return memo[name]
    memo[name] = set()
    closure = set()
    for dep in table.get(name, ("", False, 0, []))[3]:
        closure.add(dep)
        closure |= dependency_closure(dep, table, memo)
    memo[name] = closure
    return closure


def classify(table, unsupported):
    """Splits SpamAssassin's visible rules into compared groups and exclusions."""
    def cannot_run(name):
        if name not in table:
            return True
        kind, is_eval, _, _ = table[name]
        if unsupported is not None:
            return name in unsupported
        return is_eval or kind == "empty"

    memo = {}
    groups = defaultdict(set)
    for name, (kind, is_eval, score, _) in table.items():
        if name.startswith("__"):
            continue  # sub-rules: spamc -y does not show them
        if score == 0:
            groups["excluded: score 0 in score set 0 (SpamAssassin does not run it)"].add(name)
        elif kind == "empty":
            groups["excluded: no test (defined by a plugin swfilter lacks)"].add(name)
        elif cannot_run(name):
            reason = "eval function" if is_eval else "unsupported by swfilter"
            groups["excluded: %s" % reason].add(name)
        elif kind == "meta":
            blocked = {dep for dep in dependency_closure(name, table, memo) if cannot_run(dep) and table.get(dep, ("meta",))[0] != "meta"}
            if blocked:
                groups["meta over an eval/unsupported rule"].add(name)
            else:
                groups["meta"].add(name)
        else:
            groups[kind].add(name)
    return groups


def compare(files, sa, sw, rules):
    tally = {"both": 0, "sw": 0, "sa": 0, "neither": 0}
    per_rule = defaultdict(lambda: {"both": 0, "sw": [], "sa": []})
    for _, name, _ in files:
        if name not in sa or name not in sw:
            continue
        sa_hits, sw_hits = set(sa[name]) & rules, set(sw[name]) & rules
        for rule in sa_hits & sw_hits:
            per_rule[rule]["both"] += 1
        for rule in sw_hits - sa_hits:
            per_rule[rule]["sw"].append(name)
        for rule in sa_hits - sw_hits:
            per_rule[rule]["sa"].append(name)
        both = len(sa_hits & sw_hits)
        tally["both"] += both
        tally["sw"] += len(sw_hits - sa_hits)
        tally["sa"] += len(sa_hits - sw_hits)
        tally["neither"] += len(rules) - len(sa_hits | sw_hits)
    return tally, per_rule


def figures(tally):
    union = tally["both"] + tally["sw"] + tally["sa"]
    pairs = union + tally["neither"]
    hit = tally["both"] / union if union else 1.0
    pair = (tally["both"] + tally["neither"]) / pairs if pairs else 1.0
    return hit, pair, union, pairs


def print_figures(label, tally):
    hit, pair, union, pairs = figures(tally)
    print("%-52s hit agreement %6.2f%% (%d of %d hit pairs; swfilter only %d, SpamAssassin only %d)"
          % (label, 100 * hit, tally["both"], union, tally["sw"], tally["sa"]))
    print("%-52s pair agreement %6.3f%% (%d pairs)" % ("", 100 * pair, pairs))


def main():
    # A TERM (or HUP) unwinds like Ctrl-C, so that spamd is stopped on the way out.
    for number in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(number, lambda *_: sys.exit(143))
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--swfilter", required=True)
    parser.add_argument("--corpus", default="/work/shared/corpora/spamassassin")
    parser.add_argument("--rules-dir", default="/usr/share/spamassassin")
    parser.add_argument("--cache", required=True)
    parser.add_argument("--children", type=int, default=2)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--examples", type=int, default=3)
    parser.add_argument("--limit", type=int, default=0, help="only the first N test messages (0: all)")
    parser.add_argument("--cached-only", action="store_true", help="compare only the messages SpamAssassin's answers are cached for")
    parser.add_argument("--recheck", type=int, default=0, metavar="N",
                        help="ask spamassassin -t again about one message of each of the N rules disagreeing most (swfilter can evaluate)")
    parser.add_argument("--details", help="write every disagreement as TSV (rule, side, message) here")
    args = parser.parse_args()

    files = test_split(args.corpus)
    if args.limit:
        files = files[:args.limit]
    os.makedirs(args.cache, exist_ok=True)
    root = tempfile.mkdtemp(prefix="sa-agreement.")
    try:
        site = make_site_dir(root)
        version, key = rules_key(args.rules_dir, site)
        table = sa_rule_table(os.path.dirname(os.path.abspath(__file__)), args.rules_dir, site,
                              os.path.join(args.cache, "rules-%s-%s.tsv" % (version, key)))
        sa = sa_results(files, os.path.join(args.cache, "hits-%s-%s.tsv" % (version, key)), root,
                        args.rules_dir, site, args.children, args.cached_only)
        if args.cached_only:
            files = [entry for entry in files if entry[1] in sa]
        sw, unsupported, sw_stderr = swfilter_results(args.swfilter, files, root, args.rules_dir)
        return report(args, files, table, sa, sw, unsupported, sw_stderr, version, key, site)
    finally:
        shutil.rmtree(root, ignore_errors=True)


def report(args, files, table, sa, sw, unsupported, sw_stderr, version, key, site):

    missing = [name for _, name, _ in files if name not in sw]
    if missing:
        log("swfilter: no result for %d messages, e.g. %s" % (len(missing), ", ".join(missing[:3])))
        log(sw_stderr[-2000:])
    groups = classify(table, unsupported)
    compared_names = set().union(*(rules for label, rules in groups.items() if not label.startswith("excluded")))
    evaluable = compared_names - groups["meta over an eval/unsupported rule"]

    print("SpamAssassin %s, rule set %s, %d test messages (%d ham, %d spam); swfilter results for %d"
          % (version, key, len(files), sum(1 for f in files if f[0] == "ham"), sum(1 for f in files if f[0] == "spam"),
             len(files) - len(missing)))
    print("Source of swfilter's unsupported list: %s" % ("swfilter rules lint --json" if unsupported is not None
                                                          else "SpamAssassin's rule types (every eval: rule counted unsupported)"))
    print()
    print("Rules (sub-rules __* are not shown by spamc and not compared):")
    for label in sorted(groups):
        print("  %-70s %5d" % (label, len(groups[label])))
    sw_unknown = set()
    for name in sw:
        sw_unknown |= {hit for hit in sw[name] if hit not in table}
    if sw_unknown:
        print("  %-70s %5d  (%s)" % ("swfilter hits on rules SpamAssassin does not run", len(sw_unknown),
                                     " ".join(sorted(sw_unknown)[:10])))
    not_compiled = [line.split("rules: ", 1)[-1] for line in sw_stderr.splitlines() if "does not compile" in line]
    if not_compiled:
        print("  swfilter could not compile %d regexes; their rules never hit (metas over them disagree):" % len(not_compiled))
        for line in not_compiled:
            print("    " + line)
    print()
    evaluable_tally, _ = compare(files, sa, sw, evaluable)
    print_figures("Rules swfilter can evaluate (%d):" % len(evaluable), evaluable_tally)
    all_tally, per_rule = compare(files, sa, sw, compared_names)
    print_figures("Plus metas over eval/unsupported rules (%d):" % len(compared_names), all_tally)
    for label in sorted(groups):
        if label.startswith("excluded"):
            continue
        tally, _ = compare(files, sa, sw, groups[label])
        print_figures("  %s (%d):" % (label, len(groups[label])), tally)
    print()
    ranked = sorted(per_rule.items(), key=lambda item: -(len(item[1]["sw"]) + len(item[1]["sa"])))
    group_of = {name: label for label, rules in groups.items() for name in rules}
    for title, selected in (("rules swfilter can evaluate", [item for item in ranked if item[0] in evaluable]),
                            ("metas over eval/unsupported rules (need the eval functions)",
                             [item for item in ranked if item[0] not in evaluable])):
        print()
        print("Top %d %s by disagreement (messages where only swfilter / only SpamAssassin hit; both):" % (args.top, title))
        for rule, counts in selected[:args.top]:
            if not counts["sw"] and not counts["sa"]:
                break
            print("  %-28s %-10s sw-only %4d  sa-only %4d  both %4d" % (
                rule, table[rule][0], len(counts["sw"]), len(counts["sa"]), counts["both"]))
            if counts["sw"]:
                print("      swfilter only: %s" % " ".join(counts["sw"][:args.examples]))
            if counts["sa"]:
                print("      SpamAssassin only: %s" % " ".join(counts["sa"][:args.examples]))
    if args.recheck:
        examples = []
        for rule, counts in ranked:
            if rule not in evaluable or not (counts["sw"] or counts["sa"]):
                continue
            side = "sw" if len(counts["sw"]) >= len(counts["sa"]) else "sa"
            examples.append((rule, side, counts[side][0]))
            if len(examples) == args.recheck:
                break
        recheck(examples, files, args.rules_dir, site)
    if args.details:
        with open(args.details, "w") as out:
            for rule, counts in ranked:
                for side in ("sw", "sa"):
                    for name in counts[side]:
                        out.write("%s\t%s\t%s\t%s\n" % (rule, group_of.get(rule, ""), side, name))
    return 0


if __name__ == "__main__":
    sys.exit(main())
