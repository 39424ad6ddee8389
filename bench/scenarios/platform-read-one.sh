# Foundation scenario: one endpoint that reads one row by key, built the project's way (FastEndpoints + Mediator +
# LinqToDB + SQL file, with JWT auth, rate limiting and the tenant transaction), against the same query through a bare
# minimal-API endpoint with raw Npgsql. Runs alternate (bare, slice, bare, slice) so background noise hits both.
# Target: slice throughput >= 0.95 x bare.
run() {
  local token
  token=$($API_CLI token platform --tenant 6f1f7a52-3d5c-4b8e-9a57-1c0de5eed001 | tail -n 1)
  for round in 1 2; do
    bench_http "platform-read-one-bare-$round" "/bench/bare/platform/v1/settings/display.currency" "Authorization: Bearer $token"
    bench_http "platform-read-one-slice-$round" "/platform/v1/settings/display.currency" "Authorization: Bearer $token"
  done
  python3 - "$RESULTS" <<'PY'
import json, sys
d = sys.argv[1]
def avg(kind, key):
    return sum(json.load(open(f"{d}/platform-read-one-{kind}-{r}.json"))[key] for r in (1, 2)) / 2
bare, slice_ = avg("bare", "requests_per_sec"), avg("slice", "requests_per_sec")
ratio = slice_ / bare
out = {"scenario": "platform-read-one", "bare_rps": round(bare, 1), "slice_rps": round(slice_, 1),
       "bare_p95_ms": round(avg("bare", "p95_ms"), 3), "slice_p95_ms": round(avg("slice", "p95_ms"), 3),
       "ratio": round(ratio, 3), "target": 0.95, "met": ratio >= 0.95}
json.dump(out, open(f"{d}/platform-read-one.json", "w"), indent=2)
print(f"platform-read-one: slice {slice_:.0f} req/s vs bare {bare:.0f} req/s = {ratio:.3f} (target >= 0.95)")
PY
}
