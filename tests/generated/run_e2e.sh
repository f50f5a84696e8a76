#!/usr/bin/env bash
# End-to-end test of a generated project: `mlfolio new` with the real binary, then the
# project's own toolchain with Debian's Python (tests/generated/check_generated_project.sh).
# Usage: run_e2e.sh MLFOLIO TASK [TRACKING]
set -euo pipefail
mlfolio=$(realpath "$1")
task=$2
tracking=${3:-mlflow}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/mlfolio-e2e-XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"
"$mlfolio" new "demo-$task" --task "$task" --tracking "$tracking" --author "E2E Test" --email e2e@example.org >/dev/null
PYTHON=${PYTHON:-/usr/bin/python3} bash "$here/check_generated_project.sh" "$work/demo-$task"
