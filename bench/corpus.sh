#!/usr/bin/env bash
# Build a benchmark corpus: replicate the reports of a folder (*.txt) to N files, cycling through
# them in name order. From the five seed reports, 2,000 files make about 70 MB. The corpus is for
# measuring only and is not committed.
#
# Usage: bench/corpus.sh SRC_DIR OUT_DIR [N]   (N defaults to 2000)
set -euo pipefail
src=${1:?usage: bench/corpus.sh SRC_DIR OUT_DIR [N]}
out=${2:?usage: bench/corpus.sh SRC_DIR OUT_DIR [N]}
n=${3:-2000}
mapfile -t reports < <(find "$src" -maxdepth 1 -name '*.txt' -type f | sort)
if [ "${#reports[@]}" -eq 0 ]; then
  echo "bench/corpus.sh: no *.txt reports in $src" >&2
  exit 2
fi
mkdir -p "$out"
find "$out" -maxdepth 1 -name 'r*.txt' -type f -delete
for ((i = 0; i < n; i++)); do
  cp "${reports[i % ${#reports[@]}]}" "$(printf '%s/r%05d.txt' "$out" "$i")"
done
bytes=$(cat "$out"/r*.txt | wc -c)
echo "$out: $n files, $bytes bytes"
