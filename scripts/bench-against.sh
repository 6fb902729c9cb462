#!/usr/bin/env bash
# Times `reportdiff check --against HEAD` when one report of a corpus was
# edited: on a corpus of that one report, and on a flat copy of every
# provincial report of ../shared/corpora/provinces (about 680, in a new git
# repository in a temporary folder; the corpus is never copied into this
# repository). Only the edited report and its neighbours are read again, so
# both should take about as long. Also times the plain lint of the whole
# copy, for scale. Skips when the shared corpora are not there (CORPORA
# names their folder when it is not ../shared/corpora).
#   scripts/bench-against.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-5}
src=${CORPORA:-../shared/corpora}/provinces
if [ ! -d "$src" ]; then
  echo "no $src: nothing to measure"; exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
CGO_ENABLED=0 go build -o "$tmp/reportdiff" ./cmd/reportdiff # as README builds it: static
export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.com GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.com

# corpus DIR FILE…: a git repository DIR with the files flat in DIR/reports,
# named PROVINCE-YEAR.md, committed; then the first figure of the last file
# edited (its first "增长N%" made N+1).
corpus() {
  local dir=$1; shift
  mkdir -p "$dir/reports"
  for f in "$@"; do cp "$f" "$dir/reports/$(basename "$(dirname "$f")")-$(basename "$f")"; done
  git -C "$dir" init -q && git -C "$dir" add -A && git -C "$dir" commit -q -m corpus
  local last
  last=$(ls "$dir/reports" | tail -n 1)
  perl -Mutf8 -CSD -i -pe 'if (!$done && s/增长([0-9]+)(\.[0-9]+)?%/"增长".($1+1).($2\/\/"")."%"/e) { $done = 1 }' "$dir/reports/$last"
}

# measure NAME COMMAND…: the median wall time of n runs.
measure() {
  local name=$1; shift
  local times=()
  for _ in $(seq "$n"); do
    local start end
    start=$(date +%s.%N)
    "$@" > /dev/null 2>&1 || true
    end=$(date +%s.%N)
    times+=("$(awk "BEGIN{printf \"%.3f\", $end-$start}")")
  done
  printf '%-60s %6s s\n' "$name" "$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (n + 1) / 2 ))p")"
}

mapfile -t all < <(find "$src" -name '*.md' | sort)
corpus "$tmp/one" "${all[-1]}"
corpus "$tmp/all" "${all[@]}"
echo "median of $n runs; one report edited; $(ls "$tmp/all/reports" | wc -l) reports in the large corpus"
(cd "$tmp/one" && measure "check --against HEAD, a corpus of 1 report" "$tmp/reportdiff" check --corpus reports --against HEAD)
(cd "$tmp/all" && measure "check --against HEAD, a corpus of all the reports" "$tmp/reportdiff" check --corpus reports --against HEAD)
(cd "$tmp/all" && measure "check (the lint alone) of all the reports, for scale" "$tmp/reportdiff" check --corpus reports)
(cd "$tmp/all" && "$tmp/reportdiff" check --corpus reports --against HEAD --fail-on never | tail -n 3)
