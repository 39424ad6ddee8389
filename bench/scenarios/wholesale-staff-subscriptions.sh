# Wholesale staff subscriptions (issue 13) on the demo business (20 demo subscriptions, ~15,000 orders; the issue names no
# target for these routes, so the figures are indicative: p95 < 30 ms like the other staff reads). Signs in once as the
# demo staff admin. Renewals are not measured: they call Stripe (not configured in the bench's Production settings).
#   wholesale-staff-subscriptions-list      GET /api/staff/subscriptions                    (20 objects with last renewal)
#   wholesale-staff-subscriptions-active    GET /api/staff/subscriptions?status=active&user_id=1
#   wholesale-staff-subscription            GET /api/staff/subscriptions/1   (renewals, 50 orders, product history)
#   wholesale-staff-subscriptions-suggest   GET /api/staff/subscriptions/suggest/1?sku=…   (median interval over 100 orders)
run() {
  local base="/wholesale" token auth sku
  token=$(curl -s -H 'Content-Type: application/json' -d '{"username":"admin","password":"Demo-pass-123"}' "$BASE_URL$base/api/staff/login" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
  auth="Authorization: Bearer $token"
  sku=$(curl -s -H "$auth" "$BASE_URL$base/api/staff/subscriptions/1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["product_sku"])')
  bench_list wholesale-staff-subscriptions-list "$base/api/staff/subscriptions" "$auth"
  bench_list wholesale-staff-subscriptions-active "$base/api/staff/subscriptions?status=active&user_id=1" "$auth"
  bench_http wholesale-staff-subscription "$base/api/staff/subscriptions/1" "$auth"
  bench_http wholesale-staff-subscriptions-suggest "$base/api/staff/subscriptions/suggest/1?sku=$sku" "$auth"
  bench_http wholesale-staff-subscriptions-suggest-all "$base/api/staff/subscriptions/suggest/1" "$auth"
}
