#!/usr/bin/env bash
# zglint and autocorrect (a Rust CJK linter) side by side on the same corpus in one run:
# median wall time (hyperfine, runs interleaved), MB/s and peak RSS of each, and the ratio,
# which holds when the machine's speed drifts.
#
#   zglint check --format json FILES...
#   autocorrect --lint --format json FILES...
#
# Usage: bench/versus.sh [CORPUS_DIR]   (default: $TMPDIR/zglint-bench-corpus, built on
#   first use). Not inside a git work tree: autocorrect skips .gitignored folders such as target/.
# Environment: ZGLINT_BIN (default: a fresh release build), AUTOCORRECT (default: `autocorrect`
#   on PATH), ZGLINT_ARGS (extra check flags, e.g. "--jobs 2"), AUTOCORRECT_ARGS (e.g.
#   "--threads 1"; by default autocorrect uses every core), RUNS (default 5).
# autocorrect is not a crates.io binary (the autocorrect crate is its library): install its CLI
# from npm, e.g. `npm install --prefix /opt/autocorrect autocorrect-node` and
# AUTOCORRECT=/opt/autocorrect/node_modules/.bin/autocorrect.
set -euo pipefail
cd "$(dirname "$0")/.."
autocorrect=${AUTOCORRECT:-autocorrect}
for tool in hyperfine jq /usr/bin/time "$autocorrect"; do
  command -v "$tool" > /dev/null || { echo "bench/versus.sh: needs $tool" >&2; exit 2; }
done
seeds=${ZGLINT_SEEDS:-../shared/seeds}
corpus=${1:-${TMPDIR:-/tmp}/zglint-bench-corpus}
runs=${RUNS:-5}
args=${ZGLINT_ARGS:-}
if [ -z "${ZGLINT_BIN:-}" ]; then
  cargo build --release --quiet
  bin=target/release/zglint
else
  bin=$ZGLINT_BIN
fi
[ -d "$corpus" ] || bench/corpus.sh "$seeds" "$corpus" 2000
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
find "$corpus/" -maxdepth 1 -name '*.txt' -type f | sort > "$work/paths"
files=$(wc -l < "$work/paths")
bytes=$(xargs cat < "$work/paths" | wc -c)
list=$(tr '\n' ' ' < "$work/paths")
zg="$bin check --format json $args $list"
ac="$autocorrect --lint --format json ${AUTOCORRECT_ARGS:-} $list"

# autocorrect silently skips files it ignores (a .gitignored folder): make sure it reads them.
first=$(head -n 1 "$work/paths")
if ! "$autocorrect" --lint --format json "$first" 2> /dev/null | grep -q '"filepath"'; then
  echo "bench/versus.sh: autocorrect reports nothing on $first (an ignored folder?)" >&2
  exit 2
fi

hyperfine --shell=none --ignore-failure --warmup 1 --runs "$runs" --style none \
  --export-json "$work/h.json" -n zglint "$zg" -n autocorrect "$ac" > /dev/null
rss() {
  for _ in 1 2 3; do
    /usr/bin/time -v -o "$work/t" "$@" > /dev/null 2>&1 || true
    sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/t"
  done | sort -n | sed -n 2p
}
# shellcheck disable=SC2086 # the commands are lists of words
zg_rss=$(rss $zg)
# shellcheck disable=SC2086
ac_rss=$(rss $ac)
zg_wall=$(jq -r '.results[] | select(.command == "zglint") | .median' "$work/h.json")
ac_wall=$(jq -r '.results[] | select(.command == "autocorrect") | .median' "$work/h.json")
awk -v f="$files" -v b="$bytes" -v zw="$zg_wall" -v aw="$ac_wall" -v zr="$zg_rss" -v ar="$ac_rss" \
  -v n="$runs" '
  BEGIN {
    printf "corpus: %d files, %.1f MB; median of %d runs each, interleaved\n", f, b / 1e6, n
    printf "%-12s %8.3f s %8.1f MB/s   peak RSS %7.1f MB\n", "zglint", zw, b / 1e6 / zw, zr / 1024
    printf "%-12s %8.3f s %8.1f MB/s   peak RSS %7.1f MB\n", "autocorrect", aw, b / 1e6 / aw, ar / 1024
    printf "zglint is %.2fx autocorrect'"'"'s speed\n", aw / zw
  }'
