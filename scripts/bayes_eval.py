#!/usr/bin/env python3
"""Helpers for scripts/bayes-eval.sh: the corpus split and the figures.

  bayes_eval.py split CORPUS OUTDIR     writes {train,test}-{ham,spam}.list (one path a line)
  bayes_eval.py metrics NAME SCORES     SCORES: lines "ham|spam PROBABILITY [NAME]"; prints FP, FN, ROC area
  bayes_eval.py compare A B             two SCORES files of the same messages (matched by NAME):
                                        McNemar's exact test of their FP and FN errors
  bayes_eval.py folds LABELED SEED DIR  writes DIR/fold{0..4}-{train,test}-{ham,spam}.list
  bayes_eval.py fold DIR                one line of FP, FN, ROC area per DIR/TOOL.scores
  bayes_eval.py cv DIR                  the figures of DIR/seed*/fold*/TOOL.scores (scripts/bayes-cv.sh)

The split is the one in ../shared/corpora/README: each class's file names sorted, every 5th
(index 4, 9, 14, ... from 0) is test, the rest training. The folds are scripts/bayes-tune.py's:
LABELED holds "ham|spam PATH" lines in its dump's order; with seed 0 line i goes to fold i % 5,
with seed N > 0 those fold numbers are shuffled as numpy's default_rng(N).permutation does
(PCG64, written out here so that no numpy is needed).
"""
import glob
import math
import os
import re
import sys


def split(corpus, outdir):
    os.makedirs(outdir, exist_ok=True)
    for label in ("ham", "spam"):
        folder = os.path.join(corpus, label)
        names = sorted(os.listdir(folder))
        train = [os.path.join(folder, n) for i, n in enumerate(names) if i % 5 != 4]
        test = [os.path.join(folder, n) for i, n in enumerate(names) if i % 5 == 4]
        for kind, paths in (("train", train), ("test", test)):
            with open(os.path.join(outdir, f"{kind}-{label}.list"), "w") as out:
                out.write("".join(p + "\n" for p in paths))
        print(f"{label}: {len(train)} train, {len(test)} test", file=sys.stderr)


def roc_area(hams, spams):
    """Probability that a random spam scores above a random ham (ties count half)."""
    scored = sorted([(p, 0) for p in hams] + [(p, 1) for p in spams])
    rank_sum, i = 0.0, 0
    while i < len(scored):
        j = i
        while j < len(scored) and scored[j][0] == scored[i][0]:
            j += 1
        average_rank = (i + 1 + j) / 2.0
        rank_sum += average_rank * sum(1 for k in range(i, j) if scored[k][1] == 1)
        i = j
    n_spam, n_ham = len(spams), len(hams)
    return (rank_sum - n_spam * (n_spam + 1) / 2.0) / (n_spam * n_ham)


def read_scores(path):
    """(label, probability, name, unscored) per line of a SCORES file; no probability counts as
    0.5, no name (an older file) as None."""
    rows = []
    with open(path) as lines:
        for line in lines:
            parts = line.split()
            if len(parts) not in (2, 3):
                continue
            label, value = parts[:2]
            unscored = value in ("null", "nan", "None")
            rows.append((label, 0.5 if unscored else float(value), parts[2] if len(parts) == 3 else None, unscored))
    return rows


def is_wrong(label, probability):
    return probability < 0.5 if label == "spam" else probability >= 0.5


def figures(rows):
    """FP, FN and ROC area of read_scores rows."""
    hams = [p for label, p, _, _ in rows if label != "spam"]
    spams = [p for label, p, _, _ in rows if label == "spam"]
    return sum(is_wrong("ham", p) for p in hams), sum(is_wrong("spam", p) for p in spams), roc_area(hams, spams)


