#!/usr/bin/env bash
# Acceptance test for a project made by `mlfolio new` from templates/ml-project.
#
#   tests/generated/check_generated_project.sh PROJECT_DIR
#
# Runs the project's own checks the way its author would, offline: tests, a training run and
# its outputs, formatters, linters, types, config files, and the served API. It trains and
# serves inside PROJECT_DIR (models/, reports/ and the README results table change).
# PYTHON selects the interpreter (default /usr/bin/python3, which must have the packages).
# Prints one line per check; exits 1 with a message at the first failure, 2 on bad usage.

set -uo pipefail

PYTHON=${PYTHON:-/usr/bin/python3}
STEP_TIMEOUT=${STEP_TIMEOUT:-300} # seconds for any one check
HEALTH_TIMEOUT=30                  # seconds for the server to answer /health
DRIFT_METRIC=model_feature_drift_psi

if [[ $# -ne 1 || ! -d $1 ]]; then
    echo "usage: $0 PROJECT_DIR" >&2
    exit 2
fi
cd "$1" || exit 2
PROJECT=$(pwd)
LOG_DIR=$(mktemp -d)
SERVER_PGID=""

cleanup() {
    if [[ -n $SERVER_PGID ]]; then
        kill -TERM -- "-$SERVER_PGID" 2>/dev/null
        sleep 0.5
        kill -KILL -- "-$SERVER_PGID" 2>/dev/null
    fi
    rm -rf "$LOG_DIR"
}
trap cleanup EXIT

check() { printf '%-58s' "$1 ..."; }
ok() { echo " ok${1:+ ($1)}"; }
fail() {
    echo " FAILED"
    echo "error: $1" >&2
    if [[ -n ${2:-} && -s $2 ]]; then
        echo "--- last lines of output ---" >&2
        tail -n 40 "$2" >&2
    fi
    exit 1
}

# Runs a command with the step timeout, its output in a log shown on failure.
run() {
    local name=$1 log="$LOG_DIR/$2.log"
    shift 2
    check "$name"
    timeout "$STEP_TIMEOUT" "$@" >"$log" 2>&1
    local status=$?
    if ((status == 124)); then
        fail "$name: \`$*\` did not finish within ${STEP_TIMEOUT}s in $PROJECT" "$log"
    elif ((status != 0)); then
        fail "$name: \`$*\` exited with status $status in $PROJECT" "$log"
    fi
    ok
}

# python snippets read the project's files; they print a reason and exit 1 when a check fails.
py() { "$PYTHON" - "$@"; }

echo "Checking generated project $PROJECT with $PYTHON"

check "interpreter has the project's packages"
"$PYTHON" -c 'import fastapi, pydantic, sklearn, pandas, scipy, yaml, joblib, prometheus_client, httpx, uvicorn, pytest, black, flake8, mypy' \
    2>"$LOG_DIR/imports.log" || fail "$PYTHON lacks a required package" "$LOG_DIR/imports.log"
ok

check "no unrendered template tags"
if grep -rIl --exclude-dir=.git --exclude-dir=data -e '<%' -e '%>' . >"$LOG_DIR/tags.log"; then
    fail "template tags left in: $(tr '\n' ' ' <"$LOG_DIR/tags.log")"
fi
ok

check "YAML, TOML and JSON files parse"
py >"$LOG_DIR/parse.log" 2>&1 <<'EOF' || fail "a config file does not parse" "$LOG_DIR/parse.log"
import json, pathlib, sys, tomllib, yaml
skip = {".git", ".venv", "venv", "node_modules", "models", "mlruns", "wandb"}
count = 0
for path in sorted(pathlib.Path(".").rglob("*")):
    if not path.is_file() or skip & set(path.parts):
        continue
    try:
        if path.suffix in (".yaml", ".yml"):
            yaml.safe_load(path.read_text(encoding="utf-8"))
        elif path.suffix == ".toml":
            tomllib.loads(path.read_text(encoding="utf-8"))
        elif path.suffix == ".json":
            json.loads(path.read_text(encoding="utf-8"))
        else:
            continue
    except Exception as error:
        sys.exit(f"{path}: {error}")
    count += 1
if count == 0:
    sys.exit("no YAML/TOML/JSON file found")
print(count, "files")
EOF
ok "$(tail -n 1 "$LOG_DIR/parse.log")"

run "pytest passes" pytest "$PYTHON" -m pytest -q -p no:cacheprovider
run "make train" train make --no-print-directory train PYTHON="$PYTHON"

check "metrics file: model beats baseline"
py >"$LOG_DIR/metrics.log" 2>&1 <<'EOF' || fail "reports/metrics.json is missing or wrong" "$LOG_DIR/metrics.log"
import json, math, pathlib, sys
path = pathlib.Path("reports/metrics.json")
if not path.is_file():
    sys.exit(f"{path} not written by make train")
report = json.loads(path.read_text())
name = report["primary_metric"]
model, baseline = report["model"][name], report["baseline"][name]
if not all(isinstance(v, (int, float)) and math.isfinite(v) for v in (model, baseline)):
    sys.exit(f"{name} is not a number: model {model!r}, baseline {baseline!r}")
better = model > baseline if report["higher_is_better"] else model < baseline
if not (better and report["beats_baseline"]):
    sys.exit(f"model {name} {model} does not beat baseline {baseline}")
if len(report["model"]) < 3:
    sys.exit(f"only {sorted(report['model'])} reported: expected metrics beyond one score")
print(f"{name}: model {model:.3f}, baseline {baseline:.3f}")
EOF
ok "$(tail -n 1 "$LOG_DIR/metrics.log")"

check "versioned model in the registry"
py >"$LOG_DIR/registry.log" 2>&1 <<'EOF' || fail "no usable model version under models/" "$LOG_DIR/registry.log"
import json, pathlib, re, sys
versions = sorted(p for p in pathlib.Path("models").glob("v*") if re.fullmatch(r"v\d{4,}", p.name))
if not versions:
    sys.exit("no models/vNNNN/ directory after make train")
for version in versions:
    for name in ("model.joblib", "metadata.json"):
        if not (version / name).is_file():
            sys.exit(f"{version / name} missing")
    json.loads((version / "metadata.json").read_text())
production = json.loads(pathlib.Path("models/registry.json").read_text()).get("production")
if not production or not (pathlib.Path("models") / production).is_dir():
    sys.exit(f"models/registry.json names no existing production version ({production!r})")
print(f"production {production}")
EOF
ok "$(tail -n 1 "$LOG_DIR/registry.log")"

check "README results table filled in"
py >"$LOG_DIR/readme.log" 2>&1 <<'EOF' || fail "README results table not filled by make train" "$LOG_DIR/readme.log"
import pathlib, re, sys
text = pathlib.Path("README.md").read_text(encoding="utf-8")
start, end = text.find("<!-- results:start -->"), text.find("<!-- results:end -->")
if start < 0 or end < start:
    sys.exit("README.md lacks the <!-- results:start --> / <!-- results:end --> markers")
table = text[start:end]
if "|" not in table or not re.search(r"\d+\.\d+", table):
    sys.exit("no table with numbers between the markers:\n" + table)
EOF
ok

run "black --check" black "$PYTHON" -m black --check .
run "flake8" flake8 "$PYTHON" -m flake8
run "mypy src" mypy "$PYTHON" -m mypy src

check "make serve answers /health"
PORT=$("$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
setsid make --no-print-directory serve PYTHON="$PYTHON" HOST=127.0.0.1 PORT="$PORT" \
    >"$LOG_DIR/serve.log" 2>&1 </dev/null &
SERVER_PGID=$!
BASE="http://127.0.0.1:$PORT"

# http METHOD PATH [BODY_FILE] -> prints the status code; the response body goes to $LOG_DIR/body
http() {
    py "$@" "$BASE" "$LOG_DIR/body" <<'EOF'
import sys, urllib.error, urllib.request
method, path = sys.argv[1], sys.argv[2]
body_file = sys.argv[3] if len(sys.argv) == 6 else None
base, out = sys.argv[-2], sys.argv[-1]
data = open(body_file, "rb").read() if body_file else None
request = urllib.request.Request(base + path, data=data, method=method,
                                 headers={"Content-Type": "application/json"})
try:
    with urllib.request.urlopen(request, timeout=10) as response:
        status, body = response.status, response.read()
except urllib.error.HTTPError as error:
    status, body = error.code, error.read()
except OSError:
    status, body = 0, b""
open(out, "wb").write(body)
print(status)
EOF
}

deadline=$((SECONDS + HEALTH_TIMEOUT))
status=0
while ((SECONDS < deadline)); do
    kill -0 "$SERVER_PGID" 2>/dev/null || fail "make serve exited early" "$LOG_DIR/serve.log"
    status=$(http GET /health)
    [[ $status == 200 ]] && break
    sleep 0.5
done
[[ $status == 200 ]] || fail "/health did not answer 200 within ${HEALTH_TIMEOUT}s (last: $status)" "$LOG_DIR/serve.log"
ok "port $PORT"

check "POST /predict with examples/predict_request.json"
[[ -f examples/predict_request.json ]] || fail "examples/predict_request.json missing"
status=$(http POST /predict examples/predict_request.json)
[[ $status == 200 ]] || fail "/predict answered $status: $(head -c 500 "$LOG_DIR/body")" "$LOG_DIR/serve.log"
py "$LOG_DIR/body" >"$LOG_DIR/predict.log" 2>&1 <<'EOF' || fail "/predict response has no prediction" "$LOG_DIR/predict.log"
import json, sys
body = json.load(open(sys.argv[1]))
if "prediction" not in body:
    sys.exit(f"no 'prediction' in {body}")
print(body["prediction"])
EOF
ok "prediction $(tail -n 1 "$LOG_DIR/predict.log")"

check "POST /predict with a malformed body is a 422"
echo '{"unexpected": "field"}' >"$LOG_DIR/malformed.json"
status=$(http POST /predict "$LOG_DIR/malformed.json")
[[ $status == 422 ]] || fail "malformed /predict answered $status instead of 422" "$LOG_DIR/serve.log"
ok

check "GET /metrics exports $DRIFT_METRIC"
status=$(http GET /metrics)
[[ $status == 200 ]] || fail "/metrics answered $status" "$LOG_DIR/serve.log"
grep -q "$DRIFT_METRIC" "$LOG_DIR/body" || fail "/metrics does not mention $DRIFT_METRIC"
ok

echo "All checks passed for $PROJECT"
