-- 5-line guest orders over the bench's order products (ids first_id .. first_id + span - 1), distinct lines per request.
-- wrk -s orders.lua: set FIRST_ID and SPAN in the environment.
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
