-- The soak's request mix for wrk (bench/soak.ts): one request in each
-- class by its weight, from the targets file given as the first argument;
-- the second argument is the pause before each request, in ms (0: as fast
-- as the server answers). Prints one JSON line at the end: requests,
-- seconds, latency percentiles (µs), socket errors and statuses.
--
-- Targets file, one line each: `W <class> <weight>` sets a class's weight;
-- `G <class> <path>` adds a page to it; `B <class> <id> <path>` adds a view
-- beacon for article <id> read at <path> (POST /views/<id>, each from a
-- visitor address of its own, as behind a proxy on 127.0.0.1).

local classes, order, total = {}, {}, 0
local pause = 0
local visitor = 0
-- Globals, not locals: setup() sets thread_number in each thread, and done() reads statuses.
thread_number = 0
statuses = {}

local threads = {}
function setup(thread)
  thread:set("thread_number", #threads)
  table.insert(threads, thread)
end

function init(args)
  pause = tonumber(args[2]) or 0
  math.randomseed(os.time() + thread_number * 7919)
  for line in io.lines(args[1]) do
    local kind, class, a, b = line:match("^(%u) (%S+) (%S+) ?(%S*)$")
    if kind then
      if not classes[class] then
        classes[class] = { weight = 0, items = {}, next = 1 }
        table.insert(order, class)
      end
      local c = classes[class]
      if kind == "W" then
        c.weight = tonumber(a)
      elseif kind == "G" then
        table.insert(c.items, { path = a })
      elseif kind == "B" then
        table.insert(c.items, { beacon = a, page = b })
      end
    end
  end
  for _, name in ipairs(order) do
    total = total + classes[name].weight
  end
  -- Each thread starts its walk at a different place, so that distinct pages stay distinct.
  for _, name in ipairs(order) do
    local c = classes[name]
    c.next = 1 + (thread_number * 7717) % math.max(1, #c.items)
  end
end

local function pick()
  local r = math.random() * total
  for _, name in ipairs(order) do
    local c = classes[name]
    r = r - c.weight
    if r < 0 and #c.items > 0 then
      local item = c.items[c.next]
      c.next = c.next % #c.items + 1
      return item
    end
  end
  return classes[order[1]].items[1]
end

function request()
  local item = pick()
  if item.beacon then
    visitor = visitor + 1
    local n = thread_number * 1000000 + visitor
    return wrk.format("POST", "/views/" .. item.beacon, {
      ["X-Forwarded-For"] = string.format("198.%d.%d.%d", 18 + math.floor(n / 65536) % 2,
        math.floor(n / 256) % 256, n % 256),
      ["User-Agent"] = wrk.headers["user-agent"] .. " reader/" .. n,
      ["Referer"] = "http://" .. wrk.host .. ":" .. wrk.port .. item.page,
    }, "")
  end
  return wrk.format("GET", item.path)
end

function delay()
  return pause
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local counts = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do
      counts[status] = (counts[status] or 0) + n
    end
  end
  local parts = {}
  for status, n in pairs(counts) do
    table.insert(parts, string.format('"%d":%d', status, n))
  end
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"seconds":%.3f,"p50":%d,"p99":%d,"max":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"timeout":%d},"statuses":{%s}}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50), latency:percentile(99),
    latency.max, e.connect, e.read, e.write, e.timeout, table.concat(parts, ",")))
end
