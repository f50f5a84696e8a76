#!/usr/bin/env bash
# `make demo`: generate a project, train it with Debian's Python, and audit it.
set -euo pipefail
mlfolio=$(realpath "$1")
demo_root=$(realpath -m "$(dirname "$0")/../build/demo")
python=${PYTHON:-/usr/bin/python3}
rm -rf "$demo_root"
mkdir -p "$demo_root"
echo "== mlfolio new churn-predictor (in $demo_root)"
"$mlfolio" new churn-predictor --dir "$demo_root" --author "Demo Author" --email demo@example.org
cd "$demo_root/churn-predictor"
echo
echo "== make train (PYTHON=$python)"
make --no-print-directory train PYTHON="$python"
echo
echo "== README results table after training"
sed -n '/<!-- results:start -->/,/<!-- results:end -->/p' README.md
if "$mlfolio" help check >/dev/null 2>&1; then
  echo
  echo "== mlfolio check"
  "$mlfolio" check . || true
fi
