# Wholesale fulfilment (issue 15) on the demo business plus wholesale-shipping-bench-data (--orders, default 100,000).
#   wholesale-shipping-for-order       POST /api/shipping/box-recommendations/for-order, 40 lines   target p95 < 50 ms
#   wholesale-shipping-orders          GET /api/shipping/orders (default: active) over 100,000 orders  target p95 < 30 ms
#   wholesale-shipping-orders-search   GET /api/shipping/orders?status=all&q=…                         (no target; watched)
#   *-c2                               the same at 2 connections (the latency one caller sees on 2 cores)
# The sourcing helper adds its inventory-needs target in its own scenario file.
# SHIPPING_BENCH_ORDERS=5000 runs it small.
prepare() {
  $API_CLI wholesale-shipping-bench-data --orders "${SHIPPING_BENCH_ORDERS:-100000}"
}

run() {
  local base="/wholesale" token ids body
  token=$(curl -s -H 'Content-Type: application/json' -d '{"username": "shipper", "password": "Demo-pass-123"}' "$BASE_URL$base/api/shipping/login" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
  body="$RESULTS/for-order-body.json"
  curl -s -H "Authorization: Bearer $token" "$BASE_URL$base/api/shipping/box-recommendations/products?q=shipping%20bench&limit=40" \
    | python3 -c 'import json,sys; ps=json.load(sys.stdin)["products"]; print(json.dumps({"items": [{"product_id": p["id"], "quantity": 1 + i % 4} for i, p in enumerate(ps)]}))' > "$body"
  local lines; lines=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["items"]))' "$body")
  [ "$lines" = 40 ] || echo "bench: for-order body has $lines lines, not 40" >&2

  local name c
  for c in "":16 "-c2":2; do
    name="wholesale-shipping-for-order${c%%:*}"
    BODY_FILE="$body" AUTH="Bearer $token" wrk -t2 -c"${c#*:}" -d"$BENCH_WARMUP" -s "$BENCH_DIR/scenarios/wholesale/post-json-report.lua" \
      "$BASE_URL$base/api/shipping/box-recommendations/for-order" >/dev/null
    BODY_FILE="$body" AUTH="Bearer $token" wrk -t2 -c"${c#*:}" -d"$BENCH_DURATION" --latency -s "$BENCH_DIR/scenarios/wholesale/post-json-report.lua" \
      "$BASE_URL$base/api/shipping/box-recommendations/for-order" | awk '/^JSON /{sub(/^JSON /,""); print}' > "$RESULTS/$name.json.tmp"
    python3 - "$name" "$RESULTS/$name.json.tmp" "$RESULTS/$name.json" <<'PY'
import json, sys
name, src, dst = sys.argv[1:4]
r = json.load(open(src)); r.update({"scenario": name, "path": "POST /wholesale/api/shipping/box-recommendations/for-order (40 lines)"})
json.dump(r, open(dst, "w"), indent=2)
print(f"{name:40s} {r['requests_per_sec']:>10.0f} req/s   p50 {r['p50_ms']:.2f} ms   p95 {r['p95_ms']:.2f} ms   p99 {r['p99_ms']:.2f} ms   non-2xx {r['non_2xx']}")
PY
    rm -f "$RESULTS/$name.json.tmp"
  done

  bench_list wholesale-shipping-orders "$base/api/shipping/orders" "Authorization: Bearer $token"
  bench_list wholesale-shipping-orders-search "$base/api/shipping/orders?status=all&q=LLD-WF0000123" "Authorization: Bearer $token"
  BENCH_CONNECTIONS=2 bench_http wholesale-shipping-orders-c2 "$base/api/shipping/orders" "Authorization: Bearer $token"
}
