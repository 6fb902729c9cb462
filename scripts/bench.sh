#!/usr/bin/env bash
# Times `reportdiff diff 2015 2016` on the embedded corpus against
# `git diff --no-index --word-diff-regex=.` on the same two report texts:
# the median wall time of N runs of each, and the peak memory (max RSS).
# Needs GNU time (/usr/bin/time, Debian's package "time") and git.
#   scripts/bench.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-21}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/reportdiff" ./cmd/reportdiff
"$tmp/reportdiff" show 2015 > "$tmp/2015.txt"
"$tmp/reportdiff" show 2016 > "$tmp/2016.txt"

# measure NAME COMMAND…: prints the median seconds and the largest max RSS.
measure() {
  local name=$1; shift
  local times=() rss=0
  for _ in $(seq "$n"); do
    /usr/bin/time -f "%e %M" -o "$tmp/t" "$@" > /dev/null 2>&1 || true
    read -r t m < <(tail -n 1 "$tmp/t")
    times+=("$t")
    (( m > rss )) && rss=$m
  done
  local median
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (n + 1) / 2 ))p")
  printf '%-52s %6s s  %7s MB\n' "$name" "$median" "$(awk "BEGIN{printf \"%.1f\", $rss/1024}")"
}

echo "median of $n runs; peak memory"
measure "reportdiff diff 2015 2016 (whole diff, start-up included)" "$tmp/reportdiff" diff 2015 2016 --color never
measure "reportdiff diff 2015 2016 --format json" "$tmp/reportdiff" diff 2015 2016 --format json
measure "git diff --no-index --word-diff-regex=. (same texts)" git diff --no-index --word-diff-regex=. "$tmp/2015.txt" "$tmp/2016.txt"