def metrics(name, path):
    rows = read_scores(path)
    n_spam = sum(1 for row in rows if row[0] == "spam")
    n_ham = len(rows) - n_spam
    unscored = sum(1 for row in rows if row[3])
    fp, fn, auc = figures(rows)
    print(f"{name:<12} ham {n_ham:4d}  spam {n_spam:4d}  "
          f"FP {fp:3d} ({100.0 * fp / n_ham:.2f}%)  FN {fn:3d} ({100.0 * fn / n_spam:.2f}%)  "
          f"ROC area {auc:.5f}" + (f"  unscored {unscored}" if unscored else ""))


class PCG64:
    """numpy's default_rng(seed) bit generator: SeedSequence(seed) state, PCG XSL-RR 128/64."""
    MULTIPLIER = 0x2360ED051FC65DA44385DF649FCCF645
    M32, M64, M128 = (1 << 32) - 1, (1 << 64) - 1, (1 << 128) - 1

    def __init__(self, seed):
        words = self.seed_sequence(seed, 8)
        initstate, initseq = ((words[4 * i + 1] << 96 | words[4 * i] << 64 | words[4 * i + 3] << 32 | words[4 * i + 2])
                              for i in range(2))
        self.increment = (initseq << 1 | 1) & self.M128
        self.state = 0
        self.step()
        self.state = (self.state + initstate) & self.M128
        self.step()
        self.half = None

    @classmethod
    def seed_sequence(cls, entropy, count):
        """SeedSequence(entropy).generate_state(count) as 32-bit words (pool of 4, no spawn key)."""
        m32, words = cls.M32, []
        while True:
            words.append(entropy & m32)
            entropy >>= 32
            if not entropy:
                break
        constant = 0x43B0D7E5

        def hashmix(value):
            nonlocal constant
            value ^= constant
            constant = constant * 0x931E8875 & m32
            value = value * constant & m32
            return value ^ value >> 16

        def mix(x, y):
            result = (0xCA01F9DD * x - 0x4973F715 * y) & m32
            return result ^ result >> 16

        pool = [hashmix(words[i] if i < len(words) else 0) for i in range(4)]
        for source in range(4):
            for target in range(4):
                if source != target:
                    pool[target] = mix(pool[target], hashmix(pool[source]))
        for source in range(4, len(words)):
            for target in range(4):
                pool[target] = mix(pool[target], hashmix(words[source]))
        state, constant = [], 0x8B51F9DD
        for i in range(count):
            value = pool[i % 4] ^ constant
            constant = constant * 0x58F38DED & m32
            value = value * constant & m32
            state.append(value ^ value >> 16)
        return state

    def step(self):
        self.state = (self.state * self.MULTIPLIER + self.increment) & self.M128

    def next64(self):
        self.step()
        folded, rotation = (self.state >> 64 ^ self.state) & self.M64, self.state >> 122
        return (folded >> rotation | folded << (64 - rotation)) & self.M64

    def next32(self):
        """The low half of a 64-bit draw, the high half the next time."""
        if self.half is not None:
            value, self.half = self.half, None
            return value
        value = self.next64()
        self.half = value >> 32
        return value & self.M32

    def interval(self, largest):
        """0...largest (< 2^32) by masked rejection, as numpy's shuffle draws."""
        mask = largest
        for shift in (1, 2, 4, 8, 16):
            mask |= mask >> shift
        while True:
            value = self.next32() & mask
            if value <= largest:
                return value


def fold_assignment(count, seed, folds=5):
    """scripts/bayes-tune.py's: message i in fold i % 5, shuffled for seed > 0 as
    np.random.default_rng(seed).permutation(np.arange(count) % folds) does."""
    fold_of = [i % folds for i in range(count)]
    if seed:
        generator = PCG64(seed)
        for i in range(count - 1, 0, -1):
            j = generator.interval(i)
            fold_of[i], fold_of[j] = fold_of[j], fold_of[i]
    return fold_of


