# Wholesale sourcing (issue 15, part B): inventory-needs over the core's 50,000 bench products (wholesale-bench-data) with
# sales history from wholesale-sourcing-bench-data (--orders, default 20,000 over 120 days, 5 lines each: about 75,000
# order lines in the 90-day window), 40 category suppliers and 200 open sourcing shipments.
#   wholesale-sourcing-inventory-needs          GET /api/sourcing/inventory-needs (the list, 500 rows)   target p95 < 100 ms
#   wholesale-sourcing-inventory-needs-product  GET /api/sourcing/inventory-needs?product_id=…           (no target; watched)
#   *-c2                                        the same at 2 connections (the latency one caller sees on 2 cores)
# SOURCING_BENCH_PRODUCTS=5000 SOURCING_BENCH_ORDERS=2000 runs it small.
prepare() {
  $API_CLI wholesale-bench-data --products "${SOURCING_BENCH_PRODUCTS:-50000}"
  $API_CLI wholesale-sourcing-bench-data --orders "${SOURCING_BENCH_ORDERS:-20000}"
}

run() {
  local base="/wholesale" token product
  token=$(curl -s -H 'Content-Type: application/json' -d '{"username": "staff", "password": "Demo-pass-123"}' "$BASE_URL$base/api/staff/login" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
  product=$(curl -s -H "Authorization: Bearer $token" "$BASE_URL$base/api/sourcing/inventory-needs?limit=50" \
    | python3 -c 'import json,sys; r=json.load(sys.stdin); print(r[len(r)//2]["product_id"] if r else 1)')
  local rows; rows=$(curl -s -H "Authorization: Bearer $token" "$BASE_URL$base/api/sourcing/inventory-needs" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
  echo "inventory-needs: $rows rows in the list; product $product for the single-product read"

  bench_list wholesale-sourcing-inventory-needs "$base/api/sourcing/inventory-needs" "Authorization: Bearer $token"
  bench_list wholesale-sourcing-inventory-needs-product "$base/api/sourcing/inventory-needs?product_id=$product" "Authorization: Bearer $token"
  BENCH_CONNECTIONS=2 bench_http wholesale-sourcing-inventory-needs-c2 "$base/api/sourcing/inventory-needs" "Authorization: Bearer $token"
  BENCH_CONNECTIONS=2 bench_http wholesale-sourcing-inventory-needs-product-c2 "$base/api/sourcing/inventory-needs?product_id=$product" "Authorization: Bearer $token"
}
