#!/usr/bin/env bash
# BrandInsights at the issue's scale: 1,500 stores, 300 brands, 30,000 products, 180 days of history (binary COPY, then
# roll-ups). Measures the six dashboard endpoints for the largest brand (cb_b00001) and the ingest of a full crawl
# (every store's menu, ~900,000 NDJSON lines). Sourced by bench/run.sh (BASE_URL, API_CLI, RESULTS, bench_http, bench_record).
# Targets: p95 < 50 ms summary, timeseries, store-changes; < 100 ms stores, products; ingest >= 50,000 lines/s.

BI_CRAWL="${BI_CRAWL:-$RESULTS/brand-insights-crawl.ndjson}"

# before the API starts (the CLI needs the database to itself): the market, the crawl file and an ingest key
prepare() {
if $API_CLI brand-insights-bench-data --stores 1500 --brands 300 --products 30000 --days 180 --ndjson "$BI_CRAWL"; then
  echo "brand-insights: bench market generated"
else
  echo "brand-insights: bench market already present (or generation failed); continuing with what is loaded" >&2
fi
$API_CLI brand-insights-ingest-key --name bench | tail -1 > "$RESULTS/brand-insights-ingest.key"
}

run() {
BI_TOKEN=$($API_CLI token brand-insights --brand cb_b00001 --days 1 | tail -1)
BI_AUTH="Authorization: Bearer $BI_TOKEN"
BI=/brand-insights/v1/brands/cb_b00001/dashboard

bench_http brand-insights-summary            "$BI/summary"                              "$BI_AUTH"
bench_http brand-insights-summary-90d        "$BI/summary?window=90d"                   "$BI_AUTH"
bench_http brand-insights-store-timeseries   "$BI/store-timeseries?from=$(date -u -d '-180 days' +%F)" "$BI_AUTH"
bench_http brand-insights-store-ts-week      "$BI/store-timeseries?interval=week&from=$(date -u -d '-180 days' +%F)" "$BI_AUTH"
bench_http brand-insights-promo-timeseries   "$BI/promo-timeseries?from=$(date -u -d '-180 days' +%F)" "$BI_AUTH"
bench_list brand-insights-store-changes      "$BI/store-changes?days=90&limit=50"       "$BI_AUTH"
bench_list brand-insights-stores             "$BI/stores"                               "$BI_AUTH"
bench_list brand-insights-stores-by-name     "$BI/stores?status=all&sort=name&order=asc&limit=200&offset=200" "$BI_AUTH"
bench_list brand-insights-products           "$BI/products"                             "$BI_AUTH"
bench_list brand-insights-products-filtered  "$BI/products?status=all&on_promo=true&sort=price&limit=200" "$BI_AUTH"

# ingest: a full crawl under a fresh crawl id, timed end to end (parse, COPY into staging, merge into the intervals)
if [ -s "$BI_CRAWL" ]; then
  BI_KEY=$(cat "$RESULTS/brand-insights-ingest.key")
  BI_RUN="$RESULTS/brand-insights-crawl-run.ndjson"
  sed "s/\"crawl_id\":\"[^\"]*\"/\"crawl_id\":\"bench-$(date +%s)\"/" "$BI_CRAWL" > "$BI_RUN"
  BI_LINES=$(wc -l < "$BI_RUN")
  BI_START=$(date +%s.%N)
  BI_BODY=$(curl -s -X POST -H "X-API-Key: $BI_KEY" -H "Content-Type: application/x-ndjson" --data-binary @"$BI_RUN" \
    "$BASE_URL/brand-insights/v1/ingest/menu-snapshots")
  BI_END=$(date +%s.%N)
  rm -f "$BI_RUN"
  bench_record brand-insights-ingest "$(python3 -c "
import json, sys
lines, secs = $BI_LINES, $BI_END - $BI_START
body = json.loads(sys.argv[1]) if sys.argv[1].startswith('{') else {'raw': sys.argv[1][:500]}
print(json.dumps({'lines': lines, 'seconds': round(secs, 2), 'lines_per_sec': round(lines / secs), 'response': body}))
" "$BI_BODY")"
else
  echo "brand-insights: no crawl file at $BI_CRAWL; ingest not measured (generate into a fresh database)" >&2
fi
}
