#!/usr/bin/env bash
# Run the fuzz targets one after another on one core, each for a number of executions or
# seconds, logging to a folder; stop at the first failing input and say where it is.
#
#   fuzz/run.sh [-n RUNS | -t SECONDS] [-o LOGDIR] [TARGET...]
#
# Defaults: 10,000,000 executions each, logs in fuzz/logs/, every target (decode parse facts
# rules). Each target starts from its committed corpus (fuzz/corpus/<target>/) and keeps what
# it finds in fuzz/work/<target>/, so a later run goes on from there. Needs cargo-fuzz
# (`cargo install cargo-fuzz`); the stable toolchain builds it with RUSTC_BOOTSTRAP=1.
set -euo pipefail
cd "$(dirname "$0")"

limit=(-runs=10000000)
logs=logs
while getopts "n:t:o:" opt; do
  case $opt in
    n) limit=(-runs="$OPTARG") ;;
    t) limit=(-max_total_time="$OPTARG") ;;
    o) logs=$OPTARG ;;
    *) sed -n '2,9p' "$0"; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
if [ $# -gt 0 ]; then targets=("$@"); else targets=(decode parse facts rules); fi

mkdir -p "$logs"
# No sanitizer: zglint has no unsafe code, and its panics, overflow checks and debug
# assertions are what the targets look for. Comparisons are not traced: the dictionary gives
# the tokens, and each execution is about three times faster.
export RUSTC_BOOTSTRAP=1
cargo fuzz build -s none --no-trace-compares
bin="target/$(rustc -vV | sed -n 's/^host: //p')/release"
for t in "${targets[@]}"; do
  mkdir -p "work/$t" artifacts
  echo "fuzzing $t (${limit[*]}), log in $logs/$t.log"
  if ! "$bin/$t" "work/$t" "corpus/$t" \
      -dict=report.dict -max_len=4096 "${limit[@]}" -print_final_stats=1 \
      -artifact_prefix="artifacts/$t-" > "$logs/$t.log" 2>&1; then
    echo "$t failed: see $logs/$t.log; the input is in fuzz/artifacts/" >&2
    grep -m1 -A3 "panicked" "$logs/$t.log" >&2 || tail -20 "$logs/$t.log" >&2
    exit 1
  fi
  grep -E "^(Done|stat::number_of_executed_units)" "$logs/$t.log"
done
