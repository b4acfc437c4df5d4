#!/usr/bin/env python3
"""Helpers for scripts/bayes-eval.sh: the corpus split and the figures.

  bayes_eval.py split CORPUS OUTDIR     writes {train,test}-{ham,spam}.list (one path a line)
  bayes_eval.py metrics NAME SCORES     SCORES: lines "ham|spam PROBABILITY"; prints FP, FN, ROC area

The split is the one in ../shared/corpora/README: each class's file names sorted, every 5th
(index 4, 9, 14, ... from 0) is test, the rest training.
"""
import os
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


def metrics(name, path):
    hams, spams, unscored = [], [], 0
    with open(path) as lines:
        for line in lines:
            parts = line.split()
            if len(parts) != 2:
                continue
            label, value = parts
            if value in ("null", "nan", "None"):
                unscored += 1
                value = "0.5"
            (spams if label == "spam" else hams).append(float(value))
    fp = sum(1 for p in hams if p >= 0.5)
    fn = sum(1 for p in spams if p < 0.5)
    auc = roc_area(hams, spams)
    print(f"{name:<12} ham {len(hams):4d}  spam {len(spams):4d}  "
          f"FP {fp:3d} ({100.0 * fp / len(hams):.2f}%)  FN {fn:3d} ({100.0 * fn / len(spams):.2f}%)  "
          f"ROC area {auc:.5f}" + (f"  unscored {unscored}" if unscored else ""))


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "split":
        split(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 4 and sys.argv[1] == "metrics":
        metrics(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
