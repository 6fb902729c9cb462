#!/usr/bin/env bash
# Paired timing of the built command, start-up included, whole processes.
#
#   scripts/bench-paired.sh [N] [SERIES]
#   BASE=/path/to/an/older/reportdiff scripts/bench-paired.sh [N] [SERIES]
#
# 1. `reportdiff diff A B` on the embedded corpus (A and B its last two
#    years) against `git diff --no-index --word-diff-regex=.` on the same
#    two report texts (`reportdiff show A`, `reportdiff show B`), run in pairs
#    (A B A B …, so that a change of load on the machine falls on both):
#    median wall time and the largest peak memory (max RSS) of each, and
#    `reportdiff --version`, the floor of any run of the binary.
# 2. Every command on the embedded corpus: the median of N runs.
# 3. Every command on a series of reports (SERIES, a directory; default the
#    longest series of one government in ../shared/corpora, when that
#    folder is there): the median of N/4 runs (at least 3).
#
# With BASE, every run of the command built here is paired with a run of
# BASE (say, a build of main, made the same way: CGO_ENABLED=0, as README
# builds the binary), and the table has a column for each.
# Wall times come from bash's EPOCHREALTIME around each process, peak memory
# from GNU time (/usr/bin/time, Debian's package "time"), whose own start is
# in every run of every side.
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
base=${BASE:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
CGO_ENABLED=0 go build -o "$tmp/reportdiff" ./cmd/reportdiff # as README builds it: static
rd=$tmp/reportdiff
# years DIR…: the last two years of the corpus (the embedded one without DIR).
years() { "$rd" ${1:+--corpus "$1"} corpus --format csv 2> /dev/null | awk -F, 'NR > 1 && $2 > 0 {print $2}' | sort -n | tail -n 2 | paste -sd' '; }
read -r a b < <(years)
"$rd" show "$a" > "$tmp/a.txt"
"$rd" show "$b" > "$tmp/b.txt"

# once LABEL COMMAND…: runs it once; appends its wall seconds and its max
# RSS (kB) to the label's files.
once() {
  local label=$1; shift
  local t0=$EPOCHREALTIME
  /usr/bin/time -f "%M" -o "$tmp/m" "$@" > /dev/null 2>&1 || true
  local t1=$EPOCHREALTIME
  echo "$t0 $t1" | awk '{printf "%.6f\n", $2 - $1}' >> "$tmp/wall.$label"
  tail -n 1 "$tmp/m" >> "$tmp/rss.$label"
}

# both LABEL ARGS…: runs reportdiff ARGS, then BASE ARGS when BASE is set.
both() {
  local label=$1; shift
  once "$label" "$rd" "$@"
  if [ -n "$base" ]; then once "base $label" "$base" "$@"; fi
}

# median FILE: the median of the numbers in FILE, one a line.
median() { sort -g "$1" | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# cell LABEL: the median in ms and the largest RSS in MB of a label's runs.
cell() {
  printf '%8.1f ms %6.1f MB' "$(median "$tmp/wall.$1" | awk '{print $1*1000}')" \
    "$(sort -g "$tmp/rss.$1" | tail -n 1 | awk '{print $1/1024}')"
}

# row LABEL: a line of the table, with BASE's cell when BASE is set.
row() {
  printf '%-44s %s' "$1" "$(cell "$1")"
  if [ -n "$base" ] && [ -f "$tmp/wall.base $1" ]; then printf '   %s' "$(cell "base $1")"; fi
  echo
}

header() {
  printf '%-44s %20s' "$1" "this build"
  if [ -n "$base" ]; then printf '   %20s' "BASE"; fi
  echo
}

header "diff against git, $n pairs, medians; peak memory"
for _ in $(seq "$n"); do
  both "reportdiff diff $a $b" diff "$a" "$b" --color never
  once "git diff --no-index --word-diff-regex=." git diff --no-index --word-diff-regex=. "$tmp/a.txt" "$tmp/b.txt"
  both "reportdiff --version (the floor)" --version
done
row "reportdiff diff $a $b"
row "git diff --no-index --word-diff-regex=."
row "reportdiff --version (the floor)"

commands=("corpus" "outline" "show $a" "check" "facts" "align" "diff $a $b" "priorities" "commitments" "targets")
echo
header "embedded corpus, $n runs, medians"
for _ in $(seq "$n"); do
  for c in "${commands[@]}"; do
    # shellcheck disable=SC2086
    both "$c" $c --color never
  done
done
for c in "${commands[@]}"; do row "$c"; done

if [ -n "$series" ] && [ -d "$series" ]; then
  m=$(( n / 4 > 3 ? n / 4 : 3 ))
  reports=$(find "$series" -maxdepth 1 -type f \( -name '*.md' -o -name '*.txt' \) | wc -l)
  kb=$(( $(cat "$series"/* | wc -c) / 1024 ))
  # Two consecutive years of the series, the last two, for diff and show.
  read -r y1 y2 < <(years "$series")
  series_cmds=("corpus" "outline" "show $y1" "check" "facts" "align" "diff $y1 $y2" "priorities" "commitments" "targets")
  echo
  header "series of $reports reports ($kb kB), $m runs, medians"
  for _ in $(seq "$m"); do
    for c in "${series_cmds[@]}"; do
      # shellcheck disable=SC2086
      both "series $c" --corpus "$series" $c --color never
    done
  done
  for c in "${series_cmds[@]}"; do row "series $c"; done
fi
