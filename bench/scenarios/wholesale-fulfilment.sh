# Wholesale fulfilment (issue 15), every target of the issue in one scenario, on the demo business plus
# wholesale-shipping-bench-data (--orders, default 100,000 orders in a warehouse's mix and 40 products WF-0001… with shipping
# boxes), the core's 50,000 bench products (wholesale-bench-data) and wholesale-sourcing-bench-data (--orders, default
# 20,000 orders over 120 days, 5 lines each: about 75,000 order lines in the 90-day window; 40 category suppliers and 200
# open sourcing shipments). The warehouse user signs in through POST /api/shipping/login, staff through
# POST /api/staff/login. Each line states its target. Issue 15 targets:
#   wholesale-shipping-for-order          POST /api/shipping/box-recommendations/for-order, 40 lines          p95 < 50 ms
#   wholesale-shipping-orders             GET /api/shipping/orders (default: active) over 100,000 orders      p95 < 30 ms
#   wholesale-sourcing-inventory-needs    GET /api/sourcing/inventory-needs (the list) over 50,000 products   p95 < 100 ms
#   *-c2                                  the same at 2 connections (the latency one caller sees on 2 cores), same targets
# Watched (no target): wholesale-shipping-orders-search (status=all&q=…) and wholesale-sourcing-inventory-needs-product
# (?product_id=…).
# Small run: SHIPPING_BENCH_ORDERS=5000 SOURCING_BENCH_PRODUCTS=5000 SOURCING_BENCH_ORDERS=2000 BENCH_DURATION=3s \
#            BENCH_WARMUP=1s bench/run.sh wholesale-fulfilment
BENCH_DB=wholesale-fulfilment   # a database of its own (bench/run.sh): the data sizes, nothing another scenario loads
prepare() {
  $API_CLI wholesale-shipping-bench-data --orders "${SHIPPING_BENCH_ORDERS:-100000}"
  $API_CLI wholesale-bench-data --products "${SOURCING_BENCH_PRODUCTS:-50000}"
  $API_CLI wholesale-sourcing-bench-data --orders "${SOURCING_BENCH_ORDERS:-20000}"
}

run() {
  source "$BENCH_DIR/scenarios/wholesale/common.sh"
  local base=$WS_BASE ship staff body lines product rows
  ship=$(ws_login shipper shipping); staff=$(ws_login staff)

  # for-order: a 40-line order over the shipping bench products
  body="$RESULTS/for-order-body.json"
  curl -s -H "Authorization: Bearer $ship" "$BASE_URL$base/api/shipping/box-recommendations/products?q=shipping%20bench&limit=40" \
    | python3 -c 'import json,sys; ps=json.load(sys.stdin)["products"]; print(json.dumps({"items": [{"product_id": p["id"], "quantity": 1 + i % 4} for i, p in enumerate(ps)]}))' > "$body"
  lines=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["items"]))' "$body")
  [ "$lines" = 40 ] || echo "bench: for-order body has $lines lines, not 40" >&2
  ws_post wholesale-shipping-for-order 50 "$base/api/shipping/box-recommendations/for-order" "$body" "Bearer $ship"
  ws_post wholesale-shipping-for-order-c2 50 "$base/api/shipping/box-recommendations/for-order" "$body" "Bearer $ship" 2

  ws_list wholesale-shipping-orders 30 "$base/api/shipping/orders" "Authorization: Bearer $ship"
  ws_list wholesale-shipping-orders-search - "$base/api/shipping/orders?status=all&q=LLD-WF0000123" "Authorization: Bearer $ship"
  BENCH_CONNECTIONS=2 ws_http wholesale-shipping-orders-c2 30 "$base/api/shipping/orders" "Authorization: Bearer $ship"

  # inventory-needs: the list, and one product's line
  product=$(curl -s -H "Authorization: Bearer $staff" "$BASE_URL$base/api/sourcing/inventory-needs?limit=50" \
    | python3 -c 'import json,sys; r=json.load(sys.stdin); print(r[len(r)//2]["product_id"] if r else 1)')
  rows=$(curl -s -H "Authorization: Bearer $staff" "$BASE_URL$base/api/sourcing/inventory-needs" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
  echo "inventory-needs: $rows rows in the list; product $product for the single-product read"
  ws_list wholesale-sourcing-inventory-needs 100 "$base/api/sourcing/inventory-needs" "Authorization: Bearer $staff"
  ws_list wholesale-sourcing-inventory-needs-product - "$base/api/sourcing/inventory-needs?product_id=$product" "Authorization: Bearer $staff"
  BENCH_CONNECTIONS=2 ws_http wholesale-sourcing-inventory-needs-c2 100 "$base/api/sourcing/inventory-needs" "Authorization: Bearer $staff"
  BENCH_CONNECTIONS=2 ws_http wholesale-sourcing-inventory-needs-product-c2 - "$base/api/sourcing/inventory-needs?product_id=$product" "Authorization: Bearer $staff"

  ws_summary "wholesale-fulfilment (issue 15)" wholesale-shipping-for-order wholesale-shipping-for-order-c2 wholesale-shipping-orders \
    wholesale-shipping-orders-c2 wholesale-sourcing-inventory-needs wholesale-sourcing-inventory-needs-c2
}
