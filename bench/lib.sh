#!/usr/bin/env bash
# Shared helpers for bench scenarios. A scenario is bench/scenarios/<name>.sh, sourced by bench/run.sh with
#   BASE_URL   the running Release API (http://127.0.0.1:PORT)
#   API_CLI    a command that runs the same build's CLI against the same database: "$API_CLI token platform --tenant ..."
#   RESULTS    the folder for this run's JSON results
# and these functions:
#   bench_http <name> <path> [curl-style header ...]   wrk load on BASE_URL+path, warm-up first, writes $RESULTS/<name>.json
#   bench_list <name> <path> [curl-style header ...]   a list endpoint: bench_http as <name> at BENCH_CONNECTIONS, and again
#                                                       as <name>-c16 at 16 connections (copied when BENCH_CONNECTIONS is 16)
#   bench_alias <name> <second name>                   the same result under a second name
#   bench_record <name> <json>                          writes a result measured some other way (ingest rates, job times)

BENCH_DURATION=${BENCH_DURATION:-15s}
BENCH_WARMUP=${BENCH_WARMUP:-5s}
# The first measurement after an API start warms this long instead: right after start the runtime is still compiling the
# shared request pipeline (tier 0, then PGO-instrumented, then tier 1, on a background thread competing with the load); a
# perf/`/proc` check on wholesale-products-category at 16 connections read ~1,480 us of API CPU per request after 5 s of load
# and ~390 us after 60 s, and the first rows of a scenario carried stalls of up to ~0.9 s (issue 20 §4 saw the same, which
# is why platform-read-one has its own unrecorded round). Each later row still gets BENCH_WARMUP for its own code.
BENCH_FIRST_WARMUP=${BENCH_FIRST_WARMUP:-45s}
BENCH_CONNECTIONS=${BENCH_CONNECTIONS:-16}
BENCH_THREADS=${BENCH_THREADS:-2}
# Lists are also measured at this many connections whatever BENCH_CONNECTIONS is: per-request work that queues (a scan
# per request, a lock, a pool wait) shows as a p95/p99 tail at 16 connections long before it shows at 1 or 2 (issue 20:
# AdPriority priorities p95 14.5 ms alone, 1,089 ms at 16 connections).
BENCH_LIST_CONNECTIONS=${BENCH_LIST_CONNECTIONS:-16}

# bench_warmup: sets BENCH_NEXT_WARMUP, the warm-up for the next measurement: BENCH_FIRST_WARMUP once per API process, then
# BENCH_WARMUP (call it in this shell, not in $(...), so the per-process marker sticks)
bench_warmup() {
  if [ "${BENCH_WARMED_API:-}" != "${API_PID:-none}" ]; then BENCH_WARMED_API=${API_PID:-none}; BENCH_NEXT_WARMUP=$BENCH_FIRST_WARMUP
  else BENCH_NEXT_WARMUP=$BENCH_WARMUP; fi
}

bench_http() {
  local name=$1 path=$2; shift 2
  local hdrs=() h
  for h in "$@"; do hdrs+=(-H "$h"); done
  local status
  status=$(curl -s -o /dev/null -w '%{http_code}' "${hdrs[@]}" "$BASE_URL$path")
  if [ "${status:0:1}" != "2" ]; then echo "bench: $name: $path answered $status, not measuring" >&2; return 1; fi
  bench_warmup; local warm=$BENCH_NEXT_WARMUP
  wrk -t"$BENCH_THREADS" -c"$BENCH_CONNECTIONS" -d"$warm" "${hdrs[@]}" "$BASE_URL$path" >/dev/null
  wrk -t"$BENCH_THREADS" -c"$BENCH_CONNECTIONS" -d"$BENCH_DURATION" --latency -s "$BENCH_DIR/report.lua" "${hdrs[@]}" "$BASE_URL$path" \
    | awk '/^JSON /{sub(/^JSON /,""); print}' > "$RESULTS/$name.json.tmp"
  python3 - "$name" "$path" "$RESULTS/$name.json.tmp" "$RESULTS/$name.json" "$BENCH_CONNECTIONS" <<'PY'
import json, sys
name, path, src, dst, conns = sys.argv[1:6]
r = json.load(open(src))
r.update({"scenario": name, "path": path, "connections": int(conns)})
json.dump(r, open(dst, "w"), indent=2)
print(f"{name:40s} c{int(conns):<3d} {r['requests_per_sec']:>8.0f} req/s   p50 {r['p50_ms']:.2f} ms   p95 {r['p95_ms']:.2f} ms   p99 {r['p99_ms']:.2f} ms   non-2xx {r['non_2xx']}")
PY
  rm -f "$RESULTS/$name.json.tmp"
}

bench_list() {
  local name=$1; shift
  bench_http "$name" "$@" || return 1
  bench_list_row bench_http "$name" "$@"
}

# bench_list_row <measure command> <name> [args ...]: the list's 16-connection row <name>-c16 after <name> was measured:
# the same result when the run was at 16 already, else <measure command> <name>-c16 [args ...] at 16 connections
bench_list_row() {
  local measure=$1 name=$2; shift 2
  if [ "$BENCH_CONNECTIONS" = "$BENCH_LIST_CONNECTIONS" ]; then bench_alias "$name" "$name-c$BENCH_LIST_CONNECTIONS"
  else BENCH_CONNECTIONS=$BENCH_LIST_CONNECTIONS BENCH_THREADS=2 "$measure" "$name-c$BENCH_LIST_CONNECTIONS" "$@"; fi
}

# bench_alias <name> <second name>: the result already measured at that concurrency, recorded under a second name
bench_alias() {
  python3 - "$RESULTS/$1.json" "$RESULTS/$2.json" "$2" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); r.update({"scenario": sys.argv[3], "same_run_as": r["scenario"]})
json.dump(r, open(sys.argv[2], "w"), indent=2)
print(f"{sys.argv[3]:40s} (same run as {r['same_run_as']}: {r.get('connections', '?')} connections)")
PY
}

bench_record() {
  local name=$1 json=$2
  echo "$json" | python3 -c "import json,sys; d=json.load(sys.stdin); d['scenario']='$name'; json.dump(d, open('$RESULTS/$name.json','w'), indent=2); print('$name', json.dumps(d))"
}
