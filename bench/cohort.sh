#!/usr/bin/env bash
# Benchmark of a cohort audit: COHORT_SIZE (default 100) projects made by `mlfolio new` in
# variations (task, tracking, license; files removed; a quarter of them git repositories with a
# few commits), audited with `mlfolio check --targets` at --jobs 1 and --jobs 2 in the same run.
# Prints the median of RUNS runs of each (taking turns) and the speed-up (target: at least 1.8
# on two cores).
set -euo pipefail
mlfolio=$(realpath "$1")
runs=${RUNS:-5}
size=${COHORT_SIZE:-100}
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
work=$(mktemp -d "${TMPDIR:-/tmp}/mlfolio-bench-cohort-XXXXXX")
trap 'rm -rf "$work"' EXIT

tasks=(tabular-classification text-classification regression)
trackings=(mlflow wandb none)
licenses=(mit apache-2.0 bsd-3-clause none)
removable=(README.md LICENSE Dockerfile tests .github Makefile .gitignore)
echo "writing $size projects ..."
mkdir -p "$work/cohort"
: > "$work/targets.txt"
for ((i = 0; i < size; i++)); do
  name=$(printf 'student-%03d' "$i")
  "$mlfolio" new "$name" --no-git --dir "$work/cohort" --author Bench --email bench@localhost \
    --task "${tasks[i % 3]}" --tracking "${trackings[i / 3 % 3]}" --license "${licenses[i % 4]}" >/dev/null
  dir=$work/cohort/$name
  # Remove some files, differently for each project, so that the scores differ.
  for ((j = 0; j < ${#removable[@]}; j++)); do
    if (( (i >> j) % 3 == 1 )); then rm -rf "${dir:?}/${removable[j]}"; fi
  done
  if (( i % 4 == 0 )); then
    git -C "$dir" init -q -b main
    for ((c = 0; c < 3; c++)); do
      echo "change $c" >> "$dir/NOTES.md"
      git -C "$dir" add -A
      git -C "$dir" -c user.name=bench -c user.email=bench@localhost commit -qm "Step $c of the project"
    done
  fi
  echo "cohort/$name" >> "$work/targets.txt"
done
echo "cohort: $size projects, $(find "$work/cohort" -type f -not -path '*/.git/*' | wc -l) files, $(nproc) cores"
echo

audit() { (cd "$work" && "$mlfolio" check --targets targets.txt --jobs "$1" --format jsonl --output "$work/out-$1.jsonl"); }
audit 1 || true # warm the page cache once
# The two settings take turns, run after run, so that both see the same load on a shared machine.
ms_of() { local start end; start=$(date +%s%N); audit "$1" >/dev/null 2>&1 || true; end=$(date +%s%N); echo $(((end - start) / 1000)); }
one_times=()
two_times=()
for ((r = 0; r < runs; r++)); do
  one_times+=("$(ms_of 1)")
  two_times+=("$(ms_of 2)")
done
one_ms=$(median_of "${one_times[@]}")
two_ms=$(median_of "${two_times[@]}")
cmp -s "$work/out-1.jsonl" "$work/out-2.jsonl" || { echo "the reports of --jobs 1 and --jobs 2 differ" >&2; exit 1; }

# CPU seconds per wall second of one more run: near 2 for --jobs 2 when both cores were free.
cores_used() {
  /usr/bin/time -f '%e %U %S' bash -c "cd '$work' && '$mlfolio' check --targets targets.txt --jobs $1 --format jsonl --output '$work/out-$1.jsonl'" 2>&1 >/dev/null |
    tail -n 1 | awk '{ if ($1 > 0) printf "%.2f", ($2 + $3) / $1; else print "n/a" }'
}
one_cores=$(cores_used 1)
two_cores=$(cores_used 2)

printf '%-36s %12s %10s %12s\n' command "median ms" speed-up "cores used"
printf '%-36s %12s %10s %12s\n' "mlfolio check --targets --jobs 1" "$one_ms" "1.00" "$one_cores"
printf '%-36s %12s %10s %12s\n' "mlfolio check --targets --jobs 2" "$two_ms" "$(ratio "$one_ms" "$two_ms")" "$two_cores"
echo
echo "speed-up: the --jobs 1 median divided by the --jobs 2 median; target at least 1.8 on two cores."
echo "cores used: CPU time per wall time of one run; below 2 at --jobs 2, other load took the cores."
