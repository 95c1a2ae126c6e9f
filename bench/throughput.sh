#!/usr/bin/env bash
# Whole-process figures for `zglint check --format json` with the full packaged rule pack:
# median wall time (hyperfine, at least 5 runs after a warm-up) and MB/s on a corpus, median
# peak RSS (/usr/bin/time -v, 5 runs), and the same for one report of about 50 KB, start-up
# included.
#
# Usage: bench/throughput.sh [CORPUS_DIR [REPORT]]
#   CORPUS_DIR  a folder of *.txt reports (default: $TMPDIR/zglint-bench-corpus, built
#               from ../shared/seeds by bench/corpus.sh on first use)
#   REPORT      the single report (default: the largest seed report, 49 KB)
# Environment: ZGLINT_BIN (default: a fresh release build), ZGLINT_ARGS (extra check flags,
#   e.g. "--jobs 1"), RUNS (default 5). Needs hyperfine and GNU time (apt-get install hyperfine
#   time) and jq.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in hyperfine jq /usr/bin/time; do
  command -v "$tool" > /dev/null || { echo "bench/throughput.sh: needs $tool" >&2; exit 2; }
done
seeds=${ZGLINT_SEEDS:-../shared/seeds}
corpus=${1:-${TMPDIR:-/tmp}/zglint-bench-corpus}
report=${2:-$(ls -S "$seeds"/*.txt | head -n 1)}
runs=${RUNS:-5}
args=${ZGLINT_ARGS:-}
if [ -z "${ZGLINT_BIN:-}" ]; then
  cargo build --release --quiet
  bin=target/release/zglint
else
  bin=$ZGLINT_BIN
fi
if [ ! -d "$corpus" ]; then
  bench/corpus.sh "$seeds" "$corpus" 2000
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The paths, one argument each (paths must not hold blanks: hyperfine splits on them).
find "$corpus/" -maxdepth 1 -name '*.txt' -type f | sort > "$work/paths"
files=$(wc -l < "$work/paths")
bytes=$(xargs cat < "$work/paths" | wc -c)
report_bytes=$(wc -c < "$report")

# median_wall COMMAND: the median wall time in seconds over $runs runs, after one warm-up,
# and the mean CPU time (user + system), which a loaded machine inflates less than wall time.
median_wall() {
  hyperfine --shell=none --ignore-failure --warmup 1 --runs "$runs" --style none \
    --export-json "$work/h.json" "$1" > /dev/null
  jq -r '"\(.results[0].median) \(.results[0].user + .results[0].system)"' "$work/h.json"
}
# median_rss COMMAND...: the median peak resident set size in KB over 5 runs.
median_rss() {
  for _ in 1 2 3 4 5; do
    /usr/bin/time -v -o "$work/t" "$@" > /dev/null 2>&1 || true
    sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/t"
  done | sort -n | sed -n 3p
}

# shellcheck disable=SC2086 # $args is a list of flags
corpus_cmd="$bin check --format json $args $(tr '\n' ' ' < "$work/paths")"
read -r corpus_wall corpus_cpu < <(median_wall "$corpus_cmd")
# shellcheck disable=SC2086
corpus_rss=$(median_rss $corpus_cmd)
one_cmd="$bin check --format json $args $report"
read -r one_wall one_cpu < <(median_wall "$one_cmd")
# shellcheck disable=SC2086
one_rss=$(median_rss $one_cmd)

awk -v f="$files" -v b="$bytes" -v w="$corpus_wall" -v r="$corpus_rss" -v c="$corpus_cpu" \
  -v rb="$report_bytes" -v ow="$one_wall" -v orss="$one_rss" -v oc="$one_cpu" -v name="$report" \
  -v n="$runs" -v load="$(cut -d' ' -f1 /proc/loadavg)" '
  BEGIN {
    printf "corpus      %d files, %.1f MB: median wall %.3f s, %.1f MB/s, peak RSS %.1f MB (median of %d)\n",
      f, b / 1e6, w, b / 1e6 / w, r / 1024, n
    printf "            CPU %.3f s (user + system), %.1f MB per CPU second\n", c, b / 1e6 / c
    printf "one report  %s, %.1f KB: median wall %.1f ms, CPU %.1f ms, peak RSS %.1f MB\n",
      name, rb / 1e3, ow * 1000, oc * 1000, orss / 1024
    printf "load average at the end: %s\n", load
  }'
