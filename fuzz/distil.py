#!/usr/bin/env python3
"""Distil what fuzzing found into the committed corpus: the few inputs that together cover the
most of what the fuzzer saw.

    fuzz/distil.py TARGET [COUNT]

Runs the target's libFuzzer merge over fuzz/corpus/TARGET and fuzz/work/TARGET (what
fuzz/run.sh kept) to learn each input's coverage features, then picks COUNT inputs (default
300) greedily, each adding the most features not yet covered for its size, and
adds them to fuzz/corpus/TARGET under their SHA-1. Inputs already committed stay. Build the
targets first (fuzz/run.sh does).
"""

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def host():
    out = subprocess.run(["rustc", "-vV"], capture_output=True, text=True, check=True).stdout
    return next(line.split()[1] for line in out.splitlines() if line.startswith("host:"))


def features(binary, dirs):
    """Each input's path and its set of features, from a merge control file."""
    with tempfile.TemporaryDirectory() as tmp:
        control = os.path.join(tmp, "control")
        out = os.path.join(tmp, "out")
        os.mkdir(out)
        subprocess.run(
            [binary, "-merge=1", f"-merge_control_file={control}", out, *dirs],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=True,
        )
        with open(control) as f:
            lines = f.read().splitlines()
    count = int(lines[0])
    files = lines[2 : 2 + count]
    found = {}
    for line in lines[2 + count :]:
        parts = line.split()
        if parts and parts[0] == "FT":
            found[files[int(parts[1])]] = set(parts[2:])
    return found


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    target = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) == 3 else 300
    binary = os.path.join(HERE, "target", host(), "release", target)
    corpus = os.path.join(HERE, "corpus", target)
    work = os.path.join(HERE, "work", target)
    found = features(binary, [corpus] + ([work] if os.path.isdir(work) else []))
    covered = set()
    for path, fts in found.items():
        if os.path.dirname(os.path.abspath(path)) == corpus:
            covered |= fts
    chosen = []
    candidates = {p: f for p, f in found.items() if os.path.dirname(os.path.abspath(p)) != corpus}
    while candidates and len(chosen) < count:
        # New features per byte (a small input that adds as much is worth more to keep).
        best = max(candidates, key=lambda p: len(candidates[p] - covered) / (os.path.getsize(p) + 64))
        if not candidates[best] - covered:
            break
        covered |= candidates.pop(best)
        chosen.append(best)
    for path in chosen:
        with open(path, "rb") as f:
            name = hashlib.sha1(f.read()).hexdigest()
        shutil.copyfile(path, os.path.join(corpus, name))
    total = set().union(*found.values()) if found else set()
    print(f"{target}: added {len(chosen)} inputs; the corpus covers {len(covered)} of {len(total)} features")


if __name__ == "__main__":
    main()