def write_folds(labeled, seed, outdir, folds=5):
    with open(labeled) as lines:
        messages = [line.rstrip("\n").split(" ", 1) for line in lines if line.strip()]
    os.makedirs(outdir, exist_ok=True)
    fold_of = fold_assignment(len(messages), seed, folds)
    for fold in range(folds):
        for part, chosen in (("train", lambda f: f != fold), ("test", lambda f: f == fold)):
            for label in ("ham", "spam"):
                with open(os.path.join(outdir, f"fold{fold}-{part}-{label}.list"), "w") as out:
                    out.write("".join(path + "\n" for (kind, path), f in zip(messages, fold_of)
                                      if kind == label and chosen(f)))


def mcnemar(only_first, only_second):
    """Two-sided exact McNemar p: of the messages exactly one of two classifiers gets wrong, how
    unlikely a split this uneven is when either is as likely to be the one."""
    n = only_first + only_second
    tail = sum(math.comb(n, k) for k in range(min(only_first, only_second) + 1))
    return min(1.0, 2.0 * tail / 2 ** n) if n else 1.0


def discordant(first, second):
    """For FP (ham) and FN (spam): (wrong only in first, only in second, in both), matched by name."""
    by_name = {name: (label, p) for label, p, name, _ in second}
    counts = {"ham": [0, 0, 0], "spam": [0, 0, 0]}
    for label, p, name, _ in first:
        other_label, q = by_name[name]
        assert other_label == label, f"{name}: {label} in one file, {other_label} in the other"
        a, b = is_wrong(label, p), is_wrong(label, q)
        if a or b:
            counts[label][0 if not b else 1 if not a else 2] += 1
    return counts["ham"], counts["spam"]


def describe(first_name, second_name, kind, only_first, only_second, both):
    return (f"{kind} {first_name} only {only_first}, {second_name} only {only_second}, both {both}: "
            f"McNemar exact p = {mcnemar(only_first, only_second):.3g}")


def compare(first_path, second_path):
    first, second = read_scores(first_path), read_scores(second_path)
    if any(row[2] is None for row in first + second):  # files without names: the same order
        first = [row[:2] + (i,) + row[3:] for i, row in enumerate(first)]
        second = [row[:2] + (i,) + row[3:] for i, row in enumerate(second)]
    names = [os.path.splitext(os.path.basename(path))[0] for path in (first_path, second_path)]
    for kind, counts in zip(("FP", "FN"), discordant(first, second)):
        print(describe(*names, kind, *counts))


TOOLS = ("swfilter", "bogofilter", "spamassassin")


def fold_line(folder):
    """One fold's FP/FN/ROC per tool, for scripts/bayes-cv.sh's progress."""
    parts = []
    for tool in TOOLS:
        path = os.path.join(folder, tool + ".scores")
        if os.path.exists(path):
            fp, fn, auc = figures(read_scores(path))
            parts.append(f"{tool} FP {fp} FN {fn} ROC {auc:.6f}")
    return "  ".join(parts)


def complete_cuts(directory):
    """{seed: {tool: [rows of fold 0..4]}} of DIR/seedN/foldK/TOOL.scores, the cuts with all five
    folds of every tool that any cut has."""
    cuts = {}
    for folder in glob.glob(os.path.join(directory, "seed*")):
        seed = int(re.search(r"seed(\d+)$", folder).group(1))
        folds = sorted(glob.glob(os.path.join(folder, "fold*")))
        cuts[seed] = {tool: [read_scores(os.path.join(f, tool + ".scores")) for f in folds] for tool in TOOLS
                      if all(os.path.exists(os.path.join(f, tool + ".scores")) for f in folds)}
        if len(folds) != 5:
            print(f"seed {seed}: {len(folds)} folds, left out")
            del cuts[seed]
    tools = [tool for tool in TOOLS if any(tool in per_tool for per_tool in cuts.values())]
    for seed in [seed for seed, per_tool in cuts.items() if any(tool not in per_tool for tool in tools)]:
        print(f"seed {seed}: not every tool has all folds, left out")
        del cuts[seed]
    return dict(sorted(cuts.items())), tools


