#!/usr/bin/env bash
# Count the instructions `zglint check --format json` executes (valgrind's callgrind), which,
# unlike wall time, does not drift with the load of a shared machine. Prints the count for
# start-up alone (an empty report), one report of about 50 KB, and ten reports in one run, and
# the instructions per byte of the ten.
#
# Usage: bench/instructions.sh [BIN]   (default: a fresh release build)
# With PROFILE=DIR, also keeps callgrind's output files in DIR for callgrind_annotate (build
# with CARGO_PROFILE_RELEASE_DEBUG=true to see source lines).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind > /dev/null || { echo "bench/instructions.sh: needs valgrind" >&2; exit 2; }
seeds=${ZGLINT_SEEDS:-../shared/seeds}
if [ -n "${1:-}" ]; then
  bin=$1
else
  cargo build --release --quiet
  bin=target/release/zglint
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
: > "$work/empty.txt"
one=$(ls -S "$seeds"/*.txt | head -n 1)
mapfile -t reports < <(ls "$seeds"/*.txt)
# Ten distinct files (a batch run checks a path once): the seed reports, cycled.
mkdir -p "$work/ten"
ten=()
for i in 0 1 2 3 4 5 6 7 8 9; do
  cp "${reports[i % ${#reports[@]}]}" "$work/ten/r$i.txt"
  ten+=("$work/ten/r$i.txt")
done

count() { # name files...
  local name=$1 out
  shift
  out=${PROFILE:-$work}/$name.callgrind
  mkdir -p "$(dirname "$out")"
  valgrind --tool=callgrind --callgrind-out-file="$out" "$bin" check --format json "$@" \
    > /dev/null 2> "$work/log" || true
  sed -n 's/.*Collected : //p' "$work/log"
}
empty=$(count start-up "$work/empty.txt")
single=$(count one "$one")
many=$(count ten "${ten[@]}")
bytes=$(cat "${ten[@]}" | wc -c)
printf 'start-up (empty report)   %13d instructions\n' "$empty"
printf 'one report (%6d bytes) %13d instructions\n' "$(wc -c < "$one")" "$single"
printf 'ten reports (%7d bytes) %12d instructions, %d per byte\n' "$bytes" "$many" \
  "$(((many - empty) / bytes))"
