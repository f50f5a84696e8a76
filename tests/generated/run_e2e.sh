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

# Dogfood: the trained project passes every structural rule of `mlfolio check`. Only the rules
# that need the author's own words may fail, each saying what to write; the history of a
# project made a minute ago is too young to judge.
report=$work/check.json
"$mlfolio" check "$work/demo-$task" --format json --output "$report"
/usr/bin/python3 - "$report" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
authors_words = {"docs/problem-statement", "docs/dataset", "docs/lessons", "docs/no-placeholders"}
failed = {f["rule"]: f for f in report["findings"] if f["status"] == "fail"}
wrong = sorted(set(failed) - authors_words)
if wrong:
    sys.exit("structural rules fail on a generated project: " +
             "; ".join(f"{rule}: {failed[rule]['message']}" for rule in wrong))
for rule, finding in failed.items():
    if not finding["fix"] or not finding["locations"]:
        sys.exit(f"{rule} fails without saying where and what to write: {finding}")
history = {f["rule"]: f["status"] for f in report["findings"] if f["category"] == "git"}
if history.get("git/history") != "skip":
    sys.exit(f"git/history should skip a brand-new repository: {history}")
print(f"mlfolio check: score {report['score']}, only the author's words missing: {sorted(failed)}")
PY
