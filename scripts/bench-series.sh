#!/usr/bin/env bash
# Times the commands that read a corpus of many governments: wall time,
# CPU time (user and system: what the work costs, whatever else the machine
# runs) and peak memory (GNU time's max RSS), on the shared provincial corpus (a
# folder per province) and on synthetic corpora of 100, 1,000 and 3,000
# reports that recombine its paragraphs into new governments (written under
# a temporary folder with a fixed seed, never into the repository). Prints
# a markdown table for README. Skips when the shared corpora are absent
# (CORPORA names their folder when it is not ../shared/corpora).
#   scripts/bench-series.sh [SIZES…]     default sizes: 100 1000 3000
set -euo pipefail
cd "$(dirname "$0")/.."
src=${CORPORA:-../shared/corpora}/provinces
if [ ! -d "$src" ]; then
  echo "no $src: nothing to measure"; exit 0
fi
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100 1000 3000)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
CGO_ENABLED=0 go build -o "$tmp/reportdiff" ./cmd/reportdiff # as README builds it: static
cmds=(corpus targets priorities align commitments)

# row NAME DIR: one line of the table, a cell per command: seconds and MB.
row() {
  local name=$1 dir=$2 reports cells=""
  reports=$(find "$dir" -name '*.md' | wc -l)
  for c in "${cmds[@]}"; do
    local fmt=csv
    [ "$c" = align ] && fmt=text # align writes no table
    /usr/bin/time -f "%e %U %S %M" -o "$tmp/t" "$tmp/reportdiff" --corpus "$dir" "$c" --format "$fmt" > /dev/null 2> "$tmp/err" || {
      echo "$c failed on $dir:" >&2; tail -3 "$tmp/err" >&2; exit 1; }
    read -r s u sy kb < <(tail -n 1 "$tmp/t")
    cells+=" | $s s ($(awk "BEGIN{printf \"%.1f\", $u+$sy}") s CPU), $(( kb / 1024 )) MB"
  done
  echo "| $name | $reports$cells |"
}

echo "| corpus | reports | $(IFS='|'; echo "${cmds[*]}" | sed 's/|/ | /g') |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
row "provinces (shared)" "$src"
for n in "${sizes[@]}"; do
  go run ./scripts/synth -from "$src" -to "$tmp/synth-$n" -reports "$n"
  row "synthetic" "$tmp/synth-$n"
  rm -rf "$tmp/synth-$n"
done
