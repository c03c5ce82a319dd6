-- wrk request generator shared by bench/d1 and bench/kv (see bench/README.md).
-- Arguments (after wrk's `--`): METHOD PATH [BODY] [BASE] [RANDOM_MAX]
--   {n} in PATH/BODY becomes a number unique to this wrk run: BASE + thread * 100000000 + counter, so inserted ids
--       and KV keys (at most one write per key per second) are never repeated;
--   {r} becomes a random integer in 1..RANDOM_MAX (point selects over existing rows).
-- done() prints the numbers the Java side parses; non-2xx answers and socket errors are counted, never hidden.
local next_thread = 0

function setup(thread)
  thread:set("tid", next_thread)
  next_thread = next_thread + 1
end

function init(args)
  method = args[1]
  template = args[2]
  body = args[3]
  if body == "" then body = nil end
  base = tonumber(args[4] or "0")
  random_max = tonumber(args[5] or "1")
  counter = 0
  math.randomseed(os.time() + (tid or 0) * 7919)
end

local function expand(s, n, r)
  if s == nil then return nil end
  return (s:gsub("{n}", n):gsub("{r}", r))
end

function request()
  counter = counter + 1
  local n = string.format("%d", base + (tid or 0) * 100000000 + counter)
  local r = tostring(math.random(1, random_max))
  return wrk.format(method, expand(template, n, r), nil, expand(body, n, r))
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("bench requests %d\n", summary.requests))
  io.write(string.format("bench duration_us %d\n", summary.duration))
  io.write(string.format("bench p50_us %d\n", latency:percentile(50)))
  io.write(string.format("bench p99_us %d\n", latency:percentile(99)))
  io.write(string.format("bench status_errors %d\n", e.status))
  io.write(string.format("bench socket_errors %d\n", e.connect + e.read + e.write + e.timeout))
end
