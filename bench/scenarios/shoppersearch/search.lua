-- wrk script for ShopperSearch searches (POST JSON with X-Merchant-ID), then bench/report.lua for the JSON summary.
--   SHOPPER_MODE=miss   text search, every query string new ("<colour> <material> <item> under $<n>", mixed-radix from a counter)
--   SHOPPER_MODE=hit    one fixed text search (primed before measuring), so every request is a cache hit
--   SHOPPER_MODE=color  text+colour search, every query/colour pair new
--   SHOPPER_SALT        offsets the counter so warm-up, measured runs and earlier runs use different queries
local colours = {"black", "white", "navy", "red", "olive", "khaki", "charcoal", "cream", "burgundy", "emerald", "camel", "tan",
  "light blue", "cobalt", "pink", "mustard", "forest green", "sage", "terracotta", "coral", "grey", "brown", "beige", "lavender"}
local materials = {"linen", "cotton", "wool", "merino", "denim", "leather", "suede", "silk", "satin", "fleece", "cashmere", "corduroy",
  "nylon", "jersey", "canvas"}
local items = {"shirt", "tee", "blouse", "polo", "tank top", "dress", "maxi dress", "gown", "blazer", "jacket", "coat", "parka", "sweater",
  "cardigan", "hoodie", "chinos", "jeans", "trousers", "shorts", "skirt", "leggings", "sneakers", "boots", "loafers", "sandals", "tote",
  "backpack", "scarf", "beanie", "belt"}
local mode = os.getenv("SHOPPER_MODE") or "miss"
local salt = tonumber(os.getenv("SHOPPER_SALT") or "0")
local merchant = os.getenv("SHOPPER_MERCHANT") or "50001"
local counter, threads = 0, 0
tid = 0

function setup(thread) thread:set("tid", threads); threads = threads + 1 end

local function pick(list, n) return list[(n % #list) + 1], math.floor(n / #list) end

request = function()
  local headers = {["Content-Type"] = "application/json", ["X-Merchant-ID"] = merchant}
  if mode == "hit" then
    return wrk.format("POST", wrk.path, headers, '{"query_str":"navy linen shirt","limit":10}')
  end
  counter = counter + 1
  local n = (salt + tid * 1000003 + counter) % 4006800
  local c, m, i, rest
  c, rest = pick(colours, n); m, rest = pick(materials, rest); i, rest = pick(items, rest)
  local price = 30 + (rest % 371)
  if mode == "color" then
    return wrk.format("POST", wrk.path, headers,
      string.format('{"query_str":"%s %s under $%d","color":"%s","limit":10}', m, i, price, c))
  end
  return wrk.format("POST", wrk.path, headers, string.format('{"query_str":"%s %s %s under $%d","limit":10}', c, m, i, price))
end

dofile(os.getenv("BENCH_DIR") .. "/report.lua")
