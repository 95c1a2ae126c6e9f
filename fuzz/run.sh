#!/usr/bin/env bash
# Run the fuzz targets one after another, each for a number of executions or seconds, logging
# to a folder; stop at the first failing input and say where it is.
#
#   fuzz/run.sh [-n RUNS | -t SECONDS] [-j JOBS] [-o LOGDIR] [TARGET...]
#
# Defaults: 10,000,000 executions each, one process, logs in fuzz/logs/, every target (decode
# parse facts rules). With -j, JOBS processes fuzz each target at once (one per core), sharing
# its work folder, each doing RUNS/JOBS executions; the total is summed at the end. Each target
# starts from its committed corpus (fuzz/corpus/<target>/) and keeps what it finds in
# fuzz/work/<target>/, so a later run goes on from there. Needs cargo-fuzz
# (`cargo install cargo-fuzz`); the stable toolchain builds it with RUSTC_BOOTSTRAP=1.
set -euo pipefail
cd "$(dirname "$0")"

runs=10000000
seconds=
jobs=1
logs=logs
while getopts "n:t:j:o:" opt; do
  case $opt in
    n) runs=$OPTARG ;;
    t) seconds=$OPTARG ;;
    j) jobs=$OPTARG ;;
    o) logs=$OPTARG ;;
    *) sed -n '2,12p' "$0"; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
if [ -n "$seconds" ]; then limit=(-max_total_time="$seconds"); else limit=(-runs=$((runs / jobs))); fi
if [ $# -gt 0 ]; then targets=("$@"); else targets=(decode parse facts rules); fi

mkdir -p "$logs"
# No sanitizer: zglint has no unsafe code, and its panics, overflow checks and debug
# assertions are what the targets look for. Comparisons are not traced: the dictionary gives
# the tokens, and each execution is about three times faster.
export RUSTC_BOOTSTRAP=1
# libFuzzer as libfuzzer-sys ships it, less FuzzerInterceptors.cpp: without a sanitizer that
# file wraps memcmp and friends to profile every comparison that fails, which took 36% of a
# rules execution (pest's literal matches are memcmp calls); the dictionary gives the tokens
# instead, as it does for the comparisons not traced above.
lib=target/libfuzzer-plain/libfuzzer.a
if [ ! -f "$lib" ]; then
  src=$(cargo metadata --format-version 1 | python3 -c '
import json, os, sys
m = json.load(sys.stdin)
print(next(os.path.dirname(p["manifest_path"]) for p in m["packages"] if p["name"] == "libfuzzer-sys"))')
  mkdir -p "${lib%/*}/obj"
  for f in "$src"/libfuzzer/*.cpp; do
    case $f in */FuzzerInterceptors.cpp) continue ;; esac
    g++ -O2 -std=c++17 -fno-omit-frame-pointer -w -c "$f" -o "${lib%/*}/obj/$(basename "$f" .cpp).o" &
  done
  wait
  ar rcs "$lib" "${lib%/*}"/obj/*.o
fi
export CUSTOM_LIBFUZZER_PATH=$PWD/$lib
cargo fuzz build -s none --no-trace-compares
bin="target/$(rustc -vV | sed -n 's/^host: //p')/release"
for t in "${targets[@]}"; do
  mkdir -p "work/$t" artifacts
  echo "fuzzing $t (${limit[*]}, $jobs process(es)), logs in $logs/$t.*.log"
  pids=()
  run_logs=()
  for j in $(seq 1 "$jobs"); do
    run_logs+=("$logs/$t.$j.log")
    "$bin/$t" "work/$t" "corpus/$t" \
      -dict=report.dict -max_len=4096 "${limit[@]}" -print_final_stats=1 \
      -artifact_prefix="artifacts/$t-" > "$logs/$t.$j.log" 2>&1 &
    pids+=($!)
  done
  # The first process to fail stops the others: its input is the finding.
  failed=0
  for _ in "${pids[@]}"; do
    wait -n || { failed=1; kill "${pids[@]}" 2> /dev/null || true; }
  done
  if [ "$failed" != 0 ]; then
    echo "$t failed: see ${run_logs[*]}; the input is in fuzz/artifacts/" >&2
    grep -h -m1 -A3 "panicked" "${run_logs[@]}" >&2 || tail -n 20 "${run_logs[@]}" >&2
    exit 1
  fi
  grep -h "^stat::number_of_executed_units" "${run_logs[@]}" |
    awk -v t="$t" '{n += $2} END {printf "%s: %d executions, no finding\n", t, n}'
done
