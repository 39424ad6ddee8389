-- 5-line guest orders over the bench's order products (FIRST_ID .. FIRST_ID + SPAN - 1), with bench/report.lua's JSON report
-- (wrk takes one script). Set FIRST_ID and SPAN in the environment.
local first = tonumber(os.getenv("FIRST_ID"))
local span = tonumber(os.getenv("SPAN"))
local counter = 0
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(id * 7919 + os.time())
end

request = function()
  counter = counter + 1
  local seen, items = {}, {}
  while #items < 5 do
    local p = first + math.random(0, span - 1)
    if not seen[p] then
      seen[p] = true
      table.insert(items, string.format('{"product_id": %d, "quantity": %d}', p, math.random(1, 4)))
    end
  end
  local body = '{"items": [' .. table.concat(items, ",") .. '], "delivery_name": "Bench Buyer", "delivery_address": "1 Loop St",' ..
               ' "delivery_city": "Chicago", "delivery_state": "IL", "delivery_zip": "60601", "delivery_email": "bench@buyer.example",' ..
               ' "delivery_phone": "+13125550100", "payment_method": "card"}'
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, body)
end

done = function(summary, latency, requests)
  -- response() runs per thread; counts from threads are not merged, so also report wrk's own error counters
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format(
    'JSON {"requests": %d, "duration_s": %.3f, "requests_per_sec": %.1f, "p50_ms": %.3f, "p95_ms": %.3f, "p99_ms": %.3f, "max_ms": %.3f, "non_2xx": %d}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000, errors))
end
