# Issue 20 §3: what a cluster-wide permit costs. The CLI times RateLimits.AcquireAsync directly against the bench database
# (the API's own pool and connection settings): in-memory only, the database with one permit per ask (limits up to 100:
# exact across instances) and the database with blocks (big limits), one caller and 16 concurrent callers.
run() {
  $API_CLI bench-rate-limits --calls 20000 --concurrency 16 --out "$RESULTS/platform-rate-limits.json" | grep -v '^info\|^warn' || true
}
