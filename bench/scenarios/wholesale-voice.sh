# Wholesale voice agent (issue 16) on wholesale-voice-bench-data (20,000 customers with phones +1630NNNNNNN, 300,000 orders
# LLD-VB…, 40 VB- products with a large stock) over the demo business. An admin signs in through POST /api/staff/login and
# makes an API key with the voice scope, which every request carries (X-API-Key).
#   wholesale-voice-get-customer        POST /api/voice/get_customer, a random caller                  target p95 < 15 ms
#   wholesale-voice-order-status        POST /api/voice/check_order_status, a random order + its caller target p95 < 15 ms
#   wholesale-voice-place-order         POST /api/voice/place_order, confirmed, 2 lines, random caller  target p95 < 60 ms
#   wholesale-voice-call-queue          GET /api/staff/call-queue (defaults: 50 per page, priority)     target p95 < 100 ms
#   wholesale-voice-call-queue-credit   GET /api/staff/call-queue?credit_status=good                   (no target; watched)
#   *-c2                                the same at 2 connections (16 on 2 cores measure mostly queueing)
# WS_VOICE_CUSTOMERS=2000 WS_VOICE_ORDERS=20000 runs it small (bench data loads once per bench database).
BENCH_DB=wholesale-voice   # a database of its own (bench/run.sh): the issue's data sizes, nothing another scenario loads
prepare() {
  $API_CLI wholesale-voice-bench-data --customers "${WS_VOICE_CUSTOMERS:-20000}" --orders "${WS_VOICE_ORDERS:-300000}"
}

run() {
  local base="/wholesale" token key
  token=$(curl -s -H 'Content-Type: application/json' -d '{"username":"admin","password":"Demo-pass-123"}' "$BASE_URL$base/api/staff/login" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
  key=$(curl -s -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d '{"name":"voice bench","prefix":"lld_","scopes":["voice"]}' "$BASE_URL$base/api/admin/keys" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["raw_key"])')

  local tools=("get-customer:get_customer" "order-status:check_order_status" "place-order:place_order")
  local t c name tool conns
  for c in "":16 "-c2":2; do
    conns=${c#*:}
    for t in "${tools[@]}"; do
      name="wholesale-voice-${t%%:*}${c%%:*}"; tool=${t#*:}
      bench_warmup
      MODE=$tool KEY=$key CUSTOMERS="${WS_VOICE_CUSTOMERS:-20000}" ORDERS="${WS_VOICE_ORDERS:-300000}" \
        wrk -t2 -c"$conns" -d"$BENCH_NEXT_WARMUP" -s "$BENCH_DIR/scenarios/wholesale/voice-post.lua" "$BASE_URL$base/api/voice/$tool" >/dev/null
      MODE=$tool KEY=$key CUSTOMERS="${WS_VOICE_CUSTOMERS:-20000}" ORDERS="${WS_VOICE_ORDERS:-300000}" \
        wrk -t2 -c"$conns" -d"$BENCH_DURATION" --latency -s "$BENCH_DIR/scenarios/wholesale/voice-post.lua" "$BASE_URL$base/api/voice/$tool" \
        | awk '/^JSON /{sub(/^JSON /,""); print}' > "$RESULTS/$name.json.tmp"
      python3 - "$name" "POST $base/api/voice/$tool" "$RESULTS/$name.json.tmp" "$RESULTS/$name.json" <<'PY'
import json, sys
name, path, src, dst = sys.argv[1:5]
r = json.load(open(src)); r.update({"scenario": name, "path": path})
json.dump(r, open(dst, "w"), indent=2)
print(f"{name:40s} {r['requests_per_sec']:>10.0f} req/s   p50 {r['p50_ms']:.2f} ms   p95 {r['p95_ms']:.2f} ms   p99 {r['p99_ms']:.2f} ms   non-2xx {r['non_2xx']}")
PY
      rm -f "$RESULTS/$name.json.tmp"
    done
    BENCH_CONNECTIONS=$conns bench_http "wholesale-voice-call-queue${c%%:*}" "$base/api/staff/call-queue" "X-API-Key: $key"
    BENCH_CONNECTIONS=$conns bench_http "wholesale-voice-call-queue-credit${c%%:*}" "$base/api/staff/call-queue?credit_status=good" "X-API-Key: $key"
  done
}