def cv(directory):
    """Per cut (seed): each fold's FP, FN, ROC per tool, their sums, the mean fold ROC and the
    ROC of the five folds' scores pooled (as bayes-tune.py reports it); then the cuts together,
    on how many folds each tool has fewer FN (FP) than each other, and McNemar's test of
    swfilter against each peer per cut."""
    cuts, tools = complete_cuts(directory)
    if not cuts:
        sys.exit("no complete cut")
    per_fold = {tool: [] for tool in tools}  # (FP, FN, ROC) of every fold of every cut
    per_cut = {tool: [] for tool in tools}  # (FP, FN, pooled ROC) of every cut
    for seed, per_tool in cuts.items():
        print(f"== cut seed {seed}: FP FN ROC area of folds 1-5 | sum FP, FN, ROC mean of the folds, pooled")
        for tool in tools:
            folds = [figures(rows) for rows in per_tool[tool]]
            pooled = figures([row for rows in per_tool[tool] for row in rows])
            per_fold[tool] += folds
            per_cut[tool].append(pooled)
            print(f"{tool:<12} " + " | ".join(f"{fp:2d} {fn:2d} {auc:.6f}" for fp, fn, auc in folds) +
                  f" | FP {pooled[0]:3d} FN {pooled[1]:3d} ROC {sum(f[2] for f in folds) / 5:.6f} {pooled[2]:.6f}")
    messages = sum(len(rows) for rows in next(iter(cuts.values()))[tools[0]])
    print(f"== {len(cuts)} cut(s), {5 * len(cuts)} folds of {messages} messages: FP, FN summed; ROC area, mean of "
          f"the folds and mean of the cuts' pooled; per cut FP/FN/pooled ROC")
    for tool in tools:
        folds, pooled = per_fold[tool], per_cut[tool]
        print(f"{tool:<12} FP {sum(f[0] for f in folds):4d}  FN {sum(f[1] for f in folds):4d}  "
              f"ROC {sum(f[2] for f in folds) / len(folds):.6f} {sum(c[2] for c in pooled) / len(pooled):.6f}   " +
              " | ".join(f"{fp}/{fn}/{auc:.6f}" for fp, fn, auc in pooled))
    for index, first in enumerate(tools):
        for second in tools[index + 1:]:
            for column, kind in ((1, "FN"), (0, "FP")):
                pairs = [(a[column], b[column]) for a, b in zip(per_fold[first], per_fold[second])]
                fewer = sum(1 for a, b in pairs if a < b)
                more = sum(1 for a, b in pairs if a > b)
                print(f"folds with fewer {kind}: {first} {fewer}, {second} {more}, as many {len(pairs) - fewer - more}")
    for peer in tools[1:] if tools[0] == "swfilter" else []:
        summed = {"FP": [0, 0, 0], "FN": [0, 0, 0]}
        for seed, per_tool in cuts.items():
            mine, theirs = ([row for rows in per_tool[tool] for row in rows] for tool in ("swfilter", peer))
            for kind, counts in zip(("FP", "FN"), discordant(mine, theirs)):
                print(f"seed {seed}: " + describe("swfilter", peer, kind, *counts))
                summed[kind] = [total + count for total, count in zip(summed[kind], counts)]
        if len(cuts) > 1:
            for kind, counts in summed.items():
                print(f"{len(cuts)} cuts summed (each message once per cut, not independent): "
                      + describe("swfilter", peer, kind, *counts))


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "split":
        split(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 4 and sys.argv[1] == "metrics":
        metrics(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 4 and sys.argv[1] == "compare":
        compare(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 5 and sys.argv[1] == "folds":
        write_folds(sys.argv[2], int(sys.argv[3]), sys.argv[4])
    elif len(sys.argv) == 3 and sys.argv[1] == "fold":
        print(fold_line(sys.argv[2]))
    elif len(sys.argv) == 3 and sys.argv[1] == "cv":
        cv(sys.argv[2])
    else:
        sys.exit(__doc__)
