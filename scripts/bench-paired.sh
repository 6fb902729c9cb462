#!/usr/bin/env bash
# Paired timing of the built command, start-up included, whole processes.
#
#   scripts/bench-paired.sh [N] [SERIES]
#
# 1. `reportdiff diff 2015 2016` on the embedded corpus against
#    `git diff --no-index --word-diff-regex=.` on the same two report texts
#    (`reportdiff show 2015`, `reportdiff show 2016`), run in pairs
#    (A B A B …, so that a change of load on the machine falls on both):
#    median wall time and the largest peak memory (max RSS) of each, and
#    `reportdiff --version`, the floor of any run of the binary.
# 2. Every command on the embedded corpus: the median of N runs.
# 3. Every command on a series of reports (SERIES, a directory; default the
#    longest series of one province in ../shared/corpora, when that folder is
#    there): the median of N/4 runs (at least 3).
#
# Wall times come from bash's EPOCHREALTIME around each process, peak memory
# from GNU time (/usr/bin/time, Debian's package "time"), whose own start is
# in every run of both sides.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-21}
series=${2:-}
if [ -z "$series" ]; then
  # The longest series of one government in the shared corpora beside the
  # repository (or beside the folder of its work trees).
  for d in ../shared/corpora/provinces ../../shared/corpora/provinces; do
    [ -d "$d" ] || continue
    series=$(for p in "$d"/*/; do echo "$(ls "$p" | wc -l) $p"; done | sort -n | tail -n 1 | cut -d' ' -f2-)
    series=${series%/}
    break
  done
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/reportdiff" ./cmd/reportdiff
rd=$tmp/reportdiff
"$rd" show 2015 > "$tmp/2015.txt"
"$rd" show 2016 > "$tmp/2016.txt"

# once COMMAND…: runs it once; appends its wall seconds to $tmp/wall and its
# max RSS (kB) to $tmp/rss.
once() {
  local t0=$EPOCHREALTIME
  /usr/bin/time -f "%M" -o "$tmp/m" "$@" > /dev/null 2>&1 || true
  local t1=$EPOCHREALTIME
  echo "$t0 $t1" | awk '{printf "%.6f\n", $2 - $1}' >> "$tmp/wall.$label"
  tail -n 1 "$tmp/m" >> "$tmp/rss.$label"
}

# median FILE: the median of the numbers in FILE, one a line.
median() { sort -g "$1" | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# row LABEL: the median in ms and the largest RSS in MB of a label's runs.
row() {
  printf '%-58s %8.1f ms %7.1f MB\n' "$1" "$(median "$tmp/wall.$1" | awk '{print $1*1000}')" \
    "$(sort -g "$tmp/rss.$1" | tail -n 1 | awk '{print $1/1024}')"
}

echo "## diff against git, paired: median of $n pairs; peak memory"
for _ in $(seq "$n"); do
  label="reportdiff diff 2015 2016" once "$rd" diff 2015 2016 --color never
  label="git diff --no-index --word-diff-regex=." once git diff --no-index --word-diff-regex=. "$tmp/2015.txt" "$tmp/2016.txt"
  label="reportdiff --version (the floor)" once "$rd" --version
done
row "reportdiff diff 2015 2016"
row "git diff --no-index --word-diff-regex=."
row "reportdiff --version (the floor)"

commands=("corpus" "outline" "show 2015" "check" "facts" "align" "diff 2015 2016" "priorities" "commitments" "targets")
echo
echo "## every command on the embedded corpus: median of $n runs; peak memory"
for _ in $(seq "$n"); do
  for c in "${commands[@]}"; do
    # shellcheck disable=SC2086
    label="$c" once "$rd" $c --color never
  done
done
for c in "${commands[@]}"; do row "$c"; done

if [ -n "$series" ] && [ -d "$series" ]; then
  m=$(( n / 4 > 3 ? n / 4 : 3 ))
  reports=$(find "$series" -maxdepth 1 -name '*.md' -o -maxdepth 1 -name '*.txt' | wc -l)
  bytes=$(cat "$series"/*.md "$series"/*.txt 2> /dev/null | wc -c)
  years=$("$rd" --corpus "$series" corpus --format csv 2> /dev/null | awk -F, 'NR > 1 {print $2}' | sort -n | sed -n '1p;$p' | paste -sd-)
  # Two consecutive years of the series for diff and show.
  read -r y1 y2 < <("$rd" --corpus "$series" corpus --format csv 2> /dev/null | awk -F, 'NR > 1 && $2 > 0 {print $2}' | sort -n | tail -n 2 | paste -sd' ')
  series_cmds=("corpus" "outline" "show $y1" "check" "facts" "align" "diff $y1 $y2" "priorities" "commitments" "targets")
  echo
  echo "## every command on a series of $reports reports ($years, $((bytes / 1024)) kB): median of $m runs; peak memory"
  for _ in $(seq "$m"); do
    for c in "${series_cmds[@]}"; do
      # shellcheck disable=SC2086
      label="series $c" once "$rd" --corpus "$series" $c --color never
    done
  done
  for c in "${series_cmds[@]}"; do row "series $c"; done
fi
