-- A page mix for wrk, and the server's own time per page.
--
--   MIX_FILE=requests.tsv MIX_OUT=out.json wrk -t2 -c64 -d30s -s bench/mix.lua http://127.0.0.1:8080
--
-- Each line of MIX_FILE is `label<TAB>path<TAB>cookie` (the cookie may be empty: a visitor
-- without an account). The lines are requested in turn, each thread starting elsewhere, so a
-- page's share of the load is its share of the lines. The server's time comes from its
-- `Server-Timing: app;dur=…;desc="<route>"` header (setting `server_timing`); responses are
-- grouped by that route. MIX_OUT receives JSON: totals, client latency, and per route the
-- count, the p50/p99/max server time in ms and the responses with status 400 or more.

local lines = {}
for line in io.lines(os.getenv("MIX_FILE")) do
  local label, path, cookie = line:match("^([^\t]*)\t([^\t]*)\t?(.*)$")
  if path then
    lines[#lines + 1] = { path, cookie }
  end
end

local threads = {}

function setup(thread)
  thread:set("id", #threads)
  threads[#threads + 1] = thread
end

function init(args)
  counter = id * 7919
  times = {}
  failures = {}
end

function request()
  counter = counter + 1
  local entry = lines[(counter % #lines) + 1]
  local headers = { ["Accept-Language"] = "nl" }
  if entry[2] ~= "" then
    headers["Cookie"] = entry[2]
  end
  return wrk.format("GET", entry[1], headers)
end

-- The server's times, as counts per route and bucket in one flat table ("route<TAB>ms" ->
-- count): wrk copies a thread's table to `done` one level deep only. Buckets are 0.01 ms wide
-- below 10 ms, 0.1 ms below 100 ms and 1 ms above.
local function bucket(ms)
  if ms < 10 then
    return math.floor(ms * 100) / 100
  elseif ms < 100 then
    return math.floor(ms * 10) / 10
  end
  return math.floor(ms)
end

function response(status, headers, body)
  local timing = headers["server-timing"] or headers["Server-Timing"]
  local route = "(no Server-Timing)"
  if timing then
    local dur, desc = timing:match('dur=([%d%.]+);desc="([^"]*)"')
    if dur then
      route = desc
      local key = route .. "\t" .. string.format("%.2f", bucket(tonumber(dur)))
      times[key] = (times[key] or 0) + 1
    end
  end
  if status >= 400 then
    failures[route] = (failures[route] or 0) + 1
  end
end

-- The value below which `p` percent of a route's counted times lie.
local function percentile(buckets, total, p)
  local wanted, seen = math.max(1, math.ceil(total * p / 100)), 0
  for _, b in ipairs(buckets) do
    seen = seen + b[2]
    if seen >= wanted then
      return b[1]
    end
  end
  return buckets[#buckets][1]
end

function done(summary, latency, requests)
  local merged, failed = {}, {}
  for _, thread in ipairs(threads) do
    for key, n in pairs(thread:get("times")) do
      local route, ms = key:match("^(.*)\t(.*)$")
      local buckets = merged[route] or {}
      buckets[ms] = (buckets[ms] or 0) + n
      merged[route] = buckets
    end
    for route, n in pairs(thread:get("failures")) do
      failed[route] = (failed[route] or 0) + n
    end
  end
  local routes = {}
  for route, buckets in pairs(merged) do
    local sorted, total = {}, 0
    for ms, n in pairs(buckets) do
      sorted[#sorted + 1] = { tonumber(ms), n }
      total = total + n
    end
    table.sort(sorted, function(a, b) return a[1] < b[1] end)
    routes[#routes + 1] = string.format(
      '"%s": {"count": %d, "p50_ms": %.2f, "p99_ms": %.2f, "max_ms": %.2f, "failed": %d}',
      route, total, percentile(sorted, total, 50), percentile(sorted, total, 99),
      sorted[#sorted][1], failed[route] or 0)
  end
  local e = summary.errors
  local out = io.open(os.getenv("MIX_OUT"), "w")
  out:write(string.format(
    '{"requests": %d, "seconds": %.3f, "requests_per_s": %.1f, ' ..
    '"client_p50_ms": %.3f, "client_p99_ms": %.3f, ' ..
    '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}, ' ..
    '"routes": {%s}}',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.connect, e.read, e.write, e.status, e.timeout, table.concat(routes, ", ")))
  out:close()
end

-- MIX_TIMES=0: no response hook, so that wrk does not hand each response to Lua; for
-- comparing throughput with nginx on equal terms.
if os.getenv("MIX_TIMES") == "0" then
  response = nil
end
