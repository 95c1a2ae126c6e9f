#!/usr/bin/env bash
# Time zglint on one report repeated 1, 10, 30 and 100 times, to show that cost grows linearly.
# Prints the median wall time, CPU time (user + system) and peak memory of 5 runs of
# `zglint check --format json` for each size (ranked by CPU time, steadier than wall time on a
# loaded machine). Usage: bench/scale.sh [REPORT]   (default: the first seed report in
# ../shared/seeds); ZGLINT_BIN picks a binary instead of a fresh release build.
set -euo pipefail
cd "$(dirname "$0")/.."
report=${1:-$(ls ../shared/seeds/*.txt | head -n 1)}
if [ -z "${ZGLINT_BIN:-}" ]; then
  cargo build --release --quiet
  bin=target/release/zglint
else
  bin=$ZGLINT_BIN
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for n in 1 10 30 100; do
  for _ in $(seq "$n"); do cat "$report"; done > "$work/x$n.txt"
  bytes=$(wc -c < "$work/x$n.txt")
  for _ in 1 2 3 4 5; do
    /usr/bin/time -f "%U %S %e %M" -o "$work/t" "$bin" check --format json "$work/x$n.txt" \
      > /dev/null || true
    tail -n 1 "$work/t" | awk '{ printf "%.2f %s %s\n", $1 + $2, $3, $4 }'
  done | sort -n | sed -n 3p | {
    read -r cpu secs kb
    echo "${n}x  ${bytes} bytes  median CPU ${cpu} s  wall ${secs} s  peak ${kb} KB"
  }
done
