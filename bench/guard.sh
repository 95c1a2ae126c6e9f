#!/usr/bin/env bash
# Guard for optimisations: the output must not change. `record` saves what a build prints for
# every seed report and every fixture report (check --format json and human, parse --format json
# and text, one file at a time and all at once); `compare` prints the same with the current build
# and diffs it against a saved record. Exit 1 on any difference.
#
# Usage: bench/guard.sh record DIR [BIN]    save the outputs of BIN (default target/release/zglint)
#        bench/guard.sh compare DIR [BIN]   compare BIN's outputs with those saved in DIR
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:?usage: bench/guard.sh record|compare DIR [BIN]}
dir=${2:?usage: bench/guard.sh record|compare DIR [BIN]}
bin=${3:-target/release/zglint}
seeds=${ZGLINT_SEEDS:-../shared/seeds}

# The inputs: the seed reports, every fixture report, and one seed repeated ten times (long
# documents exercise the index structures that short ones do not).
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mapfile -t files < <(ls "$seeds"/*.txt; find tests/fixtures -name '*.txt' | sort)
first=${files[0]}
for _ in $(seq 10); do cat "$first"; done > "$work/seed-x10.txt"
files+=("$work/seed-x10.txt")

# Every output goes to one file per input and command; paths in the output are the inputs'.
out="$work/out"
mkdir -p "$out"
name() { echo "$1" | sed 's|^\.\./||; s|/|_|g'; }
for f in "${files[@]}"; do
  n=$(name "${f#"$work"/}")
  "$bin" check --format json "$f" > "$out/$n.check.json" 2>&1 || true
  "$bin" check --format human "$f" > "$out/$n.check.txt" 2>&1 || true
  "$bin" parse --format json "$f" > "$out/$n.parse.json" 2>&1 || true
  "$bin" parse --format text "$f" > "$out/$n.parse.txt" 2>&1 || true
done
"$bin" check --format json "${files[@]}" 2>&1 | sed "s|$work/||g" > "$out/all.check.json" || true
# The x10 file's temporary path differs from run to run: name it alike everywhere.
sed -i "s|$work/||g" "$out"/*

case "$mode" in
  record)
    rm -rf "$dir"
    mkdir -p "$dir"
    cp "$out"/* "$dir"/
    echo "recorded $(ls "$dir" | wc -l) outputs of $bin in $dir"
    ;;
  compare)
    if diff -r "$dir" "$out" > "$work/diff"; then
      echo "identical: $(ls "$out" | wc -l) outputs of $bin match $dir"
    else
      head -n 60 "$work/diff"
      echo "DIFFERENT: $bin's output differs from $dir (above)"
      exit 1
    fi
    ;;
  *)
    echo "usage: bench/guard.sh record|compare DIR [BIN]" >&2
    exit 2
    ;;
esac
