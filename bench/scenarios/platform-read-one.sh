# Foundation scenario: one endpoint that reads one row by key, built the project's way (FastEndpoints + Mediator +
# LinqToDB + SQL file, with JWT auth, rate limiting and the tenant setting sent with the query), against
#   bare     the same query through a bare minimal-API endpoint with raw Npgsql in the same process (target: slice >= 0.95 x bare)
#   express  a peer written the common Node way (bench/peers/express: Express + node-postgres + jsonwebtoken, one worker per
#            core, the same JWT check, BEGIN / set_config / the same select / COMMIT on the app role) on the same database
#            (target: slice >= 4 x express in requests per second, at equal or lower p95)
# Runs alternate (bare, slice, express, twice) at the same connections so background noise hits all three.
# The peer's secrets (app-role password, signing key) come from `bench-peer-env` into the peer's environment only.
run() {
  local token peer_dir="$BENCH_DIR/peers/express"
  token=$($API_CLI token platform --tenant 6f1f7a52-3d5c-4b8e-9a57-1c0de5eed001 | tail -n 1)

  if [ ! -d "$peer_dir/node_modules" ]; then
    command -v npm >/dev/null 2>&1 || { echo "platform-read-one: npm is missing (Node 20+ needed for the Express peer)" >&2; return 1; }
    (cd "$peer_dir" && npm ci --no-audit --no-fund --loglevel=error) || { echo "platform-read-one: npm ci failed" >&2; return 1; }
  fi
  local peer_env peer_port peer_url peer_pid line
  peer_env=$($API_CLI bench-peer-env 2>/dev/null | grep -E '^PEER_[A-Z_]+=') \
    || { echo "platform-read-one: bench-peer-env printed nothing (is the command registered?)" >&2; return 1; }
  peer_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  peer_url="http://127.0.0.1:$peer_port"
  (
    while IFS= read -r line; do export "${line?}"; done <<<"$peer_env"
    export PEER_PORT="$peer_port" NODE_ENV=production
    exec node "$peer_dir/server.js"
  ) >"$RESULTS/express-peer.log" 2>&1 &
  peer_pid=$!
  unset peer_env
  for _ in $(seq 1 60); do
    curl -sf "$peer_url/readyz" >/dev/null 2>&1 && break
    kill -0 "$peer_pid" 2>/dev/null || { echo "platform-read-one: the Express peer exited; see $RESULTS/express-peer.log" >&2; return 1; }
    sleep 0.5
  done
  curl -sf "$peer_url/readyz" >/dev/null 2>&1 || { echo "platform-read-one: the Express peer did not start" >&2; kill "$peer_pid" 2>/dev/null || true; return 1; }

  # an unrecorded round first: right after the API starts, the runtime is still re-compiling hot methods at tier 1 on a
  # background thread (perf showed ~50 µs of JIT per request in the first 15 s), which would fall on whichever run comes
  # first (bare, making the ratio look better than it is)
  local url
  for url in "$BASE_URL/bench/bare/platform/v1/settings/display.currency" "$BASE_URL/platform/v1/settings/display.currency" \
             "$peer_url/platform/v1/settings/display.currency"; do
    wrk -t"$BENCH_THREADS" -c"$BENCH_CONNECTIONS" -d10s -H "Authorization: Bearer $token" "$url" >/dev/null
  done

  local rc=0 round
  for round in 1 2; do
    bench_http "platform-read-one-bare-$round" "/bench/bare/platform/v1/settings/display.currency" "Authorization: Bearer $token" || rc=1
    bench_http "platform-read-one-slice-$round" "/platform/v1/settings/display.currency" "Authorization: Bearer $token" || rc=1
    BASE_URL="$peer_url" bench_http "platform-read-one-express-$round" "/platform/v1/settings/display.currency" "Authorization: Bearer $token" || rc=1
  done
  kill "$peer_pid" 2>/dev/null || true; wait "$peer_pid" 2>/dev/null || true
  [ "$rc" -eq 0 ] || { echo "platform-read-one: a run failed; no summary" >&2; return 1; }

  python3 - "$RESULTS" "$BENCH_CONNECTIONS" "$(nproc)" <<'PY'
import json, sys
d, connections, cores = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def avg(kind, key):
    return sum(json.load(open(f"{d}/platform-read-one-{kind}-{r}.json"))[key] for r in (1, 2)) / 2
rps = {k: avg(k, "requests_per_sec") for k in ("bare", "slice", "express")}
p95 = {k: avg(k, "p95_ms") for k in ("bare", "slice", "express")}
vs_bare = rps["slice"] / rps["bare"]
vs_express = rps["slice"] / rps["express"]
bare_met = vs_bare >= 0.95
express_met = vs_express >= 4.0 and p95["slice"] <= p95["express"]
out = {"scenario": "platform-read-one", "connections": connections, "express_workers": cores,
       "bare_rps": round(rps["bare"], 1), "slice_rps": round(rps["slice"], 1), "express_rps": round(rps["express"], 1),
       "bare_p95_ms": round(p95["bare"], 3), "slice_p95_ms": round(p95["slice"], 3), "express_p95_ms": round(p95["express"], 3),
       "ratio": round(vs_bare, 3), "target": 0.95, "met": bare_met,   # slice vs bare (names kept for older reports)
       "slice_vs_express": round(vs_express, 3), "slice_vs_express_target": 4.0,
       "slice_vs_express_p95_not_worse": p95["slice"] <= p95["express"], "slice_vs_express_met": express_met}
json.dump(out, open(f"{d}/platform-read-one.json", "w"), indent=2)
print(f"platform-read-one: slice {rps['slice']:.0f} req/s (p95 {p95['slice']:.2f} ms) = {vs_bare:.3f} x bare {rps['bare']:.0f} "
      f"(target >= 0.95: {'met' if bare_met else 'NOT met'}) and {vs_express:.2f} x express {rps['express']:.0f} req/s "
      f"(p95 {p95['express']:.2f} ms; target >= 4x at equal or lower p95: {'met' if express_met else 'NOT met'})")
PY
}
