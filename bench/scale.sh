#!/usr/bin/env bash
# Time zglint on one report repeated 1, 10 and 100 times, to show that cost grows linearly.
# Prints the median wall time and peak memory of 5 runs of `zglint check --format json` for each
# size. Usage: bench/scale.sh [REPORT]   (default: the first seed report in ../shared/seeds)
set -euo pipefail
cd "$(dirname "$0")/.."
report=${1:-$(ls ../shared/seeds/*.txt | head -n 1)}
cargo build --release --quiet
bin=target/release/zglint
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for n in 1 10 100; do
  for _ in $(seq "$n"); do cat "$report"; done > "$work/x$n.txt"
  bytes=$(wc -c < "$work/x$n.txt")
  for _ in 1 2 3 4 5; do
    /usr/bin/time -f "%e %M" -o "$work/t" "$bin" check --format json "$work/x$n.txt" > /dev/null || true
    tail -n 1 "$work/t"
  done | sort -n | sed -n 3p | {
    read -r secs kb
    echo "${n}x  ${bytes} bytes  median ${secs} s  peak ${kb} KB"
  }
done
