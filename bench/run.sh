#!/usr/bin/env bash
# `make bench`: every benchmark, each against a reference measured in the same run.
set -euo pipefail
mlfolio=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
for bench in "$here"/new.sh "$here"/check.sh "$here"/history.sh "$here"/cohort.sh; do
  [[ -f $bench ]] || continue
  echo "== $(basename "$bench" .sh)"
  bash "$bench" "$mlfolio"
  echo
done
