-- Voice tool calls for wholesale-voice.sh: POSTs to the request path with the X-API-Key header ($KEY), a different caller
-- each request. MODE: get_customer (a random bench caller), check_order_status (a random bench order and its caller's
-- phone), place_order (confirmed, two random VB- products; random quantities keep the 10-minute repeat rule from answering
-- an earlier order). CUSTOMERS and ORDERS are the bench data sizes. The report is bench/report.lua's JSON line.
local mode = os.getenv("MODE")
local customers = tonumber(os.getenv("CUSTOMERS") or "20000")
local orders = tonumber(os.getenv("ORDERS") or "300000")
local key = os.getenv("KEY")
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

function init(args)
  math.randomseed(os.time() * 7919 + (tid or 0) * 104729)
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["X-API-Key"] = key
end

local function phone(c) return string.format("+1630%07d", c) end

function request()
  local body
  if mode == "check_order_status" then
    local i = math.random(1, orders)
    body = string.format('{"order_number": "LLD-VB%08d", "phone_number": "%s"}', i, phone((i - 1) % customers + 1))
  elseif mode == "place_order" then
    body = string.format('{"phone_number": "%s", "confirmed": true, "payment_method": "credit_card", "items": [{"sku": "VB-%04d", "quantity": %d}, {"sku": "VB-%04d", "quantity": %d}]}',
      phone(math.random(1, customers)), math.random(1, 20), math.random(1, 40), math.random(21, 40), math.random(1, 40))
  else
    body = string.format('{"phone_number": "%s"}', phone(math.random(1, customers)))
  end
  return wrk.format("POST", nil, nil, body)
end

done = function(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format(
    'JSON {"requests": %d, "duration_s": %.3f, "requests_per_sec": %.1f, "p50_ms": %.3f, "p95_ms": %.3f, "p99_ms": %.3f, "max_ms": %.3f, "non_2xx": %d}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000, errors))
end
