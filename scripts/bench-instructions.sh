#!/usr/bin/env bash
# Counts the instructions every command executes on the embedded corpus,
# whole process, start-up included (valgrind's callgrind): a measure of the
# work a run does that the load of a shared machine does not move, where
# wall time does. Builds with CGO_ENABLED=0 (callgrind follows a static Go
# binary) and runs with GODEBUG=asyncpreemptoff=1 (callgrind runs one thread
# at a time: preemption signals would only add noise). The moment the
# collector runs still moves a count by up to 3 %: each is the median of
# RUNS runs (default 3). Also counts git's word diff of the same two texts.
#
#   scripts/bench-instructions.sh            this build
#   BASE=REV scripts/bench-instructions.sh   this build and git revision REV
#
# Prints a markdown table (millions of instructions) for README. Needs
# valgrind (Debian's package "valgrind").
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
CGO_ENABLED=0 go build -o "$tmp/new" ./cmd/reportdiff
builds=(new)
if [ -n "${BASE:-}" ]; then
  git archive "$BASE" | (mkdir "$tmp/base-src" && tar -x -C "$tmp/base-src")
  (cd "$tmp/base-src" && CGO_ENABLED=0 go build -o "$tmp/base" ./cmd/reportdiff)
  builds=(base new)
fi
# The last two years of the embedded corpus.
read -r a b < <("$tmp/new" corpus --format csv | awk -F, 'NR > 1 && $2 > 0 {print $2}' | sort -n | tail -n 2 | paste -sd' ')
"$tmp/new" show "$a" > "$tmp/a.txt"
"$tmp/new" show "$b" > "$tmp/b.txt"

# count COMMAND…: the median, in millions, of the instructions of RUNS runs.
count() {
  for _ in $(seq "$runs"); do
    GODEBUG=asyncpreemptoff=1 valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" > /dev/null 2> "$tmp/err" || true
    grep -o 'refs: *[0-9,]*' "$tmp/err" | tr -dc '0-9'
    echo
  done | sort -n | awk '{a[NR]=$1} END {printf "%.0f", a[int((NR+1)/2)]/1e6}'
}

if [ ${#builds[@]} -eq 2 ]; then
  echo "| command (embedded corpus) | $BASE | this build |"
  echo "| --- | ---: | ---: |"
else
  echo "| command (embedded corpus) | this build |"
  echo "| --- | ---: |"
fi
for c in "--version" "corpus" "outline" "show $a" "check" "facts" "align" "diff $a $b" "priorities" "commitments" "targets"; do
  line="| \`$c\` |"
  for b in "${builds[@]}"; do
    # shellcheck disable=SC2086
    line="$line $(count "$tmp/$b" $c --color never) |"
  done
  echo "$line"
done
git_count=$(count git diff --no-index --word-diff-regex=. "$tmp/a.txt" "$tmp/b.txt")
if [ ${#builds[@]} -eq 2 ]; then
  echo "| \`git diff --no-index --word-diff-regex=.\` (the same two texts) | $git_count | $git_count |"
else
  echo "| \`git diff --no-index --word-diff-regex=.\` (the same two texts) | $git_count |"
fi
