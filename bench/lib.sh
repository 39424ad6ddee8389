#!/usr/bin/env bash
# Shared helpers for bench scenarios. A scenario is bench/scenarios/<name>.sh, sourced by bench/run.sh with
#   BASE_URL   the running Release API (http://127.0.0.1:PORT)
#   API_CLI    a command that runs the same build's CLI against the same database: "$API_CLI token platform --tenant ..."
#   RESULTS    the folder for this run's JSON results
# and these functions:
#   bench_http <name> <path> [curl-style header ...]   wrk load on BASE_URL+path, warm-up first, writes $RESULTS/<name>.json
#   bench_record <name> <json>                          writes a result measured some other way (ingest rates, job times)

BENCH_DURATION=${BENCH_DURATION:-15s}
BENCH_WARMUP=${BENCH_WARMUP:-5s}
BENCH_CONNECTIONS=${BENCH_CONNECTIONS:-16}
BENCH_THREADS=${BENCH_THREADS:-2}

bench_http() {
  local name=$1 path=$2; shift 2
  local hdrs=() h
  for h in "$@"; do hdrs+=(-H "$h"); done
  local status
  status=$(curl -s -o /dev/null -w '%{http_code}' "${hdrs[@]}" "$BASE_URL$path")
  if [ "${status:0:1}" != "2" ]; then echo "bench: $name: $path answered $status, not measuring" >&2; return 1; fi
  wrk -t"$BENCH_THREADS" -c"$BENCH_CONNECTIONS" -d"$BENCH_WARMUP" "${hdrs[@]}" "$BASE_URL$path" >/dev/null
  wrk -t"$BENCH_THREADS" -c"$BENCH_CONNECTIONS" -d"$BENCH_DURATION" --latency -s "$BENCH_DIR/report.lua" "${hdrs[@]}" "$BASE_URL$path" \
    | awk '/^JSON /{sub(/^JSON /,""); print}' > "$RESULTS/$name.json.tmp"
  python3 - "$name" "$path" "$RESULTS/$name.json.tmp" "$RESULTS/$name.json" <<'PY'
import json, sys
name, path, src, dst = sys.argv[1:5]
r = json.load(open(src))
r.update({"scenario": name, "path": path})
json.dump(r, open(dst, "w"), indent=2)
print(f"{name:40s} {r['requests_per_sec']:>10.0f} req/s   p50 {r['p50_ms']:.2f} ms   p95 {r['p95_ms']:.2f} ms   p99 {r['p99_ms']:.2f} ms   non-2xx {r['non_2xx']}")
PY
  rm -f "$RESULTS/$name.json.tmp"
}

bench_record() {
  local name=$1 json=$2
  echo "$json" | python3 -c "import json,sys; d=json.load(sys.stdin); d['scenario']='$name'; json.dump(d, open('$RESULTS/$name.json','w'), indent=2); print('$name', json.dumps(d))"
}
