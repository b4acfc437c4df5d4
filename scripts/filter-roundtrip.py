#!/usr/bin/env python3
"""Runs `swfilter filter` on every message of a corpus and checks that the output, minus the block
of X-Spam-* and X-Virus-* fields swfilter adds, equals the input minus the fields of those names swfilter replaces,
byte for byte. Prints a count and the first mismatches; exits 1 if any."""
import os
import subprocess
import sys
import time

REPLACED = {b"x-spam-checker-version", b"x-spam-flag", b"x-spam-score", b"x-spam-level", b"x-spam-status",
            b"x-virus-scanned", b"x-virus-status"}


def lines(data):
    return data.splitlines(keepends=True)


def without_replaced_fields(data):
    """Drops top-level header fields swfilter replaces (with their continuation lines)."""
    out, in_header, dropping = [], True, False
    for index, line in enumerate(lines(data)):
        if in_header and index == 0 and line.startswith(b"From "):
            out.append(line)
            continue
        if in_header and line.strip(b"\r\n") == b"":
            in_header = False
        elif in_header and line[:1] in (b" ", b"\t"):
            if dropping:
                continue
        elif in_header:
            name = line.split(b":", 1)[0].strip().lower()
            dropping = b":" in line and name in REPLACED
            if dropping:
                continue
        out.append(line)
    return b"".join(out)


def without_added_block(data):
    """Cuts from the X-Spam-Checker-Version line through X-Spam-Status, its continuations and the
    X-Virus-* fields after it."""
    out, state = [], "before"
    for line in lines(data):
        if state == "before" and line.startswith(b"X-Spam-Checker-Version: swfilter"):
            state = "block"
        if state == "block":
            if line.startswith(b"X-Spam-Status: "):
                state = "status"
            continue
        if state == "status":
            if line[:1] == b"\t" or line.startswith((b"X-Virus-Scanned: ", b"X-Virus-Status: ")):
                continue
            state = "after"
        out.append(line)
    return b"".join(out)


def main():
    binary = sys.argv[1]
    folders = sys.argv[2:]
    # SWFILTER_CONFIG: a configuration for the run (for example one with [rules] off, since each
    # filter process compiles the stock rules anew and the bytes written do not depend on them).
    extra = ["--config", os.environ["SWFILTER_CONFIG"]] if os.environ.get("SWFILTER_CONFIG") else []
    files = sorted(os.path.join(folder, name) for folder in folders for name in os.listdir(folder))
    bad, started = [], time.time()
    for path in files:
        with open(path, "rb") as handle:
            data = handle.read()
        result = subprocess.run([binary, "filter", *extra], input=data, capture_output=True)
        if result.returncode != 0 or without_added_block(result.stdout) != without_replaced_fields(data):
            bad.append((path, result.returncode))
    print(f"{len(files)} messages through swfilter filter in {time.time() - started:.1f} s: "
          f"{len(files) - len(bad)} identical apart from the X-Spam-* fields, {len(bad)} different")
    for path, code in bad[:10]:
        print(f"  differs: {path} (exit {code})")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
