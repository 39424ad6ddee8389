#!/usr/bin/env bash
# Benchmark harness: builds the API in Release, starts it on its own embedded database (bench/.data) with demo data,
# drives HTTP load on loopback with wrk, and writes JSON results under bench/results/<timestamp>/.
#   bench/run.sh                  every scenario in bench/scenarios
#   bench/run.sh platform-read-one brand-insights
# A scenario file defines run() (the API is up) and optionally prepare() (before the API starts; may use $API_CLI to load data).
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
cd "$ROOT"
"$ROOT/scripts/ensure-postgres.sh"
if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null && apt-get install -y -qq wrk >/dev/null
  else echo "wrk is missing: sudo apt-get install -y wrk" >&2; exit 1; fi
fi

BUILD="$BENCH_DIR/.build"
dotnet publish Api/Api.csproj -c Release -o "$BUILD" --nologo -v quiet >/dev/null
export ASPNETCORE_ENVIRONMENT=Production
export Database__EmbeddedDataDir="$BENCH_DIR/.data/postgres"
export Database__MaxPoolSize=64
export Bench__Enabled=true
export Logging__LogLevel__Default=Warning
export Jobs__Enabled=true
export RateLimits__platform__PermitLimit=100000000
API_CLI="dotnet $BUILD/Api.dll"
export API_CLI

RESULTS="$BENCH_DIR/results/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$RESULTS"
export RESULTS BENCH_DIR
source "$BENCH_DIR/lib.sh"

scenarios=("$@")
if [ ${#scenarios[@]} -eq 0 ]; then
  for f in "$BENCH_DIR"/scenarios/*.sh; do scenarios+=("$(basename "$f" .sh)"); done
fi

# Scenarios that declare BENCH_DB=<name> (at the top of their file) get a database of their own in bench/.data/<name>, so the
# data another scenario loads (or an import adds) never changes what they measure: the issue sizes hold (the voice call queue
# ranks its 20,000 customers, not every customer of every scenario). The rest share bench/.data/postgres. Groups run in
# the order their first scenario was named: prepare every scenario of the group, start the API on its database, run them,
# stop it.
db_of() { ( unset BENCH_DB; source "$BENCH_DIR/scenarios/$1.sh"; echo "${BENCH_DB:-shared}" ); }
groups=()
declare -A members=()
for s in "${scenarios[@]}"; do
  g=$(db_of "$s")
  [ -n "${members[$g]+x}" ] || groups+=("$g")
  members[$g]="${members[$g]:-} $s"
done

API_PID=
stop_api() { if [ -n "$API_PID" ]; then kill "$API_PID" 2>/dev/null || true; wait "$API_PID" 2>/dev/null || true; API_PID=; fi; }
trap stop_api EXIT

for g in "${groups[@]}"; do
  read -r -a group <<<"${members[$g]}"
  if [ "$g" = shared ]; then export Database__EmbeddedDataDir="$BENCH_DIR/.data/postgres"
  else export Database__EmbeddedDataDir="$BENCH_DIR/.data/$g/postgres"; fi
  [ ${#groups[@]} -eq 1 ] || echo "== database $g (${group[*]})"
  for s in "${group[@]}"; do
    unset -f prepare run || true
    source "$BENCH_DIR/scenarios/$s.sh"
    if declare -F prepare >/dev/null; then echo "== $s: prepare"; prepare; fi
  done

  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  BASE_URL="http://127.0.0.1:$PORT"
  export BASE_URL
  dotnet "$BUILD/Api.dll" --urls "$BASE_URL" >> "$RESULTS/api.log" 2>&1 &
  API_PID=$!
  for _ in $(seq 1 120); do
    curl -sf "$BASE_URL/readyz" >/dev/null 2>&1 && break
    kill -0 $API_PID 2>/dev/null || { echo "API exited; see $RESULTS/api.log" >&2; tail -20 "$RESULTS/api.log" >&2; exit 1; }
    sleep 1
  done
  curl -sf "$BASE_URL/readyz" >/dev/null || { echo "API not ready; see $RESULTS/api.log" >&2; exit 1; }

  for s in "${group[@]}"; do
    unset -f prepare run || true
    source "$BENCH_DIR/scenarios/$s.sh"
    echo "== $s"
    run
  done
  stop_api
done
echo "== lists at 16 connections (bench/summary.py; also $RESULTS/summary.md)"
python3 "$BENCH_DIR/summary.py" "$RESULTS" || true
echo "results: $RESULTS"
