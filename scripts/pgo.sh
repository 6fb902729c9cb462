#!/usr/bin/env bash
# Makes cmd/reportdiff/default.pgo, the CPU profile `go build` and `go run`
# use for profile-guided optimisation of the command (Go's -pgo=auto: a
# file of that name beside a main package is applied to it and to every
# package it imports; nothing else changes, the output is the same).
#
#   scripts/pgo.sh [ITERATIONS]
#
# The profile is that of every command on the embedded corpus, as a user
# runs them (BenchmarkCommand: reading, classifying, pairing, diffing,
# the analyses, every view), ITERATIONS runs of each (default 60), and,
# when the shared corpora are beside the repository, of aligning a series
# of fifty reports (BenchmarkAlignSeries), merged into one. Run it again
# when the hot code changes a lot: a profile of older code still applies
# where its functions are the same, and does no harm where they are not.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-60}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The profiles are taken of code built without a profile, so that one
# profile does not shape the next.
go test -pgo=off ./cmd/reportdiff -run '^$' -bench '^BenchmarkCommand$' -benchtime "${n}x" \
  -cpuprofile "$tmp/commands.prof" -o "$tmp/cmd.test" >/dev/null
profiles=("$tmp/commands.prof")
go test -pgo=off ./align -run '^$' -bench '^BenchmarkAlignSeries$' -benchtime 3x \
  -cpuprofile "$tmp/series.prof" -o "$tmp/align.test" > "$tmp/series.out"
if grep -q '^BenchmarkAlignSeries' "$tmp/series.out"; then # not skipped: the corpora are there
  profiles+=("$tmp/series.prof")
fi
go tool pprof -proto "${profiles[@]}" > cmd/reportdiff/default.pgo 2>/dev/null
ls -l cmd/reportdiff/default.pgo
